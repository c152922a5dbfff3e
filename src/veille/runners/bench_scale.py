"""Benchmarks for scaling out (not tests): where analysis time goes, and what a big corpus costs.

- ``bench_analysis``: the full analysis against a raw ``nlp.pipe`` of the same texts, each
  stage's share of the time, analysis time against article length, and a paper estimate
  of the cores, hours and store size for 10⁶ and 10⁷ articles from those figures;
- ``bench_ray``: the Ray runner on one node against the local runner, and the peak memory
  of one Ray actor.

Every ratio compares runs made side by side in one call, taking turns (shared machines
drift by tens of percent within minutes); docs/benchmarks.md records the figures.
"""

from __future__ import annotations

import dataclasses
import json
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from veille.analysis.clean import clean_article
from veille.model import Article, Document
from veille.runners.bench import _base, bench_corpus
from veille.runners.proctime import TreeClock
from veille.settings import Settings
from veille.store.db import connect
from veille.store.writes import write_document

SIZES = (1_000_000, 10_000_000)  # articles in the paper estimate
LENGTHS = (200, 1_000, 5_000, 20_000)  # words


def bench_analysis(
    inputs: Sequence[str],
    *,
    count: int = 40,
    rounds: int = 3,
    lengths: Sequence[int] = LENGTHS,
    cores: int = 64,
) -> dict[str, Any]:
    """Time the full analysis against a raw ``nlp.pipe`` and per stage, then per article length."""
    from veille.analysis.pipeline import Pipeline, analyze_records

    pipeline = Pipeline(Settings())
    articles = bench_corpus(inputs, count)
    texts = [clean_article(article).text for article in articles]
    nlp, batch = pipeline.nlp, pipeline.settings.batch_size
    raw: list[float] = []
    full: list[float] = []
    raw_cpu: list[float] = []
    full_cpu: list[float] = []
    stage_runs: list[dict[str, float]] = []
    stage_cpu: list[dict[str, float]] = []
    documents: list[Document] = []
    for turn in range(rounds):
        for which in ("raw", "full") if turn % 2 == 0 else ("full", "raw"):
            started, started_cpu = time.perf_counter(), time.process_time()
            if which == "raw":
                for _ in nlp.pipe(texts, batch_size=batch):
                    pass
                raw.append(time.perf_counter() - started)
                raw_cpu.append(time.process_time() - started_cpu)
            else:
                timer = _timed_stages(pipeline)
                with timer as stages:
                    results = analyze_records(pipeline, articles)
                full.append(time.perf_counter() - started)
                full_cpu.append(time.process_time() - started_cpu)
                stage_runs.append(stages)
                stage_cpu.append(timer.cpu)
                documents = [r for r in results if isinstance(r, Document)]
    raw_s, full_s = statistics.median(raw), statistics.median(full)
    # CPU seconds of this process: what other jobs on a shared machine take from the
    # wall clock does not count, so this ratio moves far less from run to run.
    raw_cpu_s, full_cpu_s = statistics.median(raw_cpu), statistics.median(full_cpu)
    shares = _shares(stage_runs, full)
    words = statistics.mean(len(text.split()) for text in texts)
    per_core = count / full_s
    # The estimate counts CPU seconds: what other jobs took from the wall clock is not the
    # analysis's cost, and a dedicated core gives the analysis all of its time.
    per_core_cpu = count / full_cpu_s if full_cpu_s > 0 else per_core
    report: dict[str, Any] = {
        "articles": count,
        "rounds": rounds,
        "mean_words": round(words),
        "raw_pipe_s": round(raw_s, 2),
        "full_s": round(full_s, 2),
        "full_vs_raw_pipe": round(raw_s / full_s, 3),  # throughput ratio: 1.0 = no cost over parsing
        "raw_pipe_cpu_s": round(raw_cpu_s, 2),
        "full_cpu_s": round(full_cpu_s, 2),
        "full_vs_raw_pipe_cpu": round(raw_cpu_s / full_cpu_s, 3),
        "per_core_articles_per_s": round(per_core, 2),
        "per_core_cpu_articles_per_s": round(per_core_cpu, 2),
        "stage_share": shares,
        # CPU milliseconds per article of each stage, and of all of them (medians over rounds).
        "stage_cpu_ms": {
            name: round(1000 * statistics.median(run[name] for run in stage_cpu) / count, 2)
            for name in (stage_cpu[0] if stage_cpu else {})
        },
        "stages_cpu_ms": round(1000 * statistics.median(sum(run.values()) for run in stage_cpu) / count, 2)
        if stage_cpu
        else 0.0,
        "lengths": bench_lengths(pipeline, inputs, lengths),
    }
    report["store"] = store_size(documents)
    report["estimate"] = estimate(per_core_cpu, report["store"], cores=cores)
    return report


