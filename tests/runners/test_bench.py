"""`veille bench ingest` runs end to end on a few articles and reports consistent figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.runners.bench import bench_ingest

SEED = str(Path(__file__).resolve().parents[2] / "examples" / "seed.txt")


@pytest.mark.model
def test_bench_ingest_reports_medians_side_by_side() -> None:
    results = bench_ingest([SEED], count=3, workers=(0, 1), stages=("entities",), rounds=1)
    assert [r["workers"] for r in results] == [0, 1]
    for result in results:
        assert result["articles"] == 3 and result["rounds"] == 1 and result["failed"] == 0
        assert 0 < result["startup_s"] <= result["analysis_s"]
        assert result["cpu_per_article_ms"] > 0 and result["busy_cores"] > 0
    assert results[1]["speedup_vs_first"] == round(results[0]["ingest_s"] / results[1]["ingest_s"], 3)


@pytest.mark.model
def test_bench_writes_reports_each_block() -> None:
    from veille.runners.bench import bench_writes

    report = bench_writes([SEED], count=6, block=3)
    assert [row["stored"] for row in report] == [3, 6]
    assert all(row["ms_per_article"] > 0 for row in report)
