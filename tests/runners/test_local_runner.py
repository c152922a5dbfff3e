"""The local worker pool: one loader forks the workers; every article comes back once, and a
dead worker or an unloadable model ends the pool with a clear error, leaving no process."""

from __future__ import annotations

import os
import signal
import struct
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from veille.errors import ModelError
from veille.model import Article, Document
from veille.runners.local import LocalRunner
from veille.settings import Settings

ENTITIES = Settings(stages=("entities",))


def articles(count: int) -> list[Article]:
    return [
        Article(id=f"a{n}", text=f"Emmanuel Macron a reçu Olaf Scholz à Paris le {1 + n % 28} mai.")
        for n in range(count)
    ]


def children_of(pid: int) -> list[int]:
    """The pids whose parent is ``pid``, read from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # pid (comm) state ppid ...: comm may hold spaces, so split after its ')'.
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def wait_gone(pids: list[int], seconds: float = 20) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pids = [pid for pid in pids if Path(f"/proc/{pid}").exists() and not _zombie(pid)]
        if not pids:
            return []
        time.sleep(0.2)
    return pids


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return False


@pytest.mark.model
def test_two_workers_return_every_article_once() -> None:
    with LocalRunner(ENTITIES, 2) as runner:
        results = list(runner.map(articles(21)))  # 21: the last batch is a short one
        workers = children_of(runner._loader.pid)
        assert len(workers) == 2  # both forked from the one loader
    ids = sorted(r.article.id for r in results if isinstance(r, Document))
    assert ids == sorted(f"a{n}" for n in range(21))
    assert all(isinstance(r, Document) and r.entities for r in results)
    assert wait_gone(workers) == []


@pytest.mark.model
def test_in_process_and_pool_agree() -> None:
    batch = articles(6)
    with LocalRunner(ENTITIES, 0) as runner:
        alone = {r.article.id: r for r in runner.map(batch) if isinstance(r, Document)}
    with LocalRunner(ENTITIES, 2) as runner:
        pooled = {r.article.id: r for r in runner.map(batch) if isinstance(r, Document)}
    assert alone == pooled


@pytest.mark.model
def test_a_killed_worker_ends_the_pool_with_an_error() -> None:
    runner = LocalRunner(ENTITIES, 2)
    with pytest.raises(ModelError, match="worker process died"):
        with runner:
            stream = runner.map(articles(400))
            next(stream)  # the model is loaded and the workers are busy
            loader = runner._loader.pid
            workers = children_of(loader)
            os.kill(workers[0], signal.SIGKILL)
            for _ in stream:
                pass
    assert wait_gone([loader, *workers]) == []


@contextmanager
def _fails_after(seconds: int, message: str) -> Iterator[None]:
    """Turn a hang of the block into a test failure with ``message`` after ``seconds``."""

    def expired(signum: int, frame: object) -> None:
        raise AssertionError(message)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _results_lock_held(hang: str) -> Iterator[tuple[LocalRunner, list[int]]]:
    """Run a pool of two workers past its first result, hold the results queue's write lock
    (as a worker killed while writing would) around the block, which gets the runner and the
    worker pids, then read the stream to its end: it must end with the loader's report of a
    dead worker. An alarm turns a hang into a failure named ``hang``."""
    with _fails_after(120, hang):
        with pytest.raises(ModelError, match="worker process died"), LocalRunner(ENTITIES, 2) as runner:
            stream = runner.map(articles(400))
            next(stream)
            with runner._results._wlock:
                yield runner, children_of(runner._loader.pid)
                for _ in stream:
                    pass


@pytest.mark.model
def test_a_worker_killed_holding_the_results_lock_still_ends_the_pool() -> None:
    """A worker killed between writing a result and releasing the results queue's write lock
    leaves that lock held for good: the loader must still tell the caller. The test holds
    the lock itself, as the dead worker would; an alarm turns a deadlock into a failure."""
    with _results_lock_held("the pool deadlocked on the results queue's write lock") as (_runner, workers):
        os.kill(workers[0], signal.SIGKILL)


@pytest.mark.model
def test_a_worker_killed_in_the_middle_of_a_result_still_ends_the_pool() -> None:
    """A worker killed while writing a large result leaves a message cut short in the results
    pipe: its reader waits for the rest, which never comes. The caller must still hear the
    loader's report and stop. The test writes such a head (a length, a few bytes) itself and
    holds the write lock so that no worker completes it; an alarm turns a hang into a failure."""
    with _results_lock_held("the caller hung on a result cut short") as (runner, workers):
        # multiprocessing's framing: a 4-byte big-endian length, then the bytes.
        os.write(runner._results._writer.fileno(), struct.pack("!i", 1 << 20) + b"\x80\x04")
        os.kill(workers[0], signal.SIGKILL)


def test_a_model_that_cannot_load_is_one_clear_error() -> None:
    settings = Settings(model="fr_no_such_model", stages=("entities",))
    with pytest.raises(ModelError, match="fr_no_such_model"):
        with LocalRunner(settings, 2) as runner:
            list(runner.map(articles(3)))


@pytest.mark.model
def test_a_caller_that_stops_reading_does_not_hang() -> None:
    started = time.monotonic()
    with LocalRunner(ENTITIES, 2) as runner:
        stream = runner.map(articles(200))
        next(stream)
        loader = runner._loader.pid
        workers = children_of(loader)
        stream.close()  # batches are still out: the pool is stopped, not waited for
    assert time.monotonic() - started < 60
    assert wait_gone([loader, *workers]) == []
