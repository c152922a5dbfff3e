"""Every read the CLI, the API and the web pages make, in one place.

Each query takes its values as SQL parameters; the SQL text itself is fixed, with
optional filters written as ``(? IS NULL OR …)`` so no string is ever built from input.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from veille.errors import SettingsError
from veille.normal import name_key
from veille.store.hits import ArticleHit, ClusterHit, EntityHit, EventHit, QuoteHit, Source, Variant
from veille.store.names import holds_words

DEFAULT_LIMIT = 50


# Snippet markers: control characters no article text contains after cleaning, so the
# renderer can escape the text and then turn them into highlighting safely.
MARK_START, MARK_END = "\x02", "\x03"


# A search is a conjunction of phrases: SQLite's FTS5 cost grows with their number times
# the rows each matches, so a pasted page of text would run for minutes. Past this many
# distinct words the query is refused with a message rather than run.
MAX_SEARCH_WORDS = 32
MAX_SEARCH_CHARS = 100_000  # reading the text is linear: this only bounds that


def fts_query(text: str) -> str:
    """Turn what a user types into an FTS5 query: each word group a phrase, all required.

    ``cessez-le-feu paix`` → ``"cessez le feu" "paix"``; a trailing ``*`` keeps prefix search.
    Quoting every word means FTS5 operators and punctuation in the input are plain words.
    A phrase given twice is kept once; more than MAX_SEARCH_WORDS words is a SettingsError.
    """
    if len(text) > MAX_SEARCH_CHARS:
        raise SettingsError(
            f"search text is {len(text):,} characters long: at most {MAX_SEARCH_CHARS:,}; give a few words"
        )
    phrases: list[str] = []
    seen: set[str] = set()
    words_in_all = 0
    for chunk in text.split():
        words = re.findall(r"\w+", chunk)
        if words:
            phrase = '"' + " ".join(words) + '"' + ("*" if chunk.endswith("*") else "")
            key = phrase.casefold()  # FTS5 ignores case: Port and port are one phrase
            if key not in seen:
                seen.add(key)
                phrases.append(phrase)
                words_in_all += len(words)
    if words_in_all > MAX_SEARCH_WORDS:
        raise SettingsError(
            f"search has {words_in_all:,} distinct words: at most {MAX_SEARCH_WORDS}; "
            "give the few that matter"
        )
    return " ".join(phrases)


def check_search(text: str) -> str:
    """Check a search string (CLI's WORDS, the API's ``q``) and return its FTS5 query.

    Raise SettingsError when it holds no word at all, or too many (see :func:`fts_query`).
    """
    fts = fts_query(text)
    if not fts:
        raise SettingsError(f"search {text!r} holds no word to look for")
    return fts


def until_key(until: str | None) -> str | None:
    """Make an inclusive upper bound: ``2025-12`` keeps every day of December."""
    return None if until is None else until + "\uffff"


def _alias_patterns(name: str | None) -> dict[str, str | None]:
    # A name matches an alias equal to it or containing it as whole words: "Poutine"
    # finds "Vladimir Poutine" and "Vladuimir Poutine"; LIKE wildcards in the input are escaped.
    if name is None:
        return {"name": None, "inner": None, "head": None, "tail": None}
    norm = name_key(name)
    escaped = norm.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return {"name": norm, "inner": f"% {escaped} %", "head": f"{escaped} %", "tail": f"% {escaped}"}


_MATCHING_ENTITIES = """
    SELECT corpus_entity FROM aliases WHERE norm = :{p}name
    OR norm LIKE :{p}inner ESCAPE '\\' OR norm LIKE :{p}head ESCAPE '\\' OR norm LIKE :{p}tail ESCAPE '\\'
"""


def _named(prefix: str, name: str | None) -> dict[str, str | None]:
    return {prefix + key: value for key, value in _alias_patterns(name).items()}


_QUOTE_COLUMNS = """
SELECT q.corpus_quote, cq.text, q.kind, q.cue, q.day, ce.name, ce.id
"""
_QUOTE_JOINS = """
JOIN corpus_quotes cq ON cq.id = q.corpus_quote
LEFT JOIN entities e ON e.rowid = q.speaker_entity
LEFT JOIN corpus_entities ce ON ce.id = e.corpus_entity
"""
_FTS_FILTER = "AND (:fts IS NULL OR q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :fts))"
_QUOTE_FILTERS = f"""
  AND (:speaker IS NULL OR e.corpus_entity IN ({_MATCHING_ENTITIES.format(p="s_")}))
  -- Written as ranges, not (:x IS NULL OR …), so that the day index can seek to the period.
  AND q.day >= COALESCE(:since, '') AND q.day <= COALESCE(:until, char(1114111))
  AND (:kind IS NULL OR q.kind = :kind)
