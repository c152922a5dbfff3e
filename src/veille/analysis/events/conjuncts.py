"""Read the addressee of a demand that shares its clause with an act told just before.

*Le ministre espagnol a accusé Rabat de violer le droit de la mer et a exigé la libération de
l'équipage*: two verbs coordinated under one subject, the second with no addressee of its own.
French coordination shares the subject, and a demand that follows an act against
a party in the same sentence is aimed at that party (the annotators of gold9 and gold13 code
*a appelé les parties à la retenue et a demandé une enquête* as a demand to those parties).
So a REQUEST verb that the parse hangs as a conjunct (``conj``) on a verb that made
an event, with the same actor, takes that event's recipients. A conjunct with an addressee of
its own is read as usual, and one whose first verb made no event stays unread.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from veille.analysis.events.roles import RoleReader, Roles
from veille.analysis.syntax.clauses import subject_chain
from veille.model import Event

# Acts a party addresses to the one it just acted on (PLOVER REQUEST). Not THREATEN: *a
# exhorté l'UE à lever ses sanctions et a menacé de fermer la frontière avec la Lituanie*
# threatens whom the threat's own words name, or nobody (measured on gold8).
_ADDRESSED = frozenset({"REQUEST"})
# How far up a conjunct with its own auxiliary climbs to its first verb (participle, its noun,
# the noun's verb: a condamné | la répression | menée … et a réclamé).
_CLIMB = 4


def conjunct_addressee(reader: RoleReader, verb: Token, kind: str, earlier: Sequence[Event]) -> Roles | None:
    """Return the roles of a demand coordinated with a verb that made an event
    of the same actor: that actor, and that event's recipients (module doc); else None."""
    if kind not in _ADDRESSED or verb.dep_ != "conj":
        return None
    first = _first_act(verb, earlier)
    if first is None or not first.target:
        return None
    actors, depth = reader.actors_of_verb(subject_chain(verb))
    if first.trigger_start == verb.head.idx and actors and not set(actors) & set(first.source):
        return None  # a subject of its own: another party's demand
    # (hung on a participle, the conjunct borrows the participle's agent: the parse's, not the text's)
    return Roles(first.source, first.target, None, depth)


def _first_act(verb: Token, earlier: Sequence[Event]) -> Event | None:
    """Return the event of the verb a conjunct is coordinated with: its head, or, for a
    conjunct with an auxiliary of its own that the parser hung on a participle of the first
    clause (*a condamné la répression menée par X et a réclamé …*), the verb above it."""
    head, finite = verb.head, any(c.dep_.startswith("aux") for c in verb.children)
    for _ in range(_CLIMB):
        if head.pos_ in ("VERB", "AUX"):
            found = next((e for e in earlier if e.trigger_start == head.idx and not e.negated), None)
            if found is not None:
                return found
        if not finite or head.head is head:
            return None  # (a participle's own conjunct: la répression menée et saluée par X)
        head = head.head
    return None
