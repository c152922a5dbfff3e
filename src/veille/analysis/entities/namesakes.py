"""Tell namesakes from typos: two spellings written side by side are two people.

The resolve stage merges a name with its typo (*Vladuimir Poutine*, *Yann Le Bihen*). But
two people of close names exist (*Antoine Girard* and *Antoine Giraud*, *Anne Morin* and
*Anne Marin*), and a writer who slips a key does not write the right spelling in the same
sentence: *Antoine Girard, ministre de l'Intérieur, et Antoine Giraud, député du Nord, ont
débattu* names two men. Two forms said in one sentence are never merged as typos.
"""

from __future__ import annotations

import re

from veille.model import Mention

# The end of a sentence: a full stop, a question or exclamation mark (perhaps with a
# closing quotation mark) before a capital, or a line break. The full stop of a title of
# address or an initial (M. Girard, J. Girard) ends nothing.
_END = re.compile(r"(?<![A-Z])(?<!\bM)(?<!\bMM)(?<!\bMme)(?<!\bDr)[.!?]\s*[»”\"]?\s+(?=[A-ZÀ-Ý«\"])|\n")
_REACH = 400  # characters: farther apart than this, two mentions are not of one sentence


def side_by_side(first: list[Mention], second: list[Mention], text: str) -> bool:
    """Tell whether a mention of one list and a mention of the other are in one sentence."""
    if not text:
        return False
    for a in first:
        for b in second:
            left, right = (a, b) if a.start < b.start else (b, a)
            if right.start - left.end > _REACH:
                continue
            if not _END.search(text, left.end, right.start):
                return True
    return False
