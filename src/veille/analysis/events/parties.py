"""The mention index the event stage reads parties through.

A title the entity stage took for a name of its own (*Premier ministre portugais*, MISC)
often sits inside the description of the person it describes (*le Premier ministre
portugais, Rui Alves*): the innermost mention would make the phrase name a title, which
can be no party. Events ask for the party: the innermost cover that is not MISC.
"""

from __future__ import annotations

import bisect

from veille.analysis.entities.roles import load_roles, role_key
from veille.analysis.syntax.mentions import MentionIndex
from veille.model import Document
from veille.normal import fold

# As in MentionIndex: mentions nest a few deep at most.
_NESTING = 4


class PartyIndex(MentionIndex):
    """Mentions by offset, answering with the party (not a title) a word names."""

    def __init__(self, doc: Document) -> None:
        super().__init__(doc)
        self.types = {e.id: e.type for e in doc.entities}

    def entity_at(self, offset: int) -> str | None:
        """Return the entity covering ``offset``: the innermost that is not MISC nor a title
        (*Première ministre italienne* typed ORG inside the description of Giorgia Meloni),
        else the innermost."""
        index = bisect.bisect_right(self.starts, offset) - 1
        first: str | None = None
        titled: str | None = None
        for i in range(index, max(-1, index - _NESTING), -1):
            start, end, _mention, entity = self.items[i]
            if start <= offset < end:
                if self.types.get(entity.id) == "MISC":
                    first = first or entity.id
                elif titled is None and _title(entity.name) and self.types.get(entity.id) != "PER":
                    titled = entity.id  # a title named as a body: a person's description may cover it
                else:
                    return entity.id
        return titled or first


def _title(name: str) -> bool:
    """Say whether a name opens with a title of the role table (Premier ministre, président)."""
    words = fold(name).split()
    if words and words[0] in ("premier", "premiere") and len(words) > 1:
        words = words[1:]
    return bool(words) and role_key(words[0]) in load_roles().by_first


def words_of_names(doc: Document) -> frozenset[int]:
    """Return the offsets of the words inside the names of bodies, places and persons of
    several words: such a word names, it does not tell an act (*le Rassemblement national*,
    *l'Organisation de coopération de Shanghai*). MISC names (*l'accord de Paris*) are
    left alone: an agreement named so may still be signed or ratified."""
    out: set[int] = set()
    text = doc.article.text
    for entity in doc.entities:
        if entity.type not in ("ORG", "LOC", "PER"):
            continue
        for mention in entity.mentions:
            if mention.kind != "name" or " " not in mention.text.strip():
                continue
            at = mention.start
            for word in text[mention.start : mention.end].split(" "):
                out.add(at)
                at += len(word) + 1
    return frozenset(out)
