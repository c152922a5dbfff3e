"""The office query: who held office X of country Y on date D.

``who_held("ministre des Affaires étrangères", "UKR", "2025-12-04")`` and
``who_held("le ministre ukrainien des Affaires étrangères", date="2025-12-04")`` both answer
Andrii Sybiha. The resolve stage calls it for descriptions; the link stage for entities
known only by a title.
"""

from __future__ import annotations

import re
from pathlib import Path

from veille.kb.format import KBEntity
from veille.kb.names import translit_key
from veille.kb.offices import leader_offices, match_office
from veille.kb.store import KB, default_kb
from veille.normal import name_key

# "de l'OTAN", "du Royaume-Uni", "des États-Unis", "de la France", "de France": what follows
# may name the country or organisation the office is of.
_OF = re.compile(r" (?:de l|de la|du|des|de|d) ")


def parse_title(title: str, kb: KB | None = None) -> tuple[str, str | None]:
    """Return (office key, ISO3 or KB id it is of) for a title phrase.

    A demonym gives the country (*ministre ukrainien* → UKR); a trailing complement naming a
    country or organisation gives it too (*secrétaire général de l'OTAN* → Q7184).
    """
    kb = kb or default_kb(None)
    words = name_key(title).split()
    of: str | None = None
    kept: list[str] = []
    for word in words:
        country = kb.country_of_demonym(word) if len(word) > 3 else None
        if country is not None and of is None:
            of = country
            continue
        kept.append(word)
    head = " ".join(kept)
    if of is None:
        whole, whole_length = match_office(head, None)
        for match in reversed(list(_OF.finditer(f" {head} "))):
            tail = f" {head} "[match.end() :].strip()
            owner = _owner(tail, kb)
            if owner is None:
                continue
            short, short_length = match_office(f" {head} "[: match.start()].strip(), owner)
            # "président de la Commission européenne" is an office of its own; "secrétaire
            # général de l'OTAN" is the office "secrétaire général" of NATO.
            if short_length >= whole_length:
                return short, owner
            return whole, None
    return match_office(head, of)[0], of


def _owner(text: str, kb: KB) -> str | None:
    for ident, _kind, kb_type in kb.by_norm(text):
        entity = kb.get(ident)
        if entity is None:
            continue
        if entity.kind == "country" and entity.country:
            return entity.country
        if kb_type == "ORG":
            return ident
    return None


def who_held(
    title: str,
    of: str | None = None,
    date: str | None = None,
    kb: KB | None = None,
    kb_path: Path | None = None,
) -> list[KBEntity]:
    """Return the KB entities holding the office named by ``title`` of ``of`` on ``date``.

    ``of`` (ISO3 or a KB id) overrides what the title says; ``date`` None means at any time.
    An empty list means nobody in the KB fits: the caller should not guess.
    """
    kb = kb or default_kb(kb_path)
    office, parsed_of = parse_title(title, kb)
    of = of or parsed_of
    if office != "leader":
        return kb.holders(office, of, date)
    for candidate in leader_offices(of):
        found = kb.holders(candidate, of, date)
        if found:
            return found
    return []


def search(
    name: str, kb: KB, entity_type: str | None = None, fuzzy_cutoff: float = 85.0
) -> list[tuple[KBEntity, str, float]]:
    """Return (entity, how, score) for the KB entries a name may stand for, best first.

    ``how`` is ``name``/``alias``/``surname`` for an exact normalised match, ``translit`` for
    a transliteration variant, ``fuzzy`` for a near spelling (score is the ratio / 100).
    """
    norm = name_key(name)
    hits: list[tuple[str, str, float]] = [(i, kind, 1.0) for i, kind, _t in kb.by_norm(norm)]
    if not hits:
        hits = [(i, "translit", 0.95) for i, _kind, _t in kb.by_key(translit_key(name))]
    if not hits:
        near = kb.fuzzy(translit_key(name), fuzzy_cutoff)
        hits = [(i, "fuzzy", score / 100) for i, _kind, _t, score in near]
    found: dict[str, tuple[KBEntity, str, float]] = {}
    for ident, how, score in hits:
        entity = kb.get(ident)
        if entity is None or (entity_type is not None and entity.type != entity_type):
            continue
        if ident not in found or found[ident][2] < score:
            found[ident] = (entity, how, score)
    return sorted(found.values(), key=lambda hit: -hit[2])
