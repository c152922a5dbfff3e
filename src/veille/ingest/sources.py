"""Expand paths (files, folders, ``-`` for stdin) into articles or failures.

A folder is walked recursively in sorted order, hidden files and folders skipped,
and its files are read by extension; a file named on the command line is read by
extension too, and as text when the extension is unknown (the user chose it).
Nothing here raises for a bad input: each becomes a Failure and the batch goes on.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, Literal

from veille.errors import InputError
from veille.ingest.decode import BYTES_PER_CHAR, decode_bytes, read_limited, read_stream
from veille.ingest.html import declared_charset, parse_html
from veille.ingest.jsonl import read_jsonl, read_jsonl_stream
from veille.ingest.text import parse_text
from veille.model import Article, Failure
from veille.settings import MAX_ARTICLE_CHARS

log = logging.getLogger(__name__)

Kind = Literal["text", "jsonl", "html"]
KINDS: dict[str, Kind] = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".html": "html", ".htm": "html",
}  # fmt: skip
STDIN = "-"


def read_sources(
    paths: Iterable[str],
    *,
    default_date: str | None = None,
    max_chars: int = MAX_ARTICLE_CHARS,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | Failure]:
    """Yield one Article per readable article and one Failure per unreadable input."""
    for _name, item in iter_sources(paths, default_date=default_date, max_chars=max_chars, stdin=stdin):
        yield item


def iter_sources(
    paths: Iterable[str],
    *,
    default_date: str | None = None,
    max_chars: int = MAX_ARTICLE_CHARS,
    stdin: BinaryIO | None = None,
) -> Iterator[tuple[str, Article | Failure]]:
    """Yield (output name, article or failure) for every article in the inputs.

    The output name is the file's name without its extension, or a JSONL record's id.
    ``stdin`` replaces ``sys.stdin.buffer`` for ``-`` (tests, callers with a stream).
    """
    for name in paths:
        if name == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_stdin(stream, default_date=default_date, max_chars=max_chars)
            continue
        path = Path(name)
        if path.is_dir():
            for file in walk_folder(path):
                kind = KINDS[file.suffix.lower()]
                yield from read_file(file, kind, default_date=default_date, max_chars=max_chars)
        elif not path.exists():
            yield name, Failure(name, "no such file or folder")
        else:
            kind = KINDS.get(path.suffix.lower(), "text")
            yield from read_file(path, kind, default_date=default_date, max_chars=max_chars)


# Files a folder of articles often carries beside them that are about the folder, not news:
# the names GitHub and packaging tools give such files. Named on the command line, they are
# read all the same (the user chose them).
FOLDER_NOTES = frozenset({"readme", "license", "licence", "copying", "changelog", "contributing", "notice",
                          "authors"})  # fmt: skip


def walk_folder(folder: Path, *, warn: bool = True) -> list[Path]:
    """Return the article files under a folder, recursively, in a stable order.

    ``warn``: say how many files were skipped (once per run: the ingest's counting pass
    walks the folder too, silently).
    """
    files: list[Path] = []
    skipped = 0
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if path.suffix.lower() in KINDS and not _is_folder_note(path):
            files.append(path)
        else:
            skipped += 1
            if warn:
                log.info("%s: skipped (not an article: %s)", path, "/".join(sorted(KINDS)))
    if skipped and warn:
        log.warning("%s: skipped %d file(s) that are not articles (-v lists them)", folder, skipped)
    return files


def _is_folder_note(path: Path) -> bool:
    return path.suffix.lower() in (".md", ".txt") and path.stem.split(".")[0].casefold() in FOLDER_NOTES


def read_file(
    path: Path, kind: Kind, *, default_date: str | None = None, max_chars: int = MAX_ARTICLE_CHARS
) -> Iterator[tuple[str, Article | Failure]]:
    """Yield (output name, article or failure) for each article of one file."""
    where = str(path)
    if kind == "jsonl":
        yield from read_jsonl(path, where=where, default_date=default_date, max_chars=max_chars)
        return
    try:
        data = read_limited(path, max_bytes=BYTES_PER_CHAR * max_chars, where=where)
        article = parse_bytes(
            data, kind, source=path.name, where=where, default_date=default_date, max_chars=max_chars
        )
    except InputError as error:
        yield path.stem, Failure(error.where or where, error.reason)
        return
    yield path.stem, article


def parse_bytes(
    data: bytes,
    kind: Kind,
    *,
    source: str,
    where: str,
    default_date: str | None = None,
    max_chars: int = MAX_ARTICLE_CHARS,
) -> Article:
    """Decode and read one text or HTML article, or raise InputError."""
    if kind == "html":
        html = decode_bytes(data, where=where, declared=declared_charset(data))
        return parse_html(html, source=source, where=where, default_date=default_date, max_chars=max_chars)
    text = decode_bytes(data, where=where)
    return parse_text(text, source=source, where=where, default_date=default_date, max_chars=max_chars)


def _read_stdin(
    stream: BinaryIO, *, default_date: str | None, max_chars: int
) -> Iterator[tuple[str, Article | Failure]]:
    where = "<stdin>"
    max_bytes = BYTES_PER_CHAR * max_chars
    head = stream.read(_SNIFF_BYTES)
    # Stdin has no extension: a stream that opens with a JSON object is JSONL (streamed,
    # so a feed of any length goes through), one that opens with markup is HTML,
    # anything else is text.
    opening = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if opening.startswith(b"{"):
        yield from read_jsonl_stream(
            _Prefixed(head, stream), where=where, source=where, default_date=default_date, max_chars=max_chars
        )
        return
    try:
        data = head + read_stream(stream, max_bytes=max_bytes - len(head), where=where)
        kind: Kind = "html" if opening.startswith((b"<!doctype html", b"<html")) else "text"
        article = parse_bytes(
            data, kind, source=where, where=where, default_date=default_date, max_chars=max_chars
        )
    except InputError as error:
        yield "stdin", Failure(error.where or where, error.reason)
        return
    yield "stdin", article


_SNIFF_BYTES = 512


class _Prefixed:
    """A byte stream with a few bytes already read from it put back in front."""

    def __init__(self, prefix: bytes, stream: BinaryIO) -> None:
        self.prefix = prefix
        self.stream = stream

    def readline(self, limit: int = -1) -> bytes:
        if not self.prefix:
            return self.stream.readline(limit)
        cut = self.prefix.find(b"\n") + 1 or len(self.prefix)
        if limit >= 0:
            cut = min(cut, limit)
        line, self.prefix = self.prefix[:cut], self.prefix[cut:]
        if line.endswith(b"\n") or self.prefix or (0 <= limit <= len(line)):
            return line
        return line + self.stream.readline(-1 if limit < 0 else limit - len(line))
