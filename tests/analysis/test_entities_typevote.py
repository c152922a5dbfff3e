"""The name evidence of the type vote (``entities/typevote.py``), on invented names."""

from __future__ import annotations

import pytest

from veille.analysis.entities.typevote import load_evidence, org_by_name, person_shaped


@pytest.mark.parametrize(
    "name",
    [
        "Tarnel Holding",
        "Brisach SAS",
        "Tarn Valley Museum",
        "Department of Energy",
        "Radio-Lorient",
        "RC Vierzon",
    ],
)
def test_org_by_name(name: str) -> None:
    assert org_by_name(name, load_evidence())


@pytest.mark.parametrize("name", ["Stade lavallois", "Olympique lyonnais"])
def test_club_with_demonym_is_an_organisation(name: str) -> None:
    assert org_by_name(name, load_evidence())


@pytest.mark.parametrize("name", ["Stade de France", "Paul Holdingue", "Marc Racine", "Sandrine Museau"])
def test_not_org_by_name(name: str) -> None:
    assert not org_by_name(name, load_evidence())


@pytest.mark.parametrize(
    "name", ["Ties van der Meer", "Oumarou Sidibé", "Abou Bakr al-Baghdadi", "Charles de Gaulle"]
)
def test_person_shaped(name: str) -> None:
    assert person_shaped(name, load_evidence())


@pytest.mark.parametrize(
    "name",
    [
        "Comité organisateur",
        "Radio Kreiz Arvor",
        "Conseil constitutionnel",
        "Kerlann",
        "ONU Femmes",
        "Banque de France",
    ],
)
def test_not_person_shaped(name: str) -> None:
    assert not person_shaped(name, load_evidence())
