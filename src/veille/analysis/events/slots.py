"""Dispatch the table slots that name a party through a construction, not a preposition.

Each slot is a column value of plover_triggers.tsv read by a module of its own:
``accusateur`` (verdicts: *relaxer X, poursuivi par Y*), ``convocateur`` (convened: *la
réunion convoquée par X*), ``site`` and ``but`` (protests: *la grève à l'usine X*,
*rassemblés pour interpeller Y*).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from veille.analysis.events.convened import convener_of_meeting
from veille.analysis.events.protests import purpose_party, site_party
from veille.analysis.events.verdicts import accuser_of_object

if TYPE_CHECKING:
    from veille.analysis.events.roles import RoleReader

CONSTRUCTION_SLOTS = frozenset({"accusateur", "convocateur", "site", "but"})


def construction_party(reader: RoleReader, node: Token, slot: str) -> list[str]:
    """Return the party one of the construction slots names for a trigger, or []."""
    if slot == "accusateur":
        return accuser_of_object(reader, node)
    if slot == "convocateur":
        return convener_of_meeting(reader, node)
    return site_party(reader, node) if slot == "site" else purpose_party(reader, node)
