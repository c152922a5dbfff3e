"""Attribute a quotation of a written text: « … », peut-on lire dans le communiqué de X.

French press quotes statements, letters and reports with an impersonal incise (*peut-on
lire dans …*, *lit-on dans …*, *peut-on y lire*): the writer of the text read is the
speaker, named in the phrase after *dans* / *sur* (the resolver takes the organisation or
person in the complement of a source noun: *le communiqué de la préfecture*), else, with
*y*, the one the sentence before named as publishing it.
"""

from __future__ import annotations

import re

from veille.analysis.quotes.context import Candidate, QuoteContext
from veille.analysis.quotes.marks import MarkedSpan

_READ_IN = re.compile(
    r"[.!?]?\s*,\s*(?:peut|pouvait|pourra|lit|lisait)-on\s+"
    r"(?:(?:y\s+)?lire\s*[.;]|(?:lire\s+)?(?:dans|sur)\s+(\S))",
    re.IGNORECASE,
)


def quoted_writing(ctx: QuoteContext, mark: MarkedSpan) -> Candidate | None:
    """Return the quotation a read-in incise attributes after the marks, if there is one."""
    read = _READ_IN.match(ctx.text, mark.outer_end)
    if read is None:
        return None
    if read.group(1) is None:
        return Candidate("direct", mark.start, mark.end, "écrire", "continue")
    source = read.start(1)
    np_end = ctx.np_end(source, ctx.sentence_end(source))
    return Candidate("direct", mark.start, mark.end, "écrire", "phrase", (source, np_end), None)
