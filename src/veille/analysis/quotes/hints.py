"""Tell apart the people a speaker phrase may name: titles of address, namesakes, possessors,
and names the entity stages missed.

These helpers read the document and the parse; they never change an entity. The speaker
resolver (speakers.py) calls them when a phrase alone does not say who speaks:
1. *M. Vasseur* / *Mme Vasseur* / *Me Garnier*: among people sharing the surname, the one of
   the title's gender (by given name, then by the entity's gender) or the lawyer.
2. *son adversaire*: not the possessor (the subject of the sentence before), the other person.
3. *Météo-France précise que*: a proper name that no entity covers becomes a new organisation.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from spacy.tokens import Doc

from veille.analysis.quotes.lexicon import CueLexicon
from veille.model import Document, Entity, Mention
from veille.normal import word_key

_TITLE_BEFORE = re.compile(r"([A-Za-zÀ-ÿ]+\.?)\s+$")
# Words that may open a capitalised subject without making it a name (Certains, Plusieurs).
_NOT_NAMES = frozenset(
    "le la les l un une des il elle ils elles on nous vous ce cet cette ces certains certaines "
    "plusieurs tous toutes chacun personne beaucoup aucun aucune selon mais et".split()
)
_LAWYER_BEFORE = re.compile(r"\b(?:Me|Maître|avocate?s?)\b[^.;!?]{0,40}$")


def title_before(text: str, offset: int, lexicon: CueLexicon) -> str | None:
    """Return "m", "f" or "lawyer" for a title of address just before ``offset`` (M., Mme, Me)."""
    match = _TITLE_BEFORE.search(text[max(0, offset - 14) : offset])
    if match is None:
        return None
    word = match.group(1).lower()
    for kind in ("m", "f", "lawyer"):
        if word in lexicon.word_class(f"title-{kind}"):
            return kind
    return None


def surname_of(name: str) -> str:
    """Return the last word of a name (Hélène Vasseur → Vasseur)."""
    words = name.split()
    return words[-1] if words else ""


def namesakes(doc: Document, surname: str) -> list[Entity]:
    """Return the people with a full name (two words or more) ending in ``surname``."""
    found = []
    for entity in doc.entities:
        if entity.type != "PER" or entity.group:
            continue
        for mention in entity.mentions:
            words = mention.text.split()
            if mention.kind == "name" and len(words) >= 2 and words[-1] == surname:
                found.append(entity)
                break
    return found


def is_lawyer(text: str, entity: Entity) -> bool:
    """Return True when a name of the entity follows Me, Maître or avocat(e) in its sentence."""
    for mention in entity.mentions:
        if mention.kind == "name" and _LAWYER_BEFORE.search(text[max(0, mention.start - 50) : mention.start]):
            return True
    return False


def pick_by_title(
    doc: Document, entity: Entity, surname: str, title: str, gender_of: Callable[[Entity], str | None]
) -> Entity | None:
    """Return the namesake a title designates, or None when the title does not decide.

    A bare surname the entity stages left apart (Vasseur) or merged into the wrong person goes
    to the one person sharing the surname whose gender (or trade, for Me) fits the title."""
    people = namesakes(doc, surname)
    if not people:
        return None
    if title == "lawyer":
        fitting = [p for p in people if is_lawyer(doc.article.text, p)]
    else:
        fitting = [p for p in people if gender_of(p) == title]
    if len(fitting) == 1:
        return fitting[0]
    if any(p.id == entity.id for p in fitting):
        return None  # the entity already fits
    if not fitting and len(people) == 1 and len(entity.name.split()) < 2:
        if title == "lawyer" or gender_of(people[0]) in (None, title):
            return people[0]  # the only person of that surname
    return None


def possessor(
    parsed: Doc, start: int, mentions_in: Callable[[int, int], list[tuple[int, int, Mention, Entity]]]
) -> str | None:
    """Return the person a possessive before ``start`` most likely refers to (son adversaire):
    the person in the nearest subject phrase of the sentences before it."""
    sentences = [s for s in parsed.sents if s.start_char < start]
    for sent in reversed(sentences[-3:]):
        for token in reversed(list(sent)):
            if token.idx >= start or token.dep_ not in ("nsubj", "nsubj:pass"):
                continue
            lo = token.left_edge.idx
            hi = token.right_edge.idx + len(token.right_edge)
            for _s, _e, _mention, entity in mentions_in(lo, hi):
                if entity.type == "PER":
                    return entity.id
    return None


def looks_like_name(parsed: Doc, start: int, end: int) -> bool:
    """Return True when a speaker phrase is a proper name (Météo-France, Saint-Gobain): every
    word capitalised, at most four words, not a determiner or pronoun, a proper noun or a
    hyphenated compound in it."""
    # Tokens are in offset order: bisect to the first one, rather than read the whole
    # document for each speaker phrase (quadratic on long texts).
    first = bisect.bisect_left(range(len(parsed)), start, key=lambda i: parsed[i].idx)
    tokens = []
    for token in parsed[first:]:
        if token.idx >= end:
            break
        tokens.append(token)
    words = [t for t in tokens if t.is_alpha]
    if not words or len(words) > 4 or not all(t.text[0].isupper() for t in words):
        return False
    if words[0].lower_ in _NOT_NAMES or words[0].pos_ in ("DET", "PRON", "ADV"):
        return False
    hyphenated = any(t.text == "-" for t in tokens) or any("-" in t.text for t in words)
    return hyphenated or any(t.pos_ == "PROPN" for t in words)


def name_mentions(text: str, name: str, taken: list[tuple[int, int]]) -> tuple[Mention, ...]:
    """Return a name mention for each whole-word occurrence of ``name`` outside other mentions."""
    found = []
    for match in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
        if not any(s < match.end() and match.start() < e for s, e in taken):
            found.append(Mention(match.start(), match.end(), name, "name"))
    return tuple(found)


def org_named(mentions: list[tuple[int, int, Mention, Entity]], name: str) -> str | None:
    """Return the id of the organisation a mention names ``name`` (by word key), else None."""
    key = word_key(name)
    return next((e.id for _s, _e, m, e in mentions if e.type == "ORG" and word_key(m.text) == key), None)


# The words before a person's name that tell the gender (la ministre …, Elina Valtonen).
_FEMININE_BEFORE = re.compile(r"\b(?:[Ll]a|[Uu]ne|Mme|[Cc]ette)\s[^.;:!?«»\"]{0,80}$")
_MASCULINE_BEFORE = re.compile(r"\b(?:[Ll]e|[Uu]n|M\.|[Cc]e|[Dd]u|[Aa]u)\s[^.;:!?«»\"]{0,80}$")


def guess_gender(text: str, entity: Entity) -> str | None:
    """Guess a person's gender from the words before a name (la ministre …, Elina Valtonen)."""
    if entity.type != "PER":
        return None
    for mention in entity.mentions:
        if mention.kind != "name":
            continue
        before = text[max(0, mention.start - 90) : mention.start]
        fem = _FEMININE_BEFORE.search(before)
        masc = _MASCULINE_BEFORE.search(before)
        if fem and (not masc or fem.start() > masc.start()):
            return "f"
        if masc:
            return "m"
    return None


