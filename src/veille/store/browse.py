"""Reads for browsing the store page by page: article lists, one entity's record, the actor graph.

The REST API and the web pages read through these and through :mod:`veille.store.queries`
(which the CLI uses too), so no SQL lives outside the store. As there, every value is a
parameter and the SQL text is fixed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from dataclasses import asdict, dataclass
from typing import Any, Literal

from veille.store.hits import EventHit, QuoteHit, Source
from veille.store.queries import (
    _EVENT_ACTORS,
    _MATCHING_ENTITIES,
    _QUOTE_COLUMNS,
    _QUOTE_JOINS,
    _QUOTE_SOURCES,
    DEFAULT_LIMIT,
    _named,
    fts_query,
    until_key,
)


@dataclass(frozen=True)
class ArticleRow:
    """An article in a list: what it is, where it is from, how it opens, what it holds."""

    id: str
    date: str | None
    source: str | None
    title: str | None
    url: str | None
    lead: str  # the opening of the text, or a snippet around the match when searching
    quotes: int
    events: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_ARTICLES = """
SELECT a.id, a.date, a.source, a.title, a.url,
       CASE WHEN :fts IS NULL THEN substr(a.text, 1, 240)
            ELSE (SELECT snippet(articles_fts, 1, '', '', '…', 24) FROM articles_fts
                  WHERE articles_fts MATCH :fts AND articles_fts.rowid = a.rowid) END,
       (SELECT count(*) FROM quotes q WHERE q.article = a.rowid),
       (SELECT count(*) FROM events v WHERE v.article = a.rowid)
FROM articles a
WHERE (:fts IS NULL OR a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :fts))
  AND (:since IS NULL OR a.date >= :since)
  AND (:until IS NULL OR a.date <= :until)
  AND (:source IS NULL OR a.source = :source)
ORDER BY a.date DESC, a.rowid DESC
LIMIT :limit OFFSET :offset
"""


def list_articles(
    conn: sqlite3.Connection,
    *,
    since: str | None = None,
    until: str | None = None,
    source: str | None = None,
    search: str | None = None,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
) -> list[ArticleRow]:
    """Return articles, latest first (a stable order: date, then ingest order), filtered.

    ``search`` is full text over title and text (accents ignored), as ``veille search``.
    """
    fts = fts_query(search) if search else None
    if search and not fts:
        return []
    params = {"fts": fts, "since": since, "until": until_key(until), "source": source,
              "limit": limit, "offset": offset}  # fmt: skip
    return [ArticleRow(*row) for row in conn.execute(_ARTICLES, params)]


@dataclass(frozen=True)
class RoleSeen:
    """A role an entity is given, and the first and last article dates that give it."""

    title: str
    of: str | None
    first: str | None
    last: str | None
    articles: int
    start: str | None = None  # the term's dates, where the KB knows them
    end: str | None = None


@dataclass(frozen=True)
class EntityRecord:
    """One corpus entity: names, variants, roles over time, KB id, counts, first and last seen."""

    id: int
    name: str
    type: str
    kb_id: str | None
    country: str | None
    variants: tuple[str, ...]
    roles: tuple[RoleSeen, ...]
    articles: int
    mentions: int
    quotes: int
    events_as_actor: int
    events_as_recipient: int
    first_seen: str | None
    last_seen: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_ENTITY = """
SELECT c.id, c.name, c.type, c.kb_id, c.country,
       count(DISTINCT e.article), min(a.date), max(a.date)
FROM corpus_entities c
JOIN entities e ON e.corpus_entity = c.id
JOIN articles a ON a.rowid = e.article
WHERE c.id = ?
GROUP BY c.id
"""
_ENTITY_COUNTS = """
SELECT (SELECT count(*) FROM mentions m JOIN entities e ON e.rowid = m.entity WHERE e.corpus_entity = :id),
       (SELECT count(DISTINCT q.corpus_quote) FROM quotes q JOIN entities e ON e.rowid = q.speaker_entity
        WHERE e.corpus_entity = :id),
       (SELECT count(DISTINCT x.event) FROM event_actors x JOIN entities e ON e.rowid = x.entity
        WHERE e.corpus_entity = :id AND x.role = 'source'),
       (SELECT count(DISTINCT x.event) FROM event_actors x JOIN entities e ON e.rowid = x.entity
        WHERE e.corpus_entity = :id AND x.role = 'target')
"""
_ENTITY_ROLES = """
SELECT e.roles, a.date FROM entities e JOIN articles a ON a.rowid = e.article
WHERE e.corpus_entity = ? AND e.roles != '[]'
ORDER BY a.date, a.rowid
"""


def entity_record(conn: sqlite3.Connection, entity_id: int) -> EntityRecord | None:
    """Return a corpus entity's record, or None when the store has no entity with this id."""
    row = conn.execute(_ENTITY, (entity_id,)).fetchone()
    if row is None:
        return None
    counts = conn.execute(_ENTITY_COUNTS, {"id": entity_id}).fetchone()
    variants = tuple(
        r[0]
        for r in conn.execute(
            "SELECT alias FROM aliases WHERE corpus_entity = ? ORDER BY count DESC, alias", (entity_id,)
        )
    )
    return EntityRecord(
        id=row[0], name=row[1], type=row[2], kb_id=row[3], country=row[4], variants=variants,
        roles=_roles_seen(conn, entity_id), articles=row[5], mentions=counts[0], quotes=counts[1],
        events_as_actor=counts[2], events_as_recipient=counts[3], first_seen=row[6], last_seen=row[7],
    )  # fmt: skip


