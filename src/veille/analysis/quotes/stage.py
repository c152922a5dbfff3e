"""Find quotations and attribute them to a speaker: direct, mixed and indirect.

The cascade, in order:
1. Pair the quotation marks (quote_marks): every outermost « », “ ”, " " span is a candidate.
2. Split a quotation interrupted by an incise (« …, a-t-il ajouté. … », « …, estime X,
   … »): two quotations, one speaker (quotes.interior).
3. Decide each marked span: a whole sentence in marks is *direct*, a fragment inside a sentence
   is *mixed*; a fragment with no reporting cue (scare quotes, titles, nicknames) is dropped.
4. Find the cue and the speaker phrase: the incise after the marks, the verb before a colon,
   the reporting verb governing the fragment, *selon X*, *C'est ce qu'a déclaré X* in the next
   sentence, or else the speaker of the quotation just before (continuation).
5. Find indirect quotations (quote_indirect): *X a déclaré que …*, *…, précise X*, *selon X, …*.
6. Attribute in text order (attribution.py), so a pronoun (a-t-il ajouté) can take the
   speaker just quoted; a pronoun speaker gets a ``pronoun`` mention on its entity.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from typing import ClassVar

from spacy.tokens import Doc, Token

from veille.analysis.quotes.after import (
    clause_after_quote,
    introduced_after,
    lead_speaker,
    named_after,
    said_next,
)
from veille.analysis.quotes.agent import agent_fragment, own_words, passive_agent
from veille.analysis.quotes.attribution import MIN_UNATTRIBUTED_WORDS, attribute
from veille.analysis.quotes.colon import (
    after_last_mark,
    colon_before,
    copula_subject,
    last_verb,
    misread_before_colon,
    named_in_lead,
)
from veille.analysis.quotes.context import Candidate, Collected, QuoteContext
from veille.analysis.quotes.created import with_speaker_entities
from veille.analysis.quotes.embedded import clause_verb, reporting_cue
from veille.analysis.quotes.governed import governing_cue
from veille.analysis.quotes.headline import headline_quote
from veille.analysis.quotes.indirect import find_indirect
from veille.analysis.quotes.interior import interior_incise, opens_sentence, split_at_incise
from veille.analysis.quotes.interview import find_interview
from veille.analysis.quotes.lexicon import CueLexicon
from veille.analysis.quotes.marks import MarkedSpan, find_marked_spans
from veille.analysis.quotes.predicate import marked_predicate
from veille.analysis.quotes.qualified import (
    fallback_subject,
    postposed_pour,
    qualified_object,
    relative_judgement,
)
from veille.analysis.quotes.selon import narrated
from veille.analysis.quotes.terms import is_charge, is_term, named_by_verb, said_after_blocker
from veille.analysis.quotes.written import quoted_writing
from veille.analysis.syntax.view import token_view
from veille.model import Document
from veille.settings import Settings

log = logging.getLogger(__name__)

# Se dire « … » reports a stated feeling (la ministre s'est dite « choquée »), unlike the
# nickname dit « le Tsar »: the reflexive clitic tells them apart.
_SE_DIRE = re.compile(
    r"\b(?:se|s['’](?:est|était|étaient|sont)(?:-\w+)?)\s+(?:\w+\s+)?dit(?:e|s|es)?\s*$", re.I
)
# The infinitive of narration (Et de conclure : « … »), which keeps the previous speaker.
_NARRATIVE_INFINITIVE = re.compile(r"\s*(?:[Ee]t|[Pp]uis)\s+d(?:e\s+|['’])(?:\w+\s+)?", re.S)
# Openers that give the view of someone just named: À ses yeux, « … ».
_VIEW_OPENER = re.compile(
    r"\s*(?:[ÀA] (?:ses|leurs) yeux|[ÀA] (?:son|leur) avis|De (?:son|leur) point de vue)\s*,"
)
# Selon X right after a closing mark (« … », selon X.).
_COLON = re.compile(r"\s:\s")  # a colon opening a statement of its own
_SELON_AFTER = re.compile(r"[.!?]?\s*,\s*(?:selon|d['’]après)\b", re.IGNORECASE)


class QuoteStage:
    """Find quotations and attribute them to a speaker."""

    requires: ClassVar[tuple[str, ...]] = ("entities.resolved", "timexes")
    assigns: ClassVar[tuple[str, ...]] = ("quotes", "entities.speakers")

    def __init__(self, lexicon: CueLexicon) -> None:
        self.lexicon = lexicon
        # Set by scripts/train_speakers.py to gather every quotation's candidate speakers.
        self.collect: list[Collected] | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> QuoteStage:
        return cls(CueLexicon.load())

    def __call__(self, doc: Document, parsed: Doc) -> Document:
        marks = find_marked_spans(doc.article.text, doc.article.paragraphs)
        ctx = QuoteContext(doc, parsed, self.lexicon, marks)
        ctx.collect = self.collect
        candidates = find_marked(ctx)
        candidates.extend(find_indirect(ctx, candidates))
        candidates.extend(find_interview(ctx))
        candidates.sort(key=lambda c: (c.start, c.end))
        quotes, speakers = attribute(ctx, candidates)
        doc = with_speaker_entities(doc, speakers, ctx.resolver.created)
        return dataclasses.replace(doc, quotes=tuple(quotes))


def find_marked(ctx: QuoteContext) -> list[Candidate]:
    """Return the direct and mixed quotations of the marked spans (steps 2 to 4)."""
    found: list[Candidate] = []
    blockers = ctx.lexicon.word_class("blocker")
    for mark in ctx.marks:
        _pstart, _pend, heading = ctx.paragraph(mark.open)
        if heading:
            # a heading quoting a word ("Résilience") attributes nothing; Nom : « … » does
            found.extend(c for c in [headline_quote(ctx, mark)] if c is not None)
            continue
        before = ctx.text[ctx.sentence_start(mark.open) : mark.open]
        if is_charge(ctx, mark, before):
            ctx.terms.add(mark.open)  # a clause holding a charge's name is still reported
            continue
        if _is_name(ctx, mark, before, blockers):
            log.debug("quotation at %d is a name, a title or a term in marks", mark.open)
            if not named_by_verb(ctx, mark):  # a nickname's sentence reports nothing
                ctx.terms.add(mark.open)  # Selon X, le navire, le « Santa Maria », … is still reported
            continue
        inner = interior_incise(ctx, mark)
        if inner is not None:
            found.extend(split_at_incise(ctx, mark, inner, before))
            continue
        found.extend(attribute_marked(ctx, mark, before))
    return found


def _is_name(ctx: QuoteContext, mark: MarkedSpan, before: str, blockers: frozenset[str]) -> bool:
    """Return True for marks around a name or a title, not a quotation (le film « … » after a
    blocker word, « Orechnik » a term)."""
    last_word = re.findall(r"[\w-]+", before.lower())[-1:] or [""]
    if last_word[0] in blockers and not (_SE_DIRE.search(before) or said_after_blocker(ctx, mark)):
        return True
    return is_term(ctx, mark, before)


def attribute_marked(ctx: QuoteContext, mark: MarkedSpan, before: str) -> list[Candidate]:
    """Return the candidate for one marked span, with its cue and speaker phrase (step 4)."""
    text = ctx.text
    opens = opens_sentence(before) or _follows_quote(ctx, mark)
    after_i = ctx.token_after(mark.outer_end)
    incise = ctx.incise_at(after_i) if after_i < len(ctx.parsed) else None
    closes = incise is not None or _closes_sentence(ctx, mark)
    kind = "direct" if opens and closes else "mixed"
    if incise is not None and incise.subject is not None:
        phrase = ctx.speaker_phrase(incise.subject)
        return [Candidate(kind, mark.start, mark.end, incise.cue.lemma, "phrase", phrase, incise.verb.idx)]
    sent_start = ctx.sentence_start(mark.open)
    written = quoted_writing(ctx, mark)
    if written is not None and opens:
        return [written]
    colon = colon_before(ctx, mark, before, sent_start)
    if colon is not None:
        intro = after_last_mark(ctx, ctx.sentence_start(colon), colon)
        verb = last_verb(ctx, intro, colon)
        if verb is not None:
            cue = ctx.lexicon.cue(verb)
            subject = passive_agent(ctx, verb) or ctx.resolver.subject_of(verb)
            subject_phrase = ctx.speaker_phrase(subject) if subject is not None else None
            lemma = cue.lemma if cue is not None else verb.lemma_
            how = "phrase" if subject_phrase is not None else "none"
            if (
                subject is None or ctx.inside_mark(subject.idx) is not None or subject.i > verb.i
            ) and _NARRATIVE_INFINITIVE.fullmatch(text[ctx.sentence_start(colon) : verb.idx]):
                # Et de conclure : « … »: the infinitive of narration keeps the speaker; it has
                # no subject, so a phrase after it is a complement the parser misread (Et
                # d'ajouter, à l'adresse de la ministre : « … »: the one spoken to).
                how = "continue"
                subject_phrase = None if subject is not None and subject.i > verb.i else subject_phrase
            return [Candidate(kind, mark.start, mark.end, lemma, how, subject_phrase, verb.idx)]
        misread = misread_before_colon(ctx, intro, colon) if verb is None else None
        if misread is not None:
            word, subject = misread
            cue = ctx.lexicon.form_cue(word)
            lemma = cue.lemma if cue is not None else word.lemma_
            phrase = ctx.speaker_phrase(subject)
            return [Candidate(kind, mark.start, mark.end, lemma, "phrase", phrase, word.idx)]
        stance = copula_subject(ctx, intro, colon) if verb is None else None
        if stance is not None:
            # Son collègue, X, a été plus net : « … »: the one the predicate is said of speaks.
            return [Candidate(kind, mark.start, mark.end, None, "phrase", ctx.speaker_phrase(stance), None)]
        lead = named_in_lead(ctx, intro, colon)
        if verb is None and lead is not None:
            # Réaction immédiate de Paul Roux : « … » / Le témoignage d'Anne Colin : « … »: a lead
            # with no verb names its speaker.
            return [Candidate(kind, mark.start, mark.end, None, "phrase", lead, None)]
    if opens and not closes:
        pointed = said_next(ctx, mark) or named_after(ctx, mark)
        if pointed is not None:
            return [pointed]  # « … » : c'est en ces termes que X a conclu: a colon, then the speaker
    if kind == "mixed" or not opens:
        return _mixed(ctx, mark, sent_start)
    # A direct quotation with no cue of its own: the next sentence may name the speaker.
    pointed = said_next(ctx, mark) or named_after(ctx, mark)
    if pointed is not None:
        return [pointed]  # « … » Voilà comment X résume …
    lead = lead_speaker(ctx, mark)
    if lead is not None:
        # « … » Devant la mairie, X ne décolère pas.: a lead quotation, its speaker after it.
        return [Candidate("direct", mark.start, mark.end, None, "phrase", lead, None)]
    introduced = introduced_after(ctx, mark)
    if introduced is not None:
        # « … » Assise devant sa case, X, 61 ans, …: a witness quoted, then named.
        return [Candidate("direct", mark.start, mark.end, None, "phrase", introduced, None)]
    named = _previous_subject(ctx, sent_start)
    if named is None:
        return [Candidate("direct", mark.start, mark.end, None, "continue")]
    return [Candidate("direct", mark.start, mark.end, None, "continue", named[0], named[1])]


def _previous_subject(ctx: QuoteContext, sent_start: int) -> tuple[tuple[int, int], int | None] | None:
    """Return the subject phrase of the sentence before an uncued quotation (in its paragraph,
    or the last one of the paragraph before), with the offset of its verb when that verb is a
    cue: French news names the speaker, then quotes (Interrogé mardi, le ministre a défendu
    son budget. « … »). A sentence holding quotation marks is left to the continuation of
    its quotation."""
    para_start, _end, _heading = ctx.paragraph(sent_start)
    if sent_start > para_start:
        end = sent_start
    else:
        index = ctx.paragraph_index(sent_start)
        if index == 0 or ctx.paragraphs[index - 1][2]:
            return None
        end = ctx.paragraphs[index - 1][1]
    start = ctx.sentence_start(max(end - 2, 0))
    blockers = ctx.lexicon.word_class("blocker")
    if any(
        not _is_name(ctx, m, ctx.text[ctx.sentence_start(m.open) : m.open], blockers)
        for m in ctx.marks_in(start, end)
    ):
        return None  # a title in marks (son spectacle « … ») leaves the sentence to its subject
    for token in ctx.parsed[ctx.token_after(start) : ctx.token_after(end)]:
        if token.dep_ == "ROOT":
            subject = ctx.resolver.subject_of(token)
            if subject is None and token.pos_ not in ("VERB", "AUX"):
                continue  # La chanteuse X, qui … « … », a réagi: the parser cut the sentence at a mark
            if subject is not None and ctx.inside_mark(subject.idx) is not None:
                subject = _opening_name(ctx, start, end)  # the parser took the title for the subject
            if subject is not None and start <= subject.idx < end:
                return ctx.speaker_phrase(subject), token.idx if _speech_act(ctx, token) else None
            return None
    return _subject_under_misread_root(ctx, start, end)


# A fragment's cue right before its mark, or before de (menace de « … »).
_BEFORE_MARK_DE = re.compile(r"\s+(?:de|d['’])\s*$")


def _misread_before_mark(ctx: QuoteContext, mark: MarkedSpan, sent_start: int) -> Candidate | None:
    """Return the fragment of a present-tense cue the tagger read as a noun right after its
    subject (Le syndicat menace de « … »), as before a colon (misread_before_colon)."""
    de = _BEFORE_MARK_DE.search(ctx.text, sent_start, mark.open)
    misread = misread_before_colon(ctx, sent_start, de.start() + 1 if de else mark.open)
    if misread is None:
        return None
    word, subject = misread
    if ctx.parsed[word.i - 1].text == "," and not _apposed_name_before(ctx, word.i - 2):
        return None  # Hélène Roux, juge « des libertés », a pris …: a noun apposed to a name
    cue = ctx.lexicon.form_cue(word)
    lemma = cue.lemma if cue is not None else word.lemma_
    start, end = ctx.speaker_phrase(subject)
    end = start + len(ctx.text[start : min(end, word.idx)].rstrip(" ,"))  # the parser hung the cue on it
    return Candidate("mixed", mark.start, mark.end, lemma, "phrase", (start, end), word.idx)


def _apposed_name_before(ctx: QuoteContext, k: int) -> bool:
    """Return True when the name ending at token ``k`` is itself apposed after a comma (Son
    avocat, Me X, conteste …: the description's subject), not one opening the sentence."""
    while k > 0 and (ctx.parsed[k].pos_ == "PROPN" or ctx.parsed[k].text in ("Me", "M.", "Mme", "Dr")):
        k -= 1
    return ctx.parsed[k].text == ","


def _subject_under_misread_root(
    ctx: QuoteContext, start: int, end: int
) -> tuple[tuple[int, int], int | None] | None:
    """Return the subject of a finite verb of a sentence whose root the tagger misread (a
    participle opening it taken for a name: Invitée à conclure, X s'est levée.), with the
    verb's offset when it is a cue; None when no verb has a subject there."""
    for token in ctx.parsed[ctx.token_after(start) : ctx.token_after(end)]:
        verb = token.head
        if token.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("acl:relcl", "acl"):
            continue
        if ctx.inside_mark(token.idx) is None and start <= verb.idx < end:
            return ctx.speaker_phrase(token), verb.idx if _speech_act(ctx, verb) else None
    return None


def _opening_name(ctx: QuoteContext, start: int, end: int) -> Token | None:
    """Return the head of the person's or organisation's name that opens a sentence (before
    its first comma), else None: the subject when the parser hangs it on a title in marks
    (La chanteuse X, qui … son spectacle « Les Heures bleues », a réagi …)."""
    comma = ctx.text.find(",", start, end)
    for s, _e, _m, entity in ctx.resolver.mentions_in(start, end if comma == -1 else comma):
        if entity.type in ("PER", "ORG"):
            return ctx.parsed[ctx.token_after(s)]
    return None


def _speech_act(ctx: QuoteContext, verb: Token) -> bool:
    """Return True for a verb that reports its subject speaking: a cue, a cue infinitive after
    a semi-auxiliary (a tenu à s'expliquer, a voulu répondre), or a verb with a noun of
    speech as object (a pris la parole)."""
    if ctx.lexicon.cue(verb) is not None:
        return True
    speech = ctx.lexicon.word_class("speech-noun")
    return any(
        (child.dep_ == "xcomp" and ctx.lexicon.cue(child) is not None)
        or (child.dep_ == "obj" and child.lower_ in speech)
        for child in verb.children
    )


def _mixed(ctx: QuoteContext, mark: MarkedSpan, sent_start: int) -> list[Candidate]:
    """Attribute a quoted fragment to the reporting verb or *selon X* of its sentence; a
    fragment with neither is a scare quote or a title and is dropped."""
    sent_end = ctx.sentence_end(mark.outer_end)
    # The incise may close the sentence after more text (« … » à son adhésion, a dit X).
    lo = ctx.token_after(mark.outer_end)
    hi = ctx.token_after(sent_end)
    for token in token_view(ctx.parsed).tokens[lo:hi]:  # the view's Tokens: none made
        if token.text == "," and ctx.inside_mark(token.idx) is None:
            incise = ctx.incise_at(token.i, hi + 1)
            if incise is not None and incise.subject is not None:
                phrase = ctx.speaker_phrase(incise.subject)
                return [
                    Candidate(
                        "mixed", mark.start, mark.end, incise.cue.lemma, "phrase", phrase, incise.verb.idx
                    )
                ]
    verb = ctx.cue_before(sent_start, mark.open) or governing_cue(ctx, mark)
    judged = relative_judgement(ctx, mark)
    if judged is not None and verb is not None and judged.anchor is not None and verb.idx < judged.anchor:
        # X a rappelé que …, une somme que Québec juge « … »: the relative's own verb (read
        # as a noun, so no cue above) is nearer and reports the fragment
        return [judged]
    if verb is not None and any(c.dep_ == "aux:pass" for c in verb.children):
        # La réforme est jugée « … » (par X): the passive's subject is what is judged; the
        # agent speaks, and with no agent nobody does (est considéré comme « spéculatif »).
        passive = agent_fragment(ctx, mark, sent_start)
        if passive is not None:
            return [passive]
        # …, l'entreprise affirme que la fuite a été signalée « … »: the cue whose clause
        # holds the passive speaks, if any
        verb = ctx.cue_before(sent_start, verb.idx)
        if verb is not None and any(c.dep_ == "aux:pass" for c in verb.children):
            verb = None
    if verb is not None:
        verb = reporting_cue(ctx, verb, ctx.token_after(sent_start)) or verb
        return _said_by_verb(ctx, mark, clause_verb(ctx, verb, mark.open) or verb)
    selon = narrated(ctx, ctx.selon_in(sent_start, sent_end))
    if selon is not None and _COLON.search(ctx.text, mark.outer_end, selon[0]):
        selon = None  # « … » mis en place : une réunion est prévue, selon X: X's statement is after the colon
    if selon is not None:
        # « … », selon X.: a whole quoted sentence is direct, as with any other attribution
        after = _SELON_AFTER.match(ctx.text, mark.outer_end)
        whole = opens_sentence(ctx.text[sent_start : mark.open]) and after is not None
        kind = "direct" if whole else "mixed"
        return [Candidate(kind, mark.start, mark.end, "selon", "phrase", selon, selon[0])]
    pour = ctx.pour_opener(sent_start, mark.open)
    if pour is not None:
        return [Candidate("mixed", mark.start, mark.end, "pour", "phrase", pour, pour[0])]
    if _VIEW_OPENER.match(ctx.text, sent_start):
        # À ses yeux, « … » / À son avis, « … »: the view of the person just quoted or named.
        return [Candidate("mixed", mark.start, mark.end, "selon", "continue")]
    fronted = _fronted_cue(ctx, mark, sent_end) or agent_fragment(ctx, mark, sent_start)
    if fronted is not None:
        return [fronted]  # …, l'Assurance maladie a annoncé; jugée « … » par la CGT
    if own_words(ctx, mark, sent_start):
        # Le projet est, pour reprendre ses mots, « un gâchis »: the person just named
        named = _previous_subject(ctx, sent_start)
        return [Candidate("mixed", mark.start, mark.end, "selon", "continue", *(named or (None, None)))]
    verb = qualified_object(ctx, mark, sent_start)
    if verb is not None:  # a juge la décision du ministère « … »
        return _said_by_verb(ctx, mark, verb, fallback_subject(ctx, verb, sent_start))
    found = postposed_pour(ctx, mark, sent_start) or relative_judgement(ctx, mark)
    if found is not None:
        return [found]  # Une situation « … » pour X; un arrêté que X juge « illégal »
    if clause_after_quote(ctx, mark, sent_start, MIN_UNATTRIBUTED_WORDS + 1):
        # « … », résume-t-il. Pour sauver les otages, « il faudrait … »: a quoted clause with
        # no cue of its own, right after a quotation in the same paragraph, goes on with it.
        return [Candidate("mixed", mark.start, mark.end, None, "continue")]
    misread = _misread_before_mark(ctx, mark, sent_start)
    if misread is not None:
        return [misread]  # Le syndicat menace de « … »: a cue the tagger read as a noun
    predicate = marked_predicate(ctx, mark, sent_start)
    if predicate is not None:
        return [predicate]  # X a « fermement condamné » l'attaque: the subject's own words
    log.debug("quoted fragment at %d has no cue: not a quotation", mark.open)
    return []


def _said_by_verb(
    ctx: QuoteContext, mark: MarkedSpan, verb: Token, fallback: Token | None = None
) -> list[Candidate]:
    """Return the mixed quotation of a fragment that ``verb`` reports, its subject (else the
    ``fallback`` subject) speaking."""
    subject = ctx.resolver.subject_of(verb) or fallback
    if subject is not None and subject.lower_ == "on" and ctx.on_source(subject) is None:
        return []  # comme on dit: a figure of speech, not a statement
    carrier = verb.head if verb.dep_ == "acl" else subject  # a participle's noun is its subject
    if carrier is not None and carrier.lemma_.lower() in ctx.lexicon.word_class("sign"):
        return []  # une banderole proclamait « … »: a slogan the object carries, nobody speaks
    cue = ctx.lexicon.cue(verb)
    subject_phrase = ctx.speaker_phrase(subject) if subject is not None else None
    how = "phrase" if subject_phrase is not None else "none"
    lemma = cue.lemma if cue else verb.lemma_
    return [Candidate("mixed", mark.start, mark.end, lemma, how, subject_phrase, verb.idx)]


def _fronted_cue(ctx: QuoteContext, mark: MarkedSpan, sent_end: int) -> Candidate | None:
    """Return the fragment of a fronted phrase whose sentence's main verb is a cue with its
    subject after the phrase (Face à « l'augmentation … », l'Assurance maladie a annoncé …)."""
    lo = ctx.token_after(mark.outer_end)
    hi = ctx.token_after(sent_end)
    if lo >= hi or ctx.parsed[lo].text != ",":
        return None
    for token in ctx.parsed[lo:hi]:
        if token.pos_ == "VERB" and ctx.inside_mark(token.idx) is None:
            cue = ctx.lexicon.cue(token)
            subject = ctx.resolver.subject_of(token)
            if cue is None or cue.scope != "all" or subject is None or not (lo < subject.i < token.i):
                return None
            if token.dep_ != "ROOT" or subject.lower_ == "on":
                return None  # …, comme on dit: a figure of speech, not the main clause
            phrase = ctx.speaker_phrase(subject)
            return Candidate("mixed", mark.start, mark.end, cue.lemma, "phrase", phrase, token.idx)
    return None


def _follows_quote(ctx: QuoteContext, mark: MarkedSpan) -> bool:
    """Return True for the second half of « … », a admis X, « … » or « … » et « … »."""
    previous = ctx.last_closed_by(mark.open)
    if previous is None:
        return False
    gap = ctx.text[previous.outer_end : mark.open]
    if "\n" in gap:
        return False
    if re.fullmatch(r"\s*(?:et|,)\s*", gap):
        return True
    i = ctx.token_after(previous.outer_end)
    incise = ctx.incise_at(i)
    return incise is not None and re.fullmatch(r"[\s,]*", ctx.text[incise.end : mark.open]) is not None


def _closes_sentence(ctx: QuoteContext, mark: MarkedSpan) -> bool:
    """Return True when the sentence ends at the closing mark (or the paragraph does)."""
    rest = ctx.text[mark.outer_end : ctx.paragraph(mark.open)[1]]
    if not rest.strip() or ctx.text[mark.end - 1] in ".!?…":
        return True
    return re.match(r"\s*(?:[.!?…]|et\s*[«“\"]|,\s*[«“\"])", rest) is not None
