"""Sentences and tokens by character offset.

Two readers of one segmentation rule, *a sentence ends at final punctuation, never inside
quotation marks, never across a paragraph*:
- ``SentenceIndex`` reads it off the text, for offsets around quotation marks, where the
  parser's own splits are unreliable (it breaks « … », a déclaré X. in two);
- ``parse_sentence`` reads it off the parse, rejoining the pieces of a sentence the parser
  split without punctuation (*Washington et Pékin | ont repris*).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from spacy.tokens import Doc, Span, Token

from veille.analysis.syntax.view import drop_token_view, has_token_view, token_view
from veille.model import Paragraph

_SENTENCE_END = re.compile(r"[.!?…](?=[\s»”\"]|$)")
_CLOSERS = '»”" '
# Tokens that end a sentence in the parse: final punctuation and closing quotation marks.
_FINAL = frozenset({".", "!", "?", "…", "»", '"'})


class SentenceIndex:
    """Sentence bounds of one text, by punctuation, inside its paragraphs."""

    def __init__(
        self,
        text: str,
        paragraphs: Sequence[Paragraph],
        quoted: Callable[[int], bool] = lambda _offset: False,
    ) -> None:
        self.text = text
        self.paragraphs = [(p.start, p.end, p.heading) for p in paragraphs] or [(0, len(text), False)]
        self._starts = [p[0] for p in self.paragraphs]
        self.quoted = quoted  # whether an offset lies inside quotation marks

    def paragraph_index(self, offset: int) -> int:
        """Return the index of the paragraph holding ``offset``."""
        n = bisect.bisect_right(self._starts, offset) - 1
        return min(max(n, 0), len(self.paragraphs) - 1)

    def paragraph(self, offset: int) -> tuple[int, int, bool]:
        """Return (start, end, heading) of the paragraph holding ``offset``."""
        return self.paragraphs[self.paragraph_index(offset)]

    def start(self, offset: int) -> int:
        """Return where the sentence holding ``offset`` starts."""
        para_start, _end, _heading = self.paragraph(offset)
        start = para_start
        for match in _SENTENCE_END.finditer(self.text, para_start, offset):
            after = match.end()
            while after < offset and self.text[after] in _CLOSERS:
                after += 1
            if after <= offset and not self.quoted(match.start()):
                start = after
        return start

    def end(self, offset: int) -> int:
        """Return the end of the sentence holding ``offset`` (exclusive, before its final
        punctuation)."""
        _start, para_end, _heading = self.paragraph(offset)
        for match in _SENTENCE_END.finditer(self.text, offset, para_end):
            if not self.quoted(match.start()):
                return match.start()
        return para_end


class TokenIndex:
    """The token at a character offset."""

    def __init__(self, parsed: Doc) -> None:
        self._idx = token_view(parsed).idx

    def at(self, offset: int) -> int:
        """Return the index of the token that starts at or covers ``offset``."""
        return max(bisect.bisect_right(self._idx, offset) - 1, 0)

    def after(self, offset: int) -> int:
        """Return the index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self._idx, offset)


_MAX_PIECES = 8


def parse_sentence(token: Token) -> tuple[int, int]:
    """Return the token range of a token's sentence in the parse, with the pieces the
    parser split without final punctuation joined again."""
    doc = token.doc
    view = token_view(doc)  # the sentences off the view: token.sent is a hook's call each time
    sentences, numbers = view.sentences, view.sentence_numbers
    sentence = sentences[numbers[token.i]]
    start, end = sentence.start, sentence.end
    # The answer depends on the sentence alone, and the stages ask it of most of its tokens.
    known: dict[int, tuple[int, int]] = doc.user_data.setdefault(_JOINED, {})
    if start in known:
        return known[start]
    first = start
    # At most a few pieces each way: a text without final punctuation would otherwise make
    # every call walk it all (the events stage was quadratic on such texts, issue 19).
    # Never across a paragraph: the parser may end a sentence on the break's own token.
    tokens = view.tokens  # the view's Tokens: none made per read
    for _ in range(_MAX_PIECES):
        if (
            start > 0
            and tokens[start - 1].text not in _FINAL
            and not _breaks(tokens[start - 1], tokens[start])
        ):
            start = sentences[numbers[start - 1]].start
    for _ in range(_MAX_PIECES):
        if (
            end < len(doc)
            and tokens[end - 1].text not in _FINAL
            and not _breaks(tokens[end - 1], tokens[end])
        ):
            end = sentences[numbers[end]].end
    known[first] = start, end
    return start, end


_JOINED = "veille.joined_sentences"  # user_data: sentence start -> its joined token range


def _breaks(before: Token, after: Token) -> bool:
    """Tell whether a paragraph break lies between two neighbouring tokens."""
    return "\n" in before.text or "\n" in after.text or "\n" in before.whitespace_


@contextmanager
def indexed_sentences(parsed: Doc) -> Iterator[None]:
    """Answer ``token.sent`` from an index built once, while the pipeline runs its stages.

    spaCy finds a token's sentence by walking to its boundaries, so on a long sentence
    (a text without full stops) every ``token.sent`` costs its length and a stage that asks
    it per trigger becomes quadratic; the index makes each answer a bisection. A span's
    ``span.sent`` is answered from the same index (spaCy cuts a new Span for it each time). On leaving,
    the doc's shared token view (``view.token_view``) is dropped, unless it was there on
    entering (a stage entering again inside the pipeline's block): no view, which holds
    Token objects, stays in the doc's ``user_data`` after the analysis.
    """
    with _dropping_view(parsed):
        hooks = parsed.user_token_hooks
        if "sent" in hooks:
            yield
            return
        sentences = token_view(parsed).sentences  # one walk of doc.sents, shared with the stages
        starts = [sentence.start for sentence in sentences]
        last = len(parsed) - 1

        def sentence_of(token: Token) -> Span:
            return sentences[bisect.bisect_right(starts, token.i) - 1]

        def span_sentence(span: Span) -> Span:
            # spaCy's ``span.sent``: the sentence holding the span's first token (the last
            # sentence for an empty span at the end), which it cuts anew (``doc[a:b]``) at
            # each call.
            return sentences[bisect.bisect_right(starts, min(span.start, last)) - 1]

        span_hooks = parsed.user_span_hooks
        hooks["sent"] = sentence_of
        if sentences and "sent" not in span_hooks:
            span_hooks["sent"] = span_sentence
        try:
            yield
        finally:
            del hooks["sent"]
            if span_hooks.get("sent") is span_sentence:
                del span_hooks["sent"]


@contextmanager
def _dropping_view(parsed: Doc) -> Iterator[None]:
    """Drop the doc's token view on leaving when the block made it."""
    had_view = has_token_view(parsed)
    try:
        yield
    finally:
        if not had_view:
            drop_token_view(parsed)
