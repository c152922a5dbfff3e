"""Find the entity a bare description or a pronoun takes up, among the mentions before it.

A mixin of the speaker resolver (speakers.SpeakerResolver), which holds the parse, the text,
the lexicon, the entity mentions and the genders these methods read. When a speaker phrase
names nobody (le ministre, son adversaire) or is a pronoun (il, a-t-elle), the person is one
the text named before: the same words next to a name elsewhere, the subject of the sentences
before (the topic), else the nearest compatible entity within a lookback, outside quotation
marks (a quotation's words are not the narrative's).
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from veille.analysis.lang.fr.words import PREVERBAL_CLITICS
from veille.analysis.quotes import hints as speaker_hints
from veille.analysis.quotes.phrases import content_start, head_noun, phrase_gender
from veille.analysis.quotes.salience import narrative_floor
from veille.analysis.quotes.subjects import SubjectFinder
from veille.analysis.quotes.topic import primary_first
from veille.analysis.syntax.mentions import MentionIndex
from veille.analysis.syntax.view import token_view
from veille.model import Document, Entity, Mention

_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")
# Clitics and negation between a subject and its verb (s'est, n'a pas, lui a): not qui.
# How many tokens after a mention its subject phrase's closing comma and verb may lie.
_SUBJECT_REACH = 16
# How far back (in characters) a pronoun or a bare description may look for its person.
LOOKBACK_CHARS = 1500
# The gap of a de-complement (la rédaction de Splann): the same words with their name.
_OF = re.compile(r"\s+(?:de|du|des|d['’])\s*(?:l['’]|la\s|le\s|les\s)?")


# A byline or interview credit opening a heading paragraph (Par X; De notre correspondant à
# Y, X; Propos recueillis par X).
_BYLINE = re.compile(r"\s*(?:[Pp]ar\s|[Dd]e notre (?:envoyée?|correspondante?)\b|[Pp]ropos recueillis par\s)")


class AntecedentFinder(SubjectFinder):
    """From a description or a pronoun to the entity named before that it takes up."""

    doc: Document
    parsed: Doc
    index: MentionIndex
    mentions: list[tuple[int, int, Mention, Entity]]
    _token_starts: list[int]
    _genders: dict[str, str | None]
    title_occurrences: dict[str, list[tuple[int, set[str]]]]  # by phrase (hints.title_occurrences)

    def entity(self, entity_id: str | None) -> Entity | None:
        raise NotImplementedError

    def in_byline(self, offset: int) -> bool:
        """Return True for an offset in a byline (Par Claire Martin; De notre envoyée
        spéciale à Kiev, X; Propos recueillis par X): page furniture names the writer, who is
        no antecedent of the article's pronouns."""
        return any(s <= offset < e for s, e in self._bylines())

    def _bylines(self) -> list[tuple[int, int]]:
        if not hasattr(self, "_byline_spans"):
            self._byline_spans = [
                (p.start, p.end)
                for p in self.doc.article.paragraphs
                if p.heading and _BYLINE.match(self.text, p.start, p.end)
            ]
        return self._byline_spans

    def latter(self, start: int, gender: str) -> str | None:
        """Return the id of the last person of ``gender`` named before ``start`` outside
        quotation marks (celui-ci, celle-ci take up the latter, whatever its function)."""
        index = bisect.bisect_left(self.index.starts, start)
        for s, e, _mention, candidate in reversed(self.mentions[:index]):
            if start - s > LOOKBACK_CHARS:
                break
            if e <= start and candidate.type == "PER" and not self._quoted(s) and not self.in_byline(s):
                if self._compatible(candidate, gender, 1):
                    return candidate.id
        return None

    def _salient_subject(
        self, start: int, index: int, wanted: tuple[str, ...], gender: str | None, number: int
    ) -> tuple[Entity, int] | None:
        """Return the nearest compatible entity named as a subject in the pronoun's sentence
        or the one before: a pronoun takes up the sentence's topic (Le maire Pierre Durand a
        reçu Paul Girard. Il a déclaré … → Pierre Durand), not the last name read."""
        sent = self.parsed[max(bisect.bisect_right(self._token_starts, start) - 1, 0)].sent
        floor = narrative_floor(sent, self._quoted)  # skipping the sentences of a quotation
        for s, e, _mention, candidate in reversed(self.mentions[:index]):
            if s < floor:
                break
            if e > start or candidate.type not in wanted or self._quoted(s):
                continue
            if self._compatible(candidate, gender, number) and self._preverbal_subject(s):
                return candidate, s
        return None

    def _preverbal_subject(self, offset: int) -> bool:
        """Return True when the mention at ``offset`` is a subject before its verb, or apposed
        to one (La directrice, Claire Fabre, a rencontré …): the parser's subjects after the
        verb are mostly objects it misread."""
        view, i = token_view(self.parsed), max(bisect.bisect_right(self._token_starts, offset) - 1, 0)
        i = view.head[i] if view.dep[i] == "det" else i  # Le maire …: the noun, not le
        first = i
        if view.dep[i] in ("appos", "conj", "flat:name") and view.head[i] < i:
            i = view.head[i]  # Le maire de Tarsil, X: a name the parser hung on the complement
            i = view.head[i] if view.dep[i] == "nmod" and view.head[i] < i else i
        return (view.dep[i] in _SUBJECT_DEPS and i < view.head[i]) or self._fronted_subject(first)

    def _fronted_subject(self, i: int) -> bool:
        """Return True for a mention inside the long subject that follows a fronted phrase
        and precedes its verb right after a comma (Arrivé en hélicoptère, le ministre, X,
        s'est entretenu avec …), which the parser hangs on the fronted participle: the
        subject the quote finder reads there (subjects.apposed_subject) holds it."""
        k = i
        end = min(i + _SUBJECT_REACH, len(self.parsed))
        while k < end and self.parsed[k].text != ",":
            k += 1
        while (
            k + 1 < end and self.parsed[k].text == "," and self.parsed[k + 1].pos_ in ("PROPN", "NOUN", "DET")
        ):
            k += 1  # past the rest of the apposition (le ministre, X, …)
            while k < end and self.parsed[k].text != ",":
                k += 1
        verb = k + 1
        while verb < end and (
            self.parsed[verb].pos_ == "AUX" or self.parsed[verb].lower_ in PREVERBAL_CLITICS
        ):
            verb += 1  # s'est, n'a pas
        if verb >= end or self.parsed[verb].pos_ != "VERB" or self.parsed[k].text != ",":
            return False
        subject = self.apposed_subject(self.parsed[k + 1])  # read from the comma (s'est: a clitic)
        return subject is not None and subject.i <= i

    def _compatible(self, entity: Entity, gender: str | None, number: int) -> bool:
        if number == 2:
            return entity.type != "PER" or entity.group
        known = self._genders.get(entity.id)
        return known is None or gender is None or known == gender

    def possessor(
        self, start: int, plural: bool, recent: str | None = None, recent_end: int = -1
    ) -> str | None:
        """Return the entity a possessive names (selon ses travaux, d'après leurs calculs): as
        for a pronoun of any gender, the speaker just quoted (``recent``, whose quotation ends
        at ``recent_end``) when nobody fitting is named since, else the subject of its
        sentence or the one before, else the nearest person or organisation named before it
        outside quotation marks (an organisation or a group for leur)."""
        wanted = ("ORG", "LOC", "PER") if plural else ("PER", "ORG")
        number = 2 if plural else 1
        index = bisect.bisect_left(self.index.starts, start)
        nearest: tuple[str, int] | None = None
        for s, e, _mention, candidate in reversed(self.mentions[:index]):
            if start - s > LOOKBACK_CHARS:
                break
            if e <= start and candidate.type in wanted and not self._quoted(s) and not self.in_byline(s):
                if self._compatible(candidate, None, number):
                    nearest = candidate.id, s
                    break
        if recent is not None and (nearest is None or nearest[1] < recent_end or nearest[0] == recent):
            return recent
        subject = self._salient_subject(start, index, wanted, None, number)
        if subject is not None:
            return subject[0].id
        return None if nearest is None else nearest[0]

    def _clashes(self, entity: Entity, gender: str | None) -> bool:
        """Return True when a person's known gender disagrees with the phrase's."""
        known = self._genders.get(entity.id)
        return entity.type == "PER" and gender is not None and known is not None and known != gender

    def _describe(self, start: int, end: int, wanted: str, gender: str | None = None) -> str | None:
        """Resolve a description with no entity inside: the same words next to a name
        elsewhere (le président finlandais Sauli Niinistö), else the nearest entity of the
        wanted type before it, else the first one after it in the same paragraph."""
        head = content_start(self.text, start, end)
        phrase = self.text[head:end].strip(" ,")
        if wanted == "PER" and self._possessed_rival(start, end):
            return self._rival(start, gender)
        if len(phrase) > 3 and (" " in phrase or wanted != "PER"):
            # Not a person's bare title (le ministre): the same word beside a name anywhere in
            # the text may be another holder (the other country's minister); the title steps
            # below take the holder nearest before. (La direction beside its company's name
            # is that company's, wherever it stands.)
            for match in re.finditer(re.escape(phrase), self.text):
                if match.start() == head:
                    continue
                # The same words next to a name: le président finlandais Sauli Niinistö,
                # le commandement … pour le Moyen-Orient (Centcom).
                for s, _e, _mention, entity in self.mentions_in(match.end(), match.end() + 50):
                    gap = self.text[match.end() : s]
                    if s >= match.end() and entity.type == wanted and re.fullmatch(r"[^.;:!?«»]*", gap):
                        if s - match.end() <= 3 or gap.rstrip().endswith("(") or _OF.fullmatch(gap):
                            return entity.id
        titles = self.title_occurrences.get(phrase)
        if titles is None:  # searched once per phrase: the text and its mentions do not change
            titles = self.title_occurrences[phrase] = speaker_hints.title_occurrences(
                self.text, phrase, self.mentions_in
            )
        holder = self.entity(
            speaker_hints.apposed_title_holder(self.text, phrase, head, self.mentions_in, titles)
        )
        if wanted == "PER" and holder is not None and not self._clashes(holder, gender):
            return holder.id  # le préfet de la Guadeloupe, Alexandre Rocheteau … le préfet
        titled = speaker_hints.titled_person(self.doc, phrase, wanted)
        if titled is not None and not self._clashes(titled, gender):
            return titled.id  # le ministre de l'Industrie: the one person given that title
        index = bisect.bisect_left(self.index.starts, start)
        first = bisect.bisect_left(self.index.starts, start - LOOKBACK_CHARS)  # none further back
        before = [
            (s, entity)
            for s, e, _mention, entity in reversed(self.mentions[first:index])
            if start - s <= LOOKBACK_CHARS
            and e <= start
            and not self._quoted(s)
            and entity.type == wanted
            and not entity.group
            and not self._clashes(entity, gender)
        ]
        if wanted == "ORG":
            # l'organisation after « Le syndicat FO, majoritaire chez Transloire, a demandé »: the
            # organisation the text is about (a subject) before one it merely mentions.
            for s, entity in before:
                if self._is_subject(s):
                    return entity.id
        if before:
            return primary_first(self.parsed, before) if wanted == "PER" else before[0][1].id
        # Nobody fits before: the first one named after it, in its paragraph or the next (Selon
        # le ministre …, … ¶ « … » Cette petite phrase d'Arnaud Montebourg …).
        paragraph_end = self.text.find("\n\n", end)
        paragraph_end = self.text.find("\n\n", paragraph_end + 2) if paragraph_end != -1 else -1
        paragraph_end = len(self.text) if paragraph_end == -1 else paragraph_end
        for s, _e, _mention, entity in self.mentions[index:]:
            if s >= paragraph_end:
                break
            if s >= end and entity.type == wanted and not entity.group and not self._clashes(entity, gender):
                return entity.id
        return None

    def _is_subject(self, offset: int) -> bool:
        """Return True when the mention at ``offset`` is a subject, or names one in apposition
        (le syndicat Force Ouvrière, majoritaire …, a demandé)."""
        view, i = token_view(self.parsed), max(bisect.bisect_right(self._token_starts, offset) - 1, 0)
        if view.dep[i] in _SUBJECT_DEPS:
            return True
        head = view.head[i]  # heads and labels off the columns: no Token made
        return view.dep[i] in ("appos", "flat:name", "nmod") and head < i and view.dep[head] in _SUBJECT_DEPS

    def _possessed_rival(self, start: int, end: int) -> bool:
        """Return True for a possessive and a noun of the other party (son adversaire, sa
        partenaire nigérienne, son homologue)."""
        phrase = self.text[content_start(self.text, start, end) : end].strip(" ,")
        if head_noun(phrase) not in self.lexicon.word_class("rival"):
            return False
        return re.match(r"(?:[Ss]on|[Ss]a|[Ss]es|[Ll]eurs?) ", self.text[start:end]) is not None

    def counterpart(self, start: int, end: int, previous: str) -> str | None:
        """Resolve a possessed rival noun whose possessor no subject before names (« … », a
        affirmé la ministre allemande. Sa partenaire nigérienne a insisté : « … »): the possessor
        is the speaker of the quotation just before, the phrase the other party."""
        if not self._possessed_rival(start, end):
            return None
        return self._rival(start, phrase_gender(self.text[start:end].split()), previous)

    def _rival(self, start: int, gender: str | None = None, owner: str | None = None) -> str | None:
        """Resolve son adversaire, sa partenaire nigérienne: the nearest person named before who
        is not the possessor (``owner``, else the person of the nearest subject before it) and
        whose gender does not clash with the phrase's."""
        owner = owner or speaker_hints.possessor(self.parsed, start, self.mentions_in)
        if owner is None:
            return None
        index = bisect.bisect_left(self.index.starts, start)
        for s, e, _mention, entity in reversed(self.mentions[:index]):
            if start - s > LOOKBACK_CHARS:
                break
            if e > start or entity.type != "PER" or entity.group or entity.id == owner:
                continue
            if not self._clashes(entity, gender):
                return entity.id
        return None
