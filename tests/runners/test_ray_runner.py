"""The Ray runner in local mode: the same Documents as the local runner, failures as rows, and
`ingest --from-parquet` giving the store a direct ingest gives.

One small local Ray (2 CPUs, one actor, a small object store) runs once for the module.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from veille.cli import main
from veille.model import Article, Document
from veille.runners.ingest import ingest, read_inputs
from veille.runners.local import LocalRunner
from veille.runners.results import CORPUS_COLUMNS, FLAT_TABLES, document_json
from veille.settings import Settings
from veille.store.db import connect
from veille.store.exports import iter_table

ray = pytest.importorskip("ray")

pytestmark = [
    pytest.mark.ray,
    pytest.mark.model,
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore::DeprecationWarning:ray.data.context"),  # Ray's own settings
]

ROOT = Path(__file__).resolve().parents[2]
# Invented articles: one good line, one broken line, one record with no text.
FEED = (
    '{"id": "feed-1", "date": "2025-03-02", "title": "Port de Vallombre", "text": "La maire de Vallombre, '
    "Odile Ferrand, a annoncé lundi la réouverture du port. « Nous avons tenu parole », a-t-elle déclaré "
    'devant les pêcheurs."}\n'
    "{not json\n"
    '{"id": "feed-3", "text": ""}\n'
)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    for source in [ROOT / "examples" / "seed.txt", *sorted((ROOT / "tests" / "gold").glob("*.txt"))]:
        shutil.copy(source, folder / source.name)
    (folder / "feed.jsonl").write_text(FEED, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def ray_output(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Any]]:
    from veille.runners.ray import run_ray

    output = tmp_path_factory.mktemp("ray") / "out"
    # address="local": a Ray of its own, whatever cluster this machine may be running.
    ray.init(
        address="local",
        num_cpus=2,
        object_store_memory=100 * 1024**2,
        include_dashboard=False,
        log_to_driver=False,
    )
    try:
        summary = run_ray([str(inputs)], str(output), Settings(), actors=1, progress=False)
    finally:
        ray.shutdown()
    yield output, summary


def ray_rows(output: Path, table: str) -> list[dict[str, Any]]:
    return pq.read_table(output / table).to_pylist()


def test_ray_gives_the_documents_of_the_local_runner(inputs: Path, ray_output: tuple[Path, Any]) -> None:
    output, _ = ray_output
    articles = [item for item in read_inputs([str(inputs)]) if isinstance(item, Article)]
    with LocalRunner(Settings(), workers=0) as runner:
        local = sorted(
            document_json(result) for result in runner.map(articles) if isinstance(result, Document)
        )
    remote = sorted(row["document"] for row in ray_rows(output, "documents") if row["document"])
    assert len(local) == 10  # the seed, eight gold articles, one good JSONL line
    assert remote == local


def test_a_failing_article_is_a_row_and_the_job_finishes(ray_output: tuple[Path, Any]) -> None:
    output, summary = ray_output
    failures = {(f.where.rsplit("/", 1)[-1], f.reason) for f in summary.failures}
    assert failures == {("feed.jsonl:2", failures_reason(summary, ":2")), ("feed.jsonl:3", "empty 'text'")}
    assert failures_reason(summary, ":2").startswith("bad JSON")
    rows = ray_rows(output, "documents")
    assert summary.documents == 10 and len(rows) == 12
    failed = [row for row in rows if row["document"] is None]
    assert sorted(row["line"] for row in failed) == [2, 3]
    assert all(row["reason"] and row["where"].endswith(f":{row['line']}") for row in failed)


def failures_reason(summary: Any, suffix: str) -> str:
    return next(f.reason for f in summary.failures if f.where.endswith(suffix))


def test_ingest_from_parquet_matches_a_direct_ingest(
    inputs: Path, ray_output: tuple[Path, Any], tmp_path: Path
) -> None:
    output, _ = ray_output
    direct, loaded = tmp_path / "direct.db", tmp_path / "loaded.db"
    ingest([str(inputs)], Settings(db_path=direct, workers=0))
    assert main(["ingest", "--db", str(loaded), "--quiet", "--from-parquet", str(output)]) == 1  # 2 failed
    assert counts(loaded) == counts(direct)
    assert counts(loaded)["articles"] == 10 and counts(loaded)["failures"] == 2

    # The flat tables hold the export's columns and values; corpus ids come from a store only.
    conn = connect(loaded)
    try:
        for table in FLAT_TABLES:
            exported = [
                {k: v for k, v in row.items() if k not in CORPUS_COLUMNS} for row in iter_table(conn, table)
            ]
            written = ray_rows(output, table)
            assert all(row[c] is None for row in written for c in CORPUS_COLUMNS if c in row), table
            written = [{k: v for k, v in row.items() if k not in CORPUS_COLUMNS} for row in written]
            assert list(written[0] if written else exported[0]) == list(exported[0]), table
            assert sorted(map(canonical, written)) == sorted(map(canonical, exported)), table
    finally:
        conn.close()

    # The same dedup as an ingest: loading again, or ingesting the raw articles, stores nothing new.
    assert main(["ingest", "--db", str(loaded), "--quiet", "--from-parquet", str(output)]) == 1
    summary = ingest([str(inputs)], Settings(db_path=loaded, workers=0))
    assert summary.stored == 0 and summary.skipped == 10
    assert counts(loaded)["articles"] == 10


def local_columns(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in CORPUS_COLUMNS}


def canonical(row: dict[str, Any]) -> str:
    return json.dumps(row, sort_keys=True, ensure_ascii=False)


def counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        tables = ["articles", "entities", "mentions", "quotes", "events", "timexes", "amounts"]
        tables += ["corpus_entities", "aliases", "corpus_quotes", "failures"]
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        conn.close()


def test_from_parquet_refuses_a_folder_that_is_no_ray_output(tmp_path: Path, capsys: Any) -> None:
    assert main(["ingest", "--db", str(tmp_path / "x.db"), "--from-parquet", str(tmp_path)]) != 0
    assert "not the output of `veille run ray`" in capsys.readouterr().err
