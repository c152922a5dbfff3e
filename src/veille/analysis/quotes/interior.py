"""Split a quotation that an incise interrupts into two quotations with one speaker.

French press cuts a quotation with the attribution in two ways: after a sentence (« Nous
ne lâcherons rien, a lancé X. Le gouvernement doit reculer. ») and in the middle of one,
the incise between commas (« Cette réforme, estime X, est une faute. »). Either way the
text on each side of the incise is a quotation of the incise's speaker.
"""

from __future__ import annotations

import re

from veille.analysis.quotes.context import Candidate, QuoteContext
from veille.analysis.quotes.incises import Incise
from veille.analysis.quotes.marks import MarkedSpan
from veille.analysis.syntax.tense import feature
from veille.analysis.syntax.view import token_view

# The rest of a quotation after an incise that closes a sentence (… a-t-il ajouté. …).
_SENTENCE_REST = re.compile(r"[^.!?]*?[.!?]\s+")
# The rest of a quotation after an incise between commas (… estime X, est une faute).
_COMMA_REST = re.compile(r"\s*,\s*")
# The adverbials after an inverted pronoun's incise, up to the comma that ends it (… ,
# a-t-elle déclaré mardi devant le Parlement, face à …).
_ADJUNCT_REST = re.compile(r"[^,.!?;:«»“”\"]{1,80}?,\s*")
# At least this many words on the far side of the incise make it an interruption.
_MIN_REST_WORDS = 2


def opens_sentence(before: str) -> bool:
    """Return True when nothing but a colon stands between the sentence start and the mark."""
    stripped = before.strip()
    return not stripped or stripped.endswith(":")


def interior_incise(ctx: QuoteContext, mark: MarkedSpan) -> Incise | None:
    """Return an incise inside the marks followed by more quoted text."""
    lo = ctx.token_after(mark.start)
    hi = ctx.token_after(mark.end)
    text = token_view(ctx.parsed).text
    for i in range(lo, hi):
        if text[i] != ",":
            continue
        incise = ctx.incise_at(i, hi)
        if incise is None:
            continue
        if _rest_start(ctx, incise, mark) is not None:
            return incise
    return None


def _rest_start(ctx: QuoteContext, incise: Incise, mark: MarkedSpan) -> int | None:
    """Return where the quoted text resumes after an interior incise, or None when the
    incise ends the quotation (or what follows it is too short to be said)."""
    rest = ctx.text[incise.end : mark.end]
    for pattern in (_COMMA_REST, _ADJUNCT_REST, _SENTENCE_REST):
        match = pattern.match(rest)
        if match and len(rest[match.end() :].split()) >= _MIN_REST_WORDS:
            if pattern is not _SENTENCE_REST and _apposition(ctx, incise.end + match.end(), mark.end):
                continue  # tonne le retraité, ancien infirmier du service. …: the incise runs on
            if pattern is _ADJUNCT_REST and _finite_in(ctx, incise.end, incise.end + match.end()):
                continue  # a-t-il dit et il a raison, …: a clause of its own, not the incise's adverbials
            return incise.end + match.end()
    return None


def _finite_in(ctx: QuoteContext, start: int, end: int) -> bool:
    """Return True when a finite verb stands between the two offsets."""
    tokens = ctx.parsed[ctx.token_after(start) : ctx.token_after(end)]
    return any(t.pos_ in ("VERB", "AUX") and "Fin" in feature(t, "VerbForm") for t in tokens)


def _apposition(ctx: QuoteContext, start: int, end: int) -> bool:
    """Return True when the words after the incise's comma close their sentence with no finite
    verb: an apposition to the incise's subject, not the rest of the quotation."""
    stop = re.search(r"[.!?]\s", ctx.text[start:end])
    return stop is not None and not _finite_in(ctx, start, start + stop.start())


def split_at_incise(ctx: QuoteContext, mark: MarkedSpan, incise: Incise, before: str) -> list[Candidate]:
    """Return the two quotations around an interior incise, both with its speaker."""
    first_end = incise.start
    while first_end > mark.start and ctx.text[first_end - 1] in " ,":
        first_end -= 1
    second_start = _rest_start(ctx, incise, mark) or incise.end
    phrase = ctx.speaker_phrase(incise.subject) if incise.subject is not None else None
    kind = "direct" if opens_sentence(before) else "mixed"
    anchor = incise.verb.idx
    return [
        Candidate(kind, mark.start, first_end, incise.cue.lemma, "phrase", phrase, anchor),
        Candidate("direct", second_start, mark.end, incise.cue.lemma, "phrase", phrase, anchor),
    ]
