"""The learned type corrector changes PER, ORG and LOC types where it is sure (entities/typer.py).

Documents built by hand over an invented text: a village the model took for a person, said
twice after *à*, becomes a place with the shipped weights; a person with a first name and a
title stays one; a quote's speaker never becomes a place, a person with roles and an event's
place keep their type, and a MISC name is never changed.
"""

from __future__ import annotations

import re

from veille.analysis.entities.keeper import pointers
from veille.analysis.entities.typer import (
    FEATURES,
    TYPES,
    Typer,
    correct_types,
    features,
    load_typer,
)
from veille.model import Article, Document, Entity, Event, Mention, Quote, Role

TEXT = (
    "Les secours sont arrivés à Valbrune dans la nuit. Le maire de Sarlane est venu à Valbrune mardi.\n"
    "La société Tornel Industries a annoncé un plan. M. Hervé Castagne a démenti."
)


def _mentions(name: str) -> tuple[Mention, ...]:
    """Every place ``name`` is said in TEXT."""
    return tuple(Mention(m.start(), m.end(), name) for m in re.finditer(re.escape(name), TEXT))


def _document(*, quoted: str | None = None, placed: str | None = None) -> Document:
    entities = (
        Entity("e1", "Valbrune", "PER", _mentions("Valbrune")),
        Entity("e2", "Sarlane", "MISC", _mentions("Sarlane")),
        Entity("e3", "Tornel Industries", "ORG", _mentions("Tornel Industries")),
        Entity("e4", "Hervé Castagne", "PER", _mentions("Hervé Castagne"), gender="m"),
    )
    quotes = (Quote("q1", "indirect", "un plan", 130, 137, speaker=quoted),) if quoted else ()
    events = (Event("v1", "AGREE", 100, 140, "annoncé", source=("e3",), location=placed),) if placed else ()
    return Document(Article(id="t", text=TEXT), entities=entities, quotes=quotes, events=events)


def _always(new: str) -> Typer:
    """A corrector sure of ``new`` whatever the entity."""
    bias = FEATURES.index("bias")
    weights = {
        t: tuple(10.0 if (t == new and i == bias) else 0.0 for i in range(len(FEATURES))) for t in TYPES
    }
    return Typer(weights, 0.9)


def test_the_feature_vector_follows_the_feature_names() -> None:
    doc = _document()
    named = dict(zip(FEATURES, features(doc.entities[0], doc, pointers(doc)), strict=True))
    assert named["after_a"] == 1.0 and named["type_PER"] == 1.0 and named["bias"] == 1.0


def test_a_village_said_after_a_becomes_a_place_and_a_titled_person_stays() -> None:
    doc = correct_types(_document())
    assert [e.type for e in doc.entities] == ["LOC", "MISC", "ORG", "PER"]


def test_a_quote_speaker_never_becomes_a_place() -> None:
    doc = correct_types(_document(quoted="e1"), _always("LOC"))
    assert doc.entities[0].type == "PER"
    assert doc.entities[2].type == "LOC"  # not a speaker: free to change


def test_an_event_place_a_person_with_roles_and_a_misc_name_keep_their_type() -> None:
    doc = _document(placed="e1")
    titled = Entity("e4", "Hervé Castagne", "PER", doc.entities[3].mentions, roles=(Role("maire"),))
    doc = correct_types(
        Document(doc.article, entities=(*doc.entities[:3], titled), events=doc.events), _always("ORG")
    )
    assert [e.type for e in doc.entities] == ["PER", "MISC", "ORG", "PER"]


def test_a_threshold_above_one_switches_it_off() -> None:
    doc = _document()
    assert correct_types(doc, Typer({t: tuple(0.0 for _ in FEATURES) for t in TYPES}, 1.01)) is doc


def test_the_shipped_corrector_is_sure_of_a_person_with_a_first_name_and_a_title() -> None:
    doc = _document()
    probabilities = load_typer().probabilities(features(doc.entities[3], doc, pointers(doc)))
    assert max(probabilities, key=lambda t: probabilities[t]) == "PER"


def test_the_word_before_a_name_is_the_one_the_searched_pattern_finds() -> None:
    # _before matches the reversed, stripped context: the same word as a search for
    # ``([\w'’.]+)\s*$`` over the 40 characters before the name, in one pass.
    from veille.analysis.entities.typer import _before

    searched = re.compile(r"([\w'’.]+)\s*$")
    text = (
        "Arrivée à  l'aube\u00a0: le Dr. Lamotte, vu par M.  Orvel ;\n« Tessa »\n\n"
        "De Brune, né en 1970 à  Lirac"
    )
    for name in ("Lamotte", "Orvel", "Tessa", "Brune", "Lirac", "Arrivée", "aube"):
        start = text.index(name)
        expected = searched.search(text[max(0, start - 40) : start])
        word = expected.group(1).lower().replace("’", "'") if expected else ""
        assert _before(text, Mention(start, start + len(name), name)) == word
