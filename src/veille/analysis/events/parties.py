"""The mention index the event stage reads parties through.

A title the entity stage took for a name of its own (*Premier ministre portugais*, MISC)
often sits inside the description of the person it describes (*le Premier ministre
portugais, Rui Alves*): the innermost mention would make the phrase name a title, which
can be no party. Events ask for the party: the innermost cover that is not MISC.
"""

from __future__ import annotations

import bisect

from veille.analysis.syntax.mentions import MentionIndex
from veille.model import Document

# As in MentionIndex: mentions nest a few deep at most.
_NESTING = 4


class PartyIndex(MentionIndex):
    """Mentions by offset, answering with the party (not a title) a word names."""

    def __init__(self, doc: Document) -> None:
        super().__init__(doc)
        self.types = {e.id: e.type for e in doc.entities}

    def entity_at(self, offset: int) -> str | None:
        """Return the entity covering ``offset``: the innermost that is not MISC, else the innermost."""
        index = bisect.bisect_right(self.starts, offset) - 1
        first: str | None = None
        for i in range(index, max(-1, index - _NESTING), -1):
            start, end, _mention, entity = self.items[i]
            if start <= offset < end:
                if self.types.get(entity.id) != "MISC":
                    return entity.id
                first = first or entity.id
        return first
