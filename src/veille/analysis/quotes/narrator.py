"""Find who speaks in a *selon* / *d'après* source that is an account someone gives: the
subject of a relative clause on the account's noun (*d'après le récit qu'elle livre au
Monde*: she speaks, not the newspaper she tells it to).
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A noun phrase whose head is followed by a relative que with its subject: a pronoun or a
# capitalised name (le récit qu'elle livre au Monde, la version que Paul Arnaud a donnée).
_RELATIVE = re.compile(
    r"(?P<head>(?:[\w'’-]+\s+){1,3}?)qu(?:e\s+|['’]\s*)"
    r"(?P<subject>ils\b|elles\b|il\b|elle\b|(?:[A-ZÉÈ][\w'’-]+)(?:\s+[A-ZÉÈ][\w'’-]+){0,3})"
)


def narrator(text: str, start: int, end: int, speaks: Callable[[int, int], bool]) -> tuple[int, int] | None:
    """Return the span of the relative clause's subject when the source phrase
    ``text[start:end]`` is an account told by that subject (*le récit qu'il livre au
    Parisien*, *les confidences qu'Anne Roy a faites à la radio*); None when the phrase's head
    can speak itself (``speaks(start, end)`` on the words before que: *le témoin que la police
    a entendu* is the witness) or has no such relative clause."""
    match = _RELATIVE.match(text, start, end)
    if match is None:
        return None
    if speaks(start, match.end("head")):
        return None
    return match.start("subject"), match.end("subject")
