"""Tell a habit from an event: an act told as repeated at regular intervals.

PLOVER codes events, acts that happened once at a time one can date; a clause that tells
an act as a habit (the iterative aspect, Grevisse, *Le Bon Usage*, § 744: a frequency
complement such as *chaque année*, *tous les mois*, or an adverb of habit such as
*régulièrement*, *habituellement*) states a standing arrangement, not an event: *Bruxelles
verse chaque année des dizaines de millions d'euros à la Mauritanie* is no AID of the day.
Only the trigger's own clause is read (its verb's complements and adverbs), so a habit told
in another clause of the sentence leaves the act alone.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from veille.analysis.time.detect import lexicon

# Adverbs of habit that name no frequency (those that do, quotidiennement, annuellement, are
# the time layer's sets).
_HABIT_ADVERBS = frozenset({"régulièrement", "habituellement", "traditionnellement", "systématiquement"})


@cache
def _periods() -> frozenset[str]:
    """Return the nouns of a period after chaque / tous les: the time layer's set units
    (chaque année, tous les mois, chaque matin) and the seasons."""
    return frozenset(lexicon()["set_units"]) | frozenset(lexicon()["seasons"])


@cache
def _adverbs() -> frozenset[str]:
    """Return the adverbs that tell an act as a habit: the time layer's frequency adverbs
    (quotidiennement, annuellement) and the adverbs of habit."""
    return frozenset(w for w in lexicon()["sets"] if w.endswith("ment")) | _HABIT_ADVERBS


def habitual(token: Token) -> bool:
    """Say whether a verbal trigger's clause tells its act as a habit."""
    if token.pos_ != "VERB":
        return False
    for child in token.children:
        if child.dep_ == "advmod" and child.lower_ in _adverbs():
            return True
        if child.dep_ in ("obl:mod", "obl", "nmod") and child.lemma_.lower() in _periods():
            determiners = {c.lower_ for c in child.children if c.dep_ == "det"}
            if "chaque" in determiners or (
                "les" in determiners and "tous" in {c.lower_ for c in child.children}
            ):
                return True
    return False
