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
Each column is read with one ``Doc.to_array`` (a C loop over the token structs) and its
hashes turned into strings through the string store: no ``Token`` is made for it, which
costs about a third of reading the attribute off each ``Token`` (``view.tokens`` makes them
only for the stages that need a token's parse).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TypeVar, cast

import numpy as np
from spacy.attrs import (
    DEP,
    HEAD,
    IDX,
    IS_ALPHA,
    IS_PUNCT,
    IS_QUOTE,
    IS_SPACE,
    LEMMA,
    LIKE_NUM,
    LOWER,
    ORTH,
    POS,
    SENT_START,
    SPACY,
)
from spacy.parts_of_speech import NAMES
from spacy.tokens import Doc, Span, Token

T = TypeVar("T")
_MISSING = object()

# ``token.pos_`` of each part-of-speech id (0, no tag, is "").
_POS_NAMES = {int(key): name for key, name in NAMES.items()}


class TokenView:
    """Per-token columns of one parsed doc, each read off spaCy once, when first asked."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._derived: dict[str, object] = {}

    def derived(self, key: str, make: Callable[[TokenView], T]) -> T:
        """Return ``make(view)``, made on the first call with this key: a per-doc table a
        layer reads off the columns (the words a role noun may start at), shared by its
        steps and dropped with the view. ``key`` names the table (a module's name)."""
        found = self._derived.get(key, _MISSING)
        if found is _MISSING:
            found = self._derived[key] = make(self)
        return cast("T", found)

    @cached_property
    def tokens(self) -> list[Token]:
        """The doc's Token objects: ``view.tokens[i]`` is ``doc[i]``, made once."""
        return list(self.doc)

    @cached_property
    def text(self) -> list[str]:
        """``token.text`` of each token."""
        return self._strings(ORTH)

    @cached_property
    def lower(self) -> list[str]:
        """``token.lower_`` of each token."""
        return self._strings(LOWER)

    @cached_property
    def lemma(self) -> list[str]:
        """``token.lemma_`` of each token."""
        return self._strings(LEMMA)

    @cached_property
    def lemma_lower(self) -> list[str]:
        """``token.lemma_.lower()`` of each token (the lemmatiser keeps capitals: Paris)."""
        return [lemma.lower() for lemma in self.lemma]

    @cached_property
    def pos(self) -> list[str]:
        """``token.pos_`` of each token."""
        names = _POS_NAMES
        return [names[p] for p in self._column(POS)]

    @cached_property
    def idx(self) -> list[int]:
        """``token.idx`` (the character offset) of each token."""
        return self._column(IDX)

    @cached_property
    def head(self) -> list[int]:
        """``token.head.i`` of each token (the root is its own head)."""
        return cast("list[int]", self._heads.tolist())

    @cached_property
    def dep(self) -> list[str]:
        """``token.dep_`` of each token."""
        return self._strings(DEP)

    def children(self, i: int) -> list[int]:
        """Return the indexes of ``doc[i].children``, in the doc's order (spaCy yields the
        left dependents, then the right ones, each in order)."""
        dependents, bounds = self._children
        return dependents[bounds[i] : bounds[i + 1]]

    def child_tokens(self, i: int) -> list[Token]:
        """Return ``list(doc[i].children)`` off the columns, with the view's Token objects."""
        tokens = self.tokens
        return [tokens[j] for j in self.children(i)]

    def labelled_children(self, i: int, label: str) -> list[Token]:
        """Return the children of ``doc[i]`` whose ``dep_`` is ``label``, in the doc's order."""
        tokens, dep = self.tokens, self.dep
        return [tokens[j] for j in self.children(i) if dep[j] == label]

    @cached_property
    def _heads(self) -> np.ndarray:
        if not len(self.doc):
            return np.zeros(0, dtype=np.int64)
        return np.arange(len(self.doc)) + self.doc.to_array(HEAD).astype(np.int64)  # offsets

    @cached_property
    def _children(self) -> tuple[list[int], list[int]]:
        # Every token's dependents in one list, ordered by head then by position, and where
        # each head's run starts: two lists a doc (a list per token would cost the garbage
        # collector's passes more than the walks save), read by numpy's C loops.
        heads = self._heads
        words = np.arange(len(heads))
        dependents = words[heads != words]
        dependents = dependents[np.argsort(heads[dependents], kind="stable")]
        bounds = np.searchsorted(heads[dependents], np.arange(len(heads) + 1))
        return dependents.tolist(), bounds.tolist()

    @cached_property
    def doc_text(self) -> str:
        """``doc.text``: the text the parse kept (``doc_text``), else joined once."""
        return doc_text(self.doc)

    def span_text(self, start: int, end: int) -> str:
        """Return ``doc[start:end].text`` for token indexes ``0 <= start``, ``0 <= end``,
        cut from the doc's text by offsets: no ``Span`` is made (3 µs) nor joined (5 µs)."""
        end = min(end, len(self.idx))
        if start >= end:
            return ""
        return self.doc_text[self.idx[start] : self.idx[end - 1] + len(self.text[end - 1])]

    def span_chars(self, start: int, end: int) -> tuple[int, int, str]:
        """Return ``(span.start_char, span.end_char, span.text)`` of ``span = doc[start:end]``,
        read off the columns where the span holds a token (no Span made)."""
        if not 0 <= start < end <= len(self.idx):
            span = self.doc[start:end]
            return span.start_char, span.end_char, span.text
        first, last = self.idx[start], self.idx[end - 1] + len(self.text[end - 1])
        return first, last, self.doc_text[first:last]

    @cached_property
    def sentences(self) -> list[Span]:
        """The doc's sentences, walked once (``doc.sents`` walks the whole doc at each call)."""
        return list(self.doc.sents)

    def positions(self, lower: str) -> list[int]:
        """Return the indexes of the tokens whose ``lower_`` is ``lower``, in order: read only."""
        return self._positions.get(lower, [])

    @cached_property
    def _positions(self) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for i, lower in enumerate(self.lower):
            found.setdefault(lower, []).append(i)
        return found

    @cached_property
    def sentence_numbers(self) -> list[int]:
        """The number of each token's sentence in ``sentences``, and one more item past the
        last token (its sentence's number again; 0 for an empty doc): read only."""
        numbers = [0] * (len(self.doc) + 1)
        for n, sentence in enumerate(self.sentences):
            numbers[sentence.start : sentence.end] = [n] * (sentence.end - sentence.start)
        numbers[-1] = numbers[-2] if len(numbers) > 1 else 0
        return numbers

    @cached_property
    def ends(self) -> dict[int, int]:
        """The token index of each token's end offset (``token.idx + len(token)``): read only."""
        return {start + len(word): i for i, (start, word) in enumerate(zip(self.idx, self.text, strict=True))}

    @cached_property
    def is_punct(self) -> list[bool]:
        """``token.is_punct`` of each token."""
        return self._flags(IS_PUNCT)

    @cached_property
    def is_quote(self) -> list[bool]:
        """``token.is_quote`` of each token."""
        return self._flags(IS_QUOTE)

    @cached_property
    def sent_start(self) -> list[bool]:
        """``bool(token.is_sent_start)`` of each token (its None, not known, reads False)."""
        return self._flags(SENT_START)

    @cached_property
    def is_space(self) -> list[bool]:
        """``token.is_space`` of each token."""
        return self._flags(IS_SPACE)

    @cached_property
    def like_num(self) -> list[bool]:
        """``token.like_num`` of each token."""
        return self._flags(LIKE_NUM)

    @cached_property
    def is_alpha(self) -> list[bool]:
        """``token.is_alpha`` of each token."""
        return self._flags(IS_ALPHA)

    @cached_property
    def spaced(self) -> list[bool]:
        """``bool(token.whitespace_)`` of each token: a space follows it."""
        return self._flags(SPACY)

    @cached_property
    def entity_labels(self) -> dict[str, frozenset[str]]:
        """The labels the model gave each entity text of the doc (``doc.ents``), read once."""
        found: dict[str, set[str]] = {}
        for span in self.doc.ents:
            found.setdefault(span.text, set()).add(span.label_)
        return {text: frozenset(labels) for text, labels in found.items()}

    def _column(self, attr: int) -> list[int]:
        """Return one attribute of every token as plain ints (hashes for strings)."""
        if not len(self.doc):
            return []
        return cast("list[int]", self.doc.to_array(attr).tolist())

    def _flags(self, attr: int) -> list[bool]:
        """Return one flag of every token as bools (``== 1`` in numpy's loop: no Python
        comparison a token)."""
        if not len(self.doc):
            return []
        return cast("list[bool]", (self.doc.to_array(attr) == 1).tolist())

    def _strings(self, attr: int) -> list[str]:
        """Return one string attribute of every token, through the doc's string store."""
        keys = self._column(attr)
        try:
            return list(map(_DECODED.__getitem__, keys))
        except KeyError:  # a word not seen yet: decode it once
            strings = self.doc.vocab.strings
            if len(_DECODED) > _MAX_DECODED:
                _DECODED.clear()  # a bound on a long run's memory; common words come back at once
            for key in keys:
                if key not in _DECODED:
                    _DECODED[key] = strings[key]
            return list(map(_DECODED.__getitem__, keys))


# The string of each hash the views have read: a string store decodes its UTF-8 bytes into
# a new Python string on every lookup (a third of the cost of a column), while a hash names
# one string in every vocabulary (spaCy's hash of the string itself), so one dict serves all.
_DECODED: dict[int, str] = {}
_MAX_DECODED = 1 << 17


def doc_text(doc: Doc) -> str:
    """Return a parsed doc's text, built once: spaCy's ``Doc.text`` joins every token
    anew on each call (about a millisecond an article), so a stage that reads it per token
    goes quadratic. The parse stores the article's text, which the tokenizer keeps exactly."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return str(text)


TEXT_KEY = "veille.text"  # user_data: the doc's text


def token_view(doc: Doc) -> TokenView:
    """Return the shared view of a parsed doc's tokens, made on the first call."""
    last = _last  # one read: another thread may replace it meanwhile
    if last[0] is doc:
        # The stages ask it thousands of times an article, nearly always of the doc asked
        # last: a test of identity, where ``doc.user_data`` is a lookup through spaCy.
        # No ``cast`` here: a Python call, a third of this path's cost.
        return last[1]  # type: ignore[return-value]  # set with its doc by _remember
    view = doc.user_data.get(_VIEW)
    if view is None:
        view = doc.user_data[_VIEW] = TokenView(doc)
    _remember(doc, view)
    return cast("TokenView", view)


def has_token_view(doc: Doc) -> bool:
    """Tell whether a doc holds a token view now."""
    return _VIEW in doc.user_data


def drop_token_view(doc: Doc) -> None:
    """Forget a doc's view (its Token objects refer back to the doc: a reference cycle)."""
    doc.user_data.pop(_VIEW, None)
    if _last[0] is doc:
        _remember(None, None)  # and hold no reference to the doc past its analysis


def _remember(doc: Doc | None, view: TokenView | None) -> None:
    global _last
    _last = (doc, view)  # one assignment: a reader sees the old pair or the new one


_VIEW = "veille.token_view"
_last: tuple[Doc | None, TokenView | None] = (None, None)  # the doc asked last, and its view
