"""Find indirect quotations: reported clauses with no quotation marks.

Three constructions, each with its content span:
1. *X a déclaré que …* (also participles: *estimant que*, *en avertissant que*): the clause
   after *que*, to the end of the sentence or to an incise or *selon*.
2. *…, précise l'OFAG.* (an inverted incise closing the sentence): from the sentence start
   (after an opening adverbial such as *De plus,*) to the comma.
3. *Selon X, …* / *…, selon X.* / *d'après X*: the rest of the sentence; so too the view
   openers that begin a sentence, *Pour X, …*, *Aux yeux de X, …*, *De l'avis de X, …*,
   *À en croire X, …*, when X is a person or an organisation.
A clause holding quotation marks is left to the mixed quotation inside it.
"""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Doc, Token

from veille.analysis.lang.fr.words import CONJUNCTION_HEADS, QUE_TOKENS
from veille.analysis.quotes.context import Candidate, QuoteContext
from veille.analysis.quotes.coordinated import (
    coordinated_clauses,
    finite_after,
    in_relative_aside,
    reporting_participle,
    resumes_after,
    resumptive_apposition,
)
from veille.analysis.quotes.fronted import fronted_comme, may_speak, said_before
from veille.analysis.quotes.lexicon import CUE_TAGS, LIGHT_VERBS, Cue
from veille.analysis.quotes.misread import finite_before_que
from veille.analysis.quotes.relative import relative_que
from veille.analysis.quotes.selon import (
    OPENER_WORDS,
    VIEW_OPENERS,
    finite_in,
    selon,
    skip_opener,
    subject_then_predicate,
    view_opener,
)
from veille.analysis.quotes.stance import stance_colon, stance_que
from veille.analysis.quotes.written import learnt_statements
from veille.analysis.syntax.tense import feature
from veille.analysis.syntax.view import token_view

_QUE = frozenset({"que", "qu'", "qu’"})
# What follows a verb's object when the verb is the main verb of its sentence, not an incise
# closing it: a de-infinitive (accuse X d'avoir …, somme X de partir); not marks, which may
# hold the name of the subject (rappelle le quotidien « The Daily Ledger »).
VERB_COMPLEMENT = re.compile(
    r"\s*(?:d['’]\s*(?:avoir|être|[\w-]+(?:er|ir|re))\b|de\s+(?:ne\s+pas\s+|ne\s+)?[\w-]+(?:er|ir|re|oir)\b)"
)
# An à-infinitive after the phrase a verb is followed by: the complement of the verbs that push
# their object to act (appelle la Commission à rendre …, invite X à revoir …, exhorte X à …:
# Riegel, Pellat & Rioul, verbes à complément d'objet suivi d'un infinitif). No inverted subject
# takes one, so the phrase is the verb's object and the verb the main one, no incise. A
# lower-case word right after à (or its clitic), never notre or votre; up to the next comma.
_TO_INFINITIVE = re.compile(
    r"[^,;:«»]*?\sà\s+(?:ne\s+pas\s+)?(?:s['’]|se\s+|y\s+|en\s+)?(?!notre\b|votre\b)"
    r"[a-zàâçéèêëîïôûùüœ-]+(?:er|ir|re|oir)\b"
)
_REFLEXIVE = frozenset({"s'", "s’", "se", "me", "m'", "m’", "te", "t'"})
_REFLEXIVE_CUES = frozenset({"inquiéter", "réjouir", "exclamer"})
# C'est ce qu'a déclaré X, opening the sentence after the statement it attributes.
# Cue classes whose verbs report speech with a bare infinitive (affirme avoir …).
_INFINITIVE_CLASSES = frozenset(
    {"say", "admit", "deny", "announce", "confirm", "think", "insist", "explain", "write"}
)
# Negation and clitics between the cue and its infinitive (affirme ne pas en avoir eu).
_BEFORE_INFINITIVE = frozenset(
    {"ne", "n'", "n’", "pas", "jamais", "plus", "rien", "guère", "en", "y", "l'", "l’", "les", "lui", "leur"}
)
# Infinitives of intention or ability that are not a statement on their own (dit vouloir).
_NOT_REPORTED = frozenset({"vouloir", "pouvoir", "devoir", "aller", "savoir", "faire"})
# Cue classes whose que-clause is a feared possibility in the subjunctive, often with the
# expletive ne (craint que la crise ne s'étende; redoute que le blocage ne dure), not a
# reported statement: the gold guide's indirect quotation is what the speaker asserts.
_NOT_ASSERTED = frozenset({"fear"})
# Words that may stand between a cue verb and its que (a déclaré jeudi à CBC que).
_MAX_GAP_TOKENS = 10
# Verbs that take a statement noun as object: after que, they make a relative clause on it
# (la promesse que le ministre a faite, l'espoir qu'il nourrit).
_NOUN_VERBS = frozenset(
    {"faire", "tenir", "formuler", "exprimer", "donner", "nourrir", "avoir", "garder", "réitérer"}
)
# Words that may stand between a cue verb and a colon introducing speech (a tranché lundi :).
_MAX_COLON_GAP = 5
# Words an aside between commas may hold between a cue and its que (a assuré, …, que).
_MAX_ASIDE_TOKENS = 30


