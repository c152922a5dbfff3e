"""``veille bench``: throughput and latency figures (benchmarks, not tests)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from rich.console import Console

from veille.cli.output import add_format_argument, print_json, print_jsonl, print_records_as
from veille.cli.render import Column, console, print_records
from veille.errors import SettingsError
from veille.settings import check_stages


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "bench",
        help="benchmarks: ingest throughput (vs analysis alone, 1 vs 2 workers), quote search latency",
        description="ingest: analyse the same articles alone and through the full ingest, per worker count. "
        "quotes: p50/p95 of `veille quotes` queries on a store of synthetic quotations (built once). "
        "writes: the store's write cost per article as the store grows.",
    )
    sub = parser.add_subparsers(dest="bench", metavar="WHAT", required=True)
    ingest = sub.add_parser("ingest", help="ingest throughput against analysis alone, per worker count")
    ingest.add_argument("inputs", nargs="*", default=["examples"], metavar="INPUT", help="articles to copy")
    ingest.add_argument("--count", type=int, default=200, help="articles to ingest (copies of the inputs)")
    ingest.add_argument("--workers", default="1,2", help="worker counts to compare (default 1,2)")
    ingest.add_argument("--stages", help="comma-separated stages (default: all)")
    ingest.add_argument(
        "--rounds", type=int, default=3, help="times each worker count runs, taking turns; medians reported"
    )
    add_format_argument(ingest)
    ingest.set_defaults(func=run_ingest)
    quotes = sub.add_parser("quotes", help="quote search latency on a store of synthetic quotations")
    quotes.add_argument(
        "--db", type=Path, default=Path("bench-quotes.db"), help="synthetic store (built if missing)"
    )
    quotes.add_argument("--rows", type=int, default=1_000_000, help="quotations in the synthetic store")
    quotes.add_argument("--queries", type=int, default=200, help="queries of each kind")
    add_format_argument(quotes)
    quotes.set_defaults(func=run_quotes)
    writes = sub.add_parser("writes", help="store write cost per article as the store grows")
    writes.add_argument("inputs", nargs="*", default=["examples"], metavar="INPUT", help="articles to copy")
    writes.add_argument("--count", type=int, default=3000, help="articles to write (copies of the inputs)")
    writes.add_argument("--block", type=int, default=500, help="report the cost of each block of this many")
    add_format_argument(writes)
    writes.set_defaults(func=run_writes)
    analysis = sub.add_parser(
        "analysis", help="full analysis vs raw nlp.pipe, stage shares, time vs length, 10⁶/10⁷ estimate"
    )
    analysis.add_argument("inputs", nargs="*", default=["examples"], metavar="INPUT", help="articles to copy")
    analysis.add_argument("--count", type=int, default=40, help="articles per run (copies of the inputs)")
    analysis.add_argument("--rounds", type=int, default=3, help="runs of each, taking turns; medians")
    analysis.add_argument("--lengths", default="200,1000,5000,20000", help="article lengths in words")
    analysis.add_argument("--cores", type=int, default=64, help="cluster size for the estimate")
    add_format_argument(analysis)
    analysis.set_defaults(func=run_analysis)
    ray = sub.add_parser("ray", help="the Ray runner on this node against the local runner; actor memory")
    ray.add_argument("inputs", nargs="*", default=["examples"], metavar="INPUT", help="articles to copy")
    ray.add_argument("--count", type=int, default=120, help="articles per run (copies of the inputs)")
    ray.add_argument("--actors", type=int, default=1, help="Ray actors, and local workers (default 1)")
    ray.add_argument("--rounds", type=int, default=1, help="runs of each, taking turns; medians")
    add_format_argument(ray)
    ray.set_defaults(func=run_ray_bench)
    crash = sub.add_parser("crash", help="SIGKILL an ingest at random moments; compare with a clean run")
    crash.add_argument("--articles", type=int, default=2000, help="articles to ingest (default 2,000)")
    crash.add_argument("--kills", type=int, default=10, help="SIGKILLs before the last run (default 10)")
    crash.add_argument("--seed", type=int, default=20251205, help="seed of the random kill moments")
    crash.set_defaults(func=run_crash)


def run_ingest(args: argparse.Namespace) -> int:
    from veille.runners.bench import bench_ingest

    stages = check_stages(args.stages)
    workers = [int(w) for w in args.workers.split(",")]
    results = bench_ingest(args.inputs, count=args.count, workers=workers, stages=stages, rounds=args.rounds)
    if not print_records_as(args.format, results):
        print_ingest(results)
    return 0


def print_ingest(results: list[dict[str, Any]], *, out: Console | None = None) -> None:
    """Print the ingest figures, one row per figure and one column per worker count, then the ratios."""
    out = out or console
    # Transposed: a column per run compared keeps the table narrow however many figures there are.
    keys = [key for key in dict.fromkeys(k for r in results for k in r) if key != "workers"]
    columns = [Column("figure"), *(Column(f"{r['workers']} worker(s)", justify="right") for r in results)]
    rows = [[key, *(str(r.get(key, "")) for r in results)] for key in keys]
    print_records(out, columns, rows, title="Ingest throughput")
    for result in results[1:]:
        out.print(
            f"{result['workers']} workers: {result['speedup_vs_first']}× the ingest speed of "
            f"{results[0]['workers']} (analysis alone {result['analysis_speedup_vs_first']}×, once running "
            f"{result.get('steady_speedup_vs_first', '?')}×); "
            f"{result['busy_cores']} cores busy, CPU per article {result['cpu_per_article_vs_first']}× "
            f"that of {results[0]['workers']}",
            soft_wrap=False,
        )


def run_quotes(args: argparse.Namespace) -> int:
    from veille.runners.bench import bench_quotes

    report = bench_quotes(args.db, rows=args.rows, queries=args.queries)
    figures = [{"query": name, **value} for name, value in report.items() if isinstance(value, dict)]
    if args.format == "json":
        print_json(report)
        return 0
    if args.format == "jsonl":
        print_jsonl(figures)
        return 0
    rows = [[f["query"], str(f["p50_ms"]), str(f["p95_ms"])] for f in figures]
    columns = [Column("query"), Column("p50 ms", justify="right"), Column("p95 ms", justify="right")]
    print_records(console, columns, rows, title=f"Quote search on {report['rows']:,} quotations")
    return 0


def run_crash(args: argparse.Namespace) -> int:
    from veille.runners.crash import bench_crash

    if args.articles < 1 or args.kills < 0:
        raise SettingsError("--articles must be at least 1 and --kills 0 or more")
    report = bench_crash(args.articles, args.kills, seed=args.seed)
    print_json(report)
    return 0 if report["equal_to_uninterrupted"] and report["integrity_check"] == "ok" else 1


def run_writes(args: argparse.Namespace) -> int:
    from veille.runners.bench import bench_writes

    report = bench_writes(args.inputs, count=args.count, block=args.block)
    if print_records_as(args.format, report):
        return 0
    rows = [[f"{row['stored']:,}", str(row["ms_per_article"])] for row in report]
    columns = [Column("articles stored", justify="right"), Column("ms per article written", justify="right")]
    print_records(console, columns, rows, title="Store writes")
    return 0


def run_analysis(args: argparse.Namespace) -> int:
    from veille.runners.bench_scale import bench_analysis

    lengths = [int(n) for n in args.lengths.split(",") if n.strip()]
    report = bench_analysis(
        args.inputs, count=args.count, rounds=args.rounds, lengths=lengths, cores=args.cores
    )
    if args.format == "json":
        print_json(report)
        return 0
    if args.format == "jsonl":  # one line per figure set: the summary, each length, each size
        summary = {k: v for k, v in report.items() if k not in ("lengths", "estimate")}
        print_jsonl([summary, *report["lengths"], *report["estimate"]])
        return 0
    console.print(
        f"{report['articles']} articles of {report['mean_words']} words, {report['rounds']} rounds: full "
        f"analysis {report['full_s']} s, raw nlp.pipe {report['raw_pipe_s']} s → "
        f"[bold]{report['full_vs_raw_pipe']}×[/bold] the speed of parsing alone "
        f"(in CPU seconds: [bold]{report['full_vs_raw_pipe_cpu']}×[/bold]); "
        f"{report['per_core_articles_per_s']} articles/s on one core "
        f"({report['per_core_cpu_articles_per_s']} per CPU second)"
    )
    cpu_ms = report["stage_cpu_ms"]
    shares = [
        [name, f"{100 * share:.1f} %", str(cpu_ms.get(name, ""))]
        for name, share in report["stage_share"].items()
    ]
    shares.append(["all stages", "", str(report["stages_cpu_ms"])])
    columns = [
        Column("stage"),
        Column("share of the time", justify="right"),
        Column("CPU ms per article", justify="right"),
    ]
    print_records(console, columns, shares, title="Where the time goes")
    _print_rows(report["lengths"], "Analysis time against article length")
    _print_rows(report["estimate"], "On paper, from the per-core rate and the store's size per article")
    return 0


def run_ray_bench(args: argparse.Namespace) -> int:
    from veille.runners.bench_scale import bench_ray

    report = bench_ray(args.inputs, count=args.count, actors=args.actors, rounds=args.rounds)
    if not print_records_as(args.format, [report]):
        _print_rows([report], "Ray runner (one node) against the local runner")
    return 0


def _print_rows(rows: list[dict[str, Any]], title: str) -> None:
    """Print figure rows transposed, a figure a line and a column per row: narrow however many."""

    def cell(value: Any) -> str:
        return f"{value:,}" if isinstance(value, int) else str(value)

    keys = list(dict.fromkeys(k for row in rows for k in row))
    columns = [Column("figure"), *(Column("", justify="right") for _ in rows)]
    cells = [[key, *(cell(row.get(key, "")) for row in rows)] for key in keys]
    print_records(console, columns, cells, title=title)
