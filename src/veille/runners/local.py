"""A local worker pool: N processes, each loading the model once, results back to one caller.

The caller (the ingest job) is the store's single writer; workers never touch the store.
Processes are spawned, not forked, so a worker starts clean whatever threads or
connections the caller holds.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from types import TracebackType
from typing import Any

from veille.errors import ModelError, SettingsError
from veille.model import Article, Document, Failure
from veille.settings import Settings

# Articles per task: enough to keep spaCy's batching busy, few enough that a slow
# batch does not hold results back for long.
CHUNK = 8

_pipeline: Any = None  # the worker's Pipeline, built once by _start_worker


def _start_worker(settings: Settings, parent: int) -> None:
    """Load the model and stages once in this worker, and die with the parent.

    ``parent`` comes from the parent itself: read here with getppid it could already be
    init's pid when the parent was killed while this worker was still starting.
    """
    global _pipeline

    def watch_parent() -> None:
        # A SIGKILLed parent leaves its workers blocked on the task queue: exit instead.
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch_parent, daemon=True).start()
    # One math thread per worker: N workers already use N cores, and BLAS pools of their
    # own would oversubscribe them. Set before numpy is first imported in this process.
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    from veille.analysis.pipeline import Pipeline  # spaCy is loaded in workers only

    _pipeline = Pipeline(settings)


def _analyze_batch(articles: list[Article]) -> list[Document | Failure]:
    return analyze_batch(_pipeline, articles)


def analyze_batch(pipeline: Any, articles: list[Article]) -> list[Document | Failure]:
    """Analyse a batch; when the batch as a whole breaks, analyse each article alone."""
    try:
        return list(pipeline.analyze_many(articles))
    except Exception:  # the parser raised mid-batch: find which article it was
        results: list[Document | Failure] = []
        for article in articles:
            try:
                results.extend(pipeline.analyze_many([article]))
            except Exception as error:
                results.append(Failure(article.source or article.id, f"analysis failed: {error!r}"))
        return results


class LocalRunner:
    """Analyse articles in ``workers`` processes (0: in this process), results as they finish.

    Use it as a context manager; results come back in completion order, not input order.
    """

    def __init__(self, settings: Settings, workers: int = 1, *, chunk: int = CHUNK) -> None:
        if workers < 0:
            raise SettingsError(f"--workers must be 0 or more, not {workers}")
        self.settings = settings
        self.workers = workers
        self.chunk = chunk
        self._pool: ProcessPoolExecutor | None = None
        self._pipeline: Any = None

    def __enter__(self) -> LocalRunner:
        if self.workers == 0:
            from veille.analysis.pipeline import Pipeline

            self._pipeline = Pipeline(self.settings)
        else:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(self.settings, os.getpid()),
            )
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=error is None, cancel_futures=True)
            self._pool = None

    def map(self, articles: Iterable[Article]) -> Iterator[Document | Failure]:
        """Yield one Document or Failure per article, as workers finish them."""
        stream = iter(articles)
        if self._pool is None:
            while batch := list(islice(stream, self.chunk)):
                yield from analyze_batch(self._pipeline, batch)
            return
        # A bounded number of batches in flight: memory stays flat on a big corpus and
        # every worker always has the next batch waiting.
        in_flight: set[Future[list[Document | Failure]]] = set()
        limit = 2 * self.workers
        pool = self._pool

        def top_up() -> None:
            while len(in_flight) < limit and (batch := list(islice(stream, self.chunk))):
                in_flight.add(pool.submit(_analyze_batch, batch))

        try:
            top_up()
            while in_flight:
                done = wait(in_flight, return_when=FIRST_COMPLETED).done
                in_flight.difference_update(done)
                # Top up before handing results back: the caller writes them to the store,
                # and the workers should not wait for their next batch meanwhile.
                top_up()
                for future in done:
                    yield from future.result()
        except BrokenProcessPool:
            raise ModelError(
                "a worker process died (could the model load? is memory short?): see the messages above, "
                "or run with --workers 0 to analyse in this process"
            ) from None
