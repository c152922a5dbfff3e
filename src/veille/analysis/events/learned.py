"""Add the events the rules miss with a small learned detector beside them.

The trigger table codes the words it lists; news uses many more (*fustiger*, *tancer*,
*pilonner*). :mod:`veille.analysis.events.features` proposes, for each verb or noun the
rules leave in a sentence that names two parties, the nearest table rows by word vector
and reads the parties with their frame. A logistic regression trained on the project's
annotated articles (scripts/train_events.py, leave-one-article-out cross-validation)
scores each proposal; the best proposal of a word is kept when its probability passes the
threshold chosen by that cross-validation. The rules keep precedence: a word they code,
or that opens a row of their table, is never proposed, and an event the rules already
found (same type, parties and date) is not added again.

The weights are a JSON table, ``data/event_detector.json``, read once; scoring is a dot
product, so no scikit-learn is needed at run time.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from veille.analysis.events.features import FEATURES, Candidate, Neighbours, candidates
from veille.analysis.events.lexicon import EventLexicon, Trigger
from veille.analysis.events.parties import words_of_names
from veille.analysis.events.roles import RoleReader, Roles
from veille.analysis.lang.fr.tables import read_json
from veille.analysis.quotes.lexicon import CueLexicon
from veille.model import Document, Event

# The stage's builder, before it is bound to a document: (doc, parsed, token, trigger,
# roles, lexicon, number) → Event.
Builder = Callable[[Document, Doc, Token, Trigger, Roles, EventLexicon, int], Event]
Matcher = Callable[[Token, EventLexicon], "Trigger | None"]


@dataclass
class Detector:
    """A logistic regression over proposals: weights in FEATURES order and a threshold.

    ``collect``: when a list, every document's proposals are appended to it (with the
    document and the rules' events) and none is added: the training script's hook.
    """

    weights: tuple[float, ...]
    threshold: float
    collect: list[tuple[Document, list[Event], list[Candidate]]] | None = None
    _neighbours: dict[int, Neighbours] = field(default_factory=dict, repr=False)

    @classmethod
    def from_table(cls, table: dict[str, object]) -> Detector:
        """Build the detector from its JSON table (weights by feature name; a missing one is 0)."""
        weights = table.get("weights", {})
        threshold = table.get("threshold", 1.0)
        if not isinstance(weights, dict) or not isinstance(threshold, (int, float)):
            raise ValueError("event_detector.json: weights must be an object and threshold a number")
        return cls(tuple(float(weights.get(name, 0.0)) for name in FEATURES), float(threshold))

    def probability(self, features: list[float]) -> float:
        """Return the probability that a proposal is an event of the gold kind."""
        z = sum(w * x for w, x in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def neighbours(self, lexicon: EventLexicon, vocab: Vocab) -> Neighbours:
        """Return the table's vectors for one vocabulary (built once per model)."""
        key = id(vocab)
        if key not in self._neighbours:
            self._neighbours[key] = Neighbours(lexicon, vocab)
        return self._neighbours[key]

    def choose(self, proposed: list[Candidate]) -> list[Candidate]:
        """Return the best proposal of each word whose probability passes the threshold."""
        best: dict[int, tuple[float, Candidate]] = {}
        for candidate in proposed:
            p = self.probability(candidate.features)
            if p >= self.threshold and p > best.get(candidate.token.i, (-1.0, candidate))[0]:
                best[candidate.token.i] = (p, candidate)
        return [best[i][1] for i in sorted(best)]


@cache
def load_detector() -> Detector:
    """Return the shipped detector (data/event_detector.json)."""
    return Detector.from_table(read_json("event_detector.json"))


@cache
def speech_verbs() -> frozenset[str]:
    """Return the reporting verbs of the quote cue table (dire, affirmer, estimer …)."""
    return frozenset(CueLexicon.load().cues)


def learned_events(
    doc: Document,
    parsed: Doc,
    reader: RoleReader,
    lexicon: EventLexicon,
    found: list[Event],
    match: Matcher,
    build: Builder,
) -> list[Event]:
    """Return the detector's events for the words the rules left, in text order."""
    detector = load_detector()
    if detector.collect is None and detector.threshold >= 1.0:
        return []
    taken = {e.trigger_start for e in found}
    names = words_of_names(doc)

    def skip(token: Token) -> bool:
        return token.idx in taken or token.idx in names

    def listed(token: Token) -> Trigger | None:
        return match(token, lexicon)

    def bound(token: Token, trigger: Trigger, roles: Roles) -> Event:
        return build(doc, parsed, token, trigger, roles, lexicon, 0)

    neighbours = detector.neighbours(lexicon, parsed.vocab)
    proposed = candidates(parsed, reader, lexicon, neighbours, skip, listed, bound, speech_verbs(), found)
    if detector.collect is not None:
        detector.collect.append((doc, list(found), proposed))
        return []
    return [c.event for c in detector.choose(proposed)]
