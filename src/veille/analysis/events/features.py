"""Describe the event proposals for the words the rules leave: neighbours, syntax, parties.

A candidate word is a verb or a noun of a sentence that names two parties or more and that
no row of the trigger table opens. Its lemma's word vector (the spaCy model's 300-d vectors)
is compared with the vectors of the table's single-word lemmas of the same part of speech:
the nearest row of each PLOVER type gives a type, so that *fustiger* is read through
*critiquer* (ACCUSE) although the table lacks it. The two nearest types are proposed, each
with every ordered pair of the parties named in the sentence near the word (an actor, a
recipient): one proposal is (word, type, actor, recipient), described by the features of
:data:`FEATURES`: how near the neighbour is, the type, the clause's syntax and tense, and
where each party stands from the word (its subject, object, a complement with *à*,
*contre*, *par* …, before or after it, how far), and what the frame, the mentions and the
rules' own events say around it (:mod:`veille.analysis.events.context`). The learned detector
(:mod:`veille.analysis.events.learned`) scores them, which ranks the parties and decides
the event at once.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from veille.analysis.events.context import CONTEXT_FEATURES, Known, pair_context, word_context
from veille.analysis.events.lexicon import EventLexicon, Trigger
from veille.analysis.events.roles import RoleReader, Roles
from veille.analysis.events.senses import factive, refused, threatened
from veille.analysis.syntax.clauses import subject_chain
from veille.analysis.syntax.tense import direction, feature
from veille.model import EVENT_TYPES, Event

# The rules' event builder bound to one document (stage._build_event): dates, modality,
# negation and mode are read for a proposal exactly as for a rule's trigger.
BuildEvent = Callable[[Token, Trigger, Roles], Event]

# A word must be at least this near its nearest table row (cosine of the word vectors) to
# be proposed at all: below it, no row tells what the word does.
MIN_COSINE = {"VERB": 0.45, "NOUN": 0.55}
PROPOSED_TYPES = 2  # the nearest types proposed per word
NEAR_PARTIES = 4  # the parties named nearest the word that may fill its roles
_PARTY_TYPES = ("PER", "ORG", "LOC")
_CASES = ("à", "contre", "avec", "de", "par", "sur", "pour", "entre", "en", "dans")
_CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "csubj"})
_RELATIVE = frozenset({"acl", "acl:relcl"})
_NOMINAL = frozenset({"obj", "nsubj", "nsubj:pass", "obl", "obl:arg", "obl:mod", "nmod", "appos"})


def party_feature_names(side: str) -> tuple[str, ...]:
    """Return the names of the features :func:`party_features` gives one side, in order."""
    return (
        f"{side}_before",
        f"{side}_subject",
        f"{side}_subject_up",
        f"{side}_object",
        f"{side}_below",
        *(f"{side}_case={c}" for c in _CASES),
        f"{side}_log_distance",
        *(f"{side}={t}" for t in _PARTY_TYPES),
        f"{side}_description",
    )


FEATURES: tuple[str, ...] = (
    "bias",
    "listed",
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
    "dated",
    "speech",
    "log_parties",
    *party_feature_names("actor"),
    *party_feature_names("recipient"),
    "actor_before_recipient",
    "rules_pair",
    *CONTEXT_FEATURES,
)
_INDEX = {name: n for n, name in enumerate(FEATURES)}


@dataclass(frozen=True)
class Party:
    """A party named in the sentence: its entity, type, the head word of its mention
    nearest the candidate word, and whether that mention is not a name (a description or a
    pronoun: ``description``) and whether it is a pronoun."""

    entity: str
    type: str
    head: Token
    description: bool
    pronoun: bool


@dataclass(frozen=True)
class Candidate:
    """One proposal: the word, the neighbour row it is read through, its event (type,
    actor, recipient, date, modality as the rules' builder reads them) and its features
    (in :data:`FEATURES` order)."""

    token: Token
    neighbour: str
    cosine: float
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
        best = [(float(sims[c].max()), int(c[int(sims[c].argmax())])) for c in self.columns[pos].values()]
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
    pos = "VERB" if token.pos_ == "VERB" else "NOUN"
    if vector is None or not len(neighbours.rows[pos]):
        return []
    ranked = neighbours.nearest(pos, vector)
    out = []
    for rank, (cos, row) in enumerate(ranked[:PROPOSED_TYPES]):
        other = ranked[1][0] if rank == 0 and len(ranked) > 1 else ranked[0][0]
        if cos >= MIN_COSINE[pos]:
            out.append((cos, cos - other, row))
    return out


def sentence_parties(sentence: Span, reader: RoleReader) -> list[Party]:
    """Return the parties named in a sentence (names, descriptions, resolved pronouns), one
    per mention, MISC left out (a title, a law, an event names no party)."""
    doc = sentence.doc
    out = []
    for start, end, mention, entity in reader.index.within(sentence.start_char, sentence.end_char):
        if entity.type == "MISC" or start < sentence.start_char:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        kind = mention.kind
        out.append(Party(entity.id, entity.type, span.root, kind != "name", kind == "pronoun"))
    return out


def word_features(
    token: Token, cos: float, margin: float, row: Trigger, event: Event, speech: frozenset[str], listed: bool
) -> list[float]:
    """Return the features of a word and its proposed type (the parties' left at zero)."""
    values = [0.0] * len(FEATURES)
    verb_form = feature(token, "VerbForm")
    dep = token.dep_
    tense = direction(token) if token.pos_ == "VERB" else None
    for name, value in (
        ("bias", 1.0),
        ("listed", float(listed)),
        ("cosine", cos),
        ("second_type", float(margin < 0)),
        ("margin", margin),
        ("noun", float(token.pos_ == "NOUN")),
        (f"type={row.type}", 1.0),
        ("planned", float(event.modality == "planned")),
        ("hypothetical", float(event.modality == "hypothetical")),
        ("quoted", float(event.quoted)),
        ("past", float(tense == "past")),
        ("future", float(tense == "future")),
        ("infinitive", float("Inf" in verb_form)),
        ("participle", float("Part" in verb_form)),
        ("root", float(dep == "ROOT")),
        ("clausal", float(dep in _CLAUSAL)),
        ("relative", float(dep in _RELATIVE)),
        ("conj", float(dep == "conj")),
        ("nominal", float(dep in _NOMINAL)),
        ("dated", float(event.date_from == "timex")),
        ("speech", float(token.lemma_.lower() in speech)),
    ):
        values[_INDEX[name]] = value
    return values


def party_features(side: str, token: Token, chain: list[Token], party: Party) -> dict[str, float]:
    """Return where a party stands from the word, as features of one side (actor, recipient)."""
    head = party.head
    out: dict[str, float] = {
        f"{side}_before": float(head.i < token.i),
        f"{side}_log_distance": math.log1p(abs(head.i - token.i)) / 3.0,
        f"{side}_description": float(party.description),
    }
    if party.type in _PARTY_TYPES:
        out[f"{side}={party.type}"] = 1.0
    if head.dep_.startswith("nsubj") and head.head == token:
        out[f"{side}_subject"] = 1.0
    elif head.dep_.startswith("nsubj") and any(head.head == verb for verb in chain[1:]):
        out[f"{side}_subject_up"] = 1.0
    below = _below(token, head)
    if below is not None:
        out[f"{side}_below"] = 1.0
        if below.dep_ in ("obj", "iobj"):
            out[f"{side}_object"] = 1.0
        case = next((c.lower_ for c in (*below.children, *head.children) if c.dep_ == "case"), None)
        case = "de" if case in ("du", "des", "d'") else "à" if case in ("au", "aux") else case
        if case in _CASES:
            out[f"{side}_case={case}"] = 1.0
    return out


def _below(token: Token, head: Token) -> Token | None:
    """Return the child of ``token`` whose phrase holds ``head``, or None when it is not
    below the word (at most six links up)."""
    node = head
    for _ in range(6):
        if node.head == token and node != token:
            return node
        if node.head == node:
            return None
        node = node.head
    return None


def candidates(
    parsed: Doc,
    reader: RoleReader,
    lexicon: EventLexicon,
    neighbours: Neighbours,
    skip: Callable[[Token], bool],
    listed: Callable[[Token], Trigger | None],
    build: BuildEvent,
    speech: frozenset[str],
    found: Sequence[Event] = (),
) -> list[Candidate]:
    """Return every proposal for the words the rules left (``skip``: words the rules took,
    words of names), in text order. A word that opens a row of the table (``listed``) but
    gave the rules no event (no named party where they look) is proposed with its row's
    type only; any other word with the nearest types by vector. ``found``: the rules' events
    of the document (what they coded in the sentence and between which parties)."""
    shared = _Shared(reader, lexicon, build, speech, Known.of(found))
    out: list[Candidate] = []
    for sentence in parsed.sents:
        parties = sentence_parties(sentence, reader)
        if len({p.entity for p in parties}) < 2:
            continue  # an event needs a party on each side
        heads = {p.head.i for p in parties}  # a description's head word names a party
        for token in sentence:
            if token.is_stop or token.pos_ not in ("VERB", "NOUN") or token.i in heads or skip(token):
                continue
            row = listed(token)
            if row is not None:
                usable = row.pos == token.pos_ and row.needs in ("-", "que") and " " not in row.lemma
                near = [(1.0, 0.0, row)] if usable and token.lemma_.lower() not in lexicon.light_verbs else []
            else:
                near = proposals(token, neighbours)
            if near:
                out.extend(_word(token, near, parties, shared, sentence, row is not None))
    return out


@dataclass(frozen=True)
class _Shared:
    """What every word of a document is read with."""

    reader: RoleReader
    lexicon: EventLexicon
    build: BuildEvent
    speech: frozenset[str]
    known: Known


def _word(
    token: Token,
    near: list[tuple[float, float, Trigger]],
    parties: list[Party],
    shared: _Shared,
    sentence: Span,
    listed: bool,
) -> list[Candidate]:
    """Return the proposals of one word: each near type with each ordered pair of parties."""
    reader, lexicon, build, speech = shared.reader, shared.lexicon, shared.build, shared.speech
    # The mention of each party nearest the word, then the nearest parties.
    nearest: dict[str, Party] = {}
    for party in sorted(parties, key=lambda p: abs(p.head.i - token.i)):
        nearest.setdefault(party.entity, party)
    chosen = list(nearest.values())[:NEAR_PARTIES]
    chain = subject_chain(token)
    sides = {
        p.entity: (party_features("actor", token, chain, p), party_features("recipient", token, chain, p))
        for p in chosen
    }
    out: list[Candidate] = []
    for cos, margin, row in near:
        trigger = dataclasses.replace(row, lemma=token.lemma_.lower(), pos=token.pos_, needs="-")
        # What the rules decide for every trigger holds here too: a threat, a refusal or an
        # unreal clause is not the act (the rules code the threat and the refusal).
        if (
            threatened(token, trigger)
            or refused(token, trigger, lexicon)
            or not factive(token, trigger, lexicon)
        ):
            continue
        ruled = reader.read(
            token,
            trigger.pos,
            trigger.recipient,
            trigger.actor_de,
            lexicon.inverting_verbs,
            row.actor_par,
        )
        first = Roles((chosen[0].entity,), (chosen[1].entity,))
        event = build(token, trigger, ruled or first)
        if event.negated:
            continue  # a negated act is not counted; the rules keep those they code
        base = word_features(token, cos, margin, row, event, speech, listed)
        base[_INDEX["log_parties"]] = math.log1p(len(chosen))
        for name, value in word_context(chain, sentence, ruled, speech, shared.known).items():
            base[_INDEX[name]] = value
        for actor in chosen:
            for recipient in chosen:
                if actor.entity == recipient.entity:
                    continue
                values = list(base)
                for name, value in (*sides[actor.entity][0].items(), *sides[recipient.entity][1].items()):
                    values[_INDEX[name]] = value
                values[_INDEX["actor_before_recipient"]] = float(actor.head.i < recipient.head.i)
                pair = (
                    ruled is not None
                    and actor.entity in ruled.actors
                    and recipient.entity in ruled.recipients
                )
                values[_INDEX["rules_pair"]] = float(pair)
                attached = (
                    _attached("actor", sides[actor.entity][0]),
                    _attached("recipient", sides[recipient.entity][1]),
                )
                context = pair_context(token, actor, recipient, ruled, row.type, attached, shared.known)
                for name, value in context.items():
                    values[_INDEX[name]] = value
                proposed = dataclasses.replace(event, source=(actor.entity,), target=(recipient.entity,))
                out.append(Candidate(token, row.lemma, cos, proposed, values))
    return out


def _attached(side: str, features: dict[str, float]) -> bool:
    """Tell whether a party hangs on the word: its subject (or a subject up the chain) for
    the actor, or anywhere below the word."""
    below = features.get(f"{side}_below", 0.0) > 0
    return below or (
        side == "actor" and any(features.get(f"actor_{k}", 0.0) > 0 for k in ("subject", "subject_up"))
    )
