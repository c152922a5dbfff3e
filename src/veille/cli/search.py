"""``veille search``: full text over the stored articles and quotations."""

from __future__ import annotations

import argparse

from rich.markup import escape
from rich.table import Table

from veille.cli.quotes import print_quotes
from veille.cli.render import console
from veille.cli.store_common import (
    add_output_arguments,
    check_limit,
    highlight,
    open_store,
    plain,
    print_json,
)
from veille.store.queries import search


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search",
        help="full text over articles and quotations (accents ignored)",
        description="Find articles and quotations holding every word given; negociations finds négociations.",
    )
    parser.add_argument("text", metavar="WORDS", help="words to find; a hyphenated group is a phrase")
    add_output_arguments(parser, limit=20)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    conn = open_store(args)
    try:
        found = search(conn, args.text, limit=check_limit(args.limit))
    finally:
        conn.close()
    if args.format == "json":
        print_json(
            {
                "articles": [{**hit.to_dict(), "snippet": plain(hit.snippet)} for hit in found["articles"]],
                "quotes": [hit.to_dict() for hit in found["quotes"]],
            }
        )
        return 0
    table = Table("article", "date", "source", "snippet", title="Articles", title_justify="left")
    for hit in found["articles"]:
        table.add_row(hit.id, hit.date or "—", escape(hit.source or ""), highlight(hit.snippet))
    console.print(table)
    print_quotes(found["quotes"])
    return 0
