"""A time rule searched only in the lines that hold its words finds ``finditer``'s matches."""

from __future__ import annotations

import random
import re

import pytest

from veille.analysis.time.detect import rules
from veille.analysis.time.lines import Lines, line_bound
from veille.analysis.time.scan import required_words, scan

# Invented paragraphs: dates and two-digit years at a line's end, weekdays, durations, clock
# times and ranges, next to lines that hold none of their words.
PARAGRAPHS = [
    "Le conseil de Valbreuse s'est réuni le 4 mars 97",
    "puis mardi soir, du 6 au 13 avril, pendant trois semaines et demie.",
    "Aucune date ici, seulement des mots et des chiffres : 12, 45 et 3.",
    "Fin 98, entre 2015 et 2019, le 1er juillet à 18 h 30 ; en 07 à Lorsac.",
    "Dans la nuit de jeudi à vendredi, vers minuit, une dizaine de jours plus tard",
    "il y a deux ans et demi, le lendemain, chaque été depuis 1998, le 3 mai 21",
    "",
]


def _reference(text: str) -> list[tuple[int, tuple[int, int]]]:
    # every rule over the whole lower-cased text, as scan ran them before (test_time_scan.py
    # checks those against the rules as written)
    lowered = text.lower()
    return [(n, m.span()) for n, rule in enumerate(rules()) for m in rule.lowered.finditer(lowered)]


def _by_lines(text: str) -> list[tuple[int, tuple[int, int]]]:
    return [(n, m.span()) for n, _rule, m, _scanned in scan(rules(), text)]


def _texts() -> list[str]:
    rnd = random.Random(18)
    texts = ["\n".join(PARAGRAPHS), "\n\n".join(PARAGRAPHS), "\n\n".join(PARAGRAPHS) + "\n", "\n"]
    for _ in range(40):
        lines = rnd.sample(PARAGRAPHS, k=rnd.randint(1, len(PARAGRAPHS)))
        text = rnd.choice(["\n", "\n\n", " \n"]).join(lines) + rnd.choice(["", "\n", "\n\n"])
        chars = list(text.lower())
        for _ in range(rnd.randint(0, 6)):  # a break anywhere: inside a date, a word, a number
            chars.insert(rnd.randrange(len(chars) + 1), "\n")
        texts.append("".join(chars))
    return texts


@pytest.mark.parametrize("text", _texts())
def test_the_lines_holding_a_rules_words_give_the_matches_of_finditer(text: str) -> None:
    assert _by_lines(text) == _reference(text)


def test_most_rules_are_searched_line_by_line() -> None:
    # of 60, those with required words of three letters or more: weekdays, months, holidays
    assert sum(bool(rule.line_words) for rule in rules()) >= 20


@pytest.mark.parametrize(
    ("pattern", "bound"),
    [
        (r"\blundi[^\S\n]+(?P<d>\d+)\b", True),
        (r"\bmars(?=[^\S\n]*(?:[,.;]|$))", True),  # $ fails at a line's end as over the text
        (r"(?<![\w\n])lundi", True),  # a look-behind reads the text as it is
        (r"\blundi\s+\d+", False),  # \s holds \n: the match may cross a line
        (r"\blundi(?=\s+soir)", False),  # so may a look-ahead
        (r"\blundi[^,]+", False),  # a negated class without \n holds it
        (r"\blundi\W", False),
        (r"(?s)\blundi.", False),  # . holds \n under DOTALL
        (r"(?m)\blundi$", False),  # the $ of MULTILINE stops at \n
        (r"\b(?P<w>lundi)[^\S\n](?P=w)", False),  # a back-reference is not read
    ],
)
def test_line_bound_reads_whether_a_match_or_look_ahead_can_cross_a_line(pattern: str, bound: bool) -> None:
    assert line_bound(pattern) is bound


@pytest.mark.parametrize(
    "pattern", [r"\bmars(?=[^\S\n]*(?:[,.;]|$))", r"\blundi(?:[^\S\n]+\d+)?\b", r"(?<![\w\n])le[^\S\n]+\d+\Z"]
)
def test_a_line_bound_pattern_finds_in_its_lines_what_it_finds_in_the_text(pattern: str) -> None:
    compiled = re.compile(pattern)
    required = required_words(pattern)
    assert required and line_bound(pattern)
    for text in ["mars\nmars", "le 3\nmars ,\nlundi 4\n", "x mars\n\nmars", "le 12", "lundi\n", "\nmars\n"]:
        found = [m.span() for m in Lines(text).search(compiled, required)]
        assert found == [m.span() for m in compiled.finditer(text)]


def test_a_set_of_words_two_rules_require_is_looked_up_once_and_gives_the_same_lines() -> None:
    # Invented: two lines of three hold a month; the second question reads the first answer.
    lines = Lines("le 3 mars\nrien ici\nfin avril")
    months = frozenset({"mars", "avril", "mai"})
    first = lines.holding(months)
    assert first == {0, 2}
    assert lines.holding(frozenset({"mai", "avril", "mars"})) is first  # equal sets: one answer
    assert lines.holding(frozenset({"rien"})) == {1}
