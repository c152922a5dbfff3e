"""The event stage reads its parties from the mentions the entity rules gave, not from the
descriptions the learned ranker attached (``descranker.learned_spans``; docs/entities.md §27),
and hands every mention back."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from veille.analysis.entities.descranker import mark_learned
from veille.analysis.events.stage import find_events

_TEXT = (
    "Paul Girard, ministre de l'Agriculture, a visité une ferme de la Manche mardi. "
    "Les éleveurs réclament des aides depuis des mois. "
    "Le ministre a accusé la Commission européenne de bloquer les versements."
)


@pytest.mark.model
def test_a_learned_description_names_no_party_and_stays_a_mention(analyze: Any, nlp: Any) -> None:
    doc = dataclasses.replace(analyze(_TEXT), events=())
    girard = next(e for e in doc.entities if e.name == "Paul Girard")
    described = next(m for m in girard.mentions if m.text == "Le ministre")

    ruled = find_events(doc, nlp(_TEXT))  # the rules gave le ministre: Girard accuses
    assert [(e.type, e.source) for e in ruled.events] == [("ACCUSE", (girard.id,))]

    parsed = nlp(_TEXT)
    mark_learned(parsed, described.start, described.end)
    learned = find_events(doc, parsed)  # had the ranker given it, no party comes from it
    assert all(girard.id not in e.source for e in learned.events)
    kept = next(e for e in learned.entities if e.id == girard.id)
    assert described in kept.mentions
