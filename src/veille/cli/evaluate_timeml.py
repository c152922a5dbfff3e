"""``veille eval FILE.tml…``: score the time layer against TimeML files (TempEval-3 measures)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from veille.eval.timeml import TimemlScores, evaluate_timeml
from veille.settings import Settings


def wants_timeml(golds: list[Path], flag: bool) -> bool:
    """Say whether ``veille eval`` should run the TimeML scorer: asked for, or every input is ``.tml``."""
    return flag or (bool(golds) and all(path.suffix == ".tml" for path in golds))


def run_timeml(args: argparse.Namespace, settings: Settings) -> int:
    """Score the TimeML files of ``args.golds``; print strict/relaxed/value/type P, R, F1 as
    ``args.format`` asks (to ``args.out`` when given); 1 when a file could not be scored."""
    total, documents = evaluate_timeml(args.golds, settings=settings)
    payload = {"total": total.to_dict(), "documents": {name: s.to_dict() for name, s in documents}}
    target = args.out.open("w", encoding="utf-8") if args.out else None
    try:
        if args.format in ("json", "jsonl"):
            records: list[Any] = (
                [payload]
                if args.format == "json"
                else [{"document": name, **scores.to_dict()} for name, scores in documents]
                + [{"document": "total", **total.to_dict()}]
            )
            lines = [
                json.dumps(r, ensure_ascii=False, indent=1 if args.format == "json" else None)
                for r in records
            ]
            (target or sys.stdout).write("\n".join(lines) + "\n")
        else:
            out = Console(file=target, highlight=False, width=120) if target else Console(highlight=False)
            if not args.total_only:
                for name, scores in documents:
                    out.print(timeml_table(scores, name))
            out.print(timeml_table(total, f"total ({total.documents} TimeML documents, micro)"))
    finally:
        if target:
            target.close()
    errors = Console(highlight=False, stderr=True)
    for failure in total.failures:
        errors.print(f"[red]failed[/red] {escape(failure)}")
    if args.json:  # deprecated alongside --format json --out
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
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
