"""Pair quotation marks in the cleaned text: « », “ ”, straight double quotes, nested ‹ › and ‘ ’.

Only the outermost pairs become candidate quotations; marks nested inside them are part of
the content. Pairing never crosses a paragraph break, except where French typography
continues a quotation: a paragraph that ends inside an open quote and a next paragraph that
reopens with a quote mark are one quotation. An unbalanced mark never fails the article: the
quote is closed at the end of its paragraph (or dropped when nothing is inside) and logged.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from veille.model import Paragraph

log = logging.getLogger(__name__)

OPENERS = {"«": "»", "“": "”", "„": "“", "‹": "›"}
STRAIGHT = '"'
CLOSERS = frozenset("»”›")
ALL_MARKS = frozenset('«»“”„‹›"')
# An opening mark or its closer, searched for at once rather than looked at character by character.
_PAIR = {opener: re.compile(f"[{re.escape(opener + closer)}]") for opener, closer in OPENERS.items()}
# The characters the pairing acts on; it steps over every other one.
_ANY_MARK = re.compile("[" + re.escape("".join(sorted(ALL_MARKS | set(OPENERS) | CLOSERS))) + "]")
# Words a paragraph must hold before a closing mark with no opener to be read as a quotation.
_MIN_ORPHAN_WORDS = 4
# Content longer than this inside one pair is a pairing error, not a quotation.
_MAX_QUOTE_CHARS = 3000


class Stretches:
    """The union of spans of text ([start, end)), as sorted disjoint stretches: whether an
    offset lies in one is a bisection, where a walk over every quotation per question grew
    with the square of a long text's length (the speaker resolver asks per mention)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if start >= end:
                continue  # an empty span holds no offset
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [start for start, _end in merged]
        self._ends = [end for _start, end in merged]

    def __contains__(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]


@dataclass(frozen=True)
class MarkedSpan:
    """One outermost quotation: marks at ``open``/``close`` (close may be None) and its content."""

    open: int  # offset of the opening mark
    close: int | None  # offset of the closing mark; None when closed at a paragraph end
    start: int  # content start (after the mark and spaces)
    end: int  # content end (before spaces and the closing mark), exclusive

    def text(self, source: str) -> str:
        """Return the content as it stands in ``source``."""
        return source[self.start : self.end]

    @property
    def outer_end(self) -> int:
        """Return the offset just after the closing mark (or the content end when unclosed)."""
        return self.close + 1 if self.close is not None else self.end


class MarkOrder:
    """The marked spans that overlap a stretch, and the last one closed before an offset:
    slices found by bisection where the spans come sorted and disjoint (outermost
    quotations), where every question walked every quotation (quadratic on long texts);
    the walk otherwise. The same spans in the same order either way."""

    def __init__(self, marks: list[MarkedSpan]) -> None:
        self.marks = marks
        self._opens = [m.open for m in marks]
        self._ends = [m.outer_end for m in marks]
        # Sorted and disjoint, none closing before it opens: both lists come sorted.
        self._sorted = all(a.outer_end <= b.open for a, b in pairwise(marks)) and all(
            m.open <= m.outer_end for m in marks
        )

    def overlapping(self, start: int, end: int) -> list[MarkedSpan]:
        """Return the spans that overlap [start, end), in their order."""
        if self._sorted:  # those closed after the start and opened before the end
            lo = bisect.bisect_right(self._ends, start)
            return self.marks[lo : max(bisect.bisect_left(self._opens, end), lo)]
        return [m for m in self.marks if m.open < end and m.outer_end > start]

    def last_closed_by(self, offset: int) -> MarkedSpan | None:
        """Return the last listed span whose marks close at or before ``offset``."""
        if self._sorted:
            i = bisect.bisect_right(self._ends, offset) - 1
            return self.marks[i] if i >= 0 else None
        previous = [m for m in self.marks if m.outer_end <= offset]
        return previous[-1] if previous else None


