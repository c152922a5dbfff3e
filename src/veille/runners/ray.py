"""The Ray Data runner: the local pool's unit of work, ``analyze_records``, over a Ray cluster.

Reading, analysing and writing are one streaming Ray Data pass:

1. the input files become a dataset of articles (or failure rows), parsed by veille's own
   ingest readers, so a file reads exactly as `veille ingest` reads it;
2. ``map_batches`` over a pool of actors: each actor loads the model once and analyses
   batches with ``analyze_records``; every article comes out as one row (its Document, or
   its failure), with the rows of the flat tables beside it (``veille.runners.results``);
3. the actor writes those rows itself, one Parquet file per table and batch, the documents
   aside until the run ends; the driver only counts documents and failures. A failure is
   a row: the job goes on.

Ray is imported only here, and only when the runner runs: ``pip install 'veille[ray]'``.
"""

from __future__ import annotations

import gc
import glob
import hashlib
import io
import json
import logging
import os
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from veille.errors import InputError, SettingsError, VeilleError
from veille.ingest.decode import BYTES_PER_CHAR, too_large_reason
from veille.ingest.jsonl import parse_record, read_jsonl_stream
from veille.ingest.sources import KINDS, parse_bytes
from veille.model import Article, Document, Failure, from_dict, to_dict
from veille.runners.results import (
    DOCUMENTS,
    FLAT_TABLES,
    RESULT_SCHEMA,
    flat_rows,
    flat_schemas,
    result_table,
)
from veille.settings import Settings
from veille.store.writes import article_hash

# An article on its way to the actors: the Article as JSON, or the reason it could not be read.
ARTICLE_SCHEMA = pa.schema(
    [("article", pa.string()), ("where", pa.string()), ("line", pa.int64()), ("reason", pa.string())]
)
STAGING = "staging"  # the documents of a run on object storage, until it is finished
PARTIAL = ".documents-partial"  # the documents of a local run, until it is finished
ANALYSED_SCHEMA = pa.schema([*RESULT_SCHEMA, *((f"rows_{name}", pa.string()) for name in FLAT_TABLES)])


@dataclass
class RaySummary:
    """What a Ray run wrote: documents, failures, rows per flat table, seconds."""

    output: str
    documents: int = 0
    failures: list[Failure] = field(default_factory=list)
    tables: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def run_ray(
    inputs: list[str],
    output: str,
    settings: Settings,
    *,
    address: str | None = None,
    actors: int = 1,
    progress: bool = True,
) -> RaySummary:
    """Analyse the inputs on Ray and write Parquet into ``output``.

    Uses the Ray session already started in this process if there is one; else connects
    to ``address`` (``ray://host:10001``, ``auto``), or starts a local one when it is None.
    """
    ray = import_ray()
    if actors < 1:
        raise SettingsError(f"--actors must be 1 or more, not {actors}")
    _check_output(output)
    owned = not ray.is_initialized()
    if owned:
        # A local Ray is this run's alone: no dashboard. A cluster keeps its own settings.
        local = {"include_dashboard": False} if address is None else {}
        try:
            ray.init(address=address, log_to_driver=False, logging_level="WARNING", **local)
        except (ConnectionError, RuntimeError, ValueError) as error:
            where = address or "a local Ray"
            raise SettingsError(f"cannot start or reach {where}: {str(error).splitlines()[0]}") from None
    if not logging.getLogger().isEnabledFor(logging.INFO):  # -v shows Ray Data's plans and timings
        logging.getLogger("ray.data").setLevel(logging.WARNING)
    try:
        ray.data.DataContext.get_current().enable_progress_bars = progress
        return _run(ray, inputs, output, settings, actors)
    finally:
        if owned:
            ray.shutdown()


def import_ray() -> Any:
    """Import Ray, or say how to install it."""
    try:
        import ray
        import ray.data
    except ImportError:
        raise SettingsError("the Ray runner needs Ray: pip install 'veille[ray]'") from None
    return ray


