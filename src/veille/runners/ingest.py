"""The ingest job: read sources, skip what is stored, analyse the rest in workers, write each
article in its own transaction from this one process, record failures, count."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sized
from dataclasses import asdict, dataclass, field
from itertools import chain
from pathlib import Path
from typing import Protocol

from veille.errors import DuplicateIdError, StoreError, StoreUnwritableError
from veille.ingest.sources import KINDS, iter_sources, walk_folder
from veille.model import SCHEMA, Article, ContractError, Document, Failure
from veille.runners.local import LocalRunner
from veille.settings import Settings
from veille.store.db import connect, store_error
from veille.store.writes import (
    article_hash,
    finish_run,
    record_failures,
    start_run,
    stored_article,
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


@dataclass(frozen=True)
class Analysed:
    """A Document analysed elsewhere (the Ray runner), with the hash of its article as read."""

    document: Document
    input_hash: str | None = None


@dataclass
class IngestSummary:
    """What an ingest run did: counts, the failures (file, line, reason), and its run id."""

    run_id: int
    ingested: int = 0
    replaced: int = 0
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0
    # From the model loaded (--workers 0) or the first result back (workers) to the end:
    # the rate the bar shows, start-up (loading the model) left out.
    working_seconds: float = 0.0
    first_result_at: float | None = field(default=None, repr=False)

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def stored(self) -> int:
        return self.ingested + self.replaced

    @property
    def rate(self) -> float:
        """Articles stored per second once analysis was under way (0 when none was)."""
        seconds = self.working_seconds if self.working_seconds > 0.01 else self.seconds
        return self.stored / seconds if seconds > 0 else 0.0


def ingest(
    inputs: Iterable[str],
    settings: Settings,
    *,
    reanalyze: bool = False,
    replace: bool = False,
    progress: Progress | None = None,
    command: str = "ingest",
) -> IngestSummary:
    """Ingest files, folders and JSONL (articles, or Documents exported by `veille export`).

    The inputs are read twice: a first pass only counts articles (for an honest progress
    bar), the second reads them lazily into the workers' bounded queue, so a corpus of any
    size goes through with the memory of a few batches.
    """
    names = list(inputs)
    total = count_inputs(names)
    items = read_inputs(names, default_date=settings.default_date, max_chars=settings.max_article_chars)
    return ingest_items(
        items, settings, reanalyze=reanalyze, replace=replace, progress=progress, command=command, total=total
    )


def ingest_items(
    items: Iterable[Article | Document | Analysed | Failure],
    settings: Settings,
    *,
    reanalyze: bool = False,
    replace: bool = False,
    progress: Progress | None = None,
    command: str = "ingest",
    total: int | None = None,
) -> IngestSummary:
    """Store articles (analysed in workers), Documents (as they are) and failures (recorded).

    An id stored with other content is refused (a failure) unless ``replace`` (or
    ``reanalyze``) is set; the same id twice in the inputs with two contents: the
    second is refused.

    ``items`` is consumed lazily; ``total`` (else ``len(items)`` when it has one) sets the
    progress bar's end.
    """
    progress = progress or _Silent()
    started = time.perf_counter()
    if total is None and isinstance(items, Sized):
        total = len(items)
    conn = connect(settings.db_path)
    try:
        run_id = start_run(conn, command, {**asdict(settings), "reanalyze": reanalyze, "replace": replace})
        summary = IngestSummary(run_id=run_id)
        if total is not None:
            progress.total(total)
        job = _Job(conn, summary, reanalyze, replace, progress)
        todo = job.triage(items)
        status = "interrupted"
        try:
            # The workers (and the model) start only once some article needs analysis: a
            # re-run over a stored corpus costs the reading and one lookup per article.
            first = next(todo, None)
            if first is not None:
                loading(progress, True)
                with LocalRunner(settings, settings.workers) as runner:
                    if settings.workers == 0:  # loaded in this process: work starts now
                        summary.first_result_at = time.perf_counter()
                        loading(progress, False)
                    for result in runner.map(chain([first], todo)):
                        if summary.first_result_at is None:  # the workers have loaded
                            summary.first_result_at = time.perf_counter()
                            loading(progress, False)
                        job.store(result)
            status = "failed" if summary.failed else "done"
        finally:
            # Ctrl-C, SIGTERM or a store that took no more writes: the run says so.
            _finish(conn, summary, status)
    finally:
        conn.close()
    summary.seconds = time.perf_counter() - started
    if summary.first_result_at is not None:
        summary.working_seconds = time.perf_counter() - summary.first_result_at
    return summary


def loading(progress: Progress | None, loading: bool) -> None:
    """Tell a progress bar that can show it that the model is loading (or no longer)."""
    # Say what the bar waits for while the model loads (seconds, before any article ends).
    describe = getattr(progress, "describe", None)
    if describe is not None:
        describe("loading the model…" if loading else "")


def _finish(conn: sqlite3.Connection, summary: IngestSummary, status: str) -> None:
    try:
        finish_run(
            conn, summary.run_id, ingested=summary.stored, skipped=summary.skipped, failed=summary.failed,
            status=status,
        )  # fmt: skip
    except sqlite3.Error:
        pass  # the store takes no write (full disk): the next run marks this one interrupted


class _Job:
    """One run's single writer: triage what is read, store what the workers return."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        summary: IngestSummary,
        reanalyze: bool,
        replace: bool,
        progress: Progress,
    ) -> None:
        self.conn = conn
        self.summary = summary
        self.reanalyze = reanalyze
        self.replace = replace or reanalyze
        self.progress = progress
        # Input hashes and origins of the articles handed to workers and not yet written:
        # bounded by the runner's in-flight batches, not by the corpus.
        self.pending: dict[str, tuple[str, str]] = {}
        self.read_from: dict[str, int] = {}  # articles read so far per source, to name them

    def triage(self, items: Iterable[Article | Document | Analysed | Failure]) -> Iterator[Article]:
        """Record failures, store Documents, skip what is stored; yield what needs analysis.

        The skip check runs here, before any worker sees the article, so re-running after a
        crash costs only what was left. The same id with other content is refused here
        (see docs/store.md, *Article ids*).
        """
        for item in items:
            if isinstance(item, Failure):
                _fail(self.conn, self.summary, item, self.progress)
            elif isinstance(item, Document):
                _write(self.conn, self.summary, item, None, self.replace, self.progress)
            elif isinstance(item, Analysed):
                _write(self.conn, self.summary, item.document, item.input_hash, self.replace, self.progress)
            else:
                digest = article_hash(item)
                origin = self._origin(item)
                verdict = self._triage_one(item.id, digest, origin)
                if verdict == "skip":
                    self.summary.skipped += 1
                    self.progress.advance()
                elif verdict == "analyse":
                    self.pending[item.id] = (digest, origin)
                    yield item

    def _origin(self, article: Article) -> str:
        source = article.source or "stdin"
        number = self.read_from[source] = self.read_from.get(source, 0) + 1
        return f"{source} (article {number} read from it)"

    def _triage_one(self, article_id: str, digest: str, origin: str) -> str:
        in_flight = self.pending.get(article_id)
        if in_flight is not None:
            if in_flight[0] == digest:
                return "skip"
            self._refuse(article_id, in_flight[1], origin)
            return "refused"
        stored = stored_article(self.conn, article_id)
        if stored is None:
            return "analyse"
        same = stored.input_hash == digest
        source = stored.source or "an input"
        if stored.run_id == self.summary.run_id:  # stored by this very run
            if same:
                return "skip"
            self._refuse(article_id, f"{source} (stored by this run)", origin)
            return "refused"
        if same and not self.reanalyze:
            return "skip"
        if not same and not self.replace:
            self._refuse(article_id, f"{source} (stored by run {stored.run_id})", origin, stored=True)
            return "refused"
        return "analyse"

    def _refuse(self, article_id: str, first: str, second: str, *, stored: bool = False) -> None:
        hint = "; --replace stores the new one instead" if stored else "; give one of them another id"
        error = DuplicateIdError(
            f"id {article_id!r} already names a different article, from {first}: not stored{hint}",
            where=second,
        )
        _fail(self.conn, self.summary, Failure(second, error.reason), self.progress)

    def store(self, result: Document | Failure) -> None:
        """Write one analysed article in its own transaction, or record its failure."""
        if isinstance(result, Failure):
            _fail(self.conn, self.summary, result, self.progress)
        else:
            digest, _origin = self.pending.pop(result.article.id, (None, ""))
            _write(self.conn, self.summary, result, digest, self.replace, self.progress)


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
    except StoreUnwritableError:
        raise  # no later article could be written either: stop the run
    except (StoreError, DuplicateIdError) as error:
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
    summary.failures.append(failure)
    progress.advance()
    try:
        record_failures(conn, [failure], summary.run_id)
    except sqlite3.Error as error:
        raise store_error(error, "cannot record a failure", where=failure.where) from None


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


