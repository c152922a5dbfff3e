"""A name holding an acronym is never linked by a fuzzy match (entities/link.py).

An acronym's letters each stand for a word: one letter off names another body (l'UA, the
African Union, against l'UE). Invented sentences; the starter KB knows the European
Commission (Q8880) under *Commission de l'UE*.
"""

from __future__ import annotations

from typing import Any

import pytest

from veille.analysis.entities.link import _has_acronym
from veille.model import Article, Document


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Commission de l'UA", True),
        ("la CGT", True),
        ("Union des forces du changement (UFC)", True),
        ("Vladuimir Poutine", False),
        ("Steeve Witkoff", False),
        ("Commission européenne", False),
        ("A. Dupont", False),  # an initial is one letter
    ],
)
def test_a_word_of_capitals_only_is_an_acronym(name: str, expected: bool) -> None:
    assert _has_acronym(name) is expected


def _run(pipeline: Any, text: str) -> Document:
    return pipeline.analyze(Article(id="ua", text=text, date="2024-03-14", source="test"))


@pytest.mark.model
def test_an_acronym_one_letter_off_a_known_body_is_not_that_body(linking_pipeline: Any) -> None:
    doc = _run(
        linking_pipeline,
        "La Commission de l'UA a condamné mercredi le coup d'État au Niger. "
        "La Commission européenne a salué cette position.",
    )
    owners = {m.text: e for e in doc.entities for m in e.mentions}
    african, european = owners["Commission de l'UA"], owners["Commission européenne"]
    assert african is not european  # two bodies, not merged through one KB id
    assert african.kb_id != "Q8880"
    assert european.kb_id == "Q8880"
