"""Keys of the store: a quotation's words, a name's last word (names fold through veille.normal)."""

from __future__ import annotations

import hashlib
import re

from veille.normal import fold


def holds_words(text: str, query: str) -> bool:
    """Return whether ``text`` holds every word group of ``query`` as FTS5 reads it.

    Case and accents are ignored, a hyphenated group is a phrase (consecutive words) and a
    trailing ``*`` makes its last word a prefix, as in :func:`veille.store.queries.fts_query`,
    so a sentence matches here exactly when the same words would find it in the full-text index.
    """
    words = re.findall(r"\w+", fold(text))
    for chunk in query.split():
        group = re.findall(r"\w+", fold(chunk))
        if not group:
            continue
        prefix = chunk.endswith("*")
        if not any(_group_at(words, i, group, prefix) for i in range(len(words) - len(group) + 1)):
            return False
    return True


def _group_at(words: list[str], i: int, group: list[str], prefix: bool) -> bool:
    head, last = group[:-1], group[-1]
    if words[i : i + len(head)] != head:
        return False
    word = words[i + len(head)]
    return word.startswith(last) if prefix else word == last


def last_word(norm: str) -> str:
    """Return the last word of a normalised name (the surname, for most people)."""
    words = norm.split()
    return words[-1] if words else ""


def quote_key(text: str) -> tuple[str, int]:
    """Return a key for a quotation's words (case, accents, punctuation ignored) and its word count."""
    words = re.findall(r"\w+", fold(text))
    return hashlib.sha256(" ".join(words).encode()).hexdigest()[:32], len(words)
