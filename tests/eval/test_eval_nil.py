"""NIL precision: a gold person without a qid must not be linked to someone else's KB entry."""

from __future__ import annotations

import dataclasses

import pytest

from veille.eval.scores import nil_right, score_document, starter_kb_names

# A tiny KB, by id: what the scores look a linked id up in.
KB = {
    "veille:per:olaf-scholz": ["Olaf Scholz", "Scholz"],
    "Q567": ["Angela Merkel", "Merkel"],
}


def kb_names(kb_id: str) -> list[str]:
    return KB.get(kb_id, [])


def with_scholz(build, kb_id: str | None):  # type: ignore[no-untyped-def]
    perfect = build.perfect()
    scholz = build.entity("e2", "Olaf Scholz", "PER", ["Olaf Scholz", "Scholz"], kb_id)
    entities = tuple(scholz if e.id == "e2" else e for e in perfect.entities)
    return dataclasses.replace(perfect, entities=entities)


def test_unlinked_person_outside_the_kb_is_right(gold, build):
    scores = score_document(gold, with_scholz(build, None), kb_names=kb_names).scores
    assert (scores.nil.right, scores.nil.total) == (1, 1)  # Scholz only: Macron has a qid
    assert scores.metrics()["entities.nil_precision"] == 1.0


def test_link_to_a_local_entry_with_his_own_name_is_right(gold, build):
    result = score_document(gold, with_scholz(build, "veille:per:olaf-scholz"), kb_names=kb_names)
    assert result.scores.nil.value == 1.0
    assert "entities.nil_linked" not in result.errors


def test_link_to_another_person_is_wrong_and_listed(gold, build):
    result = score_document(gold, with_scholz(build, "Q567"), kb_names=kb_names)
    assert result.scores.nil.value == 0.0
    assert result.errors["entities.nil_linked"] == ["Olaf Scholz: linked to Q567, not in the KB"]


def test_link_to_an_id_the_kb_does_not_have_is_wrong(gold, build):
    doc = with_scholz(build, "veille:per:nobody")
    assert score_document(gold, doc, kb_names=kb_names).scores.nil.value == 0.0


def test_only_found_people_without_qid_count(gold, build):
    # Scholz missed: nothing to ask; places and people with a qid never count.
    perfect = build.perfect()
    doc = dataclasses.replace(perfect, entities=tuple(e for e in perfect.entities if e.id != "e2"))
    scores = score_document(gold, doc, kb_names=kb_names).scores
    assert scores.nil.total == 0
    assert scores.metrics()["entities.nil_precision"] is None


def test_names_match_after_normalisation(gold):
    scholz = gold.entities[1]
    assert nil_right(scholz, "x", lambda _id: ["OLAF SCHÔLZ"])
    assert not nil_right(scholz, "x", lambda _id: ["Olaf"])


def test_the_starter_kb_is_read_by_default():
    # Sybiha has a local id in the starter KB (docs/kb.md); an unknown id has no names.
    assert "Andrii Sybiha" in starter_kb_names("veille:per:andrii-sybiha")
    assert starter_kb_names("veille:per:no-such-person") == []


@pytest.mark.parametrize("kb_id", [None, "veille:per:olaf-scholz"])
def test_nil_precision_adds_up_over_articles(gold, build, kb_id):
    one = score_document(gold, with_scholz(build, kb_id), kb_names=kb_names).scores
    wrong = score_document(gold, with_scholz(build, "Q567"), kb_names=kb_names).scores
    assert (one + wrong).nil.value == 0.5
