"""`veille bench analysis` runs end to end on a few articles and reports consistent figures (the
figures themselves are benchmarks, never asserted). `veille bench ray` starts Ray and two runners
four times: too slow for the suite on a shared machine; its parts (the Ray runner, the local
runner) are tested in test_ray_runner.py and test_local_runner.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.runners.bench import _base
from veille.runners.bench_scale import bench_analysis, estimate, long_article

SEED = str(Path(__file__).resolve().parents[2] / "examples" / "seed.txt")


def test_long_articles_have_the_words_asked_for() -> None:
    base = _base([SEED])
    for words in (50, 2_000):
        article = long_article(base, words, 0)
        assert len(article.text.split()) == words
        assert "\n\n" in article.text or words < 100  # paragraphs kept


def test_the_estimate_scales_with_the_corpus() -> None:
    rows = estimate(10.0, {"bytes_per_article": 10_000, "write_ms_per_article": 5.0}, cores=100)
    assert [row["articles"] for row in rows] == [1_000_000, 10_000_000]
    assert rows[0]["core_hours"] == round(1_000_000 / 10 / 3600)
    assert rows[1]["sqlite_gb"] == 100.0 and rows[1]["hours_on_100_cores"] == round(
        rows[1]["core_hours"] / 100, 1
    )


@pytest.mark.model
def test_bench_analysis_reports_every_section() -> None:
    report = bench_analysis([SEED], count=2, rounds=1, lengths=(50, 100))
    assert report["articles"] == 2 and report["full_s"] > 0 and report["raw_pipe_s"] > 0
    # The CPU figures come beside the wall-clock ones, and the stages cost CPU on top of the parse.
    assert report["full_cpu_s"] > 0 and report["raw_pipe_cpu_s"] > 0
    assert 0 < report["full_vs_raw_pipe_cpu"] < 1.5
    assert abs(sum(report["stage_share"].values()) - 1) < 0.01
    assert "clean+parse" in report["stage_share"] and "quotes" in report["stage_share"]
    # Each stage's CPU per article, and all of them together.
    assert set(report["stage_cpu_ms"]) == set(report["stage_share"]) - {"clean+parse"}
    assert report["stages_cpu_ms"] == pytest.approx(sum(report["stage_cpu_ms"].values()), abs=0.1)
    assert [row["words"] for row in report["lengths"]] == [50, 100]
    assert report["store"]["bytes_per_article"] > 0
    assert len(report["estimate"]) == 2
