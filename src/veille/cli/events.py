"""``veille events``: who did what to whom, from the store."""

from __future__ import annotations

import argparse
import sqlite3

from rich.console import Console
from rich.markup import escape

from veille.cli.render import Column, console, print_records
from veille.cli.store_common import add_output_arguments, check_limit, check_period, query_and_print
from veille.errors import SettingsError
from veille.model import EVENT_TYPES
from veille.store.hits import EventHit
from veille.store.queries import find_events


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


def print_events(hits: list[EventHit], *, out: Console | None = None) -> None:
    """Print events as a table: date, type, who → to whom, the sentence, where, article."""
    out = out or console
    rows = []
    for hit in hits:
        kind = (
            hit.type
            + (" (not)" if hit.negated else "")
            + ("" if hit.modality == "asserted" else f" ({hit.modality})")
        )
        who = f"{', '.join(hit.actors) or '—'} → {', '.join(hit.targets) or '—'}"
        rows.append(
            [hit.date or "—", kind, escape(who), escape(hit.sentence), escape(hit.location or ""),
             escape(hit.source or hit.article)]
        )  # fmt: skip
    columns = [
        Column("date"), Column("type"), Column("who → to whom", "head"), Column("sentence", "main"),
        Column("where", "extra"), Column("article", "extra"),
    ]  # fmt: skip
    print_records(out, columns, rows, title="Who did what to whom")
    out.print(f"{len(hits)} event(s)")
