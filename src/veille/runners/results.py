"""Analysis results as Arrow tables: what the Ray runner writes, what `ingest --from-parquet` reads.

- ``documents``: one row per article read. An analysed article holds its Document as the
  JSON line `veille export --format jsonl` writes; a failure holds where, line and reason.
  Both carry ``input_hash``, the store's key for "this article, as read, is stored".
- the flat tables of `veille export --format parquet` (articles, entities, mentions, quotes,
  timexes, events, amounts), computed by the export's own SELECTs over a throwaway
  in-memory store that holds one batch: the columns and values are the export's. The
  corpus-level ids (corpus_entity, corpus_quote) exist only in a whole store, so they are
  left null here; `veille ingest --from-parquet` assigns them.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from veille.errors import InputError
from veille.model import SCHEMA, Document, Failure
from veille.runners.ingest import Analysed, IngestSummary, Progress, ingest_items
from veille.settings import Settings
from veille.store.db import connect
from veille.store.exports import PARQUET_TABLES
from veille.store.writes import write_document

DOCUMENTS = "documents"
RESULT_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("where", pa.string()),
        ("line", pa.int64()),
        ("reason", pa.string()),  # set on failure rows only
        ("input_hash", pa.string()),
        ("document", pa.string()),  # set on document rows only
    ]
)
# The export tables made of one article's rows; corpus_entities is the corpus itself.
FLAT_TABLES: tuple[str, ...] = tuple(name for name in PARQUET_TABLES if name != "corpus_entities")
CORPUS_COLUMNS = frozenset({"corpus_entity", "speaker_corpus_entity", "corpus_quote"})
_ARROW_TYPES = {"INTEGER": pa.int64(), "REAL": pa.float64()}  # anything else is TEXT


def document_json(doc: Document) -> str:
    """Return a Document as the line `veille export --format jsonl` writes for it."""
    return json.dumps(doc.to_dict(), ensure_ascii=False)


def result_table(results: Sequence[tuple[Document | Failure, str | None]]) -> pa.Table:
    """Turn (Document or Failure, input hash) pairs into rows of the documents table."""
    rows: list[dict[str, Any]] = []
    for result, digest in results:
        if isinstance(result, Failure):
            row = {"id": None, "where": result.where, "line": result.line, "reason": result.reason}
            rows.append(row | {"input_hash": digest, "document": None})
        else:
            article = result.article
            rows.append(
                {"id": article.id, "where": article.source or article.id, "line": None, "reason": None}
                | {"input_hash": digest, "document": document_json(result)}
            )
    return pa.Table.from_pylist(rows, schema=RESULT_SCHEMA)


def flat_schemas() -> dict[str, pa.Schema]:
    """Return the Arrow schema of each flat table, from the store's declared column types."""
    conn = connect(":memory:")
    try:
        return {name: _schema(conn, name) for name in FLAT_TABLES}
    finally:
        conn.close()


def flat_rows(documents: Iterable[Document]) -> dict[str, list[dict[str, object]]]:
    """Return the export's rows of each flat table for these Documents (corpus ids left null)."""
    conn = connect(":memory:")
    try:
        for doc in documents:
            write_document(conn, doc)  # the same id twice in a batch: stored once, as in a store
        tables: dict[str, list[dict[str, object]]] = {}
        for name in FLAT_TABLES:
            cursor = conn.execute(PARQUET_TABLES[name])
            columns = [d[0] for d in cursor.description]
            tables[name] = [
                {c: (None if c in CORPUS_COLUMNS else v) for c, v in zip(columns, row, strict=True)}
                for row in cursor
            ]
        return tables
    finally:
        conn.close()


def _schema(conn: sqlite3.Connection, name: str) -> pa.Schema:
    # A view over the export's SELECT reports the declared type of every plain column;
    # computed ones (JSON arrays) have none and are text.
    conn.execute(f"CREATE TEMP VIEW IF NOT EXISTS flat_{name} AS {PARQUET_TABLES[name]}")
    info = conn.execute(f"PRAGMA table_info(flat_{name})").fetchall()
    return pa.schema([(row[1], _ARROW_TYPES.get(str(row[2]).upper(), pa.string())) for row in info])


# --- reading back ------------------------------------------------------------------------------------------


def result_files(folder: Path) -> list[Path]:
    """Return the Parquet files of a run's documents table, or raise InputError."""
    documents = folder / DOCUMENTS
    if not documents.is_dir():
        raise InputError(f"no {DOCUMENTS}/ folder: not the output of `veille run ray`", where=str(folder))
    return sorted(p for p in documents.rglob("*.parquet") if not p.name.startswith("."))


def count_results(folder: Path) -> int:
    """Count the rows of a run's documents table from the Parquet footers."""
    total = 0
    for file in result_files(folder):
        try:
            total += pq.ParquetFile(file).metadata.num_rows
        except (OSError, pa.ArrowException):
            total += 1  # read again later, it becomes one failure
    return total


def read_results(folder: Path) -> Iterator[Analysed | Failure]:
    """Yield the Documents (with their input hash) and failures of a Ray run, file by file."""
    for file in result_files(folder):
        try:
            batches = pq.ParquetFile(file).iter_batches(columns=RESULT_SCHEMA.names)
            number = 0
            for batch in batches:
                for row in batch.to_pylist():
                    number += 1
                    yield _result(row, f"{file}#{number}")
        except (OSError, pa.ArrowException) as error:
            yield Failure(str(file), f"not a results Parquet file: {error}")


def _result(row: dict[str, object], where: str) -> Analysed | Failure:
    if row["document"] is None:
        line = int(str(row["line"])) if row["line"] is not None else None
        return Failure(str(row["where"] or where), str(row["reason"] or "failed"), line)
    try:
        doc = Document.from_dict(json.loads(str(row["document"])))
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        return Failure(where, f"not a {SCHEMA} document: {error}")
    return Analysed(doc, str(row["input_hash"]) if row["input_hash"] else None)


def ingest_results(folder: Path, settings: Settings, *, progress: Progress | None = None) -> IngestSummary:
    """Store a Ray run's documents and failures, with the dedup and corpus identity of an ingest."""
    total = count_results(folder)
    return ingest_items(
        read_results(folder), settings, progress=progress, command="ingest --from-parquet", total=total
    )
