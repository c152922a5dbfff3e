"""Describe the event trigger candidates the rules leave: neighbours, syntax, parties.

A candidate is a verb or a noun of a sentence that names two parties or more, that no row
of the trigger table opens. Its lemma's word vector (the spaCy model's 300-d vectors) is
compared with the vectors of the table's single-word lemmas of the same part of speech:
the nearest row of each PLOVER type gives a type, a mode and an argument frame, so that
*fustiger* is read through *critiquer* (ACCUSE, recipient in the object slot) although the
table lacks it. The two nearest types are proposed; the role reader of the rules reads the
parties with the neighbour's frame. Each proposal is described by the features of
:data:`FEATURES` (how near the neighbour is, the type, the clause's syntax and tense, who
the parties are) for the learned detector (:mod:`veille.analysis.events.learned`).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from veille.analysis.events.lexicon import EventLexicon, Trigger
from veille.analysis.events.roles import RoleReader, Roles
from veille.analysis.events.senses import factive, refused, threatened
from veille.analysis.syntax.tense import direction
from veille.model import EVENT_TYPES, Event

# A candidate's lemma must be at least this near its nearest table row (cosine of the word
# vectors) to be proposed at all: below it, no row tells what the word does.
# The rules' event builder bound to one document (stage._build_event): dates, modality,
# negation and mode are read for a candidate exactly as for a rule's trigger.
BuildEvent = Callable[[Token, Trigger, Roles], Event]

MIN_COSINE = {"VERB": 0.35, "NOUN": 0.4}
PROPOSED_TYPES = 2  # the nearest types proposed per word
_PARTY_TYPES = ("PER", "ORG", "LOC")
_CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "csubj"})
_RELATIVE = frozenset({"acl", "acl:relcl"})
_NOMINAL = frozenset({"obj", "nsubj", "nsubj:pass", "obl", "obl:arg", "obl:mod", "nmod", "appos"})

FEATURES: tuple[str, ...] = (
    "bias",
    "cosine",
    "second_type",
    "margin",
    "noun",
    *(f"type={t}" for t in EVENT_TYPES),
    "planned",
    "hypothetical",
    "quoted",
    "past",
    "future",
    "infinitive",
    "participle",
    "root",
    "clausal",
    "relative",
    "conj",
    "nominal",
    "actor_up",
    *(f"actor={t}" for t in _PARTY_TYPES),
    *(f"recipient={t}" for t in _PARTY_TYPES),
    "several_actors",
    "several_recipients",
    "dated",
    "place",
    "log_parties",
    "speech",
)


@dataclass(frozen=True)
class Candidate:
    """One proposed event: the word, the neighbour row it is read through, its parties, the
    event the rules' builder makes of it, and its features (in :data:`FEATURES` order)."""

    token: Token
    neighbour: str
    cosine: float
    trigger: Trigger
    roles: Roles
    event: Event
    features: list[float]


class Neighbours:
    """The trigger table's single-word lemmas as unit vectors, by part of speech."""

    def __init__(self, lexicon: EventLexicon, vocab: Vocab) -> None:
        self.rows: dict[str, list[Trigger]] = {}
        self.matrix: dict[str, np.ndarray] = {}
        self.columns: dict[str, dict[str, np.ndarray]] = {}  # pos → type → its columns
        for pos, table in (("VERB", lexicon.verbs), ("NOUN", lexicon.nouns)):
            rows = [row for lemma, row in sorted(table.items()) if vocab.has_vector(lemma)]
            vectors = [unit(np.asarray(vocab.get_vector(row.lemma))) for row in rows]
            self.rows[pos] = rows
            self.matrix[pos] = np.array(vectors, dtype=np.float32).reshape(len(rows), -1)
            by_type: dict[str, list[int]] = {}
            for column, row in enumerate(rows):
                by_type.setdefault(row.type, []).append(column)
            self.columns[pos] = {t: np.array(c) for t, c in by_type.items()}

    def nearest(self, pos: str, vector: np.ndarray) -> list[tuple[float, Trigger]]:
        """Return the nearest row of each type, nearest first (cosines of unit vectors)."""
        sims = self.matrix[pos] @ vector
        best = [
            (float(sims[cols].max()), cols[int(sims[cols].argmax())]) for cols in self.columns[pos].values()
        ]
        best.sort(key=lambda item: -item[0])
        return [(cos, self.rows[pos][column]) for cos, column in best]


def unit(vector: np.ndarray) -> np.ndarray:
    """Return a vector scaled to length 1 (a zero vector stays zero)."""
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector


def lemma_vector(token: Token) -> np.ndarray | None:
    """Return the unit vector of a word's lemma (else of its form), or None without one."""
    vocab = token.vocab
    for key in (token.lemma_.lower(), token.lower_):
        if vocab.has_vector(key):
            return unit(np.asarray(vocab.get_vector(key)))
    return None


