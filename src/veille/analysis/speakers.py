"""Find who is speaking: from a cue verb to its subject phrase, and from the phrase to an entity.

The entities and resolve stages give entities with name and description mentions; this module
only reads them, except that a pronoun speaker (il, a-t-elle) gets a ``pronoun`` mention on
the entity it resolves to (added by the quote stage at the end).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from veille.analysis.quote_lexicon import CueLexicon
from veille.model import Document, Entity, Mention

_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")
_PRONOUNS = {"il": ("m", 1), "elle": ("f", 1), "ils": ("m", 2), "elles": ("f", 2)}
_RELATIVE = frozenset({"qui", "lequel", "laquelle", "lesquels", "lesquelles"})
# How far back (in characters) a pronoun or a bare description may look for its person.
_LOOKBACK_CHARS = 1500
_FEMININE_BEFORE = re.compile(r"\b(?:[Ll]a|[Uu]ne|Mme|[Cc]ette)\s[^.;:!?«»\"]{0,80}$")
_MASCULINE_BEFORE = re.compile(r"\b(?:[Ll]e|[Uu]n|M\.|[Cc]e|[Dd]u|[Aa]u)\s[^.;:!?«»\"]{0,80}$")


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: the entity id (or None), the phrase that names it, and whether that
    phrase is a pronoun that needs a mention added to the entity."""

    entity: str | None
    start: int
    end: int
    pronoun: bool = False


