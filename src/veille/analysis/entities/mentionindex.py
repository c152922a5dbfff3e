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
from typing import Protocol

from veille.model import Mention


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


class MentionEnds:
    """Where each cluster's mentions end, sorted, read on the first question about it."""

    def __init__(self) -> None:
        self._ends: dict[int, list[int]] = {}

    def any_within(self, cluster: _Clustered, offset: int, window: int) -> bool:
        """Tell whether a mention of ``cluster`` ends at most ``window`` characters before
        ``offset`` (``0 <= offset - m.end <= window``)."""
        ends = self._ends.get(id(cluster))
        if ends is None:
            ends = self._ends[id(cluster)] = sorted(m.end for m in cluster.mentions)
        k = bisect.bisect_left(ends, offset - window)
        return k < len(ends) and ends[k] <= offset
