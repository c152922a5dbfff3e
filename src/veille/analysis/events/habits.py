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

from spacy.tokens import Token

# Nouns of a period after chaque / tous les (chaque année, tous les mois).
_PERIODS = frozenset(
    {"jour", "semaine", "mois", "année", "an", "trimestre", "été", "hiver", "printemps", "automne"}
)
_HABIT_ADVERBS = frozenset(
    {"régulièrement", "habituellement", "traditionnellement", "annuellement", "quotidiennement",
     "mensuellement", "hebdomadairement", "systématiquement"}
)  # fmt: skip


def habitual(token: Token) -> bool:
    """Say whether a verbal trigger's clause tells its act as a habit."""
    if token.pos_ != "VERB":
        return False
    for child in token.children:
        if child.dep_ == "advmod" and child.lower_ in _HABIT_ADVERBS:
            return True
        if child.dep_ in ("obl:mod", "obl", "nmod") and child.lemma_.lower() in _PERIODS:
            determiners = {c.lower_ for c in child.children if c.dep_ == "det"}
            if "chaque" in determiners or (
                "les" in determiners and "tous" in {c.lower_ for c in child.children}
            ):
                return True
    return False
