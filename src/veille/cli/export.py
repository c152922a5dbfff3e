"""``veille export``: the store as JSONL Documents, Parquet tables or a GKG 2.1-shaped TSV."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.markup import escape

from veille.cli.render import console
from veille.cli.store_common import add_store_argument, open_store
from veille.errors import SettingsError
from veille.store.exports import export_gkg, export_jsonl, export_parquet


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export the store: jsonl (re-ingestible Documents), parquet (tables), gkg (GDELT GKG 2.1 TSV)",
        description="Export every stored article. jsonl writes OUT/documents.jsonl, which `veille ingest` "
        "reads back without analysing again; parquet writes one OUT/TABLE.parquet per table; gkg writes "
        "OUT/veille.gkg.tsv with the 27 columns of a GDELT GKG 2.1 record.",
    )
    add_store_argument(parser)
    parser.add_argument("--format", choices=("jsonl", "parquet", "gkg"), required=True, help="what to write")
    parser.add_argument("--out", type=Path, required=True, help="folder to write into (created if missing)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.out.exists() and not args.out.is_dir():
        raise SettingsError(f"--out {args.out} exists and is not a folder")
    conn = open_store(args)
    try:
        args.out.mkdir(parents=True, exist_ok=True)
        if args.format == "jsonl":
            path = args.out / "documents.jsonl"
            count = export_jsonl(conn, path)
            console.print(f"{count} documents → {escape(str(path))}")
        elif args.format == "gkg":
            path = args.out / "veille.gkg.tsv"
            count = export_gkg(conn, path)
            console.print(f"{count} GKG records → {escape(str(path))}")
        else:
            counts = export_parquet(conn, args.out)
            tables = ", ".join(f"{name} {n}" for name, n in counts.items())
            console.print(f"Parquet tables → {escape(str(args.out))}: {tables}")
    finally:
        conn.close()
    return 0
