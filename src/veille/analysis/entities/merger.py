"""Merge two finished entities a learned check is sure are one, once every stage has run.

The clustering stages join a short form to its full name one class at a time; what is left
split on unseen news is the same person or body said two ways that no single rule joined:
a surname alone far from the full name (*Durand* … *Claire Durand*), a first name alone
(*Claire*), a form with and without its accents or its case (*Eloise Marchal* and *Éloïse
Marchal*), a one-letter typo (*Durant*), an acronym (*CNRS* and *Centre national de la
recherche scientifique*), a name inside a longer one (*Fondation Dupré* and *Dupré*), two
entities linked to the same KB id.

Each such pair of PER, ORG or LOC entities is a candidate; a logistic regression over the
pair (the kind of relation, both types, how often each is said, how far apart they are
first said, whether a third entity also matches the short form, a gender, KB id or role
clash, a place against an organisation) scores how likely they are one entity. It was
trained on the project's annotated articles (scripts/train_entity_merger.py,
leave-one-article-out) and its threshold chosen for precision: two people wrongly made one
cost more than a variant left apart. A threshold above 1 switches the check off, and the
shipped table is off: no cross-validated threshold is clean yet (docs/entities.md §33).

The entity with the fuller name keeps its name, type and KB id; it takes the other's
mentions and roles and the earlier of the two ids, and every quote, event and role pointing
to the other points to it (then all are renumbered as the keeper does).
"""

from __future__ import annotations

import dataclasses
import math
import re
from functools import cache

from veille.analysis.entities.keeper import CHECKED_TYPES, renumbered
from veille.analysis.lang.fr.tables import read_json
from veille.analysis.lang.fr.words import ARTICLES, NAME_PARTICLES, OF_TOKENS
from veille.analysis.logistic import Logistic
from veille.model import Document, Entity
from veille.normal import fold

RELATIONS = ("same_kb", "surname", "first_name", "token", "folded", "acronym", "contained", "typo")

FEATURES = (
    *(f"rel_{r}" for r in RELATIONS),
    "short_PER",
    "short_ORG",
    "short_LOC",
    "short_MISC",
    "long_PER",
    "long_ORG",
    "long_LOC",
    "prefix",
    "suffix",
    "after_de",
    "lower_head",
    "extra_words",
    "n_short",
    "n_long",
    "short_first",
    "distance",
    "ambiguous",
    "gender_clash",
    "kb_clash",
    "roles_differ",
    "short_one_word",
    "short_linked",
    "bias",
)

_WORD = re.compile(r"[^\W_]+")
_LINKS = NAME_PARTICLES | ARTICLES | OF_TOKENS | {"l", "d", "et", "en", "sur", "pour", "les"}
_PAIRED_TYPES = CHECKED_TYPES | {"MISC"}


@cache
def load_merger() -> Logistic:
    """Return the shipped check (data/entity_merger.json)."""
    return Logistic.from_table(read_json("entity_merger.json"), FEATURES)


@dataclasses.dataclass(frozen=True)
class Pair:
    """Two entities that may be one: ``short`` is the one with the shorter name."""

    short: Entity
    long: Entity
    relation: str


def _words(name: str) -> list[str]:
    """Return the content words of a name (capitalised or not), folded."""
    return [fold(w) for w in _WORD.findall(name) if fold(w) not in _LINKS]


def _fullness(entity: Entity) -> tuple[int, int, int]:
    return (len(_words(entity.name)), len(entity.name), len(entity.mentions))


def _acronym(short: str, long: str) -> bool:
    letters = [c for c in short if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters):
        return False
    words = _WORD.findall(long)
    letters_key = "".join(letters).lower()
    return letters_key in {
        "".join(w[0] for w in words if w[0].isupper()).lower(),
        "".join(w[0] for w in words if fold(w) not in _LINKS).lower(),
        "".join(w[0] for w in words).lower(),
    }


