"""What every quote finder needs about one article: tokens by offset, sentences, incises.

An *incise* is the inverted reporting clause that follows or interrupts a quotation:
« … », a déclaré X / « …, a-t-il ajouté. … » / …, précise l'OFAG. It names the cue and
the speaker, placed after the verb.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc, Token

from veille.analysis.lang.fr import words
from veille.analysis.lang.fr.morphology import PARTICIPLE_ENDINGS
from veille.analysis.quotes.lexicon import Cue, CueLexicon
from veille.analysis.quotes.marks import MarkedSpan
from veille.analysis.quotes.speakers import SpeakerResolver
from veille.analysis.syntax.sentences import SentenceIndex, TokenIndex
from veille.model import Document


@dataclass(frozen=True)
class Incise:
    """A reporting clause with its subject after the verb."""

    verb: Token
    cue: Cue
    subject: Token | None
    start: int  # offset of the comma or first word of the incise
    end: int  # offset just after the incise's last word (before , or .)


class QuoteContext:
    """Tokens, sentences and marks of one document, with the lookups the finders share."""

    def __init__(self, doc: Document, parsed: Doc, lexicon: CueLexicon, marks: list[MarkedSpan]) -> None:
        self.doc = doc
        self.text = doc.article.text
        self.parsed = parsed
        self.lexicon = lexicon
        self.marks = marks
        # Outermost quotations come sorted and disjoint: finding the one around an offset is
        # then a bisection, not a scan of every quotation per token (quadratic on long texts).
        self._opens = [m.open for m in marks]
        self._disjoint = all(a.open <= b.open and a.outer_end <= b.open for a, b in pairwise(marks))
        self.resolver = SpeakerResolver(doc, parsed, lexicon)
        self.resolver.quoted = [(m.open, m.outer_end) for m in marks]
        self.tokens = TokenIndex(parsed)
        self.sentences = SentenceIndex(
            self.text, doc.article.paragraphs, lambda o: self.inside_mark(o) is not None
        )
        self.paragraphs = self.sentences.paragraphs

    def token_at(self, offset: int) -> int:
        """Return the index of the token that starts at or covers ``offset``."""
        return self.tokens.at(offset)

    def token_after(self, offset: int) -> int:
        """Return the index of the first token starting at or after ``offset``."""
        return self.tokens.after(offset)

    def paragraph(self, offset: int) -> tuple[int, int, bool]:
        """Return (start, end, heading) of the paragraph holding ``offset``."""
        return self.sentences.paragraph(offset)

    def paragraph_index(self, offset: int) -> int:
        return self.sentences.paragraph_index(offset)

    def sentence_start(self, offset: int) -> int:
        """Return where the sentence holding ``offset`` starts (never inside quotation marks)."""
        return self.sentences.start(offset)

    def sentence_end(self, offset: int) -> int:
        """Return the end of the sentence holding ``offset``, before its final punctuation."""
        return self.sentences.end(offset)

    def inside_mark(self, offset: int) -> MarkedSpan | None:
        """Return the marked span whose marks enclose ``offset``."""
        if self._disjoint:  # only the last quotation opened before the offset can enclose it
            i = bisect.bisect_left(self._opens, offset) - 1
            return self.marks[i] if i >= 0 and offset < self.marks[i].outer_end else None
        for span in self.marks:
            if span.open < offset < span.outer_end:
                return span
        return None

    def marks_in(self, start: int, end: int) -> list[MarkedSpan]:
        return [m for m in self.marks if m.open < end and m.outer_end > start]

    def incise_at(self, i: int, limit: int | None = None) -> Incise | None:
        """Return the incise starting at token ``i`` (a comma, or the verb itself): an
        optional auxiliary, a cue verb, and a subject after the verb (or -t-il)."""
        tokens = self.parsed
        end = len(tokens) if limit is None else min(limit, len(tokens))
        start_i = i
        if i < end and tokens[i].text == ",":
            i += 1
        if i < end and tokens[i].lower_ in words.auxiliary_forms():
            i += 1
            while i < end and (tokens[i].text.startswith("-") or tokens[i].pos_ == "ADV"):
                i += 1  # a-t-il, a encore déclaré
        if i >= end:
            return None
        verb = tokens[i]
        cue = self.lexicon.cue(verb)
        if cue is None or verb.pos_ not in ("VERB", "AUX", "NOUN", "ADJ", "PROPN"):
            return None
        if i == start_i + 1 and verb.lower_.endswith(PARTICIPLE_ENDINGS):
            return None  # …, appelés métabolites / confirmant une information: no auxiliary, no incise
        after_quote = start_i > 0 and tokens[start_i - 1].text in '»”"'
        if not after_quote and self._subject_before(verb):
            return None  # la ministre …, Yvette Cooper, a appelé X à: not an incise
        subject = self._subject_after(verb, end)
        if subject is None:
            return None
        if verb.i + 1 < end and tokens[verb.i + 1].lower_ in ("que", "qu'", "qu’"):
            return None  # a déclaré que …: not an incise
        stop = self._incise_end(subject, end)
        return Incise(verb, cue, subject, tokens[start_i].idx, stop)

    def _subject_before(self, verb: Token) -> bool:
        """Return True when the verb's own subject stands before it with no other verb in
        between (an apposition, not a quoted clause, separates them)."""
        if any(c.dep_ in ("nsubj", "nsubj:pass") and c.i > verb.i for c in verb.children):
            return False  # a subject after the verb too (…, a indiqué mardi l'Insee): an incise
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubj:pass") and child.i < verb.i and not child.text.startswith("-"):
                if self.inside_mark(child.idx) is not None:
                    continue  # the parser made the quoted clause the subject of the incise
                if self.inside_mark(verb.idx) is not None:
                    continue  # an incise inside the marks: a subject outside them is not its own
                between = self.parsed[child.right_edge.i + 1 : verb.i]
                if not any(t.pos_ == "VERB" for t in between):
                    return True
        return False

    def _subject_after(self, verb: Token, end: int) -> Token | None:
        for token in self.parsed[verb.i - 2 : min(verb.i + 3, end)]:
            if token.text.startswith("-") and token.text.lower().lstrip("-") in (
                "il",
                "elle",
                "ils",
                "elles",
                "on",
            ):
                return token
        subject = self.resolver.subject_of(verb)
        if subject is not None and subject.i > verb.i and subject.i < end:
            return subject
        subject = self.resolver.inverted_subject(verb)
        if subject is not None and subject.i < end and not subject.is_punct:
            return subject
        # The parser lost the link: the first noun phrase after the verb.
        for token in self.parsed[verb.i + 1 : min(verb.i + 6, end)]:
            if token.is_punct:
                return None
            if token.pos_ in ("NOUN", "PROPN"):
                return token
        return None

    def _incise_end(self, subject: Token, end: int) -> int:
        _start, stop = self.speaker_phrase(subject)
        return stop

    def speaker_phrase(self, subject: Token) -> tuple[int, int]:
        """Return the character span of the speaker phrase headed by ``subject``."""
        if (subject.text.startswith("-") and len(subject.text) > 1) or subject.pos_ == "PRON":
            text = subject.text.lstrip("-")
            start = subject.idx + (len(subject.text) - len(text))
            return start, start + len(text)
        return self.resolver.phrase_of(subject)

    def cue_before(self, start: int, offset: int) -> Token | None:
        """Return the nearest cue verb (scope all) between ``start`` and ``offset``, outside
        any quotation marks."""
        lo = self.token_after(start)
        hi = self.token_after(offset)
        for token in reversed(self.parsed[lo:hi]):
            cue = self.lexicon.cue(token)
            if cue is not None and cue.scope == "all" and self.inside_mark(token.idx) is None:
                if token.text.lower().endswith("ant") or (
                    token.pos_ == "VERB" and not _bare_participle(token)
                ):
                    return token
        return None

    def selon_in(self, start: int, end: int) -> tuple[int, int] | None:
        """Return the span of the noun phrase after selon / d'après in the range, if any."""
        match = re.search(r"\b(?:[Ss]elon|[Dd]['’]après)\s+", self.text[start:end])
        if match is None:
            return None
        np_start = start + match.end()
        return np_start, self.np_end(np_start, end)

    def np_end(self, start: int, limit: int) -> int:
        """Return where a speaker noun phrase starting at ``start`` ends: at the first comma,
        unless a description is followed by a person's name in apposition, closed by a comma
        or the end (le conseiller …, Yuri Ushakov, …). A name before the comma is the source
        itself: in Selon l'Ifop, Jordan Bardella …, the person is what the poll is about."""
        comma = self.text.find(",", start, limit)
        if comma == -1:
            return limit
        article = re.match(r"(?:[Ll]es? |[Ll]a |[Ll]['’])?", self.text[start:comma])
        head = start + (article.end() if article else 0)
        if any(
            s <= head + 1 and m.kind == "name" for s, _e, m, _ent in self.resolver.mentions_in(start, comma)
        ):
            return comma
        after = comma + 1
        while after < limit and self.text[after] == " ":
            after += 1
        for s, e, _m, entity in self.resolver.mentions:
            if s == after and entity.type == "PER" and re.fullmatch(r"\s*(?:,.*)?", self.text[e:limit], re.S):
                return e
            if s > after:
                break
        return comma


@dataclass(frozen=True)
class Candidate:
    """A quotation found but not yet attributed: its span and how to find its speaker.

    ``how`` is "phrase" (resolve the phrase at ``phrase``), "continue" (the speaker of the
    quotation just before, if it is close) or "none".
    """

    kind: str
    start: int
    end: int
    cue: str | None
    how: str
    phrase: tuple[int, int] | None = None
    anchor: int | None = None  # offset of the cue verb, for the date of the statement


def _bare_participle(token: Token) -> bool:
    """Return True for a past participle with no auxiliary (l'enquête, confiée à la police)."""
    if "Part" not in token.morph.get("VerbForm", []) or token.text.lower().endswith("ant"):
        return False
    return not any(c.dep_.startswith("aux") for c in token.children)
