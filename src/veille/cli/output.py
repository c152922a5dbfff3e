"""The output formats every read command shares: ``--format table|json|jsonl``, one meaning everywhere.

- ``table``: for people; rich tables that fit the terminal (80 columns and up), cutting nothing.
- ``json``: one JSON value, indented. A command that lists records (quotes, events, entities,
  clusters, kb lookup) prints one array; a command that answers with one record prints one
  object (show: the Document; search: ``{"articles": [...], "quotes": [...]}``; eval: the
  scores). ``analyze`` prints one object per article, the contract's ``veille.analysis/1``
  Document: one input article, one JSON object.
- ``jsonl``: JSON Lines, one compact object a line, one line per record (per row, per hit, per
  article), for tools that stream.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from typing import Any

FORMATS = ("table", "json", "jsonl")
HELP = "table (for people), json (one indented JSON value) or jsonl (one JSON object a line)"


def add_format_argument(parser: argparse.ArgumentParser, *, aliases: tuple[str, ...] = ()) -> None:
    """Add ``--format table|json|jsonl`` (plus deprecated ``aliases`` of table)."""
    parser.add_argument(
        "--format", choices=FORMATS + aliases, default="table", metavar="{table,json,jsonl}", help=HELP
    )


def print_json(data: Any) -> None:
    """Print one JSON value for scripts: UTF-8, indented, keys in the dataclasses' order."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def print_jsonl(records: Iterable[Any]) -> None:
    """Print JSON Lines: one compact JSON value a line."""
    for record in records:
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def print_records_as(format: str, records: list[Any]) -> bool:
    """Print a command's records as ``json`` (one array) or ``jsonl``; return False for ``table``."""
    if format == "json":
        print_json(records)
    elif format == "jsonl":
        print_jsonl(records)
    else:
        return False
    return True