ORDER BY q.day DESC, q.rowid DESC
LIMIT :window
"""
# Three fixed statements, one per driving filter, because one statement with every filter
# optional leaves SQLite a single plan (walk the day index), slow for a rare word or speaker:
# 1. a speaker given: start from that speaker's quotations (quotes_speaker index);
# 2. rare words given: start from the full-text index, then sort the matches by day;
# 3. else walk the day index from the latest (common words are checked on the way).
_QUOTES_BY_WORDS = f"""{_QUOTE_COLUMNS}
FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid {_QUOTE_JOINS}
WHERE quotes_fts MATCH :fts {_QUOTE_FILTERS}"""
_QUOTES_BY_SPEAKER = f"""{_QUOTE_COLUMNS}
FROM quotes q INDEXED BY quotes_speaker {_QUOTE_JOINS}
WHERE q.speaker_entity IN (SELECT rowid FROM entities WHERE corpus_entity IN
    ({_MATCHING_ENTITIES.format(p="s_")})) {_FTS_FILTER} {_QUOTE_FILTERS}"""
_QUOTES_BY_DAY = f"""{_QUOTE_COLUMNS}
FROM quotes q {_QUOTE_JOINS}
WHERE 1 {_FTS_FILTER} {_QUOTE_FILTERS}"""
# Words in more quotations than this are cheaper to find by walking the day index (the
# first page fills fast) than by sorting every match.
COMMON_MATCHES = 2_000
_COUNT_MATCHES = "SELECT count(*) FROM (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT ?)"

_QUOTE_SOURCES = """
SELECT a.id, a.date, a.source, a.url, q.start, q.end
FROM quotes q JOIN articles a ON a.rowid = q.article
WHERE q.corpus_quote = ? ORDER BY q.day, a.rowid
"""


def find_quotes(
    conn: sqlite3.Connection,
    *,
    speaker: str | None = None,
    since: str | None = None,
    until: str | None = None,
    search: str | None = None,
    kind: str | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[QuoteHit]:
    """Return the latest quotations matching every filter given, each once with all its sources.

    ``speaker`` matches any variant of a corpus entity's name; ``search`` is full text
    over the quotation (accents ignored); ``since``/``until`` bound the day it was said.
    """
    fts = fts_query(search) if search else None
    if search and not fts:
        return []
    params: dict[str, Any] = {
        "speaker": speaker, "since": since, "until": until_key(until), "kind": kind, "fts": fts,
        # The same quotation reported by several articles comes back once per article:
        # read a few more rows than asked so that grouping still fills the page.
        "window": limit * 4,
        **_named("s_", speaker),
    }  # fmt: skip
    hits: dict[int, QuoteHit] = {}
    if speaker:
        statement = _QUOTES_BY_SPEAKER
    elif fts and conn.execute(_COUNT_MATCHES, (fts, COMMON_MATCHES)).fetchone()[0] < COMMON_MATCHES:
        statement = _QUOTES_BY_WORDS
    else:
        statement = _QUOTES_BY_DAY
    for row in conn.execute(statement, params):
        if row[0] in hits:
            continue
        sources = tuple(Source(*s) for s in conn.execute(_QUOTE_SOURCES, (row[0],)))
        hits[row[0]] = QuoteHit(row[0], row[1], row[2], row[3], row[4] or None, row[5], row[6], sources)
        if len(hits) == limit:
            break
    return list(hits.values())


_EVENTS = f"""
SELECT v.rowid, v.type, v.date, v.trigger, v.negated, v.modality, a.id, a.source,
       substr(a.text, v.start + 1, v.end - v.start),
       (SELECT ce.name FROM entities e JOIN corpus_entities ce ON ce.id = e.corpus_entity
        WHERE e.article = v.article AND e.id = v.location)