def find_indirect(ctx: QuoteContext, marked: list[Candidate]) -> list[Candidate]:
    """Return the indirect quotations of the document."""
    found: list[Candidate] = []
    view = token_view(ctx.parsed)
    pos, lower, idx = view.pos, view.lower, view.idx
    for i, token in enumerate(view.tokens):
        # Read off the shared view first: only a word that may be a cue (a verb, noun,
        # adjective or name), selon, d'après or a view opener's last word can open one.
        tag, word = pos[i], lower[i]
        if tag not in CUE_TAGS and word not in _OPENER_HEADS:
            continue
        if ctx.inside_mark(idx[i]) is not None:
            continue  # a reporting verb inside a quotation belongs to the quoted speaker
        cue = ctx.lexicon.cue(token)
        if cue is not None:
            found.extend(_colon_clause(ctx, token, cue))
        elif tag == "VERB" and _states_before_colon(ctx, token):
            # a fixé l'objectif : le club visera l'Europe: the verb and its object announce it
            found.extend(_colon_clause(ctx, token, Cue(token.lemma_, "say", "all")))
        if cue is not None and cue.scope == "all" and cue.cls not in _NOT_ASSERTED:
            found.extend(_que_clause(ctx, token, cue.lemma))
            found.extend(_infinitive_clause(ctx, token, cue))
            found.extend(_closing_incise(ctx, token))
        if tag == "NOUN" and ctx.lexicon.noun_cue(word) is not None:
            found.extend(_noun_clause(ctx, token))
        if tag in ("ADJ", "NOUN", "VERB"):
            found.extend(stance_colon(ctx, token))
            if i + 1 < len(lower) and lower[i + 1] in QUE_TOKENS:  # stance_que's first test
                found.extend(stance_que(ctx, token))
        if word == "selon" or (word == "après" and i > 0 and lower[i - 1] in ("d'", "d’")):
            found.extend(selon(ctx, token))
        opener = view_opener(ctx, token) if word in VIEW_OPENERS else None
        if opener is not None:
            found.extend(selon(ctx, token, opener))
    found.extend(learnt_statements(ctx))
    found.extend(said_before(ctx))
    # A clause holding a name or term in marks (a charge, a title) is still reported, up to
    # the term's closing mark.
    # A clause holding a quoted fragment gives way to the fragment's mixed quotation, but a
    # completive coordinated with it (… que A « … » et que B) is reported on its own.
    kept = []
    for c in found:
        pieces = [(c.start, c.end)]
        if c.cue != "selon" and not all(m.open in ctx.terms for m in ctx.marks_in(c.start, c.end)):
            pieces = coordinated_clauses(ctx.parsed, c.start, c.end, lambda o: ctx.inside_mark(o) is not None)
        for start, end in pieces:
            inside = ctx.marks_in(start, end)
            # Every plain piece is reported, before or after the one that holds a fragment
            # (a promis que … « … » et que …; assure que … et que « … »): ANNOTATION.md's
            # indirect quotation is the reported clause without marks (docs/quotes.md).
            if all(m.open in ctx.terms for m in inside) and end - start > 8:
                end = max([end, *(m.outer_end for m in inside)])
                kept.append(dataclasses.replace(c, start=start, end=end))
    return kept


# The words that open selon, d'après or a view opener whatever their tag. Any other word
# opens something only with a cue's tag (lexicon.CUE_TAGS, which holds the tags of the
# statement nouns and the stances too).
_OPENER_HEADS = frozenset({"selon", "après"}) | VIEW_OPENERS