def _one_edit(a: str, b: str) -> bool:
    """Tell whether ``a`` and ``b`` differ by one substitution, insertion or deletion."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    shorter, longer = sorted((a, b), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def relation(short: Entity, long: Entity) -> str | None:
    """Return how the two names relate (a RELATIONS name), or None when they do not."""
    if short.kb_id and short.kb_id == long.kb_id:
        return "same_kb"
    if short.kb_id and long.kb_id:
        return None  # two different KB ids: two entities
    if fold(short.name) == fold(long.name):
        return "folded"
    if _acronym(short.name, long.name):
        return "acronym"
    sw, lw = _words(short.name), _words(long.name)
    if not sw or not lw:
        return None
    if len(sw) == len(lw) and sum(_one_edit(a, b) for a, b in zip(sw, lw, strict=True)) == 1:
        if all(a == b or (_one_edit(a, b) and len(a) >= 5) for a, b in zip(sw, lw, strict=True)):
            return "typo"
    if set(sw) <= set(lw) and len(sw) < len(lw):
        if sw == lw[-len(sw) :] and long.type == "PER":
            return "surname"
        if sw == lw[: len(sw)] and long.type == "PER":
            return "first_name"
        return "contained" if fold(short.name) in fold(long.name) else "token"
    return None


def candidates(doc: Document) -> list[Pair]:
    """Return the pairs of checked entities whose names relate (each once)."""
    checked = [e for e in doc.entities if e.type in _PAIRED_TYPES and not e.group]
    pairs = []
    for i, a in enumerate(checked):
        for b in checked[i + 1 :]:
            short, long = sorted((a, b), key=_fullness)
            if long.type == "MISC":
                continue  # a MISC name may be a checked one's short form, not the reverse
            found = relation(short, long)
            if found is not None:
                pairs.append(Pair(short, long, found))
    return pairs


def _first(entity: Entity) -> int:
    return min((m.start for m in entity.mentions), default=0)


def features(pair: Pair, pairs: list[Pair]) -> list[float]:
    """Return the feature vector of ``pair`` (in the order of FEATURES), given all the
    document's candidate pairs (for the ambiguity of the short form)."""
    short, long = pair.short, pair.long
    sw, lw = _words(short.name), _words(long.name)
    titles_s = {fold(r.title) for r in short.roles}
    titles_l = {fold(r.title) for r in long.roles}
    others = {
        p.long.id if p.short.id == short.id else p.short.id
        for p in pairs
        if short.id in (p.short.id, p.long.id) and p.relation != "same_kb"
    }
    value = {
        **{f"rel_{r}": pair.relation == r for r in RELATIONS},
        **{f"short_{t}": short.type == t for t in ("PER", "ORG", "LOC", "MISC")},
        **{f"long_{t}": long.type == t for t in ("PER", "ORG", "LOC")},
        "prefix": lw[: len(sw)] == sw,
        "suffix": lw[-len(sw) :] == sw if sw else False,
        "after_de": bool(re.search(rf"\b(?:de|du|des|d') ?{re.escape(fold(short.name))}$", fold(long.name))),
        "lower_head": long.name[:1].islower(),
        "extra_words": min(max(len(lw) - len(sw), 0), 4) / 4,
        "n_short": math.log1p(len(short.mentions)),
        "n_long": math.log1p(len(long.mentions)),
        "short_first": _first(short) < _first(long),
        "distance": min(abs(_first(short) - _first(long)), 5000) / 5000,
        "ambiguous": len(others - {long.id}) > 0,
        "gender_clash": short.gender is not None and long.gender is not None and short.gender != long.gender,
        "kb_clash": bool(short.kb_id) and bool(long.kb_id) and short.kb_id != long.kb_id,
        "roles_differ": bool(titles_s) and bool(titles_l) and not titles_s & titles_l,
        "short_one_word": len(_words(short.name)) == 1,
        "short_linked": bool(short.kb_id),
        "bias": True,
    }
    return [float(value[name]) for name in FEATURES]


def merge_variants(doc: Document, merger: Logistic | None = None) -> Document:
    """Merge the candidate pairs the check scores as one entity (the surest first; an
    entity is merged once at most) and renumber the rest with their references."""
    merger = merger or load_merger()
    if merger.threshold > 1.0 or len(doc.entities) < 2:
        return doc
    pairs = candidates(doc)
    scored = sorted(((merger.score(features(p, pairs)), p) for p in pairs), key=lambda sp: -sp[0])
    into: dict[str, str] = {}  # the absorbed entity's id -> the surviving entity's
    touched: set[str] = set()
    for score, pair in scored:
        if score < merger.threshold:
            break
        if pair.short.id in touched or pair.long.id in touched:
            continue
        touched |= {pair.short.id, pair.long.id}
        into[pair.short.id] = pair.long.id
    if not into:
        return doc
    return renumbered(_merged(doc, into), set(into), into)


def _merged(doc: Document, into: dict[str, str]) -> Document:
    """Return ``doc`` with each survivor holding its absorbed entity's mentions and roles,
    and the earlier of the two ids (the absorbed entity is left for ``renumbered`` to drop)."""
    by_id = {e.id: e for e in doc.entities}
    absorbed = {survivor: by_id[short] for short, survivor in into.items()}
    entities = []
    for entity in doc.entities:
        other = absorbed.get(entity.id)
        if other is not None:
            mentions = tuple(sorted({*entity.mentions, *other.mentions}, key=lambda m: (m.start, m.end)))
            roles = entity.roles + tuple(r for r in other.roles if r not in entity.roles)
            entity = dataclasses.replace(
                entity,
                mentions=mentions,
                roles=roles,
                kb_id=entity.kb_id or other.kb_id,
                country=entity.country or other.country,
                gender=entity.gender or other.gender,
            )
        entities.append(entity)
    return dataclasses.replace(doc, entities=tuple(entities))
