"""Document → store: one transaction per article, corpus entities and quotes kept in step."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import socket
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from veille.errors import DuplicateIdError
from veille.model import Article, Document, Failure, to_dict
from veille.store.db import write_transaction
from veille.store.identity import Named, link_article, recount_aliases
from veille.store.names import quote_key

Outcome = Literal["ingested", "replaced", "skipped"]

# Short quotations ("oui", "c'est faux") are only the same quotation when the speaker is
# the same too; longer ones are the same whoever the article says spoke them.
QUOTE_MIN_WORDS_ALONE = 6


def now() -> str:
    """Return the current UTC time as ISO 8601, for run and failure stamps."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def article_hash(article: Article) -> str:
    """Return a digest of what makes an article itself: id, date, language, title, url, text."""
    payload = json.dumps(
        [article.id, article.date, article.lang, article.title, article.url, article.text], ensure_ascii=False
    )
    return hashlib.sha256(payload.encode()).hexdigest()


@dataclass(frozen=True)
class Stored:
    """What the store knows of an article it holds: its input and text digests, and its run."""

    input_hash: str
    text_hash: str
    run_id: int | None
    source: str | None = None  # the file or feed it came from, to name it in a refusal


def stored_article(conn: sqlite3.Connection, article_id: str) -> Stored | None:
    """Return the digests and run of a stored article, or None when it is not stored."""
    row = conn.execute(
        "SELECT input_hash, text_hash, run_id, source FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    return Stored(row["input_hash"], row["text_hash"], row["run_id"], row["source"]) if row else None


def write_document(
    conn: sqlite3.Connection,
    doc: Document,
    *,
    input_hash: str | None = None,
    run_id: int | None = None,
    replace: bool = False,
) -> Outcome:
    """Store one Document in its own transaction.

    ``input_hash`` is :func:`article_hash` of the article as read, before cleaning; an
    article already stored with the same id and the same input (or the same analysed
    text) is skipped unless ``replace`` is set. An id stored with other content is a
    DuplicateIdError unless ``replace`` is set: an id names one article, and a silent
    replacement would lose the stored one. Replacing removes the old rows and adds the
    new ones atomically.
    """
    text_hash = article_hash(doc.article)
    input_hash = input_hash or text_hash
    with write_transaction(conn, "store article", where=doc.article.source or doc.article.id):
        # Checked again under the write lock: another ingest may have stored it meanwhile.
        row = conn.execute(
            "SELECT rowid, input_hash, text_hash FROM articles WHERE id = ?", (doc.article.id,)
        ).fetchone()
        outcome: Outcome = "ingested"
        if row is not None:
            if not replace and (row[1] == input_hash or row[2] == text_hash):
                return "skipped"  # commits an empty transaction: nothing was written
            if not replace:
                stored = conn.execute(
                    "SELECT source, run_id FROM articles WHERE rowid = ?", (row[0],)
                ).fetchone()
                raise DuplicateIdError(
                    f"id {doc.article.id!r} already names a different article, from {stored[0] or 'an input'}"
                    f" (stored by run {stored[1]}): not stored; --replace stores the new one instead",
                    where=doc.article.source or doc.article.id,
                )
            _delete_article(conn, row[0])
            outcome = "replaced"
        _insert_document(conn, doc, input_hash=input_hash, text_hash=text_hash, run_id=run_id)
    return outcome


def delete_article(conn: sqlite3.Connection, article_id: str) -> bool:
    """Remove an article and its rows; return whether it was there."""
    with write_transaction(conn, "delete article", where=article_id):
        row = conn.execute("SELECT rowid FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is not None:
            _delete_article(conn, row[0])
    return row is not None


def start_run(conn: sqlite3.Connection, command: str, settings: dict[str, object]) -> int:
    """Record the start of an ingest run and return its id; mark dead runs interrupted first."""
    mark_interrupted_runs(conn)
    settings = {**settings, "process": {"pid": os.getpid(), "host": socket.gethostname()}}
    cursor = conn.execute(
        "INSERT INTO runs (started_at, command, settings) VALUES (?, ?, ?)",
        (now(), command, json.dumps(settings, ensure_ascii=False, default=str)),
    )
    return int(cursor.lastrowid or 0)


def finish_run(
    conn: sqlite3.Connection,
    run_id: int,
    *,
    ingested: int,
    skipped: int,
    failed: int,
    status: str | None = None,
) -> None:
    """Record the end of a run, its counts and its status (done, failed or interrupted)."""
    conn.execute(
        "UPDATE runs SET finished_at = ?, status = ?, ingested = ?, skipped = ?, failed = ? WHERE id = ?",
        (now(), status or ("failed" if failed else "done"), ingested, skipped, failed, run_id),
    )


def mark_interrupted_runs(conn: sqlite3.Connection) -> int:
    """Mark as ``interrupted`` the runs still ``running`` whose process is gone; return how many.

    A run records its process id and host; a run of another host is left alone (its
    process cannot be checked from here), and so is a live one (a concurrent ingest).
    """
    marked = 0
    for run_id, settings in conn.execute("SELECT id, settings FROM runs WHERE status = 'running'").fetchall():
        try:
            owner = json.loads(settings or "{}").get("process") or {}
        except ValueError:
            owner = {}
        if owner.get("host") == socket.gethostname() and not _alive(owner.get("pid")):
            conn.execute(
                "UPDATE runs SET status = 'interrupted' WHERE id = ? AND status = 'running'", (run_id,)
            )
            marked += 1
    return marked


def _alive(pid: object) -> bool:
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


def record_failures(conn: sqlite3.Connection, failures: Iterable[Failure], run_id: int | None) -> None:
    """Store failures (file, line, reason) for the run, in one transaction."""
    rows = [(run_id, f.where, f.line, f.reason, now()) for f in failures]
    with conn:
        conn.executemany(
            'INSERT INTO failures (run_id, "where", line, reason, at) VALUES (?, ?, ?, ?, ?)', rows
        )


# --- inserts ---------------------------------------------------------------------------------------------


def _insert_document(
    conn: sqlite3.Connection, doc: Document, *, input_hash: str, text_hash: str, run_id: int | None
) -> None:
    article = doc.article
    cursor = conn.execute(
        "INSERT INTO articles (id, date, lang, title, source, url, text, paragraphs, schema, input_hash,"
        " text_hash, run_id, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article.id,
            article.date,
            article.lang or "und",  # ISO 639-2 'undetermined': a Document built without the pipeline
            article.title,
            article.source,
            article.url,
            article.text,
            json.dumps([[p.start, p.end, p.heading] for p in article.paragraphs]),
            doc.schema,
            input_hash,
            text_hash,
            run_id,
            now(),
        ),
    )
    art = int(cursor.lastrowid or 0)

    entity_rows: dict[str, int] = {}
    corpus_of: dict[str, int] = {}
    links = link_article(conn, [Named.of(entity) for entity in doc.entities])
    for ord_, (entity, link) in enumerate(zip(doc.entities, links, strict=True)):
        cursor = conn.execute(
            "INSERT INTO entities (article, ord, id, name, type, kb_id, country, roles, gender, grp,"
            " corpus_entity, link, link_score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                art,
                ord_,
                entity.id,
                entity.name,
                entity.type,
                entity.kb_id,
                entity.country,
                json.dumps(to_dict(entity.roles), ensure_ascii=False),
                entity.gender,
                int(entity.group),
                link.corpus_id,
                link.how,
                link.score,
            ),
        )
        rowid = int(cursor.lastrowid or 0)
        entity_rows.setdefault(entity.id, rowid)
        corpus_of.setdefault(entity.id, link.corpus_id)
        conn.executemany(
            "INSERT INTO mentions (entity, ord, start, end, text, kind, stands_for)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(rowid, i, m.start, m.end, m.text, m.kind, m.stands_for) for i, m in enumerate(entity.mentions)],
        )

    for ord_, quote in enumerate(doc.quotes):
        speaker_corpus = corpus_of.get(quote.speaker or "")
        key, words = quote_key(quote.text)
        if words < QUOTE_MIN_WORDS_ALONE:
            key = f"{key}|{speaker_corpus or ''}"
        conn.execute("INSERT OR IGNORE INTO corpus_quotes (key, text) VALUES (?, ?)", (key, quote.text))
        corpus_quote = conn.execute("SELECT id FROM corpus_quotes WHERE key = ?", (key,)).fetchone()[0]
        mention = quote.speaker_mention
        conn.execute(
            "INSERT INTO quotes (article, ord, id, kind, text, start, end, speaker, speaker_entity,"
            " speaker_mention, cue, date, corpus_quote, day)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                art,
                ord_,
                quote.id,
                quote.kind,
                quote.text,
                quote.start,
                quote.end,
                quote.speaker,
                entity_rows.get(quote.speaker or ""),
                json.dumps(to_dict(mention), ensure_ascii=False) if mention is not None else None,
                quote.cue,
                quote.date,
                corpus_quote,
                quote.date or article.date or "",  # '' not NULL: range filters on day stay indexable
            ),
        )

    conn.executemany(
        "INSERT INTO timexes (article, ord, text, start, end, type, value, quant, anchored, mod)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (art, i, t.text, t.start, t.end, t.type, t.value, t.quant, int(t.anchored), t.mod)
            for i, t in enumerate(doc.timexes)
        ],
    )
    conn.executemany(
        "INSERT INTO amounts (article, ord, text, start, end, value, currency, magnitude, unit)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (art, i, a.text, a.start, a.end, a.value, a.currency, a.magnitude, a.unit)
            for i, a in enumerate(doc.amounts)
        ],
    )
    for ord_, event in enumerate(doc.events):
        cursor = conn.execute(
            "INSERT INTO events (article, ord, id, type, start, end, trigger, mode, date, date_from,"
            " location, negated, modality, quoted, trigger_start, trigger_end, amounts)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                art,
                ord_,
                event.id,
                event.type,
                event.start,
                event.end,
                event.trigger,
                event.mode,
                event.date,
                event.date_from,
                event.location,
                int(event.negated),
                event.modality,
                int(event.quoted),
                event.trigger_start,
                event.trigger_end,
                json.dumps(list(event.amounts)),
            ),
        )
        event_row = int(cursor.lastrowid or 0)
        conn.executemany(
            "INSERT INTO event_actors (event, role, ord, entity_id, entity) VALUES (?, ?, ?, ?, ?)",
            [
                (event_row, role, i, entity_id, entity_rows.get(entity_id))
                for role, ids in (("source", event.source), ("target", event.target))
                for i, entity_id in enumerate(ids)
            ],
        )


# --- deletes -----------------------------------------------------------------------------------------------


def _delete_article(conn: sqlite3.Connection, article_rowid: int) -> None:
    """Delete one article's rows and tidy the corpus rows only it was holding up."""
    corpus_ids = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT corpus_entity FROM entities WHERE article = ? AND corpus_entity IS NOT NULL",
            (article_rowid,),
        )
    ]
    quote_ids = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT corpus_quote FROM quotes WHERE article = ? AND corpus_quote IS NOT NULL",
            (article_rowid,),
        )
    ]
    conn.execute("DELETE FROM articles WHERE rowid = ?", (article_rowid,))
    for quote_id in quote_ids:
        conn.execute(
            "DELETE FROM corpus_quotes WHERE id = ?"
            " AND NOT EXISTS (SELECT 1 FROM quotes WHERE corpus_quote = ?)",
            (quote_id, quote_id),
        )
    for corpus_id in corpus_ids:
        remaining = conn.execute(
            "SELECT 1 FROM entities WHERE corpus_entity = ? LIMIT 1", (corpus_id,)
        ).fetchone()
        if remaining is None:
            conn.execute("DELETE FROM corpus_entities WHERE id = ?", (corpus_id,))
            continue
        recount_aliases(conn, corpus_id)
