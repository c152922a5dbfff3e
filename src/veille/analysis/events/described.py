"""Which of the descriptions the learned ranker attached the event stage reads as parties.

The description ranker (``entities/descranker.py``) gives a definite description (*le
ministre*, *la comédienne*, *l'ambassadeur*) to an entity named before it when it is sure;
it records those spans in the parse (``descranker.learned_spans``). The event stage reads
such a description as a party only in a complement position: an object, an oblique or
noun complement, a conjunct of one, or the subject of a passive (the one the act is done
to). It does not read it as the active subject of a verb: the event stage reaches a clause
subject from other clauses (a reporting frame above the trigger, *L'ex-ministre affirmait
qu'on lui avait demandé de signer*; an infinitive or a coordinated verb borrowing it; a
pronoun of the next sentence), so a described subject becomes the actor of acts it did not
do (docs/events.md, "Events read the learned descriptions").

``READ_LEARNED`` is the one-line switch: ``"complements"`` reads them in the positions above;
``"none"`` reads none of them (the sixteenth to nineteenth sessions' choice); ``"all"``
reads every one, as the lead measured in the sixteenth session; ``"unframed"`` (shipped
since the twentieth session, see the constant) reads every one but the active subject of a
verb with a reported clause (*L'ex-ministre affirmait que …*): it keeps a described
subject's own act (*le même tribunal avait condamné X*) and drops only the reporting frame,
whose speaker a lower clause would borrow as the actor of an act it only tells.
"""

from __future__ import annotations

import dataclasses
from typing import Literal

from spacy.tokens import Doc

from veille.model import Document

# Off from the sixteenth to the nineteenth session (one blind set lost an event's precision:
# gold24, opened since, a possible meeting, docs/events.md). On the twentieth session's
# unseen sets "unframed" raises three blind sets' events and lowers no row; "all" measures
# the same, "complements" one event fewer (docs/events.md).
READ_LEARNED: Literal["none", "complements", "unframed", "all"] = "unframed"
# Relations of a phrase's head that make it the active subject of its verb (UD French).
_ACTIVE_SUBJECT = frozenset({"nsubj", "csubj"})
# Relations of a verb's child that make the verb a reporting frame: a reported clause.
_REPORTED = frozenset({"ccomp", "parataxis"})


def unread(parsed: Doc, learned: frozenset[tuple[int, int]]) -> frozenset[tuple[int, int]]:
    """Return the learned description spans (character offsets) the event stage must not
    read, as ``READ_LEARNED`` says (with ``"complements"``, those that are an active subject)."""
    if READ_LEARNED == "none" or not learned:
        return learned
    if READ_LEARNED == "all":
        return frozenset()
    framed = READ_LEARNED == "unframed"
    return frozenset(span for span in learned if _active_subject(parsed, *span, framed=framed))


def _active_subject(parsed: Doc, start: int, end: int, *, framed: bool = False) -> bool:
    """Say whether the phrase at ``start:end`` is the active subject of a verb, alone or as a
    later conjunct of one (*Paul Girard et le ministre ont …*); with ``framed``, only of a
    verb that has a reported clause."""
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    head = span.root
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    if head.dep_ not in _ACTIVE_SUBJECT:
        return False
    return not framed or any(child.dep_ in _REPORTED for child in head.head.children)


def without(doc: Document, spans: frozenset[tuple[int, int]]) -> Document:
    """Return the document without the mentions at ``spans``."""
    entities = tuple(
        dataclasses.replace(e, mentions=tuple(m for m in e.mentions if (m.start, m.end) not in spans))
        if any((m.start, m.end) in spans for m in e.mentions)
        else e
        for e in doc.entities
    )
    return dataclasses.replace(doc, entities=entities)
