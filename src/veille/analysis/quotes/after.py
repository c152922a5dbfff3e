"""Find the speaker a sentence names right after a whole quotation, subject first.

French news may quote first and then say who spoke, with the subject before its verb:
*« C'est un crève-cœur. » Voilà comment X, directrice de l'Ehpad, résume la fermeture.* or
*« … » : c'est en ces termes que X a conclu son discours.* (the inverted *C'est ce qu'a
déclaré X* is read by the stage with the incise reader). The sentence must open with one of
these presentative turns and hold a reporting verb whose subject follows the turn. With the
subject inverted after the verb (*« … » C'est ce qu'a déclaré X.*, *« … » : voilà ce qu'a lancé
X*, *« … » : ainsi s'est exprimé X*), the incise reader finds the verb and its subject.

A quotation that opens the body of an article (the lead quotation, *citation d'attaque*: the
first quotation, opening its paragraph, no colon before it) has nobody to continue: the
sentence after it names who spoke, with any verb (*« … » Devant la mairie, Paul Girard, délégué
du personnel, ne décolère pas.*; *« … » Cette phrase de Léa Roux résume …*).
"""

from __future__ import annotations

import re

from veille.analysis.quotes.context import Candidate, QuoteContext
from veille.analysis.quotes.marks import MarkedSpan
from veille.analysis.quotes.stance import speaks
from veille.analysis.syntax.tense import feature
from veille.model import Entity

# Presentatives that point back to the quotation just closed (grammars call them
# présentatifs: voilà, voici, c'est … que).
_POINTS_BACK = re.compile(
    r"[\s.!?:]*(?:(?:Voilà|Voici|voilà|voici) comment|(?:C|c)['’]est (?:ainsi|en ces termes|avec ces mots"
    r"|par ces mots|de cette façon|de cette manière) que?)\s+"
)


# What points back to the quotation before an inverted verb and subject (after a period or a
# colon): c'est / voilà / voici ce qu'a déclaré X, ainsi s'est exprimé X.
_SAID_BACK = re.compile(
    r"[.!?]?\s*:?\s*(?:(?:C['’]est|Voilà|Voici|c['’]est|voilà|voici) (?:ce|là ce) qu['’]"
    r"(?:a|ont|avait|avaient)?|[Aa]insi)\s*"
)


def said_next(ctx: QuoteContext, mark: MarkedSpan) -> Candidate | None:
    """Return the direct quotation whose speaker the next words name inverted after a
    reporting verb (« … » C'est ce qu'a déclaré X.; « … » : ainsi s'est exprimé X), else None."""
    match = _SAID_BACK.match(ctx.text, mark.outer_end)
    if match is None or "\n" in ctx.text[mark.outer_end : match.end()]:
        return None
    i = ctx.token_after(match.end())
    incise = ctx.incise_at(i) if i < len(ctx.parsed) else None
    if incise is None or incise.subject is None:
        return None
    phrase = ctx.speaker_phrase(incise.subject)
    return Candidate("direct", mark.start, mark.end, incise.cue.lemma, "phrase", phrase, incise.verb.idx)


def named_after(ctx: QuoteContext, mark: MarkedSpan) -> Candidate | None:
    """Return the direct quotation with its speaker when the sentence after it opens with a
    presentative and names the speaker as the subject of a reporting verb, else None."""
    match = _POINTS_BACK.match(ctx.text, mark.outer_end)
    if match is None or "\n" in ctx.text[mark.outer_end : match.end()]:
        return None
    end = ctx.sentence_end(match.end())
    for token in ctx.parsed[ctx.token_after(match.end()) : ctx.token_after(end)]:
        if ctx.inside_mark(token.idx) is not None or token.pos_ != "VERB":
            continue
        cue = ctx.lexicon.cue(token)
        if cue is None:
            continue
        subject = ctx.resolver.subject_of(token)
        if subject is None or not match.end() <= subject.idx < token.idx:
            # The parser may hang the name on voilà: the phrase right after the turn.
            first = ctx.parsed[ctx.token_after(match.end())]
            subject = first.head if first.pos_ == "DET" else first
            if subject.pos_ not in ("NOUN", "PROPN") or not match.end() <= subject.idx < token.idx:
                return None
        phrase = ctx.speaker_phrase(subject)
        return Candidate("direct", mark.start, mark.end, cue.lemma, "phrase", phrase, token.idx)
    return None


def clause_after_quote(ctx: QuoteContext, mark: MarkedSpan, sent_start: int, least: int) -> bool:
    """Return True for a quoted clause (a verb, several words) in the sentence right after
    another quotation of the same paragraph, of ``least`` words or more."""
    words = ctx.text[mark.start : mark.end].split()
    if len(words) < least:
        return False
    lo, hi = ctx.token_after(mark.start), ctx.token_after(mark.end)
    if not any(t.pos_ in ("VERB", "AUX") and "Fin" in feature(t, "VerbForm") for t in ctx.parsed[lo:hi]):
        return False
    para_start = ctx.paragraph(mark.open)[0]
    previous = [m for m in ctx.marks if para_start <= m.open and m.outer_end <= sent_start]
    if not previous:
        return False
    between = ctx.text[previous[-1].outer_end : sent_start]
    return len(re.findall(r"[.!?…]", between)) <= 1


