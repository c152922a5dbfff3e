"""Review corpus identity: merge and split corpus entities by hand, recluster the whole store.

A manual decision is recorded in ``identity_decisions`` and *pins* variants (normalised
names, and ``kb:QID`` for linked entities) to a corpus entity keyed ``manual:N``. Linking
(:mod:`veille.store.identity`) reads the pins before anything else, so a decision holds for
articles ingested later and through ``recluster``. Each function is one transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from veille.errors import StoreError
from veille.normal import name_key
from veille.store.db import write_transaction
from veille.store.identity import link_article, recount_aliases, stored_named
from veille.store.names import quote_key


@dataclass(frozen=True)
class Reclustered:
    """What a recluster did: entities relinked, corpus entities before and after."""

    entities: int
    before: int
    after: int


def merge(conn: sqlite3.Connection, ids: Sequence[int]) -> int:
    """Make one corpus entity of several (the first id keeps its id); return that id.

    Every variant and KB id of the merged entities is pinned to it, so later articles
    using any of them join it too.
    """
    ids = list(dict.fromkeys(ids))
    if len(ids) < 2:
        raise StoreError("merge needs at least two different corpus entity ids")
    with write_transaction(conn, "merge"):
        rows = [_corpus_row(conn, corpus_id) for corpus_id in ids]
        types = {row[2] for row in rows}
        if len(types) > 1:
            listing = ", ".join(f"{row[0]} {row[1]} ({row[2]})" for row in rows)
            raise StoreError(f"cannot merge entities of different types: {listing}")
        type_ = rows[0][2]
        decision = _decide(conn, "merge", type_, {"ids": ids, "names": [row[1] for row in rows]})
        label = f"manual:{decision}"
        forms = _forms(conn, ids)
        # Pins that pointed at any merged entity now point at the survivor.
        conn.executemany(
            "UPDATE identity_pins SET label = ? WHERE label = ?", [(label, row[3]) for row in rows]
        )
        _pin(conn, type_, forms, label, 2 * decision + 1, decision)
        survivor = ids[0]
        kb_id = next((row[4] for row in rows if row[4]), None)
        others = ids[1:]
        conn.executemany(
            "UPDATE entities SET corpus_entity = ?, link = 'manual', link_score = 1.0"
            " WHERE corpus_entity = ?",
            [(survivor, other) for other in others],
        )
        conn.execute(
            "UPDATE entities SET link = 'manual', link_score = 1.0 WHERE corpus_entity = ?", (survivor,)
        )
        conn.executemany("DELETE FROM corpus_entities WHERE id = ?", [(other,) for other in others])
        conn.execute(
            "UPDATE corpus_entities SET key = ?, kb_id = COALESCE(kb_id, ?) WHERE id = ?",
            (label, kb_id, survivor),
        )
        recount_aliases(conn, survivor)
        _rekey_quotes(conn, [survivor])
    return survivor


def split(conn: sqlite3.Connection, corpus_id: int, variant: str) -> int:
    """Move the document entities going by ``variant`` to a new corpus entity; return its id.

    A document entity goes by a variant when it is its name or one of its name mentions.
    The variant is pinned to the new entity and the others to the old one, so neither a
    recluster nor a later article puts them back together.
    """
    norm = name_key(variant)
    with write_transaction(conn, "split"):
        _id, name, type_, key, _kb_id = _corpus_row(conn, corpus_id)
        held = _forms(conn, [corpus_id])
        if norm not in held:
            variants = [
                r[0]
                for r in conn.execute(
                    "SELECT alias FROM aliases WHERE corpus_entity = ? ORDER BY count DESC", (corpus_id,)
                )
            ]
            raise StoreError(f"entity {corpus_id} ({name}) has no variant {variant!r}; "
                             f"its variants: {', '.join(variants)}")  # fmt: skip
        rows = [
            r[0] for r in conn.execute("SELECT rowid FROM entities WHERE corpus_entity = ?", (corpus_id,))
        ]
        movers = [row for row in rows if norm in stored_named(conn, row).norms]
        if len(movers) == len(rows):
            raise StoreError(
                f"every document entity of {corpus_id} ({name}) goes by {variant!r}: nothing to split"
            )
        decision = _decide(conn, "split", type_, {"id": corpus_id, "name": name, "variant": variant})
        stay = key if key.startswith("manual:") else f"manual:{decision}:kept"
        moved = f"manual:{decision}"
        # The moved variant outranks the kept ones: an entity going by both follows the split.
        _pin(conn, type_, held - {norm}, stay, 2 * decision, decision)
        _pin(conn, type_, {norm}, moved, 2 * decision + 1, decision)
        conn.execute("UPDATE corpus_entities SET key = ? WHERE id = ?", (stay, corpus_id))
        named = stored_named(conn, movers[0])
        cursor = conn.execute(
            "INSERT INTO corpus_entities (key, kb_id, name, type, country) VALUES (?, ?, ?, ?, ?)",
            (moved, named.kb_id, variant, type_, named.country),
        )
        new_id = int(cursor.lastrowid or 0)
        conn.executemany(
            "UPDATE entities SET corpus_entity = ?, link = 'manual', link_score = 1.0 WHERE rowid = ?",
            [(new_id, row) for row in movers],
        )
        conn.execute(
            "UPDATE entities SET link = 'manual', link_score = 1.0 WHERE corpus_entity = ?", (corpus_id,)
        )
        for target in (corpus_id, new_id):
            recount_aliases(conn, target)
            _refresh_kb_id(conn, target)
        _rekey_quotes(conn, [corpus_id, new_id])
    return new_id


def recluster(conn: sqlite3.Connection) -> Reclustered:
    """Link every document entity again, article by article in ingest order, in one transaction.

    Corpus entities are rebuilt from scratch (their ids change); manual decisions hold.
    """
    with write_transaction(conn, "recluster"):
        before = int(conn.execute("SELECT count(*) FROM corpus_entities").fetchone()[0])
        conn.execute("UPDATE entities SET corpus_entity = NULL")
        conn.execute("DELETE FROM aliases")
        conn.execute("DELETE FROM corpus_entities")
        articles = [r[0] for r in conn.execute("SELECT rowid FROM articles ORDER BY rowid")]
        relinked = 0
        for article in articles:
            rows = [
                r[0]
                for r in conn.execute("SELECT rowid FROM entities WHERE article = ? ORDER BY ord", (article,))
            ]
            links = link_article(conn, [stored_named(conn, row) for row in rows])
            conn.executemany(
                "UPDATE entities SET corpus_entity = ?, link = ?, link_score = ? WHERE rowid = ?",
                [(link.corpus_id, link.how, link.score, row) for row, link in zip(rows, links, strict=True)],
            )
            relinked += len(rows)
        _rekey_quotes(conn, None)
        after = int(conn.execute("SELECT count(*) FROM corpus_entities").fetchone()[0])
    return Reclustered(relinked, before, after)


def _corpus_row(conn: sqlite3.Connection, corpus_id: int) -> tuple[int, str, str, str, str | None]:
    row = conn.execute(
        "SELECT id, name, type, key, kb_id FROM corpus_entities WHERE id = ?", (corpus_id,)
    ).fetchone()
    if row is None:
        raise StoreError(f"no corpus entity {corpus_id}: see `veille entities clusters`")
    return int(row[0]), str(row[1]), str(row[2]), str(row[3]), row[4]


def _decide(conn: sqlite3.Connection, kind: str, type_: str, detail: dict[str, object]) -> int:
    from veille.store.writes import now  # writes imports identity; imported here to keep one clock

    cursor = conn.execute(
        "INSERT INTO identity_decisions (kind, type, detail, at) VALUES (?, ?, ?, ?)",
        (kind, type_, json.dumps(detail, ensure_ascii=False), now()),
    )
    return int(cursor.lastrowid or 0)


def _forms(conn: sqlite3.Connection, ids: Sequence[int]) -> set[str]:
    """Return the normalised variants and ``kb:`` ids of corpus entities."""
    forms: set[str] = set()
    for corpus_id in ids:
        forms.update(
            r[0] for r in conn.execute("SELECT norm FROM aliases WHERE corpus_entity = ?", (corpus_id,))
        )
        forms.update(
            f"kb:{r[0]}"
            for r in conn.execute(
                "SELECT DISTINCT kb_id FROM entities WHERE corpus_entity = ? AND kb_id IS NOT NULL",
                (corpus_id,),
            )
        )
    forms.discard("")
    return forms


def _pin(
    conn: sqlite3.Connection, type_: str, forms: set[str], label: str, priority: int, decision: int
) -> None:
    conn.executemany(
        "INSERT INTO identity_pins (type, form, label, priority, decision) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (type, form) DO UPDATE SET label = excluded.label, priority = excluded.priority,"
        " decision = excluded.decision",
        [(type_, form, label, priority, decision) for form in sorted(forms)],
    )


def _refresh_kb_id(conn: sqlite3.Connection, corpus_id: int) -> None:
    # After a split each side keeps the KB id its own document entities carry (most used).
    conn.execute(
        "UPDATE corpus_entities SET kb_id = (SELECT kb_id FROM entities WHERE corpus_entity = ?"
        " AND kb_id IS NOT NULL GROUP BY kb_id ORDER BY count(*) DESC LIMIT 1) WHERE id = ?",
        (corpus_id, corpus_id),
    )


def _rekey_quotes(conn: sqlite3.Connection, corpus_ids: Sequence[int] | None) -> None:
    """Key short quotations on their speaker's corpus entity again (None: every quotation)."""
    from veille.store.writes import QUOTE_MIN_WORDS_ALONE

    if corpus_ids is None:
        rows = conn.execute(
            "SELECT q.rowid, q.text, q.corpus_quote, e.corpus_entity FROM quotes q"
            " LEFT JOIN entities e ON e.rowid = q.speaker_entity"
        ).fetchall()
    else:
        rows = [
            r
            for corpus_id in corpus_ids
            for r in conn.execute(
                "SELECT q.rowid, q.text, q.corpus_quote, e.corpus_entity FROM quotes q"
                " JOIN entities e ON e.rowid = q.speaker_entity WHERE e.corpus_entity = ?",
                (corpus_id,),
            ).fetchall()
        ]
    old: set[int] = set()
    for quote_row, text, corpus_quote, speaker in rows:
        key, words = quote_key(text)
        if words >= QUOTE_MIN_WORDS_ALONE:
            continue
        key = f"{key}|{speaker or ''}"
        conn.execute("INSERT OR IGNORE INTO corpus_quotes (key, text) VALUES (?, ?)", (key, text))
        new = conn.execute("SELECT id FROM corpus_quotes WHERE key = ?", (key,)).fetchone()[0]
        if new != corpus_quote:
            conn.execute("UPDATE quotes SET corpus_quote = ? WHERE rowid = ?", (new, quote_row))
            if corpus_quote is not None:
                old.add(int(corpus_quote))
    conn.executemany(
        "DELETE FROM corpus_quotes WHERE id = ? AND NOT EXISTS (SELECT 1 FROM quotes WHERE corpus_quote = ?)",
        [(quote_id, quote_id) for quote_id in sorted(old)],
    )
