"""Corpus-level identity: which corpus entity a document entity belongs to.

The idea follows the Europe Media Monitor's name variant clustering (R. Steinberger and
B. Pouliquen, *Cross-lingual Named Entity Recognition*, Lingvisticæ Investigationes 30(1),
2007; B. Pouliquen and R. Steinberger, *Automatic construction of multilingual name
dictionaries*, 2009): names are compared once normalised, spelling variants are caught by
edit distance, and what the articles say around a name (co-occurring entities, the
person's country and titles) decides between candidates and vetoes a wrong merge. The
code here is our own; only the idea comes from those papers.

For one document entity, in order:

1. A manual decision (``identity_pins``) naming one of its variants or its KB id wins;
   of several, the latest.
2. A KB id is an identity: the same ``kb_id`` is the same corpus entity.
3. Else candidates by name: a variant equal, once normalised, to an alias of a corpus
   entity of the same type; a one-word person name equal to a corpus person's surname;
   a fuzzy match (rapidfuzz ratio ≥ 90) among aliases whose last word shares its first
   three letters. Each candidate's context is then read: the countries and titles its
   document entities were given, and the corpus entities it co-occurs with.
4. A candidate whose country differs is dropped; so is one whose titles all differ on a
   weak name match (a bare surname, a typo) unless two or more co-occurring entities are
   shared. The best-scoring candidate left wins; a bare surname with two equally good
   candidates is a new entity rather than a guess.
5. Else a new corpus entity.

Each link is recorded with how it was made and a score in [0, 1]; the weakest link of a
corpus entity is its confidence in ``veille entities clusters``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from veille.model import Entity
from veille.normal import name_key
from veille.store.names import last_word

# Two names of the same type are the same corpus entity at this rapidfuzz ratio or above:
# it takes "Vladuimir Poutine" (96) and "Steeve Witkoff" (96), not "Iran"/"Irak" (75).
FUZZY_MIN_RATIO = 90
FUZZY_MIN_LENGTH = 6
# Co-occurring corpus entities shared with a candidate that outweigh differing titles:
# two people named Martin rarely appear beside the same two others.
SHARED_TO_OVERRIDE_ROLES = 2
# Shared co-occurring entities count towards the score up to this many; linking stops
# looking once it has found them.
SHARED_COUNTED = 3
# Context is read from this many of a candidate's latest articles, which bounds the
# cost of a candidate that appears in thousands.
CONTEXT_ARTICLES = 200


@dataclass(frozen=True)
class Named:
    """What linking needs to know of a document entity, from a Document or from the store."""

    type: str
    name: str
    kb_id: str | None
    country: str | None
    titles: tuple[str, ...]  # normalised role titles
    variants: tuple[str, ...]  # the name, then its name mentions, each once

    @property
    def norms(self) -> list[str]:
        return [n for n in dict.fromkeys(name_key(v) for v in self.variants) if n]

    @classmethod
    def of(cls, entity: Entity) -> Named:
        """Return the linking view of a Document entity."""
        seen: dict[str, None] = {entity.name: None}
        for mention in entity.mentions:
            if mention.kind == "name":
                seen.setdefault(mention.text, None)
        titles = tuple(dict.fromkeys(name_key(r.title) for r in entity.roles if r.title))
        return cls(entity.type, entity.name, entity.kb_id, entity.country, titles, tuple(seen))


@dataclass(frozen=True)
class Link:
    """A document entity's corpus entity, how it was chosen and how sure that is."""

    corpus_id: int
    how: str  # manual | kb | name | surname | fuzzy | new
    score: float


@dataclass(frozen=True)
class _Context:
    countries: frozenset[str]
    titles: frozenset[str]
    neighbours: frozenset[int]  # up to SHARED_COUNTED of the article's entities it appeared beside
    articles: int


