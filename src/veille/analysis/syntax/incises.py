"""Find the adverbial incises a clause holds (*a pour sa part appelé*, *accuse au contraire*).

fr_core_news_md reads the noun or the pronoun of such an incise as a complement: *pour sa
part* becomes the head the participle hangs on, *elle aussi* an indirect object, *au
contraire* the oblique that swallows the object after it. Readers that walk the word order
step over an incise as over an adverb. The incises are ``words.INCISES``.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from veille.analysis.lang.fr.words import INCISES
from veille.analysis.syntax.view import token_view


@cache
def _by_first() -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for words in INCISES:
        out.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@cache
def _by_last() -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for words in INCISES:
        out.setdefault(words[-1], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _lower(doc: Doc, i: int) -> str:
    return token_view(doc).lower[i].replace("’", "'")


def incise_after(doc: Doc, i: int) -> int | None:
    """Return the index just past an incise that opens at token ``i``, else None."""
    if i >= len(doc):
        return None
    for words in _by_first().get(_lower(doc, i), ()):
        end = i + len(words)
        if end <= len(doc) and all(_lower(doc, i + k) == w for k, w in enumerate(words)):
            return end
    return None


def incise_before(doc: Doc, i: int) -> int | None:
    """Return the first index of an incise that ends at token ``i``, else None."""
    if i < 0:
        return None
    for words in _by_last().get(_lower(doc, i), ()):
        start = i - len(words) + 1
        if start >= 0 and all(_lower(doc, start + k) == w for k, w in enumerate(words)):
            return start
    return None
