"""Link entities to the knowledge base: a KB id (Wikidata QID or local id), or NIL.

The cascade, for each PER/ORG/LOC entity:

1. Candidates by alias. Every name mention is looked up by its normalised form (accents,
   case, hyphens, a leading article), then by its transliteration key (*Zelenskyy* →
   *Zelensky*), then, only when both fail, by fuzzy match on the key (*Vladuimir Poutine*).
   A one-word person name also meets KB surnames (*Poutine*), as weaker evidence.
2. Type filter. A person is only ever linked to a person; ORG and LOC may meet each other
   (spaCy tags *OTAN* LOC and *Kremlin* ORG), at a cost. A MISC entity links only by an
   exact name (spaCy tags *Recep Tayyip Erdogan* MISC) and then takes the KB's type.
   Demonym groups (*les Russes*) are never linked.
3. Context. A KB role held on the article date that matches a role the text gives is strong
   evidence; the entity's country, and countries named in the same article, are weak evidence.
4. Decision. A city links by its name alone when no other KB entry bears that name
   (*Toulouse*, *Rabat*); a name two entries share (*Victoria*: Seychelles or Canada;
   *Valence*: Drôme or Spain) links only when the article names the city's country too,
   and so does a city found only by a fuzzy match, unless it is a Wikidata-known one.
   Below a threshold, or when two candidates tie, the entity stays NIL: a wrong link
   is worse than none. A surname alone links only to a person known by surname alone in the
   news (``prominent``) or whose role the text confirms.

An entity known only by a title (*le ministre ukrainien des Affaires étrangères*) is linked
by the office query when exactly one person held that office on the article date.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import ClassVar

from spacy.tokens import Doc

from veille.analysis.entities.acronyms import is_acronym
from veille.analysis.entities.known import describe_known_holders
from veille.analysis.entities.rolenouns import load_roles
from veille.kb.format import KBEntity
from veille.kb.names import translit_key
from veille.kb.offices import office_key
from veille.kb.query import parse_title, who_held
from veille.kb.store import KB, default_kb
from veille.model import Document, Entity, Role
from veille.normal import name_key
from veille.settings import Settings

_SCORES = {"name": 1.0, "alias": 0.95, "surname": 0.6}
_TRANSLIT_FACTOR = 0.92  # a transliteration variant is nearly as good as the spelling itself
_FUZZY_CUTOFF = 88.0
_CROSS_TYPE_PENALTY = 0.2
_THRESHOLD = 0.75
_TIE_MARGIN = 0.05


@dataclass(frozen=True)
class LinkOptions:
    """Thresholds of the linking decision."""

    threshold: float = _THRESHOLD
    fuzzy_cutoff: float = _FUZZY_CUTOFF
    tie_margin: float = _TIE_MARGIN


@dataclass
class Candidate:
    ident: str
    score: float
    how: str  # name, alias, surname, translit, fuzzy, office


class LinkStage:
    """Set ``Entity.kb_id`` (and country, and the KB roles held on the article date)."""

    requires: ClassVar[tuple[str, ...]] = ("entities.resolved",)
    assigns: ClassVar[tuple[str, ...]] = ("entities.linked",)

    def __init__(self, kb: KB, options: LinkOptions | None = None) -> None:
        self.kb = kb
        self.options = options or LinkOptions()

    @classmethod
    def from_settings(cls, settings: Settings) -> LinkStage:
        return cls(default_kb(settings.kb_path))

    def __call__(self, doc: Document, parsed: Doc) -> Document:
        linked = link_document(doc, self.kb, self.options)
        # The KB knows who held an office on the article date: le chef de l'État, la
        # première ministre left unattached by the text go to that person.
        return describe_known_holders(linked, parsed, self.kb, load_roles())


def link_document(doc: Document, kb: KB, options: LinkOptions | None = None) -> Document:
    """Return the document with its entities linked to the KB where the evidence suffices."""
    options = options or LinkOptions()
    date = doc.article.date
    candidates = {e.id: find_candidates(e, kb, options) for e in doc.entities}
    # Countries the article names, from the unambiguous country links: weak context for the rest.
    countries: set[str] = set()
    for entity in doc.entities:
        best = _best(candidates[entity.id])
        if best is not None and best.score >= 0.9:
            kb_entity = kb.get(best.ident)
            if kb_entity is not None and kb_entity.kind == "country" and kb_entity.country:
                countries.add(kb_entity.country)
    linked = []
    for entity in doc.entities:
        found = decide(entity, candidates[entity.id], kb, date, countries, options)
        linked.append(apply_link(entity, kb.get(found) if found else None, date))
    return dataclasses.replace(doc, entities=merge_same_link(linked))


def merge_same_link(entities: list[Entity]) -> tuple[Entity, ...]:
    """Make one entity of the entities linked to one KB id (Dilma and Dilma Rousseff),
    unless the text tells them apart; renumber e1… and the role references to them.

    The text tells two people apart when it gives them opposite genders (M. and Mme) or two
    full names without a word in common: the KB then has one of them wrong.
    """
    kept: list[Entity] = []
    into: dict[str, str] = {}  # old id -> id of the entity it joined
    for entity in entities:
        home = next((k for k in kept if entity.kb_id and _same_referent(k, entity)), None)
        if home is None:
            kept.append(entity)
            into[entity.id] = entity.id
            continue
        into[entity.id] = home.id
        kept[kept.index(home)] = _joined(home, entity)
    kept.sort(key=lambda e: min((m.start for m in e.mentions), default=0))
    number = {e.id: f"e{n}" for n, e in enumerate(kept, start=1)}
    renamed = {old: number[new] for old, new in into.items()}
    result = []
    for entity in kept:
        roles = tuple(
            dict.fromkeys(
                dataclasses.replace(r, of=renamed.get(r.of, r.of)) if r.of else r for r in entity.roles
            )
        )
        result.append(dataclasses.replace(entity, id=number[entity.id], roles=roles))
    return tuple(result)


def _same_referent(a: Entity, b: Entity) -> bool:
    """Tell whether two entities linked to one KB id may be one (see merge_same_link)."""
    if a.kb_id != b.kb_id or a.group or b.group or (a.type == "PER") != (b.type == "PER"):
        return False
    if a.gender and b.gender and a.gender != b.gender:
        return False
    words_a, words_b = set(name_key(a.name).split()), set(name_key(b.name).split())
    return not (len(words_a) >= 2 and len(words_b) >= 2 and not words_a & words_b)


def _joined(a: Entity, b: Entity) -> Entity:
    """Return entity a with b's mentions, roles and facts added; the fuller name names it."""
    name = a.name if len(a.name.split()) >= len(b.name.split()) else b.name
    return dataclasses.replace(
        a,
        name=name,
        mentions=tuple(sorted(set(a.mentions) | set(b.mentions), key=lambda m: (m.start, m.end))),
        roles=tuple(dict.fromkeys(a.roles + b.roles)),
        country=a.country or b.country,
        gender=a.gender or b.gender,
    )


