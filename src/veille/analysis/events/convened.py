"""Read who convened a meeting that a party refuses or boycotts.

PLOVER codes a refused meeting as REJECT refuser → the one who asked for it. The asker is
often told only as the convener of the meeting: *a refusé de se rendre à la table ronde
convoquée à la préfecture*, *a refusé de siéger au comité convoqué par la préfète X*,
*l'opposition a boycotté la séance convoquée par le Premier ministre X*. The meeting noun
need not be a trigger of its own (table ronde, comité, séance); what makes its convener
the recipient is a participle of convening on it (``convening_verbs`` of
events_lexicon.json) with a *par*-agent, or, for a body convening on its own premises
(*convoquée à la préfecture de X*), the named body the *à*-complement points to. Table
slot ``convocateur`` (plover_triggers.tsv).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from veille.analysis.events.lexicon import load_event_lexicon
from veille.analysis.events.shape import case_of

if TYPE_CHECKING:
    from veille.analysis.events.roles import RoleReader

# The complements that hold the meeting: the object (boycotter la séance), a complement of
# the verb or of its infinitive (refuser de se rendre à la réunion, de siéger au comité).
_HOLDERS = ("obj", "obl", "obl:arg", "obl:mod")


def convener_of_meeting(reader: RoleReader, verb: Token) -> list[str]:
    """Return who convened the meeting a refusal verb or its infinitive aims at, or []."""
    convening = load_event_lexicon().convening_verbs
    infinitives = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    for head in (verb, *infinitives):
        for noun in (c for c in head.children if c.dep_ in _HOLDERS and c.pos_ == "NOUN"):
            for participle in noun.children:
                if participle.dep_ not in ("acl", "amod") or participle.lemma_.lower() not in convening:
                    continue
                found = _agent_or_premises(reader, participle)
                if found:
                    return found
    return []


def _agent_or_premises(reader: RoleReader, participle: Token) -> list[str]:
    """Return the *par*-agent of a participle of convening, else the body at whose premises
    it convenes (*à la préfecture de X*, *au ministère de Y*) when the text names it."""
    premises: list[str] = []
    for child in participle.children:
        case = case_of(child)
        if case == "par":
            found = reader.group(child)
            if found:
                return found
        elif case in ("à", "au") and not premises:
            premises = [e for e in reader.group(child) if reader.types.get(e) == "ORG"]
    return premises
