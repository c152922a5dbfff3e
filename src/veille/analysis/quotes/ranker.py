"""Choose a speaker among candidates where the rules find none: a small learned ranker.

The rules (stage.py, speakers.py) decide wherever the text is explicit: an incise, a cue's
subject, a colon, selon X. Where they abstain, every person or organisation named near the
quotation is a candidate, described by a few features (where it stands relative to the
quotation, whether it speaks nearby, whether it was the previous quotation's speaker, how
salient it is, whether it agrees with a pronoun). A logistic regression trained on the
project's annotated articles (scripts/train_speakers.py) scores each candidate; the best one
is taken when its score passes a threshold, else the quotation keeps no speaker.

The weights are a small JSON table, data/quote_speaker_ranker.json, read once; scoring is a
dot product, so the pipeline does not need scikit-learn at run time.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Self

from veille.analysis.lang.fr.tables import read_json
from veille.analysis.logistic import Logistic
from veille.model import Entity

FEATURES = (
    "bias",
    "same_sentence_before",
    "same_sentence_after",
    "previous_sentence",
    "same_paragraph",
    "paragraphs_back",
    "log_chars_back",
    "previous_speaker",
    "subject_of_cue",
    "subject_of_verb",
    "object_or_oblique",
    "after_selon",
    "person",
    "organisation",
    "log_salience",
    "gender_agrees",
    "gender_clashes",
    "in_phrase",
    "first_mention_in_window",
    "next_sentence_only",
    "far_back",
)

# How far back candidates are gathered: the quotation's paragraph and the five before it
# (a person introduced early and quoted later: the ranker weighs the distance).
WINDOW_PARAGRAPHS = 5
# Paragraphs back beyond which a candidate counts as far (its own feature).
_NEAR_PARAGRAPHS = 2
_SELON = re.compile(r"(?:[Ss]elon|[Dd]['’]après|[Pp]our)\s+(?:l['’]|les? |la )?$")


@dataclass(frozen=True)
class Mentioned:
    """One mention of a candidate, as the stage sees it: offsets, sentence and paragraph
    numbers, and its syntax (subject of a cue, of any verb, or an object)."""

    start: int
    end: int
    sentence: int
    paragraph: int
    subject_of_cue: bool
    subject_of_verb: bool
    object_or_oblique: bool
    after_selon: bool


@dataclass(frozen=True)
class Situation:
    """Where the quotation stands and what the rules left: its sentence and paragraph, its
    start and end, the previous quotation's speaker, the speaker phrase the rules could not
    resolve (with a pronoun's gender, if it was one)."""

    start: int
    end: int
    sentence: int
    paragraph: int
    previous_speaker: str | None
    phrase: tuple[int, int] | None
    pronoun_gender: str | None


def features(
    entity: Entity, mentions: list[Mentioned], situation: Situation, salience: int, gender: str | None
) -> list[float]:
    """Return the feature vector (in FEATURES order) of one candidate entity."""
    before = [m for m in mentions if m.end <= situation.start]
    nearest = before[-1] if before else mentions[0]
    in_sentence = [m for m in mentions if m.sentence == situation.sentence]
    back = max(situation.start - nearest.end, 0)
    phrase = situation.phrase
    return [
        1.0,
        float(any(m.end <= situation.start for m in in_sentence)),
        float(any(m.start >= situation.end for m in in_sentence)),
        float(any(m.sentence == situation.sentence - 1 for m in mentions)),
        float(any(m.paragraph == situation.paragraph for m in mentions)),
        float(min(situation.paragraph - nearest.paragraph, _NEAR_PARAGRAPHS)),
        math.log1p(back) / 8.0,
        float(entity.id == situation.previous_speaker),
        float(any(m.subject_of_cue for m in mentions)),
        float(any(m.subject_of_verb for m in mentions)),
        float(all(m.object_or_oblique for m in mentions)),
        float(any(m.after_selon for m in mentions)),
        float(entity.type == "PER"),
        float(entity.type == "ORG"),
        math.log1p(salience) / 3.0,
        float(situation.pronoun_gender is not None and gender == situation.pronoun_gender),
        float(
            situation.pronoun_gender is not None and gender is not None and gender != situation.pronoun_gender
        ),
        float(phrase is not None and any(phrase[0] <= m.start < phrase[1] for m in mentions)),
        float(nearest is mentions[0]),
        float(not before and any(m.sentence == situation.sentence + 1 for m in mentions)),
        float(situation.paragraph - nearest.paragraph > _NEAR_PARAGRAPHS),
    ]


def after_selon(text: str, start: int) -> bool:
    """Return True when a mention follows selon / d'après / pour (a source, not a topic)."""
    return _SELON.search(text[max(0, start - 20) : start]) is not None


@dataclass(frozen=True)
class Ranker(Logistic):
    """A logistic regression over candidate speakers: weights in FEATURES order, a threshold."""

    @classmethod
    def from_table(cls, table: dict[str, object], names: tuple[str, ...] = FEATURES) -> Self:
        """Build the ranker from the JSON table (weights by feature name; a missing one is 0)."""
        return super().from_table(table, names)

    def choose(self, scored: list[tuple[str, list[float]]]) -> str | None:
        """Return the best candidate's entity id, or None when none passes the threshold."""
        best = max(scored, key=lambda item: self.score(item[1]), default=None)
        if best is None or self.score(best[1]) < self.threshold:
            return None
        return best[0]


@cache
def load_ranker() -> Ranker:
    """Return the shipped ranker (data/quote_speaker_ranker.json)."""
    return Ranker.from_table(read_json("quote_speaker_ranker.json"))
