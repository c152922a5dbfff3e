"""Golden cases for events: tests/golden/events/cases.jsonl.

Each line is a short French passage and every event a careful reader codes in it (PLOVER
type, actors, recipients and whatever the passage states of date, place, negation,
modality, quotation, mode and amounts), written by reading, not from the system's output.
The passages run through the whole pipeline, since roles are entities of earlier stages.
A case marked ``xfail`` names the parser error that defeats it today.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from veille.model import Document, Entity, Event

CASES_FILE = Path(__file__).resolve().parent.parent / "golden" / "events" / "cases.jsonl"
CASES = [json.loads(line) for line in CASES_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]


def names_of(entity: Entity | None) -> set[str]:
    """Return every way the document names an entity: its name and its mention texts."""
    if entity is None:
        return set()
    return {entity.name, *(m.text for m in entity.mentions)}


def covers(doc: Document, ids: tuple[str, ...], expected: list[str]) -> bool:
    """Say whether the entities ``ids`` include each expected name."""
    known = [names_of(doc.entity(i)) for i in ids]
    return all(any(name in names for names in known) for name in expected)


def matches(doc: Document, event: Event, want: dict[str, Any]) -> bool:
    """Say whether an event is the expected one: its type (or an accepted one, as PLOVER
    lets a planned meeting be AGREE), its actors and recipients (either way round when the
    event is ``symmetric``: X et Y se sont rencontrés)."""
    if event.type not in (want["type"], *want.get("accept_types", ())):
        return False
    if covers(doc, event.source, want["source"]) and covers(doc, event.target, want["target"]):
        return True
    return bool(want.get("symmetric")) and (
        covers(doc, event.source, want["target"]) and covers(doc, event.target, want["source"])
    )


def test_cases_cover_every_construction() -> None:
    notes = " ".join(case["note"] for case in CASES)
    constructions = (
        "passive", "relative", "coordination", "negated", "planned", "quote", "negative", "reciprocal",
    )  # fmt: skip
    for construction in constructions:
        assert construction in notes, construction


# A case the parser cannot read says why; strict, so a better parse turns it into a failure
# that asks for the mark to be removed.
PARAMS = [
    pytest.param(case, id=case["note"], marks=[pytest.mark.xfail(reason=case["xfail"], strict=True)])
    if "xfail" in case
    else pytest.param(case, id=case["note"])
    for case in CASES
]


@pytest.mark.model
@pytest.mark.parametrize("case", PARAMS)
def test_events_golden(analyze, case) -> None:  # type: ignore[no-untyped-def]
    doc = analyze(case["text"], case["date"])
    assert len(doc.events) == len(case["events"]), [(e.type, e.source, e.target) for e in doc.events]
    for want in case["events"]:
        found = [e for e in doc.events if matches(doc, e, want)]
        assert found, (want, [(e.type, e.source, e.target) for e in doc.events], doc.entities)
        event = found[0]
        assert event.negated is want.get("negated", False)
        assert event.modality == want.get("modality", "asserted")
        assert event.quoted is want.get("quoted", False)
        if "date" in want:
            assert event.date == want["date"]
        if "mode" in want:
            assert event.mode == want["mode"]
        if "location" in want:
            assert want["location"] in names_of(doc.entity(event.location or ""))
        if "amounts" in want:
            assert [doc.amounts[i].text for i in event.amounts] == want["amounts"]
        text = doc.article.text
        assert text[event.trigger_start : event.trigger_end] == event.trigger
        assert event.start <= event.trigger_start < event.end
