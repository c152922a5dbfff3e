"""``veille ingest``: analyse articles into the store, skipping what is already there."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.markup import escape

from veille.cli.options import add_limit_arguments, limit_settings
from veille.cli.progress import ProgressBar
from veille.cli.render import console, error_console
from veille.cli.store_common import add_store_argument
from veille.errors import SettingsError
from veille.ingest.text import check_date
from veille.runners.ingest import IngestSummary, ingest
from veille.settings import Settings, check_stages


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="analyse articles into the store (files, folders, JSONL, HTML, - for stdin)",
        description="Analyse articles into the store. An article already stored with the same content is "
        "skipped, so a run cut short can simply be started again. JSONL exported by `veille export` is "
        "stored without being analysed again.",
    )
    add_store_argument(parser)
    parser.add_argument(
        "inputs", nargs="*", metavar="INPUT", help="file, folder, JSONL, HTML, or - for stdin"
    )
    parser.add_argument(
        "--from-parquet", type=Path, metavar="DIR", help="store the output of `veille run ray` (no analysis)"
    )
    parser.add_argument(
        "--workers", type=int, default=1, help="analysis processes, each loading the model once"
    )
    parser.add_argument(
        "--reanalyze", action="store_true", help="analyse stored articles again and replace them"
    )
    parser.add_argument(
        "--replace",
        action="store_true",
        help="an id already stored with other content: store the new article in its place",
    )
    parser.add_argument("--date", help="publication date (YYYY-MM-DD) for articles that have none")
    parser.add_argument(
        "--lang",
        help="analyse every article with this language's rules (default: the article's, else detected)",
    )
    parser.add_argument("--stages", help="comma-separated analysis stages to run (default: all)")
    add_limit_arguments(parser)
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(func=run)


def settings_from(args: argparse.Namespace) -> Settings:
    if args.date:
        check_date(args.date, where="--date")
    if args.workers < 0:
        raise SettingsError(f"--workers must be 0 or more, not {args.workers}")
    return Settings(
        default_date=args.date, stages=check_stages(args.stages), lang=args.lang, db_path=args.db,
        workers=args.workers, **limit_settings(args),
    )  # fmt: skip


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    if bool(args.inputs) == bool(args.from_parquet):
        raise SettingsError("give either INPUT files or --from-parquet DIR")
    if args.from_parquet:
        from veille.runners.results import ingest_results

        def job(bar: ProgressBar | None) -> IngestSummary:
            return ingest_results(args.from_parquet, settings, progress=bar)
    else:

        def job(bar: ProgressBar | None) -> IngestSummary:
            return ingest(args.inputs, settings, reanalyze=args.reanalyze, replace=args.replace, progress=bar)

    if args.quiet:
        summary = job(None)
    else:
        with ProgressBar() as bar:
            summary = job(bar)
    print_summary(summary, settings.db_path)
    return 1 if summary.failures else 0


def print_summary(summary: IngestSummary, db: Path) -> None:
    """Print the failures (on stderr), then one line of counts."""
    for failure in summary.failures:
        line = f" line {failure.line}" if failure.line and f":{failure.line}" not in failure.where else ""
        error_console.print(f"[red]failed[/red] {escape(failure.where)}{line}: {escape(failure.reason)}")
    rate = summary.rate
    replaced = f", {summary.replaced} replaced" if summary.replaced else ""
    console.print(
        f"[bold]{summary.ingested} ingested[/bold]{replaced}, {summary.skipped} skipped (already stored), "
        f"[{'red' if summary.failed else 'bold'}]{summary.failed} failed[/] into {escape(str(db))} "
        f"in {summary.seconds:.1f} s ({rate:.1f} articles/s once the model was loaded, run {summary.run_id})"
    )
