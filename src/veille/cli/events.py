"""``veille events``: who did what to whom, from the store."""

from __future__ import annotations

import argparse
import sqlite3

from rich.markup import escape
from rich.table import Table

from veille.cli.render import console
from veille.cli.store_common import add_output_arguments, check_limit, check_period, query_and_print
from veille.errors import SettingsError
from veille.model import EVENT_TYPES
from veille.store.queries import EventHit, find_events


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "events",
        help="who did what to whom: events by type, actor, recipient and period",
        description="List events from the store, latest first, with the sentence that states each.",
    )
    parser.add_argument("--type", help=f"PLOVER type: {', '.join(EVENT_TYPES)}")
    parser.add_argument("--actor", help="any variant of the actor's name")
    parser.add_argument("--target", help="any variant of the recipient's name")
    parser.add_argument("--since", help="on or after this day (YYYY-MM-DD, YYYY-MM or YYYY)")
    parser.add_argument("--until", help="on or before this day (YYYY-MM-DD, YYYY-MM or YYYY)")
    add_output_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    check_period(args.since, args.until)
    if args.type and args.type.upper() not in EVENT_TYPES:
        raise SettingsError(f"--type {args.type!r} is not a PLOVER type: {', '.join(EVENT_TYPES)}")
    limit = check_limit(args.limit)

    def query(conn: sqlite3.Connection) -> list[EventHit]:
        return find_events(
            conn,
            type=args.type,
            actor=args.actor,
            target=args.target,
            since=args.since,
            until=args.until,
            limit=limit,
        )

    return query_and_print(args, query, print_events)


def print_events(hits: list[EventHit]) -> None:
    """Print events as a table: date, type, who, to whom, where, sentence."""
    table = Table(
        "date",
        "type",
        "who",
        "to whom",
        "where",
        "sentence",
        "article",
        title="Who did what to whom",
        title_justify="left",
    )
    for hit in hits:
        kind = (
            hit.type
            + (" (not)" if hit.negated else "")
            + ("" if hit.modality == "asserted" else f" ({hit.modality})")
        )
        table.add_row(
            hit.date or "—",
            kind,
            escape(", ".join(hit.actors)),
            escape(", ".join(hit.targets)),
            escape(hit.location or ""),
            escape(hit.sentence),
            escape(hit.source or hit.article),
        )
    console.print(table)
    console.print(f"{len(hits)} event(s)")
