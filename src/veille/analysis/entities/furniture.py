"""Tell the credits of a page from the names of its text.

News pages carry furniture around the article: the agency after a dateline (*RENNES, 12
mars (AFP) -*), a byline's partner (*Par Hélène Castagné, avec Reuters*; a closing *Avec
AFP*), a photo credit (*© Photo Loïc Tanguy / AFP*, *Crédit : Martin Bureau / AFP*) and
*(DR)*, "droits réservés", for a picture whose author is not named. The agency there signs
the page; it is no actor of the story, and an annotator lists it at most as optional (as
ANNOTATION.md says of a newspaper in a credit line). Said in the text (*a indiqué à
l'AFP*, *selon Reuters*), it is a name as any other, and those mentions stay.
"""

from __future__ import annotations

from spacy.tokens import Doc

from veille.analysis.syntax.view import token_view

_CREDIT_MARKS = frozenset({"/", "©"})  # Loïc Tanguy / AFP; © AFP
_UNSIGNED = "DR"  # droits réservés: a credit, never a name
_SHORT_LINE = 16  # tokens: a byline or a credit, not a paragraph of the story


def credit(doc: Doc, start: int, end: int, agencies: frozenset[str]) -> bool:
    """Tell whether the name at [start, end) is an agency (or DR) that signs the page: in
    brackets of its own, after a slash or ©, or after 'avec' ending a short line."""
    text = token_view(doc).span_text(start, end)  # asked of every name: no Span made
    if text not in agencies and text != _UNSIGNED:
        return False
    before = doc[start - 1].text if start > 0 else ""
    after = doc[end].text if end < len(doc) else ""
    if before == "(" and after == ")":
        return True
    if before in _CREDIT_MARKS:
        return True
    closing = after in ("", ".", ",") or "\n" in after or doc[end - 1].whitespace_.count("\n") > 0
    return before.lower() == "avec" and closing and _line_length(doc, start) <= _SHORT_LINE


def _line_length(doc: Doc, i: int) -> int:
    """Return the number of tokens of the line (between line breaks) that holds token i."""
    first = i
    while first > 0 and "\n" not in doc[first - 1].text and "\n" not in doc[first - 1].whitespace_:
        first -= 1
    last = i
    while last + 1 < len(doc) and "\n" not in doc[last].whitespace_ and "\n" not in doc[last + 1].text:
        last += 1
    return last - first + 1
