"""``veille show``: one article's analysis, read back from the store."""

from __future__ import annotations

import argparse

from veille.cli.output import print_json, print_jsonl
from veille.cli.render import print_document
from veille.cli.store_common import add_output_arguments, open_store
from veille.store.reads import find_article, load_document


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "show",
        help="one stored article's analysis (by id or id prefix)",
        description="Print a stored article's entities, quotations, dates, events and amounts.",
    )
    parser.add_argument("article", metavar="ARTICLE_ID", help="the article's id, or its first characters")
    add_output_arguments(parser, limit=None)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    conn = open_store(args)
    try:
        document = load_document(conn, find_article(conn, args.article))
    finally:
        conn.close()
    if args.format == "json":
        print_json(document.to_dict())
    elif args.format == "jsonl":
        print_jsonl([document.to_dict()])
    else:
        print_document(document)
    return 0
