"""Golden cases of the entity and resolve stages: tests/golden/entities/<case>/.

Each case is a short French passage (article.txt) and the entities a careful reader
finds in it (expected.json, written by reading, never copied from the system's output).
Set VEILLE_GOLDEN_ACTUAL=1 to write each case's actual entities beside it (actual.json)
for review.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from veille.model import Document, Entity

CASES = Path(__file__).resolve().parent.parent / "golden" / "entities"


@pytest.fixture(scope="module")
def entity_pipeline(nlp):  # type: ignore[no-untyped-def]
    """The entity and resolve stages only, so these cases test this layer alone."""
    from veille.analysis.pipeline import Pipeline
    from veille.settings import Settings

    return Pipeline(Settings(stages=("entities", "resolve")), nlp=nlp)


def run(pipeline: Any, text: str) -> Document:
    from veille.ingest.text import article_id
    from veille.model import Article

    return pipeline.analyze(
        Article(id=article_id("2025-12-04", text), text=text, date="2025-12-04", source="golden")
    )


def holder(doc: Document, form: str, kind: str = "name") -> Entity | None:
    """Return the entity that has a mention with this exact text and kind."""
    for entity in doc.entities:
        if any(m.text == form and m.kind == kind for m in entity.mentions):
            return entity
    return None


@pytest.mark.model
@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_entities_golden(case: str, entity_pipeline: Any) -> None:
    folder = CASES / case
    text = (folder / "article.txt").read_text(encoding="utf-8").strip()
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    doc = run(entity_pipeline, text)
    if os.environ.get("VEILLE_GOLDEN_ACTUAL"):
        actual = [e for e in doc.to_dict()["entities"]]
        (folder / "actual.json").write_text(
            json.dumps(actual, ensure_ascii=False, indent=1), encoding="utf-8"
        )
    for want in expected["entities"]:
        entity = holder(doc, want["mentions"][0])
        assert entity is not None, f"{case}: no entity named {want['mentions'][0]!r}"
        forms = {(m.text, m.kind) for m in entity.mentions}
        for form in want["mentions"]:
            assert (form, "name") in forms, f"{case}: {form!r} not in {entity.name}: {sorted(forms)}"
        for form in want.get("descriptions", []):
            assert (form, "description") in forms, f"{case}: description {form!r} not in {entity.name}"
        for form in want.get("not_descriptions", []):
            assert (form, "description") not in forms, f"{case}: description {form!r} in {entity.name}"
        assert entity.name == want["name"], case
        assert entity.type == want["type"], f"{case}: {entity.name} is {entity.type}"
        for attribute in ("gender", "country", "group"):
            if attribute in want:
                assert getattr(entity, attribute) == want[attribute], f"{case}: {entity.name}.{attribute}"
        for role in want.get("roles", []):
            of = role["of"]
            if of is not None and of.startswith("@"):
                target = holder(doc, of[1:])
                of = target.id if target else of
            got = [(r.title, r.of) for r in entity.roles]
            assert (role["title"], of) in got, f"{case}: role {role} not in {got}"
        if "stands_for" in want:
            named = [
                m.stands_for for m in entity.mentions if m.kind == "name" and m.text == want["mentions"][0]
            ]
            assert named == want["stands_for"], case
    for form in expected.get("absent", []):
        found = [(e.name, m.text) for e in doc.entities for m in e.mentions if m.text == form]
        assert not found, f"{case}: {form!r} should be no mention: {found}"
    for want in expected.get("unnamed", []):  # an entity told only by descriptions, one per list
        holders = {e.id: e for e in doc.entities for m in e.mentions if m.text in want["descriptions"]}
        assert len(holders) == 1, (
            f"{case}: {want['descriptions']} held by {[e.name for e in holders.values()]}"
        )
        (entity,) = holders.values()
        forms = {m.text for m in entity.mentions if m.kind == "description"}
        assert set(want["descriptions"]) <= forms, f"{case}: {want['descriptions']} not all in {entity.name}"
        assert entity.type == want["type"], f"{case}: {entity.name} is {entity.type}"
    for a, b in expected.get("apart", []):
        first, second = holder(doc, a), holder(doc, b)
        assert first is None or second is None or first.id != second.id, f"{case}: {a!r} and {b!r} merged"


@pytest.mark.model
def test_a_description_is_found_by_its_span(entity_pipeline: Any) -> None:
    """The quotes and events stages find the entity of 'le collectif' through entity_at."""
    from veille.analysis.entities.resolve import entity_at

    text = (
        "Le collectif Terres de Vilaine a manifesté mardi. « Nous irons jusqu'au bout », a dit le collectif."
    )
    doc = run(entity_pipeline, text)
    start = text.rindex("le collectif")
    found = entity_at(doc, start, start + len("le collectif"))
    assert found is not None and found.name == "Terres de Vilaine" and found.type == "ORG"
    # 'Le collectif' glued before the name is a description of it too; a date is nobody.
    day = text.index("mardi")
    assert entity_at(doc, day, day + len("mardi")) is None
