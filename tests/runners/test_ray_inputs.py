"""The Ray runner's readers, without Ray: files read from bytes and Parquet rows give what
`veille ingest` reads, failures included; the inputs expand as an ingest walks them."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa

from veille.ingest.jsonl import parse_record
from veille.model import Article, Failure, from_dict
from veille.runners.ingest import read_inputs
from veille.runners.ray import ARTICLE_SCHEMA, expand_inputs, parse_parquet, read_bytes
from veille.settings import Settings

TEXT = "date 2025-04-11\nLe conseil municipal de Brévannes a voté le budget jeudi soir."
FEED = (
    '{"id": "n1", "date": "2025-04-12T08:30:00Z", "text": "Jeanne Morvan a quitté la présidence du club."}\n'
    "[1, 2]\n"
    '{"id": "n3", "text": "   "}\n'
)


def test_files_read_from_bytes_as_an_ingest_reads_them(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(FEED, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    settings = Settings()
    expected = list(read_inputs([str(tmp_path)]))
    files, parquet, missing = expand_inputs([str(tmp_path)])
    assert parquet == [] and missing == []
    found = [item for file in files for item in read_bytes(Path(file).read_bytes(), file, settings)]
    assert found == expected
    assert [type(item) for item in found].count(Failure) == 3  # empty file, not an object, blank text


def test_an_oversized_file_is_a_failure(tmp_path: Path) -> None:
    settings = Settings(max_article_chars=10)
    [failure] = read_bytes(b"x" * 100, str(tmp_path / "big.txt"), settings)
    assert isinstance(failure, Failure) and "too large" in failure.reason


def test_parquet_rows_read_as_jsonl_records() -> None:
    rows = [
        {"id": "p1", "date": "2025-05-02", "text": "Le port de Kerlann rouvre lundi.", "title": "Port"},
        {"id": "p2", "date": "2025-13-40", "text": "Une date impossible.", "title": None},
        {"id": None, "date": None, "text": "Sans identifiant ni date.", "title": None},
    ]
    table = pa.Table.from_pylist([row | {"path": "/data/news.parquet"} for row in rows])
    out = parse_parquet(table, Settings()).to_pylist()
    assert pa.Table.from_pylist(out, schema=ARTICLE_SCHEMA).num_rows == 3
    first = from_dict(Article, json.loads(out[0]["article"]))
    assert first == parse_record(json.dumps(rows[0]), where="-", source="news.parquet")
    assert out[1]["article"] is None and out[1]["where"] == "/data/news.parquet (id p2)"
    assert "bad date" in out[1]["reason"]
    third = from_dict(Article, json.loads(out[2]["article"]))
    assert third.id and third.source == "news.parquet"  # an id made from date and text, as in JSONL


def test_inputs_expand_like_an_ingest_walks_them(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.parquet").write_bytes(b"")
    (tmp_path / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    files, parquet, missing = expand_inputs([str(tmp_path), str(tmp_path / "nope"), str(tmp_path / "*.zzz")])
    assert files == [str(tmp_path / "sub" / "b.txt")]
    assert parquet == [str(tmp_path / "a.parquet")]
    assert [(row["where"], row["reason"]) for row in missing] == [
        (str(tmp_path / "nope"), "no such file or folder"),
        (str(tmp_path / "*.zzz"), "no file matches"),
    ]
    files, _, _ = expand_inputs([str(tmp_path / "sub" / "*.txt"), "s3://bucket/news/"])
    assert files == [str(tmp_path / "sub" / "b.txt"), "s3://bucket/news/"]
