"""Amounts of money and quantities: values, currencies and orders of magnitude worked out by hand."""

from __future__ import annotations

import pytest

from veille.analysis.amounts import find_amounts, load_amount_words

CASES = [
    # text, amount text, value, currency, magnitude, unit
    ("ils vont dépenser des centaines de millions de dollars supplémentaires",
     "des centaines de millions de dollars", None, "USD", "1e8", None),
    ("ont dépensé des milliards de dollars pour soutenir Kyiv",
     "des milliards de dollars", None, "USD", "1e9", None),
    ("un prêt de 500 millions d'euros", "500 millions d'euros", 5e8, "EUR", "1e8", None),
    ("un budget de 1,5 milliard", "1,5 milliard", 1.5e9, None, "1e9", None),
    ("avec 25 tonnes de matériel", "25 tonnes", 25.0, None, "1e1", "tonnes"),
    ("avec à son bord 206 passagers", "206 passagers", 206.0, None, "1e2", "passagers"),
    ("imposé 6 millions de dollars en pénalités", "6 millions de dollars", 6e6, "USD", "1e6", None),
    ("un don de 50 000 dollars canadiens", "50 000 dollars canadiens", 5e4, "CAD", "1e4", None),
    ("quelques milliers de soldats", "quelques milliers de soldats", None, None, "1e3", "soldats"),
    ("le séisme a fait près de 5 500 morts", "5 500 morts", 5500.0, None, "1e3", "morts"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "span", "value", "currency", "magnitude", "unit"), CASES)
def test_amount_values(text: str, span: str, value, currency, magnitude, unit) -> None:  # type: ignore[no-untyped-def]
    (amount,) = find_amounts(text)
    assert (amount.text, amount.value, amount.currency, amount.magnitude, amount.unit) == (
        span, value, currency, magnitude, unit,
    )  # fmt: skip
    assert text[amount.start : amount.end] == amount.text


@pytest.mark.parametrize(
    "text",
    [
        "Depuis l'invasion totale de 2022, rien n'a changé.",  # a year
        "L'avion s'est posé peu avant 5h45 jeudi 30 mars.",  # a time and a date
        "2 209 Français ont été localisés, dont 12 enfants.",  # counts of things with no unit
        "des dizaines de raisons",  # a vague count of nothing measurable
    ],
)
def test_not_amounts(text: str) -> None:
    assert find_amounts(text) == ()


def test_word_table_loads_every_kind() -> None:
    words = load_amount_words()
    assert words.magnitudes["milliard"] == 1e9
    assert words.currencies["euros"] == "EUR"
    assert words.units["tonnes"] == "tonnes"
    assert words.vague["centaines"] == 1e2
