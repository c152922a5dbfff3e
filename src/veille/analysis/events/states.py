"""Add the state a capital stands for to an event's parties.

*Manille accuse Pékin*, *Washington a apporté son soutien à Manille*: a capital that acts is
its state (the entity layer marks such mentions with ``stands_for``). When the document also
names that state, the event lists both, the capital as told and the state it stands for
(a compound party, as the contract allows), so that a user who asks what the Philippines did
finds it, and an annotator who codes either the capital or the state finds the event. Nothing
is added where the state is already the other side (*Moscou a accusé la Russie d'hier*: no
event of a state against itself).
"""

from __future__ import annotations

import dataclasses

from veille.analysis.lang.fr.countries import capital_country, country_code
from veille.model import Document, Event


def with_states(events: tuple[Event, ...], doc: Document) -> tuple[Event, ...]:
    """Return the events with each capital party joined by the state it stands for, when the
    document names that state; two tellings that become the same event are kept once."""
    states: dict[str, str] = {}
    for entity in doc.entities:
        code = country_code(entity.name) if entity.type == "LOC" else None
        if code is not None:
            states.setdefault(code, entity.id)
    capitals = {
        e.id: states[code]
        for e in doc.entities
        if e.type == "LOC" and country_code(e.name) is None
        and (code := capital_country(e.name)) is not None and code in states
    }  # fmt: skip
    if not capitals:
        return events
    out: list[Event] = []
    seen: set[tuple[object, ...]] = set()
    for event in events:
        source = _joined(event.source, event.target, capitals)
        target = _joined(event.target, event.source, capitals)
        event = dataclasses.replace(event, source=source, target=target)
        key = (event.type, frozenset(source), frozenset(target), event.date, event.negated)
        if key in seen:
            continue  # Manille accuse Pékin (headline), les Philippines accusent la Chine
        seen.add(key)
        out.append(event)
    return tuple(out)


def _joined(side: tuple[str, ...], other: tuple[str, ...], capitals: dict[str, str]) -> tuple[str, ...]:
    """Return one side's parties with the state of each capital among them added after it."""
    out: list[str] = []
    for party in side:
        out.append(party)
        state = capitals.get(party)
        if state is not None and state not in side and state not in other and state not in out:
            out.append(state)
    return tuple(out)
