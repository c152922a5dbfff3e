"""Expand paths (files, folders, ``-`` for stdin) into articles or failures."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from veille.errors import InputError
from veille.ingest.text import parse_text
from veille.model import Article, Failure


def read_sources(paths: Iterable[str], *, default_date: str | None = None) -> Iterator[Article | Failure]:
    """Yield one Article per readable article and one Failure per unreadable input."""
    for name in paths:
        if name == "-":
            try:
                yield parse_text(sys.stdin.read(), source="<stdin>", default_date=default_date)
            except InputError as error:
                yield Failure(error.where or "<stdin>", error.reason)
            continue
        path = Path(name)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            try:
                yield parse_text(file.read_text(encoding="utf-8"), source=file.name, default_date=default_date)
            except InputError as error:
                yield Failure(error.where or str(file), error.reason)
            except OSError as error:
                yield Failure(str(file), f"cannot read: {error.strerror}")