def _que_clause(ctx: QuoteContext, verb: Token, lemma: str) -> list[Candidate]:
    tokens = token_view(ctx.parsed).tokens  # the view's Tokens: none made per read
    if verb.pos_ not in ("VERB", "NOUN", "ADJ") or ctx.paragraph(verb.idx)[2]:
        return []
    if verb.pos_ != "VERB" and not verb.lower_.endswith("ant") and not finite_before_que(verb):
        return []
    pronominal = lemma in _REFLEXIVE_CUES or ctx.lexicon.cues[lemma].scope == "se"
    if verb.i > 0 and tokens[verb.i - 1].lower_ in _REFLEXIVE and not pronominal:
        # s'assurer que (make sure), se demander: not a statement; the pronominal verbs of
        # speech and stated feeling (se félicite que, s'étonne que, se plaint que) are
        return []
    if any(c.dep_ == "aux:pass" for c in verb.children) and not any(
        c.dep_ in ("obl:agent",) for c in verb.children
    ):
        return []  # il a été observé que: nobody is speaking
    if verb.i > 0 and tokens[verb.i - 1].lower_ == "sans" and "Inf" in feature(verb, "VerbForm"):
        return []  # a repris l'image, sans préciser qu'il s'agissait …: what was not said
    que = _que_after_aside(ctx, verb)
    for token in tokens[verb.i + 1 : verb.i + 1 + _MAX_GAP_TOKENS] if que is None else ():
        if token.lower_ in _QUE:
            if tokens[token.i - 1].lower_ in CONJUNCTION_HEADS:
                return []  # a affirmé, alors que …: a conjunction, not the reported clause
            if tokens[token.i - 1].text == "," or tokens[token.i - 1].lower_ == "ce":
                return []  # a annoncé un plan, que …; a dit ce qu'il pensait: a relative clause
            if " " in lemma and ctx.lexicon.noun_cue(tokens[token.i - 1].lower_) is not None:
                return []  # a fait part de sa crainte que …: the statement noun's clause (_noun_clause)
            speaking = ctx.resolver.person_nouns | ctx.resolver.org_nouns | ctx.resolver.institutions
            completive = ctx.lexicon.word_class("completive") | ctx.lexicon.statement_nouns()
            if relative_que(token, speaking, completive, _in_timex(ctx, token.i - 1)):
                return []  # ne dit plus la même chose qu'il y a un an; l'influence qu'ils avaient
            que = token
            break
        if (
            token.is_sent_start
            or token.text in '.;:!?«»"'
            or (token.pos_ == "VERB" and token.dep_ != "fixed")
        ):
            return []
    if que is None:
        return []
    start = que.idx + len(que)
    while start < len(ctx.text) and ctx.text[start] in " ,":
        start += 1
    end = _clause_end(ctx, start, verb, in_relative_aside(verb))
    subject = ctx.resolver.subject_of(verb)
    phrase = ctx.speaker_phrase(subject) if subject is not None else _words_before(ctx, verb)
    how = "phrase" if phrase is not None else "none"
    return [Candidate("indirect", start, end, lemma, how, phrase, verb.idx)]