class _timed_stages:
    """Wrap each stage of a pipeline in a timer; restore the stages on exit."""

    def __init__(self, pipeline: Any) -> None:
        self.pipeline = pipeline
        self.saved = pipeline.stages
        self.totals: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)  # CPU seconds of each stage

    def __enter__(self) -> dict[str, float]:
        self.pipeline.stages = [(name, self._timer(name, stage)) for name, stage in self.saved]
        return self.totals

    def __exit__(self, *_: object) -> None:
        self.pipeline.stages = self.saved

    def _timer(self, name: str, stage: Callable[..., Any]) -> Callable[..., Any]:
        def run(doc: Any, parsed: Any) -> Any:
            started, started_cpu = time.perf_counter(), time.process_time()
            try:
                return stage(doc, parsed)
            finally:
                self.totals[name] += time.perf_counter() - started
                self.cpu[name] += time.process_time() - started_cpu

        return run


def _shares(stage_runs: list[dict[str, float]], full: list[float]) -> dict[str, float]:
    """Each stage's median share of the full time; the rest is cleaning and parsing."""
    names = list(stage_runs[0]) if stage_runs else []
    shares = {name: statistics.median(run[name] / total for run, total in zip(stage_runs, full, strict=True))
              for name in names}  # fmt: skip
    shares = {"clean+parse": 1 - sum(shares.values()), **shares}
    return {name: round(share, 3) for name, share in shares.items()}


def long_article(base: Sequence[Article], words: int, n: int) -> Article:
    """Return an article of about ``words`` words, the base texts one after another."""
    paragraphs: list[str] = []
    total = 0
    while total < words:
        for article in base:
            for paragraph in article.text.split("\n\n"):
                if total >= words:
                    break
                cut = paragraph.split()[: words - total]
                paragraphs.append(" ".join(cut) if len(cut) < len(paragraph.split()) else paragraph)
                total += len(cut)
    return Article(id=f"long-{n}-{words}", text="\n\n".join(paragraphs), date="2024-06-01", source="bench")


def bench_lengths(pipeline: Any, inputs: Sequence[str], lengths: Sequence[int]) -> list[dict[str, Any]]:
    """Analyse one article of each length (the fastest of two tries); report ms per 1,000 words."""
    from veille.analysis.pipeline import analyze_records

    base = _base(inputs)
    rows: list[dict[str, Any]] = []
    for n, words in enumerate(lengths):
        article = long_article(base, words, n)
        tries = []
        for _ in range(2):
            with _timed_stages(pipeline) as stages:
                started = time.perf_counter()
                analyze_records(pipeline, [article])
                tries.append((time.perf_counter() - started, dict(stages)))
        seconds, stages = min(tries, key=lambda t: t[0])
        rows.append(
            {
                "words": len(article.text.split()),
                "ms": round(1000 * seconds, 1),
                "ms_per_1000_words": round(1e6 * seconds / len(article.text.split()), 1),
                "slowest_stage": max(stages, key=lambda k: stages[k]) if stages else "",
            }
        )
    first = rows[0]["ms_per_1000_words"] if rows else 0
    for row in rows:  # 1.0 everywhere: exactly linear; growing with length: worse than linear
        row["vs_shortest"] = round(row["ms_per_1000_words"] / first, 2) if first else 0
    return rows


