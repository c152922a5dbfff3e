"""What the store commands share: the --db, --format and --limit options, opening the store."""

from __future__ import annotations

import argparse
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar

from rich.markup import escape

from veille.cli.output import add_format_argument, print_records_as
from veille.errors import SettingsError
from veille.ingest.text import check_date
from veille.store.db import connect
from veille.store.queries import MARK_END, MARK_START


def add_store_argument(parser: argparse.ArgumentParser) -> None:
    """Add ``--db``, the store every store command reads or writes."""
    parser.add_argument("--db", type=Path, default=Path("veille.db"), help="the store (default: ./veille.db)")


def add_output_arguments(parser: argparse.ArgumentParser, *, limit: int | None = 50) -> None:
    """Add ``--db``, ``--format`` and (unless None) ``--limit``."""
    add_store_argument(parser)
    add_format_argument(parser)
    if limit is not None:
        parser.add_argument(
            "--limit", type=int, default=limit, help=f"at most this many rows (default {limit})"
        )


def open_store(args: argparse.Namespace) -> sqlite3.Connection:
    """Open the store named by --db for reading; it must exist."""
    return connect(args.db, readonly=True)


def check_period(since: str | None, until: str | None) -> None:
    """Check --since/--until: a day (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY)."""
    for option, value in (("--since", since), ("--until", until)):
        if value is None:
            continue
        parts = value.split("-")
        if len(parts) == 3:
            check_date(value, where=option)
        elif not (
            parts[0].isdigit() and len(parts[0]) == 4 and all(p.isdigit() and len(p) == 2 for p in parts[1:])
        ):
            raise SettingsError(f"{option} {value!r}: expected YYYY-MM-DD, YYYY-MM or YYYY")


# SQLite integers stop at 2**63 - 1; no table holds a million rows worth printing.
MAX_LIMIT = 1_000_000


def check_limit(limit: int) -> int:
    """Refuse a --limit below 1 or above MAX_LIMIT (a huge one would overflow SQLite)."""
    if not 1 <= limit <= MAX_LIMIT:
        raise SettingsError(f"--limit must be between 1 and {MAX_LIMIT:,}, not {limit}")
    return limit


def highlight(snippet: str) -> str:
    """Escape a search snippet for rich, then turn the match markers into bold."""
    return escape(snippet).replace(MARK_START, "[bold yellow]").replace(MARK_END, "[/bold yellow]")


def plain(snippet: str) -> str:
    """Drop the match markers (for JSON), keeping the text."""
    return snippet.replace(MARK_START, "").replace(MARK_END, "")


class Row(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


R = TypeVar("R", bound=Row)


def query_and_print(
    args: argparse.Namespace,
    query: Callable[[sqlite3.Connection], Sequence[R]],
    print_table: Callable[[list[R]], None],
) -> int:
    """Run one read query on the store named by --db, then print its rows in the --format asked."""
    conn = open_store(args)
    try:
        rows = list(query(conn))
    finally:
        conn.close()
    if not print_records_as(args.format, [row.to_dict() for row in rows]):
        print_table(rows)
    return 0
