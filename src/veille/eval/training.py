"""Say which annotated articles a learned model may train on, and refuse the rest.

The held-out dev2 articles (d2-025 and after) and the blind sets (tests/gold28,
tests/gold29, tests/gold36, tests/gold40 and tests/gold43) measure how veille does on news nobody tuned
on: no training script, and no error listing, may read them. The speaker ranker, the event
detector, the event party ranker and the quote tally all ask here; the event learners'
scripts also count their curves here.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from veille.eval.gold import Gold
from veille.eval.matching import EntityMap
from veille.eval.scores import event_counts
from veille.model import Document

# An event a learned part adds must be right at least this often (a false event costs what a
# missed one does), and the cross-validation must show at least LEAST_RIGHT right added events:
# one right event of one is a precision of 1.0 that measures nothing.
PRECISION_FLOOR = 0.65
LEAST_RIGHT = 5
HELD_OUT_FIRST = 25  # dev2 d2-025 and after are the held-out check
# tests/gold3 was blind until the fifth session, tests/gold7 until the sixth, tests/gold9 until
# the seventh, tests/gold10 until the eighth, tests/gold12 until the ninth, tests/gold15 until
# the eleventh, tests/gold17 until the twelfth, tests/gold18 until the thirteenth, tests/gold19
# until the fourteenth, tests/gold20 until the fifteenth, tests/gold21 until the sixteenth,
# tests/gold22 until the seventeenth, tests/gold23 until the eighteenth, tests/gold24
# until the nineteenth, tests/gold25 until the twentieth, tests/gold26 until the
# twenty-first and tests/gold27 until the twenty-second; each was then opened for error
# study (docs/evaluation.md).
BLIND_FOLDERS = ("gold28", "gold29", "gold36", "gold40", "gold43")
# The project's own gold sets a model may learn from (the blind sets never).
TRAINING_FOLDERS = (
    "tests/gold",
    "tests/gold2",
    "tests/gold3",
    "tests/gold4",
    "tests/gold5",
    "tests/gold6",
    "tests/gold7",
    "tests/gold8",
    "tests/gold9",
    "tests/gold10",
    "tests/gold11",
    "tests/gold12",
    "tests/gold13",
    "tests/gold14",
    "tests/gold15",
    "tests/gold16",
    "tests/gold17",
    "tests/gold18",
    "tests/gold19",
    "tests/gold20",
    "tests/gold21",
    "tests/gold22",
    "tests/gold23",
    "tests/gold24",
    "tests/gold25",
    "tests/gold26",
    "tests/gold27",
    "tests/gold30",  # training sets written by annotators in the nineteenth session
    "tests/gold31",
    "tests/gold32",
    "tests/gold33",
    "tests/gold34",  # written late in the nineteenth session: no shipped table has learned from them yet
    "tests/gold35",
    "tests/gold37",  # training sets written in the twentieth session (events, events, sections)
    "tests/gold38",
    "tests/gold39",
    "tests/gold41",  # training sets of the twenty-first session (business; sport, culture, civic)
    "tests/gold42",
    "tests/gold44",  # training sets written in the twenty-second session (events; speakers and descriptions)
    "tests/gold45",
)


def refuse_unallowed(golds: list[Path]) -> None:
    """Exit, naming the file, when any of ``golds`` is held out or blind (a training script
    given files by hand, ``--golds``, reads none of them)."""
    for path in golds:
        if not allowed(path):
            raise SystemExit(f"{path}: a held-out or blind file; no training script reads it")


def collected(
    golds: list[Path], stage_type: type, *, same_ids: bool = False
) -> Iterator[tuple[Path, Gold, Document, list[Any]]]:
    """Run the real pipeline on each allowed gold's article (refusing the held-out and blind
    ones) and yield the path, the gold, the analysis and what the stage of ``stage_type``
    recorded in its ``collect`` list meanwhile (the speaker and description rankers' rows).
    With ``same_ids`` the checks that renumber entities (the keeper, the merger) are off, so
    the analysis keeps the entity ids the stage recorded (a speaker recorded as e7 would
    otherwise be read as whichever entity became e7)."""
    from veille.analysis.pipeline import Pipeline  # the model, loaded only by a training run
    from veille.eval.harness import load_cases

    refuse_unallowed(golds)
    cases = load_cases(golds)
    pipeline = Pipeline()
    if same_ids:
        pipeline.keeper = pipeline.merger = None
    stage: Any = next(s for _n, s in pipeline.stages if isinstance(s, stage_type))
    for path, case in zip(golds, cases, strict=True):
        stage.collect = []
        doc = pipeline.analyze(case.article)
        records = stage.collect
        stage.collect = None
        yield path, case.gold, doc, records


def ranker_rows(
    doc: str, root: Path, collect: Callable[[list[Path]], list[Any]], argv: list[str] | None
) -> tuple[list[Any], bool]:
    """Parse a ranker training script's arguments (--shared, --rows, --no-write) and return
    its rows, read from the --rows file when it exists, else gathered by ``collect`` over
    the allowed golds (and written there), with whether to write the weights."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=root.parent / "shared")
    parser.add_argument("--rows", type=Path, help="read (if it exists) or write the gathered rows here")
    parser.add_argument("--no-write", action="store_true", help="report only; keep the shipped weights")
    args = parser.parse_args(argv)
    if args.rows is not None and args.rows.is_file():
        return json.loads(args.rows.read_text(encoding="utf-8")), not args.no_write
    golds = training_golds(args.shared, root)
    print(f"{len(golds)} annotated articles", file=sys.stderr)
    rows = collect(golds)
    if args.rows is not None:
        args.rows.write_text(json.dumps(rows), encoding="utf-8")
    return rows, not args.no_write


def report_curve(
    table: dict[float, Counter[str]], precision: Callable[[Counter[str]], float], chosen: float
) -> None:
    """Print a ranker's cross-validated counts and precision at each threshold, then the
    threshold chosen (on stderr, for the training scripts)."""
    for threshold, counts in table.items():
        print(f"{threshold:.3f}  {dict(counts)}  precision {precision(counts):.3f}", file=sys.stderr)
    print(f"chosen threshold {chosen}", file=sys.stderr)


def allowed(path: Path) -> bool:
    """Return False for a held-out dev2 article or a file of a blind set."""
    if any(part in BLIND_FOLDERS for part in path.resolve().parts):
        return False
    number = re.match(r"d2-(\d+)", path.name)
    return number is None or int(number.group(1)) < HELD_OUT_FIRST


def training_golds(shared: Path, root: Path) -> list[Path]:
    """Return the gold files of ``shared`` (../shared) and repository ``root`` a model may learn from."""
    golds = [shared / "examples/seed.gold.json"]
    golds += sorted((shared / "corpus/dev").glob("*.gold.json"))
    golds += sorted(p for p in (shared / "corpus/dev2").glob("d2-*.gold.json") if allowed(p))
    for folder in TRAINING_FOLDERS:
        golds += sorted((root / folder).glob("*.gold.json"))
    return golds


def event_counter(gold: Gold, doc: Document, emap: EntityMap) -> Counter[str]:
    """Return an article's required gold, system and matched event counts as the evaluation
    scores them, in a Counter that a learner's curve adds its own counts to."""
    counts = event_counts(gold, doc, emap)
    return Counter(gold=counts.gold, found=counts.found, system=counts.system)


def prf(count: Counter[str]) -> tuple[float, float, float]:
    """Return precision, recall and F1 of an event Counter, rounded to three places."""
    p = count["found"] / count["system"] if count["system"] else 1.0
    r = count["found"] / count["gold"] if count["gold"] else 1.0
    return round(p, 3), round(r, 3), round(2 * p * r / (p + r), 3) if p + r else 0.0


def chosen_threshold(
    curve: dict[float, Counter[str]],
    rules: Counter[str],
    precision: float = PRECISION_FLOOR,
    least: int = LEAST_RIGHT,
) -> float:
    """Return the lowest threshold of a cross-validated ``curve`` (per threshold: the event
    counts of rules + model, with ``added`` and ``gained``, the right ones among them) whose
    added events are right at least ``precision`` of the time, at least ``least`` of them,
    and whose F1 beats the ``rules`` alone; 1.0 (the part off) when none does."""
    good = [
        threshold
        for threshold, count in curve.items()
        if count["gained"] >= least
        and count["gained"] >= precision * count["added"]
        and prf(count)[2] > prf(rules)[2]
    ]
    return min(good) if good else 1.0


def leave_one_article_out(
    rows: list[dict[str, Any]], fit: Callable[[list[dict[str, Any]]], Any]
) -> list[float]:
    """Return each row's score (the probability of its positive class) by a binary model
    ``fit`` on the other articles' rows (the keeper's and the merger's cross-validation)."""
    scores = [0.0] * len(rows)
    for article in sorted({r["article"] for r in rows}):
        held = [i for i, r in enumerate(rows) if r["article"] == article]
        model = fit([r for r in rows if r["article"] != article])
        probs = model.predict_proba([rows[i]["features"] for i in held])[:, 1]
        for i, p in zip(held, probs, strict=True):
            scores[i] = float(p)
    return scores


def lowest_clean(
    table: dict[float, Counter[str]],
    precision: Callable[[Counter[str]], float],
    right: str,
    least: int,
    floor: float,
) -> float:
    """Return the lowest threshold of a check's cross-validated ``table`` (per threshold: the
    labels of the rows it would act on) with at least ``least`` rows labelled ``right`` and a
    ``precision`` of at least ``floor``; 1.01 (the check off) when none has."""
    for threshold, counts in sorted(table.items()):
        if counts[right] >= least and precision(counts) >= floor:
            return threshold
    return 1.01


def binary_check_main(script: Any, argv: list[str] | None) -> int:
    """Run a binary check's training script (the keeper's, the merger's): gather or read its
    rows, print their labels, its cross-validated curve and the threshold chosen, and write
    its weights table unless --no-write. ``script`` is the script's module: its ``__doc__``,
    ``ROOT``, ``TABLE``, ``FEATURES``, ``ABOUT`` (its table's note), ``WHAT`` (what a row
    is), ``collect``, ``fit``, ``curve``, ``chosen`` and ``precision``."""
    rows, write = ranker_rows(script.__doc__, script.ROOT, script.collect, argv)
    print(f"{len(rows)} {script.WHAT}: {dict(Counter(r['label'] for r in rows))}", file=sys.stderr)
    table = script.curve(rows, leave_one_article_out(rows, script.fit))
    threshold = script.chosen(table)
    report_curve(table, script.precision, threshold)
    if write:
        model = script.fit(rows)
        out = {
            "about": script.ABOUT,
            "threshold": threshold,
            "weights": {
                name: round(float(w), 4) for name, w in zip(script.FEATURES, model.coef_[0], strict=True)
            },
        }
        script.TABLE.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0
