"""Name comparison and country lookups: no model needed."""

from __future__ import annotations

import pytest

from veille.analysis.entities.names import first_name, initials, similar_name, similar_word, surnames
from veille.analysis.lang.fr import countries


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("vladuimir", "vladimir"),  # one inserted letter in a long word
        ("steeve", "steve"),  # a doubled letter
        ("kiyv", "kyiv"),  # two swapped letters
        ("zelenskyy", "zelensky"),
    ],
)
def test_typos_are_the_same_word(a: str, b: str) -> None:
    assert similar_word(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("jean", "joan"),  # short names one letter apart are two names
        ("martin", "martine"),  # a feminine form is another person
        ("daniel", "daniela"),
        ("paris", "boris"),
        ("kim", "tim"),
    ],
)
def test_different_names_stay_apart(a: str, b: str) -> None:
    assert not similar_word(a, b)


def test_full_names_need_one_exact_word() -> None:
    assert similar_name("Vladuimir Poutine", "Vladimir Poutine")
    assert similar_name("Steeve Witkoff", "Steve Witkoff")
    assert not similar_name("Kim Jong-un", "Kim Yo-jong")
    assert not similar_name("Jean Dupont", "Joan Dupont")
    assert not similar_name("Vladuimir Poutin", "Vladimir Poutine")  # two typos, no exact word


def test_short_forms_of_a_name() -> None:
    assert surnames("Vladimir Poutine") == ["poutine"]
    assert "le maire" in surnames("Bruno Le Maire")
    assert "gonneville" in surnames("Philippe de Gonneville")
    assert "de" not in surnames("Philippe de Gonneville")
    assert first_name("Donald Trump") == "donald"
    assert first_name("Poutine") is None


def test_initials_spell_acronyms() -> None:
    assert initials("Union suisse des paysans") == "USP"
    assert initials("Forces démocratiques syriennes") == "FDS"
    assert initials("Service de police de la Ville de Montréal") == "SPVM"


@pytest.mark.parametrize(
    ("word", "iso3", "gender", "number"),
    [
        ("russe", "RUS", None, "sg"),
        ("Russes", "RUS", None, "pl"),
        ("finlandaise", "FIN", "f", "sg"),
        ("ukrainiens", "UKR", "m", "pl"),
        ("Européens", "EU", "m", "pl"),
        ("britannique", "GBR", None, "sg"),
        ("américain", "USA", "m", "sg"),
        ("estonien", "EST", "m", "sg"),
    ],
)
def test_demonyms(word: str, iso3: str, gender: str | None, number: str) -> None:
    demonym = countries.demonym(word)
    assert demonym is not None
    assert (demonym.iso3, demonym.gender, demonym.number) == (iso3, gender, number)


def test_country_names_and_capitals() -> None:
    assert countries.country_code("États-Unis") == "USA"
    assert countries.country_code("Etats-Unis") == "USA"  # accents do not matter
    assert countries.country_code("Germany") == "DEU"
    assert countries.country_code("Pays-Bas") == "NLD"
    assert countries.country_code("Paris") is None
    assert countries.capital_country("Moscou") == "RUS"
    assert countries.capital_country("Kremlin") == "RUS"
    assert countries.is_capital("Madrid") and not countries.is_capital("Kremlin")
    ukraine = countries.country("UKR")
    assert ukraine is not None and (ukraine.name_fr, ukraine.name_en) == ("Ukraine", "Ukraine")
    assert countries.demonym("Allemagne") is None
