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


def last_word(norm: str) -> str:
    """Return the last word of a normalised name (the surname, for most people)."""
    words = norm.split()
    return words[-1] if words else ""


def quote_key(text: str) -> tuple[str, int]:
    """Return a key for a quotation's words (case, accents, punctuation ignored) and its word count."""
    words = re.findall(r"\w+", strip_accents(text).casefold())
    return hashlib.sha256(" ".join(words).encode()).hexdigest()[:32], len(words)
