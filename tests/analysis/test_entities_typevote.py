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


@pytest.mark.parametrize("name", ["Agrochimie Ventadour", "Menuiserie Girardeau", "Chaudronnerie Le Floch"])
def test_opens_on_noun(name: str) -> None:
    from veille.analysis.entities.referents import load_referents
    from veille.analysis.entities.typevote import opens_on_noun

    assert opens_on_noun(name, load_referents())


@pytest.mark.parametrize("name", ["Pierre Martin", "Olivier Roux", "Guram Tsereteli", "Granit Kastrati"])
def test_not_opens_on_noun(name: str) -> None:
    from veille.analysis.entities.referents import load_referents
    from veille.analysis.entities.typevote import opens_on_noun

    assert not opens_on_noun(name, load_referents())


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (
            "Ces limites, Agrochimie Ventadour s'en est emparée dès la publication.",
            "Agrochimie Ventadour",
            "ORG",
        ),
        # a title before the name keeps the person (the lexicon holds morgan too)
        ("La journaliste bretonne Morgan Kerjean a porté plainte.", "Morgan Kerjean", "PER"),
    ],
)
def test_common_noun_opening_a_person_tagged_name(nlp, text: str, name: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    """A PER name that opens on a common noun that is no first name is an organisation's."""
    from veille.analysis.entities.clusters import Cluster
    from veille.analysis.entities.referents import load_referents
    from veille.analysis.entities.typevote import vote_types
    from veille.model import Mention

    parsed = nlp(text)
    start = text.index(name)
    cluster = Cluster([Mention(start, start + len(name), name, "name")], "PER")
    vote_types([cluster], parsed, load_referents())
    assert cluster.type == expected
