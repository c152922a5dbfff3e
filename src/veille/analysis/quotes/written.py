"""Attribute a statement whose incise has the impersonal *on* for subject.

French press quotes statements, letters and reports with an impersonal incise (*peut-on
lire dans …*, *lit-on dans …*, *peut-on y lire*): the writer of the text read is the
speaker, named in the phrase after *dans* / *sur* (the resolver takes the organisation or
person in the complement of a source noun: *le communiqué de la préfecture*), else, with
*y*, the one the sentence before named as publishing it. News agencies report what they
were told with *a-t-on appris auprès de X* (or *apprend-on auprès de X*): X is the source,
of a marked quotation or of the unmarked sentence before the incise.
"""

from __future__ import annotations

import re

from veille.analysis.quotes.context import Candidate, QuoteContext
from veille.analysis.quotes.marks import MarkedSpan
from veille.analysis.quotes.selon import skip_opener

_READ_IN = re.compile(
    r"[.!?]?\s*,\s*(?:peut|pouvait|pourra|lit|lisait)-on\s+"
    r"(?:(?:y\s+)?lire\s*[.;]|(?:lire\s+)?(?:dans|sur)\s+(\S))",
    re.IGNORECASE,
)


# …, a-t-on appris auprès de X / a-t-on appris de source judiciaire: the source after auprès de,
# or the source itself (de source policière, de sources concordantes).
_LEARNT = re.compile(
    r"\s*,\s*(?:a-t-on|avons-nous|apprend-on|a-t-on également|a-t-on par ailleurs)\s+(?:appris\s+)?"
    r"(?:mardi |lundi |mercredi |jeudi |vendredi |samedi |dimanche )?"
    r"(?:auprès\s+(?:de\s+|d['’]|(?=du\s|des\s))|de\s+(?=sources?\s|bonne\ssource))",
    re.IGNORECASE,
)


def learnt_from(ctx: QuoteContext, comma: int) -> tuple[int, int] | None:
    """Return the source phrase of an *a-t-on appris auprès de X* incise at ``comma``."""
    match = _LEARNT.match(ctx.text, comma)
    if match is None:
        return None
    return match.end(), ctx.np_end(match.end(), ctx.sentence_end(match.end()))


def learnt_statements(ctx: QuoteContext) -> list[Candidate]:
    """Return the unmarked statements closed by *a-t-on appris auprès de X* (indirect)."""
    found = []
    for match in re.finditer(r",\s*(?:a-t-on|avons-nous|apprend-on)\b", ctx.text):
        comma = match.start()
        source = learnt_from(ctx, comma)
        if source is None or ctx.inside_mark(comma) is not None:
            continue
        start = skip_opener(ctx, ctx.sentence_start(comma), comma)
        if ctx.marks_in(start, comma) or comma - start < 10:
            continue
        found.append(Candidate("indirect", start, comma, "apprendre", "phrase", source, comma))
    return found


def quoted_writing(ctx: QuoteContext, mark: MarkedSpan) -> Candidate | None:
    """Return the quotation a read-in or learnt-from incise attributes after the marks."""
    read = _READ_IN.match(ctx.text, mark.outer_end)
    if read is None:
        end = mark.outer_end + (1 if ctx.text[mark.outer_end : mark.outer_end + 1] in ".!?" else 0)
        learnt = learnt_from(ctx, end)
        if learnt is None:
            return None
        return Candidate("direct", mark.start, mark.end, "apprendre", "phrase", learnt, None)
    if read.group(1) is None:
        return Candidate("direct", mark.start, mark.end, "écrire", "continue")
    source = read.start(1)
    np_end = ctx.np_end(source, ctx.sentence_end(source))
    return Candidate("direct", mark.start, mark.end, "écrire", "phrase", (source, np_end), None)
