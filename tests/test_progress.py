"""Long commands report progress: ingest, analyze and eval share one bar, on stderr when it is a terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.cli.progress import stderr_progress
from veille.eval.harness import evaluate
from veille.runners.analyze import analyze_inputs
from veille.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


class Recorder:
    def __init__(self) -> None:
        self.totals: list[int] = []
        self.done = 0
        self.messages: list[str] = []

    def total(self, count: int) -> None:
        self.totals.append(count)

    def advance(self, count: int = 1) -> None:
        self.done += count

    def describe(self, message: str) -> None:
        self.messages.append(message)


@pytest.mark.model
def test_eval_reports_each_article(pipeline) -> None:  # type: ignore[no-untyped-def]
    recorder = Recorder()
    evaluate([ROOT / "examples" / "seed.gold.json"], pipeline=pipeline, progress=recorder)
    assert recorder.totals == [1] and recorder.done == 1


@pytest.mark.model
def test_analyze_reports_each_article_and_the_model_loading(tmp_path: Path) -> None:
    for n in range(3):
        (tmp_path / f"a{n}.txt").write_text(
            f"date 2025-12-04\n\nLe ministre a parlé le {n + 1} décembre.", encoding="utf-8"
        )
    recorder = Recorder()
    results = list(analyze_inputs([str(tmp_path)], Settings(stages=("time",)), progress=recorder))
    assert len(results) == 3 and recorder.done == 3
    assert recorder.messages == ["loading the model…", ""]


def test_no_bar_when_stderr_is_not_a_terminal() -> None:
    with stderr_progress("eval") as bar:
        assert bar is None  # pytest captures stderr: a pipe sees no bar
