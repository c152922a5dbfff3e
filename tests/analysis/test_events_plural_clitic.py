"""A plural object is another party than its own verb's subject (events/control.py,
``_holds_own_subject``), on a parse built by hand: a plural description read as a group
that holds the subject (*Le directeur X a convoqué les deux managers*, read as X and
another) is a misreading, and a clitic that stands for it (*Il leur a demandé …*) is left
unread. Sentences are invented."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Token

from veille.analysis.events.control import _holds_own_subject

# Le directeur a convoqué les deux managers
_WORDS = "Le directeur a convoqué les deux managers".split()
_HEADS = [1, 3, 3, 3, 6, 6, 3]
_DEPS = "det nsubj aux:tense ROOT det nummod obj".split()
_POS = "DET NOUN AUX VERB DET NUM NOUN".split()


class _Reader:
    """A role reader whose clause subject is the director (entity e1)."""

    def subject(self, verb: Token, *, agent: bool) -> list[str] | None:
        return ["e1"] if verb.i == 3 else None


def _doc() -> Doc:
    return Doc(spacy.blank("fr").vocab, words=_WORDS, heads=_HEADS, deps=_DEPS, pos=_POS)


def test_a_group_holding_the_verbs_own_subject_is_misread() -> None:
    doc = _doc()
    assert _holds_own_subject(_Reader(), doc[6], ["e1", "e2"])  # type: ignore[arg-type]


def test_a_group_of_other_parties_stands() -> None:
    doc = _doc()
    assert not _holds_own_subject(_Reader(), doc[6], ["e2", "e3"])  # type: ignore[arg-type]


def test_a_subject_noun_is_not_checked() -> None:
    doc = _doc()
    assert not _holds_own_subject(_Reader(), doc[1], ["e1", "e2"])  # type: ignore[arg-type]
