"""``veille search``: full text over the stored articles and quotations."""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.markup import escape

from veille.cli.output import print_json, print_jsonl
from veille.cli.quotes import print_quotes
from veille.cli.render import Column, console, print_records
from veille.cli.store_common import (
    add_output_arguments,
    check_limit,
    highlight,
    open_store,
    plain,
)
from veille.store.hits import ArticleHit
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
    articles = [{**hit.to_dict(), "snippet": plain(hit.snippet)} for hit in found["articles"]]
    quotes = [hit.to_dict() for hit in found["quotes"]]
    if args.format == "json":
        print_json({"articles": articles, "quotes": quotes})
    elif args.format == "jsonl":
        # One line per hit; "result" says which kind of hit the line is.
        print_jsonl(
            [{"result": "article", **a} for a in articles] + [{"result": "quote", **q} for q in quotes]
        )
    else:
        print_articles(found["articles"])
        print_quotes(found["quotes"])
    return 0


def print_articles(hits: list[ArticleHit], *, out: Console | None = None) -> None:
    """Print matching articles as a table: id, date, the snippet with the words in bold, source."""
    rows = [[hit.id, hit.date or "—", highlight(hit.snippet), escape(hit.source or "")] for hit in hits]
    columns = [Column("article"), Column("date"), Column("snippet", "main"), Column("source", "extra")]
    print_records(out or console, columns, rows, title="Articles")
