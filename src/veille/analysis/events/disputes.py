"""Read whom a threat with no party of its own aims at: the adversary of a dispute the
article has told.

*La Bolivie a accusé le Chili de détourner le Silala. […] La Bolivie menace par ailleurs de
saisir la Cour internationale de justice* → THREATEN Bolivie → Chili. A threat to go to court,
to strike, to break off talks names no one because the story already has: it is the next move
of its author in the dispute, and aims at whom that author last accused, sanctioned, rejected,
threatened or attacked (PLOVER THREATEN: a warning aimed at a target). Only an earlier
hostile event of the same author counts, told before the threat and not negated; a threat by
someone who has acted against no one (*Le ministre menace de démissionner*) stays unread.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from veille.analysis.events.control import previous_subject
from veille.analysis.events.roles import RoleReader, Roles
from veille.analysis.syntax.clauses import subject_chain
from veille.model import Event

# The events that make two parties adversaries (PLOVER's conflictual types).
HOSTILE = frozenset({"ACCUSE", "THREATEN", "SANCTION", "REJECT", "COERCE", "ASSAULT", "PROTEST"})


def continued_dispute(reader: RoleReader, verb: Token, earlier: Sequence[Event]) -> Roles | None:
    """Return the roles of a threat that names no recipient: its author, and the target of
    that author's last hostile event told before it (module docstring); else None."""
    actors, depth = author(reader, verb)
    named = named_parties(reader, actors)
    if not named:
        return None
    for event in told_before(earlier, verb, HOSTILE):
        if named & set(event.source) and event.target and not named & set(event.target):
            return Roles(tuple(actors), tuple(event.target), None, depth)
    return None


def named_parties(reader: RoleReader, parties: Sequence[str]) -> set[str]:
    """Return the parties the entity layer typed as a person, an organisation or a place."""
    return {p for p in parties if reader.types.get(p) not in (None, "MISC")}


def told_before(earlier: Sequence[Event], verb: Token, types: frozenset[str]) -> Iterator[Event]:
    """Yield the asserted events of ``types`` told before a verb, the nearest first."""
    for event in reversed(earlier):
        if event.start < verb.idx and event.type in types and not event.negated:
            yield event


def author(reader: RoleReader, verb: Token) -> tuple[list[str], int | None]:
    """Return who does a verb's act and the clause depth where it was found: its subject or
    the one it borrows (``RoleReader.actors_of_verb``), else, for a subject pronoun the entity
    layer left unresolved, the subject of the sentence before (``control.previous_subject``:
    *Le maire Paul Girard a dénoncé … Il menace de …*)."""
    chain = subject_chain(verb)
    actors, depth = reader.actors_of_verb(chain)
    if any(reader.types.get(a) not in (None, "MISC") for a in actors):
        return actors, depth
    found, at = previous_subject(reader, chain)
    return (found, at) if found else (actors, depth)