def _run(ray: Any, inputs: list[str], output: str, settings: Settings, actors: int) -> RaySummary:
    started = time.perf_counter()
    # One streaming pass reads, analyses and writes every article once: each actor writes its
    # batch's rows of the flat tables and its documents itself, and hands back only a count
    # of its documents and its failure rows. No stage holds the corpus (a cluster's object
    # store spills to local disk, which a 10⁷-article run would fill), and no second pass
    # reads it back: every Ray Data job costs its worker processes' start-up, seconds each.
    schemas = flat_schemas()
    # (The workers get absolute paths: their working folder need not be this process's.)
    root = output if "://" in output else str(Path(output).resolve())
    # The documents are written aside and put in place at the end: on a local disk renamed,
    # on object storage (no rename) copied out by a last job.
    aside = STAGING if "://" in output else PARTIAL
    for name in [*schemas, aside]:
        _empty(f"{root}/{name}")  # what an earlier run left there goes
    counted = read_articles(ray, inputs, settings).map_batches(
        AnalyseAndWrite,
        fn_constructor_args=(settings, root, schemas, f"{root}/{aside}"),
        batch_size=WRITE_BATCH,
        batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(size=actors),
        num_cpus=1,  # Ray then sets OMP_NUM_THREADS=1 in the actor: N actors already use N cores
    )
    summary = RaySummary(output=output)
    for row in counted.iter_rows():
        if row["reason"] is None:
            summary.documents += row["documents"]
        else:
            summary.failures.append(Failure(row["where"], row["reason"], row["line"]))
    # Written last: a documents/ folder is a finished run, the one thing the next run refuses.
    if aside == PARTIAL:
        os.replace(f"{root}/{PARTIAL}", f"{root}/{DOCUMENTS}")  # an empty documents/ is replaced
    else:
        ray.data.read_parquet(f"{root}/{STAGING}").write_parquet(f"{output}/{DOCUMENTS}")
        _delete(f"{root}/{STAGING}")
    summary.tables = _count_tables(output)
    summary.seconds = time.perf_counter() - started
    return summary


# --- reading -----------------------------------------------------------------------------------------------


def read_articles(ray: Any, inputs: list[str], settings: Settings) -> Any:
    """Return a Ray Dataset of ARTICLE_SCHEMA rows for the inputs (files, folders, globs, URIs)."""
    files, parquet, missing = expand_inputs(inputs)
    parts = []
    options = {"fn_args": (settings,), "batch_format": "pyarrow", "batch_size": 8}
    if files:
        local = [f for f in files if "://" not in f]
        remote = [f for f in files if "://" in f]
        if local:
            parts.append(ray.data.read_binary_files(local, include_paths=True))
        if remote:  # a remote folder is read by extension, as a local one is walked
            extensions = [suffix.lstrip(".") for suffix in KINDS]
            parts.append(ray.data.read_binary_files(remote, include_paths=True, file_extensions=extensions))
        parts = [part.map_batches(parse_files, **options) for part in parts]
    if parquet:
        parts.append(ray.data.read_parquet(parquet, include_paths=True).map_batches(parse_parquet, **options))
    if missing:
        parts.append(ray.data.from_arrow(pa.Table.from_pylist(missing, schema=ARTICLE_SCHEMA)))
    if not parts:
        raise InputError("no article files (.jsonl, .txt, .html, .parquet)", where=" ".join(inputs))
    return parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]


def expand_inputs(inputs: list[str]) -> tuple[list[str], list[str], list[dict[str, Any]]]:
    """Split the inputs into article files, Parquet files and failure rows for missing paths."""
    files: list[str] = []
    parquet: list[str] = []
    missing: list[dict[str, Any]] = []

    def add(path: str) -> None:
        (parquet if path.lower().endswith(".parquet") else files).append(path)

    for name in inputs:
        path = Path(name)
        if "://" in name:
            add(name)  # Ray reads it where it is (s3://, gs://, …)
        elif path.is_dir():
            for file in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in file.relative_to(path).parts)
                suffix = file.suffix.lower()
                if file.is_file() and not hidden and (suffix in KINDS or suffix == ".parquet"):
                    add(str(file))
        elif path.exists():
            add(name)  # a file named on the command line is read even with an unknown extension
        elif glob.has_magic(name):
            matches = [m for m in sorted(glob.glob(name, recursive=True)) if Path(m).is_file()]
            if not matches:
                missing.append(_failure_row(Failure(name, "no file matches")))
            for match in matches:
                add(match)
        else:
            missing.append(_failure_row(Failure(name, "no such file or folder")))
    return files, parquet, missing


def parse_files(batch: pa.Table, settings: Settings) -> pa.Table:
    """Parse a batch of whole files (bytes, path) into article rows, as `veille ingest` reads them."""
    rows: list[dict[str, Any]] = []
    for data, path in zip(batch["bytes"].to_pylist(), batch["path"].to_pylist(), strict=True):
        rows.extend(article_row(item) for item in read_bytes(data, path, settings))
    return pa.Table.from_pylist(rows, schema=ARTICLE_SCHEMA)


