"""Check that speed work leaves the analysis unchanged, and time or profile the stages alone.

Not a test: a tool for speed work on the stages. Every article allowed for error study (the
seed, dev, dev2 d2-001..d2-024, tests/gold, gold2, gold4, gold5, gold6) plus one long text
made of them (about 5,000 words) is parsed once; then

    .venv/bin/python benchmarks/stage_check.py dump /tmp/before.json    # analysis JSON, sorted keys
    .venv/bin/python benchmarks/stage_check.py compare /tmp/before.json /tmp/after.json
    .venv/bin/python benchmarks/stage_check.py time --rounds 3          # CPU ms an article, stages only
    .venv/bin/python benchmarks/stage_check.py profile --rounds 2 --top 40

``dump`` writes each article's Document as JSON with sorted keys; ``compare`` names the
articles whose output differs (byte for byte) and exits 1 if any does. ``time`` and
``profile`` run the planned stages over the parses already made (each round on every
article), so the parser's cost stays out of the figures. The blind and held-out sets are
never read: the file list is built from the allowed folders only.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import json
import pstats
import sys
import time
from pathlib import Path

from veille.analysis.parse import parse_articles
from veille.analysis.pipeline import Pipeline
from veille.model import Article, Document
from veille.runners.ingest import read_inputs
from veille.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def allowed_files() -> list[Path]:
    """Return the article texts allowed for error study, in a fixed order."""
    files = [ROOT / "examples" / "seed.txt"]
    files += sorted((SHARED / "corpus" / "dev").glob("fr-*.txt"))
    files += [SHARED / "corpus" / "dev2" / f"d2-{n:03d}.txt" for n in range(1, 25)]
    for folder in ("gold", "gold2", "gold4", "gold5", "gold6"):
        files += sorted((ROOT / "tests" / folder).glob("*.txt"))
    return [f for f in files if f.exists()]


def articles() -> list[Article]:
    """Return the allowed articles, and one long article made of them (about 5,000 words)."""
    read = [a for a in read_inputs([str(f) for f in allowed_files()]) if isinstance(a, Article)]
    long_text = "\n\n".join(a.text for a in read[:13])
    long = dataclasses.replace(read[0], id="long-5000", source="long-5000", text=long_text)
    return [*read, long]


def prepared(pipeline: Pipeline) -> list[tuple[Article, object]]:
    """Return each article cleaned and parsed, once."""
    cleaned = [pipeline.prepare(a) for a in articles()]
    ready = [a for a in cleaned if isinstance(a, Article)]
    docs = list(parse_articles(pipeline.nlp, ready, 16, pipeline.settings.max_sentence_tokens))
    return list(zip(ready, docs, strict=True))


def dump(out: Path) -> None:
    """Write each article's analysis as JSON with sorted keys."""
    pipeline = Pipeline(Settings())
    outputs: dict[str, str] = {}
    for article, parsed in prepared(pipeline):
        document = pipeline.run_stages(article, parsed)  # type: ignore[arg-type]
        outputs[article.source or article.id] = json.dumps(document.to_dict(), sort_keys=True, ensure_ascii=False)
    out.write_text(json.dumps(outputs, sort_keys=True, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{len(outputs)} documents written to {out}")


def compare(before: Path, after: Path) -> int:
    """Name the articles whose analysis differs; return 1 if any does."""
    a = json.loads(before.read_text(encoding="utf-8"))
    b = json.loads(after.read_text(encoding="utf-8"))
    differ = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
    for name in differ:
        print(f"differs: {name}")
    print(f"{len(a)} / {len(b)} documents, {len(differ)} differ")
    return 1 if differ else 0


def timed(rounds: int) -> None:
    """Print the stages' CPU milliseconds per article, per round and per stage."""
    pipeline = Pipeline(Settings())
    pairs = prepared(pipeline)
    per_stage = {name: 0.0 for name, _ in pipeline.stages}
    stages = pipeline.stages
    pipeline.stages = [(name, _Timed(stage, name, per_stage)) for name, stage in stages]  # type: ignore[misc]
    totals = []
    for _ in range(rounds):
        started = time.process_time()
        for article, parsed in pairs:
            pipeline.run_stages(article, parsed)  # type: ignore[arg-type]
        totals.append(1000 * (time.process_time() - started) / len(pairs))
    print(f"{len(pairs)} articles; stages CPU ms an article per round: {', '.join(f'{t:.2f}' for t in totals)}")
    print("  ".join(f"{n} {1000 * s / rounds / len(pairs):.2f}" for n, s in per_stage.items()))


class _Timed:
    def __init__(self, stage: object, name: str, into: dict[str, float]) -> None:
        self.stage, self.name, self.into = stage, name, into

    def __call__(self, doc: Document, parsed: object) -> Document:
        started = time.process_time()
        try:
            return self.stage(doc, parsed)  # type: ignore[operator,no-any-return]
        finally:
            self.into[self.name] += time.process_time() - started


def profile(rounds: int, top: int, sort: str) -> None:
    """Profile the stages over the parsed articles and print the top functions."""
    pipeline = Pipeline(Settings())
    pairs = prepared(pipeline)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(rounds):
        for article, parsed in pairs:
            pipeline.run_stages(article, parsed)  # type: ignore[arg-type]
    profiler.disable()
    pstats.Stats(profiler).sort_stats(sort).print_stats(top)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("dump").add_argument("out", type=Path)
    cmp = sub.add_parser("compare")
    cmp.add_argument("before", type=Path)
    cmp.add_argument("after", type=Path)
    tim = sub.add_parser("time")
    tim.add_argument("--rounds", type=int, default=3)
    pro = sub.add_parser("profile")
    pro.add_argument("--rounds", type=int, default=2)
    pro.add_argument("--top", type=int, default=40)
    pro.add_argument("--sort", default="tottime")
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.out)
    elif args.command == "compare":
        return compare(args.before, args.after)
    elif args.command == "time":
        timed(args.rounds)
    else:
        profile(args.rounds, args.top, args.sort)
    return 0


if __name__ == "__main__":
    sys.exit(main())
