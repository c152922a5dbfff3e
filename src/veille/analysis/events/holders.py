"""An office named by its title and its body, read as the one person who holds it.

The entity stage gives a person the roles the text names in apposition (*le président de
l'UGD, Michel Garandeau*: président of the university). The same office told elsewhere
without the name (*Léa Mostefaoui réclame la démission du président de l'université*,
before the president is named) is a definite description no entity covers, and an event
whose party it is had no recipient. A definite description *le TITRE de X* whose body X
is an entity of the text names the holder of that office when exactly one person of the
text holds it (a role of that title whose body is X; or a role whose title, complement
included, is the description's words): the article's one president of the university.
Two holders (an outgoing and a new president told with the same title), or none, leave
it unread, as before.
"""

from __future__ import annotations

import dataclasses
from functools import cached_property

from spacy.tokens import Doc, Token

from veille.analysis.lang.fr.countries import country_code
from veille.analysis.lang.fr.words import CONTRACTED, DEFINITE, OF
from veille.analysis.syntax.mentions import MentionIndex
from veille.analysis.syntax.tense import feature
from veille.analysis.syntax.view import TokenView, token_view
from veille.model import Document, Entity, Mention
from veille.normal import fold

_DEFINITE = DEFINITE | {"l’"}
_OF = OF | {"d’"}


def with_office_holders(doc: Document, parsed: Doc, index: MentionIndex) -> tuple[Entity, ...]:
    """Return the document's entities, each person given as description mentions the
    uncovered descriptions of an office that person alone holds (module doc)."""
    holders = [e for e in doc.entities if e.type == "PER" and e.roles]
    if not holders:
        return doc.entities
    text = doc.article.text
    added: dict[str, list[Mention]] = {}
    view = token_view(parsed)  # Tokens only for the nouns
    bodies = _Bodies(doc)
    for i, pos in enumerate(view.pos):
        if pos != "NOUN" or not _de_complement_after(view, i):
            continue  # no office without a de-complement on its right (_office's body_head)
        found = _office(view.tokens[i], index, doc, bodies)
        if found is None:
            continue
        start, end, title, body = found
        phrase = _without_article(fold(text[start:end]))
        matching = [e for e in holders if any(_holds(r.title, r.of, title, phrase, body) for r in e.roles)]
        if len(matching) == 1:
            added.setdefault(matching[0].id, []).append(Mention(start, end, text[start:end], "description"))
    if not added:
        return doc.entities
    return tuple(
        dataclasses.replace(e, mentions=(*e.mentions, *added[e.id])) if e.id in added else e
        for e in doc.entities
    )


def _without_article(words: str) -> str:
    """Return folded words without their leading definite article (*le*, *la*, *l'*)."""
    for article in ("le ", "la ", "l'"):
        if words.startswith(article):
            return words[len(article) :]
    return words


def _holds(role_title: str, role_of: str | None, title: str, phrase: str, body: Entity) -> bool:
    """Say whether a role is the office of a description: its title and body, or its title
    with the complement in it (*premier ministre de l'Ontario*)."""
    folded = fold(role_title)
    if folded == phrase:
        return True
    if folded != title or role_of is None:
        return False
    return role_of == body.id or role_of == country_code(body.name)


def _office(
    token: Token, index: MentionIndex, doc: Document, bodies: _Bodies
) -> tuple[int, int, str, Entity] | None:
    """Return (start, end, title words, body) of a definite description *le TITRE de X*
    headed by the noun ``token`` that no entity covers, X an organisation or a place; else None."""
    if "Plur" in feature(token, "Number") or index.entity_at(token.idx) is not None:
        return None
    view = token_view(token.doc)  # dependents, labels and words off the columns
    tokens, dep, lower, i = view.tokens, view.dep, view.lower, token.i
    lefts = [j for j in view.children(i) if j < i]  # token.lefts, no Token made
    det = next((tokens[j] for j in lefts if dep[j] == "det"), None)
    if det is not None and det.lower_ not in _DEFINITE:
        return None
    if det is None and not any(dep[j] == "case" and lower[j] in CONTRACTED for j in lefts):
        return None
    first = det.i + 1 if det is not None else token.i
    start = det.idx if det is not None else token.idx
    rights = (tokens[j] for j in view.children(i) if j > i)  # token.rights
    body_head = next((c for c in rights if c.dep_ == "nmod" and _after_de(c)), None)
    if body_head is None:
        return None
    body_id = index.entity_at(body_head.idx)
    body = doc.entity(body_id) if body_id is not None else _only_of_its_kind(body_head, bodies)
    if body is None or body.type not in ("ORG", "LOC"):
        return None
    first_case = next(c for c in body_head.lefts if c.dep_ == "case")
    title = fold(token.doc[first : first_case.i].text)
    ends = [e for _s, e, _m, entity in index.within(body_head.idx, body_head.idx + 1) if entity.id == body.id]
    end = max(ends, default=body_head.idx + len(body_head.text))
    return start, end, title, body


def _de_complement_after(view: TokenView, i: int) -> bool:
    """Say whether the noun at ``i`` has a nominal complement after it introduced by *de*:
    ``_office``'s body, asked first off the columns (no Token made) since most nouns lack one."""
    return any(j > i and view.dep[j] == "nmod" and _de_case(view, j) for j in view.children(i))


def _after_de(token: Token) -> bool:
    """Say whether a nominal complement is introduced by *de* (*du*, *des*, *d'*)."""
    return _de_case(token_view(token.doc), token.i)  # token.lefts off the columns: no Token made


def _de_case(view: TokenView, j: int) -> bool:
    """Say whether the word at ``j`` has a *de* form as its case marker on its left."""
    return any(view.dep[k] == "case" and view.lower[k] in _OF for k in view.children(j) if k < j)


class _Bodies:
    """The bodies and places of a document, each with the first words of its mentions
    (folded, without their article), read once a document when a bare noun first asks
    (``_only_of_its_kind`` read every mention of every entity for each such noun)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc

    @cached_property
    def first_words(self) -> list[tuple[Entity, frozenset[str]]]:
        return [
            (e, frozenset(_without_article(fold(m.text)).split(" ")[0] for m in e.mentions))
            for e in self.doc.entities
            if e.type in ("ORG", "LOC")
        ]


def _only_of_its_kind(head: Token, bodies: _Bodies) -> Entity | None:
    """Return the one body whose cluster is headed by the bare definite noun ``head``
    (*l'université* when the text names one *université Grenoble-Dauphiné*, or calls a
    body *l'université* elsewhere), or None when no body or several are."""
    if any(c.dep_ not in ("det", "case") for c in head.children):
        return None  # l'université de Lyon: a complement may name another one
    noun = fold(head.text)
    kinds = [e for e, firsts in bodies.first_words if noun in firsts]
    return kinds[0] if len(kinds) == 1 else None
