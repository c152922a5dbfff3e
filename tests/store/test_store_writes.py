"""Writes: idempotent ingest, atomic replacement, corpus-level entities and quotes."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable

from veille.model import Document, Entity
from veille.store import delete_article, load_document, write_document
from veille.store.writes import article_hash, stored_article

MakeDoc = Callable[..., Document]

A = "Vladimir Poutine a reçu les émissaires. Poutine a déclaré : « Nous voulons la paix durable en Europe. »"
B = (
    "Le Kremlin a réagi. Vladuimir Poutine a déclaré : « Nous voulons la paix durable en Europe. »"
    " Poutine insiste."
)
C = "Emmanuel Macron a appelé Poutine. « Nous voulons la paix durable en Europe », a répété Vladimir Poutine."


def corpus_entities(conn: sqlite3.Connection) -> dict[str, set[str]]:
    rows = conn.execute(
        "SELECT c.name, a.alias FROM corpus_entities c JOIN aliases a ON a.corpus_entity = c.id"
    ).fetchall()
    result: dict[str, set[str]] = {}
    for name, alias in rows:
        result.setdefault(name, set()).add(alias)
    return result


def test_same_article_twice_is_skipped(conn: sqlite3.Connection, make_document: MakeDoc) -> None:
    doc = make_document(A, entities=[("PER", "Vladimir Poutine", ["Vladimir Poutine", "Poutine"])])
    assert write_document(conn, doc) == "ingested"
    assert write_document(conn, doc) == "skipped"
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == 2


def test_stored_article_tells_the_digests_and_the_run(
    conn: sqlite3.Connection, make_document: MakeDoc
) -> None:
    doc = make_document(A)
    assert stored_article(conn, doc.article.id) is None
    write_document(conn, doc, input_hash="digest-of-the-input")
    stored = stored_article(conn, doc.article.id)
    assert stored is not None and stored.input_hash == "digest-of-the-input" and stored.run_id is None
    assert stored.text_hash == article_hash(doc.article)


def test_replace_swaps_rows_and_keeps_counts(conn: sqlite3.Connection, make_document: MakeDoc) -> None:
    doc = make_document(A, entities=[("PER", "Vladimir Poutine", ["Vladimir Poutine", "Poutine"])])
    write_document(conn, doc)
    fewer = dataclasses.replace(
        doc, entities=(dataclasses.replace(doc.entities[0], mentions=doc.entities[0].mentions[:1]),)
    )
    assert write_document(conn, fewer, replace=True) == "replaced"
    assert load_document(conn, doc.article.id) == fewer
    assert conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == 1
    # The alias only the old analysis had is gone from the corpus entity.
    assert corpus_entities(conn) == {"Vladimir Poutine": {"Vladimir Poutine"}}


def test_variants_across_articles_are_one_corpus_entity(
    conn: sqlite3.Connection, make_document: MakeDoc
) -> None:
    write_document(
        conn, make_document(A, entities=[("PER", "Vladimir Poutine", ["Vladimir Poutine", "Poutine"])])
    )
    # A typo of the full name, in another article, with no KB id: fuzzy match.
    write_document(
        conn,
        make_document(
            B,
            entities=[
                ("ORG", "Kremlin", ["Kremlin"]),
                ("PER", "Vladuimir Poutine", ["Vladuimir Poutine", "Poutine"]),
            ],
        ),
    )
    # The surname alone names the one known Poutine.
    write_document(
        conn,
        make_document(
            C, entities=[("PER", "Emmanuel Macron", ["Emmanuel Macron"]), ("PER", "Poutine", ["Poutine"])]
        ),
    )
    found = corpus_entities(conn)
    assert found["Vladimir Poutine"] == {"Vladimir Poutine", "Poutine", "Vladuimir Poutine"}
    assert set(found) == {"Vladimir Poutine", "Kremlin", "Emmanuel Macron"}


def test_kb_id_is_identity_and_types_do_not_mix(conn: sqlite3.Connection, make_document: MakeDoc) -> None:
    doc = make_document(A, entities=[("PER", "Vladimir Poutine", ["Vladimir Poutine"])])
    linked = dataclasses.replace(doc, entities=(dataclasses.replace(doc.entities[0], kb_id="Q7747"),))
    write_document(conn, linked)
    other = make_document(C, entities=[("PER", "Poutine", ["Poutine"])])
    write_document(
        conn, dataclasses.replace(other, entities=(dataclasses.replace(other.entities[0], kb_id="Q7747"),))
    )
    # Same letters, another type: a place called Poutine is not the man.
    write_document(conn, make_document(B, entities=[("LOC", "Poutine", ["Poutine"])]))
    rows = conn.execute("SELECT key, type FROM corpus_entities ORDER BY key").fetchall()
    assert [tuple(r) for r in rows] == [("kb:Q7747", "PER"), ("name:LOC:poutine", "LOC")]


def test_one_quote_many_sources(conn: sqlite3.Connection, make_document: MakeDoc) -> None:
    words = "Nous voulons la paix durable en Europe"
    for text in (A, B, C):
        doc = make_document(text, entities=[("PER", "Vladimir Poutine", ["Poutine"])], quotes=[("e1", words)])
        write_document(conn, doc)
    assert conn.execute("SELECT count(*) FROM quotes").fetchone()[0] == 3
    assert conn.execute("SELECT count(*) FROM corpus_quotes").fetchone()[0] == 1


def test_delete_tidies_corpus_rows(conn: sqlite3.Connection, make_document: MakeDoc) -> None:
    first = make_document(
        A,
        entities=[("PER", "Vladimir Poutine", ["Vladimir Poutine"])],
        quotes=[("e1", "Nous voulons la paix durable en Europe.")],
    )
    second = make_document(C, entities=[("PER", "Emmanuel Macron", ["Emmanuel Macron"])])
    write_document(conn, first)
    write_document(conn, second)
    assert delete_article(conn, first.article.id)
    assert not delete_article(conn, first.article.id)
    assert set(corpus_entities(conn)) == {"Emmanuel Macron"}
    assert conn.execute("SELECT count(*) FROM corpus_quotes").fetchone()[0] == 0
    assert (
        conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'poutine'").fetchone()[0]
        == 1
    )
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_entity_without_mentions_is_stored(conn: sqlite3.Connection, make_document: MakeDoc) -> None:
    doc = make_document(A)
    doc = dataclasses.replace(doc, entities=(Entity(id="e1", name="Russie", type="LOC", country="RUS"),))
    write_document(conn, doc)
    assert load_document(conn, doc.article.id) == doc
    assert conn.execute("SELECT country FROM corpus_entities").fetchone()[0] == "RUS"
