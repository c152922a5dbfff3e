"""Text matching: normalised forms, quote coverage thresholds, finding gold strings, assignment."""

from __future__ import annotations

import pytest

from veille.eval.matching import TextIndex, assign, form_key, quote_coverage, quotes_match
from veille.normal import name_key


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("L’Ukraine", "Ukraine"),
        ("l'OTAN", "OTAN"),
        ("les Russes", "russes"),
        ("le président russe", "Président Russe"),
        ("États-Unis", "etats-unis"),
        ("Kyiv\u00a0 ", "kyiv"),
        ("« Poutine »", "Poutine"),
        ("la  ministre\nfinlandaise", "ministre finlandaise"),
        ("Zelensky’s", "zelensky's"),
    ],
)
def test_forms_match_after_normalisation(left, right):
    assert name_key(left) == name_key(right)


@pytest.mark.parametrize(
    ("left", "right"),
    [("Mme Vasseur", "Vasseur"), ("M. Okonjo", "Okonjo"), ("Me Garnier-Lunel", "Garnier-Lunel"),
     ("Dr Halvorsen", "halvorsen"), ("M. le maire", "le maire")],
)  # fmt: skip
def test_an_honorific_before_a_form_does_not_count(left, right):
    assert form_key(left) == form_key(right)


@pytest.mark.parametrize("form", ["Mme", "Me", "Dr"])
def test_an_honorific_alone_keeps_its_word(form):
    assert form_key(form) == name_key(form) != ""


@pytest.mark.parametrize(("left", "right"), [("Lecornu", "Le Cornu"), ("Laval", "Val"), ("Kiyv", "Kyiv")])
def test_different_forms_stay_different(left, right):
    assert name_key(left) != name_key(right)


def words(n: int, start: int = 0) -> str:
    return " ".join(f"mot{i}" for i in range(start, start + n))


def test_quote_thresholds_at_their_boundaries():
    gold = words(10)
    assert quote_coverage(gold, words(8)) == (0.8, 1.0)
    assert quotes_match(gold, words(8))  # exactly 80 % of the gold tokens
    assert not quotes_match(gold, words(7))
    # 8 gold tokens among 8 + 18 = 26: 30.8 % of the system quote is gold.
    assert quotes_match(gold, f"{words(8)} {words(18, 100)}")
    # 8 among 8 + 19 = 27: 29.6 %, too little.
    assert not quotes_match(gold, f"{words(8)} {words(19, 100)}")
    # 3 among 10: exactly 30 %.
    assert quotes_match(words(3), f"{words(3)} {words(7, 100)}")


def test_quote_tokens_ignore_case_accents_and_marks():
    assert quote_coverage("C’est une « bonne » chose", "c'est une bonne chose") == (1.0, 1.0)


def test_repeated_tokens_count_as_often_as_they_occur():
    gold_share, system_share = quote_coverage("la paix la paix la paix", "la paix")
    assert gold_share == pytest.approx(2 / 6) and system_share == 1.0


def test_text_index_finds_occurrences_across_marks_and_whitespace():
    text = "Mardi, l'OTAN a parlé.\n\nMardi  soir, encore l'OTAN ; mardi aussi."
    index = TextIndex(text)
    assert index.find("Mardi") == (0, 5)
    start, end = index.find("Mardi soir")
    assert text[start:end] == "Mardi  soir"
    start, end = index.find("l’OTAN", 2)
    assert text[start:end] == "l'OTAN" and start > 20
    assert index.find("Mardi", 3) is None  # occurrences are case-sensitive
    start, end = index.find("parlé. Mardi")
    assert text[start:end] == "parlé.\n\nMardi"


def test_assignment_serves_required_items_first_then_best_scores():
    # gold 0 is optional and prefers system 0; gold 1 is required and also matches it.
    pairs = assign([(0, 0, (2.0,)), (1, 0, (1.0,)), (1, 1, (0.5,))], optional=[True, False])
    assert pairs == {1: 0}
    pairs = assign([(0, 0, (1.0,)), (0, 1, (2.0,)), (1, 1, (1.5,))], optional=[False, False])
    assert pairs == {0: 1}


def test_a_gold_timex_is_located_outside_the_spans_other_items_claimed():
    from pathlib import Path

    from veille.eval.gold import Gold, GoldArticle, GoldTimex
    from veille.eval.matching import locate_timexes

    morning = GoldTimex(text="jeudi matin", value="2025-11-20TMO")
    day = GoldTimex(text="jeudi", value="2025-11-20")
    gold = Gold(path=Path("case.gold.json"), article=GoldArticle(file="case.txt"), timexes=(morning, day))
    text = "Il a parlé jeudi matin au maire. Elle a écrit jeudi au préfet."
    assert locate_timexes(gold, TextIndex(text)) == [(11, 22), (46, 51)]  # the second jeudi
    # a text found only inside another item's span stays there, as before
    assert locate_timexes(gold, TextIndex("Il a parlé jeudi matin.")) == [(11, 22), (11, 16)]
