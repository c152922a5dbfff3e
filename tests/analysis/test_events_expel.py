"""*Expulser* by the kind of its recipients (events/senses.py, ``senses`` rows with
``every``): after the PLOVER codebook, expelling individuals is COERCE/deport and expelling
an entity (a State, through its diplomats) SANCTION/expel. Roles are given by hand."""

from __future__ import annotations

from veille.analysis.events.lexicon import load_event_lexicon
from veille.analysis.events.roles import Roles
from veille.analysis.events.senses import sense

_LEXICON = load_event_lexicon()
_EXPULSER = _LEXICON.verbs["expulser"]
_TYPES = {"e1": "LOC", "e2": "PER", "e3": "PER", "e4": "LOC"}


def test_expelling_a_person_is_coerce_deport() -> None:
    found = sense(_EXPULSER, Roles(("e1",), ("e2",)), _TYPES, _LEXICON)
    assert (found.type, found.mode) == ("COERCE", "deport")


def test_expelling_two_persons_is_coerce_deport() -> None:
    found = sense(_EXPULSER, Roles(("e1",), ("e2", "e3")), _TYPES, _LEXICON)
    assert found.type == "COERCE"


def test_expelling_a_state_with_its_envoy_stays_sanction() -> None:
    found = sense(_EXPULSER, Roles(("e1",), ("e2", "e4")), _TYPES, _LEXICON)
    assert (found.type, found.mode) == ("SANCTION", "expel")


def test_a_sense_needs_a_recipient_of_known_kind() -> None:
    assert sense(_EXPULSER, Roles(("e1",), ("e9",)), _TYPES, _LEXICON) == _EXPULSER
    assert sense(_EXPULSER, Roles(("e1",), ()), _TYPES, _LEXICON) == _EXPULSER