class SpeakerResolver:
    """Map speaker phrases of one document to its entities."""

    def __init__(self, doc: Document, parsed: Doc, lexicon: CueLexicon) -> None:
        self.doc = doc
        self.parsed = parsed
        self.text = doc.article.text
        self.person_nouns = lexicon.word_class("person")
        self.org_nouns = lexicon.word_class("org")
        self.mentions: list[tuple[int, int, Mention, Entity]] = sorted(
            ((m.start, m.end, m, e) for e in doc.entities for m in e.mentions), key=lambda item: item[0]
        )
        self._starts = [item[0] for item in self.mentions]
        self._genders = {e.id: e.gender or self._guess_gender(e) for e in doc.entities}
        self.quoted: list[tuple[int, int]] = []  # spans inside quotation marks, set by the caller

    # 1. From a cue verb to the tokens of its subject.
    def subject_of(self, verb: Token) -> Token | None:
        """Return the subject token of a cue verb; a participle or gerund (estimant que,
        en avertissant que) borrows the subject of the verb it hangs on."""
        if verb.lower_.endswith("ant"):
            return self._gerund_subject(verb)
        current = verb
        for _ in range(4):
            for child in current.children:
                if child.dep_ in _SUBJECT_DEPS and child.text.lower() not in ("-t", "t"):
                    if child.text.lower() in _RELATIVE and current.dep_.startswith("acl"):
                        return current.head  # la Ville, qui a dressé… → la Ville
                    return child
            if current.head is current:
                break
            if current.dep_ in ("ccomp", "csubj") or current.dep_.startswith("parataxis"):
                break  # the subject of a governing clause is not the speaker of this one
            current = current.head
        return None

    def _gerund_subject(self, verb: Token) -> Token | None:
        """Return the subject of the finite verb a participle hangs on, searching leftwards:
        the parser often attaches (en) avertissant to the clause it introduces."""
        for token in reversed(self.parsed[verb.sent.start : verb.i]):
            if token.pos_ not in ("VERB", "AUX") or token.lower_.endswith("ant"):
                continue
            for child in token.children:
                if child.dep_ in _SUBJECT_DEPS and child.text.lower() not in ("-t", "t"):
                    return child
        return None

    def inverted_subject(self, verb: Token) -> Token | None:
        """Return the subject placed after a verb in an incise (« … », a déclaré X; précise
        l'OFAG), which the parser often labels as an object."""
        for child in verb.children:
            if child.i > verb.i and child.dep_ in (*_SUBJECT_DEPS, "obj", "appos", "nmod", "dep"):
                if child.text.lower() in ("-t", "t") or child.is_punct:
                    continue
                return child
        # The pronoun glued to the verb: affirme-t-il, a-t-elle déclaré.
        for token in self.parsed[verb.i - 2 : verb.i + 3]:
            if token.text.lower().lstrip("-") in _PRONOUNS and token.text.startswith("-"):
                return token
        return None

    def phrase_of(self, subject: Token) -> tuple[int, int]:
        """Return the character span of a subject's phrase: its subtree, without a relative
        clause or anything after a second comma."""
        if subject.pos_ == "PRON":
            return subject.idx, subject.idx + len(subject)
        left = subject.left_edge.i
        right = subject.i
        commas = 0
        sent_end = subject.sent.end
        for token in self.parsed[subject.i + 1 : sent_end]:
            if token.is_punct and token.text != ",":
                break
            if token.text == ",":
                commas += 1
                if commas > 1 or not self._apposed_name(token.i + 1):
                    break
                continue
            if token.dep_.startswith("acl") or token.lower_ in ("qui", "dans", "lors", "juste"):
                break
            if token.lower_ == "en" and token.nbor(1).text.lower().endswith("ant"):
                break  # en avertissant que: a gerund, not part of the name
            if not _inside(token, subject) and token.head.i != subject.i:
                break
            right = token.i
        start = self.parsed[left].idx
        last = self.parsed[right]
        return start, last.idx + len(last)

    def _apposed_name(self, i: int) -> bool:
        """Return True when a person's name follows within a few words, before any punctuation
        (le patron du commandement …, le général Michael Kurilla)."""
        for token in self.parsed[i : i + 5]:
            if token.is_punct:
                return False
            for s, _e, _m, entity in self.mentions_in(token.idx, token.idx + len(token)):
                if s == token.idx and entity.type == "PER":
                    return True
        return False

    # 2. From a phrase to an entity.
    def resolve_phrase(self, start: int, end: int) -> Speaker:
        """Return the speaker a phrase names, by the entity mentions inside it, then as a
        pronoun, then as a description (le ministre, la plateforme)."""
        words = self.text[start:end].split()
        first = words[0].lower().lstrip("-").rstrip(",") if words else ""
        if len(words) == 1 and first in _PRONOUNS:
            return self.resolve_pronoun(start, end, first)
        if first == "on":
            return Speaker(None, start, end)
        inside = self.mentions_in(start, end)
        head = _content_start(self.text, start, end)
        for _s, _e, mention, entity in inside:
            if mention.start <= head + 1 and entity.type in ("PER", "ORG", "LOC") and not entity.group:
                return Speaker(entity.id, mention.start, mention.end)  # the phrase is this name
        for wanted in ("PER", "ORG"):
            for _s, _e, mention, entity in inside:
                if entity.type == wanted and mention.kind == "name":
                    return Speaker(entity.id, mention.start, mention.end)
        for wanted in ("PER", "ORG"):
            for _s, _e, mention, entity in inside:
                if entity.type == wanted:
                    return Speaker(entity.id, mention.start, mention.end)
        noun = _head_noun(self.text[head:end])
        if noun in self.person_nouns:
            return Speaker(self._describe(start, end, "PER"), start, end)
        if noun in self.org_nouns:
            return Speaker(self._describe(start, end, "ORG"), start, end)
        for _s, _e, mention, entity in inside:
            if entity.type == "LOC":  # countries and cities speak through their governments
                return Speaker(entity.id, mention.start, mention.end)
        return Speaker(None, start, end)

    def resolve_pronoun(
        self, start: int, end: int, pronoun: str, recent: str | None = None, recent_end: int = -1
    ) -> Speaker:
        """Resolve il/elle/ils/elles: the speaker just quoted when no other compatible person
        is named since, else the nearest compatible person (organisations for the plural)
        named before the pronoun outside quotation marks."""
        gender, number = _PRONOUNS[pronoun]
        wanted = ("PER",) if number == 1 else ("ORG", "LOC", "PER")
        nearest: Entity | None = None
        nearest_start = -1
        index = bisect.bisect_left(self._starts, start)
        for s, e, _mention, candidate in reversed(self.mentions[:index]):
            if start - s > _LOOKBACK_CHARS:
                break
            if e <= start and candidate.type in wanted and not self._quoted(s):
                if self._compatible(candidate, gender, number):
                    nearest, nearest_start = candidate, s
                    break
        if recent is not None:
            previous = self.doc.entity(recent)
            if (
                previous is not None
                and previous.type in wanted
                and self._compatible(previous, gender, number)
            ):
                if nearest is None or nearest_start < recent_end or nearest.id == previous.id:
                    return Speaker(previous.id, start, end, pronoun=True)
        if nearest is not None:
            return Speaker(nearest.id, start, end, pronoun=True)
        return Speaker(None, start, end)

    def _quoted(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.quoted)

    def _compatible(self, entity: Entity, gender: str, number: int) -> bool:
        if number == 2:
            return entity.type != "PER" or entity.group
        known = self._genders.get(entity.id)
        return known is None or known == gender

    def _describe(self, start: int, end: int, wanted: str) -> str | None:
        """Resolve a description with no entity inside: the same words next to a name
        elsewhere (le président finlandais Sauli Niinistö), else the nearest entity of the
        wanted type before it, else the first one after it in the same paragraph."""
        phrase = self.text[_content_start(self.text, start, end) : end].strip(" ,")
        if len(phrase) > 3:
            for match in re.finditer(re.escape(phrase), self.text):
                if match.start() == _content_start(self.text, start, end):
                    continue
                # The same words next to a name: le président finlandais Sauli Niinistö,
                # le commandement … pour le Moyen-Orient (Centcom).
                for s, _e, _mention, entity in self.mentions_in(match.end(), match.end() + 50):
                    gap = self.text[match.end() : s]
                    if s >= match.end() and entity.type == wanted and re.fullmatch(r"[^.;:!?«»]*", gap):
                        if s - match.end() <= 3 or gap.rstrip().endswith("("):
                            return entity.id
        index = bisect.bisect_left(self._starts, start)
        for s, e, _mention, entity in reversed(self.mentions[:index]):
            if start - s > _LOOKBACK_CHARS:
                break
            if e <= start and entity.type == wanted and not entity.group:
                return entity.id
        paragraph_end = self.text.find("\n\n", end)
        paragraph_end = len(self.text) if paragraph_end == -1 else paragraph_end
        for s, _e, _mention, entity in self.mentions[index:]:
            if s >= paragraph_end:
                break
            if s >= end and entity.type == wanted and not entity.group:
                return entity.id
        return None

    def mentions_in(self, start: int, end: int) -> list[tuple[int, int, Mention, Entity]]:
        """Return the entity mentions that overlap [start, end), in text order."""
        lo = bisect.bisect_left(self._starts, start - 200)
        hi = bisect.bisect_left(self._starts, end)
        return [item for item in self.mentions[lo:hi] if item[1] > start]

    def _guess_gender(self, entity: Entity) -> str | None:
        """Guess a person's gender from the words before a name (la ministre …, Elina Valtonen)."""
        if entity.type != "PER":
            return None
        for mention in entity.mentions:
            if mention.kind != "name":
                continue
            before = self.text[max(0, mention.start - 90) : mention.start]
            fem = _FEMININE_BEFORE.search(before)
            masc = _MASCULINE_BEFORE.search(before)
            if fem and (not masc or fem.start() > masc.start()):
                return "f"
            if masc:
                return "m"
        return None


