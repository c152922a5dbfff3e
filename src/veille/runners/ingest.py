"""The ingest job: read sources, skip what is stored, analyse the rest in workers, write each
article in its own transaction from this one process, record failures, count."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Protocol

from veille.errors import StoreError
from veille.ingest.sources import KINDS, iter_sources, walk_folder
from veille.model import SCHEMA, Article, Document, Failure
from veille.runners.local import LocalRunner
from veille.settings import Settings
from veille.store.db import connect
from veille.store.writes import (
    article_hash,
    finish_run,
    record_failures,
    start_run,
    stored_hashes,
    write_document,
)


class Progress(Protocol):
    """What the ingest job reports to: the CLI's progress bar, or nothing."""

    def total(self, count: int) -> None: ...

    def advance(self, count: int = 1) -> None: ...


class _Silent:
    def total(self, count: int) -> None:
        pass

    def advance(self, count: int = 1) -> None:
        pass


@dataclass
class IngestSummary:
    """What an ingest run did: counts, the failures (file, line, reason), and its run id."""

    run_id: int
    ingested: int = 0
    replaced: int = 0
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def stored(self) -> int:
        return self.ingested + self.replaced


def ingest(
    inputs: Iterable[str],
    settings: Settings,
    *,
    reanalyze: bool = False,
    progress: Progress | None = None,
    command: str = "ingest",
) -> IngestSummary:
    """Ingest files, folders and JSONL (articles, or Documents exported by `veille export`)."""
    # 1. Read everything first: the total makes the progress bar honest, and reading is
    #    cheap next to analysis.
    items = list(
        read_inputs(inputs, default_date=settings.default_date, max_chars=settings.max_article_chars)
    )
    return ingest_items(items, settings, reanalyze=reanalyze, progress=progress, command=command)


def ingest_items(
    items: list[Article | Document | Failure],
    settings: Settings,
    *,
    reanalyze: bool = False,
    progress: Progress | None = None,
    command: str = "ingest",
) -> IngestSummary:
    """Store articles (analysed in workers), Documents (as they are) and failures (recorded)."""
    progress = progress or _Silent()
    started = time.perf_counter()
    conn = connect(settings.db_path)
    try:
        run_id = start_run(conn, command, {**asdict(settings), "reanalyze": reanalyze})
        summary = IngestSummary(run_id=run_id)
        progress.total(len(items))
        # 2. Decide what needs analysis: an article stored with the same content is skipped
        #    before any worker sees it, so re-running after a crash costs only what was left.
        todo: list[Article] = []
        hashes: dict[str, str] = {}
        for item in items:
            if isinstance(item, Failure):
                _fail(conn, summary, item, progress)
            elif isinstance(item, Document):
                _write(conn, summary, item, None, reanalyze, progress)
            elif item.id in hashes or (not reanalyze and _is_stored(conn, item)):
                summary.skipped += 1
                progress.advance()
            else:
                hashes[item.id] = article_hash(item)
                todo.append(item)
        # 3. Analyse in workers; this process is the single writer, one transaction per article.
        if todo:
            with LocalRunner(settings, settings.workers) as runner:
                for result in runner.map(todo):
                    if isinstance(result, Failure):
                        _fail(conn, summary, result, progress)
                    else:
                        _write(conn, summary, result, hashes.get(result.article.id), reanalyze, progress)
        finish_run(conn, run_id, ingested=summary.stored, skipped=summary.skipped, failed=summary.failed)
    finally:
        conn.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _is_stored(conn: sqlite3.Connection, article: Article) -> bool:
    stored = stored_hashes(conn, article.id)
    return stored is not None and stored[0] == article_hash(article)


def _write(
    conn: sqlite3.Connection,
    summary: IngestSummary,
    doc: Document,
    input_hash: str | None,
    replace: bool,
    progress: Progress,
) -> None:
    try:
        outcome = write_document(conn, doc, input_hash=input_hash, run_id=summary.run_id, replace=replace)
    except StoreError as error:
        _fail(conn, summary, Failure(error.where or doc.article.id, error.reason), progress)
        return
    if outcome == "ingested":
        summary.ingested += 1
    elif outcome == "replaced":
        summary.replaced += 1
    else:
        summary.skipped += 1
    progress.advance()


def _fail(conn: sqlite3.Connection, summary: IngestSummary, failure: Failure, progress: Progress) -> None:
    record_failures(conn, [failure], summary.run_id)
    summary.failures.append(failure)
    progress.advance()


# --- reading ----------------------------------------------------------------------------------------------


def read_inputs(
    inputs: Iterable[str], *, default_date: str | None = None, max_chars: int | None = None
) -> Iterator[Article | Document | Failure]:
    """Yield articles, already-analysed Documents (JSONL lines of `veille export`) and failures.

    JSONL files whose first record is a ``veille.analysis/1`` Document are read here, as
    Documents, so an export goes back into a store without being analysed again; every
    other input is read by ``veille.ingest``.
    """
    options = {"default_date": default_date} | ({"max_chars": max_chars} if max_chars else {})
    for name in inputs:
        path = Path(name)
        files = walk_folder(path) if path.is_dir() else [path]
        for file in files:
            if name != "-" and file.suffix.lower() in KINDS and KINDS[file.suffix.lower()] == "jsonl":
                if _holds_documents(file):
                    yield from read_documents(file)
                    continue
            source = "-" if name == "-" else str(file)
            for _name, item in iter_sources([source], **options):  # type: ignore[arg-type]
                yield item


def _holds_documents(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line.lstrip(b"\xef\xbb\xbf"))
                    return isinstance(record, dict) and record.get("schema") == SCHEMA
    except (OSError, ValueError):
        return False  # let the ordinary reader report what is wrong with it
    return False


def read_documents(path: Path) -> Iterator[Document | Failure]:
    """Yield the Documents of a JSONL export, one Failure per line that is not one."""
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                yield Document.from_dict(json.loads(line.lstrip(b"\xef\xbb\xbf")))
            except (ValueError, TypeError, KeyError, AttributeError) as error:
                yield Failure(where, f"not a {SCHEMA} document: {error}", number)
