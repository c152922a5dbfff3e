"""Numbered schema migrations; ``PRAGMA user_version`` records the last one applied.

A migration is appended, never edited: a store built by an older veille is brought
up to date by running the ones it has not seen, in order, each in its own transaction.
"""

from __future__ import annotations

import sqlite3

# Document-level rows hang off ``articles`` with ON DELETE CASCADE, so replacing an
# article is one DELETE plus inserts inside the same transaction. Corpus-level rows
# (corpus_entities, aliases, corpus_quotes) outlive any one article and are tidied
# explicitly when an article goes.
_V1 = """
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL DEFAULT 'running',      -- running | done | failed; a crash leaves 'running'
    command TEXT,
    settings TEXT,                               -- JSON
    ingested INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    date TEXT,
    lang TEXT NOT NULL,
    title TEXT,
    source TEXT,
    url TEXT,
    text TEXT NOT NULL,
    paragraphs TEXT NOT NULL,                    -- JSON [[start, end, heading], ...]
    schema TEXT NOT NULL,
    input_hash TEXT NOT NULL,                    -- of the article as read, before cleaning
    text_hash TEXT NOT NULL,                     -- of the stored (cleaned) article
    run_id INTEGER REFERENCES runs(id),
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_date ON articles(date);

CREATE TABLE corpus_entities (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,                    -- kb:Q7747 or name:PER:vladimir poutine
    kb_id TEXT,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    country TEXT
);
CREATE INDEX corpus_entities_type ON corpus_entities(type);
CREATE INDEX corpus_entities_kb ON corpus_entities(kb_id);

CREATE TABLE aliases (
    corpus_entity INTEGER NOT NULL REFERENCES corpus_entities(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    norm TEXT NOT NULL,                          -- casefolded, accents and articles removed
    last TEXT NOT NULL,                          -- last word of norm, to find fuzzy candidates
    count INTEGER NOT NULL DEFAULT 1,            -- document entities that use this variant
    names INTEGER NOT NULL DEFAULT 0,            -- document entities named by it
    PRIMARY KEY (corpus_entity, alias)
);
CREATE INDEX aliases_norm ON aliases(norm);
CREATE INDEX aliases_last ON aliases(last);

CREATE TABLE entities (
    rowid INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    kb_id TEXT,
    country TEXT,
    roles TEXT NOT NULL,                         -- JSON list of Role objects
    gender TEXT,
    grp INTEGER NOT NULL,
    corpus_entity INTEGER REFERENCES corpus_entities(id)
);
CREATE INDEX entities_article ON entities(article, ord);
CREATE INDEX entities_corpus ON entities(corpus_entity);

CREATE TABLE mentions (
    entity INTEGER NOT NULL REFERENCES entities(rowid) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    stands_for TEXT,
    PRIMARY KEY (entity, ord)
) WITHOUT ROWID;

CREATE TABLE corpus_quotes (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL
);

CREATE TABLE quotes (
    rowid INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    speaker TEXT,                                -- document-level entity id
    speaker_entity INTEGER REFERENCES entities(rowid),
    speaker_mention TEXT,                        -- JSON Span
    cue TEXT,
    date TEXT,
    corpus_quote INTEGER REFERENCES corpus_quotes(id)
);
CREATE INDEX quotes_article ON quotes(article, ord);
CREATE INDEX quotes_speaker ON quotes(speaker_entity);
CREATE INDEX quotes_corpus ON quotes(corpus_quote);
CREATE INDEX quotes_date ON quotes(date);

CREATE TABLE timexes (
    article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    quant TEXT,
    anchored INTEGER NOT NULL,
    PRIMARY KEY (article, ord)
) WITHOUT ROWID;
CREATE INDEX timexes_value ON timexes(value);

CREATE TABLE amounts (
    article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    value REAL,
    currency TEXT,
    magnitude TEXT,
    unit TEXT,
    PRIMARY KEY (article, ord)
) WITHOUT ROWID;

CREATE TABLE events (
    rowid INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    id TEXT NOT NULL,
    type TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    trigger TEXT NOT NULL,
    mode TEXT,
    date TEXT,
    date_from TEXT,
    location TEXT,                               -- document-level entity id
    negated INTEGER NOT NULL,
    modality TEXT NOT NULL,
    quoted INTEGER NOT NULL,
    trigger_start INTEGER,
    trigger_end INTEGER,
    amounts TEXT NOT NULL                        -- JSON list of indexes into the article's amounts
);
CREATE INDEX events_article ON events(article, ord);
CREATE INDEX events_type_date ON events(type, date);

-- Actors (role 'source') and recipients (role 'target') of an event, in order.
CREATE TABLE event_actors (
    event INTEGER NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
    role TEXT NOT NULL,
    ord INTEGER NOT NULL,
    entity_id TEXT NOT NULL,                     -- document-level entity id
    entity INTEGER REFERENCES entities(rowid),
    PRIMARY KEY (event, role, ord)
) WITHOUT ROWID;
CREATE INDEX event_actors_entity ON event_actors(entity, role);

CREATE TABLE failures (
    id INTEGER PRIMARY KEY,
    run_id INTEGER REFERENCES runs(id),
    "where" TEXT NOT NULL,
    line INTEGER,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX failures_run ON failures(run_id);

-- Full text over articles and quotes; external content keeps one copy of the text.
-- remove_diacritics 2: a search for "negociations" finds "négociations".
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, content='quotes', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
"""

