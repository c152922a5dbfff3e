"""``veille eval FILE.tml…``: score the time layer against TimeML files (TempEval-3 measures)."""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from veille.eval.timeml import TimemlScores, evaluate_timeml
from veille.settings import Settings


def wants_timeml(golds: list[Path], flag: bool) -> bool:
    """Say whether ``veille eval`` should run the TimeML scorer: asked for, or every input is ``.tml``."""
    return flag or (bool(golds) and all(path.suffix == ".tml" for path in golds))


def run_timeml(
    golds: list[Path], settings: Settings, json_out: Path | None, total_only: bool, out: Console
) -> int:
    """Score the TimeML files, print strict/relaxed/value/type P, R, F1; 1 when a file failed."""
    total, documents = evaluate_timeml(golds, settings=settings)
    if not total_only:
        for name, scores in documents:
            out.print(timeml_table(scores, name))
    out.print(timeml_table(total, f"total ({total.documents} TimeML documents, micro)"))
    for failure in total.failures:
        out.print(f"[red]failed[/red] {escape(failure)}")
    if json_out:
        payload = {"total": total.to_dict(), "documents": {name: s.to_dict() for name, s in documents}}
        json_out.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 1 if total.failures else 0


def timeml_table(scores: TimemlScores, title: str) -> Table:
    """Return a table: one row per TempEval measure (strict, relaxed, value, type)."""
    table = Table(
        "timexes", "gold", "system", "matched", "P", "R", "F1", title=escape(title), title_justify="left"
    )
    for name in ("strict", "relaxed", "value", "type"):
        matched = getattr(scores, name)
        precision, recall, f1 = scores.prf(matched)
        table.add_row(
            name,
            str(scores.gold),
            str(scores.system),
            str(matched),
            f"{precision:.3f}",
            f"{recall:.3f}",
            f"{f1:.3f}",
        )
    return table
