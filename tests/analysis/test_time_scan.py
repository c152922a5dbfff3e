"""The time rules' fast scan finds exactly the matches of ``finditer`` over the text."""

from __future__ import annotations

import re

import pytest

from veille.analysis.time.detect import find_candidates, rules
from veille.analysis.time.scan import (
    can_lower,
    canonical,
    compile_starting,
    first_gate,
    lower_pattern,
    names_canonical_letters,
    required_words,
    scan,
)

# Invented sentences: dates, weekdays, durations, holidays, clock times, ranges, years.
TEXTS = [
    "Le conseil de Montbrac s'est réuni mardi 4 mars 2025 au soir, puis le lendemain à 18 h 30.",
    "Du 6 au 13 avril, les grévistes de Lunel ont tenu trois semaines et demie, il y a deux ans.",
    "À Noël et à la Saint-Sylvestre, la fête du Travail ou le 14-Juillet, chaque été depuis 1998.",
    "Entre 2015 et 2019, puis en 2021-2022, au premier trimestre, T3 2024, fin 2023 et mi-2024.",
    "Ce soir-là, dans la nuit de jeudi à vendredi, vers minuit, une dizaine de jours plus tard.",
    "DIMANCHE 12 JANVIER, LE MAIRE A PARLÉ PENDANT DEUX HEURES ET QUART.",
]


def _reference(text: str) -> list[tuple[int, tuple[int, int], dict[str, str | None]]]:
    found = []
    for n, rule in enumerate(rules()):
        found.extend((n, m.span(), m.groupdict()) for m in rule.pattern.finditer(text))
    return found


def _fast(text: str) -> list[tuple[int, tuple[int, int], dict[str, str | None]]]:
    found = []
    for n, rule, m, _scanned in scan(rules(), text):
        names = rule.pattern.groupindex
        groups = {k: text[m.start(k) : m.end(k)] if m.start(k) >= 0 else None for k in names}
        found.append((n, m.span(), groups))
    return found


@pytest.mark.parametrize("text", [*TEXTS, *(t.upper() for t in TEXTS), *(t.swapcase() for t in TEXTS)])
def test_scan_matches_finditer_in_any_case(text: str) -> None:
    assert _fast(text) == _reference(text)
    assert find_candidates(text)  # every sentence holds a time expression


def test_a_text_with_a_character_re_folds_otherwise_runs_the_rules_as_written() -> None:
    # The long s and the dotless i match s and i case-insensitively; str.lower keeps them.
    for text in ("Le ſamedi 3 mai à Kerlan.", "Le 3 mai à İzmir, lundı."):
        assert not can_lower(text, text.lower())
        assert _fast(text) == _reference(text)
    assert can_lower("Le samedi 3 mai à Kerlan.", "le samedi 3 mai à kerlan.")


# Invented sentences with letters that re folds beyond str.lower: a Turkish name's dotless ı and
# dotted İ, a Russian name in Cyrillic (о, с, т, в), a Greek one (σ and the final ς), the micro
# sign, a long s, and the folded letters inside the French words the rules look for.
FOLDED_TEXTS = [
    "Le séisme de Kahramanmaraş a frappé lundi 6 février ; à Diyarbakır, trois jours plus tard.",
    "Le 3 mai à İzmir, lundı soir, puis Sıla Yıldız a parlé pendant deux heures.",
    "Le ministre Сергей Лавров (Москва) a répondu mardi, le 12 mars 2024 à 18 heures.",
    "Στη Θεσσαλονίκη, ΟΔΟΣ ΣΟΦΟΚΛΈΟΥΣ, le maire a parlé dimanche 4 juin pendant deux ſemaines.",
    "Une dose de 20 µg par jour depuis 2019, selon l'étude publiée le 1er juillet.",
]


def test_folded_letters_are_what_the_plain_lower_casing_declines() -> None:
    for text in FOLDED_TEXTS:
        assert not can_lower(text, text.lower())