# Words a title shares with any other (articles, prepositions, the delegation of a minister).
_TITLE_FUNCTION_WORDS = frozenset(
    "le la les l de du des d a au aux en et un une chargé chargée délégué déléguée".split()
)
# A title must hold this many words of its own to pick a person by them (le ministre de
# l'Industrie; not le ministre alone, which the nearest person answers).
_MIN_TITLE_WORDS = 2


def titled_person(doc: Document, phrase: str, wanted: str = "PER") -> Entity | None:
    """Return the one person whose own descriptions and titles hold every word of a title
    (le ministre de l'Industrie → the person the text calls le ministre délégué chargé de
    l'Industrie, wherever it names him), None when none or several do (or ``wanted`` is
    not a person)."""
    words = set(word_key(phrase).split()) - _TITLE_FUNCTION_WORDS
    if wanted != "PER" or len(words) < _MIN_TITLE_WORDS:
        return None
    found = []
    for entity in doc.entities:
        if entity.type != "PER" or entity.group:
            continue
        held: set[str] = set()
        for mention in entity.mentions:
            if mention.kind == "description":
                held.update(word_key(mention.text).split())
        for role in entity.roles:
            held.update(word_key(role.title).split())
        if words <= held:
            found.append(entity)
    return found[0] if len(found) == 1 else None


# How close (characters, in one sentence) a person's and an organisation's names must stand
# for the text to tie them (Edwy Plenel, cofondateur de Mediapart).
_TIED_CHARS = 120


def tied(text: str, person: Entity | None, organisation: Entity) -> bool:
    """Return True when the text names the person and the organisation close together in one
    sentence somewhere (X, président de Y; Y, dont X est le fondateur): then a title of the
    organisation (le président de Y) may name that person."""
    if person is None:
        return False
    for a in person.mentions:
        for b in organisation.mentions:
            lo, hi = min(a.end, b.end), max(a.start, b.start)
            if hi - lo <= _TIED_CHARS and not re.search(r"[.!?]\s", text[lo:hi]):
                return True
    return False


