"""Corpus identity: clustering with shared context, manual merge and split, recluster (hand-built docs)."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from veille.cli import main
from veille.errors import StoreError
from veille.model import Document, Role
from veille.store import connect, write_document
from veille.store.queries import find_clusters
from veille.store.review import merge, recluster, split

MakeDoc = Callable[..., Document]


def person(doc: Document, n: int = 0, country: str | None = None, *titles: str) -> Document:
    """Give entity n of a Document a country and role titles, as the analysis would."""
    entities = list(doc.entities)
    entities[n] = dataclasses.replace(entities[n], country=country, roles=tuple(Role(t) for t in titles))
    return dataclasses.replace(doc, entities=tuple(entities))


def groups(conn: sqlite3.Connection) -> set[frozenset[tuple[str, str]]]:
    """Return the corpus entities as sets of (article text start, document entity name)."""
    found: dict[int, set[tuple[str, str]]] = {}
    rows = conn.execute(
        "SELECT e.corpus_entity, substr(a.text, 1, 12), e.name FROM entities e"
        " JOIN articles a ON a.rowid = e.article"
    )
    for corpus_id, article, name in rows:
        found.setdefault(corpus_id, set()).add((article, name))
    return {frozenset(v) for v in found.values()}


def corpus_of(conn: sqlite3.Connection, article_start: str, name: str) -> int:
    row = conn.execute(
        "SELECT e.corpus_entity FROM entities e JOIN articles a ON a.rowid = e.article"
        " WHERE a.text LIKE ? AND e.name = ?",
        (article_start + "%", name),
    ).fetchone()
    assert row is not None, (article_start, name)
    return int(row[0])


# Three articles about Putin, none linked to the KB: full name, surname alone, a typo.
A = "Vladimir Poutine a reçu Steve Witkoff au Kremlin."
B = "Poutine a répondu à Steve Witkoff mardi."
C = "Vladuimir Poutine et Steve Witkoff ont parlé cinq heures."


def putin_articles(make_document: MakeDoc) -> list[Document]:
    return [
        make_document(A, entities=[("PER", "Vladimir Poutine", ["Vladimir Poutine"]),
                                   ("PER", "Steve Witkoff", ["Steve Witkoff"])]),
        make_document(B, entities=[("PER", "Poutine", ["Poutine"]),
                                   ("PER", "Steve Witkoff", ["Steve Witkoff"])]),
        make_document(C, entities=[("PER", "Vladuimir Poutine", ["Vladuimir Poutine"]),
                                   ("PER", "Steve Witkoff", ["Steve Witkoff"])]),
    ]  # fmt: skip


def test_putin_variants_across_articles_are_one(conn: sqlite3.Connection, make_document: MakeDoc) -> None:
    for doc in putin_articles(make_document):
        write_document(conn, doc)
    putin = {corpus_of(conn, A[:12], "Vladimir Poutine"), corpus_of(conn, B[:12], "Poutine"),
             corpus_of(conn, C[:12], "Vladuimir Poutine")}  # fmt: skip
    assert len(putin) == 1
    links = dict(conn.execute("SELECT name, link FROM entities WHERE type = 'PER' AND name LIKE '%Poutine'"))
    assert links == {"Vladimir Poutine": "new", "Poutine": "surname", "Vladuimir Poutine": "fuzzy"}


# Two people called Martin: a French mayor and a Canadian minister, in different articles.
MAYOR = "Jean Martin, maire de Lyon, a inauguré le tramway avec Grégory Doucet."
MINISTER = "Martin, ministre canadien des Finances, a présenté le budget à Ottawa."


def test_namesakes_whose_countries_differ_stay_apart(
    conn: sqlite3.Connection, make_document: MakeDoc
) -> None:
    mayor = make_document(MAYOR, entities=[("PER", "Jean Martin", ["Jean Martin"]),
                                           ("PER", "Grégory Doucet", ["Grégory Doucet"])])  # fmt: skip
    minister = make_document(
        MINISTER, entities=[("PER", "Martin", ["Martin"]), ("LOC", "Ottawa", ["Ottawa"])]
    )
    write_document(conn, person(mayor, 0, "FRA", "maire de Lyon"))
    write_document(conn, person(minister, 0, "CAN", "ministre des Finances"))
    assert corpus_of(conn, MAYOR[:12], "Jean Martin") != corpus_of(conn, MINISTER[:12], "Martin")


def test_namesakes_whose_titles_differ_stay_apart(conn: sqlite3.Connection, make_document: MakeDoc) -> None:
    # No country on either side: the titles alone disagree, and no co-occurring entity is shared.
    mayor = make_document(MAYOR, entities=[("PER", "Jean Martin", ["Jean Martin"])])
    minister = make_document(MINISTER, entities=[("PER", "Martin", ["Martin"])])
    write_document(conn, person(mayor, 0, None, "maire de Lyon"))
    write_document(conn, person(minister, 0, None, "ministre des Finances"))
    assert corpus_of(conn, MAYOR[:12], "Jean Martin") != corpus_of(conn, MINISTER[:12], "Martin")


def test_shared_company_outweighs_a_different_title(conn: sqlite3.Connection, make_document: MakeDoc) -> None:
    # The same mayor, later called by another title, beside the same two people as before.
    first = "Jean Martin a reçu Grégory Doucet et Bruno Bernard à Lyon."
    later = "Martin, président de la métropole, a reçu Grégory Doucet et Bruno Bernard."
    people = [("PER", "Grégory Doucet", ["Grégory Doucet"]), ("PER", "Bruno Bernard", ["Bruno Bernard"])]
    jean = [("PER", "Jean Martin", ["Jean Martin"])]
    write_document(conn, person(make_document(first, entities=[*jean, *people]), 0, None, "maire de Lyon"))
    write_document(conn, person(make_document(later, entities=[("PER", "Martin", ["Martin"]), *people]),
                                0, None, "président de la métropole"))  # fmt: skip
    assert corpus_of(conn, first[:12], "Jean Martin") == corpus_of(conn, later[:12], "Martin")


def test_a_bare_surname_goes_to_the_namesake_it_shares_company_with(
    conn: sqlite3.Connection, make_document: MakeDoc
) -> None:
    write_document(
        conn,
        make_document(
            MAYOR,
            entities=[("PER", "Jean Martin", ["Jean Martin"]), ("PER", "Grégory Doucet", ["Grégory Doucet"])],
        ),
    )
    write_document(
        conn,
        make_document(
            "Paul Martin a visité Ottawa.",
            entities=[("PER", "Paul Martin", ["Paul Martin"]), ("LOC", "Ottawa", ["Ottawa"])],
        ),
    )
    ambiguous = "Martin a parlé hier soir."
    write_document(conn, make_document(ambiguous, entities=[("PER", "Martin", ["Martin"])]))
    with_company = "Martin a répondu à Grégory Doucet."
    write_document(
        conn,
        make_document(
            with_company,
            entities=[("PER", "Martin", ["Martin"]), ("PER", "Grégory Doucet", ["Grégory Doucet"])],
        ),
    )
    jean = corpus_of(conn, MAYOR[:12], "Jean Martin")
    paul = corpus_of(conn, "Paul Martin", "Paul Martin")
    # Two equally good candidates: a new entity rather than a guess.
    assert corpus_of(conn, ambiguous[:12], "Martin") not in (jean, paul)
    assert corpus_of(conn, with_company[:12], "Martin") == jean


def test_recluster_gives_what_ingest_gave(conn: sqlite3.Connection, make_document: MakeDoc) -> None:
    for doc in putin_articles(make_document):
        write_document(conn, doc)
    write_document(conn, person(make_document(MINISTER, entities=[("PER", "Martin", ["Martin"])]), 0, "CAN"))
    before = groups(conn)
    result = recluster(conn)
    assert groups(conn) == before
    assert (result.entities, result.before, result.after) == (7, 3, 3)


def test_merge_holds_through_later_ingest_and_recluster(
    conn: sqlite3.Connection, make_document: MakeDoc
) -> None:
    write_document(conn, make_document(A, entities=[("PER", "Vladimir Poutine", ["Vladimir Poutine"])]))
    write_document(
        conn,
        make_document(
            "Le président russe Poutine a parlé.", entities=[("PER", "président russe", ["président russe"])]
        ),
    )
    putin = corpus_of(conn, A[:12], "Vladimir Poutine")
    title = corpus_of(conn, "Le président", "président russe")
    assert putin != title
    assert merge(conn, [putin, title]) == putin
    assert corpus_of(conn, "Le président", "président russe") == putin
    # A later article going by the merged variant joins, and a recluster keeps the decision.
    later = "Le président russe a signé."
    write_document(conn, make_document(later, entities=[("PER", "président russe", ["président russe"])]))
    assert corpus_of(conn, later[:12], "président russe") == putin
    recluster(conn)
    assert len({corpus_of(conn, A[:12], "Vladimir Poutine"), corpus_of(conn, later[:12], "président russe"),
                corpus_of(conn, "Le président", "président russe")}) == 1  # fmt: skip
    putin = corpus_of(conn, A[:12], "Vladimir Poutine")
    hit = next(h for h in find_clusters(conn, type="PER") if h.id == putin)
    assert hit.manual and hit.confidence == 1.0
    assert {v.name: v.articles for v in hit.variants} == {"Vladimir Poutine": 1, "président russe": 2}


def test_split_moves_a_variant_and_holds(conn: sqlite3.Connection, make_document: MakeDoc) -> None:
    for doc in putin_articles(make_document):
        write_document(conn, doc)
    putin = corpus_of(conn, A[:12], "Vladimir Poutine")
    new = split(conn, putin, "vladuimir poutine")  # any case or accents: matched normalised
    assert corpus_of(conn, C[:12], "Vladuimir Poutine") == new != putin
    assert corpus_of(conn, B[:12], "Poutine") == putin
    recluster(conn)
    assert corpus_of(conn, C[:12], "Vladuimir Poutine") != corpus_of(conn, A[:12], "Vladimir Poutine")
    # Re-ingesting the article (replaced) and a new one with the variant follow the decision.
    again = "Vladuimir Poutine a encore parlé."
    write_document(conn, make_document(again, entities=[("PER", "Vladuimir Poutine", ["Vladuimir Poutine"])]))
    write_document(conn, putin_articles(make_document)[2], replace=True)
    assert corpus_of(conn, again[:12], "Vladuimir Poutine") == corpus_of(conn, C[:12], "Vladuimir Poutine")
    assert corpus_of(conn, C[:12], "Vladuimir Poutine") != corpus_of(conn, A[:12], "Vladimir Poutine")


def test_a_later_merge_undoes_a_split(conn: sqlite3.Connection, make_document: MakeDoc) -> None:
    for doc in putin_articles(make_document):
        write_document(conn, doc)
    putin = corpus_of(conn, A[:12], "Vladimir Poutine")
    new = split(conn, putin, "Vladuimir Poutine")
    merge(conn, [putin, new])
    recluster(conn)
    assert corpus_of(conn, C[:12], "Vladuimir Poutine") == corpus_of(conn, A[:12], "Vladimir Poutine")


def test_review_refuses_what_makes_no_sense(conn: sqlite3.Connection, make_document: MakeDoc) -> None:
    write_document(
        conn, make_document(MINISTER, entities=[("PER", "Martin", ["Martin"]), ("LOC", "Ottawa", ["Ottawa"])])
    )
    martin, ottawa = corpus_of(conn, MINISTER[:12], "Martin"), corpus_of(conn, MINISTER[:12], "Ottawa")
    with pytest.raises(StoreError, match="different types"):
        merge(conn, [martin, ottawa])
    with pytest.raises(StoreError, match="at least two"):
        merge(conn, [martin, martin])
    with pytest.raises(StoreError, match="no corpus entity 999"):
        merge(conn, [martin, 999])
    with pytest.raises(StoreError, match="no variant 'Dupont'"):
        split(conn, martin, "Dupont")
    with pytest.raises(StoreError, match="nothing to split"):
        split(conn, martin, "Martin")
    # Nothing was half-done: no decision recorded.
    assert conn.execute("SELECT count(*) FROM identity_decisions").fetchone()[0] == 0


def test_short_quotes_follow_a_merge(conn: sqlite3.Connection, make_document: MakeDoc) -> None:
    # Under six words a quotation is keyed on its speaker: merging the speakers makes it one.
    one, two = "Jean Martin : « C'est faux. »", "J. Martin : « C'est faux. »"
    write_document(conn, make_document(one, entities=[("PER", "Jean Martin", ["Jean Martin"])],
                                       quotes=[("e1", "C'est faux.")]))  # fmt: skip
    write_document(conn, make_document(two, entities=[("PER", "J. Martin", ["J. Martin"])],
                                       quotes=[("e1", "C'est faux.")]))  # fmt: skip
    assert conn.execute("SELECT count(*) FROM corpus_quotes").fetchone()[0] == 2
    merge(conn, [corpus_of(conn, one[:12], "Jean Martin"), corpus_of(conn, two[:12], "J. Martin")])
    assert conn.execute("SELECT count(*) FROM corpus_quotes").fetchone()[0] == 1


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_review_commands(db_path: Path, make_document: MakeDoc, capsys: pytest.CaptureFixture[str]) -> None:
    conn = connect(db_path)
    for doc in putin_articles(make_document):
        write_document(conn, doc)
    conn.close()
    db = str(db_path)
    code, out, _ = run(capsys, "entities", "clusters", "--type", "PER", "--db", db, "--format", "json")
    assert code == 0
    clusters = json.loads(out)
    assert [c["name"] for c in clusters] == ["Vladimir Poutine"]  # Witkoff has one variant only
    putin = clusters[0]
    assert {v["name"]: v["articles"] for v in putin["variants"]} == {
        "Vladimir Poutine": 1,
        "Poutine": 1,
        "Vladuimir Poutine": 1,
    }
    assert putin["confidence"] < 1.0 and not putin["manual"]
    code, out, _ = run(capsys, "entities", "split", str(putin["id"]), "--variant", "Poutine", "--db", db)
    assert code == 0 and "split off as corpus entity" in out
    new = int(out.split()[-1])
    code, out, _ = run(capsys, "entities", "merge", str(putin["id"]), str(new), "--db", db)
    assert (code, out.strip()) == (0, f"merged into corpus entity {putin['id']}")
    code, out, _ = run(capsys, "entities", "recluster", "--db", db)
    assert code == 0 and "6 entities relinked" in out
    code, out, _ = run(capsys, "entities", "clusters", "--db", db, "--min-variants", "1")
    assert code == 0 and "Steve Witkoff" in out and "manual" in out
    code, _, err = run(capsys, "entities", "merge", "1", "--db", db)
    assert code != 0 and "at least two" in err
    code, _, err = run(capsys, "entities", "recluster", "--db", str(db_path.with_name("none.db")))
    assert code != 0 and "no store" in err


def test_context_reads_the_latest_articles_through_indexes(
    conn: sqlite3.Connection, make_document: MakeDoc
) -> None:
    # Linking cost must not grow with a candidate's history: its context comes from index
    # seeks over its latest articles, never from a scan of all its rows.
    from veille.store.identity import NEIGHBOURS

    for doc in putin_articles(make_document):
        write_document(conn, doc)
    plan = " ".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + NEIGHBOURS, ("[1]", "[2]", 3, 3)))
    assert "COVERING INDEX entities_article_corpus" in plan and "SCAN e " not in plan + " "
    latest = "SELECT DISTINCT article FROM entities WHERE corpus_entity = ? ORDER BY article DESC"
    plan = " ".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + latest, (1,)))
    assert "entities_corpus_article" in plan and "TEMP B-TREE" not in plan