def find_candidates(entity: Entity, kb: KB, options: LinkOptions) -> list[Candidate]:
    """Return the KB candidates of an entity by its names, type-filtered, best score per id."""
    if entity.type not in ("PER", "ORG", "LOC", "MISC") or entity.group:
        return []
    names = [entity.name, *(m.text for m in entity.mentions if m.kind == "name")]
    best: dict[str, Candidate] = {}

    def offer(ident: str, kb_type: str, score: float, how: str) -> None:
        if entity.type == "MISC":
            # spaCy tags some full names MISC (Recep Tayyip Erdogan): only an exact full name counts.
            if how not in ("name", "alias"):
                return
            score -= 0.1
        elif kb_type != entity.type:
            if "PER" in (kb_type, entity.type):
                return
            score -= _CROSS_TYPE_PENALTY
        if ident not in best or best[ident].score < score:
            best[ident] = Candidate(ident, score, how)

    for name in dict.fromkeys(names):
        norm = name_key(name)
        if not norm:
            continue
        one_word = " " not in norm
        hits = kb.by_norm(norm)
        for ident, kind, kb_type in hits:
            if kind == "surname" and not one_word:
                continue
            offer(ident, kb_type, _SCORES[kind], kind)
        if hits:
            continue
        key = translit_key(name)
        hits = kb.by_key(key)
        for ident, kind, kb_type in hits:
            if kind == "surname" and not one_word:
                continue
            offer(ident, kb_type, _SCORES[kind] * _TRANSLIT_FACTOR, "translit" if kind != "surname" else kind)
        if hits or len(key) < 5 or _has_acronym(name):
            continue
        for ident, kind, kb_type, ratio in kb.fuzzy(key, options.fuzzy_cutoff):
            if kind == "surname":
                continue  # a misspelt surname alone is too weak to link
            offer(ident, kb_type, _SCORES[kind] * ratio / 100 * 0.95, "fuzzy")
    if not best and entity.type == "PER":
        best.update({c.ident: c for c in _by_office(entity, kb)})
    return sorted(best.values(), key=lambda c: -c.score)


