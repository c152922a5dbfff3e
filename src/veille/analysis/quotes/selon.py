"""Find statements attributed by *selon X* / *d'après X* and by view openers (*Pour X,*,
*Aux yeux de X,*, *De l'avis de X,*, *À en croire X,*): the rest of the sentence, or the part
before the source when it closes the sentence. Part of the indirect quotations (indirect.py).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from veille.analysis.entities.lede import DATELINE
from veille.analysis.lang.fr.words import THIRD_STRESSED
from veille.analysis.quotes.context import BY_AGENT, Candidate, QuoteContext
from veille.analysis.quotes.narrator import narrator
from veille.analysis.quotes.phrases import agent_noun, possessive_work, singular
from veille.analysis.syntax.tense import feature

# At most this many words in an adverbial that opens a sentence before selon (En sens inverse,).
OPENER_WORDS = 4
# A relative clause apposed to the source of selon, closed by a comma (qui s'exprimait …,).
_RELATIVE_ASIDE = re.compile(r"(?:qui|dont)\b(?:[^,.;:!?«»]|«[^»]*»)*,\s*")
# A passive or impersonal incise that gives where the statement is written, not who says it
# (Selon X, est-il écrit dans la plainte, …; peut-on lire dans le rapport; lit-on).
_WRITTEN_INCISE = re.compile(
    r"(?:(?:est|a été|était|avait été)-il|(?:peut|pouvait)-on|lit-on)\s[^,.;:!?«»]{2,60},\s*"
)
# The last words of the view openers (Pour X, Aux yeux de X, De l'avis de X, À en croire X).
VIEW_OPENERS = frozenset({"pour", "yeux", "avis", "croire"})
# Connectors that may stand before a view opener (Mais, pour X, …).
_OPENER_CONNECTORS = frozenset({"mais", "et", "or", "donc", "ainsi", "enfin", "pourtant", "cependant"})
# Negation and clitics that may stand before a finite verb.
_CLITICS = frozenset("ne n' n’ se s' s’ me m' m’ te t' t’ nous vous lui leur le la les l' l’ y en".split())
# Endings only a finite verb has (the tagger reads signera, fermerait as participles).
_FINITE_ONLY = ("ra", "ront", "rait", "raient", "ait", "aient")
# Relative pronouns of selon lequel (un rapport selon lequel …).
_LEQUEL = frozenset({"lequel", "laquelle", "lesquels", "lesquelles"})
# A colon that introduces a quotation in marks after the statement of selon.
_COLON_QUOTE = re.compile(r"\s*:\s*[«“\"]")
# The time stamp that opens each entry of a live report (14h40 - , 9 h 05 : ).
_STAMP = re.compile(r"\s*\d{1,2}\s?[hH:]\s?\d{2}\s*[-–—:]\s+")
# Prepositions of a condition: what the source says holds only under it (En cas de victoire,
# le club sera promu, selon la Ligue: the condition is said too).
_CONDITION = re.compile(r"(?:en cas\b|sans\b|faute\b|sauf\b|à (?:défaut|condition|moins)\b)", re.IGNORECASE)
# Relative pronouns that may be the subject of a clause inside a fronted adverbial.
_RELATIVES = frozenset({"qui", "que", "qu'", "qu’", "dont", "lequel", "laquelle", "lesquels", "lesquelles"})
# The relations by which a word after selon X may hang on the words before it and leave them
# a whole statement: a coordinated or juxtaposed clause, an adverbial, the punctuation.
_LOOSE = frozenset({"conj", "cc", "punct", "parataxis", "advcl", "obl:mod", "advmod", "acl:relcl", "appos"})
# Stressed pronouns after selon / d'après (selon elle, d'après eux).
SELON_PRONOUNS = THIRD_STRESSED


def skip_opener(ctx: QuoteContext, start: int, end: int) -> int:
    """Skip an opening adverbial (De plus, Ainsi,), a live report's time stamp or a dispatch's
    dateline (LYON, 3 mai 2026 (AFP) - ): none is part of what was said."""
    stamp = _STAMP.match(ctx.text, start, end)
    if stamp is not None:
        start = stamp.end()  # 14h40 - Selon l'ARS, …: a live report's time stamp opens the entry
    dateline = DATELINE.match(ctx.text, start, end)
    if dateline is not None:
        start = dateline.end()  # LYON, 3 mai (AFP) - …, a-t-on appris: the dispatch's dateline, not said
    head = ctx.text[start:end]
    for opener in ctx.lexicon.word_class("opener"):
        match = re.match(re.escape(opener) + r"\s*,\s*", head, re.IGNORECASE)
        if match:
            return start + match.end()
    return start


def view_opener(ctx: QuoteContext, token: Token) -> tuple[int, int] | None:
    """Return where a view opener starts and where its source begins: *Pour X,*, *Aux yeux
    de X,*, *De l'avis de X,*, *À en croire X,* (French press attributes an opinion with
    them as with selon). ``token`` is the opener's last word (pour, yeux, avis, croire)."""
    tokens = ctx.parsed
    word = token.lower_
    i = token.i
    if word == "pour":
        first = i
    elif word == "yeux" and i > 0 and tokens[i - 1].lower_ == "aux":
        first = i - 1
    elif word == "avis" and i > 1 and tokens[i - 1].lower_ in ("l'", "l’") and tokens[i - 2].lower_ == "de":
        first = i - 2
    elif word == "croire" and i > 1 and tokens[i - 1].lower_ == "en" and tokens[i - 2].lower_ in ("à", "a"):
        first = i - 2
    else:
        return None
    if not tokens[first].text[0].isupper() and not (
        first > 1 and tokens[first - 1].text == "," and tokens[first - 2].lower_ in _OPENER_CONNECTORS
    ):
        return None  # only an opener of its sentence (Mais, pour X, …), not pour + a purpose
    nxt = i + 1
    if word in ("yeux", "avis"):
        if nxt >= len(tokens) or tokens[nxt].lower_ not in ("de", "d'", "d’", "du", "des"):
            return None
        if tokens[nxt].lower_ in ("de", "d'", "d’"):
            nxt += 1
    if nxt >= len(tokens):
        return None
    return tokens[first].idx, tokens[nxt].idx


