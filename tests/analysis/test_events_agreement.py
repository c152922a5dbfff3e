"""The gender an object clitic carries (events/agreement.py), on parses built by hand: a
past participle with *avoir* agrees with the clitic before it (*l'a félicitée*: feminine),
*le* and *la* show their own, and a body's gender is the one of the noun heading its name.
Sentences are invented."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from veille.analysis.events.agreement import clitic_gender, entity_gender
from veille.model import Entity, Mention

# Paul Girard l' a félicitée / Paul Girard l' est allée (no avoir) / Paul Girard la félicite
_HEADS = [4, 0, 4, 4, 4]
_DEPS = "nsubj flat:name obj aux:tense ROOT".split()
_POS = "PROPN PROPN PRON AUX VERB".split()


def _doc(words: list[str], verb_morph: str, aux_lemma: str = "avoir") -> Doc:
    morphs = ["", "", "Number=Sing|Person=3", "VerbForm=Fin", verb_morph]
    lemmas = ["Paul", "Girard", "le", aux_lemma, words[4]]
    return Doc(
        spacy.blank("fr").vocab, words=words, heads=_HEADS, deps=_DEPS, pos=_POS, morphs=morphs, lemmas=lemmas
    )


def test_a_feminine_participle_shows_a_feminine_clitic() -> None:
    doc = _doc(["Paul", "Girard", "l'", "a", "félicitée"], "Gender=Fem|Number=Sing|VerbForm=Part")
    assert clitic_gender(doc[2]) == "f"


def test_a_masculine_participle_shows_a_masculine_clitic() -> None:
    doc = _doc(["Paul", "Girard", "l'", "a", "félicité"], "Gender=Masc|Number=Sing|VerbForm=Part")
    assert clitic_gender(doc[2]) == "m"


def test_a_participle_with_etre_says_nothing_of_the_clitic() -> None:
    doc = _doc(["Paul", "Girard", "l'", "est", "félicitée"], "Gender=Fem|Number=Sing|VerbForm=Part", "être")
    assert clitic_gender(doc[2]) is None


def test_a_present_tense_hides_the_gender_of_l() -> None:
    doc = _doc(["Paul", "Girard", "l'", "a", "félicite"], "Mood=Ind|Number=Sing|VerbForm=Fin")
    assert clitic_gender(doc[2]) is None


def test_la_shows_its_own_gender() -> None:
    doc = _doc(["Paul", "Girard", "la", "a", "félicite"], "Mood=Ind|Number=Sing|VerbForm=Fin")
    assert clitic_gender(doc[2]) == "f"


def test_a_body_takes_the_gender_of_the_noun_heading_its_name() -> None:
    doc = Doc(
        spacy.blank("fr").vocab, words=["le", "Mouvement", "républicain", "(", "MR", ")"],
        pos=["DET", "NOUN", "ADJ", "PUNCT", "PROPN", "PUNCT"],
        morphs=["", "Gender=Masc|Number=Sing", "", "", "", ""],
    )  # fmt: skip
    body = Entity(
        id="e1", name="Mouvement républicain", type="ORG",
        mentions=(Mention(27, 29, "MR"), Mention(3, 24, "Mouvement républicain")),
    )  # fmt: skip
    assert entity_gender(doc, body) == "m"


def test_an_acronym_alone_gives_no_gender() -> None:
    doc = Doc(spacy.blank("fr").vocab, words=["le", "MR"], pos=["DET", "PROPN"])
    body = Entity(id="e1", name="MR", type="ORG", mentions=(Mention(start=3, end=5, text="MR", kind="name"),))
    assert entity_gender(doc, body) is None