def link_entity(conn: sqlite3.Connection, named: Named, neighbours: Iterable[int] = ()) -> Link:
    """Return the corpus entity for one document entity, creating it when new (see the module doc).

    ``neighbours`` are the corpus entities already linked in the same article.
    """
    pinned = _pinned_label(conn, named)
    if pinned is not None:
        return Link(_corpus_entity(conn, pinned, named), "manual", 1.0)
    if named.kb_id:
        return Link(_corpus_entity(conn, f"kb:{named.kb_id}", named), "kb", 1.0)
    around = frozenset(neighbours)
    scored: list[tuple[float, int, int, str]] = []  # score, articles, corpus id, how
    for corpus_id, (how, name_score) in _name_candidates(conn, named).items():
        context = _context(conn, corpus_id, around)
        score = _fit(named, how, name_score, context, around)
        if score is not None:
            scored.append((score, context.articles, corpus_id, how))
    # Best score, then the entity in more articles, then the older one.
    scored.sort(key=lambda s: (-s[0], -s[1], s[2]))
    if scored:
        score, _articles, corpus_id, how = scored[0]
        weak = how in ("surname", "fuzzy") or score < 0.9
        # A bare surname two candidates fit equally well is left apart rather than guessed.
        if not (weak and len(scored) > 1 and scored[1][0] == score):
            return Link(corpus_id, how, round(score, 3))
    norms = named.norms
    return Link(
        _new_corpus_entity(conn, f"name:{named.type}:{norms[0] if norms else named.name}", named), "new", 1.0
    )


def _pinned_label(conn: sqlite3.Connection, named: Named) -> str | None:
    forms = ([f"kb:{named.kb_id}"] if named.kb_id else []) + named.norms
    best: tuple[int, str] | None = None
    for form in forms:
        row = conn.execute(
            "SELECT priority, label FROM identity_pins WHERE type = ? AND form = ?", (named.type, form)
        ).fetchone()
        if row is not None and (best is None or row[0] > best[0]):
            best = (int(row[0]), str(row[1]))
    return best[1] if best else None


def _name_candidates(conn: sqlite3.Connection, named: Named) -> dict[int, tuple[str, float]]:
    """Return corpus entities whose names fit, each with the best way it fits and a name score."""
    found: dict[int, tuple[str, float]] = {}

    def add(corpus_id: int, how: str, score: float) -> None:
        if corpus_id not in found or found[corpus_id][1] < score:
            found[corpus_id] = (how, score)

    norms = named.norms
    for norm in norms:
        # A full name equal to an alias is near-certain; a single word (Poutine) much less.
        score = 0.95 if " " in norm else 0.8
        for (corpus_id,) in conn.execute(
            "SELECT DISTINCT a.corpus_entity FROM aliases a JOIN corpus_entities c ON c.id = a.corpus_entity"
            " WHERE a.norm = ? AND c.type = ?",
            (norm, named.type),
        ):
            add(int(corpus_id), "name", score)
    if named.type == "PER" and norms and " " not in norms[0]:
        for (corpus_id,) in conn.execute(
            "SELECT DISTINCT a.corpus_entity FROM aliases a JOIN corpus_entities c ON c.id = a.corpus_entity"
            " WHERE a.last = ? AND c.type = 'PER' LIMIT 50",
            (norms[0],),
        ):
            add(int(corpus_id), "surname", 0.75)
    for norm in norms:
        if len(norm) < FUZZY_MIN_LENGTH:
            continue
        prefix = last_word(norm)[:3]
        rows = conn.execute(
            "SELECT a.corpus_entity, a.norm FROM aliases a JOIN corpus_entities c ON c.id = a.corpus_entity"
            " WHERE a.last >= ? AND a.last < ? AND c.type = ? LIMIT 500",
            (prefix, prefix + "\U0010ffff", named.type),
        ).fetchall()
        for corpus_id, candidate in rows:
            ratio = fuzz.ratio(norm, candidate)
            if ratio >= FUZZY_MIN_RATIO and candidate != norm:
                add(int(corpus_id), "fuzzy", 0.85 * ratio / 100)
    return found


