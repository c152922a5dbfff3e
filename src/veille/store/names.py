"""Normalise names and quotations into keys, so that variants meet in one corpus row."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_LEADING_ARTICLE = re.compile(r"^(?:l'|le |la |les |the )")
_NON_WORD = re.compile(r"[^\w']+")


def strip_accents(text: str) -> str:
    """Remove combining marks: États → Etats."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalize_name(name: str) -> str:
    """Return the comparison form of a name: casefolded, no accents, no leading article.

    ``L'OTAN`` → ``otan``; ``Volodymyr  Zelensky`` → ``volodymyr zelensky``.
    """
    text = strip_accents(name).casefold().replace("’", "'").replace("`", "'")
    text = " ".join(_NON_WORD.sub(" ", text).split())
    text = _LEADING_ARTICLE.sub("", text)
    return text.replace("'", " ").strip()


def holds_words(text: str, query: str) -> bool:
    """Return whether ``text`` holds every word group of ``query`` as FTS5 reads it.

    Case and accents are ignored, a hyphenated group is a phrase (consecutive words) and a
    trailing ``*`` makes its last word a prefix, as in :func:`veille.store.queries.fts_query`,
    so a sentence matches here exactly when the same words would find it in the full-text index.
    """
    words = re.findall(r"\w+", strip_accents(text).casefold())
    for chunk in query.split():
        group = re.findall(r"\w+", strip_accents(chunk).casefold())
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
    words = re.findall(r"\w+", strip_accents(text).casefold())
    return hashlib.sha256(" ".join(words).encode()).hexdigest()[:32], len(words)
