"""The subject finder of the speaker resolver (veille.analysis.quotes.subjects), on parses
written out by hand so that the test does not hang on the statistical parser's choices."""

from __future__ import annotations

from dataclasses import dataclass

import spacy
from spacy.tokens import Doc

from veille.analysis.quotes.subjects import SubjectFinder


@dataclass(frozen=True)
class _Parse:
    """A parse written out: words, tags, labels and head indexes, space-separated."""

    words: str
    pos: str
    deps: str
    heads: str


# « Sans nos voisins, nous aurions perdu Ayent », a reconnu le ministre vaudois, qui a
# remercié Berne « pour son aide ». The parse the French model gives such an incise: the
# relative clause hung on the incise's verb, its inverted subject read as an object.
_WORDS = _Parse(
    words=(
        "« Sans nos voisins , nous aurions perdu Ayent » , a reconnu le ministre vaudois "
        ", qui a remercié Berne « pour son aide » ."
    ),
    pos=(
        "PUNCT ADP DET NOUN PUNCT PRON AUX VERB PROPN PUNCT PUNCT AUX VERB DET NOUN ADJ "
        "PUNCT PRON AUX VERB PROPN PUNCT ADP DET NOUN PUNCT PUNCT"
    ),
    deps=(
        "punct case det obl:arg punct nsubj aux:tense advcl obj punct punct aux:tense "
        "ROOT det obj amod punct nsubj aux:tense acl:relcl obj punct case det obl:mod "
        "punct punct"
    ),
    heads=("7 3 3 7 7 7 7 12 7 7 12 12 12 14 12 14 12 19 19 12 19 24 24 24 19 19 12"),
)


class _Finder(SubjectFinder):
    def __init__(self, quoted: set[int]) -> None:
        self.quoted = quoted

    def _quoted(self, offset: int) -> bool:
        return offset in self.quoted


# « On nous a traités comme des voleurs », raconte Nora, étudiante en droit, qui dit avoir
# eu peur. The inverted subject is read as such, the apposition as an adverbial.
_APPOSED = _Parse(
    words=(
        "« On nous a traités comme des voleurs » , raconte Nora , étudiante en droit , "
        "qui dit avoir eu peur ."
    ),
    pos=(
        "PUNCT PRON PRON AUX VERB ADP DET NOUN PUNCT PUNCT VERB PROPN PUNCT NOUN ADP NOUN "
        "PUNCT PRON VERB AUX VERB NOUN PUNCT"
    ),
    deps=(
        "punct nsubj obj aux:tense ccomp case det obl:mod punct punct ROOT nsubj punct "
        "obl:mod case nmod punct nsubj acl:relcl aux:tense xcomp obj punct"
    ),
    heads=("4 4 4 4 10 7 7 4 4 10 10 10 10 10 15 13 10 18 10 20 18 20 10"),
)


def _parsed(rows: _Parse) -> Doc:
    return Doc(
        spacy.blank("fr").vocab,
        words=rows.words.split(" "),
        pos=rows.pos.split(" "),
        deps=rows.deps.split(" "),
        heads=[int(h) for h in rows.heads.split(" ")],
    )


def _inside_marks(doc: Doc) -> set[int]:
    opening = [t.idx for t in doc if t.text == "«"]
    closing = [t.idx for t in doc if t.text == "»"]
    return {offset for a, b in zip(opening, closing, strict=True) for offset in range(a + 1, b)}


def _subject(rows: _Parse, verb: str) -> str | None:
    doc = _parsed(rows)
    subject = _Finder(_inside_marks(doc)).subject_of(next(t for t in doc if t.text == verb))
    return None if subject is None else subject.text


def test_relative_hung_on_the_incise_verb_takes_the_noun_before_the_comma() -> None:
    # « … perdu Ayent », a reconnu le ministre vaudois, qui a remercié Berne « … »: the one
    # who thanks is the minister, not the verb's whole phrase (whose first name, inside the
    # marks, is a place)
    assert _subject(_WORDS, "remercié") == "ministre"


def test_relative_hung_on_the_incise_verb_takes_its_inverted_subject() -> None:
    # « … », raconte Nora, étudiante en droit, qui dit …: the name the incise inverts, not
    # the apposed description before the comma
    assert _subject(_APPOSED, "dit") == "Nora"