def _roles_seen(conn: sqlite3.Connection, entity_id: int) -> tuple[RoleSeen, ...]:
    # Roles are stored per article as JSON; gather them per (title, of) with the span of
    # article dates that give them, so a reader sees "ministre … from March to June".
    seen: dict[tuple[str, str | None], dict[str, Any]] = {}
    for roles, date in conn.execute(_ENTITY_ROLES, (entity_id,)):
        for role in json.loads(roles):
            key = (role.get("title", ""), role.get("of"))
            item = seen.setdefault(key, {"first": date, "last": date, "articles": 0,
                                         "start": role.get("start"), "end": role.get("end")})  # fmt: skip
            item["articles"] += 1
            if date and (item["first"] is None or date < item["first"]):
                item["first"] = date
            if date and (item["last"] is None or date > item["last"]):
                item["last"] = date
    ordered = sorted(seen.items(), key=lambda kv: (kv[1]["first"] or "", kv[0][0]))
    return tuple(RoleSeen(title, of, **item) for (title, of), item in ordered)


_ENTITY_QUOTES = f"""{_QUOTE_COLUMNS}
FROM quotes q {_QUOTE_JOINS}
WHERE e.corpus_entity = :id
ORDER BY q.day DESC, q.rowid DESC
"""


def entity_quotes(
    conn: sqlite3.Connection, entity_id: int, *, limit: int = DEFAULT_LIMIT, offset: int = 0
) -> list[QuoteHit]:
    """Return the quotations of one corpus entity, newest first, each once with all its sources."""
    hits: dict[int, QuoteHit] = {}
    skipped: set[int] = set()
    for row in conn.execute(_ENTITY_QUOTES, {"id": entity_id}):
        if row[0] in hits or row[0] in skipped:
            continue
        if len(skipped) < offset:
            skipped.add(row[0])
            continue
        sources = tuple(Source(*s) for s in conn.execute(_QUOTE_SOURCES, (row[0],)))
        hits[row[0]] = QuoteHit(row[0], row[1], row[2], row[3], row[4] or None, row[5], row[6], sources)
        if len(hits) == limit:
            break
    return list(hits.values())


_CONTEXT = """
SELECT substr(text, max(1, :start - :width + 1), :start - max(0, :start - :width)),
       substr(text, :start + 1, :end - :start),
       substr(text, :end + 1, :width)
FROM articles WHERE id = :article
"""
# Where a sentence ends: final punctuation, perhaps closed by a quotation mark (French
# puts a space before »), then a space; or a line break.
_SENTENCE_END = re.compile(r"[.!?…]\s?[»\"”’)]?\s|\n")


def quote_sentence(conn: sqlite3.Connection, source: Source, *, width: int = 300) -> tuple[str, str, str]:
    """Return (before, quotation, after): the quotation in the sentence that reports it.

    ``before`` and ``after`` run to the sentence's edges, at most ``width`` characters each way.
    """
    row = conn.execute(_CONTEXT, {"article": source.article, "start": source.start, "end": source.end,
                                  "width": width}).fetchone()  # fmt: skip
    if row is None:
        return "", "", ""
    before, quoted, after = row
    ends = list(_SENTENCE_END.finditer(before))
    before = before[ends[-1].end() :] if ends else before
    # The quotation's own last character may end the sentence (« … paix. » Puis …).
    last = quoted[-1:]
    end = _SENTENCE_END.search(last + after)
    after = after[: max(end.end() - 1 - len(last), 0)] if end else after
    return before.lstrip(), quoted, after.rstrip()


def quotes_per_week(conn: sqlite3.Connection, entity_id: int) -> list[tuple[str, int]]:
    """Return (ISO week, quotations) for one entity from its first to its last week, empty weeks too."""
    days = conn.execute(
        "SELECT q.day, count(DISTINCT q.corpus_quote) FROM quotes q"
        " JOIN entities e ON e.rowid = q.speaker_entity WHERE e.corpus_entity = ?"
        " AND q.day != '' GROUP BY q.day ORDER BY q.day",
        (entity_id,),
    ).fetchall()
    counts: dict[dt.date, int] = {}
    for day, count in days:
        try:
            date = dt.date.fromisoformat(day[:10])
        except ValueError:
            continue  # a month or a year only: no week to put it in
        monday = date - dt.timedelta(days=date.weekday())
        counts[monday] = counts.get(monday, 0) + count
    if not counts:
        return []
    weeks, monday = [], min(counts)
    while monday <= max(counts):
        year, week, _ = monday.isocalendar()
        weeks.append((f"{year}-W{week:02d}", counts.get(monday, 0)))
        monday += dt.timedelta(days=7)
    return weeks


