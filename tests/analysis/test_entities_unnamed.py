"""Unit tests for entities/unnamed.py: which category phrases name an unnamed party, and how
its entity is made (shared by the quote and event stages)."""

from __future__ import annotations

import pytest

from veille.analysis.entities.unnamed import (
    _CONTRACTED,
    _DEFINITE,
    entity_name,
    generic_after,
    may_name_party,
    next_entity_number,
    party_kind,
    unnamed_entity,
)
from veille.model import Entity


@pytest.mark.parametrize(
    ("determiner", "head", "plural", "union"),
    [
        ("les", "syndicats", True, True),  # a union noun, plural
        ("l'", "intersyndicale", False, True),  # a grouping of unions
        ("la", "préfecture", False, False),  # an institution (singular)
        ("les", "autorités", True, False),  # the authorities of the story
        ("les", "pompiers", True, False),  # a public service in the plural (roles.tsv)
        ("aux", "gendarmes", True, False),  # a contracted article is definite
    ],
)
def test_party_kind_accepts_collectives(determiner: str, head: str, plural: bool, union: bool) -> None:
    kind = party_kind(determiner, head)
    assert kind is not None
    assert (kind.type, kind.plural, kind.union) == ("ORG", plural, union)


@pytest.mark.parametrize(
    ("determiner", "head"),
    [
        ("des", "manifestants"),  # indefinite: someone new
        ("un", "syndicat"),  # indefinite
        ("les", "gouvernements"),  # a plural institution is a class
        ("le", "pompier"),  # one firefighter is a person, not the service
        ("les", "habitants"),  # not a body
    ],
)
def test_party_kind_refuses_indefinite_generic_and_persons(determiner: str, head: str) -> None:
    assert party_kind(determiner, head) is None


def test_generic_after() -> None:
    text = "Les syndicats en général critiquent"
    assert generic_after(text, len("Les syndicats"))
    assert not generic_after("Les syndicats ont critiqué", len("Les syndicats"))


def test_unnamed_entity_mentions_each_case_of_the_phrase() -> None:
    text = "Les syndicats ont manifesté. Le maire a reçu les syndicats mardi."
    entity = unnamed_entity("e3", text, "les syndicats", text.index("les syndicats"), "ORG", [])
    assert entity.name == "Syndicats"
    assert [m.text for m in entity.mentions] == ["Les syndicats", "les syndicats"]
    assert all(m.kind == "description" for m in entity.mentions)


def test_entity_name_and_numbering() -> None:
    assert entity_name("l'intersyndicale") == "Intersyndicale"
    assert entity_name("la préfecture du Finistère") == "Préfecture du Finistère"
    assert next_entity_number([Entity("e2", "A", "ORG"), Entity("e7", "B", "PER")]) == 8


def test_may_name_party_holds_for_every_determiner_that_makes_a_party() -> None:
    # The scan asks it before reading a noun's determiner: it must never say no where some
    # determiner (definite, contracted, singular or plural) makes the phrase a party.
    heads = ["syndicat", "syndicats", "Gouvernement", "mairie", "préfecture", "pompiers", "table", "Lucie"]
    for head in heads:
        named = any(party_kind(det, head) is not None for det in _DEFINITE | _CONTRACTED)
        assert may_name_party(head) == named, head
