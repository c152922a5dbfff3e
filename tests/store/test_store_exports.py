"""Exports: JSONL goes back through `veille ingest` to the same analysis; Parquet and GKG read back."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq

from veille.model import Document
from veille.runners.ingest import ingest
from veille.settings import Settings
from veille.store import connect, iter_documents, write_document
from veille.store.exports import GKG_COLUMNS, export_gkg, export_jsonl, export_parquet

MakeDoc = Callable[..., Document]

TEXT = "Mercredi, Vladimir Poutine a déclaré : « Nous voulons la paix ; vraiment. » Kiev a accusé Moscou."


def fill(conn: sqlite3.Connection, make_document: MakeDoc) -> list[Document]:
    docs = [
        make_document(
            TEXT,
            entities=[("PER", "Vladimir Poutine", ["Vladimir Poutine"]), ("LOC", "Kiev", ["Kiev"]),
                      ("LOC", "Moscou", ["Moscou"])],
            quotes=[("e1", "Nous voulons la paix ; vraiment.")],
            events=[("ACCUSE", "accusé", ["e2"], ["e3"])],
            timexes=[("Mercredi", "2025-12-03")],
        ),
        make_document("Un autre article, sans rien.", date="2025-12-05", source="b.txt"),
    ]  # fmt: skip
    for doc in docs:
        write_document(conn, doc)
    return docs


def test_jsonl_export_reingests_to_the_same_analysis(
    conn: sqlite3.Connection, make_document: MakeDoc, tmp_path: Path
) -> None:
    docs = fill(conn, make_document)
    path = tmp_path / "documents.jsonl"
    assert export_jsonl(conn, path) == 2
    other = tmp_path / "other.db"
    summary = ingest([str(path)], Settings(db_path=other, workers=0))
    assert (summary.ingested, summary.failed) == (2, 0)
    back = connect(other)
    assert list(iter_documents(back)) == docs
    # Into the store it came from: nothing changes.
    again = ingest([str(path)], Settings(db_path=tmp_path / "other.db", workers=0))
    assert again.skipped == 2
    back.close()


def test_parquet_tables(conn: sqlite3.Connection, make_document: MakeDoc, tmp_path: Path) -> None:
    fill(conn, make_document)
    counts = export_parquet(conn, tmp_path / "pq")
    assert counts["articles"] == 2 and counts["entities"] == 3 and counts["quotes"] == 1
    events = pq.read_table(tmp_path / "pq" / "events.parquet").to_pylist()
    assert events[0]["type"] == "ACCUSE" and events[0]["source"] == '["e2"]'


def test_gkg_has_27_columns_and_no_stray_delimiters(
    conn: sqlite3.Connection, make_document: MakeDoc, tmp_path: Path
) -> None:
    fill(conn, make_document)
    path = tmp_path / "veille.gkg.tsv"
    assert export_gkg(conn, path) == 2
    lines = path.read_text(encoding="utf-8").splitlines()
    record = dict(zip(GKG_COLUMNS, lines[0].split("\t"), strict=True))
    assert record["V2.1DATE"] == "20251204000000"
    assert record["V1PERSONS"] == "Vladimir Poutine"
    assert record["V2ENHANCEDPERSONS"] == f"Vladimir Poutine,{TEXT.index('Vladimir')}"
    assert record["V1LOCATIONS"] == "4#Kiev#####;4#Moscou#####"
    assert record["V2.1ENHANCEDDATES"] == f"3#12#3#2025#{TEXT.index('Mercredi')}"
    # Offset|Length|Verb|Quote; the ';' inside the quotation is fine at this level.
    start = TEXT.index("Nous")
    assert record["V2.1QUOTATIONS"] == f"{start}|32|déclarer|Nous voulons la paix ; vraiment."
    assert all(len(line.split("\t")) == 27 for line in lines)