def _infinitive_clause(ctx: QuoteContext, verb: Token, cue: Cue) -> list[Candidate]:
    """Return the reported infinitive after a verb of saying (il affirme avoir prévenu la
    préfecture; ils ont annoncé avoir retrouvé deux corps; qui affirme en avoir détruit 32;
    elle s'est dite prête à revenir): French reports a statement about the speaker's own
    deed or state with a bare infinitive (or se dire + adjective) instead of a que-clause.
    Only verbs of saying, admitting, denying, announcing or thinking take it as speech (a
    demandé à partir, a promis de venir take a preposition and are left out)."""
    if cue.cls not in _INFINITIVE_CLASSES or verb.pos_ != "VERB" or ctx.paragraph(verb.idx)[2]:
        return []
    if verb.lower_.endswith("ant") or "Inf" in feature(verb, "VerbForm"):
        return []
    i = verb.i + 1
    tokens = ctx.parsed
    start_i = i
    while i < len(tokens) and tokens[i].lower_ in _BEFORE_INFINITIVE:
        i += 1
    if i >= len(tokens):
        return []
    head = tokens[i]
    infinitive = "Inf" in feature(head, "VerbForm") and head.pos_ in ("VERB", "AUX")
    stated = cue.lemma in ("dire", "déclarer") and head.pos_ == "ADJ" and reflexive_before(ctx, verb)
    if stated and head.i + 1 < len(tokens) and tokens[head.i + 1].lower_ in _QUE:
        return []  # se dit certain que …: the clause after que is the statement (stance_que)
    if not (infinitive or stated) or ctx.inside_mark(head.idx) is not None:
        return []
    if infinitive and head.lemma_ in _NOT_REPORTED and not _perfect(tokens, head):
        return []  # a dit pouvoir / vouloir venir: an intention, left to the que-clause cases
    feared = ctx.lexicon.cue(head) if infinitive else None
    if feared is not None and feared.cls in _NOT_ASSERTED:
        return []  # disent craindre que …: a fear, as the que-clause of craindre (_NOT_ASSERTED)
    subject = ctx.resolver.subject_of(verb)
    if subject is None or subject.i > verb.i:
        return []
    start = tokens[start_i].idx
    end = _clause_end(ctx, start, aside=in_relative_aside(verb))
    if end - start < 10:
        return []
    phrase = ctx.speaker_phrase(subject)
    return [Candidate("indirect", start, end, cue.lemma, "phrase", phrase, verb.idx)]


def _colon_clause(ctx: QuoteContext, verb: Token, cue: Cue) -> list[Candidate]:
    """Return the statement a colon introduces after a verb of saying, without quotation
    marks (Le maire a prévenu : il n'y aura pas de hausse; La direction a tranché lundi :
    l'usine fermera): French reports speech this way as often as with que. The verb is
    finite, its subject before it can speak, at most a few words (an adverb, a date, an
    object: a plaidé la clémence :) stand between it and the colon, and what follows is a
    clause (a finite verb, four words or more) with no quotation marks."""
    tokens = ctx.parsed
    if ":" not in token_view(tokens).text[verb.i + 1 : verb.i + 1 + _MAX_COLON_GAP]:
        return []  # no colon near (the walk below): asked of every cue, read off the view
    if verb.pos_ != "VERB" or ctx.paragraph(verb.idx)[2] or ctx.inside_mark(verb.idx) is not None:
        return []
    if verb.lower_.endswith("ant") or "Inf" in feature(verb, "VerbForm"):
        return []
    if any(c.dep_ == "mark" and c.lower_ not in QUE_TOKENS for c in verb.children):
        return []  # …, quand il soutenait ce projet : …: a subordinate clause introduces nothing
    colon = None
    for token in tokens[verb.i + 1 : verb.i + 1 + _MAX_COLON_GAP]:
        if token.text == ":":
            colon = token
            break
        if token.pos_ in ("VERB", "AUX") or token.text in '.;!?«»"“”,' or token.lower_ in _QUE:
            return []
    if colon is None:
        return []
    start, end = ctx.rest_of_sentence(colon.idx + 1)
    if end - start < 10 or ctx.marks_in(colon.idx, end) or len(ctx.text[start:end].split()) < 4:
        return []
    clause = tokens[ctx.token_after(start) : ctx.token_after(end)]
    if not any(t.pos_ in ("VERB", "AUX") and "Fin" in feature(t, "VerbForm") for t in clause):
        return []  # a annoncé trois mesures : la baisse …, la hausse …: a list, not a statement
    subject = ctx.resolver.subject_of(verb)
    if subject is None or subject.i > verb.i or not may_speak(ctx, subject):
        return []
    phrase = ctx.speaker_phrase(subject)
    return [Candidate("indirect", start, end, cue.lemma, "phrase", phrase, verb.idx)]


def _states_before_colon(ctx: QuoteContext, verb: Token) -> bool:
    """Return True when a noun of a stated aim or warning (quote_words.tsv, class stated)
    stands between the verb and a colon a few words after it (a fixé le cap :)."""
    words = token_view(ctx.parsed).lower[verb.i + 1 : verb.i + 1 + _MAX_COLON_GAP]
    if ":" not in words:
        return False
    return bool(set(words[: words.index(":")]) & ctx.lexicon.word_class("stated"))


