"""Find the reporting verb that governs a quoted fragment through the dependency parse.

A word or short phrase in marks is a quotation when a verb of saying, judging or naming takes
it as its object or as the attribute of its object: the speaker's own word for a thing.
French news does this constantly, often with a noun between the verb and the marks, which a
window of a few words misses:
- *le club, qui parle d'une sanction « disproportionnée »* (the attribute of the noun that
  the verb of designation takes);
- *l'élu l'avait traitée d'« incompétente »*, *a taxé la réforme de « bricolage »* (the
  attribute of the object of a verb of designation, `lang/fr/data/quote_words.tsv`);
- *une décision que le syndicaliste juge « indigne »* (juger read as the noun *juge*);
- *a imputé les violences à des « casseurs »* is not taken: imputer is no verb of saying.
The fragment's words hang from the verb through nouns, adjectives and prepositions only (no
other verb between), so *a réagi à une « vidéo »* (réagir: no cue) and *a signé le
« pacte »* (signer: no cue) stay scare quotes, and a title after its noun (*le film
« … »*) is stopped earlier by the blocker words.
"""

from __future__ import annotations

from spacy.tokens import Token

from veille.analysis.lang.fr.words import OF_TOKENS
from veille.analysis.quotes.context import QuoteContext
from veille.analysis.quotes.marks import MarkedSpan
from veille.analysis.syntax.tense import feature

# Dependency relations through which a fragment may hang from its verb: the object, an
# oblique argument (parle d'une …), the attribute (traitée d'« … »), and inside the noun
# phrase its modifiers and complements.
_PATH = frozenset({"obj", "obl:arg", "obl", "xcomp", "amod", "nmod", "appos", "acl", "case", "det"})
# At most this many steps up from the fragment to its verb.
_MAX_STEPS = 4
# Relations of a verb's object or of its attribute (traitée d'« incompétente »: xcomp).
_OBJECTS = frozenset({"obj", "xcomp", "ccomp"})
# Tags a present-tense cue may wrongly carry (juge, estime read as nouns).
_MISREAD = frozenset({"NOUN", "ADJ"})


def governing_cue(ctx: QuoteContext, mark: MarkedSpan) -> Token | None:
    """Return the verb of saying or designation whose object (or the object's attribute) is
    the fragment in ``mark``, else None."""
    lo, hi = ctx.token_after(mark.start), ctx.token_after(mark.end)
    inside = set(range(lo, hi))
    roots = [t for t in ctx.parsed[lo:hi] if t.head.i not in inside and t.pos_ != "PUNCT"]
    if not roots:
        return None
    token = roots[0]
    for _ in range(_MAX_STEPS):
        if token.dep_ not in _PATH or token.head.i == token.i:
            break
        head = token.head
        if ctx.inside_mark(head.idx) is not None:
            break
        if _speaks(ctx, head, token):
            return head
        if head.pos_ in ("VERB", "AUX"):
            break  # another verb between: the fragment is that verb's, and it says nothing
        token = head
    return _support_verb(ctx, lo, hi)


# At most this many words between a support verb and the marks (a présenté jeudi dernier ses).
_SUPPORT_GAP = 4


def _support_verb(ctx: QuoteContext, lo: int, hi: int) -> Token | None:
    """Return the support verb of a noun of a speech act in marks (a présenté jeudi dernier ses
    « excuses sincères »; a apporté son « plein soutien »): the last verb before the marks,
    only determiners, adjectives, adverbs and the words of a time expression between (the
    parser often hangs the noun on the day), when the fragment's first noun is such an act
    (quote_words.tsv, classes support and act)."""
    acts = ctx.lexicon.word_class("act")
    noun = next((t for t in ctx.parsed[lo:hi] if t.pos_ == "NOUN"), None)
    if noun is None or (noun.lower_ not in acts and noun.lemma_ not in acts):
        return None
    timex = [(t.start, t.end) for t in ctx.doc.timexes]
    for token in reversed(ctx.parsed[max(lo - 1 - _SUPPORT_GAP, 0) : lo - 1]):
        if token.pos_ in ("VERB", "AUX"):
            return token if token.lemma_ in ctx.lexicon.word_class("support") else None
        dated = any(s <= token.idx < e for s, e in timex)
        if token.pos_ not in ("DET", "ADJ", "ADV") and not dated:
            return None
    return None


def _speaks(ctx: QuoteContext, head: Token, child: Token) -> bool:
    """Return True when ``head`` reports speech that takes the fragment: a cue verb whose
    object or attribute holds it, a verb of designation whose de-complement holds it, or a
    cue the tagger read as a noun in a sentence left with no finite verb."""
    cue = ctx.lexicon.cue(head)
    if head.dep_ == "acl" or any(c.dep_ == "aux:pass" for c in head.children):
        return False  # une ville considérée comme un « bastion »: a passive with no speaker
    if "Inf" in feature(head, "VerbForm") and any(c.lower_ == "pour" for c in head.children):
        return False  # pour reprendre ses mots, « … »: the words of the person named (agent.own_words)
    if head.pos_ == "VERB":
        if head.lemma_ in ctx.lexicon.word_class("designate"):
            return child.dep_ in _OBJECTS or _preposition(child) in OF_TOKENS  # parle d'un « … »
        if cue is None or (ctx.lexicon.cues[cue.lemma].scope == "se" and cue.scope != "all"):
            return False  # a étonné « les plus sceptiques »: a pronominal cue without its clitic
        return child.dep_ in _OBJECTS  # not a réagi à une « vidéo »
    if head.pos_ not in _MISREAD or cue is None or head.i == 0 or child.dep_ not in ("amod", "acl"):
        return False
    # que X, présidente de …, juge « injuste »: the verb juge after its subject, in a sentence
    # where the parser found no finite verb (Paul Morin, juge à Lyon, a pris … has one).
    before = ctx.parsed[head.i - 1]
    if before.pos_ != "PROPN" and before.text != ",":
        return False
    sentence = head.sent
    return not any(
        t.pos_ in ("VERB", "AUX") and "Fin" in feature(t, "VerbForm") and ctx.inside_mark(t.idx) is None
        for t in sentence
    )


def _preposition(token: Token) -> str:
    """Return the preposition that opens a noun phrase (its case child), lower-cased, or ''."""
    return next((c.lower_ for c in token.children if c.dep_ == "case"), "")
