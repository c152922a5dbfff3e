"""Indexes over the mentions of the resolve stage's clusters, built once per step.

The resolution steps ask, for each title or description they read, which names lie inside
a span and which people were mentioned just before an offset. A walk over every mention of
every cluster for each question made those steps grow with the number of descriptions times
the number of mentions: quadratic in a long text's length. These indexes answer the same
questions, in the same order, by bisection; a step builds one while the mentions it reads
stay as they are.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar

from veille.model import Document, Entity, Mention


class _Clustered(Protocol):
    mentions: list[Mention]

    @property
    def names(self) -> list[Mention]: ...


class NameSpans:
    """The name mentions of clusters by offset: the names inside a span, listed as a walk
    over each cluster's names, cluster by cluster, gives them."""

    def __init__(self, clusters: Sequence[_Clustered]) -> None:
        rows = [(m.start, k, j, m) for k, c in enumerate(clusters) for j, m in enumerate(c.names)]
        rows.sort(key=lambda row: row[:3])
        self._rows = rows
        self._starts = [row[0] for row in rows]

    def within(self, start: int, end: int) -> list[Mention]:
        """Return the names with ``start <= m.start`` and ``m.end <= end``, in the clusters'
        order, then each cluster's."""
        lo, hi = bisect.bisect_left(self._starts, start), bisect.bisect_right(self._starts, end)
        inside = sorted((row for row in self._rows[lo:hi] if row[3].end <= end), key=lambda row: row[1:3])
        return [row[3] for row in inside]


_C = TypeVar("_C", bound=_Clustered)


class NamedWithin(Generic[_C]):
    """The mention ends of clusters, sorted once: the clusters named (a mention ending) at
    most ``window`` characters before an offset, in the clusters' order, without asking
    each cluster."""

    def __init__(self, clusters: Sequence[_C]) -> None:
        self._clusters = list(clusters)
        self._ends = sorted((m.end, k) for k, c in enumerate(self._clusters) for m in c.mentions)

    def clusters(self, offset: int, window: int) -> list[_C]:
        """Return the clusters with a mention ``m`` such that ``0 <= offset - m.end <= window``."""
        lo = bisect.bisect_left(self._ends, (offset - window, -1))
        hi = bisect.bisect_right(self._ends, (offset, len(self._clusters)))
        return [self._clusters[k] for k in sorted({k for _end, k in self._ends[lo:hi]})]


class _EntityMentions:
    """Every mention of a document's entities by offset, with its place in the walk over
    each entity's mentions, entity by entity."""

    def __init__(self, entities: tuple[Entity, ...]) -> None:
        self.entities = entities  # held: the cache below is keyed by this tuple's identity
        rows = [
            (m.start, order, m.end, entity)
            for order, (m, entity) in enumerate((m, e) for e in entities for m in e.mentions)
        ]
        rows.sort(key=lambda row: row[:2])
        self.rows = rows
        self.starts = [row[0] for row in rows]
        self.longest = max((row[2] - row[0] for row in rows), default=0)

    def at(self, start: int, end: int) -> Entity | None:
        # Inside the stretch: a mention starting in [start, end]; covering it: one starting
        # in [end - longest, start]. Among those that fit, the longest, the first walked.
        starts = self.starts
        best: tuple[int, int, Entity] | None = None
        for lo, hi in ((start, end), (end - self.longest, start)):
            for row in self.rows[bisect.bisect_left(starts, lo) : bisect.bisect_right(starts, hi)]:
                m_start, order, m_end, entity = row
                inside = start <= m_start and m_end <= end
                covering = m_start <= start and end <= m_end
                if (inside or covering) and (best is None or (m_end - m_start, -order) > (best[0], -best[1])):
                    best = (m_end - m_start, order, entity)
        return best[2] if best else None


_LAST: list[_EntityMentions] = []  # the last document's index: the stages ask of one at a time


def indexed_entity_at(doc: Document, start: int, end: int) -> Entity | None:
    """Return the entity whose mention lies inside ``[start, end)`` or covers it, the
    longest such mention winning (the first in the entities' order among equals), or None:
    ``resolve.entity_at``, answered off an index of the document's mentions."""
    last = next(iter(_LAST), None)  # one read: another thread may replace it meanwhile
    index = last if last is not None and last.entities is doc.entities else None
    if index is None:
        index = _EntityMentions(doc.entities)
        _LAST[:] = [index]
    return index.at(start, end)