def _has_acronym(name: str) -> bool:
    """Whether a name holds an acronym: a word of two capitals or more, all capitals (UA, CGT).

    A misspelling changes a letter of a word that is read aloud (*Vladuimir*, *Steeve*); an
    acronym's letters each stand for a word, so one letter off names another body (*la
    Commission de l'UA*, of the African Union, is not *la Commission de l'UE*; *le PS* is not
    *le PC*). Such a name is linked by its exact or transliterated spelling only, never fuzzily.
    """
    words = name.replace("'", " ").replace("\u2019", " ").split()
    return any(is_acronym(word.strip("().,;:-")) for word in words)


def _by_office(entity: Entity, kb: KB) -> list[Candidate]:
    """Return office candidates for a person the text names only by title, if any."""
    if any(m.kind == "name" for m in entity.mentions):
        return []
    found: list[Candidate] = []
    for role in entity.roles:
        for holder in who_held(role.title, role.of, role.start, kb=kb):
            found.append(Candidate(holder.id, 0.8, "office"))
    return found


def decide(
    entity: Entity,
    candidates: list[Candidate],
    kb: KB,
    date: str | None,
    countries: set[str],
    options: LinkOptions,
) -> str | None:
    """Return the KB id to link to, or None (NIL)."""
    scored: list[tuple[float, Candidate]] = []
    # KB entries that the entity's own spelling names: two of them make the name a homonym.
    named = {c.ident for c in candidates if c.how in ("name", "alias", "translit")}
    for candidate in candidates:
        kb_entity = kb.get(candidate.ident)
        if kb_entity is None:
            continue
        role_match = _role_match(entity, kb_entity, date, kb)
        score = candidate.score
        if role_match:
            score += 0.3
        if entity.country and kb_entity.country == entity.country:
            score += 0.1
        elif kb_entity.country and kb_entity.country in countries:
            score += 0.05
        if _sex_contradicts(entity, kb_entity):
            continue
        if candidate.how == "surname":
            # 4. A surname alone: only a name the news uses alone, or a role the text confirms.
            if not (kb_entity.prominent or role_match):
                continue
            score = max(score, options.threshold) if kb_entity.prominent else score
        if candidate.how == "office" and not role_match:
            continue
        if kb_entity.kind == "city" and kb_entity.country not in countries:
            homonym = candidate.ident in named and len(named) > 1
            guessed = candidate.how == "fuzzy" and not _well_known(kb_entity)
            if homonym or guessed:
                continue  # Victoria: Seychelles or Canada? The country named decides.
        scored.append((score, candidate))
    scored.sort(key=lambda item: -item[0])
    if not scored or scored[0][0] < options.threshold:
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < options.tie_margin:
        return _country_of_its_capital(scored[0][1].ident, scored[1][1].ident, kb, entity)
    return scored[0][1].ident


