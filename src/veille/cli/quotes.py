"""``veille quotes``: who said what, from the store."""

from __future__ import annotations

import argparse
import sqlite3

from rich.console import Console
from rich.markup import escape

from veille.cli.render import Column, console, print_records
from veille.cli.store_common import add_output_arguments, check_limit, check_period, query_and_print
from veille.model import QUOTE_KINDS
from veille.store.hits import QuoteHit
from veille.store.queries import find_quotes


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "quotes",
        help="who said what: quotations by speaker, period and words",
        description="List quotations from the store, latest first, each with every article that reports it.",
    )
    parser.add_argument(
        "--speaker", help="any variant of the speaker's name (Poutine finds Vladimir Poutine)"
    )
    parser.add_argument("--since", help="said on or after this day (YYYY-MM-DD, YYYY-MM or YYYY)")
    parser.add_argument("--until", help="said on or before this day (YYYY-MM-DD, YYYY-MM or YYYY)")
    parser.add_argument("--search", help="words the quotation holds (accents and case ignored)")
    parser.add_argument("--kind", choices=QUOTE_KINDS, help="direct, mixed or indirect")
    add_output_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    check_period(args.since, args.until)
    limit = check_limit(args.limit)

    def query(conn: sqlite3.Connection) -> list[QuoteHit]:
        return find_quotes(
            conn,
            speaker=args.speaker,
            since=args.since,
            until=args.until,
            search=args.search,
            kind=args.kind,
            limit=limit,
        )

    return query_and_print(args, query, print_quotes)


def print_quotes(hits: list[QuoteHit], *, out: Console | None = None) -> None:
    """Print quotations as a table: day, speaker, quotation, kind, sources."""
    out = out or console
    rows = []
    for hit in hits:
        sources = ", ".join(f"{s.source or s.article}" for s in hit.sources[:3])
        if len(hit.sources) > 3:
            sources += f" (+{len(hit.sources) - 3})"
        rows.append(
            [hit.day or "—", escape(hit.speaker or "—"), escape(f"« {hit.text} »"), hit.kind, escape(sources)]
        )
    columns = [
        Column("day"), Column("speaker"), Column("quote", "main"), Column("kind", "extra"),
        Column("reported by", "extra"),
    ]  # fmt: skip
    print_records(out, columns, rows, title="Who said what")
    out.print(f"{len(hits)} quotation(s)")
