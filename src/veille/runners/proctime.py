"""CPU seconds of a process tree while a run goes: what a runner spent, whatever else the machine runs.

On a machine shared with other jobs, wall-clock ratios move with their load; the CPU that
a runner's own processes spend does not (much). Ray's daemons (the raylet, the GCS) and its
workers are processes under the driver, and so are the local pool's loader and workers: the
same count serves both runners. Read from ``/proc`` (Linux); elsewhere it reads nothing.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from types import TracebackType

_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def tree_cpu(root: int) -> dict[int, float]:
    """Return the CPU seconds (user + system) of ``root`` and every process under it, by pid."""
    parents: dict[int, int] = {}
    spent: dict[int, float] = {}
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = entry.read_text().rpartition(")")[2].split()
        except OSError:
            continue  # ended meanwhile
        pid = int(entry.parent.name)
        parents[pid] = int(fields[1])  # after the command: state, ppid, … utime (12th), stime
        spent[pid] = (int(fields[11]) + int(fields[12])) / _TICK
    tree = {root}
    grew = True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in tree and pid not in tree:
                tree.add(pid)
                grew = True
    return {pid: spent[pid] for pid in tree if pid in spent}


class TreeClock:
    """Count the CPU seconds this process and its descendants spend inside a ``with`` block.

    Sampled every ``every`` seconds: a process that ends between two samples loses at most
    its last interval (a runner's workers live for the whole run, so little).

    With ``settle`` seconds, the clock keeps counting after the block until the tree has
    gone quiet (two samples in a row under a fifth of a core), at most that long: what a
    runner spends ending (a Ray actor's interpreter freeing its model, most of a second)
    is then counted with it, and not with whatever runs next.
    """

    def __init__(self, every: float = 0.2, settle: float = 0.0) -> None:
        self.every = every
        self.settle = settle
        self.seconds = 0.0
        self._start: dict[int, float] = {}
        self._seen: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> TreeClock:
        self._start = tree_cpu(os.getpid())
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()
        self._wait_quiet()
        self.seconds = sum(cpu - self._start.get(pid, 0.0) for pid, cpu in self._seen.items())

    def _wait_quiet(self) -> None:
        deadline = time.monotonic() + self.settle
        quiet = 0
        while quiet < 2 and time.monotonic() < deadline:
            before = sum(self._seen.values())
            time.sleep(self.every)
            self._sample()
            quiet = quiet + 1 if sum(self._seen.values()) - before < self.every / 5 else 0

    def _watch(self) -> None:
        while not self._stop.wait(self.every):
            self._sample()

    def _sample(self) -> None:
        for pid, cpu in tree_cpu(os.getpid()).items():
            self._seen[pid] = max(cpu, self._seen.get(pid, 0.0))