def proposals(token: Token, neighbours: Neighbours) -> list[tuple[float, float, Trigger]]:
    """Return (cosine, margin, row) for the nearest types of a word, or [] when none is near."""
    vector = lemma_vector(token)
    pos = "VERB" if token.pos_ in ("VERB", "ADJ") else "NOUN"
    if vector is None or not len(neighbours.rows[pos]):
        return []
    ranked = neighbours.nearest(pos, vector)
    top = ranked[:PROPOSED_TYPES]
    out = []
    for rank, (cos, row) in enumerate(top):
        other = ranked[1][0] if rank == 0 and len(ranked) > 1 else ranked[0][0]
        if cos >= MIN_COSINE[pos]:
            out.append((cos, cos - other, row))
    return out


def describe(
    token: Token,
    cos: float,
    margin: float,
    trigger: Trigger,
    roles: Roles,
    event: Event,
    types: Mapping[str, str],
    speech: frozenset[str],
) -> list[float]:
    """Return the features of one proposal, in :data:`FEATURES` order."""
    verb_form = token.morph.get("VerbForm", [])
    dep = token.dep_
    tense = direction(token) if token.pos_ == "VERB" else None
    actor_types = {types.get(a) for a in roles.actors}
    recipient_types = {types.get(r) for r in roles.recipients}
    values: dict[str, float] = {
        "bias": 1.0,
        "cosine": cos,
        "second_type": float(margin < 0),
        "margin": margin,
        "noun": float(trigger.pos == "NOUN"),
        f"type={trigger.type}": 1.0,
        "planned": float(event.modality == "planned"),
        "hypothetical": float(event.modality == "hypothetical"),
        "quoted": float(event.quoted),
        "past": float(tense == "past"),
        "future": float(tense == "future"),
        "infinitive": float("Inf" in verb_form),
        "participle": float("Part" in verb_form),
        "root": float(dep == "ROOT"),
        "clausal": float(dep in _CLAUSAL),
        "relative": float(dep in _RELATIVE),
        "conj": float(dep == "conj"),
        "nominal": float(dep in _NOMINAL),
        "actor_up": float(bool(roles.actor_clause_depth)),
        "several_actors": float(len(roles.actors) > 1),
        "several_recipients": float(len(roles.recipients) > 1),
        "dated": float(event.date_from == "timex"),
        "place": float(roles.location is not None),
        "log_parties": math.log1p(len(roles.actors) + len(roles.recipients)),
        "speech": float(token.lemma_.lower() in speech),
    }
    for kind in _PARTY_TYPES:
        values[f"actor={kind}"] = float(kind in actor_types)
        values[f"recipient={kind}"] = float(kind in recipient_types)
    return [values.get(name, 0.0) for name in FEATURES]


def candidates(
    parsed: Doc,
    reader: RoleReader,
    lexicon: EventLexicon,
    neighbours: Neighbours,
    skip: Callable[[Token], bool],
    build: BuildEvent,
    speech: frozenset[str],
) -> list[Candidate]:
    """Return every proposal of the words the rules left (``skip``: token indexes the rules
    took, words of names, words that open a table row), in text order."""
    out: list[Candidate] = []
    for sentence in parsed.sents:
        mentioned = {
            e.id for *_, e in reader.index.within(sentence.start_char, sentence.end_char) if e.type != "MISC"
        }
        if len(mentioned) < 2:
            continue  # an event needs a party on each side
        for token in sentence:
            if token.is_stop or token.pos_ not in ("VERB", "NOUN") or skip(token):
                continue
            for cos, margin, row in proposals(token, neighbours):
                candidate = _candidate(token, cos, margin, row, reader, lexicon, build, speech)
                if candidate is not None:
                    out.append(candidate)
    return out


def _candidate(
    token: Token,
    cos: float,
    margin: float,
    row: Trigger,
    reader: RoleReader,
    lexicon: EventLexicon,
    build: BuildEvent,
    speech: frozenset[str],
) -> Candidate | None:
    trigger = dataclasses.replace(row, lemma=token.lemma_.lower(), pos=token.pos_, needs="-")
    roles = reader.read(
        token,
        trigger.pos,
        trigger.recipient,
        trigger.actor_de,
        lexicon.inverting_verbs,
        row.host,
        row.actor_par,
    )
    if roles is None or not roles.actors or not roles.recipients:
        return None
    # What the rules decide for every trigger holds here too: a threat, a refusal, an unreal
    # or a negated clause is not the act (the rules code the threat and the refusal).
    if threatened(token, trigger) or refused(token, trigger, lexicon) or not factive(token, trigger, lexicon):
        return None
    event = build(token, trigger, roles)
    if event.negated:
        return None
    features = describe(token, cos, margin, trigger, roles, event, reader.types, speech)
    return Candidate(token, row.lemma, cos, trigger, roles, event, features)


def vector_of(candidate: Candidate) -> Sequence[float]:
    """Return the lemma vector of a candidate's word (zeros without one)."""
    vector = lemma_vector(candidate.token)
    return [0.0] * 300 if vector is None else [float(x) for x in vector]
