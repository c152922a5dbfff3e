"""Find the source of an impersonal *on* that a sentence opener names.

French news gives an organisation's position with *on* and a place phrase before it: *Du
côté de la DGAC, on se dit « ouvert au dialogue »*, *Chez Renault, on assure que …*, *Dans
l'entourage du ministre, on estime que …*. The source is the named party of the opener; an
*on* with no such opener (*comme on dit*) speaks for nobody.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from veille.model import Entity, Mention

# Openers that locate an impersonal on: du côté de X, chez X, dans l'entourage de X.
_OPENER = re.compile(
    r"\s*(?:(?:Mais|Et|Or),?\s+)?(?:[Dd]u côté (?:de la |de l['’]|du |des |de )"
    r"|[Cc]hez (?:les |la |le |l['’])?|[Dd]ans l['’]entourage (?:de la |de l['’]|du |des |de ))"
)


def on_source(
    text: str, sent_start: int, subject: Token, mentions: list[tuple[int, int, Mention, Entity]]
) -> tuple[int, int] | None:
    """Return the span of the party an opener names for the impersonal ``subject`` *on* of
    a sentence starting at ``sent_start`` (``mentions``: the entity mentions before it),
    else None."""
    if subject.lower_ != "on":
        return None
    match = _OPENER.match(text, sent_start)
    if match is None:
        return None
    comma = text.find(",", match.end(), subject.idx)
    if comma == -1 or text[comma + 1 : subject.idx].strip():
        return None  # the opener must end right before on (Chez Renault, on …)
    if not any(match.end() <= s and e <= comma and ent.type in ("PER", "ORG") for s, e, _m, ent in mentions):
        return None  # du côté des habitants: no named party
    return match.end(), comma
