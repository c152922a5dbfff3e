"""Hints the speaker resolver reads off the text (veille.analysis.quotes.hints)."""

from __future__ import annotations

import re

from veille.analysis.quotes.hints import apposed_title_holder
from veille.model import Entity, Mention

TEXT = (
    "Mardi, la réunion convoquée par Bernard Payet, le préfet de la Guyane, a tourné court. "
    "Luc Hoarau a proposé une prime. Le préfet a rappelé la loi."
)


def _people(*names: str) -> list[tuple[int, int, Mention, Entity]]:
    found = []
    for n, name in enumerate(names):
        start = TEXT.index(name)
        mention = Mention(start, start + len(name), name)
        found.append((mention.start, mention.end, mention, Entity(f"e{n}", name, "PER", (mention,))))
    return found


def _within(people: list[tuple[int, int, Mention, Entity]]):  # type: ignore[no-untyped-def]
    return lambda start, end: [p for p in people if p[1] > start and p[0] < end]


def test_title_apposed_after_the_name_names_its_holder() -> None:
    # Bernard Payet, le préfet de la Guyane, … Le préfet: the person the title was apposed to,
    # not the nearer Luc Hoarau
    people = _people("Bernard Payet", "Luc Hoarau")
    skip = [m.start() for m in re.finditer("préfet", TEXT)][-1]
    assert apposed_title_holder(TEXT, "préfet", skip, _within(people)) == "e0"


def test_title_after_a_comma_but_not_closed_is_no_apposition() -> None:
    # Selon Bernard Payet, le préfet a tort: the title opens a clause, it is not apposed
    text = "Selon Bernard Payet, le préfet a tort. Le préfet a rappelé la loi."
    start = text.index("Bernard Payet")
    mention = Mention(start, start + 13, "Bernard Payet")
    people = [(mention.start, mention.end, mention, Entity("e0", "Bernard Payet", "PER", (mention,)))]
    skip = text.rindex("préfet")
    assert apposed_title_holder(text, "préfet", skip, _within(people)) is None
