"""The tokens of a parse as plain Python lists, read once per parse and shared by every stage.

spaCy makes a new ``Token`` object for each ``doc[i]`` and each step of ``for t in doc``, and
looks each string attribute (``text``, ``lower_``, ``lemma_``, ``pos_``) up in its string
store on every read: about 0.1 µs apiece. The stages walk every article's tokens a dozen
times (the event triggers, the quote cues, the gazetteer's names, the acronyms…), asking the
same attributes each time. ``token_view(doc)`` reads each column once, when a stage first
asks for it, and keeps it with the doc while the pipeline runs its stages
(``sentences.indexed_sentences`` drops it afterwards, so no Token outlives its analysis).

The columns are copies of what spaCy answers: a stage reading ``view.lower[i]`` gets exactly
``doc[i].lower_``. The parse must not change while a view is held (no stage retokenizes).
"""

from __future__ import annotations

from functools import cached_property
from typing import cast

from spacy.tokens import Doc, Token


class TokenView:
    """Per-token columns of one parsed doc, each read off spaCy once, when first asked."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    @cached_property
    def tokens(self) -> list[Token]:
        """The doc's Token objects: ``view.tokens[i]`` is ``doc[i]``, made once."""
        return list(self.doc)

    @cached_property
    def text(self) -> list[str]:
        """``token.text`` of each token."""
        return [t.text for t in self.tokens]

    @cached_property
    def lower(self) -> list[str]:
        """``token.lower_`` of each token."""
        return [t.lower_ for t in self.tokens]

    @cached_property
    def lemma(self) -> list[str]:
        """``token.lemma_`` of each token."""
        return [t.lemma_ for t in self.tokens]

    @cached_property
    def lemma_lower(self) -> list[str]:
        """``token.lemma_.lower()`` of each token (the lemmatiser keeps capitals: Paris)."""
        return [lemma.lower() for lemma in self.lemma]

    @cached_property
    def pos(self) -> list[str]:
        """``token.pos_`` of each token."""
        return [t.pos_ for t in self.tokens]

    @cached_property
    def idx(self) -> list[int]:
        """``token.idx`` (the character offset) of each token."""
        return [t.idx for t in self.tokens]

    @cached_property
    def is_punct(self) -> list[bool]:
        """``token.is_punct`` of each token."""
        return [t.is_punct for t in self.tokens]

    @cached_property
    def is_space(self) -> list[bool]:
        """``token.is_space`` of each token."""
        return [t.is_space for t in self.tokens]


def token_view(doc: Doc) -> TokenView:
    """Return the shared view of a parsed doc's tokens, made on the first call."""
    view = doc.user_data.get(_VIEW)
    if view is None:
        view = doc.user_data[_VIEW] = TokenView(doc)
    return cast("TokenView", view)


def has_token_view(doc: Doc) -> bool:
    """Tell whether a doc holds a token view now."""
    return _VIEW in doc.user_data


def drop_token_view(doc: Doc) -> None:
    """Forget a doc's view (its Token objects refer back to the doc: a reference cycle)."""
    doc.user_data.pop(_VIEW, None)


_VIEW = "veille.token_view"