def count_inputs(inputs: Iterable[str]) -> int | None:
    """Count the articles the inputs hold without keeping any text (None when one is stdin).

    One per text or HTML file or unreadable path, one per non-blank line of a JSONL file
    (articles or Documents): the number of items :func:`read_inputs` yields, give or take
    an empty JSONL file.
    """
    total = 0
    for name in inputs:
        if name == "-":
            return None  # a stream is read once: its length is known only at its end
        path = Path(name)
        for file in walk_folder(path, warn=False) if path.is_dir() else [path]:
            if KINDS.get(file.suffix.lower()) == "jsonl":
                total += _count_lines(file)
            else:
                total += 1
    return total


def _count_lines(path: Path) -> int:
    """Count the non-blank lines of a file, in fixed-size reads (a line may be huge)."""
    count, open_line = 0, False
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 16):
                lines = chunk.split(b"\n")
                for line in lines[:-1]:
                    count += open_line or bool(line.strip())
                    open_line = False
                open_line = open_line or bool(lines[-1].strip())
    except OSError:
        return 1  # read again later, it becomes one failure
    return max(count + open_line, 1)  # an empty file is one failure too


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
                yield Document.from_json(line.lstrip(b"\xef\xbb\xbf"))
            except ContractError as error:
                yield Failure(where, f"not a {SCHEMA} document: {error}", number)
