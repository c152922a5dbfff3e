"""Attribute a quoted fragment that has no reporting verb of its own in its clause.

Two constructions of French news give the fragment's source without a finite cue:
1. a reporting participle carrying the fragment, its agent after it: *La réforme, jugée
   « inacceptable » par la CGT, sera examinée mardi*; *un plan qualifié de « brutal » par les
   élus* (the passive of a verb of judging or saying, the agent its speaker);
2. a phrase that points to the words of the person just named: *Le projet est, selon ses
   mots, « mort-né »*; *pour reprendre ses termes*; *selon sa propre formule*.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from veille.analysis.lang.fr.morphology import PARTICIPLE_ENDINGS
from veille.analysis.quotes.context import Candidate, QuoteContext
from veille.analysis.quotes.marks import MarkedSpan
from veille.analysis.syntax.tense import feature

# At most this many tokens between the participle and the opening mark (qualifié d' « …).
_PARTICIPLE_GAP = 3
# At most this many tokens between the closing mark and par (« … » tant par X que …).
_AGENT_GAP = 2
# A participle, par and its agent, then comme or de (d'avoir) right before the opening mark:
# dénoncée par l'UE comme « … », qualifié par la CGT de « … », accusées par elle d'avoir « … ».
_AGENT_FIRST = re.compile(
    r"\b([a-zàâçéèêëîïôûùüœ]+(?:é|i|u|is|it)(?:e|s|es)?)\s+par\s+([^,;:«»()]{2,60}?)\s+"
    r"(?:comme|de|d['’](?:avoir(?:\s+été)?)?)\s*$"
)
# The phrases that point to the words of the person just named.
_OWN_WORDS = re.compile(
    r"\b(?:[Ss]elon|[Pp]our reprendre|[Dd]['’]après|[Ss]uivant) (?:ses|son|sa|leurs?) "
    r"(?:propres )?(?:mots|termes|expression|formule|propos)\b"
)


def agent_fragment(ctx: QuoteContext, mark: MarkedSpan, sent_start: int) -> Candidate | None:
    """Return the fragment a reporting participle carries, its speaker the agent after it
    (jugée « inacceptable » par la CGT), else None."""
    lo = ctx.token_after(sent_start)
    hi = ctx.token_after(mark.open)
    participle = None
    for token in reversed(ctx.parsed[max(lo, hi - _PARTICIPLE_GAP) : hi]):
        # jugée: the tagger may read a participle used as an adjective as ADJ, with no VerbForm
        participial = "Part" in feature(token, "VerbForm") or token.lower_.endswith(PARTICIPLE_ENDINGS)
        if token.pos_ in ("VERB", "ADJ") and participial and not token.lower_.endswith("ant"):
            participle = token
            break
    cue = ctx.lexicon.cue(participle) if participle is not None else None
    if participle is None or cue is None:
        return _agent_first(ctx, mark, sent_start)
    sent_end = ctx.sentence_end(mark.outer_end)
    after = ctx.token_after(mark.outer_end)
    for token in ctx.parsed[after : min(after + _AGENT_GAP, ctx.token_after(sent_end))]:
        if token.lower_ == "par":
            start = token.idx + len(token)
            while start < sent_end and ctx.text[start] == " ":
                start += 1
            end = ctx.np_end(start, sent_end)
            while end > start and ctx.text[end - 1] in " .,;":
                end -= 1
            if end > start:
                return Candidate(
                    "mixed", mark.start, mark.end, cue.lemma, "phrase", (start, end), participle.idx
                )
    return None


def _agent_first(ctx: QuoteContext, mark: MarkedSpan, sent_start: int) -> Candidate | None:
    """Return the fragment of a reporting participle whose agent comes before it, joined by
    comme or de (une arrestation dénoncée par l'UE comme « … »; accusées par elle d'avoir
    « … »; un texte qualifié par la CGT de « … »), its speaker the agent; else None."""
    found = _AGENT_FIRST.search(ctx.text[sent_start : mark.open])
    if found is None:
        return None
    participle = ctx.parsed[ctx.token_after(sent_start + found.start(1))]
    cue = ctx.lexicon.cue(participle)
    if cue is None or ctx.marks_in(sent_start + found.start(), mark.open):
        return None
    start, end = sent_start + found.start(2), sent_start + found.end(2)
    return Candidate("mixed", mark.start, mark.end, cue.lemma, "phrase", (start, end), participle.idx)


def own_words(ctx: QuoteContext, mark: MarkedSpan, sent_start: int) -> bool:
    """Return True when the fragment's sentence points to the words of the person just named
    (selon ses mots, pour reprendre ses termes) before the fragment."""
    return _OWN_WORDS.search(ctx.text, sent_start, mark.open) is not None


def passive_agent(ctx: QuoteContext, verb: Token) -> Token | None:
    """Return the agent of a passive participle that can speak (Une critique balayée par X :
    « … »; Un argument repris par la CGT : « … »), else None: the agent did the saying, not
    the noun the participle qualifies."""
    passive = verb.dep_ == "acl" or any(c.dep_ == "aux:pass" for c in verb.children)
    if not passive or "Part" not in feature(verb, "VerbForm"):
        return None
    agent = next((c for c in verb.children if c.dep_ == "obl:agent"), None)
    return agent if agent is not None and ctx.resolver.can_speak(agent) else None
