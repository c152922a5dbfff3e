"""Describe one candidate entity of an unresolved definite description, for the learned
description ranker (``descranker.py``): numbers only, in FEATURES order.

A definite description that the rule steps left unattached (le ministre, la commission,
l'usine) may point back at any entity of a fitting type named before it. What tells them
apart is what the text says of each: how near and how often it was named, whether it was
the subject of the sentence before, whether the article already called it by the same noun,
whether its name holds the noun (la Commission X … la commission), whether the complement
agrees (le ministre de la Santé … the entity titled ministre de la Santé) and whether the
noun's gender agrees with the person's first name.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

FEATURES = (
    "bias",
    "same_sentence",
    "previous_sentence",
    "sentences_back",
    "paragraphs_back",
    "log_salience",
    "subject_of_previous_sentence",
    "same_noun_said",
    "same_class",
    "has_title",
    "name_holds_noun",
    "complement_agrees",
    "complement_differs",
    "complement_unmatched",
    "time_qualified",
    "country_agrees",
    "country_clashes",
    "gender_agrees",
    "gender_clashes",
    "only_one_said",
    "another_said",
    "only_one_agreeing",
    "only_one_holding",
    "most_recent",
    "only_candidate",
    "log_candidates",
    "person",
    "organisation",
    "place",
    "demonstrative",
)

_FAR_PARAGRAPHS = 4  # paragraphs back beyond which distance says no more


@dataclass(frozen=True)
class Anaphor:
    """A definite description left unattached: its span, the head noun's key (ministre,
    commission), the complement's key (sante) if any, the gender its noun or article says,
    its sentence and paragraph numbers, and whether it is a demonstrative (ce, cette)."""

    start: int
    end: int
    text: str
    head: str
    complement: str | None  # its key, "@" first when it holds a name (de la Marne: @de la marne)
    gender: str | None
    sentence: int
    paragraph: int
    role: bool  # a role noun (a person's title), else an organisation's or a place's category
    demonstrative: bool = False
    cls: str | None = None  # the role noun's synonym class (roles.tsv: mayor for le maire, l'édile)
    country: str | None = None  # the country an epithet says (le président américain: USA)
    time_qualified: bool = False  # l'ancien, l'ex-, le nouveau, le futur: another holder may be meant
    former: bool = False  # l'ancien, l'ex-: a former holder
    epithets: tuple[str, ...] = ()  # the word keys of its epithets after the noun, demonyms aside
    # A role of several words (président de la République, Premier ministre): the stems of its
    # content words, all of which one title must hold for the same noun to count as said.
    head_words: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Evidence:
    """What the text says of one candidate before the anaphor: its last mention's sentence
    and paragraph, its mentions so far, and what its titles and names hold."""

    last_sentence: int
    last_paragraph: int
    salience: int
    subject_of_previous_sentence: bool
    same_noun_said: bool
    same_class: bool  # a title of the same synonym class (le maire, l'édile)
    has_title: bool  # the text gave it a title or a description already
    name_holds_noun: bool
    complement_agrees: bool
    complement_differs: bool
    gender: str | None
    entity_type: str
    country: str | None = None  # the country its name, its title or the text gives it


def tallies(anaphor: Anaphor, every: list[Evidence]) -> tuple[int, int, int]:
    """Return how many of the candidates have the same noun said, the anaphor's gender and
    a name holding the noun: read once per anaphor, each candidate's ``features`` takes its
    own away to know whether another one has it (a scan of the others per candidate made
    the vectors quadratic in the candidates)."""
    return (
        sum(e.same_noun_said for e in every),
        sum(e.gender == anaphor.gender for e in every),
        sum(e.name_holds_noun for e in every),
    )


def features(
    anaphor: Anaphor,
    evidence: Evidence,
    rank: int,
    every: list[Evidence],
    counted: tuple[int, int, int] | None = None,
) -> list[float]:
    """Return the feature vector of one candidate: ``every`` is the evidence of all the
    candidates that fit, most recently named first, ``rank`` this one's place among them
    (what sets a candidate apart from the others tells more than what it has); ``counted``:
    ``tallies(anaphor, every)``, read here when not given."""
    candidates = len(every)
    said, same_gender, holding = counted if counted is not None else tallies(anaphor, every)
    other_said = said - evidence.same_noun_said > 0
    other_gender = same_gender - (evidence.gender == anaphor.gender) > 0
    other_holding = holding - evidence.name_holds_noun > 0
    agrees = anaphor.gender is not None and evidence.gender == anaphor.gender
    sentences = max(anaphor.sentence - evidence.last_sentence, 0)
    return [
        1.0,
        float(sentences == 0),
        float(sentences == 1),
        math.log1p(sentences) / 3.0,
        float(min(max(anaphor.paragraph - evidence.last_paragraph, 0), _FAR_PARAGRAPHS)) / _FAR_PARAGRAPHS,
        math.log1p(evidence.salience) / 3.0,
        float(evidence.subject_of_previous_sentence),
        float(evidence.same_noun_said),
        float(evidence.same_class),
        float(evidence.has_title),
        float(evidence.name_holds_noun),
        float(evidence.complement_agrees),
        float(evidence.complement_differs),
        float(anaphor.complement is not None and not evidence.complement_agrees),
        float(anaphor.time_qualified),
        float(anaphor.country is not None and evidence.country == anaphor.country),
        float(
            anaphor.country is not None
            and evidence.country is not None
            and evidence.country != anaphor.country
        ),
        float(anaphor.gender is not None and evidence.gender == anaphor.gender),
        float(
            anaphor.gender is not None and evidence.gender is not None and evidence.gender != anaphor.gender
        ),
        float(evidence.same_noun_said and not other_said),
        float(not evidence.same_noun_said and other_said),
        float(agrees and not other_gender),
        float(evidence.name_holds_noun and not other_holding),
        float(rank == 0),
        float(candidates == 1),
        math.log1p(candidates) / 3.0,
        float(evidence.entity_type == "PER"),
        float(evidence.entity_type == "ORG"),
        float(evidence.entity_type == "LOC"),
        float(anaphor.demonstrative),
    ]


_SAID, _HOLDS, _AGREES = (
    FEATURES.index(n) for n in ("same_noun_said", "name_holds_noun", "complement_agrees")
)


def undecided(vectors: list[list[float]], best: int) -> bool:
    """Tell whether two or more candidates were called by the noun already, or have it in
    their names (l'université after the université de Lorient and the université de Brest),
    and no complement sets the best one apart: the noun names neither, whatever the scores."""
    told = sum(1 for v in vectors if v[_SAID] or v[_HOLDS])
    return told > 1 and not vectors[best][_AGREES]
