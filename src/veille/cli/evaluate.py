"""``veille eval``: score the pipeline against gold files, and guard the quality floors."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape

from veille.cli.evaluate_timeml import run_timeml, wants_timeml
from veille.cli.output import add_format_argument
from veille.cli.progress import stderr_progress
from veille.cli.render import Column, print_records
from veille.errors import SettingsError
from veille.eval.baseline import check_baseline, raise_baseline
from veille.eval.harness import Evaluation, evaluate
from veille.eval.scores import Counts, Metric, Scores
from veille.settings import TIMEX_EXTENTS, Settings, check_stages

_console = Console(highlight=False, soft_wrap=True)
_errors = Console(highlight=False, soft_wrap=True, stderr=True)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "eval",
        help="score the analysis against gold files (veille.gold/1)",
        description="Analyse the articles of gold files with the real pipeline and print per-layer "
        "precision, recall and F1, variant recall, merges and accuracies (DESIGN.md §8).",
    )
    parser.add_argument(
        "golds",
        nargs="+",
        type=Path,
        metavar="GOLD",
        help="a NAME.gold.json file, or a folder holding them (searched recursively)",
    )
    parser.add_argument(
        "--texts",
        type=Path,
        metavar="DIR",
        help="folder of the article texts (default: beside each gold file)",
    )
    add_format_argument(parser)
    parser.add_argument(
        "--out", type=Path, metavar="FILE", help="write the output to FILE instead of printing it"
    )
    parser.add_argument(
        "--json",
        type=Path,
        metavar="OUT",
        help="deprecated: print the tables and also write the JSON to OUT (use --format json --out OUT)",
    )
    parser.add_argument(
        "--errors",
        action="store_true",
        help="list each article's errors (missed, false positives, wrong values)",
    )
    parser.add_argument("--total-only", action="store_true", help="print only the total table")
    parser.add_argument("--stages", help="comma-separated stages to run (default: all)")
    parser.add_argument(
        "--set",
        dest="set_name",
        metavar="NAME",
        help="the set's name in the baseline file (needed with --check/--raise-baseline)",
    )
    parser.add_argument(
        "--check-baseline",
        type=Path,
        metavar="FILE",
        help="exit non-zero, listing each metric below its floor in FILE",
    )
    parser.add_argument(
        "--raise-baseline",
        type=Path,
        metavar="FILE",
        help="raise the set's floors in FILE to today's scores (never lowers one)",
    )
    parser.add_argument(
        "--timeml",
        action="store_true",
        help="read GOLD as TimeML (.tml files or folders of them) and report TempEval strict, relaxed "
        "and value F1 of the time layer (the default when every GOLD ends in .tml)",
    )
    parser.add_argument(
        "--extent",
        choices=TIMEX_EXTENTS,
        help="time expression spans to score: timeml (the default for gold files), core, or tempeval "
        "(the default for TimeML files: the vague words TempEval corpora tag); docs/time.md",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if (args.check_baseline or args.raise_baseline) and not args.set_name:
        raise SettingsError("--check-baseline and --raise-baseline need --set NAME (e.g. --set seed)")
    stages = check_stages(args.stages)
    if wants_timeml(args.golds, args.timeml):
        return run_timeml(args, Settings(stages=stages, timex_extent=args.extent or "tempeval"))
    settings = Settings(stages=stages, timex_extent=args.extent or "timeml")
    with stderr_progress("eval") as bar:
        evaluation = evaluate(args.golds, args.texts, settings=settings, progress=bar)
    write_evaluation(evaluation, args)
    # Beside JSON on stdout, the baseline's messages go to stderr, so that stdout stays JSON.
    console = _console if args.format == "table" or args.out else _errors
    metrics = evaluation.total.metrics()
    if args.raise_baseline:
        floors = raise_baseline(args.raise_baseline, args.set_name, metrics, failed=len(evaluation.failures))
        console.print(
            f"floors of set {escape(args.set_name)} in {escape(str(args.raise_baseline))}: "
            f"{len(floors)} metrics, none lowered"
        )
    if args.check_baseline:
        failures = check_baseline(args.check_baseline, args.set_name, metrics)
        for failure in failures:
            console.print(f"[red]below baseline[/red] {escape(failure)}")
        if failures:
            return 1
        console.print(f"set {escape(args.set_name)}: every metric at or above its floor")
    return 1 if evaluation.failures else 0


def write_evaluation(evaluation: Evaluation, args: argparse.Namespace) -> None:
    """Print the evaluation in --format, or write it to --out; --json OUT also writes JSON there."""
    if args.json is not None:
        print("veille: --json OUT is deprecated: use --format json --out OUT", file=sys.stderr)
        _write_json(args.json, evaluation.to_dict())
    target = args.out.open("w", encoding="utf-8") if args.out else None
    try:
        file = target or sys.stdout
        if args.format == "json":
            file.write(json.dumps(evaluation.to_dict(), ensure_ascii=False, indent=1) + "\n")
        elif args.format == "jsonl":
            for record in evaluation_records(evaluation):
                file.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            out = Console(file=target, highlight=False, width=120) if target else _console
            print_evaluation(out=out, evaluation=evaluation, errors=args.errors, total_only=args.total_only)
    finally:
        if target is not None:
            target.close()


def evaluation_records(evaluation: Evaluation) -> list[dict[str, Any]]:
    """Return the JSON Lines records of an evaluation: one per article, then the total."""
    data = evaluation.to_dict()
    total = {"name": "total", "metrics": data["total"], "failures": data["failures"]}
    return [*data["articles"], total]


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def print_evaluation(
    evaluation: Evaluation, *, out: Console | None = None, errors: bool = False, total_only: bool = False
) -> None:
    """Print one table per article (unless ``total_only``), then the micro total."""
    out = out or _console
    if not total_only:
        for article in evaluation.articles:
            print_scores(out, article.scores, article.name)
            if errors:
                for kind, lines in sorted(article.errors.items()):
                    for line in lines:
                        out.print(f"  {escape(kind)}: {escape(line)}", soft_wrap=False)
                out.print()
    print_scores(out, evaluation.total, f"total ({len(evaluation.articles)} articles, micro)")
    for failure in evaluation.failures:
        out.print(f"[red]analysis failed[/red] {escape(str(failure))}", soft_wrap=False)


def print_scores(out: Console, scores: Scores, title: str) -> None:
    """Print a table with a row per layer: counts, precision, recall, F1 and the layer's accuracies."""
    rows: list[tuple[str, Counts, list[tuple[str, Metric]]]] = [
        (
            "entities",
            scores.entities,
            [
                ("variants", scores.variants.value),
                ("merges", scores.merges),
                ("linking", scores.linking.value),
                ("nil", scores.nil.value),
                ("types", scores.entity_types.value),
            ],
        ),
        (
            "quotes",
            scores.quotes,
            [
                ("speakers", scores.speakers.value),
                ("kinds", scores.quote_kinds.value),
                ("end-to-end", scores.attributed.f1),
            ],
        ),
        ("timexes", scores.timexes, [("values", scores.timex_values.value)]),
        ("events", scores.events, [("dates", scores.event_dates.value)]),
    ]
    cells = [
        [layer, str(counts.gold), str(counts.found), str(counts.system), _format(counts.precision),
         _format(counts.recall), _format(counts.f1), " · ".join(f"{name} {_format(v)}" for name, v in extras)]
        for layer, counts, extras in rows
    ]  # fmt: skip
    numbers = [Column(h, justify="right") for h in ("gold", "found", "system", "P", "R", "F1")]
    columns = [Column("layer"), *numbers, Column("also", "main", room=20)]
    print_records(out, columns, cells, title=escape(title))


def _format(value: Metric) -> str:
    if value is None:
        return "—"
    return str(value) if isinstance(value, int) else f"{value:.2f}"
