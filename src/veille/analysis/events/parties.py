"""The mention index the event stage reads parties through.

A title the entity stage took for a name of its own (*Premier ministre portugais*, MISC)
often sits inside the description of the person it describes (*le Premier ministre
portugais, Rui Alves*): the innermost mention would make the phrase name a title, which
can be no party. Events ask for the party: the innermost cover that is not MISC.
"""

from __future__ import annotations

import bisect
import dataclasses

from spacy.tokens import Doc, Token

from veille.analysis.entities.management import with_management
from veille.analysis.entities.names import is_given_name
from veille.analysis.entities.rolenouns import load_roles, role_key
from veille.analysis.entities.unnamed import (
    entity_name,
    generic_after,
    may_name_party,
    next_entity_number,
    party_kind,
)
from veille.analysis.events.claimants import with_claimed_names
from veille.analysis.events.holders import with_office_holders
from veille.analysis.lang.fr.countries import country_code, demonym
from veille.analysis.lang.fr.nouns import is_detached_form
from veille.analysis.lang.fr.words import ARTICLES
from veille.analysis.syntax.mentions import MentionIndex
from veille.analysis.syntax.view import token_view
from veille.model import Document, Entity, Event, Mention
from veille.normal import fold, word_key

# As in MentionIndex: mentions nest a few deep at most.
_NESTING = 4


class PartyIndex(MentionIndex):
    """Mentions by offset, answering with the party (not a title) a word names; an entity
    named only by a detached epithet (:func:`epithet_entities`) names no party."""

    def __init__(self, doc: Document) -> None:
        epithets = epithet_entities(doc)
        kept = tuple(e for e in doc.entities if e.id not in epithets)
        super().__init__(dataclasses.replace(doc, entities=kept) if epithets else doc)
        self.types = {e.id: e.type for e in doc.entities}

    def entity_at(self, offset: int) -> str | None:
        """Return the entity covering ``offset``: the innermost that is not MISC nor a title
        (*Première ministre italienne* typed ORG inside the description of Giorgia Meloni),
        else the innermost."""
        index = bisect.bisect_right(self.starts, offset) - 1
        first: str | None = None
        titled: str | None = None
        for i in range(index, max(-1, index - _NESTING), -1):
            start, end, _mention, entity = self.items[i]
            if start <= offset < end:
                if self.types.get(entity.id) == "MISC":
                    first = first or entity.id
                elif titled is None and _title(entity.name) and self.types.get(entity.id) != "PER":
                    titled = entity.id  # a title named as a body: a person's description may cover it
                else:
                    return entity.id
        return titled or first


def epithet_entities(doc: Document) -> frozenset[str]:
    """Return the entities whose every name is one capitalised word opening a sentence and
    followed by a comma that is a participle or an adjective in *-ant* (the detached
    epithet of journalistic French, Grevisse § 332: *Sollicitée, l'agence a indiqué …*,
    *Interrogé, le ministre …*, *Arabisante, elle …*), not a given name: the tagger took
    the epithet for the subject's name, and it names no one (nor do pronouns read to it)."""
    text = doc.article.text
    out = set()
    for entity in doc.entities:
        names = [m for m in entity.mentions if m.kind == "name"]
        if names and all(_epithet(text, m.start, m.end) for m in names):
            out.add(entity.id)
    return frozenset(out)


def _epithet(text: str, start: int, end: int) -> bool:
    word = text[start:end]
    before = text[:start].rstrip(' «"“')
    return (
        " " not in word
        and word[:1].isupper()
        and text[end : end + 1] == ","
        and (not before or before.endswith((".", "!", "?", "\n", ":")))
        and not is_given_name(word)
        and is_detached_form(word.lower())
    )


def _title(name: str) -> bool:
    """Say whether a name opens with a title of the role table (Premier ministre, président)."""
    words = fold(name).split()
    if words and words[0] in ("premier", "premiere") and len(words) > 1:
        words = words[1:]
    return bool(words) and role_key(words[0]) in load_roles().by_first