def lead_speaker(ctx: QuoteContext, mark: MarkedSpan) -> tuple[int, int] | None:
    """Return the person named in the sentence after a lead quotation (the first quotation of
    the article's body, opening its paragraph after a paragraph that does not end with a
    colon), in its paragraph: the first one in the subject of the sentence, else the first one
    in it; None for any other quotation."""
    para_start, para_end, heading = ctx.paragraph(mark.open)
    if heading or ctx.text[para_start : mark.open].strip():
        return None
    if any(m.open < mark.open and not ctx.paragraph(m.open)[2] for m in ctx.marks):
        return None  # a quotation before it: this one may continue it
    if _after_colon(ctx, mark):
        return None  # X a déclaré :¶« … »: the colon introduction names the speaker
    found = _person_after(ctx, mark, para_end)
    return found[:2] if found is not None else None


def introduced_after(ctx: QuoteContext, mark: MarkedSpan) -> tuple[int, int] | None:
    """Return the person the sentence after an uncued quotation introduces, when no person
    came before it in its paragraph (… n'est plus qu'une coulée de boue. « On a tout perdu. »
    Assise devant sa case, Josiane Payet, 61 ans, n'a plus de larmes.): reportage quotes a
    witness, then names her. The person must be named there for the first time: someone named
    before may be answering the quotation, not saying it."""
    para_start, para_end, heading = ctx.paragraph(mark.open)
    if heading:
        return None
    if any(entity.type == "PER" for _f, _l, _m, entity in ctx.resolver.mentions_in(para_start, mark.open)):
        return None
    if ctx.marks_in(para_start, mark.open):
        return None  # a quotation before it in its paragraph: this one may continue it
    if _speaking_subject(ctx, para_start, mark.open):
        return None  # Le maire a dénoncé … « … »: the one who spoke before may go on
    index = ctx.paragraph_index(mark.open)
    if not ctx.text[para_start : mark.open].strip() and index > 0:
        before_start, before_end, _heading = ctx.paragraphs[index - 1]
        if ctx.marks_in(before_start, before_end) or _after_colon(ctx, mark):
            return None  # a quotation paragraph after a quotation continues its speaker
    found = _person_after(ctx, mark, para_end)
    if found is None or any(m.start < mark.open for m in found[2].mentions):
        return None
    return found[:2]


def _after_colon(ctx: QuoteContext, mark: MarkedSpan) -> bool:
    """Tell whether the paragraph before a quotation's ends on a colon (X a déclaré :¶« … »)."""
    index = ctx.paragraph_index(mark.open)
    if index == 0:
        return False
    before_start, before_end, _heading = ctx.paragraphs[index - 1]
    return ctx.text[before_start:before_end].rstrip().endswith(":")


def _speaking_subject(ctx: QuoteContext, start: int, end: int) -> bool:
    """Tell whether a main clause in [start, end) has a subject that can speak (a pronoun, a
    person, an organisation or a noun of one: le maire, la direction)."""
    for token in ctx.parsed[ctx.token_after(start) : ctx.token_after(end)]:
        if token.dep_ == "ROOT" and token.idx < end:
            subject = ctx.resolver.subject_of(token)
            if subject is not None and start <= subject.idx < end and speaks(ctx, subject):
                return True
    return False


def _person_after(ctx: QuoteContext, mark: MarkedSpan, para_end: int) -> tuple[int, int, Entity] | None:
    """Return the person named in the sentence right after a quotation, in its paragraph (the
    mention's offsets and its entity): the first one in the subject of the sentence, else the
    first one in it."""
    start = (
        mark.outer_end
        + len(ctx.text[mark.outer_end : para_end])
        - len(ctx.text[mark.outer_end : para_end].lstrip())
    )
    if start >= para_end:
        return None
    end = min(ctx.sentence_end(start), para_end)
    people = [
        (first, last, entity)
        for first, last, _mention, entity in ctx.resolver.mentions_in(start, end)
        if entity.type == "PER" and ctx.inside_mark(first) is None
    ]
    if not people:
        return None
    for token in ctx.parsed[ctx.token_after(start) : ctx.token_after(end)]:
        if token.dep_ == "ROOT":
            # The person in the subject first: a capitalised participle opening the sentence
            # (Assis sous une bâche, le grand chef X parle) may be tagged as a name.
            subject = ctx.resolver.subject_of(token)
            if subject is not None:
                left, right = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
                within = [person for person in people if left <= person[0] < right]
                if within:
                    return within[0]
            break
    return people[0]