# Which of the given corpus entities appear in the given articles: one seek per (article,
# entity) pair in the (article, corpus_entity) index, never a scan of an entity's history.
NEIGHBOURS = (
    "SELECT DISTINCT e.corpus_entity FROM json_each(?) r JOIN entities e ON e.article = r.value"
    " WHERE e.corpus_entity IN (SELECT value FROM json_each(?)) AND e.corpus_entity != ? LIMIT ?"
)


def _context(conn: sqlite3.Connection, corpus_id: int, around: frozenset[int]) -> _Context:
    """Read a candidate's context from its latest ``CONTEXT_ARTICLES`` articles: the countries
    and titles its document entities were given, and which of ``around`` it appeared beside.

    Bounded whatever the corpus size: one seek down the (corpus_entity, article) index, then
    the entities of at most that many articles, all in SQL.
    """
    recent = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT article FROM entities WHERE corpus_entity = ? ORDER BY article DESC LIMIT ?",
            (corpus_id, CONTEXT_ARTICLES),
        )
    ]
    countries: set[str] = set()
    titles: set[str] = set()
    row = conn.execute("SELECT country FROM corpus_entities WHERE id = ?", (corpus_id,)).fetchone()
    if row is not None and row[0]:
        countries.add(row[0])
    if recent:
        for country, roles in conn.execute(
            "SELECT DISTINCT country, roles FROM entities WHERE corpus_entity = ? AND article >= ?",
            (corpus_id, recent[-1]),
        ):
            if country:
                countries.add(country)
            if roles != "[]":
                titles.update(name_key(r.get("title") or "") for r in json.loads(roles))
    titles.discard("")
    neighbours: set[int] = set()
    if recent and around:
        neighbours = {
            r[0]
            for r in conn.execute(
                NEIGHBOURS, (json.dumps(recent), json.dumps(sorted(around)), corpus_id, SHARED_COUNTED)
            )
        }
    return _Context(frozenset(countries), frozenset(titles), frozenset(neighbours), len(recent))


def _fit(
    named: Named, how: str, name_score: float, context: _Context, around: frozenset[int]
) -> float | None:
    """Return the score of a candidate given its context, or None when the context vetoes it."""
    if named.country and context.countries and named.country not in context.countries:
        return None
    shared = len(around & context.neighbours)
    weak = how in ("surname", "fuzzy") or name_score < 0.9
    titles_differ = bool(named.titles and context.titles and not set(named.titles) & context.titles)
    if weak and titles_differ and shared < SHARED_TO_OVERRIDE_ROLES:
        return None
    # Company counts most: each co-occurring entity shared is worth more than the gap
    # between a bare surname and an alias equal to it.
    score = name_score + 0.1 * min(shared, SHARED_COUNTED)
    if named.country and named.country in context.countries:
        score += 0.05
    if named.titles and set(named.titles) & context.titles:
        score += 0.05
    return min(score, 1.0)


def _corpus_entity(conn: sqlite3.Connection, key: str, named: Named) -> int:
    """Return the corpus entity with this key, creating it when missing."""
    conn.execute(
        "INSERT OR IGNORE INTO corpus_entities (key, kb_id, name, type, country) VALUES (?, ?, ?, ?, ?)",
        (key, named.kb_id, named.name, named.type, named.country),
    )
    return int(conn.execute("SELECT id FROM corpus_entities WHERE key = ?", (key,)).fetchone()[0])


def _new_corpus_entity(conn: sqlite3.Connection, key: str, named: Named) -> int:
    """Create a corpus entity; a key already taken (a namesake the context kept apart) gets a suffix."""
    candidate, n = key, 1
    while conn.execute("SELECT 1 FROM corpus_entities WHERE key = ?", (candidate,)).fetchone():
        n += 1
        candidate = f"{key}#{n}"
    return _corpus_entity(conn, candidate, named)