@pytest.mark.parametrize("text", [*FOLDED_TEXTS, *(t.upper() for t in FOLDED_TEXTS)])
def test_folded_letters_keep_the_fast_path_with_the_matches_of_finditer(text: str) -> None:
    # the lower-cased rules run (upper-cased, the dotless ı is a plain I)
    assert can_lower(text, text.lower()) or canonical(text, text.lower()) is not None
    assert all(rule.canonical for rule in rules())
    assert _fast(text) == _reference(text)
    assert find_candidates(text)


def test_a_folded_letter_of_another_class_runs_the_rules_as_written() -> None:
    # The combining ypogegrammeni folds with iota but is no letter (\w reads them apart).
    text = "Le lundi 3 mai, ᾳͅ."
    assert canonical(text, text.lower()) is None
    assert _fast(text) == _reference(text)


def test_a_rule_naming_a_folded_letter_other_than_its_sets_first_is_not_merged() -> None:
    assert names_canonical_letters(r"\blundi\s+[a-z]+")
    assert not names_canonical_letters(r"\blundı")  # the dotless ı, not i
    assert not names_canonical_letters(r"[ı-ſ]")  # a range over them


def test_lower_pattern_keeps_escapes_and_group_names() -> None:
    assert lower_pattern(r"\bLe\s+(?P<Wd>Lundi)\S(?P=Wd)[IVX]") == r"\ble\s+(?P<Wd>lundi)\S(?P=Wd)[ivx]"


def test_required_words_are_those_every_match_holds() -> None:
    assert required_words(r"\b(?:du|entre)\s+(?:lundi|mardi)(?:\s+soir)?") == (
        frozenset({"du", "entre"}),
        frozenset({"lundi", "mardi"}),
    )
    assert required_words(r"\d+\s+(?:ans|x)") == ()  # a one-character branch: nothing required


def test_first_gate_reads_the_characters_a_match_can_start_with() -> None:
    assert first_gate(r"(?:\bce\s+)?\blundi") == "(?=[cl])"
    assert first_gate(r"(?<![\w'])(?:\d+|mi)-\w+") == r"(?=[\dm])"
    assert first_gate(r"(?:le\s+)?") == ""  # matches the empty string: no gate
    assert first_gate(r"[^\S\n]+x") == ""  # a negated class is not read


def test_every_rule_is_compiled_with_its_first_characters_and_matches_as_written() -> None:
    # The set in the header only says where to try: the matches are the plain pattern's.
    for rule in rules():
        plain = re.compile(rule.lowered.pattern)
        assert rule.lowered.groupindex == plain.groupindex
        for text in [*TEXTS, *(t.lower() for t in TEXTS)]:
            assert [m.regs for m in rule.lowered.finditer(text)] == [m.regs for m in plain.finditer(text)]


@pytest.mark.parametrize(
    ("pattern", "first"),
    [
        (r"(?=[l\d])(?:(?<![\w'])(?:lundi|(?P<n>\d+)\s?h))", r"[l\d]"),
        (r"(?=[d])(?:\bdu\s+(?P<a>\d+)\s+au\s+(?P<b>\d+)\b)", "[d]"),  # one character
    ],
)
def test_compile_starting_finds_what_the_plain_pattern_finds(pattern: str, first: str) -> None:
    fast = compile_starting(pattern, first)
    assert fast is not None and fast.pattern == pattern
    plain = re.compile(pattern)
    for text in ["", "l", "lundi", "du 3 au 5", "xx du 3 au 5 mars, lundi à 18h et 7 h", "à 18 h, 9h30, 12"]:
        for start in range(len(text) + 1):
            expected = [m.regs for m in plain.finditer(text, start)]
            assert [m.regs for m in fast.finditer(text, start)] == expected


def test_compile_starting_declines_what_can_match_nothing() -> None:
    assert compile_starting(r"(?:le\s+)?", "[l]") is None  # the empty match starts anywhere
    assert compile_starting(r"(?i)lundi", "[l]") is None  # case-insensitive: not lower-cased
