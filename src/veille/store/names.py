"""Keys of the store: a quotation's words, a name's last word (names fold through veille.normal)."""

from __future__ import annotations

import hashlib
import re

from veille.normal import fold


def last_word(norm: str) -> str:
    """Return the last word of a normalised name (the surname, for most people)."""
    words = norm.split()
    return words[-1] if words else ""


def quote_key(text: str) -> tuple[str, int]:
    """Return a key for a quotation's words (case, accents, punctuation ignored) and its word count."""
    words = re.findall(r"\w+", fold(text))
    return hashlib.sha256(" ".join(words).encode()).hexdigest()[:32], len(words)