def person_gender(entity: Entity, lexicon: CueLexicon, text: str) -> str | None:
    """Return a person's gender: by given name first (the title words before a name can
    mislead: son épouse Claire), then as the entity stages found it, then by the words
    before a name (None for an organisation or place)."""
    if entity.type != "PER":
        return None
    by_name = next(
        (
            lexicon.first_name_gender(m.text)
            for m in entity.mentions
            if m.kind == "name" and lexicon.first_name_gender(m.text)
        ),
        None,
    )
    return by_name or entity.gender or guess_gender(text, entity)


# A title's complement and the comma before its apposed name (le préfet de la Guadeloupe,
# Alexandre Rocheteau): a de-complement of a few words, no sentence punctuation.
_COMPLEMENT_THEN_COMMA = re.compile(r"\s+(?:de|du|des|d['’])[^,.;:!?«»()]{1,40},\s*")
# Characters after a title in which its apposed name must start.
_APPOSED_REACH = 70
# A title apposed after a name, closed (Dominique Roux, le préfet de la Réunion, a reçu …):
# an optional de-complement, then a comma or the sentence's end.
_COMMA_THEN_DETERMINER = re.compile(r",\s*(?:(?:le|la|les)\s+|l['’])?$", re.IGNORECASE)
_CLOSED_APPOSITION = re.compile(r"(?:\s+(?:de|du|des|d['’])[^,.;:!?«»()]{1,40})?\s*[,.]")


def apposed_title_holder(
    text: str,
    phrase: str,
    skip: int,
    mentions_in: Callable[[int, int], list[tuple[int, int, Mention, Entity]]],
    occurrences: list[tuple[int, set[str]]] | None = None,
) -> str | None:
    """Return the one person a bare title names because the text introduced that person with
    the same title, its complement and the name in apposition (le préfet de la Guadeloupe,
    Alexandre Rocheteau … Le préfet rejette …): real news names a person once with the full
    title and then goes on with the title alone. None when no person, or two, were so
    introduced (le ministre de l'Intérieur, X … le ministre des Armées, Y); ``skip`` is the
    offset of the phrase itself. The title may also follow the name, apposed to it (Alexandre
    Rocheteau, le préfet de la Guadeloupe, … Le préfet rejette …). ``occurrences``: the
    phrase's ``title_occurrences``, when the caller keeps them."""
    if occurrences is None:
        occurrences = title_occurrences(text, phrase, mentions_in)
    found: set[str] = set()
    for start, holders in occurrences:
        if start != skip:
            found |= holders
    return next(iter(found)) if len(found) == 1 else None


def title_occurrences(
    text: str,
    phrase: str,
    mentions_in: Callable[[int, int], list[tuple[int, int, Mention, Entity]]],
) -> list[tuple[int, set[str]]]:
    """Return where a bare title stands in the text, each time with the persons apposed to it
    there (``apposed_title_holder``): the same for every description with those words, so
    a caller may search the text once per phrase, not once per description."""
    out: list[tuple[int, set[str]]] = []
    for match in re.finditer(r"\b" + re.escape(phrase) + r"\b", text, re.IGNORECASE):
        found = _named_before_title(text, match.start(), match.end(), mentions_in)
        gap = _COMPLEMENT_THEN_COMMA.match(text, match.end())
        if gap is not None:
            for s, _e, _mention, entity in mentions_in(gap.end(), gap.end() + _APPOSED_REACH):
                if entity.type == "PER" and s == gap.end():
                    found.add(entity.id)
        out.append((match.start(), found))
    return out


def _named_before_title(
    text: str,
    start: int,
    end: int,
    mentions_in: Callable[[int, int], list[tuple[int, int, Mention, Entity]]],
) -> set[str]:
    """Return the person whose name stands right before the title at ``start``, with a
    comma between them, when the title (and its complement) is closed by a comma or the
    sentence's end: the title is apposed to that name."""
    before = _COMMA_THEN_DETERMINER.search(text, max(0, start - 8), start)
    if before is None or _CLOSED_APPOSITION.match(text, end) is None:
        return set()
    comma = before.start()
    return {
        entity.id
        for _s, e, _mention, entity in mentions_in(max(0, comma - _APPOSED_REACH), comma)
        if entity.type == "PER" and e == comma
    }
