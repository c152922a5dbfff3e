"""The extent profiles: TimeML spans (determiner, head noun, début/fin de, approximator) or the core."""

from __future__ import annotations

import pytest

from veille.analysis.time.extent import widen
from veille.settings import Settings


def _span(text: str, core: str, type_: str = "DATE", profile: str = "timeml") -> str:
    start = text.index(core)
    new_start, end = widen(text, start, start + len(core), type_, profile)  # type: ignore[arg-type]
    return text[new_start:end]


@pytest.mark.parametrize(
    ("text", "core", "type_", "expected"),
    [
        ("Il est venu le 3 août.", "3 août", "DATE", "le 3 août"),
        ("Il est venu l'an dernier, au mois de mai.", "mai", "DATE", "mois de mai"),
        ("Elle a ouvert le mois de mai.", "mai", "DATE", "le mois de mai"),
        ("C'était l'année 2001.", "2001", "DATE", "l'année 2001"),
        ("Bâti à la fin du XIXe siècle.", "XIXe siècle", "DATE", "la fin du XIXe siècle"),
        ("Il attend depuis près de trois heures.", "trois heures", "DURATION", "près de trois heures"),
        ("Il a attendu plus de deux ans.", "deux ans", "DURATION", "plus de deux ans"),
        ("Rendez-vous vers 18 heures.", "18 heures", "TIME", "vers 18 heures"),
        # hard negatives: du/au are contractions, plus de never measures a point, vers never a length
        ("Du 3 au 5 mars.", "5 mars", "DATE", "5 mars"),
        ("Il a gagné plus de 2020 voix.", "2020", "DATE", "2020"),
        ("Il a marché vers deux heures de route.", "deux heures", "DURATION", "deux heures"),
        ("Cette semaine, rien.", "Cette semaine", "DATE", "Cette semaine"),
        ("Le marché a lieu chaque jeudi.", "chaque jeudi", "SET", "chaque jeudi"),
    ],
)
def test_timeml_profile(text: str, core: str, type_: str, expected: str) -> None:
    assert _span(text, core, type_) == expected


def test_core_profile_keeps_the_core() -> None:
    assert _span("Il est venu le 3 août.", "3 août", profile="core") == "3 août"


def test_timeml_is_the_default_setting() -> None:
    assert Settings().timex_extent == "timeml"


@pytest.mark.parametrize(
    ("text", "core", "type_", "mod"),
    [
        ("Bâtie à la fin du XIXe siècle.", "XIXe siècle", "DATE", "END"),
        ("Le chantier durera environ deux ans.", "deux ans", "DURATION", "APPROX"),
        ("Il a attendu plus de trois heures.", "trois heures", "DURATION", "MORE_THAN"),
        ("Il reste moins de dix minutes.", "dix minutes", "DURATION", "LESS_THAN"),
        ("Il faudra au moins un an.", "un an", "DURATION", "EQUAL_OR_MORE"),
        ("Rendez-vous vers 18 heures.", "18 heures", "TIME", "APPROX"),
        ("Les travaux commenceront début mars.", "début mars", "DATE", "START"),
        ("Ils finiront mi-juin.", "mi-juin", "DATE", "MID"),
        ("Au début de l'année, la ville a voté.", "début de l'année", "DATE", "START"),
        # hard negatives: no approximator, a part of the day that is itself the evening
        ("Le marché a fermé le 3 mai.", "3 mai", "DATE", None),
        ("Il est parti mercredi en fin de journée.", "mercredi en fin de journée", "TIME", None),
        ("Le fin mot date de 2020.", "2020", "DATE", None),
    ],
)
def test_timex_mod(text: str, core: str, type_: str, mod: str | None) -> None:
    from veille.analysis.time.extent import modifier

    start = text.index(core)
    assert modifier(text, start, start + len(core), type_) == mod
