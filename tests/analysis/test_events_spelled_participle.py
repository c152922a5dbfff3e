"""A present the tagger calls a past participle (lang/fr/morphology.py, syntax/tense.py,
events/shape.py), on parses built by hand: a verb of the first conjugation makes its
participle in *-é*, so *reproche* hung on its subject as a modifier is a present, neither a
passive modifier nor a past; real participles on a noun (*accusé*, *commises*) stay both.
Sentences are invented."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from veille.analysis.events.shape import passive_like
from veille.analysis.lang.fr.morphology import is_present_not_participle
from veille.analysis.syntax.tense import direction, participle

_VOCAB = spacy.blank("fr").vocab
_PAST_PARTICIPLE = "Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part"


def _hung(word: str, lemma: str) -> Doc:
    """L' UDB <word> au PCB: the verb hung on its subject as amod, tagged a participle."""
    return Doc(
        _VOCAB,
        words=["L'", "UDB", word, "au", "PCB"],
        heads=[1, 1, 1, 4, 1],
        deps="det ROOT amod case nmod".split(),
        pos="DET PROPN VERB ADP PROPN".split(),
        morphs=["", "", _PAST_PARTICIPLE, "", ""],
        lemmas=["le", "UDB", lemma, "au", "PCB"],
    )


@pytest.mark.parametrize(
    ("form", "lemma", "present"),
    [
        ("reproche", "reprocher", True),
        ("accuses", "accuser", True),
        ("reproche", "reproche", True),  # the lemmatiser left the form itself
        ("accusé", "accuser", False),
        ("accusées", "accuser", False),
        ("commises", "commettre", False),
        ("prise", "prise", False),  # a mute -e after s or t may close a participle
        ("vue", "vue", False),
    ],
)
def test_a_first_conjugation_participle_ends_in_e_acute(form: str, lemma: str, present: bool) -> None:
    assert is_present_not_participle(form, lemma) is present


def test_a_present_the_tagger_calls_a_participle_is_neither_passive_nor_past() -> None:
    verb = _hung("reproche", "reprocher")[2]
    assert not participle(verb)
    assert not passive_like(verb)
    assert direction(verb) == "nearest"


def test_a_participle_in_e_acute_on_a_noun_stays_a_passive_past() -> None:
    verb = _hung("accusé", "accuser")[2]
    assert participle(verb)
    assert passive_like(verb)
    assert direction(verb) == "past"