def read_bytes(data: bytes, path: str, settings: Settings) -> Iterator[Article | Failure]:
    """Yield the articles (or failures) of one file's bytes: JSONL line by line, else one article."""
    name = PurePosixPath(path).name
    kind = KINDS.get(PurePosixPath(path).suffix.lower(), "text")
    if kind == "jsonl":
        stream = read_jsonl_stream(
            io.BytesIO(data), where=path, source=name, default_date=settings.default_date,
            max_chars=settings.max_article_chars,
        )  # fmt: skip
        for _name, item in stream:
            yield item
        return
    max_bytes = BYTES_PER_CHAR * settings.max_article_chars
    try:
        if len(data) > max_bytes:
            raise InputError(too_large_reason(len(data), max_bytes), where=path)
        yield parse_bytes(
            data, kind, source=name, where=path, default_date=settings.default_date,
            max_chars=settings.max_article_chars,
        )  # fmt: skip
    except InputError as error:
        yield Failure(error.where or path, error.reason)


def parse_parquet(batch: pa.Table, settings: Settings) -> pa.Table:
    """Parse Parquet rows (id, text, date, title, url, source, lang) as JSONL records are parsed."""
    rows: list[dict[str, Any]] = []
    for number, record in enumerate(batch.to_pylist(), start=1):
        path = str(record.pop("path", ""))
        where = f"{path} (id {record['id']})" if record.get("id") not in (None, "") else f"{path} #{number}"
        try:
            article = parse_record(
                json.dumps(record, ensure_ascii=False, default=str), where=where,
                source=PurePosixPath(path).name, default_date=settings.default_date,
                max_chars=settings.max_article_chars,
            )  # fmt: skip
        except InputError as error:
            rows.append(_failure_row(Failure(where, error.reason)))
            continue
        rows.append(article_row(article))
    return pa.Table.from_pylist(rows, schema=ARTICLE_SCHEMA)


def article_row(item: Article | Failure) -> dict[str, Any]:
    """Return the ARTICLE_SCHEMA row of an article read, or of an input that could not be."""
    if isinstance(item, Failure):
        return _failure_row(item)
    article = json.dumps(to_dict(item), ensure_ascii=False)
    return {"article": article, "where": None, "line": None, "reason": None}


def _failure_row(failure: Failure) -> dict[str, Any]:
    return {"article": None, "where": failure.where, "line": failure.line, "reason": failure.reason}


# --- analysing ---------------------------------------------------------------------------------------------


class Analyse:
    """A Ray actor's callable: the pipeline is loaded once, then every batch goes through it."""

    def __init__(self, settings: Settings) -> None:
        from veille.analysis.pipeline import Pipeline

        self.pipeline = Pipeline(settings)
        # The model's half a million Python objects live as long as the actor: frozen, the
        # collector never traverses them again, and the interpreter does not free them one by
        # one as the actor exits (0.55 s of CPU per actor and run, 0.05 s frozen, measured).
        gc.freeze()

    def __call__(self, batch: pa.Table) -> pa.Table:
        return analyse_batch(self.pipeline, batch)


class AnalyseAndWrite(Analyse):
    """The runner's actor: analyse a batch, write its rows (``write_flat_tables``), return its count."""

    def __init__(self, settings: Settings, root: str, schemas: dict[str, pa.Schema], documents: str) -> None:
        super().__init__(settings)
        self.root, self.schemas, self.documents = root, schemas, documents

    def __call__(self, batch: pa.Table) -> pa.Table:
        return write_flat_tables(analyse_batch(self.pipeline, batch), self.root, self.schemas, self.documents)


