"""``veille analyze``: analyse articles and print or write their analyses."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from veille.cli.options import add_limit_arguments, limit_settings
from veille.cli.output import FORMATS, print_json, print_jsonl
from veille.cli.progress import stderr_progress
from veille.cli.render import print_document
from veille.errors import SettingsError
from veille.ingest.text import check_date
from veille.model import Failure
from veille.runners.analyze import DocumentWriter, analyze_inputs
from veille.settings import TIMEX_EXTENTS, Settings, check_stages


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "analyze",
        help="analyse articles (files, folders, JSONL, HTML, - for stdin)",
        description=(
            "Analyse articles and print who said what, who did what, when and where. "
            "Inputs are text files (.txt, .text, .md; optional 'date YYYY-MM-DD' header), "
            "JSON Lines (.jsonl, .ndjson; one article a line), HTML pages (.html, .htm), "
            "folders of them (recursive), or - for standard input. "
            "Unreadable inputs are listed at the end and make the exit code non-zero."
        ),
    )
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="file, folder, JSONL, HTML, or - for stdin"
    )
    parser.add_argument(
        "--format",
        choices=(*FORMATS, "text"),
        default="table",
        metavar="{table,json,jsonl}",
        help="table (for people; 'text' is an alias), json (one indented veille.analysis/1 object per "
        "article) or jsonl (one object a line)",
    )
    parser.add_argument("--out", type=Path, help="write one OUT/NAME.json per article instead of printing")
    parser.add_argument("--date", help="publication date (YYYY-MM-DD) for articles that have none")
    parser.add_argument(
        "--lang",
        help="analyse every article with this language's rules (default: the article's, else detected)",
    )
    parser.add_argument("--stages", help="comma-separated stages to run (default: all)")
    parser.add_argument(
        "--extent",
        choices=TIMEX_EXTENTS,
        default="timeml",
        help="time expression spans: timeml (TimeML extents, the default), core (the core alone) or "
        "tempeval (timeml plus the vague words TempEval corpora tag); docs/time.md",
    )
    add_limit_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.date:
        check_date(args.date, where="--date")
    if args.out is not None and args.out.exists() and not args.out.is_dir():
        raise SettingsError(f"--out {args.out} exists and is not a folder")
    settings = Settings(
        default_date=args.date,
        stages=check_stages(args.stages),
        lang=args.lang,
        timex_extent=args.extent,
        **limit_settings(args),
    )

    failures: list[Failure] = []
    analysed = 0
    writer = DocumentWriter(args.out) if args.out is not None else None
    # A bar only while writing files: printed results would tear through it.
    with stderr_progress("analyze", wanted=writer is not None) as bar:
        for name, result in analyze_inputs(args.inputs, settings, progress=bar):
            if isinstance(result, Failure):
                failures.append(result)
                continue
            analysed += 1
            if writer is not None:
                writer.write(name, result)
            elif args.format == "json":
                # The contract: one veille.analysis/1 object per article, however many there are.
                print_json(result.to_dict())
            elif args.format == "jsonl":
                print_jsonl([result.to_dict()])
            else:
                print_document(result)

    # Bad inputs are listed after the output, so that they are the last thing a user sees.
    for failure in failures:
        print(f"veille: error: {failure}", file=sys.stderr)
    if writer is not None and analysed:
        print(f"veille: wrote {analysed} analyses to {args.out}", file=sys.stderr)
    if failures and analysed:
        print(f"veille: {analysed} analysed, {len(failures)} failed", file=sys.stderr)
    return 1 if failures else 0
