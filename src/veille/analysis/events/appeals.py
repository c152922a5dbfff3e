"""Read an appeal's parties: the one whose ruling it contests, never its judge.

*Le PSG fera appel de la décision de l'UEFA* → REJECT PSG → UEFA (PLOVER REJECT: reject a
decision; the open golds code an appeal so, the one who decided as its recipient): the row
reads the decision's author in *de* or *contre*. A party before whom the appeal is brought
(*devant le TAS*, *devant le Conseil d'État*) is the appeal's judge, not the one it answers,
and is dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from veille.analysis.events.roles import Roles

if TYPE_CHECKING:
    from veille.analysis.events.lexicon import Trigger
    from veille.analysis.events.roles import RoleReader


def is_appeal(trigger: Trigger) -> bool:
    """Say whether a trigger row is an appeal (*faire appel*, *interjeter appel*)."""
    return trigger.type == "REJECT" and trigger.lemma.endswith(" appel")


def without_judges(reader: RoleReader, verb: Token, trigger: Trigger, roles: Roles | None) -> Roles | None:
    """Return an appeal's roles without the recipients named only in a phrase of *devant*
    (*fera appel de l'ordonnance devant le Conseil d'État*, *devant la chambre d'arbitrage du
    Comité olympique*): the appeal's judge is not the one whose ruling it contests. None
    when no recipient is left; any other trigger's roles as they are."""
    if roles is None or not is_appeal(trigger):
        return roles
    spans = [
        (min(t.idx for t in w.head.subtree), max(t.idx + len(t) for t in w.head.subtree))
        for w in verb.sent
        if w.lower_ == "devant" and w.dep_ == "case"
    ]

    def judge(entity_id: str) -> bool:
        told = reader.told_in_sentence(verb, entity_id)
        return bool(told) and all(any(a <= m.start and m.end <= b for a, b in spans) for m in told)

    kept = tuple(r for r in roles.recipients if not judge(r))
    if not kept:
        return None
    return Roles(roles.actors, kept, roles.location, roles.actor_clause_depth)