def store_size(documents: Sequence[Document], copies: int = 200) -> dict[str, Any]:
    """Write ``copies`` copies of the Documents into a new store; report bytes and ms per article."""
    if not documents:
        return {}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "size.db"
        conn = connect(path)
        started = time.perf_counter()
        for n in range(copies):
            doc = documents[n % len(documents)]
            article = dataclasses.replace(doc.article, id=f"copy-{n}")
            write_document(conn, dataclasses.replace(doc, article=article), input_hash=str(n))
        seconds = time.perf_counter() - started
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        size = path.stat().st_size
    chars = statistics.mean(len(d.article.text) for d in documents)
    return {
        "articles": copies,
        "mean_chars": round(chars),
        "bytes_per_article": round(size / copies),
        "write_ms_per_article": round(1000 * seconds / copies, 1),
    }


def estimate(per_core: float, store: dict[str, Any], *, cores: int = 64) -> list[dict[str, Any]]:
    """On paper: core-hours, hours on ``cores`` cores, and the SQLite store, per corpus size."""
    rows = []
    for size in SIZES:
        core_hours = size / per_core / 3600
        row: dict[str, Any] = {
            "articles": size,
            "core_hours": round(core_hours),
            f"hours_on_{cores}_cores": round(core_hours / cores, 1),
        }
        if store:
            row["sqlite_gb"] = round(size * store["bytes_per_article"] / 1e9, 1)
            # One writer: the store takes articles one transaction at a time, whatever the cluster.
            row["sqlite_writer_hours"] = round(size * store["write_ms_per_article"] / 1000 / 3600, 1)
        rows.append(row)
    return rows


# --- Ray against the local runner --------------------------------------------------------------------------


