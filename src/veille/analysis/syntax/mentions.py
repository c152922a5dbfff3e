"""Entity mentions by offset: which entity a word names, and which mentions a range holds."""

from __future__ import annotations

import bisect

from veille.model import Document, Entity, Mention

# Mentions may nest (a name inside a description): a cover is looked for among the few
# mentions that start before an offset.
_NESTING = 4
# A mention that starts this far before a range can still overlap it (long descriptions).
_LONGEST = 200


class MentionIndex:
    """The mentions of a document's entities, sorted by start, built once per stage call."""

    def __init__(self, doc: Document) -> None:
        self.items: list[tuple[int, int, Mention, Entity]] = sorted(
            ((m.start, m.end, m, e) for e in doc.entities for m in e.mentions), key=lambda item: item[0]
        )
        self.starts = [item[0] for item in self.items]
        self._entities = [item[3] for item in self.items]
        self._ids = [entity.id for entity in self._entities]
        self._longest: int | None = None  # the longest mention's length, read when first asked

    def named_before(self, offset: int) -> list[Entity]:
        """Return the entities with a mention starting before ``offset``, most recently
        named first (the walk back over the mentions, each entity at its first meeting),
        deduplicated by dictionaries over the columns rather than by a walk in Python."""
        k = bisect.bisect_left(self.starts, offset)
        last = dict(zip(self._ids[:k], self._entities[:k], strict=True))  # the last value wins
        return [last[i] for i in dict.fromkeys(reversed(self._ids[:k]))]

    def entity_at(self, offset: int) -> str | None:
        """Return the id of the entity whose mention covers ``offset``, or None."""
        index = bisect.bisect_right(self.starts, offset) - 1
        for i in range(index, max(-1, index - _NESTING), -1):
            start, end, _mention, entity = self.items[i]
            if start <= offset < end:
                return entity.id
        return None

    def within(self, start: int, end: int) -> list[tuple[int, int, Mention, Entity]]:
        """Return the mentions that overlap [start, end), in text order."""
        lo = bisect.bisect_left(self.starts, start - _LONGEST)
        hi = bisect.bisect_left(self.starts, end)
        return [item for item in self.items[lo:hi] if item[1] > start]

    def inside_another(self, start: int, end: int, entity_id: str) -> bool:
        """Say whether another entity's mention starting before ``start`` reaches to ``end``
        or past it (a place inside a body's name): only mentions starting within the longest
        mention's length before ``start`` are read, not all of them."""
        if self._longest is None:
            self._longest = max((item[1] - item[0] for item in self.items), default=0)
        lo = bisect.bisect_left(self.starts, start - self._longest)
        hi = bisect.bisect_left(self.starts, start)
        return any(e_end >= end and e.id != entity_id for _s, e_end, _m, e in self.items[lo:hi])


class Spans:
    """Character spans sorted by start, asked whether one overlaps a stretch: only those
    starting within the longest span's length before it are read."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [start for start, _end in self.spans]
        self.longest = max((end - start for start, end in self.spans), default=0)

    def overlap(self, start: int, end: int) -> bool:
        """Say whether a span ``(s, e)`` has ``s < end`` and ``start < e``."""
        lo = bisect.bisect_right(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, end)
        return any(e > start for _s, e in self.spans[lo:hi])
