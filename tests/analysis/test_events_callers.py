"""A protest called by a body is the caller's; a request to meet someone is addressed to
them (``events/callers.py``). The cases where the ordinary reading must stand: a named body
called to protest is asked (it protests itself), an addressee named on the asking verb is
the one asked, and a call the caller refused to make is no protest."""

from __future__ import annotations

from typing import Any

import pytest


def _events(analyze: Any, text: str) -> list[tuple[str, list[str], list[str]]]:
    doc = analyze(text)
    names = {e.id: e.name for e in doc.entities}
    return [(e.type, [names[s] for s in e.source], [names[t] for t in e.target]) for e in doc.events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le syndicat Unisud a appelé ses adhérents à manifester contre la société Vélonor.",
            [("PROTEST", ["Unisud"], ["Vélonor"])],
        ),
        (
            "Le syndicat Unisud a appelé à manifester contre la société Vélonor.",
            [("PROTEST", ["Unisud"], ["Vélonor"])],
        ),
        (
            "Le syndicat Unisud a appelé la CGT à manifester contre la société Vélonor.",
            [("REQUEST", ["Unisud"], ["CGT"])],
        ),
        (
            "Le syndicat Unisud a refusé d'appeler ses adhérents à manifester contre la société Vélonor.",
            [],
        ),
        (
            "Le maire Paul Girard a demandé à rencontrer les dirigeants de la société Vélonor.",
            [("REQUEST", ["Paul Girard"], ["Vélonor"])],
        ),
        (
            "Le maire Paul Girard a demandé au préfet Luc Besson de rencontrer les dirigeants de Vélonor.",
            [("REQUEST", ["Paul Girard"], ["Luc Besson"])],
        ),
    ],
)
def test_callers(analyze: Any, text: str, expected: list[tuple[str, list[str], list[str]]]) -> None:
    assert _events(analyze, text) == expected
