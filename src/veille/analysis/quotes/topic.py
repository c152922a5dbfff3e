"""Find the person a pronoun or a description takes up: the topic of the text, not the last
name read.

1. A pronoun whose antecedent the sentence before names only by a description the entity
   stages did not resolve (``described_subject``).
2. A description with no name of its own (*l'octogénaire*, *la quadragénaire*) after a person
   named only inside another noun's complement (``primary_first``).

*Le préfet rejette ces critiques. L'alerte a été déclenchée « … », a-t-il répondu.*: the
pronoun takes up the subject of the sentence before, the topic (the salience rule of
``AntecedentFinder._salient_subject``), but that rule reads only the mention index, and *Le
préfet* is there only when the entity stages tied it to *préfet de la Guadeloupe, Alexandre
Rocheteau*. Real news names a person once and then goes on with a title (*le préfet*, *la
ministre*, *le magistrat*); here the subject description is resolved as a speaker phrase is,
by the same words by a name elsewhere, else the nearest person named before.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from veille.analysis.lang.fr.words import DEFINITE, PRENOMINAL_ADJECTIVES
from veille.analysis.quotes.salience import narrative_floor
from veille.analysis.syntax.view import token_view
from veille.model import Entity

if TYPE_CHECKING:
    from veille.analysis.quotes.speakers import SpeakerResolver

# The subject relations of a clause (the passive subject speaks too: X a été reçu …).
_SUBJECTS = frozenset({"nsubj", "nsubj:pass"})


def described_subject(resolver: SpeakerResolver, start: int, gender: str) -> tuple[Entity, int] | None:
    """Return the person (of the pronoun's gender) that the definite description heading the
    subject of the pronoun's sentence, or of the narrative sentence before it, refers to, with
    the description's offset; None when that subject is no unresolved person description."""
    view = token_view(resolver.parsed)
    tokens, starts = view.tokens, view.idx  # the view's Tokens: none made per read
    i = bisect.bisect_left(starts, start) - 1  # the last token before the pronoun
    floor = narrative_floor(tokens[max(i, 0)].sent, lambda offset: offset in resolver.quoted)
    first = bisect.bisect_left(starts, floor)
    for token in reversed(tokens[first : i + 1]):
        if token.dep_ not in _SUBJECTS or token.pos_ != "NOUN" or token.i > token.head.i:
            continue
        if token.idx in resolver.quoted or token.lower_ not in resolver.person_nouns:
            continue
        k = token.i - 1
        while k > 0 and tokens[k].lower_ in PRENOMINAL_ADJECTIVES:
            k -= 1  # le grand chef, l'ancien ministre: the determiner before the adjective
        determiner = tokens[k] if k >= 0 else None
        if determiner is None or determiner.lower_.replace("’", "'") not in DEFINITE:
            return None  # un habitant, des témoins: nobody named before
        lo, hi = resolver.phrase_of(token)
        if resolver.mentions_in(lo, hi):
            return None  # the mention index has it: the salience rule decided
        speaker = resolver.resolve_phrase(lo, hi)
        entity = resolver.entity(speaker.entity)
        if entity is None or entity.type != "PER" or speaker.entity in resolver.unnamed:
            return None
        known = resolver.gender(entity)
        return (entity, lo) if known is None or known == gender else None
    return None


# Relations of a noun phrase that make it a complement of another noun (la voix de sa fille
# X, l'invitation de la rappeuse X): a person named there is a secondary referent.
_NOUN_COMPLEMENT = frozenset({"nmod"})
# Relations that tie a name to the head of its phrase (la rappeuse Nour K., sa fille Sara,
# also a name the tagger read as an adjective of the noun).
_WITHIN_PHRASE = frozenset({"flat:name", "flat", "appos", "amod"})
# The object relations of a clause's verb.
_OBJECTS = frozenset({"obj", "iobj"})


def primary_first(tokens: Doc, before: list[tuple[int, Entity]]) -> str:
    """Return the person a description with no name of its own takes up among those named
    before it (nearest first): the nearest one named as an argument of a clause, not one named
    only inside another noun's complement (la voix de sa fille Sara, l'invitation de la rappeuse
    X), a secondary referent: the text describes (l'octogénaire, la quadragénaire, l'élu) the
    person it is about. The nearest when all are secondary."""
    starts = token_view(tokens).idx
    for n, (offset, entity) in enumerate(before):
        token = _phrase_head(tokens, tokens[max(bisect.bisect_right(starts, offset) - 1, 0)])
        if not _complement(token) and not _related_by_dont(token):
            return _subject_of_sentence(tokens, starts, before[n:], token) or entity.id
    return before[0][1].id


def _phrase_head(tokens: Doc, token: Token) -> Token:
    """Return the head of the noun phrase a name's token stands in (sa fille Sara: fille)."""
    if token.dep_ == "det":
        token = token.head  # sa fille: the noun, not its determiner
    while token.dep_ in _WITHIN_PHRASE and token.head.i < token.i and tokens[token.i - 1].text != ",":
        token = token.head  # not past a comma: Patron du chalutier X, Gildas Le Floch soutient
    return token


def _role_of(token: Token) -> Token:
    """Return the noun whose clause role a name apposed after a comma shares (l'ambassadeur,
    Erik Lund: ambassadeur, the object)."""
    while token.dep_ == "appos" and token.head.i < token.i:
        token = token.head
    return token


def _subject_of_sentence(
    tokens: Doc, starts: list[int], before: list[tuple[int, Entity]], nearest: Token
) -> str | None:
    """Return the person named as the subject of the sentence where the nearest person is
    named only as an object (X a convoqué l'ambassadeur, Y, … a affirmé le diplomate): a
    later description takes up the sentence's subject, its topic, not the one acted on."""
    nearest = _role_of(nearest)
    if nearest.dep_ not in _OBJECTS or nearest.head.pos_ != "VERB":
        return None
    for offset, entity in before[1:]:
        token = _role_of(_phrase_head(tokens, tokens[max(bisect.bisect_right(starts, offset) - 1, 0)]))
        if token.sent.start != nearest.sent.start:
            return None
        if token.dep_ in _SUBJECTS and token.head.i == nearest.head.i:
            return entity.id
    return None


def _related_by_dont(token: Token) -> bool:
    """Return True for a name in the noun phrase a *dont* relative opens (X, dont la fille Y
    est morte …): *dont* stands for *de X*, so Y is named as X's relative, a secondary
    referent like one in a noun complement (la fille de X, Y)."""
    head = token.head if token.dep_ in _NOUN_COMPLEMENT | _WITHIN_PHRASE and token.head.i < token.i else token
    return any(c.lower_ == "dont" for c in (*token.children, *head.children))


def _complement(token: Token) -> bool:
    """Return True for a noun complement: with its preposition (de sa fille), or a name right
    after such a complement's noun (de la chanteuse Nora Vial, parsed apart); a name after a
    comma with no preposition (Patron du chalutier X, Gildas Le Floch soutient) is none."""
    if token.dep_ not in _NOUN_COMPLEMENT:
        return False
    if any(c.dep_ == "case" for c in token.children):
        return True
    prev = token.doc[token.i - 1]
    return (
        prev.pos_ == "NOUN" and prev.dep_ in _NOUN_COMPLEMENT and any(c.dep_ == "case" for c in prev.children)
    )
