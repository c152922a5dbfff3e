"""What the rest of the analysis says around a proposal of the learned event detector.

:mod:`veille.analysis.events.features` describes a proposal by the word (its neighbour row,
tense, place in the parse) and where each party stands from it. These features add what
the other layers and the rules themselves know (twentieth session):

- ``frame_read``: the word's frame (its row's slots, read by the rules' role reader) found
  somebody; ``actor_ruled`` / ``recipient_ruled``: that reading holds this party on this side.
- ``actor_pronoun``, ``actor_named`` (and the recipient's): the kind of mention nearest the
  word (a description, ``*_description`` in features.py, is the rest).
- ``word_between``: the telling's shape *A — word — B* (the actor before the word, the
  recipient after it); ``pair_attached``: both parties hang on the word in the parse (the
  actor as its subject or below it, the recipient below it).
- ``under_speech``: a reporting verb (*dire, affirmer, estimer* …) governs the word's
  clause: reported speech, where an act is often claimed or judged, not told.
- ``sentence_event``: the rules coded an event in this sentence (one telling is one event:
  another word of it is seldom a second act); ``pair_known``: the rules linked these two
  parties somewhere in the article; ``same_known``: they coded this type between them (the
  proposal would be the same act told again).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from veille.analysis.events.roles import Roles
from veille.model import Event

if TYPE_CHECKING:
    from veille.analysis.events.features import Party

CONTEXT_FEATURES: tuple[str, ...] = (
    "frame_read",
    "actor_ruled",
    "recipient_ruled",
    "actor_pronoun",
    "recipient_pronoun",
    "actor_named",
    "recipient_named",
    "word_between",
    "pair_attached",
    "under_speech",
    "sentence_event",
    "pair_known",
    "same_known",
)


@dataclass(frozen=True)
class Known:
    """The rules' events of a document: where they were told, between whom, of what type."""

    triggers: tuple[int, ...]  # character offsets of their trigger words (else their sentence)
    pairs: frozenset[frozenset[str]]
    typed: frozenset[tuple[str, frozenset[str]]]

    @classmethod
    def of(cls, events: Sequence[Event]) -> Known:
        """Return what the events say (actor and recipient pairs, either way round)."""
        pairs: set[frozenset[str]] = set()
        typed: set[tuple[str, frozenset[str]]] = set()
        for event in events:
            for actor in event.source:
                for recipient in event.target:
                    if actor != recipient:
                        pairs.add(frozenset((actor, recipient)))
                        typed.add((event.type, frozenset((actor, recipient))))
        where = tuple(e.trigger_start if e.trigger_start is not None else e.start for e in events)
        return cls(where, frozenset(pairs), frozenset(typed))


def word_context(
    chain: list[Token],
    sentence: Span,
    ruled: Roles | None,
    speech: frozenset[str],
    known: Known,
) -> dict[str, float]:
    """Return the features of a word's proposal that do not depend on its parties."""
    return {
        "frame_read": float(ruled is not None and bool(ruled.actors or ruled.recipients)),
        "under_speech": float(any(verb.lemma_.lower() in speech for verb in chain[1:])),
        "sentence_event": float(any(sentence.start_char <= i < sentence.end_char for i in known.triggers)),
    }


def pair_context(
    token: Token,
    actor: Party,
    recipient: Party,
    ruled: Roles | None,
    type_: str,
    attached: tuple[bool, bool],
    known: Known,
) -> dict[str, float]:
    """Return the features of one (actor, recipient) reading of a word."""
    pair = frozenset((actor.entity, recipient.entity))
    return {
        "actor_ruled": float(ruled is not None and actor.entity in ruled.actors),
        "recipient_ruled": float(ruled is not None and recipient.entity in ruled.recipients),
        "actor_pronoun": float(actor.pronoun),
        "recipient_pronoun": float(recipient.pronoun),
        "actor_named": float(not actor.description),
        "recipient_named": float(not recipient.description),
        "word_between": float(actor.head.i < token.i < recipient.head.i),
        "pair_attached": float(attached[0] and attached[1]),
        "pair_known": float(pair in known.pairs),
        "same_known": float((type_, pair) in known.typed),
    }