# A sentence end inside closing marks, then only spaces (« … longtemps. » Selon lui, …).
_CLOSED_SENTENCE = re.compile(r"[.!?…]\s*[»”]\s*$")


def selon(ctx: QuoteContext, token: Token, opener: tuple[int, int] | None = None) -> list[Candidate]:
    """Return the statement attributed by selon X / d'après X (or a view opener, see
    view_opener), when X can speak."""
    if ctx.paragraph(token.idx)[2]:
        return []
    if opener is None and token.i + 1 < len(ctx.parsed) and ctx.parsed[token.i + 1].lower_ == "qui":
        return _selon_qui(ctx, token, ctx.parsed[token.i + 1])
    if opener is None and token.i + 1 < len(ctx.parsed) and ctx.parsed[token.i + 1].lower_ in _LEQUEL:
        return _selon_lequel(ctx, token, ctx.parsed[token.i + 1])
    np_start = token.idx + len(token) if opener is None else opener[1]
    while np_start < len(ctx.text) and ctx.text[np_start] == " ":
        np_start += 1
    sent_start = ctx.sentence_start(token.idx)
    sent_end = ctx.sentence_end(token.idx)
    np_end = ctx.np_end(np_start, sent_end)
    if opener is not None and not _view_source(ctx, np_start, np_end, sent_end):
        return []
    if token.lower_ == "pour" and not any(
        entity.type in ("PER", "ORG") for _s, _e, _m, entity in ctx.resolver.mentions_in(np_start, np_end)
    ):
        # Pour les habitants, … is also what befalls them: only a named source. So is Pour
        # lui, … without marks (what it means for him); Pour lui, « … » is his view (context.py).
        return []
    if not can_speak(ctx, np_start, np_end):
        return []
    if opener is not None:
        opener_start = opener[0]
    else:
        opener_start = token.idx if token.lower_ == "selon" else ctx.parsed[token.i - 1].idx
    before = ctx.text[sent_start:opener_start]
    closed = _CLOSED_SENTENCE.search(before)
    if closed is not None:
        # « … depuis longtemps. » Selon lui, …: the quotation's last sentence ended inside
        # its marks, so selon opens a sentence of its own
        sent_start += closed.end()
        before = ""
    # Mais, d'après elle, … / En sens inverse, selon X, …: an adverbial with no verb opens
    # the sentence, and the content follows the source as after a sentence-initial selon.
    lo, hi = ctx.token_after(sent_start), ctx.token_after(opener_start)
    connector = (
        before.rstrip().endswith(",")
        and len(before.split()) <= OPENER_WORDS
        and not any(
            t.pos_ in ("VERB", "AUX") and "Part" not in feature(t, "VerbForm") for t in ctx.parsed[lo:hi]
        )
    )  # a participle opens an adverbial too (Dit autrement, selon)
    adverbs = ctx.parsed[lo:hi]
    if 0 < len(adverbs) <= 2 and all(t.pos_ in ("ADV", "CCONJ") for t in adverbs):
        connector = True  # Toujours selon X, … / Mais selon X, …: an adverb with no comma
    comma = sent_start + len(before.rstrip()) - 1
    after = np_end + len(ctx.text[np_end:sent_end]) - len(ctx.text[np_end:sent_end].lstrip(" ,"))
    if connector and subject_then_predicate(ctx, sent_start, comma, after, sent_end):
        # Le match, selon lui, s'est joué …: selon cuts the statement between its subject and
        # its verb; the statement is the whole sentence.
        start, end = skip_opener(ctx, sent_start, opener_start), sent_end
    elif (
        not before.strip()
        or connector
        or before.rstrip().endswith(":")  # X menace de porter plainte : selon lui, …: a new clause
        or skip_opener(ctx, sent_start, opener_start) == opener_start
    ):
        # Selon X, … : the content follows the noun phrase (and the agent of a participle
        # that ends it: selon le ministre interviewé par X, …).
        start = np_end
        if BY_AGENT.match(ctx.text, np_end) and ctx.text.find(",", np_end, sent_end) != -1:
            start = ctx.text.find(",", np_end, sent_end)
        while start < sent_end and ctx.text[start] in " ,":
            start += 1
        relative = _RELATIVE_ASIDE.match(ctx.text, start, sent_end)
        if relative is not None:
            start = relative.end()  # Selon X, qui s'exprimait mardi à la radio, …: not what X said
        start = _past_apposition(ctx, np_start, start, sent_end)
        written = _WRITTEN_INCISE.match(ctx.text, start, sent_end)
        if written is not None:
            start = written.end()  # Selon X, est-il précisé dans la plainte, …: where it is written
        end = sent_end
        quoted = _COLON_QUOTE.search(ctx.text, start, sent_end)
        if quoted is not None:
            end = quoted.start()  # Selon elle, … : « … »: the quotation after the colon is direct
    elif before.rstrip().endswith(","):
        start = skip_opener(ctx, sent_start, opener_start)
        end = sent_start + len(before.rstrip()) - 1
        start = after_fronted(ctx, start, end)
        colon = ctx.text.rfind(" : ", start, end)
        if colon != -1 and ctx.inside_mark(colon) is None:
            start = colon + 3  # … le « mécanisme » : une réunion est prévue, selon X: after the colon
        if re.match(r"\s*,\s*qu(?:e\b|['’])", ctx.text[np_end:sent_end]):
            end = sent_end  # La défiance est telle, selon elle, qu'elle …: one statement around selon
        if _interrupted(ctx, start, end, after, sent_end):
            return []
    else:
        return []
    if end - start < 10 or (opener is not None and start < np_end):
        return []
    cue = "pour" if token.lower_ == "pour" else "selon"  # as the mixed quote after Pour X,
    return [Candidate("indirect", start, end, cue, "phrase", narrated(ctx, (np_start, np_end)), token.idx)]