def _country_of_its_capital(first: str, second: str, kb: KB, entity: Entity) -> str | None:
    """Return the country when a name ties between a country and its own capital of the
    same name (Luxembourg, Monaco, Singapour, Djibouti, Koweït): the press names the
    state far more often than the city, which it calls 'la ville de Luxembourg' or
    'Luxembourg-Ville'; any other tie stays unlinked. Where the name is the capital's
    French name and only the country's English one (Mexico: the country is le Mexique),
    it is the capital."""
    a, b = kb.get(first), kb.get(second)
    if a is None or b is None or a.country is None or a.country != b.country:
        return None
    kinds = {a.kind: a, b.kind: b}
    if set(kinds) != {"country", "city"}:
        return None
    names = {name_key(m.text) for m in entity.mentions if m.kind == "name"} | {name_key(entity.name)}
    city, country = kinds["city"], kinds["country"]
    if name_key(city.name.get("fr", "")) in names and name_key(country.name.get("fr", "")) not in names:
        return city.id
    return country.id


def _sex_contradicts(entity: Entity, kb_entity: KBEntity) -> bool:
    """Tell whether a person named by one word only has, by the text, the other sex than the
    KB's (Mme Poutine is not Vladimir Poutine). A full name keeps its link: then the KB's
    sex (P21) corrects the text's guess."""
    if entity.gender is None or kb_entity.gender not in ("f", "m") or entity.gender == kb_entity.gender:
        return False
    return all(len(m.text.split()) == 1 for m in entity.mentions if m.kind == "name")


def _role_match(entity: Entity, kb_entity: KBEntity, date: str | None, kb: KB) -> bool:
    """Tell whether a role the text gives the entity is one the KB says it held on ``date``."""
    if not entity.roles:
        return False
    held = [(office_key(r.title, r.of), r.of) for r in kb_entity.roles_on(date)]
    if not held:
        return False
    for role in entity.roles:
        office, of = parse_title(role.title, kb)
        of = role.of or of
        for held_office, held_of in held:
            if held_office == office and (of is None or held_of == of):
                return True
            heads = ("head_of_state", "head_of_government")
            if office == "leader" and held_of == of and held_office in heads:
                return True
    return False


def apply_link(entity: Entity, kb_entity: KBEntity | None, date: str | None) -> Entity:
    """Return the entity with the link's id, country and the KB roles held on ``date``."""

    if kb_entity is None:
        return entity
    country = entity.country or kb_entity.country
    roles = list(entity.roles)
    known = {(office_key(r.title, r.of), r.of) for r in roles}
    for role in kb_entity.roles_on(date) if date else ():
        if (office_key(role.title, role.of), role.of) not in known:
            roles.append(Role(title=role.title, of=role.of, start=role.start, end=role.end))
    # The KB knows better than NER what a full name it holds is (MISC → PER for Erdogan).
    kb_type = kb_entity.type if entity.type == "MISC" else entity.type
    # Wikidata's sex (P21) outranks what the text's titles and first name suggested.
    gender = kb_entity.gender if kb_entity.gender in ("f", "m") and kb_type == "PER" else entity.gender
    return dataclasses.replace(
        entity,
        kb_id=kb_entity.id,
        country=country,
        roles=tuple(roles),
        gender=gender,  # type: ignore[arg-type]
        type=kb_type,  # type: ignore[arg-type]
    )


def _well_known(kb_entity: KBEntity) -> bool:
    # The starter KB gives a QID only to cities it is sure of, which are the famous ones.
    return kb_entity.prominent or kb_entity.id.startswith("Q")


def _best(candidates: list[Candidate]) -> Candidate | None:
    return candidates[0] if candidates else None
