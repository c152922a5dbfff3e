"""``veille kb``: build the KB, import a Wikidata dump, look a name or an office up."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

from veille.cli.output import add_format_argument, print_records_as
from veille.cli.render import Column, console, print_records
from veille.errors import SettingsError
from veille.ingest.text import check_date
from veille.kb.format import KBEntity
from veille.kb.query import search, who_held
from veille.kb.store import build_kb, open_kb
from veille.kb.wikidata import import_wikidata


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "kb",
        help="knowledge base: build, import-wikidata, lookup",
        description="Build and query the knowledge base that entities are linked to (docs/kb.md).",
    )
    commands = parser.add_subparsers(dest="kb_command", metavar="KB_COMMAND", required=True)

    build = commands.add_parser(
        "build", help="check a KB and build its SQLite file",
        description="Check KB JSONL files and build the SQLite KB the linker reads.",
    )  # fmt: skip
    build.add_argument("--kb", type=Path, help="KB file or folder (default: the starter KB)")
    build.add_argument("--out", type=Path, help="also copy the built SQLite file here")
    build.set_defaults(func=run_build)

    wikidata = commands.add_parser(
        "import-wikidata", help="turn a Wikidata JSON dump into a KB file",
        description="Stream a Wikidata JSON dump (.json, .json.gz, .json.bz2) and keep people with "
        "positions, organisations and places, as a veille.kb/1 file.",
    )  # fmt: skip
    wikidata.add_argument("dump", type=Path, metavar="DUMP", help="the Wikidata dump")
    wikidata.add_argument("--out", type=Path, required=True, help="the KB file to write (.jsonl)")
    wikidata.set_defaults(func=run_import)

    lookup = commands.add_parser(
        "lookup", help="find the KB entries of a name, or who held an office",
        description="Look a name up (exact, transliteration, fuzzy), or with --office ask who held "
        "an office of a country on a date.",
    )  # fmt: skip
    lookup.add_argument("name", nargs="?", help="a name or alias (Poutine, Kiyv, OTAN)")
    lookup.add_argument("--office", help="an office title (ministre des Affaires étrangères)")
    lookup.add_argument("--of", help="ISO3 country or KB id the office is of (UKR, Q7184)")
    lookup.add_argument("--date", help="the day (YYYY-MM-DD); default: any time")
    lookup.add_argument("--type", choices=("PER", "ORG", "LOC"), help="only entries of this type")
    lookup.add_argument("--kb", type=Path, help="KB file or folder (default: the starter KB)")
    add_format_argument(lookup)
    lookup.set_defaults(func=run_lookup)


def run_build(args: argparse.Namespace) -> int:
    kb, count = build_kb(args.kb, args.out)
    print(f"{count} entities, built in {kb.path}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    if args.out.suffix != ".jsonl":
        raise SettingsError(f"--out {args.out}: a KB file ends in .jsonl")
    with Progress(
        "[progress.description]{task.description}", BarColumn(), DownloadColumn(), TimeRemainingColumn(),
        transient=True,
    ) as bar:  # fmt: skip
        task = bar.add_task(f"reading {args.dump.name}", total=None)
        counts = import_wikidata(
            args.dump, args.out, lambda done, total: bar.update(task, completed=done, total=total)
        )
    print(
        f"{counts['read']} items read; kept {counts['PER']} people, {counts['ORG']} organisations, "
        f"{counts['LOC']} places in {args.out}"
    )
    return 0


def run_lookup(args: argparse.Namespace) -> int:
    if not args.name and not args.office:
        raise SettingsError("give a NAME, or --office TITLE (with --of and --date)")
    if args.date:
        check_date(args.date, where="--date")
    kb = open_kb(args.kb)
    if args.office:
        hits = [(e, "office", 1.0) for e in who_held(args.office, args.of, args.date, kb=kb)]
        missing = f"nobody in the KB held {args.office!r} of {args.of or '?'} on {args.date or 'any date'}"
    else:
        hits = search(args.name, kb, args.type)
        missing = f"no KB entry for {args.name!r}"
    records = [
        {
            **entity.to_dict(),
            "match": how,
            "score": round(score, 3),
            "roles_on_date": _roles(entity, args.date),
        }
        for entity, how, score in hits
    ]
    if not print_records_as(args.format, records):
        if hits:
            print_lookup(hits, args.date)
    if not hits:
        print(missing, file=sys.stderr)  # stdout stays valid JSON ([]) for scripts
        return 1
    return 0


def _roles(entity: KBEntity, date: str | None) -> list[dict[str, str | None]]:
    return [{"title": r.title, "of": r.of, "start": r.start, "end": r.end} for r in entity.roles_on(date)]


def print_lookup(
    hits: list[tuple[KBEntity, str, float]], date: str | None, *, out: Console | None = None
) -> None:
    """Print KB entries: id, type, name, country, how the name matched, roles (on ``date``)."""
    rows = []
    for entity, how, score in hits:
        roles = "; ".join(
            f"{r.title} ({r.of or '?'}, {r.start or '?'}–{r.end or ''})" for r in entity.roles_on(date)
        )
        rows.append(
            [entity.id, entity.type, escape(entity.label), entity.country or "", f"{how} {score:.2f}",
             escape(roles)]
        )  # fmt: skip
    columns = [
        Column("id"), Column("type"), Column("name"), Column("country"), Column("match", "extra"),
        Column("roles" + (f" on {date}" if date else ""), "main"),
    ]  # fmt: skip
    print_records(out or console, columns, rows)