def _noun_clause(ctx: QuoteContext, noun: Token) -> list[Candidate]:
    """Return the que-clause of a statement noun object of the speaker's verb (X a fait la
    promesse que …, X a exprimé l'espoir que …): only with a subject that can speak, and not a
    relative clause on the noun (la promesse que le ministre a faite)."""
    tokens = ctx.parsed
    que = tokens[noun.i + 1] if noun.i + 1 < len(tokens) else None
    verb = noun.head
    part = noun.dep_ in ("obl:arg", "obl") and any(
        c.lower_ == "part" and c.dep_ == "obj" for c in verb.children
    )
    if que is None or que.lower_ not in _QUE or (noun.dep_ != "obj" and not part) or verb.pos_ != "VERB":
        return []  # a exprimé l'espoir que; a fait part de sa crainte que
    if ctx.paragraph(noun.idx)[2] or any(t.lemma_ in _NOUN_VERBS for t in que.head.subtree if t.i > que.i):
        return []
    subject = ctx.resolver.subject_of(verb)
    if subject is None or subject.i > verb.i or not may_speak(ctx, subject):
        return []
    start = que.idx + len(que)
    while start < len(ctx.text) and ctx.text[start] == " ":
        start += 1
    end = _clause_end(ctx, start)
    cue = ctx.lexicon.noun_cue(noun.lower_) or noun.lemma_
    return [Candidate("indirect", start, end, cue, "phrase", ctx.speaker_phrase(subject), verb.idx)]


def _que_after_aside(ctx: QuoteContext, verb: Token) -> Token | None:
    """Return the que after an aside set off by commas right after the cue (a assuré, dans
    un entretien accordé mardi à un quotidien, que …): the aside may be long and hold a
    participle, but the comma must follow the verb at once (a annoncé un plan, que … is a
    relative clause)."""
    tokens = ctx.parsed
    if verb.i + 1 >= len(tokens) or tokens[verb.i + 1].text != ",":
        return None
    for token in tokens[verb.i + 2 : verb.i + 2 + _MAX_ASIDE_TOKENS]:
        if token.is_sent_start or token.text in '.;:!?«»"':
            return None
        if token.lower_ in _QUE and tokens[token.i - 1].text == ",":
            return token if token.i - verb.i > 3 else None
    return None


def _perfect(tokens: Doc, head: Token) -> bool:
    """Return True for avoir / être followed by a participle (avoir prévenu, être parti)."""
    nxt = tokens[head.i + 1] if head.i + 1 < len(tokens) else None
    return head.lemma_ in ("avoir", "être") and nxt is not None and nxt.pos_ in ("VERB", "AUX")


def reflexive_before(ctx: QuoteContext, verb: Token) -> bool:
    """Return True when a reflexive clitic stands just before the verb group (s'est dit)."""
    for token in reversed(ctx.parsed[max(verb.i - 3, 0) : verb.i]):
        if token.lower_ in _REFLEXIVE:
            return True
    return False


def _words_before(ctx: QuoteContext, verb: Token) -> tuple[int, int] | None:
    """Return the few words between the sentence start and a cue verb the parser left without
    a subject (it splits Météo-France précise que … into three sentences)."""
    start = ctx.sentence_start(verb.idx)
    head = ctx.text[start : verb.idx]
    stripped = head.strip()
    if not stripped or "," in head or len(stripped.split()) > 5 or ctx.marks_in(start, verb.idx):
        return None
    offset = start + head.index(stripped)
    return offset, offset + len(stripped)


def _clause_end(ctx: QuoteContext, start: int, cue: Token | None = None, aside: bool = False) -> int:
    """Return the end of reported content: the sentence end, or an incise or selon before it,
    or the reporting clause resuming after a coordinator (coordinated.py); in a relative
    aside (``aside``: X, qui affirme que … , a été entendu), the comma before the main
    clause's finite verb."""
    tokens = token_view(ctx.parsed).tokens  # the view's Tokens: none made per read
    end = ctx.sentence_end(start)
    lo = ctx.token_after(start)
    hi = ctx.token_after(end)
    for token in tokens[lo:hi]:
        if token.text == "," and (
            ctx.incise_at(token.i, hi + 1) is not None
            or token.nbor(1).lower_ == "selon"
            or (cue is not None and resumes_after(token, cue))
            or (aside and finite_after(token))
            or reporting_participle(token, lambda t: ctx.lexicon.cue(t) is not None)
            or resumptive_apposition(token)
        ):
            end = token.idx
            break
    while end > start and ctx.text[end - 1] in " ,;":
        end -= 1
    return end


