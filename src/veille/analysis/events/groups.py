"""Read a plural description as the parties it groups.

News names a pair or a team once, then refers to it by a plural description: *les deux
pays*, *les deux dirigeants*, *les deux ministres*, *les émissaires de Donald Trump*,
*les négociateurs américains*. The entity layer resolves singular descriptions; a plural
one stands for several entities, which an event may take as its actors or recipients
(a compound party is one event). The reading, in order:

1. the phrase is a definite, demonstrative or possessive plural noun phrase (*les*, *ces*,
   *leurs*, *ses*) that names no entity itself;
2. its head is a country noun (*pays*, *gouvernements*, *capitales*, *États*: countries
   are grouped), a role noun of ``roles.tsv`` (*ministres*, *émissaires*: persons whose
   roles share its synonym class) or a person noun (*hommes*, *femmes*, *dirigeants*);
3. a *de*-complement or an adjective of nationality narrows the role holders to those of
   that principal or country (*les émissaires de Donald Trump*: envoys whose role is *of*
   Trump or of his country);
4. a role noun whose *de*-complements name two or more countries stands for those
   countries (*les présidents du Ghana et du Togo se sont entretenus*, *les chefs de la
   diplomatie chilienne et argentine*, *les ministres des Affaires étrangères du Kirghizistan
   et du Tadjikistan*): each office-holder acts for the state named;
5. a numeral (*les deux pays*) asks for exactly that many parties, the most recently named
   before the phrase; without one, a role phrase needs at least two holders and takes them
   all (up to four), the others are left alone (*les ministres* of a whole summit).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from spacy.tokens import Token

from veille.analysis.entities.management import union_like
from veille.analysis.entities.rolenouns import RoleWord, load_roles, role_key
from veille.analysis.entities.unnamed import party_kind
from veille.analysis.events.shape import case_of
from veille.analysis.lang.fr.countries import capital_country, country_code, demonym
from veille.analysis.lang.fr.words import CONTRACTED_PLURAL, DEMONSTRATIVES, OF
from veille.analysis.syntax.mentions import MentionIndex
from veille.analysis.syntax.tense import feature
from veille.analysis.syntax.view import token_view
from veille.model import Entity
from veille.normal import fold

if TYPE_CHECKING:
    from veille.analysis.events.roles import RoleReader

_DETERMINERS = frozenset({"les", "leurs", "ses", "nos", "vos"}) | DEMONSTRATIVES
_NUMERALS = {"deux": 2, "trois": 3, "quatre": 4}
# Nouns that group states: a party of a country noun is a country of the document.
_COUNTRY_NOUNS = frozenset(
    {"pays", "gouvernement", "capitale", "état", "etat", "nation", "puissance", "voisin"}
)
# Nouns that group persons without a title (les deux hommes ont échangé …).
_PERSON_NOUNS = frozenset({"homme", "femme", "personnalité", "interlocuteur"})
# Nouns that name the two sides of the story's dispute, as written in the plural (TLFi:
# protagoniste « chacun des principaux personnages d'une affaire, d'un conflit »; rival
# « qui dispute à un autre »; adversaire, antagoniste « qui s'oppose à »).
_SIDE_NOUNS = frozenset(
    {"rivaux", "rivales", "protagonistes", "adversaires", "antagonistes"}
)  # fmt: skip
_MOST = 4
_NEAR = 400  # characters: about the sentence before


def plural_group(reader: RoleReader, head: Token) -> list[str]:
    """Return the entities a plural description stands for, or [] (rules in the module doc)."""
    if head.pos_ != "NOUN" or "Plur" not in (feature(head, "Number") or ("Plur",)):
        return []
    if not head.text.lower().endswith(("s", "x")):
        return []
    if not any(
        (c.dep_ == "det" and c.lower_ in _DETERMINERS) or (c.dep_ == "case" and c.lower_ in CONTRACTED_PLURAL)
        for c in head.children
    ):
        return []  # des deux pays, aux deux dirigeants: the article is inside the preposition
    wanted = next((_NUMERALS[c.lower_] for c in head.children if c.lower_ in _NUMERALS), None)
    singular = _singular(head)
    # the entities named before (a walk over the mentions) are read only where a branch asks
    if fold(head.lower_) in _SIDE_NOUNS:
        return _sides(reader, head, _named_before(reader, head)) if wanted == 2 and not _narrows(head) else []
    if singular in _COUNTRY_NOUNS:
        countries = _countries(reader, _named_before(reader, head))
        if wanted is None:
            return []  # les pays de la région: not a closed group
        return countries[:wanted] if len(countries) >= wanted else []
    compound = _compound_role(head, singular)  # les deux chefs d'État: the title goes on
    role = compound or _role_word(singular)
    if role is None and singular not in _PERSON_NOUNS:
        return []
    principals = _principals(reader, head) if role is not None else []
    if principals:
        return principals
    persons = [e for e in _named_before(reader, head) if e.type == "PER"]
    holders = [e for e in persons if role is not None and _holds(e, role)]
    holders = _narrowed(reader, head, holders)
    if wanted is not None:
        if len(holders) >= wanted:
            return [e.id for e in holders[:wanted]]
        recent = [e for e in persons[:wanted] if _named_within(reader, e, head)]
        # A complement, or an adjective that makes the title another office (les deux premiers
        # ministres: not the two ministers named last), says whom; without holders, nobody.
        narrowed = (_narrows(head) and compound is None) or _prenominal_role(head, singular) is not None
        return [e.id for e in recent] if len(recent) >= wanted and not narrowed else []
    return [e.id for e in holders[:_MOST]] if 2 <= len(holders) <= _MOST else []


def _sides(reader: RoleReader, head: Token, before: list[Entity]) -> list[str]:
    """Return the two sides *les deux rivaux*, *les deux protagonistes* stand for: the two
    persons or bodies the article has named most before the phrase, other than the subject
    of its clause (*X a reçu les deux rivaux*: not X), in text order; [] when a third one is
    named as often as the second (no clear pair). A story about a dispute names its two
    sides more than anyone else; the last two persons named are as often a mediator or a
    witness (*l'ancien président du parti, X, … Il a reçu les deux rivaux*)."""
    subject = _clause_subject(reader, head)
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for entity in before:
        if entity.type not in ("PER", "ORG") or entity.id in subject:
            continue
        starts = [m.start for m in entity.mentions if m.start < head.idx]
        counts[entity.id], first[entity.id] = len(starts), min(starts)
    ranked = sorted(counts, key=lambda e: (-counts[e], first[e]))
    if len(ranked) < 2 or counts[ranked[1]] < 2:
        return []
    if len(ranked) > 2 and counts[ranked[2]] == counts[ranked[1]]:
        return []
    return sorted(ranked[:2], key=first.__getitem__)


def _clause_subject(reader: RoleReader, head: Token) -> set[str]:
    """Return the entities the subject of the verb governing a phrase names (a pronoun the
    entity layer resolved included)."""
    verb = head.head
    while verb.dep_ in ("nmod", "conj") and verb.head.i != verb.i:
        verb = verb.head
    return {
        found
        for c in verb.children
        if c.dep_ in ("nsubj", "nsubj:pass")
        for t in c.subtree
        if (found := reader.index.entity_at(t.idx)) is not None
    }


def _singular(head: Token) -> str:
    lemma = head.lemma_.lower()
    if lemma.endswith(("s", "x")) and lemma == head.lower_ and lemma not in ("pays",):
        lemma = lemma[:-1]
    return lemma


def _role_word(singular: str) -> RoleWord | None:
    for role in load_roles().by_first.get(role_key(singular), ()):
        if len(role.words) == 1:
            return role
    return None


def _compound_role(head: Token, singular: str) -> RoleWord | None:
    """Return the title of several words a plural head opens (*chefs d'État*, *chefs de la
    diplomatie*): its first word in the singular, the others as written; or that a
    prenominal adjective opens with it (*premiers ministres*: premier ministre, not ministre)."""
    doc = head.doc
    if (prenominal := _prenominal_role(head, singular)) is not None:
        return prenominal
    for role in load_roles().by_first.get(role_key(singular), ()):
        n = len(role.words)
        if (
            n > 1
            and head.i + n <= len(doc)
            and all(fold(doc[head.i + k].text) == w for k, w in enumerate(role.words) if k > 0)
        ):
            return role
    return None


def _prenominal_role(head: Token, singular: str) -> RoleWord | None:
    """Return the title of two words that a prenominal adjective and the plural head make
    (*les deux premiers ministres*: premier ministre), or None."""
    doc = head.doc
    if head.i == 0 or doc[head.i - 1].dep_ != "amod" or doc[head.i - 1].head.i != head.i:
        return None
    before = _singular(doc[head.i - 1])
    return next(
        (r for r in load_roles().by_first.get(role_key(before), ()) if r.words[1:] == (fold(singular),)), None
    )


def _holds(entity: Entity, wanted: RoleWord) -> bool:
    """Say whether one of a person's roles is in the class of a role noun (or one it covers)."""
    for role in entity.roles:
        first = role.title.split()[0] if role.title else ""
        found = _role_word(first)
        if found is None:
            continue
        if found.cls == wanted.cls or found.cls in wanted.covers or wanted.cls in found.covers:
            return True
    return False


def _principals(reader: RoleReader, head: Token) -> list[str]:
    """Return the countries a plural title's complements name (*les présidents du Ghana et
    du Togo*; an adjective of nationality counts as its country when the document names
    it), in text order, when there are at least two; else []."""
    by_code = {
        country_code(e.name): e.id for e in reader.doc.entities if e.type == "LOC" and country_code(e.name)
    }
    out: list[str] = []
    for token in head.subtree:
        if token.i <= head.i or token.sent != head.sent:
            continue
        found: str | None = None
        if token.dep_ in ("nmod", "conj") and token.pos_ in ("PROPN", "NOUN"):
            entity_id = reader.index.entity_at(token.idx)
            entity = reader.doc.entity(entity_id) if entity_id is not None else None
            if entity is not None and entity.type == "LOC":
                code = country_code(entity.name) or capital_country(entity.name)
                found = by_code.get(code, entity.id) if code else None
        elif token.pos_ == "ADJ" and token.dep_ in ("amod", "conj"):
            nationality = demonym(token.text)
            found = by_code.get(nationality.iso3) if nationality is not None else None
        if found is not None and found not in out:
            out.append(found)
    return out if len(out) >= 2 else []


def _narrows(head: Token) -> bool:
    return any(
        (c.dep_ == "nmod" and any(k.lower_ in OF for k in c.children if k.dep_ == "case"))
        or (c.dep_ == "amod" and demonym(c.text) is not None)
        for c in head.children
    )


def _narrowed(reader: RoleReader, head: Token, holders: list[Entity]) -> list[Entity]:
    """Keep the holders whose role is of the principal or country the phrase names."""
    for child in head.children:
        if child.dep_ == "amod" and child.i > head.i:
            found = demonym(child.text)
            if found is not None:
                return [
                    e for e in holders if e.country == found.iso3 or any(r.of == found.iso3 for r in e.roles)
                ]
        if child.dep_ == "nmod" and any(k.lower_ in OF for k in child.children if k.dep_ == "case"):
            principal = reader.index.entity_at(child.idx)
            if principal is None:
                continue
            entity = reader.doc.entity(principal)
            land = entity.country if entity is not None else None
            land = land or (country_code(entity.name) if entity is not None else None)
            return [
                e for e in holders
                if e.id != principal and any(r.of in (principal, land) and r.of for r in e.roles)
            ]  # fmt: skip
    return holders


def _named_before(reader: RoleReader, head: Token) -> list[Entity]:
    """Return the entities named before a phrase, most recently named first."""
    return reader.index.named_before(head.idx)


def _named_within(reader: RoleReader, entity: Entity, head: Token) -> bool:
    """Say whether a person was named close enough before a phrase for *les deux hommes*
    to take them without a shared role (the sentence before or so)."""
    return any(head.idx - _NEAR <= m.start < head.idx for m in entity.mentions)


def _countries(reader: RoleReader, before: list[Entity]) -> list[str]:
    """Return the countries among entities named before, most recent first; a capital
    stands for its country when the document names that country."""
    by_code = {
        country_code(e.name): e.id for e in reader.doc.entities if e.type == "LOC" and country_code(e.name)
    }
    out: list[str] = []
    mentions = MentionIndex(reader.doc)  # every entity's, for _venue's seats
    for entity in before:
        if entity.type != "LOC":
            continue
        capital = country_code(entity.name) is None
        if capital and _venue(reader, entity, mentions):
            continue  # rencontré à Tbilissi: a meeting's venue, not a party of the pair
        code = country_code(entity.name) or capital_country(entity.name)
        found = by_code.get(code) if code else None
        if found is None and code is not None:
            found = entity.id  # a capital whose country the document does not name acts for it
        if found is not None and found not in out:
            out.append(found)
    return out


def _venue(reader: RoleReader, entity: Entity, mentions: MentionIndex) -> bool:
    """Say whether a city is only ever named after a preposition of place (*à Tbilissi*,
    *depuis Genève*) or inside a body's name (its seat): a venue, whereas a capital acting
    for its country is a subject or an object (*Moscou a dénoncé*, *a accusé Bakou*).
    ``mentions`` indexes every entity's mentions of the document."""
    text = reader.doc.article.text
    return all(
        fold(text[max(0, m.start - 8) : m.start]).rstrip().endswith((" a", " depuis", " vers"))
        # la Cour permanente d'arbitrage de La Haye: a place inside a body's name is its seat
        or mentions.inside_another(m.start, m.end, entity.id)
        for m in entity.mentions
    )


def listed_persons(reader: RoleReader, head: Token) -> list[str]:
    """Return the persons a plural noun lists after it (*Les ministres des deux pays,
    Mariam Coulibaly et Hassane Moussa, …*: the parser may hang the list anywhere in
    the phrase), when there are at least two."""
    if head.pos_ != "NOUN" or "Plur" not in feature(head, "Number"):
        return []
    doc = head.doc
    nodes = [head, *(c for c in head.children if c.dep_ == "nmod")]
    nodes.extend(c for n in nodes[1:] for c in n.children if c.dep_ == "nmod")  # des deux pays
    first = [
        c for n in nodes for c in n.children
        if c.dep_ in ("appos", "conj") and c.i > head.i and doc[c.i - 1].text == ","
    ]  # fmt: skip  # set off by a comma, as an apposition is
    words = [*first, *(t for f in first for t in f.subtree if t.dep_ == "conj")]
    found = [reader.index.entity_at(t.idx) for t in words]
    listed = list(dict.fromkeys(e for e in found if e is not None and reader.types.get(e) == "PER"))
    return listed if len(listed) >= 2 else []


def listed_item(reader: RoleReader, head: Token, child: Token) -> bool:
    """Say whether an apposition is the next item of a list the parser took for an
    apposition (Keir Starmer, Emmanuel Macron et Friedrich Merz): a name of another
    entity of the same type as the head's."""
    if child.dep_ != "appos" or child.pos_ != "PROPN":
        return False
    first, other = reader.index.entity_at(head.idx), reader.index.entity_at(child.idx)
    if first is None or other is None or first == other:
        return False
    return reader.types.get(first) == reader.types.get(other) != "MISC"


def described_body(reader: RoleReader, head: Token) -> list[str]:
    """Return the unions a definite union noun names when the text named unions before it:
    *les syndicats*, *l'intersyndicale* → every union named before (up to four, in text
    order); *le syndicat*, *du syndicat* → the nearest one (a description the entity layer
    left unresolved). The unnamed-party entities (parties.UnnamedParties) are made only
    where no union was named before."""
    # The first word before the noun: a preposition other than du, des, aux (avec les
    # syndicats, entre l'intersyndicale et …) gives no union: measured, such phrases name
    # the unions of a generic or background remark as often as the parties of an act.
    det = next((c for c in head.children if c.dep_ in ("det", "case") and c.i < head.i), None)
    kind = party_kind(det.lower_, head.text) if det is not None else None
    if kind is None or not kind.union or reader.index.entity_at(head.idx) is not None:
        return []
    if any(
        c.dep_ in ("appos", "flat:name") or (c.dep_ == "nmod" and case_of(c) in OF) for c in head.children
    ):
        return []  # les syndicats de Norvia, le syndicat Unisud: read by the phrase's names
    text = reader.doc.article.text
    unions = [e for e in _named_before(reader, head) if union_like(e, text)]
    if not unions:
        return []
    if kind.plural or fold(head.lemma_) == "intersyndicale":
        chosen = unions[:_MOST]
        first = {e.id: min(m.start for m in e.mentions) for e in chosen}
        return sorted(first, key=first.__getitem__)
    return [unions[0].id]


def repeated_member(reader: RoleReader, head: Token) -> list[str]:
    """Return the body a bare plural member noun stands for when the text named it before
    with the same noun and a *de*-complement (*les combattants du Front de l'Aïr … un camp
    des rebelles*: *Les rebelles du X* earlier; *les militants de Greenpeace … les
    militants*): the nearest such phrase before, when it names an organisation. The noun
    is one of ``actor_heads`` (members of a body), in the plural, with a definite article
    (or *des*, *aux*) and no complement of its own."""
    if head.pos_ != "NOUN" or "Plur" not in feature(head, "Number"):
        return []
    if head.lower_ not in reader.actor_heads and head.lemma_.lower() not in reader.actor_heads:
        return []
    if not any(
        (c.dep_ == "det" and c.lower_ in _DETERMINERS) or (c.dep_ == "case" and c.lower_ in CONTRACTED_PLURAL)
        for c in head.children
    ) or any(c.dep_ in ("nmod", "appos", "amod", "acl", "acl:relcl") for c in head.children):
        return []
    # The earlier places of the same word, nearest first, off the view's index of forms (a
    # walk back over every word for each noun made the stage quadratic in the text's length).
    view = token_view(head.doc)
    earlier = view.positions(head.lower_)
    for j in reversed(earlier[: bisect.bisect_left(earlier, head.i)]):
        word = view.tokens[j]
        for child in word.children:
            if child.dep_ == "nmod" and case_of(child) in OF:
                found = reader.index.entity_at(child.idx)
                if found is not None and reader.types.get(found) == "ORG":
                    return [found]
    return []
