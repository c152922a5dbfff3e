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
        # Regression: one substituted letter between words of the same length was refused
        # because the transposition test returned early (issue 13).
        ("novotny", "novatny"),
        ("ferrand", "ferrond"),
        ("kowalski", "kowelski"),
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
        ("marin", "morin"),  # one substitution in a short word: two surnames
        ("duval", "duvel"),
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


@pytest.mark.parametrize(
    ("name", "acronym"),
    [
        ("US Montbrison", "USM"),  # a prefix in capitals stays whole
        ("AS Saint-Étienne", "ASSE"),  # hyphen parts count as words
        ("police judiciaire de Tulle", "PJ"),  # the category head without its seat
        ("CHU de Limoges", "CHU"),  # the head itself when it is an acronym
        ("agence régionale de santé Grand Est", "ARS"),
        ("Agence nationale pour la rénovation urbaine", "ANRU"),  # prepositions skipped like de
        ("Union suisse des paysans", "USP"),  # plain initials still
    ],
)
def test_acronym_forms(name: str, acronym: str) -> None:
    from veille.analysis.entities.acronyms import acronym_forms

    assert acronym in acronym_forms(name)


def test_acronym_forms_negatives() -> None:
    from veille.analysis.entities.acronyms import acronym_forms

    assert "US" not in acronym_forms("US Montbrison")  # a club prefix alone is no short form
    assert acronym_forms("Montbrison") == frozenset()  # one word has no acronym


def test_paternal_surname() -> None:
    from veille.analysis.entities.names import paternal_surname

    assert paternal_surname("Lucía Ferrada Olmos") == "ferrada"
    assert paternal_surname("Jean Paul Martin") is None  # Paul is a given name
    assert paternal_surname("Marie de Gaulle") is None  # a particle, not two surnames
    assert paternal_surname("Anne-Laure Berthier") is None  # two words only