FROM events v JOIN articles a ON a.rowid = v.article
WHERE (:type IS NULL OR v.type = :type)
  AND (:since IS NULL OR v.date >= :since)
  AND (:until IS NULL OR v.date <= :until)
  AND (:actor IS NULL OR EXISTS (
        SELECT 1 FROM event_actors x JOIN entities e ON e.rowid = x.entity
        WHERE x.event = v.rowid AND x.role = 'source'
          AND e.corpus_entity IN ({_MATCHING_ENTITIES.format(p="a_")})))
  AND (:target IS NULL OR EXISTS (
        SELECT 1 FROM event_actors x JOIN entities e ON e.rowid = x.entity
        WHERE x.event = v.rowid AND x.role = 'target'
          AND e.corpus_entity IN ({_MATCHING_ENTITIES.format(p="t_")})))
  -- Words: the full-text index finds the articles, then the event's own sentence must hold them.
  AND (:fts IS NULL OR (v.article IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :fts)
                        AND veille_holds_words(substr(a.text, v.start + 1, v.end - v.start), :words)))
  AND (:place IS NULL OR EXISTS (
        SELECT 1 FROM entities e WHERE e.article = v.article AND e.id = v.location
          AND e.corpus_entity IN ({_MATCHING_ENTITIES.format(p="p_")})))
ORDER BY v.date DESC, v.rowid DESC
LIMIT :limit OFFSET :offset
"""

_EVENT_ACTORS = """
SELECT x.role, COALESCE(ce.name, e.name, x.entity_id), ce.id
FROM event_actors x
LEFT JOIN entities e ON e.rowid = x.entity
LEFT JOIN corpus_entities ce ON ce.id = e.corpus_entity
WHERE x.event = ? ORDER BY x.role, x.ord
"""


def find_events(
    conn: sqlite3.Connection,
    *,
    type: str | None = None,
    actor: str | None = None,
    target: str | None = None,
    since: str | None = None,
    until: str | None = None,
    place: str | None = None,
    search: str | None = None,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
) -> list[EventHit]:
    """Return the latest events of a type, by an actor, towards a recipient, at a place, in a period.

    ``search`` keeps the events whose sentence holds every word (accents ignored).
    """
    fts = fts_query(search) if search else None
    if search and not fts:
        return []
    conn.create_function("veille_holds_words", 2, holds_words, deterministic=True)
    params: dict[str, Any] = {
        "fts": fts, "words": search,
        "type": type.upper() if type else None, "actor": actor, "target": target, "place": place,
        "since": since, "until": until_key(until), "limit": limit, "offset": offset,
        **_named("a_", actor), **_named("t_", target), **_named("p_", place),
    }  # fmt: skip
    hits = []
    for row in conn.execute(_EVENTS, params).fetchall():
        roles: dict[str, list[str]] = {"source": [], "target": []}
        ids: dict[str, list[int | None]] = {"source": [], "target": []}
        for role, name, corpus_id in conn.execute(_EVENT_ACTORS, (row[0],)):
            roles[role].append(name)
            ids[role].append(corpus_id)
        hits.append(EventHit(
            type=row[1], date=row[2], trigger=row[3], actors=tuple(roles["source"]),
            targets=tuple(roles["target"]), location=row[9], negated=bool(row[4]), modality=row[5],
            article=row[6], source=row[7], sentence=row[8], actor_ids=tuple(ids["source"]),
            target_ids=tuple(ids["target"]),
        ))  # fmt: skip
    return hits


_ENTITIES = f"""
SELECT c.id, c.name, c.type, c.kb_id, c.country,
       count(DISTINCT e.article),
       (SELECT count(*) FROM mentions m JOIN entities e2 ON e2.rowid = m.entity WHERE e2.corpus_entity = c.id)
FROM corpus_entities c JOIN entities e ON e.corpus_entity = c.id
WHERE (:type IS NULL OR c.type = :type)
  AND (:country IS NULL OR c.country = :country)
  AND (:name IS NULL OR c.id IN ({_MATCHING_ENTITIES.format(p="n_")}))
