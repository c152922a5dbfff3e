"""Events of the reference article, read by hand from examples/seed.txt (2025-12-04)."""

from __future__ import annotations

import pytest

from veille.ingest.text import parse_text
from veille.model import Document, Event


def named(doc: Document, ids: tuple[str, ...]) -> set[str]:
    out: set[str] = set()
    for entity_id in ids:
        entity = doc.entity(entity_id)
        if entity is not None:
            out |= {entity.name, *(m.text for m in entity.mentions)}
    return out


def find(doc: Document, kind: str, trigger: str) -> Event:
    found = [e for e in doc.events if e.type == kind and e.trigger == trigger]
    assert found, [(e.type, e.trigger) for e in doc.events]
    return found[0]


@pytest.fixture(scope="module")
def seed_doc(pipeline, seed_text):  # type: ignore[no-untyped-def]
    return pipeline.analyze(parse_text(seed_text, source="seed.txt"))


@pytest.mark.model
def test_seed_accusations_have_their_days(seed_doc) -> None:  # type: ignore[no-untyped-def]
    first = find(seed_doc, "ACCUSE", "accusé")
    assert "Ukraine" in named(seed_doc, first.source) and "Vladimir Poutine" in named(seed_doc, first.target)
    assert (first.date, first.date_from) == ("2025-12-03", "timex")
    relative = find(seed_doc, "ACCUSE", "accusés")  # les alliés …, que Vladimir Poutine a accusés mardi
    assert "Vladimir Poutine" in named(seed_doc, relative.source)
    assert "Ukraine" in named(seed_doc, relative.target)
    assert relative.date == "2025-12-02"


@pytest.mark.model
def test_seed_threat_is_hypothetical(seed_doc) -> None:  # type: ignore[no-untyped-def]
    threat = find(seed_doc, "THREATEN", "avertissant")
    assert "Europe" in named(seed_doc, threat.target)
    assert threat.modality == "hypothetical"


@pytest.mark.model
def test_seed_compound_donors_and_amount(seed_doc) -> None:  # type: ignore[no-untyped-def]
    aid = find(seed_doc, "AID", "donner")
    assert {"Canada", "Allemagne", "Pologne", "Pays-Bas"} <= named(seed_doc, aid.source)
    assert "Ukraine" in named(seed_doc, aid.target)
    assert aid.modality == "planned"  # ils allaient … les donner
    assert aid.mode == "military"
    assert [seed_doc.amounts[i].text for i in aid.amounts] == ["des centaines de millions de dollars"]
    assert seed_doc.amounts[aid.amounts[0]].magnitude == "1e8"


@pytest.mark.model
def test_seed_meeting_at_the_kremlin(seed_doc) -> None:  # type: ignore[no-untyped-def]
    talks = find(seed_doc, "CONSULT", "discussions")
    parties = named(seed_doc, (*talks.source, *talks.target))
    assert {"Steeve Witkoff", "Jared Kushner"} <= parties
    assert talks.date == "2025-12-02"
    assert "Kremlin" in named(seed_doc, (talks.location,) if talks.location else ())


@pytest.mark.model
def test_seed_evidence_spans(seed_doc) -> None:  # type: ignore[no-untyped-def]
    text = seed_doc.article.text
    for event in seed_doc.events:
        assert text[event.trigger_start : event.trigger_end] == event.trigger
        assert event.start <= event.trigger_start < event.end <= len(text)
        assert event.source and event.target
