"""JSON Lines: one article per line (id, date, title, text, url, source, lang).

A broken line becomes a Failure naming the file and the line; the other lines
still yield articles. The file is streamed, so a large feed is never held whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from veille.errors import InputError
from veille.ingest.decode import repair_mojibake
from veille.ingest.text import article_id, check_day_or_timestamp, check_length
from veille.model import Article, Failure

_STRING_FIELDS = ("title", "url", "source", "lang")


class LineReader(Protocol):
    """Anything with a binary ``readline(limit)``: a file, stdin's buffer, a wrapper."""

    def readline(self, limit: int = -1, /) -> bytes: ...


def read_jsonl(
    path: Path,
    *,
    where: str,
    default_date: str | None = None,
    max_chars: int | None = None,
    default_lang: str | None = None,
) -> Iterator[tuple[str, Article | Failure]]:
    """Yield (name, article or failure) for every non-blank line of a JSONL file.

    The name is the record's id (or the article id when the record has none): it names
    the article's output file.
    """
    try:
        handle = path.open("rb")
    except OSError as error:
        yield where, Failure(where, f"cannot read: {error.strerror or error}")
        return
    with handle:
        yield from read_jsonl_stream(
            handle, where=where, source=path.name, default_date=default_date,
            max_chars=max_chars, default_lang=default_lang,
        )  # fmt: skip


def read_jsonl_stream(
    stream: LineReader,
    *,
    where: str,
    source: str,
    default_date: str | None = None,
    max_chars: int | None = None,
    default_lang: str | None = None,
) -> Iterator[tuple[str, Article | Failure]]:
    """Yield (name, article or failure) for every non-blank line of a JSONL byte stream."""
    # A line holds one article plus its JSON escapes (\uXXXX is 6 bytes a character).
    max_line = None if max_chars is None else 6 * max_chars + 4096
    seen_any = False
    for number, line, overflow in _lines(stream, max_line):
        line_where = f"{where}:{number}"
        if overflow:
            yield line_where, Failure(line_where, f"line too long: more than {max_line:,} bytes", number)
            continue
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue
        seen_any = True
        try:
            article = parse_record(
                line, where=line_where, source=source, default_date=default_date,
                max_chars=max_chars, default_lang=default_lang,
            )  # fmt: skip
        except InputError as error:
            yield line_where, Failure(line_where, error.reason, number)
            continue
        yield article.id, article
    if not seen_any:
        yield where, Failure(where, "empty file")


def parse_record(
    line: bytes | str,
    *,
    where: str,
    source: str,
    default_date: str | None = None,
    max_chars: int | None = None,
    default_lang: str | None = None,
) -> Article:
    """Read one JSONL line as an article, or raise InputError saying what is wrong."""
    try:
        record = json.loads(line)
    except UnicodeDecodeError:
        raise InputError("not UTF-8 (JSON Lines must be UTF-8)", where=where) from None
    except json.JSONDecodeError as error:
        raise InputError(f"bad JSON: {error.msg} at column {error.colno}", where=where) from None
    if not isinstance(record, dict):
        raise InputError(f"not a JSON object but {type(record).__name__}", where=where)

    text = record.get("text")
    if text is None:
        raise InputError("missing 'text'", where=where)
    if not isinstance(text, str):
        raise InputError(f"'text' must be a string, not {_kind(text)}", where=where)
    if not text.strip():
        raise InputError("empty 'text'", where=where)
    text = repair_mojibake(text)
    check_length(text, max_chars, where=where)

    date = record.get("date")
    if date is None or date == "":
        date = default_date
    elif isinstance(date, str):
        date = check_day_or_timestamp(date, where=where, what="date")
    else:
        raise InputError(f"bad date {date!r}: expected YYYY-MM-DD", where=where)

    fields: dict[str, str | None] = {}
    for name in _STRING_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(f"'{name}' must be a string, not {_kind(value)}", where=where)
        fields[name] = value or None

    record_id = record.get("id")
    if record_id is None or record_id == "":
        record_id = article_id(date, text)
    elif isinstance(record_id, (str, int)) and not isinstance(record_id, bool):
        record_id = str(record_id)
    else:
        raise InputError(f"'id' must be a string or an integer, not {_kind(record_id)}", where=where)

    return Article(
        id=record_id,
        text=text,
        date=date,
        lang=fields["lang"] or default_lang,
        title=fields["title"],
        source=fields["source"] or source,
        url=fields["url"],
    )


def _lines(stream: LineReader, max_line: int | None) -> Iterator[tuple[int, bytes, bool]]:
    """Yield (line number, line, too long) without ever holding more than max_line bytes."""
    number = 0
    while True:
        line = stream.readline(-1 if max_line is None else max_line + 1)
        if not line:
            return
        number += 1
        if max_line is not None and len(line) > max_line and not line.endswith(b"\n"):
            # Skip the rest of the overlong line in bounded chunks.
            while line and not line.endswith(b"\n"):
                line = stream.readline(max_line)
            yield number, b"", True
            continue
        yield number, line, False


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", bool: "a boolean", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__
    )
