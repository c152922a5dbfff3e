"""Measure what the link stage adds to analysis time (issue 8: under 10 %).

Run: .venv/bin/python benchmarks/bench_link.py [FILES…] (default: the seed and ../shared/corpus/dev).
Prints the time of the whole pipeline and of the link stage alone over the same parsed articles.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from veille.analysis.clean import clean_article
from veille.analysis.parse import parse_articles
from veille.analysis.pipeline import Pipeline
from veille.ingest import read_sources
from veille.model import Article, Document
from veille.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    dev = ROOT.parent / "shared" / "corpus" / "dev"
    paths = argv or [str(ROOT / "examples" / "seed.txt"), *sorted(str(p) for p in dev.glob("*.txt"))]
    articles = [a for a in read_sources(paths) if isinstance(a, Article)]
    pipeline = Pipeline(Settings())
    list(pipeline.analyze_many(articles[:1]))  # warm up: model, KB cache
    rounds = 3
    started = time.perf_counter()
    for _ in range(rounds):
        list(pipeline.analyze_many(articles))
    total = (time.perf_counter() - started) / rounds
    cleaned = [clean_article(a) for a in articles]
    parsed = list(parse_articles(pipeline.nlp, iter(cleaned), 16))
    link_time = 0.0
    for _ in range(rounds):
        for article, doc in zip(cleaned, parsed, strict=True):
            document = Document(article=article)
            for name, stage in pipeline.stages:
                if name == "link":
                    began = time.perf_counter()
                    document = stage(document, doc)
                    link_time += time.perf_counter() - began
                    break
                document = stage(document, doc)
    link_time /= rounds
    print(f"{len(articles)} articles: pipeline {total:.3f} s, link stage {link_time:.4f} s "
          f"({100 * link_time / total:.1f} % of analysis time)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
