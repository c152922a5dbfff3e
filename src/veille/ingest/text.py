"""Plain-text articles: an optional ``date YYYY-MM-DD`` header, then the text."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from veille.errors import InputError
from veille.model import Article

# The header may stand on its own line or start the first line of text, after leading
# whitespace (the seed's first byte is a space). Only "date" followed by something that
# starts with a digit is a header, so an article opening on "Date limite : …" is text.
_HEADER = re.compile(r"\A\s*date[ \t]*:?[ \t]*(\d\S*)[ \t]*(?:\r\n|\r|\n|[ \t]+|\Z)", re.IGNORECASE)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# JSONL feeds often carry a timestamp; its day is the publication date.
_ISO_TIMESTAMP = re.compile(r"(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")


def parse_text(
    text: str,
    *,
    source: str,
    default_date: str | None = None,
    lang: str | None = None,
    where: str | None = None,
    max_chars: int | None = None,
) -> Article:
    """Read an article from text with an optional date header.

    ``source`` is recorded on the article; ``where`` (default: source) names the input
    in error messages.
    """
    where = where or source
    date = default_date
    match = _HEADER.match(text)
    if match:
        date = check_date(match.group(1), where=where, what="date header")
        text = text[match.end() :]
    if not text.strip():
        raise InputError("empty file" if not match else "no article text after the date header", where=where)
    check_length(text, max_chars, where=where)
    return Article(id=article_id(date, text), text=text, date=date, lang=lang, source=source)


def check_date(value: str, *, where: str, what: str = "date") -> str:
    """Return an ISO day, or raise InputError saying what is wrong with it."""
    if not _ISO_DAY.fullmatch(value):
        raise InputError(f"bad {what} {value!r}: expected YYYY-MM-DD", where=where)
    try:
        dt.date.fromisoformat(value)
    except ValueError as error:
        raise InputError(f"bad {what} {value!r}: {error}", where=where) from None
    return value


def check_day_or_timestamp(value: str, *, where: str, what: str = "date") -> str:
    """Return the ISO day of a day or a timestamp (2025-12-04T10:00:00Z), or raise InputError."""
    stamp = _ISO_TIMESTAMP.fullmatch(value.strip())
    return check_date(stamp.group(1) if stamp else value.strip(), where=where, what=what)


def check_length(text: str, max_chars: int | None, *, where: str) -> None:
    """Refuse an article longer than max_chars, saying how long it is."""
    if max_chars is not None and len(text) > max_chars:
        raise InputError(
            f"article too long: {len(text):,} characters, limit {max_chars:,} "
            "(max_article_chars: raise it with --max-chars or VEILLE_MAX_CHARS)",
            where=where,
        )


def article_id(date: str | None, text: str) -> str:
    """A stable id from the date and the text, so the same article is recognised again."""
    digest = hashlib.sha256(f"{date or ''}\n{' '.join(text.split())}".encode()).hexdigest()
    return digest[:16]
