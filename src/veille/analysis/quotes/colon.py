"""Read what introduces a quotation before a colon: the verb and its subject, or a short lead
that names the speaker (Réaction de X : « … »), after any quotation closed in the same sentence.
"""

from __future__ import annotations

from spacy.tokens import Token

from veille.analysis.quotes.context import QuoteContext
from veille.analysis.quotes.marks import MarkedSpan
from veille.analysis.quotes.stance import speaks

# At most this many words in a lead with no verb before a colon (Réaction de X : « … »).
_LEAD_WORDS = 8
# At most this many when the name closes the lead, right before the colon.
_LONG_LEAD_WORDS = 14


def named_in_lead(ctx: QuoteContext, start: int, colon: int) -> tuple[int, int] | None:
    """Return the last person or organisation named in a short lead before a colon; a longer
    lead only when the name closes it (Même son de cloche chez le maire de Dinan, X : « … »)."""
    words = len(ctx.text[start:colon].split())
    if words > _LONG_LEAD_WORDS or ctx.marks_in(start, colon):
        return None
    named = [
        (s, e) for s, e, _m, entity in ctx.resolver.mentions_in(start, colon) if entity.type in ("PER", "ORG")
    ]
    if not named or (words > _LEAD_WORDS and ctx.text[named[-1][1] : colon].strip()):
        return None
    return named[-1]


def colon_before(ctx: QuoteContext, mark: MarkedSpan, before: str, sent_start: int) -> int | None:
    """Return the offset of the colon that introduces the quotation: in its sentence, or at
    the end of the paragraph before when the quotation opens its own paragraph."""
    if before.rstrip().endswith(":"):
        return sent_start + len(before.rstrip()) - 1
    if before.strip() or sent_start != ctx.paragraph(mark.open)[0]:
        return None
    index = ctx.paragraph_index(mark.open)
    if index == 0 or ctx.paragraphs[index - 1][2]:
        return None
    start, end, _heading = ctx.paragraphs[index - 1]
    lead = ctx.text[start:end].rstrip()
    return start + len(lead) - 1 if lead.endswith(":") else None


def after_last_mark(ctx: QuoteContext, start: int, colon: int) -> int:
    """Return where a colon's introduction starts: after a quotation closed before it in the
    same sentence (« … » Son voisin partage ce constat : « … »: not a verb of the first quote)."""
    closed = [m.outer_end for m in ctx.marks_in(start, colon) if m.outer_end <= colon]
    return max([start, *closed])


def last_verb(ctx: QuoteContext, start: int, end: int):  # type: ignore[no-untyped-def]
    """Return the last verb before a colon, preferring a reporting verb."""
    lo = ctx.token_after(start)
    hi = ctx.token_after(end)
    verbs = [t for t in ctx.parsed[lo:hi] if t.pos_ == "VERB" and ctx.inside_mark(t.idx) is None]
    for token in reversed(verbs):
        if ctx.lexicon.cue(token) is not None:
            return token
    return verbs[-1] if verbs else None


def copula_subject(ctx: QuoteContext, start: int, colon: int) -> Token | None:
    """Return the subject of a copula predicate that introduces a colon with no verb of its
    own (Son collègue, X, a été plus net : « … »; Le maire est catégorique : « … »): a stance
    stated of the subject before its words. The subject must be able to speak (a pronoun, a
    person or an organisation, a mention or a speaking noun), so a thing judged (la facture est
    lourde : « … ») names no one; the last predicate before the colon is read."""
    lo = ctx.token_after(start)
    hi = ctx.token_after(colon)
    for token in reversed(ctx.parsed[lo:hi]):
        copula = next((c for c in token.children if c.dep_ == "cop"), None)
        if copula is None:
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None:  # Son collègue, X, a été …: a subject the parser broke up at its commas
            subject = ctx.resolver.apposed_subject(copula)
        if subject is None or not lo <= subject.i < token.i or ctx.inside_mark(subject.idx) is not None:
            return None
        return subject if speaks(ctx, subject) else None
    return None


def misread_before_colon(ctx: QuoteContext, start: int, colon: int) -> tuple[Token, Token] | None:
    """Return (cue word, subject token) for a present-tense cue the tagger did not read as a
    verb right before a colon, past adverbs in -ment (Le président du club, X, dément
    fermement : « … »; la ministre rétorque : « … »), its subject a name closed by a comma or
    a noun right before it; else None. The form must be a cue of scope all."""
    lo = ctx.token_after(start)
    j = ctx.token_after(colon) - 1
    while (
        j > lo
        and ctx.parsed[j].lower_.endswith("ment")
        and ctx.parsed[j].pos_ == "ADV"
        and ctx.lexicon.form_cue(ctx.parsed[j]) is None  # dément, not an adverb
    ):
        j -= 1
    word = ctx.parsed[j]
    if j - 2 < lo or word.pos_ in ("VERB", "AUX") or not word.text.islower():
        return None
    cue = ctx.lexicon.form_cue(word)
    if cue is None or cue.scope != "all" or not word.lower_.endswith(("e", "ent", "t")):
        return None
    before = ctx.parsed[j - 1]
    if before.text == "," and ctx.parsed[j - 2].pos_ == "PROPN":
        return word, ctx.parsed[j - 2]  # Le président du club, X, dément : the apposed name
    if before.pos_ in ("NOUN", "PROPN"):
        return word, before
    return None
