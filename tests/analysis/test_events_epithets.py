"""A detached epithet opening a sentence names no party (events.parties.epithet_entities).

Journalistic French opens sentences with a participle or an adjective set off by a comma
(*Sollicitée, l'agence a indiqué …*, *Arabisante, elle …*); the tagger sometimes takes it
for the subject's name, and the entity stage makes a person of it.
"""

from __future__ import annotations

import pytest

from veille.analysis.events.parties import epithet_entities
from veille.analysis.lang.fr.nouns import is_detached_form
from veille.model import Article, Document, Entity, Mention


@pytest.mark.parametrize("word", ["sollicitée", "contactée", "interrogé", "nommée", "arabisante"])
def test_participles_and_ant_adjectives_are_detached_forms(word: str) -> None:
    assert is_detached_form(word)


@pytest.mark.parametrize("word", ["martin", "dupont", "durand", "pierre", "petit", "france"])
def test_names_and_plain_adjectives_are_not(word: str) -> None:
    assert not is_detached_form(word)


def _doc(text: str, *names: str) -> Document:
    entities = []
    for n, name in enumerate(names, start=1):
        start = text.index(name)
        mention = Mention(text=name, start=start, end=start + len(name))
        entities.append(Entity(id=f"e{n}", name=name, type="PER", mentions=(mention,)))
    return Document(article=Article(id="a", text=text, date="2025-12-04"), entities=tuple(entities))


def test_an_epithet_opening_a_sentence_names_no_party() -> None:
    text = "La ministre a parlé. Sollicitée, l'agence a indiqué avoir demandé un rapport."
    assert epithet_entities(_doc(text, "Sollicitée")) == {"e1"}


def test_a_surname_or_a_given_name_before_a_comma_stays() -> None:
    text = "Le maire a parlé. Durand, lui, a refusé. Renée, sa sœur, a accepté."
    assert epithet_entities(_doc(text, "Durand", "Renée")) == frozenset()


def test_a_participle_inside_a_sentence_is_not_read() -> None:
    text = "Le maire, Sollicitée, a parlé."
    assert epithet_entities(_doc(text, "Sollicitée")) == frozenset()


@pytest.mark.model
def test_a_pronoun_read_to_an_epithet_gives_no_party(analyze) -> None:  # type: ignore[no-untyped-def]
    doc = analyze(
        "Marie Lenoir est morte lundi à Paris. Arabisante, elle passe dix ans au Caire. Nommée à "
        "Alger en 1991, elle est expulsée par les autorités algériennes en février 1993."
    )
    parties = {doc.entity(i).name for e in doc.events for i in (*e.source, *e.target) if doc.entity(i)}
    assert "Arabisante" not in parties
