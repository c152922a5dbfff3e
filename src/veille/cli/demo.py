"""``veille demo``: ingest the example articles into ./veille.db and print who said what
(what `make demo` runs). Running it again skips the articles already stored."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from veille.cli.entities import print_entities
from veille.cli.events import print_events
from veille.cli.ingest import ProgressBar, print_summary
from veille.cli.quotes import print_quotes
from veille.cli.render import console
from veille.cli.store_common import add_store_argument
from veille.runners.ingest import ingest
from veille.settings import Settings
from veille.store.db import connect
from veille.store.queries import find_entities, find_events, find_quotes


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "demo", help="ingest the example articles into the store and print who said what"
    )
    parser.add_argument(
        "--shared",
        type=Path,
        default=Path("../shared"),
        help="shared folder whose corpus/dev articles are added when present",
    )
    parser.add_argument("--examples", type=Path, default=Path("examples"), help="folder of example articles")
    parser.add_argument("--workers", type=int, default=1, help="analysis processes")
    add_store_argument(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    inputs = demo_inputs(args.examples, args.shared)
    settings = Settings(db_path=args.db, workers=max(args.workers, 0))
    with ProgressBar() as bar:
        summary = ingest([str(p) for p in inputs], settings, progress=bar, command="demo")
    print_summary(summary, settings.db_path)
    conn = connect(settings.db_path, readonly=True)
    try:
        print_demo(conn)
    finally:
        conn.close()
    ask = f"Ask more: veille quotes --db {escape(str(args.db))} --speaker Poutine; veille --help"
    console.print(ask, soft_wrap=False)
    console.print(
        f"Browse it: veille serve --db {escape(str(args.db))}, then open http://127.0.0.1:8000/",
        soft_wrap=False,
    )
    return 1 if summary.failures else 0


def print_demo(conn: sqlite3.Connection, *, out: Console | None = None) -> None:
    """Print what the demo shows of a store: the latest quotations and events, the people most named."""
    print_quotes(find_quotes(conn, limit=30), out=out)
    print_events(find_events(conn, limit=20), out=out)
    print_entities(find_entities(conn, type="PER", top=10), out=out)


def demo_inputs(examples: Path, shared: Path) -> list[Path]:
    """The example articles: examples/*.txt, plus ../shared/corpus/dev/*.txt when present."""
    found = sorted(examples.glob("*.txt")) if examples.is_dir() else []
    dev = shared / "corpus" / "dev"
    if dev.is_dir():
        found += sorted(dev.glob("*.txt"))
    return found
