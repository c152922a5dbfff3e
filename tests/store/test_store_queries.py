"""Queries over a small hand-built corpus: speakers by any variant, periods, full text, events, entities."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest

from veille.model import Document
from veille.store import write_document
from veille.store.queries import find_entities, find_events, find_quotes, fts_query, search, search_articles

MakeDoc = Callable[..., Document]

T1 = (
    "Vladimir Poutine a déclaré : « La paix passe par des négociations sérieuses avec Washington. » "
    "Mercredi, la Russie a accusé l'Ukraine de sabotage."
)
T2 = (
    "Selon Vladuimir Poutine, « la paix passe par des négociations sérieuses avec Washington ». "
    "Elina Valtonen a répondu : « Un cessez-le-feu immédiat est la seule voie possible pour nous. »"
)
T3 = "Poutine a ajouté : « Nous ne céderons rien sur le Donbass, jamais, quoi qu'il arrive demain. »"


@pytest.fixture
def corpus(conn: sqlite3.Connection, make_document: MakeDoc) -> sqlite3.Connection:
    quote = "La paix passe par des négociations sérieuses avec Washington"
    write_document(conn, make_document(
        T1, date="2025-12-03",
        entities=[("PER", "Vladimir Poutine", ["Vladimir Poutine"]), ("LOC", "Russie", ["Russie"]),
                  ("LOC", "Ukraine", ["Ukraine"])],
        quotes=[("e1", quote)], events=[("ACCUSE", "accusé", ["e2"], ["e3"])],
    ))  # fmt: skip
    write_document(conn, make_document(
        T2, date="2025-12-04",
        entities=[("PER", "Vladuimir Poutine", ["Vladuimir Poutine"]),
                  ("PER", "Elina Valtonen", ["Elina Valtonen"])],
        quotes=[("e1", "la paix passe par des négociations sérieuses avec Washington"),
                ("e2", "Un cessez-le-feu immédiat est la seule voie possible pour nous.")],
    ))  # fmt: skip
    write_document(conn, make_document(
        T3, date="2025-12-10", entities=[("PER", "Poutine", ["Poutine"])],
        quotes=[("e1", "Nous ne céderons rien sur le Donbass, jamais, quoi qu'il arrive demain.")],
    ))  # fmt: skip
    return conn


def test_speaker_matches_every_variant(corpus: sqlite3.Connection) -> None:
    hits = find_quotes(corpus, speaker="poutine")
    assert [h.text[:12] for h in hits] == ["Nous ne céde", "La paix pass"]
    # The same words reported by two articles are one quotation with two sources.
    assert [s.date for s in hits[1].sources] == ["2025-12-03", "2025-12-04"]
    assert {h.speaker for h in hits} == {"Vladimir Poutine"}
    assert find_quotes(corpus, speaker="Vladimir Poutine") == hits
    assert find_quotes(corpus, speaker="Zelensky") == []


def test_period_and_full_text(corpus: sqlite3.Connection) -> None:
    # The quotation first reported on the 3rd was reported again on the 4th: it is in.
    since = find_quotes(corpus, since="2025-12-04")
    assert [(h.day, h.speaker) for h in since] == [
        ("2025-12-10", "Vladimir Poutine"),
        ("2025-12-04", "Elina Valtonen"),
        ("2025-12-04", "Vladimir Poutine"),
    ]
    assert [h.day for h in find_quotes(corpus, until="2025-12-04", speaker="Valtonen")] == ["2025-12-04"]
    assert len(find_quotes(corpus, until="2025-12")) == 3
    # Accents ignored both ways; a hyphenated group is a phrase.
    assert [h.speaker for h in find_quotes(corpus, search="negociations")] == ["Vladimir Poutine"]
    assert [h.speaker for h in find_quotes(corpus, search="cessez-le-feu")] == ["Elina Valtonen"]
    assert find_quotes(corpus, search="feu-cessez") == []
    # FTS5 syntax in the input is taken as plain words, never as operators or an error.
    assert find_quotes(corpus, search='paix" OR NEAR(') == []
    assert find_quotes(corpus, search="***") == []
    # Filters combine: the speaker's quotations holding the words, nothing else.
    assert [h.text[:4] for h in find_quotes(corpus, speaker="Poutine", search="donbass")] == ["Nous"]
    assert find_quotes(corpus, speaker="Valtonen", search="donbass") == []


def test_undated_quotes_are_listed(conn: sqlite3.Connection, make_document: MakeDoc) -> None:
    write_document(conn, make_document(T3, date=None, entities=[("PER", "Poutine", ["Poutine"])],
                                       quotes=[("e1", "Nous ne céderons rien")]))  # fmt: skip
    assert [h.day for h in find_quotes(conn)] == [None]
    assert find_quotes(conn, since="2025") == []


def test_fts_query_quotes_every_word() -> None:
    assert fts_query("cessez-le-feu paix*") == '"cessez le feu" "paix"*'
    assert fts_query('" OR ') == '"OR"'


def test_events_by_type_and_actor(corpus: sqlite3.Connection) -> None:
    (hit,) = find_events(corpus, type="accuse", actor="Russie")
    assert (hit.actors, hit.targets, hit.date) == (("Russie",), ("Ukraine",), "2025-12-03")
    assert "accusé" in hit.sentence
    assert find_events(corpus, actor="Ukraine") == []
    assert len(find_events(corpus, target="ukraine")) == 1


def test_entities_top_with_variants(corpus: sqlite3.Connection) -> None:
    top = find_entities(corpus, type="PER", top=1)
    assert [(h.name, h.articles, set(h.variants)) for h in top] == [
        ("Vladimir Poutine", 3, {"Vladimir Poutine", "Vladuimir Poutine", "Poutine"})
    ]
    assert [h.name for h in find_entities(corpus, type="LOC")] == ["Russie", "Ukraine"]


def test_search_articles_and_quotes(corpus: sqlite3.Connection) -> None:
    found = search(corpus, "Donbass")
    assert [a.date for a in found["articles"]] == ["2025-12-10"]
    assert len(found["quotes"]) == 1
    assert search_articles(corpus, "sabotage")[0].snippet.count("\x02") == 1