GROUP BY c.id
ORDER BY count(DISTINCT e.article) DESC, 7 DESC, c.name
LIMIT :limit
"""


def find_entities(
    conn: sqlite3.Connection,
    *,
    type: str | None = None,
    name: str | None = None,
    country: str | None = None,
    top: int = 20,
) -> list[EntityHit]:
    """Return the corpus entities in the most articles, with their variants (most used first).

    ``country`` is an ISO 3166 alpha-3 code (``RUS``).
    """
    params: dict[str, Any] = {
        "type": type.upper() if type else None, "name": name, "limit": top,
        "country": country.upper() if country else None,
    }  # fmt: skip
    hits = []
    for row in conn.execute(_ENTITIES, {**params, **_named("n_", name)}).fetchall():
        variants = tuple(
            r[0]
            for r in conn.execute(
                "SELECT alias FROM aliases WHERE corpus_entity = ? ORDER BY count DESC, alias", (row[0],)
            )
        )
        hits.append(EntityHit(row[0], row[1], row[2], row[3], row[4], row[5], row[6], variants=variants))
    return hits


_CLUSTERS = """
SELECT c.id, c.name, c.type, c.kb_id, c.key LIKE 'manual:%', count(DISTINCT e.article),
       min(COALESCE(e.link_score, 1.0)),
       (SELECT count(*) FROM aliases a WHERE a.corpus_entity = c.id) AS variants
FROM corpus_entities c JOIN entities e ON e.corpus_entity = c.id
WHERE (:type IS NULL OR c.type = :type)
GROUP BY c.id
HAVING variants >= :min_variants
ORDER BY 7, 6 DESC, c.id
LIMIT :limit
"""

# A variant's articles: those with a document entity of the cluster named by it or naming it.
_CLUSTER_VARIANTS = """
SELECT v.alias, count(DISTINCT e.article)
FROM aliases v JOIN entities e ON e.corpus_entity = v.corpus_entity
WHERE v.corpus_entity = ?
  AND (e.name = v.alias
       OR EXISTS (SELECT 1 FROM mentions m WHERE m.entity = e.rowid AND m.kind = 'name' AND m.text = v.alias))
GROUP BY v.alias
ORDER BY 2 DESC, v.alias
"""


def find_clusters(
    conn: sqlite3.Connection, *, type: str | None = None, min_variants: int = 2, limit: int = DEFAULT_LIMIT
) -> list[ClusterHit]:
    """Return corpus entities with at least ``min_variants`` variants, least confident first."""
    params = {"type": type.upper() if type else None, "min_variants": min_variants, "limit": limit}
    hits = []
    for row in conn.execute(_CLUSTERS, params).fetchall():
        variants = tuple(Variant(r[0], r[1]) for r in conn.execute(_CLUSTER_VARIANTS, (row[0],)))
        confidence = round(float(row[6]), 3)
        hits.append(ClusterHit(row[0], row[1], row[2], row[3], row[5], confidence, bool(row[4]), variants))
    return hits


_SEARCH_ARTICLES = f"""
SELECT a.id, a.date, a.source, a.title,
       snippet(articles_fts, 1, '{MARK_START}', '{MARK_END}', '…', 16)
FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
WHERE articles_fts MATCH :fts
ORDER BY rank
LIMIT :limit
"""


def search_articles(conn: sqlite3.Connection, text: str, *, limit: int = DEFAULT_LIMIT) -> list[ArticleHit]:
    """Return the articles whose title or text holds every word (accents ignored), best first."""
    fts = fts_query(text)
    if not fts:
        return []
    return [ArticleHit(*row) for row in conn.execute(_SEARCH_ARTICLES, {"fts": fts, "limit": limit})]


def search(conn: sqlite3.Connection, text: str, *, limit: int = DEFAULT_LIMIT) -> dict[str, list[Any]]:
    """Full text over articles and quotations at once; SettingsError for an empty or huge query."""
    check_search(text)
    return {
        "articles": search_articles(conn, text, limit=limit),
        "quotes": find_quotes(conn, search=text, limit=limit),
    }


def store_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Return how many rows of each kind the store holds (for summaries and the API)."""
    tables = ("articles", "entities", "corpus_entities", "quotes", "corpus_quotes", "events", "timexes",
              "amounts", "failures")  # fmt: skip
    return {table: conn.execute(_COUNTS[table]).fetchone()[0] for table in tables}


# Fixed statements per table, so that no table name is ever formatted into SQL at run time.
_COUNTS = {
    "articles": "SELECT count(*) FROM articles",
    "entities": "SELECT count(*) FROM entities",
    "corpus_entities": "SELECT count(*) FROM corpus_entities",
    "quotes": "SELECT count(*) FROM quotes",
    "corpus_quotes": "SELECT count(*) FROM corpus_quotes",
    "events": "SELECT count(*) FROM events",
    "timexes": "SELECT count(*) FROM timexes",
    "amounts": "SELECT count(*) FROM amounts",
    "failures": "SELECT count(*) FROM failures",
}