def words_of_names(doc: Document) -> frozenset[int]:
    """Return the offsets of the words inside the names of bodies, places and persons of
    several words: such a word names, it does not tell an act (*le Rassemblement national*,
    *l'Organisation de coopération de Shanghai*). MISC names (*l'accord de Paris*) are
    left alone: an agreement named so may still be signed or ratified."""
    out: set[int] = set()
    text = doc.article.text
    for entity in doc.entities:
        if entity.type not in ("ORG", "LOC", "PER"):
            continue
        for mention in entity.mentions:
            if mention.kind != "name" or " " not in mention.text.strip():
                continue
            at = mention.start
            for word in text[mention.start : mention.end].split(" "):
                out.add(at)
                at += len(word) + 1
    return frozenset(out)


class UnnamedParties:
    """The document as the roles are read: with an entity for each institution named by its
    place that no entity covers (*la gendarmerie de Ploërmel*; the phrases
    :func:`veille.analysis.entities.unnamed.party_kind` accepts, kept to those docs/events.md
    says), so that subjects, objects, clitics and pronouns reach it like any party.
    :meth:`keep` returns the original document with the events and only the entities those
    events name. The same words twice are one entity; a phrase with a person, a body or a
    country in it (*le gouvernement de François Bayrou*) is left to that name.
    """

    def __init__(self, doc: Document, parsed: Doc) -> None:
        self.original = doc
        index = MentionIndex(doc)
        number = next_entity_number(doc.entities)
        made: dict[str, Entity] = {}  # phrase key -> entity
        text = doc.article.text
        view = token_view(parsed)  # the words are read from the shared view; Tokens only for nouns
        words = view.text
        for i, pos in enumerate(view.pos):
            if pos not in ("NOUN", "PROPN") or not may_name_party(words[i]):
                continue  # no determiner makes it a party (party_kind): its parse is not read
            found = _category_phrase(view.tokens[i], index, doc)
            if found is None:
                continue
            start, end, key = found
            mention = Mention(start, end, text[start:end], "description")
            entity = made.get(key)
            if entity is None:
                entity = Entity(id=f"e{number}", name=entity_name(text[start:end]), type="ORG")
                number += 1
            made[key] = dataclasses.replace(entity, mentions=(*entity.mentions, mention))
        self.made = {e.id: e for e in made.values()}
        entities = with_office_holders(doc, parsed, index)  # read through, not returned by keep
        entities = with_claimed_names(doc, parsed, index, entities)  # as are the groups told by their name
        entities = with_management(doc, parsed, index, entities, retype=True)  # la direction's MISC firm
        self.document = dataclasses.replace(doc, entities=(*entities, *self.made.values()))

    def keep(self, events: tuple[Event, ...]) -> Document:
        """Return the original document with ``events`` and the entities made here that an
        event names; an event whose every party is unnamed (made here, or known only by
        descriptions) is dropped: a countable event needs a named party on one side."""
        named = {e.id for e in self.original.entities if any(m.kind == "name" for m in e.mentions)}
        kept = [
            e
            for e in events
            if not (set(e.source) | set(e.target)) & set(self.made) or (set(e.source) | set(e.target)) & named
        ]
        kept = [dataclasses.replace(e, id=f"v{n}") for n, e in enumerate(kept, start=1)]
        used = {i for e in kept for i in (*e.source, *e.target)}
        new = tuple(e for i, e in self.made.items() if i in used)
        entities = (*self.original.entities, *new)
        return dataclasses.replace(self.original, entities=entities, events=tuple(kept))


