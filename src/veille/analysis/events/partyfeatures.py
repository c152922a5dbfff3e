"""Describe the party pairs a learned model may give a trigger the role rules left bare.

When a trigger word is accepted but no rule of :mod:`veille.analysis.events.roles` (nor of
the stage's fallbacks) finds its parties, the candidates are the entity mentions the entity
stage produced (names, resolved descriptions, resolved pronouns; MISC left out) in the
trigger's sentence and in the previous sentence of the same paragraph. Each ordered pair
(actor, recipient) of the nearest candidates is one proposal, described by the features of
:data:`FEATURES`: the trigger (noun or verb, PLOVER type, quoted), and for each side where
the mention stands from the trigger (subject, subject of a verb above, object, below it
with a preposition, before or after, how far in words and in dependency links, the same
sentence or the one before, in a quote), the entity's type, how often it was named so far,
whether it is the subject of the sentence's main verb, a party of the event told just
before, or the speaker of a quote around the trigger. The model
(:mod:`veille.analysis.events.partyrank`) scores the pairs.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass

from spacy.tokens import Token

from veille.analysis.events.features import Party, party_feature_names, party_features
from veille.analysis.events.roles import RoleReader
from veille.analysis.lang.fr.words import ARTICLES, DEMONSTRATIVES, POSSESSIVES
from veille.analysis.syntax.clauses import subject_chain
from veille.analysis.syntax.tense import direction, feature
from veille.model import EVENT_TYPES, Document, Event

NEAR_PARTIES = 5  # the entities named nearest the trigger that may fill its roles
_DEFINITE = ARTICLES | DEMONSTRATIVES | POSSESSIVES  # an act already known: l'accord, cet accord, son accord


def _side(side: str) -> tuple[str, ...]:
    return (
        *party_feature_names(side),
        f"{side}_previous_sentence",
        f"{side}_quoted",
        f"{side}_log_path",
        f"{side}_salience",
        f"{side}_main_subject",
        f"{side}_previous_event",
        f"{side}_speaker",
        f"{side}_nearest",
        f"{side}_demonym",
    )


FEATURES: tuple[str, ...] = (
    "bias",
    "noun",
    *(f"type={t}" for t in EVENT_TYPES),
    "quoted",
    "log_parties",
    "root",
    "clausal",
    "nominal",
    "past",
    "infinitive",
    "participle",
    "definite",
    "same_type_told",
    "told_in_article",
    *_side("actor"),
    *_side("recipient"),
    "actor_before_recipient",
)
_INDEX = {name: n for n, name in enumerate(FEATURES)}


@dataclass(frozen=True)
class Mentioned(Party):
    """A candidate: a party (the entity, its type, the head word of its mention nearest the
    trigger, whether that mention is a description or pronoun) and how often the entity was
    named before it."""

    seen: int


@dataclass(frozen=True)
class Pair:
    """One proposal: an actor and a recipient for a trigger, with its features."""

    actor: str
    recipient: str
    features: list[float]


def window(token: Token, doc: Document) -> tuple[int, int]:
    """Return the characters the candidates are read in: the trigger's sentence and the
    sentence before it when both lie in one paragraph."""
    sentence = token.sent
    start = sentence.start_char
    if sentence.start > 0:
        before = token.doc[sentence.start - 1].sent
        starts = [p.start for p in doc.article.paragraphs]
        k = bisect.bisect_right(starts, sentence.start_char) - 1
        if k >= 0 and before.start_char >= starts[k]:
            start = before.start_char
    return start, sentence.end_char


def mentioned(token: Token, doc: Document, reader: RoleReader) -> list[Mentioned]:
    """Return the candidates nearest the trigger, one per entity, nearest first."""
    parsed = token.doc
    start, end = window(token, doc)
    counts: dict[str, int] = {}
    for _s, _e, _m, entity in reader.index.within(0, start):
        counts[entity.id] = counts.get(entity.id, 0) + 1
    nearest: dict[str, Mentioned] = {}
    found = []
    for s, e, mention, entity in reader.index.within(start, end):
        if entity.type == "MISC" or s < start:
            continue
        span = parsed.char_span(s, e, alignment_mode="expand")
        if span is None or not len(span) or span.root.i == token.i:
            continue
        found.append(
            Mentioned(
                entity.id,
                entity.type,
                span.root,
                mention.kind != "name",
                mention.kind == "pronoun",
                counts.get(entity.id, 0),
            )
        )
        counts[entity.id] = counts.get(entity.id, 0) + 1
    for candidate in sorted(found, key=lambda m: abs(m.head.i - token.i)):
        nearest.setdefault(candidate.entity, candidate)
    return list(nearest.values())[:NEAR_PARTIES]


def _path(a: Token, b: Token) -> int:
    """Return the number of dependency links between two words of one sentence (else 12)."""
    if a.sent.start != b.sent.start:
        return 12
    up = {}
    node, n = a, 0
    while True:
        up[node.i] = n
        if node.head.i == node.i or n > 20:
            break
        node, n = node.head, n + 1
    node, m = b, 0
    while node.i not in up and node.head.i != node.i and m <= 20:
        node, m = node.head, m + 1
    return up[node.i] + m if node.i in up else 12


def side_features(
    side: str, token: Token, candidate: Mentioned, doc: Document, previous: Event | None, rank: int
) -> dict[str, float]:
    """Return where a candidate stands from the trigger, as features of one side."""
    out = party_features(side, token, subject_chain(token), candidate)
    head = candidate.head
    root = token.sent.root
    quoted = any(q.start <= head.idx < q.end for q in doc.quotes)
    speaker = any(q.speaker == candidate.entity and q.start <= token.idx < q.end for q in doc.quotes)
    out.update(
        {
            f"{side}_previous_sentence": float(head.sent.start != token.sent.start),
            f"{side}_quoted": float(quoted),
            f"{side}_log_path": math.log1p(_path(token, head)) / 2.5,
            f"{side}_salience": math.log1p(candidate.seen) / 3.0,
            f"{side}_main_subject": float(head.dep_.startswith("nsubj") and head.head.i == root.i),
            f"{side}_previous_event": float(
                previous is not None and candidate.entity in (*previous.source, *previous.target)
            ),
            f"{side}_speaker": float(speaker),
            f"{side}_nearest": float(rank == 0),
            f"{side}_demonym": float(head.dep_ == "amod"),
        }
    )
    return out


def trigger_features(token: Token, kind: str, found: list[Event]) -> dict[str, float]:
    """Return what the trigger's own clause says: its dependency, tense and form, a definite
    noun (*l'accord*: often an act told before), and whether an event of its type, or any
    event, was told before it in the article (a retelling adds no event)."""
    form = feature(token, "VerbForm")
    dep = token.dep_
    determiner = next((c.lower_ for c in token.children if c.dep_ == "det"), "")
    return {
        "root": float(dep == "ROOT"),
        "clausal": float(dep in ("ccomp", "xcomp", "advcl", "csubj", "acl", "acl:relcl")),
        "nominal": float(dep in ("obj", "nsubj", "nsubj:pass", "obl", "obl:arg", "obl:mod", "nmod", "appos")),
        "past": float(token.pos_ == "VERB" and direction(token) == "past"),
        "infinitive": float("Inf" in form),
        "participle": float("Part" in form),
        "definite": float(token.pos_ == "NOUN" and determiner in _DEFINITE),
        "same_type_told": float(any(e.type == kind for e in found)),
        "told_in_article": math.log1p(len(found)) / 3.0,
    }


def pairs(
    token: Token, kind: str, quoted: bool, doc: Document, reader: RoleReader, found: list[Event]
) -> list[Pair]:
    """Return every ordered pair of the nearest candidates as a proposal for the trigger."""
    candidates = mentioned(token, doc, reader)
    if len(candidates) < 2:
        return []
    previous = found[-1] if found else None
    base = [0.0] * len(FEATURES)
    base[_INDEX["bias"]] = 1.0
    base[_INDEX["noun"]] = float(token.pos_ == "NOUN")
    base[_INDEX[f"type={kind}"]] = 1.0
    base[_INDEX["quoted"]] = float(quoted)
    base[_INDEX["log_parties"]] = math.log1p(len(candidates))
    for name, value in trigger_features(token, kind, found).items():
        base[_INDEX[name]] = value
    sides = {
        c.entity: (
            side_features("actor", token, c, doc, previous, rank),
            side_features("recipient", token, c, doc, previous, rank),
        )
        for rank, c in enumerate(candidates)
    }
    out = []
    for actor in candidates:
        for recipient in candidates:
            if actor.entity == recipient.entity:
                continue
            values = list(base)
            for name, value in (*sides[actor.entity][0].items(), *sides[recipient.entity][1].items()):
                if name in _INDEX:
                    values[_INDEX[name]] = value
            values[_INDEX["actor_before_recipient"]] = float(actor.head.i < recipient.head.i)
            out.append(Pair(actor.entity, recipient.entity, values))
    return out
