"""Plain-text articles: an optional ``date YYYY-MM-DD`` header, then the text."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from veille.errors import InputError
from veille.model import Article

# The header may stand on its own line or start the first line of text, after leading
# whitespace (the seed's first byte is a space).
_HEADER = re.compile(r"\A\s*date[ \t]*:?[ \t]*(\S+)[ \t]*(?:\n|[ \t]+)?", re.IGNORECASE)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_text(text: str, *, source: str, default_date: str | None = None, lang: str = "fr") -> Article:
    """Read an article from text with an optional date header."""
    date = default_date
    match = _HEADER.match(text)
    if match:
        date = check_date(match.group(1), where=source)
        text = text[match.end():]
    if not text.strip():
        raise InputError("no article text", where=source)
    return Article(id=article_id(date, text), text=text, date=date, lang=lang, source=source)


def check_date(value: str, *, where: str) -> str:
    """Return an ISO day, or raise InputError saying what is wrong with it."""
    if not _ISO_DAY.fullmatch(value):
        raise InputError(f"bad date header {value!r}: expected 'date YYYY-MM-DD'", where=where)
    try:
        dt.date.fromisoformat(value)
    except ValueError as error:
        raise InputError(f"bad date header {value!r}: {error}", where=where) from None
    return value


def article_id(date: str | None, text: str) -> str:
    """A stable id from the date and the text, so the same article is recognised again."""
    digest = hashlib.sha256(f"{date or ''}\n{' '.join(text.split())}".encode()).hexdigest()
    return digest[:16]
