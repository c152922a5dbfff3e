"""The learned entity merger joins two finished entities that are one (entities/merger.py).

Documents built by hand over invented texts: how two names relate (a surname alone, a first
name alone, an acronym, a one-letter typo, accents, one KB id), which pairs are candidates,
the features that tell two Durands apart, and a merge with a check built by hand (the
shipped one is off): the fuller name survives with the earlier id, and every quote, event
and role follows it.
"""

from __future__ import annotations

import re

from veille.analysis.entities.merger import (
    FEATURES,
    Pair,
    candidates,
    features,
    load_merger,
    merge_variants,
    relation,
)
from veille.analysis.logistic import Logistic
from veille.model import Article, Document, Entity, Event, Mention, Quote, Role

TEXT = (
    "Durand a ouvert la séance. Claire Durand, maire de Valbrune, a ensuite répondu au CNRS. "
    "Le Centre national de la recherche scientifique « étudiera le dossier », a dit Durand. "
    "Le tribunal administratif de Valbrune tranchera."
)


def _mention(text: str, occurrence: int = 0) -> Mention:
    """Return the mention of the ``occurrence``-th ``text`` in TEXT."""
    start = [found.start() for found in re.finditer(re.escape(text), TEXT)][occurrence]
    return Mention(start, start + len(text), text)


def _entity(entity_id: str, name: str, kind: str = "PER", **extra: object) -> Entity:
    return Entity(entity_id, name, kind, (_mention(name),), **extra)  # type: ignore[arg-type]


def test_how_two_names_relate() -> None:
    full = Entity("e2", "Claire Durand", "PER")
    assert relation(Entity("e1", "Durand", "PER"), full) == "surname"
    assert relation(Entity("e1", "Claire", "PER"), full) == "first_name"
    assert relation(Entity("e1", "Claire Durant", "PER"), full) == "typo"
    assert relation(Entity("e1", "claire durand", "PER"), full) == "folded"
    assert relation(Entity("e1", "Martin", "PER"), full) is None
    centre = Entity("e4", "Centre national de la recherche scientifique", "ORG")
    assert relation(Entity("e3", "CNRS", "ORG"), centre) == "acronym"
    assert (
        relation(Entity("e3", "CNRS", "ORG", kb_id="Q1"), Entity("e4", "Inserm", "ORG", kb_id="Q1"))
        == "same_kb"
    )
    # two different KB ids are two entities, whatever their names
    assert (
        relation(Entity("e1", "Durand", "PER", kb_id="Q2"), Entity("e2", "Claire Durand", "PER", kb_id="Q3"))
        is None
    )


def test_candidates_pair_compatible_types_the_short_name_first() -> None:
    doc = Document(
        Article(id="m", text=TEXT),
        entities=(
            _entity("e1", "Durand"),
            _entity("e2", "Claire Durand"),
            _entity("e3", "Valbrune", "LOC"),
            _entity("e4", "tribunal administratif de Valbrune", "ORG"),
        ),
    )
    found = {(p.short.name, p.long.name, p.relation) for p in candidates(doc)}
    assert found == {
        ("Durand", "Claire Durand", "surname"),
        ("Valbrune", "tribunal administratif de Valbrune", "contained"),
    }
    place = next(p for p in candidates(doc) if p.short.type == "LOC")
    named = dict(zip(FEATURES, features(place, candidates(doc)), strict=True))
    assert named["short_LOC"] == named["long_ORG"] == named["after_de"] == named["lower_head"] == 1.0


def test_a_second_person_of_the_same_surname_makes_the_short_form_ambiguous() -> None:
    short, claire, paul = (
        _entity("e1", "Durand"),
        _entity("e2", "Claire Durand"),
        Entity("e5", "Paul Durand", "PER"),
    )
    pairs = [Pair(short, claire, "surname"), Pair(short, paul, "surname")]
    named = dict(zip(FEATURES, features(pairs[0], pairs), strict=True))
    assert named["ambiguous"] == 1.0
    alone = dict(zip(FEATURES, features(pairs[0], pairs[:1]), strict=True))
    assert alone["ambiguous"] == 0.0


def _document() -> Document:
    entities = (
        Entity("e1", "Durand", "PER", (_mention("Durand"), _mention("Durand", 2))),
        Entity("e2", "Claire Durand", "PER", (_mention("Claire Durand"),), roles=(Role("maire", of="e3"),)),
        _entity("e3", "Valbrune", "LOC"),
        _entity("e4", "CNRS", "ORG"),
    )
    quotes = (Quote("q1", "direct", "étudiera le dossier", 150, 169, speaker="e1"),)
    events = (Event("v1", "CONSULT", 60, 80, "répondre", source=("e2", "e1"), target=("e4",)),)
    return Document(Article(id="m", text=TEXT), entities=entities, quotes=quotes, events=events)


def test_a_merge_keeps_the_fuller_name_the_earlier_id_and_every_reference() -> None:
    weights = tuple(6.0 if name == "rel_surname" else -3.0 if name == "bias" else 0.0 for name in FEATURES)
    doc = merge_variants(_document(), Logistic(weights, 0.9))
    assert [(e.id, e.name) for e in doc.entities] == [
        ("e1", "Claire Durand"),
        ("e2", "Valbrune"),
        ("e3", "CNRS"),
    ]
    assert [m.text for m in doc.entities[0].mentions] == ["Durand", "Claire Durand", "Durand"]
    assert doc.entities[0].roles == (Role("maire", of="e2"),)
    assert doc.quotes[0].speaker == "e1"
    assert doc.events[0].source == ("e1",) and doc.events[0].target == ("e3",)


def test_the_shipped_check_is_off_until_a_threshold_is_clean() -> None:
    doc = _document()
    assert load_merger().threshold > 1.0
    assert merge_variants(doc) is doc