def narrated(ctx: QuoteContext, phrase: tuple[int, int] | None) -> tuple[int, int] | None:
    """Return the source phrase of selon / d'après, ended by the brackets it stands in and
    narrowed to the teller of an account (d'après le récit qu'elle livre au Monde: elle)
    (narrator.py)."""
    if phrase is None:
        return None
    close = ctx.text.find(")", phrase[0], phrase[1])
    if close != -1 and "(" not in ctx.text[phrase[0] : close]:
        # (« … », selon elle) avant de repartir: the source ends with the brackets it stands in
        phrase = (phrase[0], len(ctx.text[:close].rstrip()))
    teller = narrator(ctx.text, phrase[0], phrase[1], lambda s, e: can_speak(ctx, s, e))
    return phrase if teller is None else teller


def after_fronted(ctx: QuoteContext, start: int, end: int) -> int:
    """Return where the clause starts when the statement before a closing selon opens with a
    prepositional adverbial closed by a comma (*Au lendemain de l'annonce, mardi, d'un plan
    …, près de 70 % des ouvriers étaient en grève, selon X*: the source vouches for the
    clause, not for the circumstances the writer sets): at the subject of the clause's head."""
    lo, hi = ctx.token_after(start), ctx.token_after(end)
    if lo >= hi or ctx.parsed[lo].pos_ != "ADP" or _CONDITION.match(ctx.text, start, end):
        return start
    for token in ctx.parsed[lo + 1 : hi]:
        if token.dep_ not in ("nsubj", "nsubj:pass") or token.lower_ in _RELATIVES:
            continue  # Depuis l'attaque, qui a fait …, les frappes …: not the relative's subject
        clause = token.left_edge.idx
        if clause > start and ctx.text[start:clause].rstrip().endswith(",") and end - clause >= 10:
            return clause
    return start


