"""Choose an accepted trigger's parties with a learned ranker where the role rules found none.

The role rules (:mod:`veille.analysis.events.roles` and the stage's fallbacks) read the
parties where the parse puts them; in long news sentences the actor is often a clause or a
sentence away, named by a description or a pronoun. For a trigger the rules accepted but
left without parties, :func:`ranked_roles` scores every ordered pair of the entities named
nearest it (:mod:`veille.analysis.events.partyfeatures`) with a logistic regression trained
on the project's annotated articles (scripts/train_event_parties.py, leave-one-article-out
cross-validation) and returns the best pair when its probability passes the threshold that
cross-validation chose for precision. The rules' own checks still hold: a threat, a refusal,
a negated or unreal clause (*craindre que*, *si*) gets no learned parties.

The weights are a JSON table, ``data/event_party_ranker.json``, read once; scoring is a dot
product. ``VEILLE_EVENT_PARTIES=off`` (or a threshold of 1 in the table) turns it off.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from veille.analysis.events.conditions import if_clause
from veille.analysis.events.lexicon import EventLexicon, Trigger
from veille.analysis.events.partyfeatures import FEATURES, Pair, pairs
from veille.analysis.events.roles import RoleReader, Roles
from veille.analysis.events.senses import factive, refused, threatened
from veille.analysis.lang.fr.tables import read_json
from veille.analysis.syntax.clauses import subject_chain
from veille.analysis.syntax.tense import negated
from veille.model import Document, Event

# The stage's event builder: (doc, parsed, token, trigger, roles, lexicon, number) → Event,
# dates and modality read as for the rules' events.
Build = Callable[[Document, Doc, Token, Trigger, Roles, EventLexicon, int], Event]
SWITCH = "VEILLE_EVENT_PARTIES"  # "off", "0" or "no" turns the ranker off


@dataclass(frozen=True)
class Proposed:
    """What the training script gathers for one bare trigger: its word, type, the event each
    pair would make, and the pairs with their features."""

    token: Token
    type: str
    events: list[Event]
    pairs: list[Pair]


@dataclass
class PartyRanker:
    """A logistic regression over party pairs: weights in FEATURES order and a threshold.

    ``collect``: when a list, every bare trigger's proposals are appended to it and no
    parties are returned (the training script's hook).
    """

    weights: tuple[float, ...]
    threshold: float
    collect: list[Proposed] | None = None

    @classmethod
    def from_table(cls, table: dict[str, object]) -> PartyRanker:
        """Build the ranker from its JSON table (weights by feature name; a missing one is 0)."""
        weights = table.get("weights", {})
        threshold = table.get("threshold", 1.0)
        if not isinstance(weights, dict) or not isinstance(threshold, (int, float)):
            raise ValueError("event_party_ranker.json: weights must be an object and threshold a number")
        return cls(tuple(float(weights.get(name, 0.0)) for name in FEATURES), float(threshold))

    def probability(self, features: list[float]) -> float:
        """Return the probability that a pair gives the gold event's actor and recipient."""
        z = sum(w * x for w, x in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def best(self, proposed: list[Pair]) -> Pair | None:
        """Return the most probable pair when it passes the threshold, else None."""
        if not proposed:
            return None
        scored = max(proposed, key=lambda pair: self.probability(pair.features))
        return scored if self.probability(scored.features) >= self.threshold else None


@cache
def load_ranker() -> PartyRanker:
    """Return the shipped ranker (data/event_party_ranker.json)."""
    return PartyRanker.from_table(read_json("event_party_ranker.json"))


def switched_off() -> bool:
    """Return True when the setting turns the learned party choice off."""
    return os.environ.get(SWITCH, "").strip().lower() in ("off", "0", "no", "false")


def ranked_roles(
    doc: Document,
    parsed: Doc,
    reader: RoleReader,
    token: Token,
    trigger: Trigger,
    lexicon: EventLexicon,
    found: list[Event],
    build: Build,
) -> Roles | None:
    """Return the learned actor and recipient of an accepted trigger the rules left bare, or None."""
    ranker = load_ranker()
    if switched_off() or (ranker.collect is None and ranker.threshold >= 1.0):
        return None
    if (
        threatened(token, trigger) is not None
        or refused(token, trigger, lexicon) is not None
        or not factive(token, trigger, lexicon)
        or if_clause(token) is not None
        or negated(token, subject_chain(token)[:2])
    ):
        return None  # the rules code threats and refusals; an unreal or negated act is no event
    quoted = any(q.start <= token.idx < q.end for q in doc.quotes)
    proposed = pairs(token, trigger.type, quoted, doc, reader, found)
    if ranker.collect is not None:
        if proposed:
            events = [
                build(doc, parsed, token, trigger, Roles((p.actor,), (p.recipient,)), lexicon, 0)
                for p in proposed
            ]
            ranker.collect.append(Proposed(token, trigger.type, events, proposed))
        return None
    chosen = ranker.best(proposed)
    return None if chosen is None else Roles((chosen.actor,), (chosen.recipient,))
