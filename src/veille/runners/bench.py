"""Benchmarks (not tests): ingest against analysis alone, 1 worker against 2, quote search latency.

`veille bench ingest` and `veille bench quotes` print the figures; docs/store.md records them.
"""

from __future__ import annotations

import dataclasses
import random
import resource
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from veille.model import Article, Document
from veille.runners.ingest import ingest_items, read_inputs
from veille.runners.local import LocalRunner
from veille.settings import Settings
from veille.store.db import connect
from veille.store.queries import find_quotes
from veille.store.writes import start_run, write_document


def bench_corpus(inputs: Sequence[str], count: int) -> list[Article]:
    """Return ``count`` articles made from the inputs, each copy with another date (so another id)."""
    base = _base(inputs)
    articles = []
    for n in range(count):
        article = base[n % len(base)]
        day = f"2024-{1 + (n // 28) % 12:02d}-{1 + n % 28:02d}"
        articles.append(dataclasses.replace(article, id=f"bench-{n:05d}", date=day))
    return articles


def bench_ingest(
    inputs: Sequence[str],
    *,
    count: int = 200,
    workers: Sequence[int] = (1, 2),
    stages: tuple[str, ...] | None = None,
    rounds: int = 3,
) -> list[dict[str, Any]]:
    """Time analysis alone and the full ingest (analysis + store) on the same articles, per
    worker count, ``rounds`` times; report the median of each figure.

    Shared machines drift by tens of percent within minutes, so the configurations take
    turns (1, 2, 2, 1, 1, 2, ...) instead of running one after the other, and every ratio
    compares medians measured side by side. Both timings include starting the workers and
    loading the model, the same for both; ``startup_s`` (time to the first result) tells
    how much of a run that is, and ``steady_per_s`` the rate once running.
    """
    articles = bench_corpus(inputs, count)
    samples: dict[int, list[dict[str, float]]] = {n: [] for n in workers}
    for turn in range(rounds):
        for n in workers if turn % 2 == 0 else list(reversed(workers)):
            samples[n].append(_one_round(articles, Settings(workers=n, stages=stages)))
    results: list[dict[str, Any]] = []
    for n in workers:
        runs = samples[n]

        def median(key: str, runs: list[dict[str, float]] = runs) -> float:
            return statistics.median(run[key] for run in runs)

        analysis, ingest = median("analysis_s"), median("ingest_s")
        ingests = [run["ingest_s"] for run in runs]
        results.append(
            {
                "workers": n,
                "articles": count,
                "rounds": rounds,
                "analysis_s": round(analysis, 2),
                "ingest_s": round(ingest, 2),
                "ingest_range_s": f"{min(ingests):.1f}–{max(ingests):.1f}",
                "startup_s": round(median("startup_s"), 2),
                "analysis_per_s": round(count / analysis, 2),
                "steady_per_s": round(median("steady_per_s"), 2),
                "ingest_per_s": round(count / ingest, 2),
                "ingest_vs_analysis": round(analysis / ingest, 3),
                # CPU of all processes per article, and how many cores the run kept busy: a
                # runner that idles shows fewer busy cores; cores that slow each other down
                # (shared cache and memory bandwidth) show more CPU per article.
                "cpu_per_article_ms": round(1000 * median("cpu_s") / count, 1),
                "busy_cores": round(median("cpu_s") / analysis, 2),
                # CPU of this process (reading, unpickling, writing) per article.
                "ingest_parent_ms": round(1000 * median("parent_s") / count, 1),
                "failed": int(max(run["failed"] for run in runs)),
            }
        )
    first = results[0]
    for result in results[1:]:
        result["speedup_vs_first"] = round(first["ingest_s"] / result["ingest_s"], 3)
        result["analysis_speedup_vs_first"] = round(first["analysis_s"] / result["analysis_s"], 3)
        # The pool's own scaling: articles per second once running, start-up left out.
        if first["steady_per_s"]:
            result["steady_speedup_vs_first"] = round(result["steady_per_s"] / first["steady_per_s"], 3)
        # CPU per article against the first count: above 1, the cores slow each other down.
        slowdown = result["cpu_per_article_ms"] / first["cpu_per_article_ms"]
        result["cpu_per_article_vs_first"] = round(slowdown, 3)
    return results