def with_pronoun_mentions(doc: Document, speakers: list[Speaker]) -> Document:
    """Return the document with a pronoun mention added to each entity a pronoun resolved to."""
    import dataclasses

    extra: dict[str, list[Mention]] = {}
    text = doc.article.text
    for speaker in speakers:
        if speaker.pronoun and speaker.entity is not None:
            extra.setdefault(speaker.entity, []).append(
                Mention(speaker.start, speaker.end, text[speaker.start : speaker.end], "pronoun")
            )
    if not extra:
        return doc
    entities = []
    for entity in doc.entities:
        added = [m for m in extra.get(entity.id, []) if m not in entity.mentions]
        if added:
            mentions = tuple(sorted((*entity.mentions, *added), key=lambda m: m.start))
            entity = dataclasses.replace(entity, mentions=mentions)
        entities.append(entity)
    return dataclasses.replace(doc, entities=tuple(entities))


def _inside(token: Token, root: Token) -> bool:
    return root.left_edge.i <= token.i <= root.right_edge.i


def _content_start(text: str, start: int, end: int) -> int:
    """Skip a leading article (le, la, l', les) of a phrase."""
    match = re.match(r"(?:[Ll]e |[Ll]a |[Ll]es |[Ll]'|[Ll]’)", text[start:end])
    return start + match.end() if match else start


def _head_noun(phrase: str) -> str:
    words = re.findall(r"[\w-]+", phrase.lower())
    return words[0] if words else ""