_ENTITY_EVENTS = """
SELECT v.rowid, v.type, v.date, v.trigger, v.negated, v.modality, a.id, a.source,
       substr(a.text, v.start + 1, v.end - v.start),
       (SELECT ce.name FROM entities e JOIN corpus_entities ce ON ce.id = e.corpus_entity
        WHERE e.article = v.article AND e.id = v.location)
FROM events v JOIN articles a ON a.rowid = v.article
WHERE EXISTS (SELECT 1 FROM event_actors x JOIN entities e ON e.rowid = x.entity
              WHERE x.event = v.rowid AND x.role = :role AND e.corpus_entity = :id)
ORDER BY v.date DESC, v.rowid DESC
LIMIT :limit OFFSET :offset
"""


def entity_events(
    conn: sqlite3.Connection,
    entity_id: int,
    role: Literal["source", "target"],
    *,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
) -> list[EventHit]:
    """Return the events one corpus entity is an actor (``source``) or recipient (``target``) of."""
    params = {"id": entity_id, "role": role, "limit": limit, "offset": offset}
    return [_event_hit(conn, row) for row in conn.execute(_ENTITY_EVENTS, params).fetchall()]


def _event_hit(conn: sqlite3.Connection, row: sqlite3.Row) -> EventHit:
    names: dict[str, list[str]] = {"source": [], "target": []}
    ids: dict[str, list[int | None]] = {"source": [], "target": []}
    for role, name, corpus_id in conn.execute(_EVENT_ACTORS, (row[0],)):
        names[role].append(name)
        ids[role].append(corpus_id)
    return EventHit(
        type=row[1], date=row[2], trigger=row[3], actors=tuple(names["source"]),
        targets=tuple(names["target"]), location=row[9], negated=bool(row[4]), modality=row[5],
        article=row[6], source=row[7], sentence=row[8], actor_ids=tuple(ids["source"]),
        target_ids=tuple(ids["target"]),
    )  # fmt: skip


def article_entity_ids(conn: sqlite3.Connection, article_id: str) -> dict[str, int]:
    """Map an article's document entity ids (``e1``) to their corpus entity ids."""
    rows = conn.execute(
        "SELECT e.id, e.corpus_entity FROM entities e JOIN articles a ON a.rowid = e.article"
        " WHERE a.id = ? AND e.corpus_entity IS NOT NULL",
        (article_id,),
    )
    return {row[0]: row[1] for row in rows}


@dataclass(frozen=True)
class GraphNode:
    """An entity that acts or is acted on."""

    id: int
    name: str
    type: str
    events: int


@dataclass(frozen=True)
class GraphEdge:
    """Events of one type from one entity to another, counted."""

    source: int
    target: int
    type: str
    count: int


@dataclass(frozen=True)
class Graph:
    """Who acts on whom: entities as nodes, events as edges."""

    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_GRAPH = f"""
SELECT es.corpus_entity, et.corpus_entity, v.type, count(DISTINCT v.rowid)
FROM events v
JOIN event_actors xs ON xs.event = v.rowid AND xs.role = 'source'
JOIN entities es ON es.rowid = xs.entity
JOIN event_actors xt ON xt.event = v.rowid AND xt.role = 'target'
JOIN entities et ON et.rowid = xt.entity
WHERE es.corpus_entity IS NOT NULL AND et.corpus_entity IS NOT NULL
  AND es.corpus_entity != et.corpus_entity
  AND v.negated = 0  -- "X did not aid Y" is no edge from X to Y
  AND (:type IS NULL OR v.type = :type)
  AND (:since IS NULL OR v.date >= :since)
  AND (:until IS NULL OR v.date <= :until)
  AND (:actor IS NULL OR es.corpus_entity IN ({_MATCHING_ENTITIES.format(p="a_")})
       OR et.corpus_entity IN ({_MATCHING_ENTITIES.format(p="a_")}))
GROUP BY 1, 2, 3
ORDER BY 4 DESC, 1, 2, 3
LIMIT :limit
"""


def event_graph(
    conn: sqlite3.Connection,
    *,
    type: str | None = None,
    actor: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 300,
) -> Graph:
    """Return who acts on whom: the ``limit`` most frequent (actor, recipient, type) edges.

    Negated events (*n'a pas aidé*) are left out: they are not acts of one on the other.

    ``actor`` (any variant of a name) keeps the edges that touch that entity, either way.
    """
    params = {"type": type.upper() if type else None, "actor": actor, "since": since,
              "until": until_key(until), "limit": limit, **_named("a_", actor)}  # fmt: skip
    edges = tuple(GraphEdge(*row) for row in conn.execute(_GRAPH, params))
    weight: dict[int, int] = {}
    for edge in edges:
        weight[edge.source] = weight.get(edge.source, 0) + edge.count
        weight[edge.target] = weight.get(edge.target, 0) + edge.count
    nodes = []
    for entity_id in sorted(weight):
        row = conn.execute("SELECT name, type FROM corpus_entities WHERE id = ?", (entity_id,)).fetchone()
        nodes.append(GraphNode(entity_id, row[0], row[1], weight[entity_id]))
    return Graph(tuple(nodes), edges)
