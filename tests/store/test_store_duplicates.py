"""One id, one article: the same id with other content is refused, never silently dropped.

The policy (docs/store.md, *Article ids*): the same id with the same content is skipped;
with other content, in one run or across runs, the later one is a failure naming both
sources, unless --replace asks for the new one to take the stored one's place.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from veille.cli import main
from veille.errors import DuplicateIdError
from veille.runners.ingest import ingest
from veille.settings import Settings
from veille.store import connect, write_document

pytestmark = pytest.mark.model

TEXTS = [
    "Léa Morvan a inauguré le port de Quimper mardi.",
    "Yann Le Goff a quitté la mairie de Vannes.",
    "Le conseil de Lorient a voté le budget.",
]


def feed(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def settings(db: Path) -> Settings:
    return Settings(db_path=db, workers=0, stages=("entities",))


def stored(db: Path) -> dict[str, str]:
    conn = sqlite3.connect(db)
    try:
        return dict(conn.execute("SELECT id, text FROM articles"))
    finally:
        conn.close()


def test_same_id_twice_in_one_feed(tmp_path: Path) -> None:
    path = feed(tmp_path / "feed.jsonl", [
        {"id": "x", "text": TEXTS[0], "date": "2025-03-01"},
        {"id": "x", "text": TEXTS[1], "date": "2025-03-01"},
        {"id": 7, "text": TEXTS[2], "date": "2025-03-01"},
        {"id": "7", "text": TEXTS[1], "date": "2025-03-01"},  # the integer 7 and "7" are one id
        {"id": "x", "text": TEXTS[0], "date": "2025-03-01"},  # a true repeat: skipped
    ])  # fmt: skip
    summary = ingest([str(path)], settings(tmp_path / "v.db"))
    assert (summary.ingested, summary.skipped, summary.failed) == (2, 1, 2)
    assert stored(tmp_path / "v.db") == {"x": TEXTS[0], "7": TEXTS[2]}
    reasons = [f"{f.where}: {f.reason}" for f in summary.failures]
    assert all("already names a different article" in r and "feed.jsonl" in r for r in reasons), reasons
    assert "id 'x'" in reasons[0] and "article 1 read" in reasons[0] and "article 2 read" in reasons[0]
    # The failures are in the store too, for whoever reads it later.
    conn = sqlite3.connect(tmp_path / "v.db")
    assert conn.execute("SELECT count(*) FROM failures").fetchone()[0] == 2
    conn.close()


def test_same_id_across_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "v.db"
    first = feed(tmp_path / "lundi.jsonl", [{"id": "a1", "text": TEXTS[0], "date": "2025-03-01"}])
    second = feed(tmp_path / "mardi.jsonl", [{"id": "a1", "text": TEXTS[1], "date": "2025-03-02"}])
    assert ingest([str(first)], settings(db)).ingested == 1
    again = ingest([str(second)], settings(db))
    assert (again.stored, again.failed) == (0, 1)
    assert "lundi.jsonl" in again.failures[0].reason and "mardi.jsonl" in again.failures[0].where
    assert stored(db) == {"a1": TEXTS[0]}
    # Through the command: failures go to stderr, one line each, and the exit code is 1.
    code = main(["ingest", "--quiet", "--workers", "0", "--stages", "entities", "--db", str(db), str(second)])
    captured = capsys.readouterr()
    assert code == 1 and "already names a different article" in captured.err
    assert "already names" not in captured.out
    # --replace: the new article takes the id, counted as replaced.
    replaced = ingest([str(second)], settings(db), replace=True)
    assert (replaced.replaced, replaced.failed) == (1, 0)
    assert stored(db) == {"a1": TEXTS[1]}


def test_store_refuses_a_changed_document_without_replace(tmp_path: Path, analyze) -> None:  # type: ignore[no-untyped-def]
    conn = connect(tmp_path / "v.db")
    one = analyze(TEXTS[0])
    other = one.__class__(article=one.article.__class__(id=one.article.id, text=TEXTS[1], source="b.txt"))
    assert write_document(conn, one) == "ingested"
    with pytest.raises(DuplicateIdError, match="already names a different article"):
        write_document(conn, other)
    assert write_document(conn, other, replace=True) == "replaced"
    conn.close()
