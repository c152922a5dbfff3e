"""Read whom an appeal with no party of its own answers: the one whose ruling it contests.

*La commission de discipline de la LFP a infligé au PSG trois matches à huis clos. Le
club a annoncé qu'il ferait appel* → REJECT PSG → commission (PLOVER REJECT: reject a
decision; the open golds code an appeal so, the one who decided as its recipient). An
appeal names the decision at most (*faire appel de la décision de X* reads X in the row's
slots); when it names no one, the recipient is the actor of the last sanction or refusal
told before whose recipient is the appellant: the ruling the appeal is brought against.
A party before whom the appeal is brought (*devant le TAS*) is the appeal's judge, not the
one it answers, and is never read.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Token

from veille.analysis.events.disputes import author
from veille.analysis.events.roles import Roles
from veille.model import Event

if TYPE_CHECKING:
    from veille.analysis.events.lexicon import Trigger
    from veille.analysis.events.roles import RoleReader

# The rulings an appeal is brought against: a sanction (a penalty, a conviction) or a refusal
# (a court that dismissed the appellant's claim).
_RULINGS = ("SANCTION", "REJECT")


def is_appeal(trigger: Trigger) -> bool:
    """Say whether a trigger row is an appeal (*faire appel*, *interjeter appel*)."""
    return trigger.type == "REJECT" and trigger.lemma.endswith(" appel")


def without_judges(reader: RoleReader, verb: Token, trigger: Trigger, roles: Roles | None) -> Roles | None:
    """Return an appeal's roles without the recipients named only in a phrase of *devant*
    (*fera appel de l'ordonnance devant le Conseil d'État*, *devant la chambre d'arbitrage du
    Comité olympique*): the appeal's judge is not the one whose ruling it contests. None
    when no recipient is left (the ruling told before is then read: ``appealed_ruling``);
    any other trigger's roles as they are."""
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


def appealed_ruling(
    reader: RoleReader, verb: Token, trigger: Trigger, earlier: Sequence[Event]
) -> Roles | None:
    """Return the roles of an appeal that names no party it answers (module docstring):
    the appellant as actor, the author of the last ruling told against it as recipient; or
    None when the trigger is no appeal, the appellant is unnamed, or no ruling was told."""
    if not is_appeal(trigger):
        return None
    appellants, depth = author(reader, verb)
    named = {a for a in appellants if reader.types.get(a) not in (None, "MISC")}
    if not named:
        return None
    for event in reversed(earlier):
        if event.type not in _RULINGS or not named & set(event.target) or named & set(event.source):
            continue
        return Roles(tuple(appellants), event.source, None, depth)
    return None