def add_aliases(conn: sqlite3.Connection, corpus_id: int, named: Named) -> None:
    """Count the variants of one document entity into its corpus entity, then rename it."""
    for variant in named.variants:
        norm = name_key(variant)
        conn.execute(
            "INSERT INTO aliases (corpus_entity, alias, norm, last, count, names) VALUES (?, ?, ?, ?, 1, ?)"
            " ON CONFLICT (corpus_entity, alias)"
            " DO UPDATE SET count = count + 1, names = names + excluded.names",
            (corpus_id, variant, norm, last_word(norm), int(variant == named.name)),
        )
    rename(conn, corpus_id)
    if named.country:
        conn.execute(
            "UPDATE corpus_entities SET country = COALESCE(country, ?) WHERE id = ?",
            (named.country, corpus_id),
        )


def rename(conn: sqlite3.Connection, corpus_id: int) -> None:
    """Name a corpus entity by the variant most articles name it by."""
    # Not the most frequent mention: that is the bare surname. On a tie a full name over a
    # single word, then the first seen, so a later one-off typo does not rename the entity.
    conn.execute(
        "UPDATE corpus_entities SET name = (SELECT alias FROM aliases WHERE corpus_entity = ?"
        " ORDER BY names DESC, instr(alias, ' ') > 0 DESC, rowid LIMIT 1) WHERE id = ?"
        " AND EXISTS (SELECT 1 FROM aliases WHERE corpus_entity = ?)",
        (corpus_id, corpus_id, corpus_id),
    )


def stored_named(conn: sqlite3.Connection, entity_row: int) -> Named:
    """Return the linking view of a stored document entity."""
    name, type_, kb_id, country, roles = conn.execute(
        "SELECT name, type, kb_id, country, roles FROM entities WHERE rowid = ?", (entity_row,)
    ).fetchone()
    seen: dict[str, None] = {name: None}
    for (text,) in conn.execute(
        "SELECT text FROM mentions WHERE entity = ? AND kind = 'name' ORDER BY ord", (entity_row,)
    ):
        seen.setdefault(text, None)
    titles = tuple(dict.fromkeys(name_key(r["title"]) for r in json.loads(roles) if r.get("title")))
    return Named(type_, name, kb_id, country, titles, tuple(seen))


def recount_aliases(conn: sqlite3.Connection, corpus_id: int) -> None:
    """Rebuild a corpus entity's aliases from the document entities it holds now."""
    # Counts are kept incrementally on insert; deletes, merges and splits are rare, so recount.
    counts: dict[str, list[int]] = {}
    rows = conn.execute("SELECT rowid FROM entities WHERE corpus_entity = ? ORDER BY rowid", (corpus_id,))
    for (entity_row,) in rows.fetchall():
        named = stored_named(conn, entity_row)
        for variant in named.variants:
            tally = counts.setdefault(variant, [0, 0])
            tally[0] += 1
            tally[1] += int(variant == named.name)
    conn.execute("DELETE FROM aliases WHERE corpus_entity = ?", (corpus_id,))
    for variant, (count, names) in counts.items():
        norm = name_key(variant)
        conn.execute(
            "INSERT INTO aliases (corpus_entity, alias, norm, last, count, names) VALUES (?, ?, ?, ?, ?, ?)",
            (corpus_id, variant, norm, last_word(norm), count, names),
        )
    rename(conn, corpus_id)


def link_article(conn: sqlite3.Connection, entities: Sequence[Named]) -> list[Link]:
    """Link one article's entities, surest first, so that the others can use them as context.

    KB-linked entities first, then full names, then one-word names (a bare surname is the
    one that needs to know who else the article names). Aliases are added as each is
    linked, so a later entity of the article can meet an earlier one. Returns the links
    in the order of ``entities``.
    """

    def surest(i: int) -> tuple[bool, bool, int]:
        return entities[i].kb_id is None, " " not in entities[i].name.strip(), i

    order = sorted(range(len(entities)), key=surest)
    links: dict[int, Link] = {}
    for i in order:
        others = {link.corpus_id for link in links.values()}
        link = link_entity(conn, entities[i], others)
        links[i] = link
        add_aliases(conn, link.corpus_id, entities[i])
    return [links[i] for i in range(len(entities))]
