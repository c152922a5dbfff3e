"""Document → store: one transaction per article, corpus entities and quotes kept in step."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterable
from typing import Literal

from rapidfuzz import fuzz

from veille.errors import StoreError
from veille.model import Article, Document, Entity, Failure, to_dict
from veille.store.names import last_word, normalize_name, quote_key

Outcome = Literal["ingested", "replaced", "skipped"]

# Two names of the same type are the same corpus entity at this rapidfuzz ratio or above:
# it takes "Vladuimir Poutine" (96) and "Steeve Witkoff" (96), not "Iran"/"Irak" (75).
FUZZY_MIN_RATIO = 90
FUZZY_MIN_LENGTH = 6
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


def stored_hashes(conn: sqlite3.Connection, article_id: str) -> tuple[str, str] | None:
    """Return (input_hash, text_hash) of a stored article, or None when it is not stored."""
    row = conn.execute("SELECT input_hash, text_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
    return (row[0], row[1]) if row else None


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
    text) is skipped unless ``replace`` is set. A stored article whose content changed
    is replaced. Either way the old rows go and the new rows arrive atomically.
    """
    text_hash = article_hash(doc.article)
    input_hash = input_hash or text_hash
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Checked again under the write lock: another ingest may have stored it meanwhile.
            row = conn.execute(
                "SELECT rowid, input_hash, text_hash FROM articles WHERE id = ?", (doc.article.id,)
            ).fetchone()
            outcome: Outcome = "ingested"
            if row is not None:
                if not replace and (row[1] == input_hash or row[2] == text_hash):
                    conn.execute("ROLLBACK")
                    return "skipped"
                _delete_article(conn, row[0])
                outcome = "replaced"
            _insert_document(conn, doc, input_hash=input_hash, text_hash=text_hash, run_id=run_id)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    except sqlite3.Error as error:
        raise StoreError(
            f"cannot store article: {error}", where=doc.article.source or doc.article.id
        ) from None
    return outcome


def delete_article(conn: sqlite3.Connection, article_id: str) -> bool:
    """Remove an article and its rows; return whether it was there."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        row = conn.execute("SELECT rowid FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is not None:
            _delete_article(conn, row[0])
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return row is not None


def start_run(conn: sqlite3.Connection, command: str, settings: dict[str, object]) -> int:
    """Record the start of an ingest run and return its id."""
    cursor = conn.execute(
        "INSERT INTO runs (started_at, command, settings) VALUES (?, ?, ?)",
        (now(), command, json.dumps(settings, ensure_ascii=False, default=str)),
    )
    return int(cursor.lastrowid or 0)


def finish_run(conn: sqlite3.Connection, run_id: int, *, ingested: int, skipped: int, failed: int) -> None:
    """Record the end of a run and its counts."""
    conn.execute(
        "UPDATE runs SET finished_at = ?, status = ?, ingested = ?, skipped = ?, failed = ? WHERE id = ?",
        (now(), "failed" if failed else "done", ingested, skipped, failed, run_id),
    )


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
            article.lang,
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
    for ord_, entity in enumerate(doc.entities):
        corpus_id = _link_entity(conn, entity)
        cursor = conn.execute(
            "INSERT INTO entities (article, ord, id, name, type, kb_id, country, roles, gender, grp,"
            " corpus_entity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                corpus_id,
            ),
        )
        rowid = int(cursor.lastrowid or 0)
        entity_rows.setdefault(entity.id, rowid)
        corpus_of.setdefault(entity.id, corpus_id)
        conn.executemany(
            "INSERT INTO mentions (entity, ord, start, end, text, kind, stands_for)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(rowid, i, m.start, m.end, m.text, m.kind, m.stands_for) for i, m in enumerate(entity.mentions)],
        )
        _add_aliases(conn, corpus_id, entity)

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
        "INSERT INTO timexes (article, ord, text, start, end, type, value, quant, anchored)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (art, i, t.text, t.start, t.end, t.type, t.value, t.quant, int(t.anchored))
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


# --- corpus entities ---------------------------------------------------------------------------------------


def _variants(entity: Entity) -> list[str]:
    """Return the entity's name and its named mentions, each once, name first."""
    seen: dict[str, None] = {entity.name: None}
    for mention in entity.mentions:
        if mention.kind == "name":
            seen.setdefault(mention.text, None)
    return list(seen)


