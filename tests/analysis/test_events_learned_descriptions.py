"""With ``described.READ_LEARNED = "complements"``, the event stage reads the descriptions the
learned ranker attached (``descranker.learned_spans``) as parties in complement positions
only, never as the active subject of a verb (``events/described.py``; docs/events.md), and
hands every mention back. "none" reads none of them; "all" reads every one; the shipped value
"unframed" (twentieth session) reads every one but the speaker of a reported clause."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from veille.analysis.entities.descranker import mark_learned
from veille.analysis.events import described
from veille.analysis.events.stage import find_events
from veille.model import Document

_INTRO = (
    "Paul Girard, ministre de l'Agriculture, a visité une ferme de la Manche mardi. "
    "Les éleveurs réclament des aides depuis des mois. "
)
# The described party is the active subject: the actor.
_SUBJECT = _INTRO + "Le ministre a accusé la Commission européenne de bloquer les versements."
# The described party is the object: the recipient.
_OBJECT = _INTRO + "La Commission européenne a accusé le ministre de bloquer les versements."


def _learned(analyze: Any, nlp: Any, text: str, description: str) -> tuple[Document, Any, str]:
    """Return the analysis without events, a parse where the ranker gave ``description`` to
    Paul Girard, and Girard's id (the rules gave it; the test marks it learned)."""
    doc = dataclasses.replace(analyze(text), events=())
    girard = next(e for e in doc.entities if e.name == "Paul Girard")
    mention = next(m for m in girard.mentions if m.text == description)
    parsed = nlp(text)
    mark_learned(parsed, mention.start, mention.end)
    return doc, parsed, girard.id


@pytest.fixture
def complements(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read the learned descriptions in complement positions only (shipped: "unframed")."""
    monkeypatch.setattr(described, "READ_LEARNED", "complements")


@pytest.mark.model
@pytest.mark.usefixtures("complements")
def test_a_learned_description_as_active_subject_names_no_party_and_stays_a_mention(
    analyze: Any, nlp: Any
) -> None:
    doc, parsed, girard = _learned(analyze, nlp, _SUBJECT, "Le ministre")
    ruled = find_events(doc, nlp(_SUBJECT))  # the rules gave le ministre: Girard accuses
    assert [(e.type, e.source) for e in ruled.events] == [("ACCUSE", (girard,))]

    learned = find_events(doc, parsed)  # had the ranker given it, no actor comes from it
    assert all(girard not in e.source for e in learned.events)
    kept = next(e for e in learned.entities if e.id == girard)
    assert any(m.text == "Le ministre" for m in kept.mentions)


@pytest.mark.model
@pytest.mark.usefixtures("complements")
def test_a_learned_description_as_object_is_the_recipient(analyze: Any, nlp: Any) -> None:
    doc, parsed, girard = _learned(analyze, nlp, _OBJECT, "le ministre")
    learned = find_events(doc, parsed)
    assert [(e.type, e.target) for e in learned.events] == [("ACCUSE", (girard,))]


@pytest.mark.model
def test_the_switch_turns_the_reading_of_learned_descriptions_off(
    analyze: Any, nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc, parsed, girard = _learned(analyze, nlp, _OBJECT, "le ministre")
    monkeypatch.setattr(described, "READ_LEARNED", "none")
    assert all(girard not in e.target for e in find_events(doc, parsed).events)
    monkeypatch.setattr(described, "READ_LEARNED", "all")
    subject_doc, subject_parsed, speaker = _learned(analyze, nlp, _SUBJECT, "Le ministre")
    assert [e.source for e in find_events(subject_doc, subject_parsed).events] == [(speaker,)]


@pytest.mark.model
def test_unframed_reads_a_described_subject_unless_its_verb_reports_a_clause(
    analyze: Any, nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(described, "READ_LEARNED", "unframed")
    doc, parsed, girard = _learned(analyze, nlp, _SUBJECT, "Le ministre")
    assert [e.source for e in find_events(doc, parsed).events] == [(girard,)]  # its own act

    reporting = _INTRO + "Le ministre affirme que la Commission européenne a bloqué les versements."
    start = reporting.index("Le ministre")
    speaker = frozenset({(start, start + len("Le ministre"))})
    assert described.unread(nlp(reporting), speaker) == speaker  # the speaker of a reported clause


@pytest.mark.model
def test_as_shipped_a_learned_description_stands_for_its_entity(analyze: Any, nlp: Any) -> None:
    assert described.READ_LEARNED == "unframed"  # the unseen sets' measure (docs/events.md)
    doc, parsed, girard = _learned(analyze, nlp, _OBJECT, "le ministre")
    assert [(e.type, e.target) for e in find_events(doc, parsed).events] == [("ACCUSE", (girard,))]
    subject_doc, subject_parsed, speaker = _learned(analyze, nlp, _SUBJECT, "Le ministre")
    assert [e.source for e in find_events(subject_doc, subject_parsed).events] == [(speaker,)]
    kept = next(e for e in find_events(doc, parsed).entities if e.id == girard)
    assert any(m.text == "le ministre" for m in kept.mentions)
