"""Attribute a verb group in marks right after its auxiliary: the subject's own wording.

News quotes an act in the words of the one who did it, marks opening between the auxiliary
and the participle: *Dans un communiqué, le ministère a « fermement condamné » l'attaque*;
*les chefs d'État ont « condamné avec la plus grande fermeté » toute prise du pouvoir*; *Le
porte-parole a « catégoriquement rejeté » ces accusations*. The verb group is the subject's
statement of its own act (a communiqué's *condamne fermement*), so the subject of the
auxiliary speaks. Nothing else in the sentence reports it: the participle is inside the marks,
where no cue is looked for. The subject must be a person or a body (*Les navires ont
« encerclé » le chalutier* names no speaker and is left to the other rules).
"""

from __future__ import annotations

from spacy.tokens import Token

from veille.analysis.lang.fr.morphology import PARTICIPLE_ENDINGS
from veille.analysis.lang.fr.words import auxiliary_forms
from veille.analysis.quotes.context import Candidate, QuoteContext
from veille.analysis.quotes.marks import MarkedSpan
from veille.analysis.syntax.tense import feature


def marked_predicate(ctx: QuoteContext, mark: MarkedSpan, sent_start: int) -> Candidate | None:
    """Return the mixed quotation of a participle group in marks after its auxiliary (X a
    « fermement condamné » …), its speaker the auxiliary's subject, else None."""
    k = ctx.token_after(mark.open) - 1
    if k < ctx.token_after(sent_start) or ctx.parsed[k].lower_ not in auxiliary_forms():
        return None
    auxiliary = ctx.parsed[k]
    participle = _participle(ctx, mark)
    if participle is None:
        return None
    subject = ctx.resolver.subject_of(participle) or ctx.resolver.subject_of(auxiliary)
    if subject is None and participle.dep_ == "acl" and auxiliary.head == participle:
        subject = participle.head  # a participle with its own auxiliary read as the noun's modifier
    if subject is not None and sent_start <= subject.idx < auxiliary.idx and ctx.resolver.can_speak(subject):
        start, end = ctx.speaker_phrase(subject)
        end = min(end, auxiliary.idx)  # a misread participle's subtree runs past its auxiliary
        end = start + len(ctx.text[start:end].rstrip(" ,"))
    else:
        # The marks cut the clause and the parser loses it (a « fermement » read as a noun):
        # the name ending right before the auxiliary is its subject (X, porte-parole, a « … »).
        named = _name_before(ctx, sent_start, auxiliary.idx)
        if named is None:
            return None
        start, end = named
    return Candidate("mixed", mark.start, mark.end, participle.lemma_, "phrase", (start, end), participle.idx)


def _participle(ctx: QuoteContext, mark: MarkedSpan) -> Token | None:
    """Return the participle opening the marked words, after adverbs (fermement condamné,
    n'a « jamais varié »), else None."""
    lo, hi = ctx.token_after(mark.start), ctx.token_after(mark.end)
    for token in ctx.parsed[lo:hi]:
        if token.pos_ == "ADV" or token.lower_.endswith("ment"):
            continue  # fermement, catégoriquement: the tagger may read them as nouns here
        participial = "Part" in feature(token, "VerbForm") or token.lower_.endswith(PARTICIPLE_ENDINGS)
        if token.pos_ in ("VERB", "AUX", "ADJ") and participial and not token.lower_.endswith("ant"):
            return token
        return None
    return None


def _name_before(ctx: QuoteContext, sent_start: int, auxiliary: int) -> tuple[int, int] | None:
    """Return the span of the person or body named right before the auxiliary (only spaces
    and commas between), else None."""
    for start, end, _mention, entity in reversed(ctx.resolver.mentions_in(sent_start, auxiliary)):
        if entity.type in ("PER", "ORG") and not ctx.text[end:auxiliary].strip(" ,"):
            return None if ctx.inside_mark(start) else (start, end)
    return None
