"""A noun after a bare *à* complementing another noun names a kind of thing, not an act
(events/senses.py, ``_classifies``): *des vélos à assistance électrique*. Parses are built
by hand; phrases are invented."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from veille.analysis.events.senses import _classifies


def _noun_phrase(words: list[str], deps: list[str], pos: list[str]) -> Doc:
    heads = [0, 2, 0, 2] if len(words) == 4 else [0, 3, 3, 0, 3]
    return Doc(spacy.blank("fr").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_a_bare_noun_after_a_classifies_its_head() -> None:
    doc = _noun_phrase(["vélos", "à", "assistance", "électrique"], ["ROOT", "case", "nmod", "amod"],
                       ["NOUN", "ADP", "NOUN", "ADJ"])  # fmt: skip
    assert _classifies(doc[2])


def test_a_noun_with_its_article_after_a_is_an_act() -> None:
    doc = _noun_phrase(["recours", "à", "la", "force", "armée"], ["ROOT", "case", "det", "nmod", "amod"],
                       ["NOUN", "ADP", "DET", "NOUN", "ADJ"])  # fmt: skip
    assert not _classifies(doc[3])


def test_a_bare_noun_after_de_does_not_classify() -> None:
    doc = _noun_phrase(["demande", "d'", "aide", "militaire"], ["ROOT", "case", "nmod", "amod"],
                       ["NOUN", "ADP", "NOUN", "ADJ"])  # fmt: skip
    assert not _classifies(doc[2])