def find_marked_spans(text: str, paragraphs: tuple[Paragraph, ...] = ()) -> list[MarkedSpan]:
    """Return the outermost quoted spans of ``text`` in order, never raising on bad marks."""
    blocks = [(p.start, p.end) for p in paragraphs] or _blocks(text)
    raw: list[tuple[int, int | None]] = []  # (open, close); close is None when left open
    for n, (start, end) in enumerate(blocks):
        running = bool(raw) and raw[-1][1] is None and _block_index(blocks, raw[-1][0]) == n - 1
        raw.extend(_pair_in_block(text, start, end, running))
    spans = _merge_paragraph_continuations(raw, blocks)
    result = []
    for open_, close in spans:
        content_end = close if close is not None else _block_end(blocks, open_)
        content_start = open_ + 1 if text[open_] in ALL_MARKS else open_  # a missing opener
        span = _trim(text, content_start, content_end, open_, close)
        if span is not None:
            result.append(span)
    return result


def _blocks(text: str) -> list[tuple[int, int]]:
    blocks = []
    offset = 0
    for part in text.split("\n\n"):
        blocks.append((offset, offset + len(part)))
        offset += len(part) + 2
    return blocks


def _block_end(blocks: list[tuple[int, int]], offset: int) -> int:
    for start, end in blocks:
        if start <= offset < end:
            return end
    return blocks[-1][1]


def _pair_in_block(text: str, start: int, end: int, running: bool = False) -> list[tuple[int, int | None]]:
    """Pair the outermost marks of one paragraph; an open quote left at the end is returned
    with close=None. ``running``: the paragraph before ended inside a quotation, so a closing
    mark with no opener before it ends that quotation here (the page did not reopen it)."""
    found: list[tuple[int, int | None]] = []
    i = start
    while (mark := _ANY_MARK.search(text, i, end)) is not None:  # no mark left: nothing more to do
        i = mark.start()
        char = text[i]
        reversed_mark = char == "»" and _reversed_open(text, i, end)
        if char in OPENERS or reversed_mark or (char == STRAIGHT and _opens_straight(text, i, start)):
            close = _find_close(text, i, end)
            if close is None:
                log.info("unclosed quotation mark at %d: closed at the paragraph end", i)
                found.append((i, None))
                return found
            found.append((i, close))
            i = close + 1
            continue
        if char in CLOSERS and not found and running and not any(c in ALL_MARKS for c in text[start:i]):
            found.append((start, i))  # the quotation of the paragraph before goes on to here
        elif char in CLOSERS and not found and _missing_open(text, start, i):
            log.info("quotation closed at %d with no opening mark: opened at its paragraph", i)
            found.append((start, i))
        elif char in CLOSERS or char == STRAIGHT:
            log.info("stray closing quotation mark at %d ignored", i)
        i += 1
    return found


def _opens_straight(text: str, i: int, block_start: int) -> bool:
    """A straight quote opens when it does not follow a letter glued to it (l"ami is rare)."""
    return i == block_start or not text[i - 1].isalnum() or text[i + 1 : i + 2].isalpha()


def _missing_open(text: str, start: int, i: int) -> bool:
    """Return True for a closing mark whose opener the page lost (Nous irons au bout », a
    déclaré X): the paragraph opens with a capital, holds no mark before it, and an incise
    follows it."""
    lead = text[start:i]
    return (
        lead[:1].isupper()
        and len(lead.split()) >= _MIN_ORPHAN_WORDS
        and not any(c in ALL_MARKS for c in lead)
        and re.match(r"\s*,\s*[a-zàâçéèêëîïôûù-]", text[i + 1 : i + 8]) is not None
    )


def _straight_close(text: str, open_: int, end: int) -> int | None:
    """Return the straight quote closing the one at ``open_``: a straight quote that opens a
    word after a space ("Le château de Versailles" inside a quotation) nests one level, as «
    inside «; any other closes the innermost open one."""
    depth = 0
    j = text.find(STRAIGHT, open_ + 1, end)
    while j != -1:
        opens = text[j - 1] in " (\n" and text[j + 1 : j + 2].isalnum()
        if opens:
            depth += 1
        elif depth == 0:
            return j
        else:
            depth -= 1
        j = text.find(STRAIGHT, j + 1, end)
    return None