def _link_entity(conn: sqlite3.Connection, entity: Entity) -> int:
    """Return the corpus entity this document entity belongs to, creating it when new.

    1. A KB id is an identity: the same kb_id is the same corpus entity.
    2. Else a variant equal (normalised) to an alias of a corpus entity of the same type.
    3. Else a one-word person name equal to the surname of exactly one corpus person.
    4. Else a fuzzy match (typos: Vladuimir Poutine) among aliases sharing the first
       letters of the last word, which keeps the candidate list short on a big store.
    """
    if entity.kb_id:
        return _create_corpus_entity(conn, f"kb:{entity.kb_id}", entity)
    norms = [n for n in dict.fromkeys(normalize_name(v) for v in _variants(entity)) if n]
    for norm in norms:
        row = conn.execute(
            "SELECT a.corpus_entity FROM aliases a JOIN corpus_entities c ON c.id = a.corpus_entity"
            " WHERE a.norm = ? AND c.type = ? GROUP BY a.corpus_entity ORDER BY SUM(a.count) DESC LIMIT 1",
            (norm, entity.type),
        ).fetchone()
        if row:
            return int(row[0])
    if entity.type == "PER" and norms and " " not in norms[0]:
        rows = conn.execute(
            "SELECT DISTINCT a.corpus_entity FROM aliases a JOIN corpus_entities c ON c.id = a.corpus_entity"
            " WHERE a.last = ? AND c.type = 'PER' LIMIT 2",
            (norms[0],),
        ).fetchall()
        if len(rows) == 1:
            return int(rows[0][0])
    best: tuple[float, int] | None = None
    for norm in norms:
        if len(norm) < FUZZY_MIN_LENGTH:
            continue
        prefix = last_word(norm)[:3].replace("%", "").replace("_", "")
        rows = conn.execute(
            "SELECT a.corpus_entity, a.norm FROM aliases a JOIN corpus_entities c ON c.id = a.corpus_entity"
            " WHERE a.last >= ? AND a.last < ? AND c.type = ? LIMIT 500",
            (prefix, prefix + "\U0010ffff", entity.type),
        ).fetchall()
        for corpus_id, candidate in rows:
            score = fuzz.ratio(norm, candidate)
            if score >= FUZZY_MIN_RATIO and (best is None or score > best[0]):
                best = (score, int(corpus_id))
    if best is not None:
        return best[1]
    return _create_corpus_entity(conn, f"name:{entity.type}:{norms[0] if norms else entity.name}", entity)


def _create_corpus_entity(conn: sqlite3.Connection, key: str, entity: Entity) -> int:
    conn.execute(
        "INSERT OR IGNORE INTO corpus_entities (key, kb_id, name, type, country) VALUES (?, ?, ?, ?, ?)",
        (key, entity.kb_id, entity.name, entity.type, entity.country),
    )
    return int(conn.execute("SELECT id FROM corpus_entities WHERE key = ?", (key,)).fetchone()[0])


def _add_aliases(conn: sqlite3.Connection, corpus_id: int, entity: Entity) -> None:
    for variant in _variants(entity):
        norm = normalize_name(variant)
        named = int(variant == entity.name)
        conn.execute(
            "INSERT INTO aliases (corpus_entity, alias, norm, last, count, names) VALUES (?, ?, ?, ?, 1, ?)"
            " ON CONFLICT (corpus_entity, alias)"
            " DO UPDATE SET count = count + 1, names = names + excluded.names",
            (corpus_id, variant, norm, last_word(norm), named),
        )
    _rename(conn, corpus_id)
    if entity.country:
        conn.execute(
            "UPDATE corpus_entities SET country = COALESCE(country, ?) WHERE id = ?",
            (entity.country, corpus_id),
        )


def _rename(conn: sqlite3.Connection, corpus_id: int) -> None:
    # The corpus name is the one most articles name the entity by (not the most frequent
    # mention: that is the bare surname); on a tie a full name over a single word, then
    # the first seen, so a later one-off typo does not rename the entity.
    conn.execute(
        "UPDATE corpus_entities SET name = (SELECT alias FROM aliases WHERE corpus_entity = ?"
        " ORDER BY names DESC, instr(alias, ' ') > 0 DESC, rowid LIMIT 1) WHERE id = ?"
        " AND EXISTS (SELECT 1 FROM aliases WHERE corpus_entity = ?)",
        (corpus_id, corpus_id, corpus_id),
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
        _recount_aliases(conn, corpus_id)


def _recount_aliases(conn: sqlite3.Connection, corpus_id: int) -> None:
    # Counts are kept incrementally on insert; a delete is rare, so recount from the rows left.
    counts: dict[str, list[int]] = {}
    rows = conn.execute(
        "SELECT rowid, name FROM entities WHERE corpus_entity = ? ORDER BY rowid", (corpus_id,)
    )
    for entity_row, name in rows.fetchall():
        variants = {name}
        variants.update(
            r[0]
            for r in conn.execute(
                "SELECT text FROM mentions WHERE entity = ? AND kind = 'name'", (entity_row,)
            )
        )
        for variant in [name, *sorted(variants - {name})]:
            tally = counts.setdefault(variant, [0, 0])
            tally[0] += 1
            tally[1] += int(variant == name)
    conn.execute("DELETE FROM aliases WHERE corpus_entity = ?", (corpus_id,))
    for variant, (count, names) in counts.items():
        norm = normalize_name(variant)
        conn.execute(
            "INSERT INTO aliases (corpus_entity, alias, norm, last, count, names) VALUES (?, ?, ?, ?, ?, ?)",
            (corpus_id, variant, norm, last_word(norm), count, names),
        )
    _rename(conn, corpus_id)
