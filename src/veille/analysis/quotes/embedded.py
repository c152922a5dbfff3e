"""Tell whose words a fragment in a later clause of a cue's sentence are.

*Le maire a dénoncé ces violences, tandis que son adjointe, Julie Marchal, les a qualifiées
d'« inacceptables »*: the fragment belongs to the adjointe, the subject of the clause that
holds it. But *Le ministre a averti que la compagnie Sonagaz pourrait réduire « dès janvier »
ses livraisons*: the clause holding the fragment is what the minister said (the cue's own
que-clause), and its subject is what he talks about, not a speaker. Only when the verb of
that reported clause reports speech itself (*a raconté que le préfet lui avait lancé « … »*)
does the fragment go to its subject.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from veille.analysis.lang.fr.words import CONJUNCTION_HEADS, QUE_TOKENS
from veille.analysis.quotes.lexicon import CueLexicon
from veille.analysis.syntax.tense import feature

if TYPE_CHECKING:
    from veille.analysis.quotes.context import QuoteContext


def clause_verb(ctx: QuoteContext, cue: Token, offset: int) -> Token | None:
    """Return the finite verb of a later clause of the cue's sentence that holds the fragment
    at ``offset``, when a named person or organisation is its subject and the clause is not
    the cue's own reported clause; else None (the cue's subject speaks)."""
    for token in reversed(ctx.parsed[cue.i + 1 : ctx.token_after(offset)]):
        if token.pos_ != "VERB" or "Fin" not in feature(token, "VerbForm"):
            continue
        subject = ctx.resolver.subject_of(token)
        if subject is None or not cue.i < subject.i < token.i:
            return None
        start, end = ctx.speaker_phrase(subject)
        named = ctx.resolver.mentions_in(start, end)
        if not any(e.type in ("PER", "ORG") for _s, _e, _m, e in named):
            return None
        said = ctx.lexicon.cue(token)
        if _reported(ctx, cue, subject) and (said is None or said.scope != "all"):
            return None  # a averti que Sonagaz pourrait réduire « … »: the warner's words
        return token
    return None


def _reported(ctx: QuoteContext, cue: Token, subject: Token) -> bool:
    """Return True when a completive *que* opens the clause between the cue and the subject
    (a averti mercredi que la compagnie …), not a conjunction (tandis que, alors que) nor a
    relative after a comma."""
    for token in ctx.parsed[cue.i + 1 : subject.left_edge.i + 1]:
        if token.lower_ in QUE_TOKENS and ctx.inside_mark(token.idx) is None:
            before = ctx.parsed[token.i - 1]
            return before.lower_ not in CONJUNCTION_HEADS and before.text != ","
    return False


def in_reported_clause(lexicon: CueLexicon, tokens: Doc, lo: int, i: int) -> bool:
    """Return True when token ``i`` stands in the que-clause of a cue of speech before it in
    [lo, i) (a assuré que la SNCF reprendrait le trafic « dans les meilleurs délais »): a verb
    there is what is reported, so its sense as an incise cue (reprend-il) is not meant unless
    the fragment is its object right after it (lui avait lancé « … »: the caller's test). The
    clause is the parse's (Des témoins affirment que … ; la préfecture parle d'« … »: the
    second clause is not inside the first one's)."""
    verb = tokens[i]
    for j in range(i - 1, max(lo, 1) - 1, -1):
        if tokens[j].lower_ in QUE_TOKENS:
            cue = lexicon.cue(tokens[j - 1])
            clause = tokens[j].head  # the verb of the que-clause, which must hold the token
            if cue is not None and cue.scope == "all" and (clause == verb or clause in verb.ancestors):
                return True
    return False


def reporting_cue(ctx: QuoteContext, verb: Token, lo: int) -> Token | None:
    """Return the cue of speech whose que-clause holds the cue ``verb`` (in [lo, verb)) when
    ``verb``'s subject names nobody (Le médecin assure que les grévistes réclament « … »: the
    doctor is the source the reader hears, les grévistes a group no name identifies); else None.
    A named subject keeps its own words (X a dit que le ministre Y a déclaré « … »)."""
    subject = ctx.resolver.subject_of(verb)
    if subject is None or not verb.i > subject.i:
        return None
    start, end = ctx.speaker_phrase(subject)
    inside = ctx.resolver.mentions_in(start, end)
    if any(any(m.kind == "name" for m in e.mentions) for _s, _e, _m, e in inside):
        return None
    tokens = ctx.parsed
    for j in range(subject.left_edge.i - 1, max(lo, 1) - 1, -1):
        if tokens[j].lower_ in QUE_TOKENS and ctx.inside_mark(tokens[j].idx) is None:
            outer = tokens[j - 1]
            cue = ctx.lexicon.cue(outer)
            if cue is None or cue.scope != "all" or tokens[j].head != verb:
                return None
            return outer if ctx.resolver.subject_of(outer) is not None else None
            return None
    return None