def _closing_incise(ctx: QuoteContext, verb: Token) -> list[Candidate]:
    """Return the sentence before an inverted incise that closes it (…, précise l'OFAG)."""
    tokens = token_view(ctx.parsed).tokens  # the view's Tokens: none made per read
    i = verb.i - 1
    if i > 0 and tokens[i].lemma_ in LIGHT_VERBS and ctx.lexicon.cue(verb) is not None:
        i -= 1  # …, a fait savoir la gendarmerie: the light verb and its infinitive are one cue
    while i >= 0 and (tokens[i].lower_ in ("a", "ont", "avait", "avaient") or tokens[i].text.startswith("-")):
        i -= 1
    if i > 0 and tokens[i].lower_ in ("l'", "l’", "le") and tokens[i - 1].lower_ == "comme":
        if tokens[i - 1].is_sent_start or tokens[i - 1].idx == ctx.sentence_start(verb.idx):
            return fronted_comme(ctx, verb)
        if ctx.text[ctx.sentence_end(verb.idx) - 1 : ctx.sentence_end(verb.idx)] == ":":
            return []  # …, comme l'explique X : « … »: the incise introduces the quotation after
        i -= 2  # …, comme l'a rappelé X: the incise reader skips comme and its clitic
    if i < 0 or tokens[i].text != ",":
        return []
    incise = ctx.incise_at(i)
    if incise is None or incise.verb.i != verb.i or incise.subject is None:
        return []
    if not may_speak(ctx, incise.subject):
        return []  # …, soutient au contraire le projet: an object, nobody speaks
    comma = tokens[i].idx
    closing = ctx.text[:comma].rstrip()
    if closing.endswith(("»", "”", '"')) and not any(
        m.open in ctx.terms for m in ctx.marks_in(len(closing) - 1, len(closing))
    ):
        return []  # « … », a déclaré X: the marked quotation is the content (not a charge's name)
    start = ctx.sentence_start(comma)
    colon = ctx.text.rfind(" : ", start, comma)
    if colon != -1 and not ctx.marks_in(colon, comma):
        start = colon + 3  # … et ne s'en cache pas : il l'a générée, répète-t-il: what follows the colon
    start = skip_opener(ctx, start, comma)
    phrase = ctx.speaker_phrase(incise.subject)
    sent_end = ctx.sentence_end(incise.end)
    rest = re.match(r"\s*,\s*", ctx.text[incise.end : sent_end])
    if rest is not None and subject_then_predicate(ctx, start, comma, incise.end + rest.end(), sent_end):
        # La réforme, a-t-il estimé, est mal engagée: the incise cuts the statement between its
        # subject and its verb; the statement is the whole sentence, incise included.
        return [Candidate("indirect", start, sent_end, incise.cue.lemma, "phrase", phrase, verb.idx)]
    if rest is not None and len(ctx.text[start:comma].split()) <= OPENER_WORDS:
        # Au XIXe siècle déjà, rappelle l'élue, le naufrage …: an adverbial, the incise, then
        # the statement itself.
        after = incise.end + rest.end()
        if sent_end - after >= 10 and not ctx.marks_in(after, sent_end):
            return [Candidate("indirect", after, sent_end, incise.cue.lemma, "phrase", phrase, verb.idx)]
    if _TO_INFINITIVE.match(ctx.text, incise.subject.idx, sent_end):
        return []  # La dirigeante, qui …, appelle désormais la Commission à rendre …: no incise
    if comma - start < 10 or not finite_in(ctx, start, comma) or VERB_COMPLEMENT.match(ctx.text, incise.end):
        # La société, qui …, accuse la CGCF d'avoir « … »: a main verb, no incise; Le maire,
        # Paul Roy, 61 ans, costume sombre, a contesté …: no finite verb before the comma, a
        # subject and its appositions, no statement
        return []
    return [Candidate("indirect", start, comma, incise.cue.lemma, "phrase", phrase, verb.idx)]


def _in_timex(ctx: QuoteContext, i: int) -> bool:
    """Return True when token ``i`` lies in a time expression (a déclaré ce matin que)."""
    offset = ctx.parsed[i].idx
    return any(t.start <= offset < t.end for t in ctx.doc.timexes)
