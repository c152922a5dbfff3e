"""Turn a Document into what the article template draws: paragraphs of runs of marked text.

Quotations are the outer layer; entity mentions and time expressions the inner one. Within
a layer, overlapping spans keep the first (and longest) one; a span crossing a paragraph or
a quotation's edge is cut there. The template escapes every piece of text it is given.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field

from veille.model import Document, Entity

# PLOVER's four quad classes (verbal/material cooperation/conflict), as the PLOVER codebook
# orders its 16 event types (Schrodt and Halterman's PLOVER manual; DESIGN.md lists them in
# that order). The graph colours edges by these.
QUAD_CLASSES: dict[str, str] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), "verbal-cooperation"),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), "material-cooperation"),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), "verbal-conflict"),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), "material-conflict"),
}
SPEAKER_COLOURS = 8  # CSS classes spk-0 … spk-7


def quad_class(event_type: str) -> str:
    return QUAD_CLASSES.get(event_type, "other")


@dataclass(frozen=True)
class Mark:
    """A highlighted span: a quotation, an entity mention or a time expression."""

    start: int
    end: int
    kind: str  # quote | entity | timex
    label: str  # what a hover shows
    href: str | None = None
    css: str = ""
    speaker: str | None = None  # quotations
    cue: str | None = None
    quote_kind: str | None = None
    value: str | None = None  # time expressions: the resolved value


@dataclass
class Piece:
    text: str
    mark: Mark | None = None  # an entity or a time expression


@dataclass
class Run:
    quote: Mark | None
    pieces: list[Piece] = field(default_factory=list)


@dataclass
class Block:
    heading: bool
    runs: list[Run] = field(default_factory=list)


@dataclass(frozen=True)
class EventView:
    """An event for the side panel: who, what, to whom, when, where, and its sentence."""

    id: str
    type: str
    quad: str
    actors: list[tuple[str, str | None]]  # (name, link)
    targets: list[tuple[str, str | None]]
    date: str | None
    place: str | None
    negated: bool
    modality: str
    before: str  # the sentence, cut around its trigger
    trigger: str
    after: str


def entity_href(links: dict[str, int], entity_id: str | None) -> str | None:
    """Link a document entity to its corpus entity page, when the store linked it."""
    if entity_id is None or entity_id not in links:
        return None
    return f"/entities/{links[entity_id]}"


def marks_of(doc: Document, links: dict[str, int]) -> tuple[list[Mark], list[Mark]]:
    """Return (quotation marks, entity and time marks) for a document."""
    speakers: dict[str, int] = {}
    quotes = []
    for quote in doc.quotes:
        speaker = doc.entity(quote.speaker) if quote.speaker else None
        colour = speakers.setdefault(quote.speaker or "", len(speakers)) % SPEAKER_COLOURS
        name = speaker.name if speaker else "unknown speaker"
        quotes.append(Mark(
            quote.start, quote.end, "quote", f"{name} — {quote.cue or 'no cue'} ({quote.kind})",
            href=entity_href(links, quote.speaker), css=f"spk-{colour}" if speaker else "spk-none",
            speaker=name, cue=quote.cue, quote_kind=quote.kind,
        ))  # fmt: skip
    inner = [
        Mark(
            m.start,
            m.end,
            "entity",
            f"{e.name} ({e.type})",
            href=entity_href(links, e.id),
            css=f"ent-{e.type}",
        )
        for e in doc.entities
        for m in e.mentions
    ]
    inner += [
        Mark(t.start, t.end, "timex", f"{t.type}: {t.value}", css="timex", value=t.value) for t in doc.timexes
    ]
    return _disjoint(quotes), _disjoint(inner)


def _disjoint(marks: list[Mark]) -> list[Mark]:
    kept: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (m.start, -(m.end - m.start))):
        if mark.end > mark.start and (not kept or mark.start >= kept[-1].end):
            kept.append(mark)
    return kept


def _covering(marks: list[Mark], starts: list[int], position: int) -> Mark | None:
    index = bisect.bisect_right(starts, position) - 1
    if index >= 0 and marks[index].start <= position < marks[index].end:
        return marks[index]
    return None


def blocks_of(doc: Document, links: dict[str, int]) -> list[Block]:
    """Cut the article text into paragraphs of quotation runs of marked pieces."""
    text = doc.article.text
    quotes, inner = marks_of(doc, links)
    paragraphs = [(p.start, p.end, p.heading) for p in doc.article.paragraphs] or _split_lines(text)
    cuts = sorted({0, len(text)} | {m.start for m in quotes + inner} | {m.end for m in quotes + inner})
    quote_starts = [m.start for m in quotes]
    inner_starts = [m.start for m in inner]
    blocks = []
    for start, end, heading in paragraphs:
        block = Block(heading)
        points = [start] + [c for c in cuts if start < c < end] + [end]
        for a, b in itertools.pairwise(points):
            if a >= b:
                continue
            quote = _covering(quotes, quote_starts, a)
            mark = _covering(inner, inner_starts, a)
            if not block.runs or block.runs[-1].quote is not quote:
                block.runs.append(Run(quote))
            pieces = block.runs[-1].pieces
            if pieces and pieces[-1].mark is mark:
                pieces[-1].text += text[a:b]
            else:
                pieces.append(Piece(text[a:b], mark))
        blocks.append(block)
    return blocks


def _split_lines(text: str) -> list[tuple[int, int, bool]]:
    # An analysis with no paragraph list (none found): one paragraph per non-blank line.
    found, position = [], 0
    for line in text.split("\n"):
        if line.strip():
            found.append((position, position + len(line), False))
        position += len(line) + 1
    return found or [(0, len(text), False)]


def events_of(doc: Document, links: dict[str, int]) -> list[EventView]:
    """Describe each event of a document for the side panel."""
    text = doc.article.text
    views = []
    for event in doc.events:

        def named(ids: tuple[str, ...]) -> list[tuple[str, str | None]]:
            found: list[Entity | None] = [doc.entity(i) for i in ids]
            return [(e.name if e else i, entity_href(links, i)) for e, i in zip(found, ids, strict=True)]

        place = doc.entity(event.location) if event.location else None
        start, end = event.start, event.end
        t0 = event.trigger_start if event.trigger_start is not None else start
        t1 = event.trigger_end if event.trigger_end is not None else start
        if not start <= t0 <= t1 <= end:
            t0 = t1 = start
        views.append(EventView(
            id=event.id, type=event.type, quad=quad_class(event.type), actors=named(event.source),
            targets=named(event.target), date=event.date, place=place.name if place else None,
            negated=event.negated, modality=event.modality, before=text[start:t0], trigger=text[t0:t1],
            after=text[t1:end],
        ))  # fmt: skip
    return views


def week_bars(weeks: list[tuple[str, int]], width: int = 600, height: int = 120) -> list[dict[str, object]]:
    """Lay out a quotes-per-week bar chart in an SVG viewBox of ``width`` x ``height``."""
    if not weeks:
        return []
    top = max(count for _, count in weeks) or 1
    step = min(width / len(weeks), 40.0)  # a few weeks make narrow bars, not one wall
    bars = []
    for index, (week, count) in enumerate(weeks):
        bar = round(count / top * (height - 20), 1)
        x, bar_width = round(index * step + 1, 1), round(max(step - 2, 1), 1)
        bars.append({"week": week, "count": count, "x": x, "width": bar_width, "y": round(height - bar, 1),
                     "height": bar})  # fmt: skip
    return bars