def _one_round(articles: list[Article], settings: Settings) -> dict[str, float]:
    """Analyse the articles alone, then ingest them into a new store; time both."""
    clock = _Clock()
    times = []
    with LocalRunner(settings, settings.workers) as runner:
        for _ in runner.map(articles):
            times.append(time.perf_counter() - clock.started)
    analysis = clock.stop()
    analysed = len(times)
    # Once running: from the moment a tenth of the articles are back to the last one (the
    # uneven last batches included), which leaves out starting the workers and the model.
    tenth = times[len(times) // 10] if times else 0.0
    steady = (len(times) - 1 - len(times) // 10) / (times[-1] - tenth) if len(times) > 10 else 0.0
    clock = _Clock()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        summary = ingest_items(list(articles), dataclasses.replace(settings, db_path=db), command="bench")
    ingest = clock.stop()
    return {
        "analysis_s": analysis.wall,
        "ingest_s": ingest.wall,
        "startup_s": times[0] if times else 0.0,
        "steady_per_s": steady,
        "cpu_s": analysis.cpu,
        "parent_s": ingest.parent,
        "failed": summary.failed + (len(articles) - analysed),
    }


def bench_writes(inputs: Sequence[str], *, count: int = 3000, block: int = 500) -> list[dict[str, Any]]:
    """Time the store's writes alone as the store grows: analyse the inputs once, then write
    ``count`` copies (each with another id and date) and report the milliseconds per article
    of each ``block`` of writes. Corpus linking reads each candidate's latest articles, so the
    cost should level off rather than grow with the store.
    """
    from veille.analysis.pipeline import Pipeline

    documents = [d for d in Pipeline(Settings()).analyze_many(_base(inputs)) if isinstance(d, Document)]
    report: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as folder:
        conn = connect(Path(folder) / "writes.db")
        run = start_run(conn, "bench", {})
        started = time.perf_counter()
        for n, copy in enumerate(bench_corpus(inputs, count)):
            doc = documents[n % len(documents)]  # stored under the copy's id and date
            article = dataclasses.replace(doc.article, id=copy.id, date=copy.date)
            write_document(conn, dataclasses.replace(doc, article=article), input_hash=str(n), run_id=run)
            if (n + 1) % block == 0:
                now = time.perf_counter()
                report.append({"stored": n + 1, "ms_per_article": round(1000 * (now - started) / block, 1)})
                started = now
        conn.close()
    return report


def _base(inputs: Sequence[str]) -> list[Article]:
    articles = [a for a in read_inputs(inputs) if isinstance(a, Article)]
    if not articles:
        raise ValueError("no readable article in the inputs")
    return articles


@dataclasses.dataclass
class _Times:
    wall: float
    parent: float  # CPU seconds of this process
    cpu: float  # CPU seconds of this process and of the workers it waited for


class _Clock:
    """Wall time and CPU time (this process, and its finished workers) since creation."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self._self = _cpu(resource.RUSAGE_SELF)
        self._children = _cpu(resource.RUSAGE_CHILDREN)

    def stop(self) -> _Times:
        parent = _cpu(resource.RUSAGE_SELF) - self._self
        children = _cpu(resource.RUSAGE_CHILDREN) - self._children
        return _Times(time.perf_counter() - self.started, parent, parent + children)


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


_WORDS = (
    "paix guerre négociations cessez-le-feu Ukraine Russie sanctions aide militaire sommet accord "
    "président ministre sécurité frontière armée soutien dialogue garanties territoire Europe OTAN "
    "économie énergie gaz pétrole élections réforme crise réfugiés humanitaire attaque défense drones"
).split()


def build_quote_store(path: Path, rows: int = 1_000_000, *, seed: int = 1) -> None:
    """Fill a store with ``rows`` synthetic quotations (10 per article, 2,000 speakers) in bulk."""
    rng = random.Random(seed)
    # A vocabulary of 20,000 made-up words plus common real ones: a Zipf-like mix, so that
    # searches range from rare words to words in a few percent of the quotations.
    vocabulary = [f"mot{n}" for n in range(20_000)]
    conn = connect(path)
    conn.execute("BEGIN")
    speakers = 2_000
    for n in range(speakers):
        name = f"Orateur{n} Nom{n}"
        conn.execute(
            "INSERT INTO corpus_entities (id, key, name, type) VALUES (?, ?, ?, 'PER')",
            (n + 1, f"name:PER:{name.lower()}", name),
        )
        for alias in (name, f"Nom{n}"):
            conn.execute(
                "INSERT INTO aliases (corpus_entity, alias, norm, last, count, names)"
                " VALUES (?, ?, ?, ?, 1, 1)",
                (n + 1, alias, alias.lower(), alias.lower().split()[-1]),
            )
    for art in range(rows // 10):
        day = f"20{20 + art % 6}-{1 + art % 12:02d}-{1 + art % 28:02d}"
        conn.execute(
            "INSERT INTO articles (rowid, id, date, lang, text, paragraphs, schema, input_hash, text_hash,"
            " ingested_at)"
            " VALUES (?, ?, ?, 'fr', ?, '[]', 'veille.analysis/1', '', '', '')",
            (art + 1, f"a{art}", day, "Texte synthétique."),
        )
        speaker = rng.randrange(speakers) + 1
        conn.execute(
            "INSERT INTO entities (rowid, article, ord, id, name, type, roles, grp, corpus_entity)"
            " VALUES (?, ?, 0, 'e1', '', 'PER', '[]', 0, ?)",
            (art + 1, art + 1, speaker),
        )
        for k in range(10):
            words = [
                rng.choice(_WORDS) if rng.random() < 0.3 else vocabulary[int(rng.paretovariate(1.0)) % 20_000]
                for _ in range(12)
            ]
            text = " ".join(words)
            qid = art * 10 + k + 1
            conn.execute("INSERT INTO corpus_quotes (id, key, text) VALUES (?, ?, ?)", (qid, str(qid), text))
            conn.execute(
                "INSERT INTO quotes (rowid, article, ord, id, kind, text, start, end, speaker,"
                " speaker_entity, day, corpus_quote) VALUES (?, ?, ?, ?, 'direct', ?, 0, 0, 'e1', ?, ?, ?)",
                (qid, art + 1, k, f"q{k}", text, art + 1, day, qid),
            )
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()


def bench_quotes(path: Path, *, rows: int = 1_000_000, queries: int = 200, seed: int = 2) -> dict[str, Any]:
    """Time find_quotes (first page of 50) on a synthetic store; return p50/p95 in ms per query kind."""
    if not path.exists():
        build_quote_store(path, rows)
    conn = connect(path, readonly=True)
    count = conn.execute("SELECT count(*) FROM quotes").fetchone()[0]
    rng = random.Random(seed)
    kinds: dict[str, Any] = {
        "speaker": lambda: {"speaker": f"Nom{rng.randrange(2000)}"},
        "search_common": lambda: {"search": rng.choice(_WORDS)},
        # mot20–mot99: in about 0.1–2 % of the quotations, around the switch between
        # sorting every match and walking the day index (COMMON_MATCHES).
        "search_mid": lambda: {"search": f"mot{rng.randrange(20, 100)}"},
        "search_rare": lambda: {"search": f"mot{rng.randrange(100, 20_000)}"},
        "speaker_since_search": lambda: {
            "speaker": f"Nom{rng.randrange(2000)}",
            "since": "2024-01-01",
            "search": rng.choice(_WORDS),
        },
        "since_until": lambda: {"since": "2023-04-01", "until": "2023-04-30"},
    }
    report: dict[str, Any] = {"rows": count}
    for name, make in kinds.items():
        timings = []
        for _ in range(queries):
            params = make()
            started = time.perf_counter()
            find_quotes(conn, limit=50, **params)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        report[name] = {
            "p50_ms": round(statistics.median(timings), 2),
            "p95_ms": round(timings[int(0.95 * len(timings)) - 1], 2),
        }
    conn.close()
    return report
