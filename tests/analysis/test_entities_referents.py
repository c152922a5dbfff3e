"""Title genders between two people of one surname, checked by offset, and the first-name
table (the golden cases in tests/golden/entities cover the rest)."""

from __future__ import annotations

from typing import Any

import pytest

from veille.analysis.entities.referents import first_name_gender, load_referents


def test_first_name_gender() -> None:
    referents = load_referents()
    assert first_name_gender("Hélène Vasseur", referents) == "f"
    assert first_name_gender("Thierry Vasseur", referents) == "m"
    assert first_name_gender("Jean-Marie Le Pen", referents) == "m"  # by its first part
    assert first_name_gender("Camille Leroy", referents) is None
    assert first_name_gender("Claude Durand", referents) is None
    assert first_name_gender("Vasseur", referents) is None  # a surname says nothing


@pytest.mark.model
def test_the_title_picks_the_person(analyze: Any) -> None:
    text = (
        "Hélène Vasseur et son frère Thierry Vasseur dirigent la société. "
        "Mme Vasseur a confirmé la vente. M. Vasseur a refusé de répondre."
    )
    doc = analyze(text)
    mme = text.index("Mme Vasseur") + len("Mme ")
    monsieur = text.index("M. Vasseur") + len("M. ")
    owner = {m.start: e.name for e in doc.entities for m in e.mentions}
    assert owner[mme] == "Hélène Vasseur"
    assert owner[monsieur] == "Thierry Vasseur"