def _category_phrase(token: Token, index: MentionIndex, doc: Document) -> tuple[int, int, str] | None:
    """Return (start, end, key) of a definite category phrase headed by ``token`` that names
    an unnamed party, or None."""
    if token.pos_ not in ("NOUN", "PROPN") or index.entity_at(token.idx) is not None:
        return None
    view = token_view(token.doc)  # children and labels off the columns: no Token made per child
    children = view.child_tokens(token.i)
    before = (c for c in children if c.i < token.i and view.dep[c.i] in ("det", "case"))
    det = next((c for c in before if c.lower_ not in ("de", "d'", "d’")), None)
    kind = party_kind(det.lower_, token.text) if det is not None else None
    if det is None or kind is None:
        return None
    start = det.idx if det.lower_ in ARTICLES or det.lower_ in ("l’",) else token.idx
    end = token.idx + len(token.text)
    placed = ""
    text = doc.article.text
    for child in children:
        if child.i < token.i:
            continue
        named = [index.entity_at(t.idx) for t in child.subtree]
        if any(n is not None for n in named):
            entity = doc.entity(next(n for n in named if n is not None))
            if child.dep_ == "nmod" and entity is not None and entity.type == "LOC" and not _country(entity):
                # la préfecture du Finistère: an institution named by its place
                end = max(end, max(t.idx + len(t.text) for t in child.subtree))
                placed = word_key(text[token.idx + len(token.text) : end])
                continue
            return None  # le gouvernement de François Bayrou, les syndicats de la SNCF: the name
        if child.dep_ == "amod" and demonym(child.text) is not None:
            return None  # l'armée russe: the country acts, when named (authors.national)
    if kind.union or kind.plural or not placed:
        # Only an institution named by its place is a party an annotator counts (la
        # préfecture du Finistère, le tribunal de Vannes: the gold guide's entities). A bare
        # one (le gouvernement, la police), a union or a service in the plural (les
        # syndicats, les pompiers) cost precision on unseen news and gained nothing
        # (docs/events.md); unions named before are read by groups.described_body.
        return None
    if generic_after(text, end) or (det.i > 0 and token.doc[det.i - 1].lower_ in ("tous", "toutes")):
        return None  # les syndicats en général, tous les sauveteurs: a class, not a party
    return start, end, f"{word_key(token.lemma_ or token.text)} {placed}"


def _country(entity: Entity) -> bool:
    return country_code(entity.name) is not None or any(m.stands_for for m in entity.mentions)


def plural_party(entity: Entity | None) -> bool:
    """Say whether an entity is a body named in the plural, as a whole (*les syndicats*,
    *les pompiers*): a plural pronoun or clitic may stand for it alone."""
    return entity is not None and any(
        m.kind == "description" and fold(m.text).split()[:1] in (["les"], ["aux"]) for m in entity.mentions
    )


def speaking_parties(doc: Document, speaker: str, word: str) -> list[str]:
    """Return the parties a first-person pronoun of a quotation stands for: the speaker,
    and for *nous* also the organisation the text makes the speaker an office-holder of
    (*« Nous coopérons avec la police »*, said by the managing director of the bank X: the
    bank and its director). The person stays first, so a gold naming either matches; a
    role held of a country (a minister's *nous*) adds nothing: the government is not an
    entity of the text."""
    entity = doc.entity(speaker)
    if word != "nous" or entity is None or entity.type != "PER":
        return [speaker]
    bodies = [
        role.of for role in entity.roles
        if role.of and (body := doc.entity(role.of)) is not None and body.type == "ORG"
    ]  # fmt: skip
    return [speaker, *bodies[:1]]


def one_side(doc: Document, ids: list[str]) -> bool:
    """Say whether parties are one person and the bodies she holds an office of (the
    speaker of a quoted *nous* and her party: :func:`speaking_parties`): one side, never the
    two sides of a reciprocal act (*« Nous avons eu une discussion franche »*, said by the
    leader of a party, is no meeting of the leader with her party)."""
    persons = [e for i in ids if (e := doc.entity(i)) is not None and e.type == "PER"]
    if len(persons) != 1:
        return False
    bodies = {role.of for role in persons[0].roles if role.of}
    return all(i == persons[0].id or i in bodies for i in ids)
