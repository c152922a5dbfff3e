"""What every quote finder needs about one article: tokens by offset, sentences, incises.

The incises (« … », a déclaré X) are found by the InciseFinder mixin (incises.py), which
QuoteContext inherits; the rest of the lookups the finders share are here.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc, Token

from veille.analysis.lang.fr.words import THIRD_STRESSED
from veille.analysis.quotes.apposition import apposed_end
from veille.analysis.quotes.embedded import in_reported_clause
from veille.analysis.quotes.impersonal import on_source
from veille.analysis.quotes.incises import InciseFinder
from veille.analysis.quotes.lexicon import CueLexicon
from veille.analysis.quotes.marks import MarkedSpan, MarkOrder, Stretches
from veille.analysis.quotes.misread import finite_before_que, noun_before_object, present_read_as_participle
from veille.analysis.quotes.speakers import SpeakerResolver
from veille.analysis.syntax.clauses import bare_participle
from veille.analysis.syntax.memo import per_token
from veille.analysis.syntax.sentences import SentenceIndex, TokenIndex
from veille.model import Document

# Pour X, … « … »: a sentence giving X's view, the quoted fragment X's words.
_POUR = re.compile(r"\s*(?:Pour|(?:Mais|Et|Or|Enfin),?\s+pour)\s+")  # Mais pour X, …


# A participle with its agent after a source (interviewé par X, cité par Y): the end of the source.
BY_AGENT = re.compile(r"\s\w+(?:é|ée|és|ées|i|ie|is|u|ue|us)\s+par\s")
# A title of address whose period is no sentence end (M. Macron a dit …).
_ABBREVIATION = re.compile(r"(?:^|(?<=[\s(]))(?:M|MM|Mme|Mmes|Mlle|Me|Dr|Pr|St)\.\s?$")
# At most this many tokens between an incise-only cue and the quoted fragment it governs.
_OBJECT_FRAGMENT_GAP = 3
# Classes of pronominal cues whose transitive use still reports the speaker's words about its
# object (défend une décision « prise en responsabilité », justifie un choix « assumé »).
_ADVOCACY = frozenset({"say", "explain", "praise"})


# What training gathers for one quotation (scripts/train_speakers.py): its start and end, the
# rules' speaker, every candidate's (entity id, features), the ground of the rules' choice.
Collected = tuple[int, int, str | None, list[tuple[str, list[float]]], str | None]


class QuoteContext(InciseFinder):
    """Tokens, sentences and marks of one document, with the lookups the finders share."""

    def __init__(self, doc: Document, parsed: Doc, lexicon: CueLexicon, marks: list[MarkedSpan]) -> None:
        self.doc = doc
        self.text = doc.article.text
        self.parsed = parsed
        self.lexicon = lexicon
        self.marks = marks
        self.terms: set[int] = set()  # opening offsets of the marks around a name or term
        # Outermost quotations come sorted and disjoint: finding the one around an offset is
        # then a bisection, not a scan of every quotation per token (quadratic on long texts).
        self._opens = [m.open for m in marks]
        self._disjoint = all(a.open <= b.open and a.outer_end <= b.open for a, b in pairwise(marks))
        self._order = MarkOrder(marks)
        self._closed_at = {m.outer_end: (n, m) for n, m in reversed(list(enumerate(marks)))}  # by outer end
        self.resolver = SpeakerResolver(doc, parsed, lexicon)
        self.resolver.quoted = Stretches((m.open, m.outer_end) for m in marks)
        # Set by the training script: every quotation's candidates and the rules' choice.
        self.collect: list[Collected] | None = None
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
        """Return where the sentence holding ``offset`` starts (never inside quotation marks);
        the period of a title of address (M. Macron, Mme Binet's Mme.) ends no sentence."""
        start = self.sentences.start(offset)
        while start > 0 and _ABBREVIATION.search(self.text, max(start - 6, 0), start):
            start = self.sentences.start(start - 2)
        return start

    def sentence_end(self, offset: int) -> int:
        """Return the end of the sentence holding ``offset``, before its final punctuation."""
        end = self.sentences.end(offset)
        while end < len(self.text) and _ABBREVIATION.search(self.text, max(end - 5, 0), end + 2):
            end = self.sentences.end(end + 1)
        return end

    def rest_of_sentence(self, offset: int) -> tuple[int, int]:
        """Return the span from ``offset`` (spaces skipped) to the end of its sentence, without
        trailing commas, semicolons or colons: the statement after a cue (selon qui, a dit :)."""
        start = offset
        while start < len(self.text) and self.text[start] == " ":
            start += 1
        end = self.sentence_end(start)
        while end > start and self.text[end - 1] in " ,;:":
            end -= 1
        return start, end

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
        """Return the marked spans that overlap [start, end), in their order."""
        return self._order.overlapping(start, end)

    def last_closed_by(self, offset: int) -> MarkedSpan | None:
        """Return the last listed marked span whose marks close at or before ``offset``."""
        return self._order.last_closed_by(offset)

    @per_token
    def on_source(self, subject: Token) -> tuple[int, int] | None:
        """Return the party an opener names for an impersonal on (Chez X, on …), else None."""
        start = self.sentence_start(subject.idx)
        return on_source(self.text, start, subject, self.resolver.mentions_in(start, subject.idx))

    @per_token
    def speaker_phrase(self, subject: Token) -> tuple[int, int]:
        """Return the character span of the speaker phrase headed by ``subject``."""
        source = self.on_source(subject)
        if source is not None:
            return source  # Du côté de la DGAC, on se dit …: the party the opener names
        if (subject.text.startswith("-") and len(subject.text) > 1) or subject.pos_ == "PRON":
            text = subject.text.lstrip("-")
            start = subject.idx + (len(subject.text) - len(text))
            return start, start + len(text)
        start, end = self.resolver.phrase_of(subject)
        return self._past_time(start, subject.idx), end

    def _past_time(self, start: int, head: int) -> int:
        """Return where a subject phrase starts once a time expression that opens it is cut
        off: French puts the time of an incise between the verb and its inverted subject
        (« … », a déclaré mardi soir le ministre), and the parser hangs that time on the
        subject's noun, so the phrase would open on *mardi* and its head be no speaker."""
        for timex in self.doc.timexes:
            if timex.start <= start < timex.end <= head:
                rest = self.text[timex.end : head]
                return timex.end + len(rest) - len(rest.lstrip(" ,"))
        return start

    def cue_before(self, start: int, offset: int) -> Token | None:
        """Return the nearest cue verb (scope all) in [start, offset), outside quotation marks."""
        lo = self.token_after(start)
        hi = self.token_after(offset)
        lower = hi + 1 < len(self.parsed) and self.parsed[hi + 1].text[:1].islower()
        for token in reversed(self.parsed[lo:hi]):
            cue = self.lexicon.cue(token)
            # An incise-only cue counts when the fragment is its object, a few words after it
            # (Elle a salué « une victoire collective »; a défendu une décision « … »).
            near = (
                cue is not None
                and (
                    self.lexicon.cues[cue.lemma].scope == "incise"
                    or cue.cls in _ADVOCACY  # défend une décision « … », not étonner « … »
                )
                and (hi - token.i == 1 or not in_reported_clause(self.lexicon, self.parsed, lo, token.i))
                and hi - token.i <= _OBJECT_FRAGMENT_GAP + self.lexicon.designates(cue.lemma, "de")
                and not any(
                    t.pos_ == "ADP" and not (self.lexicon.designates(cue.lemma, t.lower_) and lower)
                    for t in self.parsed[token.i + 1 : hi]
                )  # parle de « Guerre et Paix »: a capitalised fragment after de is a title
            )  # not a réagi à cette « vidéo glaçante »: what is reacted to, not what is said
            if cue is not None and (cue.scope == "all" or near) and self.inside_mark(token.idx) is None:
                if token.text.lower().endswith("ant") or (
                    token.pos_ == "VERB" and (not bare_participle(token) or present_read_as_participle(token))
                ):
                    return token
                if (
                    token.pos_ == "NOUN"
                    and hi - token.i <= _OBJECT_FRAGMENT_GAP + 1
                    and noun_before_object(token)
                ) or (cue.scope == "all" and finite_before_que(token)):
                    # X juge la décision « … »; dont la dirigeante X juge que « … »: the verb
                    # juger read as the noun juge, X, rétorque que as a participle (misread.py)
                    return token
        return None

    def selon_in(self, start: int, end: int) -> tuple[int, int] | None:
        """Return the span of the noun phrase after selon / d'après in the range, if any."""
        match = re.search(r"\b(?:[Ss]elon|[Dd]['’]après)\s+", self.text[start:end])
        if match is None:
            return None
        np_start = start + match.end()
        return np_start, self.np_end(np_start, end)

    def pour_opener(self, sent_start: int, mark_open: int) -> tuple[int, int] | None:
        """Return the phrase of a sentence opened by *Pour X,* before a quoted fragment (Pour la
        ministre, le texte est « inapplicable »): X's view, when X is a person or organisation."""
        match = _POUR.match(self.text, sent_start, mark_open)
        if match is None:
            return None
        np_end = self.np_end(match.end(), mark_open)
        if np_end >= mark_open or not self.text[np_end:].startswith(","):
            return None
        if any(e.type in ("PER", "ORG") for _s, _e, _m, e in self.resolver.mentions_in(match.end(), np_end)):
            return match.end(), np_end
        if self.text[match.end() : np_end].strip().lower() in THIRD_STRESSED:
            return match.end(), np_end  # Pour elle, « … »: the view of the person just named
        speaking = self.lexicon.word_class("person") | self.lexicon.word_class("org")
        head = re.findall(r"[\w-]+", self.text[match.end() : np_end].lower())[:2]
        return (match.end(), np_end) if set(head) & speaking else None

    def np_end(self, start: int, limit: int) -> int:
        """Return where a speaker noun phrase from ``start`` ends: at the first comma, unless a
        description is followed by an apposed person's name (le conseiller …, Me Yuri Ushakov,)
        closed by a comma or the end (apposition.py). Selon l'Ifop, Jordan Bardella …: the
        source is the name."""
        agent = BY_AGENT.search(self.text, start, limit)
        if agent is not None:
            # selon le ministre interviewé par le Wall Street Journal: the outlet is not the source
            inside = "," not in self.text[start : agent.start()]  # the agent ends the phrase itself
            apposed = self._apposed_after_agent(agent.end(), limit) if inside else None
            if apposed is not None:
                return apposed  # selon le liquidateur désigné par le tribunal, Me X: the name is
            limit = agent.start()
        comma = self.text.find(",", start, limit)
        if comma == -1:
            return limit
        article = re.match(r"(?:[Ll]es? |[Ll]a |[Ll]['’])?", self.text[start:comma])
        head = start + (article.end() if article else 0)
        if any(
            s <= head + 1 and m.kind == "name" for s, _e, m, _ent in self.resolver.mentions_in(start, comma)
        ):
            return comma
        apposed = self._apposed_after(comma, limit)[1]
        return comma if apposed is None else apposed

    def _apposed_after(self, comma: int, limit: int) -> tuple[int, int | None]:
        """Return (where a name apposed after ``comma`` starts, past a title of address such
        as Me, Mme or M.; where it ends, or None when no name is apposed there)."""
        after = comma + 1
        while after < limit and self.text[after] == " ":
            after += 1
        title = re.match(r"(\S+) +", self.text[after:limit])  # Me, Mme, M. before the name
        after += title.end() if title and self.lexicon.is_title(title.group(1)) else 0
        return after, apposed_end(self.text, self.resolver.mentions_in, after, limit)

    def _apposed_after_agent(self, agent_end: int, limit: int) -> int | None:
        """Return the end of a person's name apposed after a participle's agent phrase (le
        mandataire désigné par le tribunal, Me Ahmed Mbaé,): the description ends with its
        agent and the name that follows it is the source; None when no name follows."""
        comma = self.text.find(",", agent_end, limit)
        if comma == -1:
            return None
        after, apposed = self._apposed_after(comma, limit)
        if apposed is None or not any(
            entity.type == "PER" for _s, _e, _m, entity in self.resolver.mentions_in(after, apposed)
        ):
            return None
        return apposed


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
