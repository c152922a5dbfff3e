"""Find speech a colon introduces after a stance, not a verb of saying.

French news introduces a statement with the speaker's attitude as often as with a reporting
verb: *Le maire est catégorique : il n'y aura pas de hausse.*, *La directrice se montre
prudente : …*, *Le sénateur a une certitude : le texte sera censuré.* The predicate before the
colon is a copula with an adjective (être, se montrer, se dire, se vouloir, rester, paraître,
sembler, demeurer: the French copular verbs, Riegel, Pellat & Rioul, Grammaire méthodique du
français, ch. VIII, l'attribut du sujet) or *avoir* with a statement noun (quote_words.tsv
``noun-*``: une conviction, une certitude, un regret). Its subject must be able to speak; what
follows the colon must be a clause. Marked quotations after such a colon are attributed by the
stage itself (the colon's introducer, stage._last_verb; a copula, colon.copula_subject).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from veille.analysis.lang.fr.morphology import infinitive_guesses
from veille.analysis.lang.fr.words import QUE_TOKENS, SUBJECT_PRONOUNS
from veille.analysis.quotes.context import Candidate, QuoteContext
from veille.analysis.syntax.tense import feature
from veille.analysis.syntax.view import token_view

# Copular verbs (lemmas) whose adjective attribute states the subject's attitude.
_COPULAS = frozenset({"être", "paraître", "sembler", "rester", "demeurer", "montrer", "dire", "vouloir"})
# The pronominal copulas need their clitic (se montrer prudent; montrer alone is not a copula).
_PRONOMINAL = frozenset({"montrer", "dire", "vouloir"})
# At most this many tokens between the attribute (or the noun) and the colon (sur ce point).
_GAP = 4
_MIN_WORDS = 4
# The forms of que a stance's clause opens with (est certain que, qu'il).


def stance_colon(ctx: QuoteContext, token: Token) -> list[Candidate]:
    """Return the statement after a colon introduced by a stance whose head is ``token``: an
    adjective attribute (est catégorique, se montre prudente) or a statement noun object of
    avoir (a une conviction). None when the sentence is narration (Le bilan est lourd : …)."""
    if ":" not in token_view(ctx.parsed).text[token.i + 1 : token.i + 1 + _GAP]:
        return []  # no colon near (_colon_after): asked of every adjective, noun and verb
    if ctx.paragraph(token.idx)[2] or ctx.inside_mark(token.idx) is not None:
        return []
    verb = _stance_verb(ctx, token)
    if verb is None:
        return []
    colon = _colon_after(ctx, token)
    if colon is None:
        return []
    start, end = ctx.rest_of_sentence(colon.idx + 1)
    if ctx.marks_in(colon.idx, end) or len(ctx.text[start:end].split()) < _MIN_WORDS:
        return []
    clause = ctx.parsed[ctx.token_after(start) : ctx.token_after(end)]
    if not any(t.pos_ in ("VERB", "AUX") and "Fin" in feature(t, "VerbForm") for t in clause):
        return []  # a une certitude : la victoire: a noun phrase, not a statement
    subject = _subject(ctx, token, verb)
    if subject is None or subject.i > verb.i or not speaks(ctx, subject):
        return []
    phrase = ctx.speaker_phrase(subject)
    lemma = _copula(verb) or verb.lemma_.lower()
    return [Candidate("indirect", start, end, lemma, "phrase", phrase, verb.idx)]


def stance_que(ctx: QuoteContext, token: Token) -> list[Candidate]:
    """Return the que-clause of an adjective of conviction after a copula (Le maire est
    certain que …, La ministre se dit persuadée que …, X est convaincu que …): what the
    subject holds true, reported as its own statement. Not the impersonal *il est certain
    que* (no one speaks), and only a subject that can speak."""
    lower = token_view(ctx.parsed).lower
    if token.i + 1 >= len(lower) or lower[token.i + 1] not in QUE_TOKENS:
        return []
    if ctx.paragraph(token.idx)[2] or ctx.inside_mark(token.idx) is not None:
        return []
    if not _masculine(token.lower_, token.lemma_.lower()) & ctx.lexicon.word_class("conviction"):
        return []
    verb = _stance_verb(ctx, token)
    if verb is None:
        return []
    subject = _subject(ctx, token, verb)
    if subject is None or subject.i > verb.i or not speaks(ctx, subject):
        return []
    if subject.lower_ == "il" and _copula(verb) == "être" and token.lower_ in ("certain", "sûr"):
        return []  # il est certain que: impersonal
    view = token_view(ctx.parsed)
    start = view.idx[token.i + 1] + len(view.text[token.i + 1])  # after the que
    while start < len(ctx.text) and ctx.text[start] == " ":
        start += 1
    end = ctx.rest_of_sentence(start)[1]
    if end - start < 10:
        return []
    lemma = _copula(verb) or verb.lemma_.lower()
    return [Candidate("indirect", start, end, lemma, "phrase", ctx.speaker_phrase(subject), verb.idx)]


def _stance_verb(ctx: QuoteContext, token: Token) -> Token | None:
    """Return the copula or avoir of a stance headed by ``token``, else None."""
    if token.pos_ == "NOUN" and token.dep_ == "obj" and ctx.lexicon.noun_cue(token.lower_) is not None:
        head = token.head
        if head.lemma_ == "avoir" and head.pos_ in ("VERB", "AUX"):
            return head  # a une conviction, a un regret
        return None
    if not _masculine(token.lower_, token.lemma_.lower()) & ctx.lexicon.word_class("stance"):
        return None
    cop = next((c for c in token.children if c.dep_ in ("cop", "aux:pass")), None)
    if cop is not None and _copula(cop) == "être":
        # est catégorique: the adjective heads the clause (tagged ADJ or VERB); en est
        # convaincu: a participle used as an adjective, which the parser reads as a passive
        return cop
    head = token.head
    if token.dep_ in ("xcomp", "obj", "acl", "advcl") and head.pos_ in ("VERB", "AUX") and _copula(head):
        if _copula(head) in _PRONOMINAL and not any(c.lower_ in ("se", "s'", "s’") for c in head.children):
            return None  # montrer alone is no copula
        return head  # se montre prudente, reste sceptique
    return None


def _copula(verb: Token) -> str | None:
    """Return the copular lemma of a verb form (montre → montrer), else None."""
    for lemma in (verb.lemma_.lower(), *infinitive_guesses(verb.lower_)):
        if lemma in _COPULAS:
            return lemma
    return None


@lru_cache(maxsize=1 << 14)
def _masculine(word: str, lemma: str) -> frozenset[str]:
    """Return the forms an adjective may have in the masculine singular (prudente → prudent,
    inquiète → inquiet, combative → combatif, soucieuse → soucieux). Asked of every
    adjective, noun and verb of an article: each (form, lemma) is worked out once."""
    forms = {word, lemma}
    for end, repl in (("es", ""), ("s", ""), ("e", ""), ("ète", "et"), ("ive", "if"), ("euse", "eux")):
        for form in list(forms):
            if form.endswith(end):
                forms.add(form[: -len(end)] + repl)
    return frozenset(forms)


def _colon_after(ctx: QuoteContext, token: Token) -> Token | None:
    """Return the colon right after the stance (a few words may stand between), else None."""
    for nxt in ctx.parsed[token.i + 1 : token.i + 1 + _GAP]:
        if nxt.text == ":":
            return nxt
        if nxt.pos_ in ("VERB", "AUX") or nxt.text in '.;!?«»"“”' or nxt.is_sent_start:
            return None
    return None


def _subject(ctx: QuoteContext, token: Token, verb: Token) -> Token | None:
    """Return the subject of the stance: the adjective's (est catégorique) or the verb's."""
    for head in (token, verb):
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if subject is not None:
            return subject
    return ctx.resolver.subject_of(verb)


def speaks(ctx: QuoteContext, subject: Token) -> bool:
    """Return True for a subject that can be a source: a personal pronoun, a phrase holding a
    person or organisation, a person or organisation noun (not le bilan, le constat)."""
    if subject.pos_ == "PRON":
        return subject.lower_ in SUBJECT_PRONOUNS
    return ctx.resolver.can_speak(subject)
