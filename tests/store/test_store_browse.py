"""Browsing reads over a small hand-built corpus: article lists, entity records, the actor graph."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable

import pytest

from veille.model import Document, Role
from veille.store import write_document
from veille.store.browse import (
    article_entity_ids,
    entity_events,
    entity_quotes,
    entity_record,
    event_graph,
    list_articles,
    quote_sentence,
    quotes_per_week,
)
from veille.store.queries import find_entities, find_events

MakeDoc = Callable[..., Document]

Q1 = "Les négociations reprendront bientôt à Tallinn."
T1 = f"Mardi, Ilse Varga a déclaré : « {Q1} » Varga a accusé Brenmark."
T2 = (
    "Ilse Varga a ajouté : « Nous attendons une réponse de Brenmark avant lundi prochain. »"
    " Brenmark a rencontré Varga."
)
T3 = "Le ministre Varga a répété : « Aucune concession sans garanties, nous le disons depuis des mois. »"


@pytest.fixture
def corpus(conn: sqlite3.Connection, make_document: MakeDoc) -> sqlite3.Connection:
    people = [("PER", "Ilse Varga", ["Ilse Varga", "Varga"]), ("ORG", "Brenmark", ["Brenmark"])]
    doc = make_document(
        T1,
        date="2025-03-04",
        entities=people,
        quotes=[("e1", Q1)],
        events=[("ACCUSE", "accusé", ["e1"], ["e2"])],
    )
    varga = doc.entities[0]
    roled = Document(
        article=doc.article,
        quotes=doc.quotes,
        events=doc.events,
        entities=(
            dataclasses.replace(varga, roles=(Role("ministre", "EST"),)),
            doc.entities[1],
        ),
    )
    write_document(conn, roled)
    write_document(
        conn,
        make_document(
            T2,
            date="2025-03-12",
            entities=[
                ("PER", "Ilse Varga", ["Ilse Varga", "Varga"]),
                ("ORG", "Brenmark", ["Brenmark", "Brenmark"]),
            ],
            quotes=[("e1", "Nous attendons une réponse de Brenmark avant lundi prochain.")],
            events=[("CONSULT", "rencontré", ["e2"], ["e1"])],
        ),
    )
    write_document(
        conn,
        make_document(
            T3,
            date="2025-03-26",
            source="other.txt",
            entities=[("PER", "Varga", ["Varga"])],
            quotes=[("e1", "Aucune concession sans garanties, nous le disons depuis des mois.")],
        ),
    )
    return conn


def varga_id(conn: sqlite3.Connection) -> int:
    return find_entities(conn, name="Varga")[0].id


def test_articles_latest_first_with_filters_and_offsets(corpus: sqlite3.Connection) -> None:
    rows = list_articles(corpus)
    assert [r.date for r in rows] == ["2025-03-26", "2025-03-12", "2025-03-04"]
    assert [r.date for r in list_articles(corpus, limit=1, offset=1)] == ["2025-03-12"]
    assert [r.date for r in list_articles(corpus, search="negociations")] == ["2025-03-04"]
    assert [r.source for r in list_articles(corpus, source="other.txt")] == ["other.txt"]
    assert [r.date for r in list_articles(corpus, since="2025-03-05", until="2025-03")] == [
        "2025-03-26",
        "2025-03-12",
    ]
    assert rows[2].quotes == 1 and rows[2].events == 1
    assert list_articles(corpus, search="***") == []


def test_entity_record_gathers_variants_roles_counts_and_dates(corpus: sqlite3.Connection) -> None:
    record = entity_record(corpus, varga_id(corpus))
    assert record is not None
    assert record.name == "Ilse Varga" and {"Ilse Varga", "Varga"} <= set(record.variants)
    assert (record.first_seen, record.last_seen, record.articles) == ("2025-03-04", "2025-03-26", 3)
    assert [(r.title, r.of, r.first, r.articles) for r in record.roles] == [
        ("ministre", "EST", "2025-03-04", 1)
    ]
    assert (record.quotes, record.events_as_actor, record.events_as_recipient) == (3, 1, 1)
    assert entity_record(corpus, 999) is None


def test_entity_quotes_newest_first_and_paged(corpus: sqlite3.Connection) -> None:
    entity = varga_id(corpus)
    days = [q.day for q in entity_quotes(corpus, entity)]
    assert days == ["2025-03-26", "2025-03-12", "2025-03-04"]
    assert [q.day for q in entity_quotes(corpus, entity, limit=1, offset=1)] == ["2025-03-12"]
    assert quotes_per_week(corpus, entity) == [
        ("2025-W10", 1),
        ("2025-W11", 1),
        ("2025-W12", 0),
        ("2025-W13", 1),
    ]


def test_entity_events_by_side_and_ids_on_event_hits(corpus: sqlite3.Connection) -> None:
    entity = varga_id(corpus)
    (acts,) = entity_events(corpus, entity, "source")
    (receives,) = entity_events(corpus, entity, "target")
    assert (acts.type, receives.type) == ("ACCUSE", "CONSULT")
    assert acts.actor_ids == (entity,) and receives.target_ids == (entity,)
    (hit,) = find_events(corpus, type="ACCUSE")
    assert hit.actor_ids == (entity,) and len(hit.target_ids) == 1


def test_graph_edges_join_known_entities(corpus: sqlite3.Connection) -> None:
    graph = event_graph(corpus)
    names = {n.id: n.name for n in graph.nodes}
    assert sorted((names[e.source], names[e.target], e.type) for e in graph.edges) == [
        ("Brenmark", "Ilse Varga", "CONSULT"),
        ("Ilse Varga", "Brenmark", "ACCUSE"),
    ]
    assert [e.type for e in event_graph(corpus, type="accuse").edges] == ["ACCUSE"]
    assert len(event_graph(corpus, actor="Varga").edges) == 2
    assert event_graph(corpus, since="2025-04").edges == ()


def test_article_entity_ids_map_document_to_corpus(corpus: sqlite3.Connection) -> None:
    article = list_articles(corpus, source="other.txt")[0].id
    assert article_entity_ids(corpus, article) == {"e1": varga_id(corpus)}


def test_find_entities_by_country_and_events_by_place(corpus: sqlite3.Connection) -> None:
    assert find_entities(corpus, country="EST") == []  # no country on these hand-built entities
    assert find_events(corpus, place="Tallinn") == []
    assert len(find_events(corpus, offset=1)) == 1


def test_events_by_words_of_their_sentence(corpus: sqlite3.Connection) -> None:
    assert find_events(corpus, search="accus") == []  # a word, not a stem
    assert [e.type for e in find_events(corpus, search="ACCUSÉ brenmark")] == ["ACCUSE"]
    assert [e.type for e in find_events(corpus, search="accus*")] == ["ACCUSE"]
    # Words of an article without events, or of two different events, find nothing.
    assert find_events(corpus, search="concession") == []
    assert find_events(corpus, search="accuse rencontre") == []
    assert find_events(corpus, search="!!!") == []


def test_holds_words_reads_queries_as_fts_does() -> None:
    from veille.store.names import holds_words

    sentence = "Un cessez-le-feu immédiat à Kyiv, a dit l'État."
    assert holds_words(sentence, "cessez-le-feu immediat")
    assert holds_words(sentence, "etat kyiv")
    assert not holds_words(sentence, "feu-cessez")
    assert holds_words(sentence, "imm*") and not holds_words(sentence, "imm")


def test_quote_sentence_cuts_at_the_sentence_edges(corpus: sqlite3.Connection) -> None:
    (hit,) = [q for q in entity_quotes(corpus, varga_id(corpus)) if q.day == "2025-03-04"]
    before, quoted, after = quote_sentence(corpus, hit.sources[0])
    assert before == "Mardi, Ilse Varga a déclaré : « "
    assert quoted == Q1 and after == " »"
