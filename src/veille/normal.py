"""Fold names and words into comparison keys: the one normaliser of veille.

Analysis, the knowledge base, the store and the evaluation all compare names through
``name_key``; two spellings that a reader takes for one name (*L'OTAN* / *Otan*,
*Etats-Unis* / *États-Unis*, *Kyiv (Ukraine)* / *Kyiv Ukraine*) get one key everywhere,
so corpus identity never depends on which module compared them.

- ``fold`` folds case, accents, ligatures and the typographic forms of apostrophes,
  quotation marks and hyphens, and collapses white space; it keeps punctuation.
- ``word_key`` is ``fold`` with hyphens, apostrophes and name punctuation turned into
  spaces: the key of a word or a phrase compared word by word (*chef de l'État* →
  ``chef de l etat``).
- ``name_key`` is ``word_key`` without a leading article (*l'OTAN* → ``otan``,
  *Les Républicains* → ``republicains``): the key of a proper name.

Each is idempotent: a key folds to itself.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters with no Unicode decomposition that a reader still takes for a plain letter.
_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ı": "i"})
# Typographic apostrophes, quotation marks and hyphens, one for one: a translated text keeps
# the offsets of the original.
MARKS = str.maketrans({
    "’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'", "′": "'",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‹": '"', "›": '"', "″": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
})  # fmt: skip
# Inside a name every sign but a letter or digit separates words: Jean-Marie, l'OTAN,
# Kyiv (Ukraine), M. Dupont, AT&T.
_NAME_PUNCTUATION = re.compile(r"[\W_]+")
# Leading articles of French and English names. A lone article is kept: it is a word.
_ARTICLES = ("l", "le", "la", "les", "the")


@lru_cache(maxsize=1 << 16)  # a pure function called for every word of every article
def fold(text: str) -> str:
    """Return ``text`` case-folded, without accents, with ASCII apostrophes, quotation
    marks and hyphens, and single spaces."""
    # Compatibility forms first (𝓐 → A, ﬁ → fi), so that case folding sees plain letters;
    # folding can itself compose (İ → i̇), hence the second decomposition.
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    text = text.translate(MARKS).translate(_LETTERS)
    bare = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(bare.split())


@lru_cache(maxsize=1 << 16)  # pure, and asked again and again for the same words
def word_key(text: str) -> str:
    """Return the key of a word or phrase: folded, hyphens and apostrophes as spaces."""
    return " ".join(_NAME_PUNCTUATION.sub(" ", fold(text)).split())


def name_key(name: str) -> str:
    """Return the key of a proper name: its word key without a leading article."""
    return strip_article(word_key(name))


def strip_article(key: str) -> str:
    """Drop one leading article from a word key (``l otan`` → ``otan``); a key that is only
    an article stays as it is."""
    first, _, rest = key.partition(" ")
    return rest if first in _ARTICLES and rest else key
