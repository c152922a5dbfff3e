"""The model's attribute ruler applied off the columns leaves every token as the ruler does."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IS_SPACE, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.tokens import Doc

from veille.analysis.parse import _with_paragraph_starts, parse_articles
from veille.analysis.ruler import fast_ruler
from veille.model import Article

# Invented texts, with the white space the ruler's last patterns fix: runs of spaces, tabs,
# no-break and thin spaces, blank lines holding spaces, a text of spaces only.
TEXTS = [
    "Le  maire de Castelnoir\u00a0a parlé \t mardi.\n\n  \nLa  \u2009 séance a repris à 18 heures.\n",
    "Titre sans point\n \nLe syndicat SUD-Rail appelle à la grève ; « Nous irons », dit-il .\t",
    "   ",
    "\n\n\n",
    "Mme Ferrand (PS)\u00a0: « Non. »\n\n\n\n— Lire aussi : la réforme\u00a0\u00a0des retraites",
]
_ATTRS = [TAG, POS, MORPH, DEP, HEAD, LEMMA, ENT_IOB, ENT_TYPE, SENT_START, IS_SPACE]


def _same(a: Doc, b: Doc) -> bool:
    return (
        np.array_equal(a.to_array(_ATTRS), b.to_array(_ATTRS))
        and [str(t.morph) for t in a] == [str(t.morph) for t in b]
        and a.to_bytes(exclude=["user_data"]) == b.to_bytes(exclude=["user_data"])
    )


def test_the_parse_gives_every_token_the_attributes_of_the_stock_pipeline(nlp) -> None:  # type: ignore[no-untyped-def]
    assert fast_ruler(nlp.get_pipe("attribute_ruler")) is not None  # the model's patterns are read
    articles = [Article(id=f"r{n}", text=text, date="2025-12-04") for n, text in enumerate(TEXTS)]
    ours = list(parse_articles(nlp, articles, 2))
    stock = list(nlp.pipe((_with_paragraph_starts(nlp, a) for a in articles), batch_size=2))
    assert all(_same(a, b) for a, b in zip(ours, stock, strict=True))
    assert any(t.is_space for doc in ours for t in doc)  # the white-space patterns were tried


def _blank_ruler():  # type: ignore[no-untyped-def]
    nlp = spacy.blank("fr")
    return nlp, nlp.add_pipe("attribute_ruler")


def _tagged(nlp, words: list[str], pos: list[str], deps: list[str]) -> Doc:  # type: ignore[no-untyped-def]
    spaces = [True] * len(words)
    return Doc(nlp.vocab, words=words, spaces=spaces, pos=pos, deps=deps, heads=[0] * len(words))


def test_later_patterns_win_and_matches_are_read_before_any_is_set() -> None:
    nlp, ruler = _blank_ruler()
    ruler.add([[{"POS": "NOUN"}]], {"TAG": "NOUN"})
    ruler.add([[{"POS": "NOUN", "DEP": {"IN": ["obj", "nsubj"]}}]], {"TAG": "N-ARG", "POS": "PROPN"})
    ruler.add([[{"POS": "PROPN"}]], {"TAG": "NAME"})  # not the nouns made PROPN above
    ruler.add([[{"DEP": {"NOT_IN": ["", "punct"]}}]], {"MORPH": "Number=Sing"})
    fast = fast_ruler(ruler)
    assert fast is not None
    words, pos = (
        ["Maël", "voit", "Lunel", "et", "la", "ville", "."],
        ["PROPN", "VERB", "NOUN", "CCONJ", "DET", "NOUN", "PUNCT"],
    )
    deps = ["nsubj", "ROOT", "obj", "cc", "det", "conj", "punct"]
    expected = ruler(_tagged(nlp, words, pos, deps))
    assert _same(fast(_tagged(nlp, words, pos, deps)), expected)
    assert [t.tag_ for t in expected][:3] == ["NAME", "", "N-ARG"]


@pytest.mark.parametrize(
    "pattern",
    [
        [[{"LOWER": "maël"}]],  # another attribute
        [[{"POS": "NOUN"}, {"POS": "ADJ"}]],  # two tokens
        [[{"POS": "NOUN", "OP": "?"}]],  # an operator
        [[{"POS": {"REGEX": "^N"}}]],  # another test
        [[{"POS": "NOM"}]],  # no such part of speech
    ],
)
def test_a_pattern_of_another_shape_leaves_the_ruler_to_run(pattern: list[list[dict[str, object]]]) -> None:
    _nlp, ruler = _blank_ruler()
    ruler.add([[{"POS": "NOUN"}]], {"TAG": "NOUN"})
    ruler.add(pattern, {"TAG": "X"})
    assert fast_ruler(ruler) is None
