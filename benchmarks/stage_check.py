"""Check that speed work leaves the analysis unchanged, and time or profile the stages alone.

Not a test: a tool for speed work on the stages. Every article allowed for error study (the
seed, dev, dev2 d2-001..d2-024, tests/gold, gold2 to gold27: never the blind gold28,
gold29, gold36, gold40 and gold43 nor the held-out d2-025..d2-036) plus one long text made of
them (about 5,000 words) is parsed once (``dump --long 20000`` adds one of about 20,000 words); then

    .venv/bin/python benchmarks/stage_check.py dump /tmp/before.json    # analysis JSON, sorted keys
    .venv/bin/python benchmarks/stage_check.py compare /tmp/before.json /tmp/after.json
    .venv/bin/python benchmarks/stage_check.py time --rounds 3          # CPU ms an article, stages only
    .venv/bin/python benchmarks/stage_check.py profile --rounds 2 --top 40
    .venv/bin/python benchmarks/stage_check.py sample --rounds 3 --top 40   # by line, sampled
    .venv/bin/python benchmarks/stage_check.py ab /tmp/veille-main/src --rounds 3 --freeze
    .venv/bin/python benchmarks/stage_check.py lengths --words 1000,5000,20000
    .venv/bin/python benchmarks/stage_check.py lengths --base /tmp/veille-main/src --tries 4
    .venv/bin/python benchmarks/stage_check.py full /tmp/veille-main/src --rounds 3 --copies 60

``ab`` times two versions of the stages in one process, taking turns article by article:
the version in this checkout against another source tree (``git archive main | tar -x -C
/tmp/veille-main``), loaded under another package name. On a shared machine whose load
drifts by tens of percent within a minute, runs made one after the other in separate
processes cannot be compared; turns of a few milliseconds can. ``--freeze`` moves every object
alive before the timed rounds (both trees' parses, the loaded tables) out of the cyclic
collector's walks (``gc.freeze``, as the runners' ``settle_tables``): otherwise each full
collection walks some 540 held parses, and falls in one stage or another by chance, which
moved a stage's figure by 10 % where its code had not changed (sixteenth session).

``full`` times the whole analysis (cleaning, parsing, stages) of this checkout and of another
tree against a raw ``nlp.pipe`` of the same texts, the three taking turns in one process, in
CPU seconds: the seed copied ``--copies`` times (what ``veille bench analysis`` runs), then
the allowed articles once each.

``sample`` profiles by line: a ``SIGPROF`` timer every half millisecond of CPU counts the
line of veille's code innermost on the stack, and each function on it (inclusive). cProfile
counts calls only: a Token's attributes (``token.lower_``, ``token.children``) are C
properties whose cost it charges to the line that reads them, and it inflates small Python
calls; the sampler sees both as they are (seventeenth session).

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
import gc
import importlib
import json
import pstats
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

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
    folders = ("gold", "gold2", "gold3", "gold4", "gold5", "gold6", "gold7", "gold8", "gold9", "gold10")
    folders += ("gold11", "gold12", "gold13", "gold14", "gold15", "gold16", "gold17", "gold18")
    folders += ("gold19", "gold20", "gold21", "gold22", "gold23", "gold24", "gold25", "gold26", "gold27")
    for folder in folders:
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


def dump(out: Path, long_words: int) -> None:
    """Write each article's analysis as JSON with sorted keys (and one long text's, if asked)."""
    pipeline = Pipeline(Settings())
    outputs: dict[str, str] = {}
    pairs = prepared(pipeline)
    if long_words:
        from veille.runners.bench_scale import long_article

        article = pipeline.prepare(long_article([a for a, _ in pairs[:-1]], long_words, 0))
        assert isinstance(article, Article)
        parse = parse_articles(pipeline.nlp, [article], 1, pipeline.settings.max_sentence_tokens)
        pairs.append((article, next(parse)))
    for n, (article, parsed) in enumerate(pairs):
        document = pipeline.run_stages(article, parsed)  # type: ignore[arg-type]
        # numbered: two folders may hold texts of the same name (gold3 and gold7 do)
        outputs[f"{n:03d} {article.source or article.id}"] = json.dumps(
            document.to_dict(), sort_keys=True, ensure_ascii=False
        )
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
    rounds_ms = ", ".join(f"{t:.2f}" for t in totals)
    print(f"{len(pairs)} articles; stages CPU ms an article per round: {rounds_ms}")
    print("  ".join(f"{n} {1000 * s / rounds / len(pairs):.2f}" for n, s in per_stage.items()))


class _Timed:
    def __init__(self, stage: object, name: str, into: dict[str, float]) -> None:
        self.stage, self.name, self.into = stage, name, into

    def __call__(self, doc: Document, parsed: object) -> Document:
        started = time.process_time()
        try:
            return self.stage(doc, parsed)  # type: ignore[operator]
        finally:
            self.into[self.name] += time.process_time() - started


def lengths(words: list[int], tries: int, src: Path | None = None) -> None:
    """Print each stage's CPU ms per 1,000 words on one article of each length, made of the
    allowed texts one after another (the fastest of ``tries``): flat when linear. With
    ``src`` (another tree's ``src/``), that tree's stages run too, taking turns with these
    on the same parse, and each length prints both rows and their ratio."""
    from veille.runners.bench_scale import long_article

    pipeline = Pipeline(Settings())
    runs: list[tuple[str, Any, Any]] = [("this", pipeline, None)]
    if src is not None:
        other = load_base(src).Pipeline(
            importlib.import_module("veille_base.settings").Settings(), nlp=pipeline.nlp
        )
        runs.append(("base", other, importlib.import_module("veille_base.model").Article))
    texts = articles()[:-1]
    for n, size in enumerate(words):
        raw = long_article(texts, size, n)
        article = pipeline.prepare(raw)
        assert isinstance(article, Article)
        # the other tree cleans its own copy (its Article class, its paragraphs)
        own = {
            name: article if made is None else runner.prepare(made(**dataclasses.asdict(raw)))
            for name, runner, made in runs
        }
        parsed = next(parse_articles(pipeline.nlp, [article], 1, pipeline.settings.max_sentence_tokens))
        count = len(article.text.split())
        best: dict[str, dict[str, float]] = {}
        for t in range(tries):
            for name, runner, _made in runs if t % 2 == 0 else runs[::-1]:
                spent = {stage: 0.0 for stage, _ in runner.stages}
                timed_stages = [(stage, _Timed(run, stage, spent)) for stage, run in runner.stages]
                saved, runner.stages = runner.stages, timed_stages
                try:
                    runner.run_stages(own[name], parsed)
                finally:
                    runner.stages = saved
                if name not in best or sum(spent.values()) < sum(best[name].values()):
                    best[name] = spent
        for name, spent in best.items():
            per = {stage: 1e6 * s / count for stage, s in spent.items()}
            row = "  ".join(f"{stage} {ms:.1f}" for stage, ms in per.items())
            label = f" {name}" if src is not None else ""
            print(f"{count:6d} words{label}: stages {sum(per.values()):6.1f} ms per 1,000 words; {row}")
        if src is not None:
            print(
                f"{count:6d} words: this / base {sum(best['this'].values()) / sum(best['base'].values()):.3f}"
            )


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


def sample(rounds: int, top: int) -> None:
    """Print the lines and the functions (inclusive) of veille's code where the stages spend
    their CPU time, sampled every 0.5 ms over ``rounds`` passes (collector frozen)."""
    import collections
    import signal
    from types import FrameType

    pipeline = Pipeline(Settings())
    pairs = prepared(pipeline)
    for article, parsed in pairs:  # warm: lazy tables, compiled patterns
        pipeline.run_stages(article, parsed)  # type: ignore[arg-type]
    gc.collect()
    gc.freeze()
    lines: collections.Counter[str] = collections.Counter()
    functions: collections.Counter[str] = collections.Counter()

    def count(_signal: int, frame: FrameType | None) -> None:
        seen: set[str] = set()
        innermost = True
        while frame is not None:
            path = frame.f_code.co_filename
            if "/veille/" in path:
                where = path.rsplit("/veille/", 1)[1]
                if innermost:
                    lines[f"{where}:{frame.f_lineno} {frame.f_code.co_name}"] += 1
                    innermost = False
                name = f"{where} {frame.f_code.co_qualname}"
                if name not in seen:
                    seen.add(name)
                    functions[name] += 1
            frame = frame.f_back

    signal.signal(signal.SIGPROF, count)
    signal.setitimer(signal.ITIMER_PROF, 0.0005, 0.0005)
    try:
        for _ in range(rounds):
            for article, parsed in pairs:
                pipeline.run_stages(article, parsed)  # type: ignore[arg-type]
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
    total = max(1, sum(lines.values()))
    print(f"{total} samples over {rounds} passes of {len(pairs)} articles")
    for title, counter in (("functions, inclusive", functions), ("lines", lines)):
        print(f"-- {title}")
        for name, n in counter.most_common(top):
            print(f"{100 * n / total:6.2f} %  {name}")


def load_base(src: Path) -> ModuleType:
    """Import the ``veille`` package of another source tree as ``veille_base``."""
    target = Path(tempfile.mkdtemp(prefix="veille-ab-")) / "veille_base"
    shutil.copytree(src / "veille", target, ignore=shutil.ignore_patterns("__pycache__"))
    imports = re.compile(r"^(\s*)(from|import) veille\b", re.MULTILINE)
    for path in target.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        text = imports.sub(r"\1\2 veille_base", text)
        text = text.replace('files("veille.', 'files("veille_base.').replace(
            'PACKAGE = "veille.', 'PACKAGE = "veille_base.'
        )
        path.write_text(text, encoding="utf-8")
    sys.path.insert(0, str(target.parent))
    return importlib.import_module("veille_base.analysis.pipeline")


def ab(src: Path, rounds: int, freeze: bool = False) -> None:
    """Time this checkout's stages against another tree's, in turns, in one process."""
    base = load_base(src)
    base_settings = importlib.import_module("veille_base.settings")
    ours = Pipeline(Settings())
    theirs = base.Pipeline(base_settings.Settings(), nlp=ours.nlp)
    mine = prepared(ours)
    read = importlib.import_module("veille_base.runners.ingest").read_inputs
    base_articles = [a for a in read([str(f) for f in allowed_files()]) if not hasattr(a, "reason")]
    long_text = "\n\n".join(a.text for a in base_articles[:13])
    base_articles.append(
        dataclasses.replace(base_articles[0], id="long-5000", source="long-5000", text=long_text)
    )
    ready = [theirs.prepare(a) for a in base_articles]
    parse = importlib.import_module("veille_base.analysis.parse").parse_articles
    other = list(zip(ready, parse(ours.nlp, ready, 16, ours.settings.max_sentence_tokens), strict=True))
    assert len(other) == len(mine), "the two trees read the articles differently"
    spent = {"base": [0.0] * rounds, "this": [0.0] * rounds}
    runs: list[tuple[str, Any, list[Any]]] = [("this", ours, mine), ("base", theirs, other)]
    outputs: dict[str, list[str]] = {}
    for _ in range(2):  # warm both: lazy tables, compiled patterns
        for name, pipeline, pairs in runs:
            outputs[name] = [
                json.dumps(pipeline.run_stages(*pair).to_dict(), sort_keys=True) for pair in pairs
            ]
    same = sum(a == b for a, b in zip(outputs["this"], outputs["base"], strict=True))
    print(f"{same} of {len(mine)} analyses identical in the two trees")
    if freeze:
        gc.collect()
        gc.freeze()
    per_stage: dict[str, dict[str, float]] = {"this": {}, "base": {}}
    for name, pipeline, _pairs in runs:
        per_stage[name] = {stage: 0.0 for stage, _ in pipeline.stages}
        pipeline.stages = [(stage, _Timed(run, stage, per_stage[name])) for stage, run in pipeline.stages]
    for r in range(rounds):
        for k in range(len(mine)):
            for name, pipeline, pairs in runs if (r + k) % 2 == 0 else runs[::-1]:
                started = time.process_time()
                pipeline.run_stages(*pairs[k])
                spent[name][r] += time.process_time() - started
    n = len(mine)
    for r in range(rounds):
        b, t = 1000 * spent["base"][r] / n, 1000 * spent["this"][r] / n
        print(f"round {r + 1}: base {b:.2f} ms, this {t:.2f} ms an article: this / base {t / b:.3f}")
    b, t = sum(spent["base"]), sum(spent["this"])
    per = 1000 / n / rounds
    for stage in per_stage["this"]:
        b_ms, t_ms = per_stage["base"].get(stage, 0.0) * per, per_stage["this"][stage] * per
        print(f"  {stage:10} base {b_ms:6.2f} ms, this {t_ms:6.2f} ms")
    print(f"{n} articles, {rounds} rounds: this / base {t / b:.3f} ({b * per:.2f} → {t * per:.2f} ms)")


def full(src: Path, rounds: int, copies: int) -> None:
    """Time the full analysis of this checkout and of another tree against raw ``nlp.pipe``."""
    from veille.analysis.clean import clean_article
    from veille.analysis.pipeline import analyze_records

    base = load_base(src)
    ours = Pipeline(Settings())
    theirs = base.Pipeline(importlib.import_module("veille_base.settings").Settings(), nlp=ours.nlp)
    base_records = importlib.import_module("veille_base.analysis.pipeline").analyze_records
    base_article = importlib.import_module("veille_base.model").Article
    allowed = articles()[:-1]
    seed = allowed[0]
    sets = {
        f"seed x{copies}": [dataclasses.replace(seed, id=f"seed-{n}") for n in range(copies)],
        f"{len(allowed)} open articles": allowed,
    }
    batch = ours.settings.batch_size
    for label, batch_articles in sets.items():
        texts = [clean_article(a).text for a in batch_articles]
        theirs_in = [base_article(**dataclasses.asdict(a)) for a in batch_articles]
        runs: dict[str, Any] = {
            "raw nlp.pipe": lambda texts=texts: list(ours.nlp.pipe(texts, batch_size=batch)),
            "base": lambda items=theirs_in: base_records(theirs, items),
            "this": lambda items=batch_articles: analyze_records(ours, items),
        }
        for run in runs.values():
            run()  # warm: lazy tables, compiled patterns, the model's caches
        spent: dict[str, list[float]] = {name: [] for name in runs}
        for r in range(rounds):
            order = list(runs) if r % 2 == 0 else list(runs)[::-1]
            for name in order:
                started = time.process_time()
                runs[name]()
                spent[name].append(time.process_time() - started)
        raw, b, t = (sorted(spent[n])[len(spent[n]) // 2] for n in ("raw nlp.pipe", "base", "this"))
        n = len(batch_articles)
        print(
            f"{label}: CPU ms an article (median of {rounds}): raw nlp.pipe {1000 * raw / n:.1f}, "
            f"base {1000 * b / n:.1f}, this {1000 * t / n:.1f}; "
            f"full / raw: base {raw / b:.3f}×, this {raw / t:.3f}×"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    dumping = sub.add_parser("dump")
    dumping.add_argument("out", type=Path)
    dumping.add_argument("--long", type=int, default=0, help="add one text of about this many words")
    cmp = sub.add_parser("compare")
    cmp.add_argument("before", type=Path)
    cmp.add_argument("after", type=Path)
    tim = sub.add_parser("time")
    tim.add_argument("--rounds", type=int, default=3)
    pro = sub.add_parser("profile")
    pro.add_argument("--rounds", type=int, default=2)
    pro.add_argument("--top", type=int, default=40)
    pro.add_argument("--sort", default="tottime")
    sampled = sub.add_parser("sample")
    sampled.add_argument("--rounds", type=int, default=3)
    sampled.add_argument("--top", type=int, default=40)
    sizes = sub.add_parser("lengths")
    sizes.add_argument("--words", default="1000,5000,20000")
    sizes.add_argument("--tries", type=int, default=2)
    sizes.add_argument("--base", type=Path, default=None, help="another tree's src/, timed in turns")
    two = sub.add_parser("ab")
    two.add_argument("base", type=Path, help="another source tree's src/ folder")
    two.add_argument("--rounds", type=int, default=3)
    two.add_argument("--freeze", action="store_true", help="gc.freeze() before the timed rounds")
    whole = sub.add_parser("full")
    whole.add_argument("base", type=Path, help="another source tree's src/ folder")
    whole.add_argument("--rounds", type=int, default=3)
    whole.add_argument("--copies", type=int, default=60)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.out, args.long)
    elif args.command == "compare":
        return compare(args.before, args.after)
    elif args.command == "time":
        timed(args.rounds)
    elif args.command == "sample":
        sample(args.rounds, args.top)
    elif args.command == "lengths":
        lengths([int(w) for w in args.words.split(",")], args.tries, args.base)
    elif args.command == "ab":
        ab(args.base, args.rounds, args.freeze)
    elif args.command == "full":
        full(args.base, args.rounds, args.copies)
    else:
        profile(args.rounds, args.top, args.sort)
    return 0


if __name__ == "__main__":
    sys.exit(main())
