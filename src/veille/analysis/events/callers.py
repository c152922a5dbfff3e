"""Read the parties of two acts told through an infinitive under a verb of asking.

1. **A call to protest.** *Le Mouvement a appelé ses militants à manifester contre la
   réforme*, *L'association appelle ses membres à boycotter le festival*: the caller
   organises the protest it calls, whoever it sends into the street (its members, the
   population, the workers); the open golds code the caller as the one protesting in every
   such call (gold15, gold30, gold37, gold39), as they do for the noun (*appeler à la grève
   contre X*, ``nominal._CALLS``). Object control would give the act to the object, which
   names nobody, so the event was lost; here the caller's subject acts, and the protest's
   own complement (*contre X*, *devant le siège de X*) is its target. A named object (*a
   appelé la CGT à manifester*) does the act itself and is left to the ordinary reading.
2. **A request to meet.** *L'élu a demandé à rencontrer les dirigeants du club*: asking to
   meet someone is asking them for the meeting, as *a demandé à être reçu par X*
   (``passive_asks``) and *a demandé à X de le recevoir* are; the open golds code it as a
   REQUEST to the one to be met (gold41, gold42). The infinitive is the subject's own (no
   object of the asking verb, no subject of its own) and is a meeting (a CONSULT row).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from veille.analysis.events.control import infinitive_form
from veille.analysis.events.lexicon import EventLexicon, Trigger
from veille.analysis.events.roles import RoleReader, Roles
from veille.analysis.events.shape import in_time
from veille.analysis.syntax.clauses import subject_chain

# (the stage passes triggers.match_trigger in: triggers imports senses, which reads CALLING)
Match = Callable[[Token, EventLexicon], Trigger | None]
Embedder = tuple[Token, Token]  # a verb above a trigger and the node of the chain it embeds

# Verbs of calling whose infinitive a protest is the caller's (TLFi « appeler » I.B.2:
# « inviter, exhorter à »), the verb the noun reading already follows (nominal._CALLS).
CALLING = frozenset({"appeler"})
_ASKING = frozenset({"REQUEST"})
# How the parse hangs the one a call is addressed to (the parser takes a bare name for an xcomp).
_ADDRESSEES = frozenset({"obj", "iobj", "xcomp"})


def protest_caller(token: Token) -> Token | None:
    """Return the verb of calling a protest infinitive is the call of (*appelé à
    manifester*, *appelé ses militants à manifester*, the parser hanging the infinitive on
    the verb or on its object), else None."""
    if token.pos_ != "VERB" or not infinitive_form(token):
        return None
    head = token.head
    if token.dep_ in ("xcomp", "obl:arg", "obl", "advcl") and head.lemma_.lower() in CALLING:
        caller = head
    elif token.dep_ == "acl" and head.dep_ == "obj" and head.head.lemma_.lower() in CALLING:
        caller = head.head  # appelé ses militants à manifester: the parser's acl of the object
    else:
        return None
    if any(c.dep_ in _ADDRESSEES and c.pos_ == "PROPN" for c in caller.children):
        return None  # a appelé FO à manifester: a named body asked, which protests itself
    return caller


def past_the_call(token: Token, kind: str, embedders: list[Embedder]) -> list[Embedder]:
    """Return the verbs above a trigger that may leave it unreal (senses.factive): for a
    protest a body calls (*appeler ses militants à manifester*), only those above the call,
    which announces the caller's protest as *appeler à la grève* does (module doc, 1)."""
    caller = protest_caller(token) if kind == "PROTEST" else None
    if caller is None:
        return embedders
    return [(verb, node) for verb, node in embedders if verb != caller and not caller.is_ancestor(verb)]


def called_protest(reader: RoleReader, token: Token, kind: str, slots: tuple[str, ...]) -> Roles | None:
    """Return the roles of a protest called by the subject of a verb of calling (module doc,
    1): that subject, and the protest's own target; None when either names nobody or the
    object of the call is named (it protests itself)."""
    if kind != "PROTEST":
        return None
    caller = protest_caller(token)
    if caller is None:
        return None
    objects = [c for c in caller.children if c.dep_ == "obj" and not in_time(c, reader.doc.timexes)]
    if any(reader.group(o) for o in objects):
        return None  # a appelé la CGT à manifester: the CGT protests (object control)
    actors, depth = reader.actors_of_verb(subject_chain(caller))
    recipients = next((found for slot in slots if (found := reader.by_slot(token, slot))), [])
    return _gated(reader, actors, recipients, depth)


def meeting_asked(
    reader: RoleReader, verb: Token, kind: str, lexicon: EventLexicon, match: Match
) -> Roles | None:
    """Return the roles of a request to meet someone (module doc, 2): the asker, and the
    one the meeting infinitive names; else None."""
    if kind not in _ASKING or verb.pos_ != "VERB":
        return None
    if any(c.dep_ in ("obj", "iobj") and not in_time(c, reader.doc.timexes) for c in verb.children):
        return None  # a demandé à X de rencontrer Y: X is asked, by the row's own slots
    for child in verb.children:
        if child.dep_ != "xcomp" or child.i < verb.i or not infinitive_form(child):
            continue
        if any(c.dep_.startswith("nsubj") for c in child.children):
            continue
        row = match(child, lexicon)
        if row is None or row.type != "CONSULT" or row.pos != "VERB":
            continue
        actors, depth = reader.actors_of_verb(subject_chain(verb))
        recipients = next((found for slot in row.recipient if (found := reader.by_slot(child, slot))), [])
        return _gated(reader, actors, recipients, depth)
    return None


def _gated(reader: RoleReader, actors: list[str], recipients: list[str], depth: int | None) -> Roles | None:
    """Return the roles when a named party stands on each side and no party on both."""
    recipients = [r for r in recipients if r not in actors]
    if not any(reader.types.get(a) != "MISC" for a in actors):
        return None
    if not any(reader.types.get(r) != "MISC" for r in recipients):
        return None
    return Roles(tuple(actors), tuple(recipients), None, depth)
