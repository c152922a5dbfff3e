"""Find the quotation of an interview's or portrait's headline, *Nom : « … »*: the words of
the person the headline names (French papers title an interview with the interviewee's name,
a colon and a sentence of theirs in marks).
"""

from __future__ import annotations

import re

from veille.analysis.quotes.context import Candidate, QuoteContext
from veille.analysis.quotes.marks import MarkedSpan

# At most this many words before the colon: a name, perhaps with a title (Le ministre X).
_NAME_WORDS = 6
# A preposition just before the name: the headline names an affair, not its speaker.
_GOVERNED = re.compile(r"(?:\b(?:de|du|des|contre|pour|avec|après|sans|chez|sur)\s+|\bd['’])$", re.IGNORECASE)
# The colon that separates the name from the quotation, then the opening mark.
_COLON = re.compile(r"\s*:\s*$")


def headline_quote(ctx: QuoteContext, mark: MarkedSpan) -> Candidate | None:
    """Return the quotation of a heading *Nom : « … »* when the words before the colon end
    with a person's name and the marks close the heading; None for any other heading (*Car
    scolaire couché près de X : « … »* names no one) and for a headline that repeats words
    quoted again in the article (the quotation is counted where the body gives it)."""
    start, end, _heading = ctx.paragraph(mark.open)
    colon = _COLON.search(ctx.text, start, mark.open)
    if colon is None or len(ctx.text[start : colon.start()].split()) > _NAME_WORDS:
        return None
    if ctx.text[mark.outer_end : end].strip(" .!?…"):
        return None  # the marks do not close the heading: « … » is part of a title
    named = [
        (s, e)
        for s, e, _m, entity in ctx.resolver.mentions_in(start, colon.start())
        if entity.type == "PER" and e == colon.start()
    ]
    if not named or _GOVERNED.search(ctx.text, start, named[-1][0]):
        return None  # Procès de Jean Morel : « … »: the name is what the headline is about
    words = mark.text(ctx.text)
    if any(m.open != mark.open and words in m.text(ctx.text) for m in ctx.marks):
        return None
    return Candidate("direct", mark.start, mark.end, None, "phrase", named[-1], named[-1][0])
