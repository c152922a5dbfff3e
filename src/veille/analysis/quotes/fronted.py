"""Statements attributed by a phrase set before or after them, not by a cue governing them.

- *La réforme sera votée. C'est ce qu'a assuré mardi le ministre.*: the unmarked sentence
  before *C'est ce qu'a déclaré X* is X's (:func:`said_before`).
- *Comme l'a rappelé le préfet, la route restera fermée.*: the statement after a fronted
  *Comme l'a dit X,* is X's (:func:`fronted_comme`).

:func:`may_speak` says whether an inverted subject can be a source; the indirect readers
(indirect.py) ask it too.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from veille.analysis.quotes.context import Candidate, QuoteContext
from veille.analysis.quotes.selon import SELON_PRONOUNS, can_speak, skip_opener

_CEST_CE_QUE = re.compile(r"(?<=[.!?] )C['’]est (?:ce|là ce) qu['’](?:a|ont|avait|avaient)?\s*")


def said_before(ctx: QuoteContext) -> list[Candidate]:
    """Return the unmarked sentence that *C'est ce qu'a déclaré X* attributes after it (La
    réforme sera votée. C'est ce qu'a assuré mardi le ministre.), as the marked quotation
    before it is attributed (stage.py)."""
    found = []
    for match in _CEST_CE_QUE.finditer(ctx.text):
        i = ctx.token_after(match.end())
        incise = ctx.incise_at(i) if i < len(ctx.parsed) else None
        if incise is None or incise.subject is None or not may_speak(ctx, incise.subject):
            continue
        end = match.start()
        while end > 0 and ctx.text[end - 1] in " .":
            end -= 1
        start = ctx.sentence_start(end - 1) if end > 0 else 0
        if ctx.paragraph(start)[0] != ctx.paragraph(match.start())[0] or ctx.marks_in(start, match.start()):
            continue
        start = skip_opener(ctx, start, end)
        phrase = ctx.speaker_phrase(incise.subject)
        found.append(Candidate("indirect", start, end, incise.cue.lemma, "phrase", phrase, incise.verb.idx))
    return found


def fronted_comme(ctx: QuoteContext, verb: Token) -> list[Candidate]:
    """Return the statement after a fronted *Comme l'a rappelé X,* (the content follows the
    source's comma), when X can speak."""
    sent_end = ctx.sentence_end(verb.idx)
    source = verb.idx + len(verb)
    comma = ctx.text.find(",", source, sent_end)
    if comma == -1 or ctx.marks_in(source, sent_end):
        return []
    while ctx.text[source] == " ":
        source += 1
    if not can_speak(ctx, source, comma) or ctx.text[source:comma].lower() in SELON_PRONOUNS:
        return []
    start = comma + 1
    while start < sent_end and ctx.text[start] == " ":
        start += 1
    cue = ctx.lexicon.cue(verb)
    if cue is None or sent_end - start < 10:
        return []
    return [Candidate("indirect", start, sent_end, cue.lemma, "phrase", (source, comma), verb.idx)]


def may_speak(ctx: QuoteContext, subject: Token) -> bool:
    """Return True for an inverted subject that can be a source: a pronoun, a proper name, a
    phrase holding an entity mention (estime Berne, a précisé le château de Versailles) or a
    person or organisation noun; not a thing (…, soutient au contraire le projet)."""
    if subject.text.startswith("-") or subject.pos_ in ("PRON", "PROPN"):
        return True
    lo, hi = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
    if subject.lower_ in ctx.lexicon.word_class("source"):
        return True  # …, souligne le quotidien
    return bool(ctx.resolver.mentions_in(lo, hi)) or ctx.resolver.can_speak(subject)