# 2: the day a quotation was said (its own date, else the article's, else ''), indexed, so that
#    "latest quotes of X" reads an index instead of sorting every match.
_V2 = """
ALTER TABLE quotes ADD COLUMN day TEXT;
UPDATE quotes SET day = COALESCE(date, (SELECT a.date FROM articles a WHERE a.rowid = quotes.article), '');
CREATE INDEX quotes_day ON quotes(day);
"""

# 3: corpus identity review (store/identity.py, store/review.py). How each document entity was
#    linked to its corpus entity and how sure that is; the manual merges and splits, and the
#    variants they pin to a corpus entity so that a recluster or a later ingest keeps them.
#    Entities linked before this migration have no link score until `veille entities recluster`.
_V3 = """
ALTER TABLE entities ADD COLUMN link TEXT;       -- manual | kb | name | surname | fuzzy | new
ALTER TABLE entities ADD COLUMN link_score REAL; -- 0..1; the weakest of a corpus entity is its confidence

CREATE TABLE identity_decisions (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,                          -- merge | split
    type TEXT NOT NULL,
    detail TEXT NOT NULL,                        -- JSON: the ids, names and variant the user gave
    at TEXT NOT NULL
);

-- An entity going by a pinned variant (or KB id) belongs to the corpus entity keyed by the
-- label; of several pins, the one with the highest priority (the latest decision) wins.
CREATE TABLE identity_pins (
    type TEXT NOT NULL,
    form TEXT NOT NULL,                          -- a normalised variant, or kb:QID
    label TEXT NOT NULL,                         -- corpus_entities.key: manual:N
    priority INTEGER NOT NULL,
    decision INTEGER NOT NULL REFERENCES identity_decisions(id),
    PRIMARY KEY (type, form)
) WITHOUT ROWID;
CREATE INDEX identity_pins_label ON identity_pins(label);
"""

# 4: linking reads a candidate's context from its latest articles (store/identity.py): seek
#    its entities by (corpus_entity, article), and the entities of an article by corpus
#    entity without reading the rows. Linking cost then stays flat as the store grows.
_V4 = """
CREATE INDEX entities_corpus_article ON entities(corpus_entity, article);
DROP INDEX entities_corpus;
CREATE INDEX entities_article_corpus ON entities(article, corpus_entity);
"""

# 5: time expressions keep their TIMEX3 mod (environ deux ans: APPROX; la fin du siècle: END).
_V5 = """
ALTER TABLE timexes ADD COLUMN mod TEXT;
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5)


def schema_version(conn: sqlite3.Connection) -> int:
    """Return the number of migrations applied to this store."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations this store lacks; return the resulting version.

    Each runs under BEGIN IMMEDIATE and re-reads the version inside the lock, so two
    processes opening a new store at once do not both create the tables.
    """
    while schema_version(conn) < len(MIGRATIONS):
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = schema_version(conn)
            if version >= len(MIGRATIONS):
                conn.execute("ROLLBACK")
                break
            for statement in _statements(MIGRATIONS[version]):
                conn.execute(statement)
            # PRAGMA does not take parameters; the value is an int we computed.
            conn.execute(f"PRAGMA user_version = {version + 1:d}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return schema_version(conn)


def _statements(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements
