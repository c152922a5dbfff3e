"""A progress bar for long commands (ingest, analyze, eval): done/total, articles per second, elapsed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from veille.cli.render import console as stdout_console
from veille.cli.render import error_console


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "— articles/s", style="progress.data.speed")


class ProgressBar:
    """A rich progress bar a long job reports to: done/total, articles per second, elapsed.

    ``transient`` bars vanish when the job ends (analyze and eval print their results after).
    """

    def __init__(
        self, label: str = "ingest", console: Console | None = None, transient: bool = False
    ) -> None:
        self._progress = Progress(
            TextColumn(label),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            _RateColumn(),
            TimeElapsedColumn(),
            console=console or stdout_console,
            transient=transient,
        )
        self._task = self._progress.add_task("", total=None)

    def __enter__(self) -> ProgressBar:
        self._progress.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._progress.stop()

    def total(self, count: int) -> None:
        self._progress.update(self._task, total=count)

    def advance(self, count: int = 1) -> None:
        self._progress.advance(self._task, count)

    def describe(self, message: str) -> None:
        """Show what the bar waits for (the model loading), or nothing."""
        self._progress.update(self._task, description=message)


@contextmanager
def stderr_progress(label: str, wanted: bool = True) -> Iterator[ProgressBar | None]:
    """Yield a transient bar on stderr when it is a terminal (and ``wanted``), else None:
    stdout stays free for results, and a pipe or a log sees no bar at all."""
    if not wanted or not error_console.is_terminal:
        yield None
        return
    with ProgressBar(label, error_console, transient=True) as bar:
        yield bar