def _reversed_open(text: str, i: int, end: int) -> bool:
    """Return True for a » that opens a quotation closed by « (»Nous irons«): glued to the
    word after it, with a « later in the paragraph glued to the word before it."""
    close = text.find("«", i + 1, end)
    if close == -1 or "»" in text[i + 1 : close]:
        return False
    if text[i + 1 : i + 2].isalpha():
        return close > i + 1 and not text[close - 1].isspace()
    # » Nous irons au bout «, a dit X: spaced as French prints them, the « that an incise or
    # the sentence's end follows can open nothing, so the pair is reversed.
    spaced = text[i + 1 : i + 2] == " " and text[i + 2 : i + 3].isupper()
    return spaced and re.match(r"\s*(?:[,.;!?]|$)", text[close + 1 : end]) is not None


def _find_close(text: str, open_: int, end: int) -> int | None:
    """Return the offset of the mark closing the one at ``open_`` within the paragraph."""
    opener = text[open_]
    if opener == STRAIGHT:
        return _straight_close(text, open_, end)
    if opener == "»":
        # Reversed marks (»…«), as some pages print them: « closes.
        close = text.find("«", open_ + 1, end)
        return close if close != -1 else None
    closer = OPENERS[opener]
    depth = 0
    j = open_ + 1
    while (mark := _PAIR[opener].search(text, j, end)) is not None:  # only the pair's marks count
        j = mark.start()
        char = text[j]
        if char == opener and closer != opener:
            depth += 1  # the same mark nested: « … « … » … »
        elif char == closer:
            if depth == 0:
                return j
            depth -= 1
        j += 1
    if opener == "«":
        # Pages mixing typographies close « with ” (« … ”): accept it when no » comes.
        mixed = text.find("”", open_ + 1, end)
        return mixed if mixed != -1 else None
    return None


def _merge_paragraph_continuations(
    raw: list[tuple[int, int | None]], blocks: list[tuple[int, int]]
) -> list[tuple[int, int | None]]:
    """Join an unclosed quote with a quote that opens the very next paragraph: French
    typography reopens a long quotation at each paragraph and closes it only at the end."""
    starts = {start: n for n, (start, _end) in enumerate(blocks)}
    merged: list[tuple[int, int | None]] = []
    pending: int | None = None  # open offset of a quotation still running
    pending_block = -1  # the paragraph where it was last seen running
    for open_, close in raw:
        if pending is not None:
            if starts.get(open_) == pending_block + 1:
                if close is None:
                    pending_block += 1  # still running: keep the first opening
                    continue
                merged.append((pending, close))
                pending = None
                continue
            merged.append((pending, None))
            pending = None
        if close is None:
            pending = open_
            pending_block = _block_index(blocks, open_)
        else:
            merged.append((open_, close))
    if pending is not None:
        merged.append((pending, None))
    return merged


def _block_index(blocks: list[tuple[int, int]], offset: int) -> int:
    for n, (start, end) in enumerate(blocks):
        if start <= offset < end:
            return n
    return len(blocks) - 1


def _trim(text: str, start: int, end: int, open_: int, close: int | None) -> MarkedSpan | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end or end - start > _MAX_QUOTE_CHARS:
        log.info("quotation at %d dropped: empty or too long (%d chars)", open_, end - start)
        return None
    return MarkedSpan(open_, close, start, end)


MARKS_AND_SPACE = "«»“”\"‹›' \n"


def paragraph_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a quotation that runs over paragraphs into one span per paragraph.

    French typography reopens a long quotation at each paragraph (« … / « … »). Each
    paragraph's part becomes its own quote with the same speaker, so that every quote's
    text is mark-free and still equals ``text[start:end]``.
    """
    pieces: list[tuple[int, int]] = []
    for piece_start, piece in _split_keep_offsets(text[start:end], start):
        stripped = piece.lstrip(MARKS_AND_SPACE)
        piece_start += len(piece) - len(stripped)
        piece_end = piece_start + len(stripped.rstrip(MARKS_AND_SPACE))
        if piece_end > piece_start:
            pieces.append((piece_start, piece_end))
    return pieces or [(start, end)]


def _split_keep_offsets(text: str, offset: int) -> list[tuple[int, str]]:
    parts: list[tuple[int, str]] = []
    for part in text.split("\n\n"):
        parts.append((offset, part))
        offset += len(part) + 2
    return parts
