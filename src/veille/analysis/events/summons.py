"""Read the sense of a summons (*convoquer*) from who summons whom.

*Convoquer* is "faire venir (quelqu'un) pour une réunion" (TLFi), and French news uses it in
four settings that PLOVER codes apart:

- a government summons a foreign diplomat to protest (*le Quai d'Orsay a convoqué
  l'ambassadeur d'Iran*): ACCUSE/disapprove, when a diplomat is the object (the row's
  ``dipl`` cue, looked for outside the subject);
- a holder of executive office summons a firm's or a union's people to a meeting (*le
  ministre délégué chargé de l'Industrie, Paul Girard, a convoqué le PDG*): CONSULT, a called
  meeting (PLOVER CONSULT: meet, hold talks; AGREE when only planned);
- a coach calls a player up, a judge or the police a suspect: no event of these types (a
  selection; a judicial summons is told by its charge or custody).

So the sense is read off the summoner: a person whose title (``roles.tsv``) is of an office
of government (``summons.classes`` of events_lexicon.json: minister, head of government,
prefect; not *président*, *secrétaire*, which also head clubs and unions), or a body of
government (``summons.bodies``: ministère, gouvernement, préfecture). Anyone else's summons
of a non-diplomat codes nothing.
"""

from __future__ import annotations

import dataclasses
from functools import cache

from spacy.tokens import Token

from veille.analysis.events.lexicon import Trigger
from veille.analysis.events.roles import RoleReader, Roles
from veille.analysis.lang.fr import tables
from veille.normal import fold


@cache
def _title_classes() -> tuple[tuple[str, str], ...]:
    """Return (folded title, class) of ``roles.tsv``, longest titles first."""
    rows = [(fold(cells[0]), cells[2]) for _n, cells in tables.read_rows("roles.tsv") if len(cells) > 2]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


@cache
def _summoners() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    words = tables.read_json("events_lexicon.json")["summons"]
    return frozenset(words["classes"]), tuple(fold(b) for b in words["bodies"]), frozenset(words["verbs"])


def is_summons(trigger: Trigger) -> bool:
    """Say whether a trigger row is a verb of summoning (``summons.verbs``: convoquer)."""
    return trigger.pos == "VERB" and trigger.lemma in _summoners()[2]


def title_class(title: str) -> str | None:
    """Return the class of a role title by its longest known opening (*ministre délégué
    chargé de l'Industrie* → minister), or None."""
    folded = fold(title)
    for known, cls in _title_classes():
        if folded == known or folded.startswith(known + " "):
            return cls
    return None


def governs(reader: RoleReader, entity_id: str) -> bool:
    """Say whether an entity holds an office of government or is a body of government."""
    entity = reader.doc.entity(entity_id)
    if entity is None:
        return False
    classes, bodies, _verbs = _summoners()
    if entity.type == "PER":
        return any(title_class(role.title) in classes for role in entity.roles)
    name = fold(entity.name)
    return entity.type == "ORG" and any(name == b or name.startswith(b + " ") for b in bodies)


def summoned(
    token: Token, trigger: Trigger, roles: Roles, reader: RoleReader, diplomat: bool
) -> Trigger | None:
    """Return the row a summons codes (module docstring): the table's ACCUSE for a diplomat,
    CONSULT for a summons by an office of government, else None. A participle on a noun
    (*la réunion convoquée par le ministre*) names a meeting's convener, which the meeting
    noun's own event reads (convened.py), not a summons of a party."""
    if diplomat:
        return trigger
    if token.dep_.startswith("acl") or token.dep_ == "amod":
        return None
    if any(governs(reader, a) for a in roles.actors):
        return dataclasses.replace(trigger, type="CONSULT", mode=None)
    return None
