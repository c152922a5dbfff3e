"""``veille entities``: the people, organisations and places of the corpus, with their variants."""

from __future__ import annotations

import argparse

from rich.markup import escape
from rich.table import Table

from veille.cli.render import console
from veille.cli.store_common import add_output_arguments, check_limit, open_store, print_json
from veille.model import ENTITY_TYPES
from veille.store.queries import EntityHit, find_entities


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "entities",
        help="the most mentioned people, organisations and places, with their variants",
        description="List corpus entities, those in the most articles first, with every name they go by.",
    )
    parser.add_argument("--type", choices=ENTITY_TYPES, help="PER, ORG, LOC or MISC")
    parser.add_argument("--name", help="only entities with a variant matching this name")
    parser.add_argument("--top", type=int, default=20, help="how many (default 20)")
    add_output_arguments(parser, limit=None)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    conn = open_store(args)
    try:
        hits = find_entities(conn, type=args.type, name=args.name, top=check_limit(args.top))
    finally:
        conn.close()
    if args.format == "json":
        print_json([hit.to_dict() for hit in hits])
    else:
        print_entities(hits)
    return 0


def print_entities(hits: list[EntityHit]) -> None:
    """Print entities as a table: name, type, articles, mentions, variants."""
    table = Table(
        "id", "name", "type", "kb", "articles", "mentions", "variants", title="Entities", title_justify="left"
    )
    for hit in hits:
        others = [v for v in hit.variants if v != hit.name]
        table.add_row(
            str(hit.id),
            escape(hit.name),
            hit.type,
            escape(hit.kb_id or ""),
            str(hit.articles),
            str(hit.mentions),
            escape(", ".join(others)),
        )
    console.print(table)