def _past_apposition(ctx: QuoteContext, np_start: int, start: int, sent_end: int) -> int:
    """Return where the statement starts after a description apposed to the source's name
    (Pour Awa Diop, chercheuse à l'institut X (IX), le conflit …; Pour X, tête de liste de …,
    le calendrier …): a person noun, or any noun with no determiner (a statement opens with
    one), after the name's comma, no finite verb, up to the next comma; else ``start``."""
    if not ctx.resolver.mentions_in(np_start, start) or not ctx.text[:start].rstrip().endswith(","):
        return start
    first = re.match(r"[\w-]+", ctx.text[start:sent_end])
    comma = ctx.text.find(",", start, sent_end)
    if first is None or comma == -1 or sent_end - comma < 10:
        return start
    word = first.group(0)
    tokens = ctx.parsed[ctx.token_after(start) : ctx.token_after(comma)]
    if word != word.lower() or not (
        singular(word, ctx.lexicon.word_class("person")) in ctx.lexicon.word_class("person")
        or agent_noun(word)
        or (tokens and tokens[0].pos_ == "NOUN")  # pédiatre à …, tête de liste de …: a bare noun
    ):
        return start
    if any(t.pos_ in ("VERB", "AUX") and "Fin" in feature(t, "VerbForm") for t in tokens):
        return start
    after = comma + 1
    while after < sent_end and ctx.text[after] == " ":
        after += 1
    return after


