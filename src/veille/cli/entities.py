"""``veille entities``: the people, organisations and places of the corpus, with their variants.

``clusters``, ``merge``, ``split`` and ``recluster`` review corpus identity (docs/store.md).
"""

from __future__ import annotations

import argparse
import sqlite3

from rich.console import Console
from rich.markup import escape

from veille.cli.render import Column, console, print_records
from veille.cli.store_common import (
    add_output_arguments,
    add_store_argument,
    check_limit,
    query_and_print,
)
from veille.errors import SettingsError, StoreError
from veille.model import ENTITY_TYPES
from veille.store.db import connect
from veille.store.hits import ClusterHit, EntityHit
from veille.store.queries import find_clusters, find_entities
from veille.store.review import merge, recluster, split


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
    commands = parser.add_subparsers(dest="entities_command", metavar="REVIEW", required=False)

    clusters = commands.add_parser(
        "clusters", help="corpus entities with their variants and how sure their clustering is",
        description="List corpus entities with several variants, least confident first: each variant "
        "with its article count, the KB id, and the confidence (the weakest link).",
    )  # fmt: skip
    clusters.add_argument("--type", choices=ENTITY_TYPES, help="PER, ORG, LOC or MISC")
    clusters.add_argument(
        "--min-variants", type=int, default=2,
        help="only entities with at least this many variants (default 2)",
    )  # fmt: skip
    add_output_arguments(clusters, limit=50)
    clusters.set_defaults(func=run_clusters)

    merging = commands.add_parser(
        "merge", help="make one corpus entity of several",
        description="Merge corpus entities (the first id stays); the decision holds for later ingests "
        "and reclusters.",
    )  # fmt: skip
    merging.add_argument("ids", type=int, nargs="+", metavar="ID", help="corpus entity ids (two or more)")
    add_store_argument(merging)
    merging.set_defaults(func=run_merge)

    splitting = commands.add_parser(
        "split", help="move one variant's document entities to a new corpus entity",
        description="Move the document entities going by a variant to a new corpus entity; the "
        "decision holds for later ingests and reclusters.",
    )  # fmt: skip
    splitting.add_argument("id", type=int, metavar="ID", help="the corpus entity id")
    splitting.add_argument("--variant", required=True, help="the name variant to split off")
    add_store_argument(splitting)
    splitting.set_defaults(func=run_split)

    again = commands.add_parser(
        "recluster", help="link every stored entity again (manual decisions hold)",
        description="Rebuild the corpus entities from every stored document entity, in one "
        "transaction; manual merges and splits hold.",
    )  # fmt: skip
    add_store_argument(again)
    again.set_defaults(func=run_recluster)


def run(args: argparse.Namespace) -> int:
    top = check_limit(args.top)
    return query_and_print(
        args, lambda conn: find_entities(conn, type=args.type, name=args.name, top=top), print_entities
    )


def print_entities(hits: list[EntityHit], *, out: Console | None = None) -> None:
    """Print entities as a table: id, name, type, articles, variants (KB id and mentions fold when narrow)."""
    rows = []
    for hit in hits:
        others = ", ".join(v for v in hit.variants if v != hit.name)
        rows.append(
            [str(hit.id), escape(hit.name), hit.type, str(hit.articles), escape(others),
             escape(hit.kb_id or ""), str(hit.mentions)]
        )  # fmt: skip
    columns = [
        Column("id", justify="right"), Column("name"), Column("type"), Column("articles", justify="right"),
        Column("variants", "main"), Column("kb", "extra"), Column("mentions", "extra", justify="right"),
    ]  # fmt: skip
    print_records(out or console, columns, rows, title="Entities")


def open_for_review(args: argparse.Namespace) -> sqlite3.Connection:
    """Open an existing store for writing (a review never creates one)."""
    if not args.db.exists():
        raise StoreError(f"no store: run `veille ingest … --db {args.db}` first", where=str(args.db))
    return connect(args.db)


def run_clusters(args: argparse.Namespace) -> int:
    if args.min_variants < 1:
        raise SettingsError(f"--min-variants must be at least 1, not {args.min_variants}")
    limit = check_limit(args.limit)
    return query_and_print(
        args,
        lambda conn: find_clusters(conn, type=args.type, min_variants=args.min_variants, limit=limit),
        print_clusters,
    )


def print_clusters(hits: list[ClusterHit], *, out: Console | None = None) -> None:
    """Print clusters as a table: id, name, type, confidence, variants (with their articles), KB id."""
    rows = []
    for hit in hits:
        confidence = f"{hit.confidence:.2f}" + (" manual" if hit.manual else "")
        variants = ", ".join(f"{v.name} ({v.articles})" for v in hit.variants)
        rows.append(
            [str(hit.id), escape(hit.name), hit.type, confidence, escape(variants), escape(hit.kb_id or ""),
             str(hit.articles)]
        )  # fmt: skip
    columns = [
        Column("id", justify="right"), Column("name"), Column("type"), Column("confidence"),
        Column("variants (articles)", "main"), Column("kb", "extra"),
        Column("articles", "extra", justify="right"),
    ]  # fmt: skip
    print_records(out or console, columns, rows, title="Clusters, least confident first")


def run_merge(args: argparse.Namespace) -> int:
    conn = open_for_review(args)
    try:
        survivor = merge(conn, args.ids)
    finally:
        conn.close()
    print(f"merged into corpus entity {survivor}")
    return 0


def run_split(args: argparse.Namespace) -> int:
    conn = open_for_review(args)
    try:
        new_id = split(conn, args.id, args.variant)
    finally:
        conn.close()
    print(f"{args.variant!r} split off as corpus entity {new_id}")
    return 0


def run_recluster(args: argparse.Namespace) -> int:
    conn = open_for_review(args)
    try:
        result = recluster(conn)
    finally:
        conn.close()
    print(f"{result.entities} entities relinked: {result.before} corpus entities before, {result.after} now")
    return 0
