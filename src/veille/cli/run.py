"""``veille run ray``: analyse a corpus on a Ray cluster (or a local Ray) into Parquet."""

from __future__ import annotations

import argparse

from rich.markup import escape

from veille.cli.render import console
from veille.errors import SettingsError
from veille.ingest.text import check_date
from veille.settings import Settings

SHOWN_FAILURES = 20  # a run over millions of articles may fail thousands: the Parquet holds them all


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "run",
        help="analyse a corpus on an engine: ray (pip install 'veille[ray]') into Parquet",
        description="Analyse articles on a distributed engine, with the same analysis as `veille ingest`.",
    )
    engines = parser.add_subparsers(dest="engine", metavar="ENGINE", required=True)
    ray = engines.add_parser(
        "ray",
        help="Ray Data: actors that load the model once, Parquet out",
        description="Read JSONL, text, HTML or Parquet articles, analyse them on Ray actors, and write "
        "OUTPUT/documents (one row per article: its Document as JSON, or why it failed) and one Parquet "
        "folder per table of `veille export --format parquet`. `veille ingest --from-parquet OUTPUT` "
        "loads the result into a store.",
    )
    ray.add_argument(
        "--input", action="append", required=True, metavar="DIR|GLOB",
        help="a folder, file, glob or URI (s3://…); repeat for more",
    )  # fmt: skip
    ray.add_argument("--output", required=True, metavar="DIR", help="an empty folder or a URI to write into")
    ray.add_argument("--address", help="an existing cluster (ray://head:10001, auto); default: a local Ray")
    ray.add_argument("--actors", type=int, default=1, help="analysis actors, one CPU and one model each")
    ray.add_argument("--date", help="publication date (YYYY-MM-DD) for articles that have none")
    ray.add_argument(
        "--lang",
        help="analyse every article with this language's rules (default: the article's, else detected)",
    )
    ray.add_argument("--stages", help="comma-separated analysis stages to run (default: all)")
    ray.add_argument("--quiet", action="store_true", help="no progress bars")
    ray.set_defaults(func=run_ray_command)


def run_ray_command(args: argparse.Namespace) -> int:
    from veille.runners.ray import run_ray

    if args.date:
        check_date(args.date, where="--date")
    if args.actors < 1:
        raise SettingsError(f"--actors must be 1 or more, not {args.actors}")
    stages = tuple(s.strip() for s in args.stages.split(",") if s.strip()) if args.stages else None
    settings = Settings(default_date=args.date, stages=stages, lang=args.lang)
    summary = run_ray(
        args.input, args.output, settings, address=args.address, actors=args.actors, progress=not args.quiet
    )
    for failure in summary.failures[:SHOWN_FAILURES]:
        console.print(f"[red]failed[/red] {escape(failure.where)}: {escape(failure.reason)}")
    if len(summary.failures) > SHOWN_FAILURES:
        console.print(f"… and {len(summary.failures) - SHOWN_FAILURES} more failure rows in the output")
    tables = ", ".join(f"{name} {count}" for name, count in summary.tables.items())
    console.print(
        f"[bold]{summary.documents} documents[/bold], "
        f"[{'red' if summary.failures else 'bold'}]{len(summary.failures)} failed[/] → "
        f"{escape(summary.output)} in {summary.seconds:.1f} s" + (f" ({escape(tables)})" if tables else "")
    )
    return 0  # failures are rows of the output, not a failed job