def _view_source(ctx: QuoteContext, start: int, end: int, sent_end: int) -> bool:
    """Return True when a view opener's phrase is a speaker closed by a comma and followed by
    a clause: a person or organisation named or described (not a place: *Pour Lyon, le match
    est décisif* is about the city; not a time or purpose: *Pour la première fois*)."""
    if not ctx.text.startswith(",", end) or end - start > 120:
        return False
    if re.match(
        r"(?:l['’]|la |le |les )?(?:première|dernière|seconde|deuxième|heure|instant|moment)\b",
        ctx.text[start:end],
        re.IGNORECASE,
    ):
        return False
    named = ctx.resolver.mentions_in(start, end)
    if named and not any(entity.type in ("PER", "ORG") for _s, _e, _m, entity in named):
        return False
    rest = ctx.text[end + 1 : sent_end]
    lo, hi = ctx.token_after(end + 1), ctx.token_after(sent_end)
    return len(rest.split()) >= 4 and any(t.pos_ in ("VERB", "AUX") for t in ctx.parsed[lo:hi])


def can_speak(ctx: QuoteContext, start: int, end: int) -> bool:
    """Return True when the phrase names an entity or a person or organisation noun
    (selon les opérations de vote is not a source)."""
    if ctx.resolver.mentions_in(start, end):
        return True
    if ctx.text[start:end].strip().lower() in SELON_PRONOUNS:
        return True  # selon lui, d'après elle: the person just named
    if possessive_work(ctx.text[start:end], ctx.lexicon.word_class("work")) is not None:
        return True  # selon ses travaux: the person or body just named
    bare = re.sub(r"^(?:l['’]|le\s)", "", ctx.text[start:end].strip().lower())
    if bare in ctx.lexicon.word_class("prosecution") and ctx.text[end:].lstrip(" ").startswith(","):
        return True  # selon l'accusation, …: the parquet at a trial (not l'accusation portée par X)
    words = re.findall(r"[\w-]+", ctx.text[start:end].lower())
    nouns = (
        ctx.lexicon.word_class("person")
        | ctx.lexicon.word_class("org")
        | ctx.lexicon.word_class("institution")
    )
    if any(word in nouns for word in words[:3]):
        return True
    # d'après des témoins: a plural noun, read by its singular (its first noun only: not
    # selon les premiers éléments de l'enquête)
    head = next(
        (t for t in ctx.parsed[ctx.token_after(start) : ctx.token_after(end)] if t.pos_ == "NOUN"), None
    )
    return head is not None and singular(head.lower_, nouns) in nouns


def _selon_qui(ctx: QuoteContext, token: Token, qui: Token) -> list[Candidate]:
    """Return the statement of a relative *selon qui* / *d'après qui* (… Marc Delorme,
    l'adjoint à l'urbanisme, selon qui le chantier reprendra en janvier): what follows qui,
    said by the person or organisation named last before it in the sentence."""
    sent_start = ctx.sentence_start(token.idx)
    start, end = ctx.rest_of_sentence(qui.idx + len(qui))
    named = [
        (s, e)
        for s, e, _m, entity in ctx.resolver.mentions_in(sent_start, token.idx)
        if entity.type in ("PER", "ORG") and e <= token.idx and ctx.inside_mark(s) is None
    ]
    if not named or end - start < 10:
        return []
    return [Candidate("indirect", start, end, "selon", "phrase", named[-1], token.idx)]


def finite_in(ctx: QuoteContext, start: int, end: int) -> bool:
    """Return True when the span holds a finite verb: a reported statement is a clause
    (Dimanche, plus de 2 000 viticulteurs, selon X, ont défilé: a noun phrase before selon)."""
    return any(
        t.pos_ in ("VERB", "AUX") and ("Fin" in feature(t, "VerbForm") or t.lower_.endswith(_FINITE_ONLY))
        for t in ctx.parsed[ctx.token_after(start) : ctx.token_after(end)]
    )