def analyse_batch(pipeline: Any, batch: pa.Table) -> pa.Table:
    """Turn a batch of ARTICLE_SCHEMA rows into ANALYSED_SCHEMA rows, one per row."""
    from veille.analysis.pipeline import analyze_records

    results: list[tuple[Document | Failure, str | None]] = []
    articles: list[Article] = []
    for row in batch.to_pylist():
        if row["article"] is None:
            results.append((Failure(row["where"], row["reason"], row["line"]), None))
        else:
            articles.append(from_dict(Article, json.loads(row["article"])))
    analysed = analyze_records(pipeline, articles)
    results.extend(zip(analysed, (article_hash(article) for article in articles), strict=True))
    table = result_table(results)
    try:
        flat = flat_rows(result for result, _ in results if isinstance(result, Document))
    except VeilleError as error:  # the Documents are written all the same; their rows are not
        flat = {name: [] for name in FLAT_TABLES}
        print(f"veille: flat tables of a batch not written: {error}")
    ids = table["id"].to_pylist()
    for name, rows in flat.items():
        by_article: dict[object, list[dict[str, object]]] = defaultdict(list)
        for row in rows:
            by_article[row["id" if name == "articles" else "article"]].append(row)
        # The same id twice in a batch: its rows go with its first row only.
        column = [
            json.dumps(by_article.pop(id_), ensure_ascii=False) if id_ in by_article else None for id_ in ids
        ]
        table = table.append_column(f"rows_{name}", pa.array(column, type=pa.string()))
    return table


def explode(column: pa.ChunkedArray, schema: pa.Schema) -> pa.Table:
    """Turn a column of JSON lists of rows into the rows themselves, typed by ``schema``."""
    rows = [row for cell in column.to_pylist() if cell for row in json.loads(cell)]
    return pa.Table.from_pylist(rows, schema=schema)


# Articles per actor call, so per file of each table: the pipeline still parses them in
# batches of Settings.batch_size; fewer, larger files suit Parquet readers.
WRITE_BATCH = 256
COUNTED_SCHEMA = pa.schema([("documents", pa.int64()), ("where", pa.string()), ("line", pa.int64()),
                            ("reason", pa.string())])  # fmt: skip


def write_flat_tables(
    batch: pa.Table, output: str, schemas: dict[str, pa.Schema], documents: str | None = None
) -> pa.Table:
    """Write an analysed batch's rows of every flat table, one Parquet file per table, and
    its documents into the folder ``documents`` if given; return a row counting its
    documents, and one row per failure."""
    filesystem, root = _filesystem(output)
    # Named by the batch's content: a batch Ray runs again (a lost worker) overwrites its
    # files instead of adding its rows twice.
    content = json.dumps([batch.column(c).to_pylist() for c in ("rows_articles", "where", "line")])
    part = f"{hashlib.sha256(content.encode()).hexdigest()[:32]}.parquet"
    for name, schema in schemas.items():
        rows = explode(batch.column(f"rows_{name}"), schema)
        pq.write_table(rows, f"{root}/{name}/{part}", filesystem=filesystem)
    if documents is not None:
        aside, folder = _filesystem(documents)
        pq.write_table(batch.select(RESULT_SCHEMA.names), f"{folder}/{part}", filesystem=aside)
    reasons = batch.column("reason").to_pylist()
    counted = [{"documents": reasons.count(None), "where": None, "line": None, "reason": None}]
    for where, line, reason in zip(
        batch["where"].to_pylist(), batch["line"].to_pylist(), reasons, strict=True
    ):
        if reason is not None:
            counted.append({"documents": 0, "where": where, "line": line, "reason": reason})
    return pa.Table.from_pylist(counted, schema=COUNTED_SCHEMA)


# --- output ------------------------------------------------------------------------------------------------


def _check_output(output: str) -> None:
    if "://" in output:
        return  # a bucket: Ray writes new files beside any that are there
    folder = Path(output)
    if folder.exists() and not folder.is_dir():
        raise SettingsError(f"--output {output} exists and is not a folder")
    if (folder / DOCUMENTS).exists() and any((folder / DOCUMENTS).iterdir()):
        raise SettingsError(f"--output {output} already holds a run: choose an empty folder")


def _filesystem(folder: str) -> tuple[pafs.FileSystem, str]:
    filesystem, path = pafs.FileSystem.from_uri(folder if "://" in folder else str(Path(folder).resolve()))
    return filesystem, path


def _delete(folder: str) -> None:
    filesystem, path = _filesystem(folder)
    filesystem.delete_dir(path)


def _empty(folder: str) -> None:
    filesystem, path = _filesystem(folder)
    filesystem.create_dir(path)
    filesystem.delete_dir_contents(path, missing_dir_ok=True)


def _count_tables(output: str) -> dict[str, int]:
    """Count the rows written per flat table (a local output only: remote counts cost a read)."""
    if "://" in output:
        return {}
    counts = {}
    for name in FLAT_TABLES:
        files = sorted(Path(output, name).glob("*.parquet")) if os.path.isdir(Path(output, name)) else []
        counts[name] = sum(pq.ParquetFile(f).metadata.num_rows for f in files)
    return counts
