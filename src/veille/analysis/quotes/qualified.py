"""Ways news hands a quoted fragment to a speaker that the parse often loses.

1. **Qualified object.** A reporting verb, its direct object, then the speaker's own word for
   that object in marks: *X juge la décision du ministère « disproportionnée »*, *a défendu
   mercredi un texte « équilibré »*, *a condamné dans un communiqué une intervention
   « brutale »*. Adverbials (a day, *dans un communiqué*) may stand between the verb and its
   object, and the object may carry de-complements, so a window of a few words misses it and
   the small parser hangs the object anywhere. The object is a determiner no preposition
   governs (*a réagi à une vidéo « glaçante »*: what is reacted to, not what is said).
2. **Appraisal with a postposed pour.** *Une situation « intenable » pour le maire, Paul
   Roux, qui …*: a verbless sentence opened by an indefinite noun phrase, the fragment, then
   *pour* and a named person or a speaking description: the judgement is that person's.
3. **Relative judgement.** *un arrêté que X juge « illégal »*, *un projet que X présente
   comme « … »* (a verb with an attribute of its object): the subject of the relative
   clause speaks.

A quoted predicate (*X « conteste fermement » la décision*, marks that open on the reporting
verb) was read too in the tenth session and dropped: on the blind set gold18 it found one more
quote with a wrong speaker, which took its speaker accuracy below its floor (docs/quotes.md).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from veille.analysis.lang.fr.words import QUE_TOKENS, RELATIVE_PRONOUNS, SUBJECT_PRONOUNS
from veille.analysis.quotes.context import Candidate, QuoteContext
from veille.analysis.quotes.marks import MarkedSpan
from veille.analysis.quotes.misread import noun_before_object
from veille.analysis.syntax.tense import feature

# At most this many words between the reporting verb and the marks (verb, adverbials, object).
_MAX_OBJECT_WORDS = 12
# Words that end the search: a clause boundary between the verb and the object.
_CLAUSE_WORDS = RELATIVE_PRONOUNS | QUE_TOKENS
# Cue classes of scope incise that still judge their object (a condamné une attaque « … »).
_JUDGING = frozenset({"accuse", "praise", "say", "explain", "think"})
# A verbless opening of an appraisal: an indefinite article and at most two words before the marks.
# (or nothing: « Une faute politique » pour X; or c'est: C'est « une faute » pour X).
_APPRAISAL_OPENING = re.compile(r"\s*(?:(?:Une?|Des|C['’]est(?:\s+une?)?)(?:\s+[\w'’-]+){0,2}\s*)?", re.S)
_POSTPOSED_POUR = re.compile(r"\s+pour\s+")
# The first words of the phrase after pour that may name a person's description (le maire).
_FIRST_WORDS = 2


def qualified_object(ctx: QuoteContext, mark: MarkedSpan, sent_start: int) -> Token | None:
    """Return the reporting verb whose direct object the fragment in ``mark`` qualifies (an
    adjective or a participle in marks right after the object's noun), else None."""
    lo, hi = ctx.token_after(mark.start), ctx.token_after(mark.end)
    words = [t for t in ctx.parsed[lo:hi] if t.pos_ != "PUNCT"]
    while words and words[0].pos_ == "ADV" and len(words) > 1:
        words = words[1:]  # « non discriminatoire », « très prudente »
    if not words or not words[0].text[:1].islower():
        return None
    first = words[0]
    relative = first.lower_ in ("qui", "dont")  # a condamné ces dégradations, « qui ne sont pas … »
    if (
        first.pos_ != "ADJ"
        and not relative
        and not (first.pos_ == "VERB" and "Part" in feature(first, "VerbForm"))
    ):
        return None
    opening = ctx.token_after(mark.open)
    noun = opening - 1
    if relative and noun > 0 and ctx.parsed[noun].text == ",":
        noun -= 1
    if noun > 0 and ctx.parsed[noun].pos_ == "ADJ":
        noun -= 1  # une intervention policière « … »
    if noun < 0 or ctx.parsed[noun].pos_ != "NOUN":
        return None  # the fragment qualifies the noun just before it
    start = ctx.token_after(sent_start)
    direct = False
    for j in range(noun, max(start, noun - _MAX_OBJECT_WORDS) - 1, -1):
        token = ctx.parsed[j]
        if ctx.inside_mark(token.idx) is not None or token.lower_ in _CLAUSE_WORDS or token.text in ";:.!?":
            return None
        if token.pos_ == "DET" and j > 0 and ctx.parsed[j - 1].pos_ != "ADP":
            direct = True  # a determiner no preposition governs: the direct object
        if token.pos_ in ("VERB", "AUX") or ctx.lexicon.cue(token) is not None:
            return token if direct and _judges(ctx, token) else None
    return None


def _judges(ctx: QuoteContext, token: Token) -> bool:
    """Return True for a cue that reports the speaker's words on its object: a cue of scope
    all, or an incise cue of judging (condamner), read as a verb or as a misread noun (juge)."""
    cue = ctx.lexicon.cue(token)
    if cue is None or any(c.dep_ == "aux:pass" for c in token.children):
        return False
    if cue.scope != "all" and not (cue.scope == "incise" and cue.cls in _JUDGING):
        return False
    if token.pos_ == "VERB":
        return "Inf" not in feature(token, "VerbForm")
    return noun_before_object(token) or misread_after_pronoun(token)


def misread_after_pronoun(token: Token) -> bool:
    """Return True for a present-tense cue read as a noun right after a subject pronoun
    (Elle juge toutefois la gestion « prudente »): no noun follows a bare il or elle."""
    return (
        token.i > 0
        and token.doc[token.i - 1].lower_ in SUBJECT_PRONOUNS
        and token.lower_.endswith(("e", "ent"))
    )


def fallback_subject(ctx: QuoteContext, verb: Token, sent_start: int) -> Token | None:
    """Return the subject of a reporting verb the parse left without one: the subject pronoun
    just before a verb misread as a noun (Elle juge …), else the head of the noun phrase that
    opens the sentence when no other verb stands between it and the verb (Le syndicat a, lui,
    condamné …: the stressed pronoun between commas broke the parse)."""
    if misread_after_pronoun(verb):
        return verb.doc[verb.i - 1]
    start = ctx.token_after(sent_start)
    tokens = ctx.parsed[start : verb.i]
    if any(t.pos_ == "VERB" or t.lower_ in _CLAUSE_WORDS for t in tokens):
        return None
    for token in tokens:
        if token.pos_ in ("NOUN", "PROPN"):
            return token
        if token.pos_ not in ("DET", "ADJ"):
            return None
    return None


def postposed_pour(ctx: QuoteContext, mark: MarkedSpan, sent_start: int) -> Candidate | None:
    """Return the fragment of *Une situation « … » pour X, …* with X as its speaker, when X
    names a person (or is a person's description), else None."""
    if not _APPRAISAL_OPENING.fullmatch(ctx.text, sent_start, mark.open):
        return None
    pour = _POSTPOSED_POUR.match(ctx.text, mark.outer_end)
    if pour is None:
        return None
    sent_end = ctx.sentence_end(mark.outer_end)
    end = ctx.np_end(pour.end(), sent_end)
    if end <= pour.end():
        return None
    named = ctx.resolver.mentions_in(pour.end(), end)
    head = re.findall(r"[\w-]+", ctx.text[pour.end() : end].lower())[:_FIRST_WORDS]
    # a person only: Un « jour noir » pour la commune, pour les entreprises is what befalls them
    if any(e.type == "PER" for _s, _e, _m, e in named) or set(head) & ctx.lexicon.word_class("person"):
        return Candidate("mixed", mark.start, mark.end, "pour", "phrase", (pour.end(), end), pour.start())
    return None


# At most this many words in the subject between a relative que and its verb.
# The words of an aside between a relative's subject and its verb (sorti affaibli des urnes).
_ASIDE_WORDS = 8
_RELATIVE_SUBJECT_WORDS = 6


def relative_judgement(ctx: QuoteContext, mark: MarkedSpan) -> Candidate | None:
    """Return the fragment of *un arrêté que l'opposition juge « illégal »* with the subject of
    the relative clause as its speaker: a cue in the present right before the marks (after an
    adverb), a relative que before it, a noun phrase between them. The tagger reads such a
    juge as a noun hung on the subject, so the parse cannot be asked."""
    j = ctx.token_after(mark.open) - 1
    if j > 0 and ctx.parsed[j].lower_ == "comme":
        j -= 1  # un projet que l'agence présente comme « … »: the attribute of a verb of qualification
    while j > 0 and ctx.parsed[j].pos_ == "ADV":
        j -= 1
    verb = ctx.parsed[j] if j > 0 else None
    if verb is None or not verb.text.islower() or not verb.lower_.endswith(("e", "ent")):
        return None
    cue = ctx.lexicon.cue(verb)
    if cue is None or cue.scope != "all":
        return None
    end = _before_aside(ctx, j)  # que le parti, sorti affaibli des urnes, juge « … »
    lo = max(end - 1 - _RELATIVE_SUBJECT_WORDS, 0)
    for k in range(end - 1, lo - 1, -1):
        token = ctx.parsed[k]
        if token.lower_ in QUE_TOKENS:
            subject = next((t for t in ctx.parsed[k + 1 : end] if t.pos_ in ("NOUN", "PROPN")), None)
            before = ctx.parsed[k - 1] if k > 0 else None
            if subject is None or before is None or before.pos_ not in ("NOUN", "PUNCT", "ADJ"):
                return None  # a relative que follows its antecedent (or the comma of an aside)
            if any(t.pos_ in ("VERB", "AUX") for t in ctx.parsed[k + 1 : end]):
                return None
            # the words between que and the verb, not the parse's subtree (it hangs juge on them)
            last = ctx.parsed[end - 1]
            phrase = (ctx.parsed[k + 1].idx, last.idx + len(last))
            return Candidate("mixed", mark.start, mark.end, cue.lemma, "phrase", phrase, verb.idx)
        if token.pos_ not in ("DET", "NOUN", "PROPN", "ADJ", "ADP"):
            return None
    return None


def _before_aside(ctx: QuoteContext, j: int) -> int:
    """Return the index where the relative's subject ends before the verb at ``j``: past an
    aside between commas (que le parti, sorti affaibli des urnes, juge « … »: an apposition
    to the subject, which may hold a participle), else ``j`` itself."""
    if j < 2 or ctx.parsed[j - 1].text != ",":
        return j
    for k in range(j - 2, max(j - 2 - _ASIDE_WORDS, 0), -1):
        token = ctx.parsed[k]
        if token.text == ",":
            return k
        if token.lower_ in QUE_TOKENS or token.is_sent_start:
            return j
        if ctx.inside_mark(token.idx) is not None:
            return j
    return j