def _interrupted(ctx: QuoteContext, start: int, end: int, after: int, sent_end: int) -> bool:
    """Return True when selon X stands inside a clause, between a word and its complement
    (Le chantier avait coûté, selon X, près de 12 millions; La fusion doit permettre, selon
    X, de réduire …): the words before selon are no statement of their own. Read off the
    parse (a word after the source depends on one before it), or, where the parser hung the
    complement on the source, off the words: a verb with no object closes the words before
    selon and a complement's first word (a number, a preposition, a determiner) follows the
    source. A coordinated clause or a relative after the source (…, selon X, et se sont
    emparés …; …, selon X, qui demande …) leaves the statement before selon whole."""
    following = ctx.parsed[ctx.token_after(after) : ctx.token_after(sent_end)]
    if any(t.dep_ not in _LOOSE and start <= t.head.idx < end for t in following):
        return True
    before = ctx.parsed[ctx.token_after(start) : ctx.token_after(end)]
    if not before or not following:
        return False
    last = before[-1]
    bare = last.pos_ == "VERB" and not any(c.dep_ in ("obj", "ccomp", "xcomp") for c in last.children)
    return bare and following[0].pos_ in ("ADV", "ADP", "NUM", "DET")


def subject_then_predicate(ctx: QuoteContext, start: int, comma: int, after: int, end: int) -> bool:
    """Return True when an incise stands between a subject with no verb of its own (before
    ``comma``) and a predicate that opens with a finite verb (from ``after``): the two halves
    are one statement (Le projet de tramway, estime X, coûtera deux fois plus)."""
    if ctx.marks_in(start, end) or end - after < 10 or len(ctx.text[start:comma].split()) < 2:
        return False
    before = ctx.parsed[ctx.token_after(start) : ctx.token_after(comma)]
    if any(t.pos_ in ("VERB", "AUX") and "Fin" in feature(t, "VerbForm") for t in before):
        return False
    if not before or before[0].pos_ not in ("DET", "NOUN", "PROPN", "PRON"):
        return False  # Au XIXe siècle déjà, rappelle l'élue, le naufrage …: an adverbial
    for token in ctx.parsed[ctx.token_after(after) : ctx.token_after(end)]:
        if token.lower_ in _CLITICS or token.pos_ == "ADV":
            continue  # ne, s', y, en, lui… before the verb (Le match, selon lui, s'est joué)
        return token.pos_ in ("VERB", "AUX") and (
            "Fin" in feature(token, "VerbForm") or token.lower_.endswith(_FINITE_ONLY)
        )
    return False


def _selon_lequel(ctx: QuoteContext, token: Token, pronoun: Token) -> list[Candidate]:
    """Return the statement of *un rapport selon lequel …*: said by the name the source noun
    holds (un sondage Ifop), else by the subject that publishes it (L'Insee a publié un
    rapport selon lequel …); not a rumour or an idea (une rumeur selon laquelle: no source)."""
    if token.i == 0:
        return []
    noun = ctx.parsed[token.i - 1]
    while noun.i > 0 and noun.pos_ == "ADJ":
        noun = ctx.parsed[noun.i - 1]  # un rapport confidentiel selon lequel
    if noun.lower_ not in ctx.lexicon.word_class("source") and noun.head.lower_ not in ctx.lexicon.word_class(
        "source"
    ):
        return []
    head = noun if noun.lower_ in ctx.lexicon.word_class("source") else noun.head
    lo, hi = head.left_edge.idx, token.idx
    named = [(s, e) for s, e, _m, _entity in ctx.resolver.mentions_in(lo, hi)]  # any type: sondage Elabe
    subject = ctx.resolver.subject_of(head.head) if head.dep_ == "obj" else None
    if named:
        phrase: tuple[int, int] | None = named[-1]
    elif subject is not None and subject.i < head.i:
        phrase = ctx.speaker_phrase(subject)
    else:
        return []
    start, end = ctx.rest_of_sentence(pronoun.idx + len(pronoun))
    if end - start < 10:
        return []
    return [Candidate("indirect", start, end, "selon", "phrase", phrase, token.idx)]