def bench_ray(inputs: Sequence[str], *, count: int = 120, actors: int = 1, rounds: int = 1) -> dict[str, Any]:
    """Time the local runner and the Ray runner (one node, ``actors`` actors) on the same articles.

    Each runner runs on ``count`` articles and on an eighth of them: both timings include
    loading the model (and, for Ray, starting its actors, reading the JSONL and writing the
    Parquet; not starting Ray itself, a cluster is up before a job), so the difference of
    the two is the time of the extra articles alone, the runner's steady rate. A first Ray
    job of one article, timed apart, starts what a cluster starts once (Ray Data's own
    actors), so that the first timed Ray run does not carry it alone. Then one
    actor analyses the articles again, as the runner's do, and reports its peak memory.
    """
    from veille.runners.ray import import_ray

    ray = import_ray()
    articles = bench_corpus(inputs, count)
    small = max(1, count // 8)
    times: dict[tuple[str, int], list[float]] = defaultdict(list)
    cpu: dict[tuple[str, int], list[float]] = defaultdict(list)
    owned = not ray.is_initialized()
    if owned:
        ray.init(address="local", num_cpus=actors + 1, include_dashboard=False, log_to_driver=False)
    try:
        with tempfile.TemporaryDirectory() as folder:
            # A cluster that has run one Ray Data job holds Ray Data's own detached actors
            # (its stats, autoscaling coordinator and actor-location tracker: a worker
            # process each) and a driver that has imported Ray Data's executor. A first job
            # of one article starts them, timed apart: a run on a cluster pays them once.
            with TreeClock(settle=10) as clock:
                warmup = _time_runner("ray", articles[:1], actors, Path(folder), f"{folder}/warmup")
            warmup_cpu = clock.seconds
            for turn in range(rounds):
                runs = [("local", count), ("ray", count), ("local", small), ("ray", small)]
                for which, n in runs if turn % 2 == 0 else runs[::-1]:
                    out = f"{folder}/out-{turn}-{n}"
                    with TreeClock(settle=10) as clock:
                        times[which, n].append(_time_runner(which, articles[:n], actors, Path(folder), out))
                    cpu[which, n].append(clock.seconds)
        peak = _actor_peak_mb(ray, articles)
    finally:
        if owned:
            ray.shutdown()
    median = {key: statistics.median(values) for key, values in times.items()}
    local_steady = median["local", count] - median["local", small]
    ray_steady = median["ray", count] - median["ray", small]
    # CPU seconds of the driver and every process under it (Ray's daemons and workers, the
    # local pool's loader and workers): what each runner spent, whatever else the machine ran.
    spent = {key: statistics.median(values) for key, values in cpu.items()}
    local_cpu_steady = spent["local", count] - spent["local", small]
    ray_cpu_steady = spent["ray", count] - spent["ray", small]
    return {
        "articles": count,
        "actors": actors,
        "rounds": rounds,
        "local_s": round(median["local", count], 2),
        "ray_s": round(median["ray", count], 2),
        "ray_vs_local": round(median["local", count] / median["ray", count], 3),  # 1.0: as fast
        "local_fixed_s": round(median["local", small], 2),
        "ray_fixed_s": round(median["ray", small], 2),
        # Once running: the extra articles' time alone, start-up and fixed costs left out.
        "steady_ray_vs_local": round(local_steady / ray_steady, 3) if ray_steady > 0 else 0.0,
        "local_cpu_s": round(spent["local", count], 2),
        "ray_cpu_s": round(spent["ray", count], 2),
        "ray_vs_local_cpu": _ratio(spent["local", count], spent["ray", count]),
        "steady_ray_vs_local_cpu": _ratio(local_cpu_steady, ray_cpu_steady),
        "ray_first_job_s": round(warmup, 2),  # one article, before the timed runs
        "ray_first_job_cpu_s": round(warmup_cpu, 2),
        "actor_peak_mb": round(peak),
    }


def _ratio(a: float, b: float) -> float:
    return round(a / b, 3) if b > 0 else 0.0


def _time_runner(which: str, articles: list[Article], actors: int, folder: Path, out: str) -> float:
    """Run one runner over the articles; return its wall time (the Ray one reads them from JSONL)."""
    from veille.runners.local import LocalRunner
    from veille.runners.ray import run_ray

    settings = Settings(workers=actors)
    feed = folder / f"articles-{len(articles)}.jsonl"
    if which == "ray" and not feed.exists():
        with feed.open("w", encoding="utf-8") as handle:
            for a in articles:
                record = {"id": a.id, "date": a.date, "text": a.text, "source": a.source}
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    started = time.perf_counter()
    if which == "local":
        with LocalRunner(settings, actors) as runner:
            done = sum(1 for _ in runner.map(articles))
    else:
        summary = run_ray([str(feed)], out, settings, actors=actors, progress=False)
        done = summary.documents + len(summary.failures)
    if done != len(articles):
        raise RuntimeError(f"the {which} runner returned {done} of {len(articles)} articles")
    return time.perf_counter() - started


def _actor_peak_mb(ray: Any, articles: list[Article]) -> float:
    """Analyse the articles in one Ray actor like the runner's; return its peak resident memory."""
    from veille.runners.ray import Analyse

    @ray.remote(num_cpus=1)
    class Probe:
        def __init__(self) -> None:
            self.analyse = Analyse(Settings())

        def run(self, batch: list[Article]) -> float:
            import resource

            import pyarrow as pa

            from veille.runners.ray import ARTICLE_SCHEMA, WRITE_BATCH, article_row

            for start in range(0, len(batch), WRITE_BATCH):  # the batches the runner gives its actors
                rows = [article_row(article) for article in batch[start : start + WRITE_BATCH]]
                self.analyse(pa.Table.from_pylist(rows, schema=ARTICLE_SCHEMA))
            return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux

    probe = Probe.remote()  # type: ignore[attr-defined]
    try:
        return float(ray.get(probe.run.remote(articles)))
    finally:
        ray.kill(probe)
