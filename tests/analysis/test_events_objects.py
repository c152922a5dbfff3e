"""The passive subject restated by a name between commas (events/objects.py), on parses
built by hand: the parser hangs the comma on the title or on the verb, and both mean the
name restates the title. Sentences are invented."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from veille.analysis.events.objects import _restated

# L' ancien trésorier de l' Union sportive carvelloise , Joël Perrot , a été condamné
_WORDS = "L' ancien trésorier de l' Union sportive carvelloise , Joël Perrot , a été condamné".split()
_DEPS = "det amod nsubj:pass case det nmod amod amod punct nsubj:pass flat:name punct aux:tense aux:pass ROOT"


def _parse(comma_head: int, words: list[str] = _WORDS, deps: str = _DEPS) -> Doc:
    heads = [2, 2, 14, 5, 5, 2, 5, 5, comma_head, 14, 9, 14, 14, 14, 14]
    return Doc(spacy.blank("fr").vocab, words=words, heads=heads, deps=deps.split())


def test_name_restates_title_whatever_the_comma_hangs_on() -> None:
    for comma_head in (2, 14):  # on the title (its right edge) or on the verb
        doc = _parse(comma_head)
        assert _restated(doc[2], doc[9])


def test_no_comma_no_restatement() -> None:
    words = [*_WORDS[:8], "et", *_WORDS[9:]]
    deps = _DEPS.replace("punct nsubj:pass", "cc nsubj:pass", 1)
    doc = _parse(14, words, deps)
    assert not _restated(doc[2], doc[9])
