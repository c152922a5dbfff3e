"""Tally the required gold events the rules miss by what the two learned event parts hold.

One pipeline run on every article a model may train on (veille.eval.training; never the
held-out dev2 part nor the blind sets) gathers, as the training scripts do, the detector's
proposals (scripts/train_events.py) and the bare triggers' party pairs
(scripts/train_event_parties.py). Each required gold event the rules' events do not match
(the evaluation's own matching, eval/matching.py) is counted once, under the first class
that holds:

- ``both`` / ``detector`` / ``ranker``: a proposal of that part would match it alone;
- ``party not an entity``: a gold actor or recipient that no system entity maps to;
- ``parties right, type wrong``: a rule event has its actor and its recipient;
- ``type right, one party wrong``: a rule event has its type and one of its parties;
- ``no candidate``: none of these.

Prints the counts for all articles, the real news articles (seed, dev, dev2) and each gold
folder given with --folder. Totals only: no article is printed.

Usage: .venv/bin/python scripts/event_learner_tally.py [--shared ../shared] [--cache rows.pickle]
       [--folder gold15 ...]
"""

from __future__ import annotations

import argparse
import dataclasses
import pickle
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from veille.analysis.events.learned import load_detector
from veille.analysis.events.partyrank import load_ranker
from veille.analysis.pipeline import Pipeline
from veille.eval import training
from veille.eval.gold import Gold, GoldEvent
from veille.eval.harness import load_cases
from veille.eval.matching import EntityMap, map_entities, match_events
from veille.model import Document, Event

ROOT = Path(__file__).resolve().parent.parent
REAL = ("dev2/", "dev/", "examples/")  # article keys (folder/name) of the real news articles
CLASSES = (
    "both",
    "detector",
    "ranker",
    "party not an entity",
    "parties right, type wrong",
    "type right, one party wrong",
    "no candidate",
)

Article = tuple[Gold, Document, EntityMap, list[Event], list[Event]]  # gold, doc, map, proposals, pairs


def collect(golds: list[Path]) -> dict[str, Article]:
    """Run the pipeline once per article with both learned parts' hooks set."""
    training.refuse_unallowed(golds)
    pipeline = Pipeline()
    detector, ranker = load_detector(), load_ranker()
    out: dict[str, Article] = {}
    for path, case in zip(golds, load_cases(golds), strict=True):
        detector.collect, ranker.collect = [], []
        try:
            doc = pipeline.analyze(case.article)
            proposed = [c.event for _doc, _found, batch in detector.collect for c in batch]
            paired = [e for bare in ranker.collect for e in bare.events if not e.negated]
        finally:
            detector.collect = ranker.collect = None
        key = f"{path.parent.name}/{path.name.removesuffix('.gold.json')}"
        out[key] = (case.gold, doc, map_entities(case.gold, doc), proposed, paired)
    return out


def reached(gold: Gold, doc: Document, emap: EntityMap, events: list[Event]) -> set[int]:
    """Return the gold events that one of ``events`` matches on its own."""
    found: set[int] = set()
    for event in events:
        found |= set(match_events(gold, dataclasses.replace(doc, events=(event,)), emap))
    return found


def first_class(
    gold: Gold, gold_event: GoldEvent, doc: Document, emap: EntityMap, by_detector: bool, by_ranker: bool
) -> str:
    """Return the first class of :data:`CLASSES` that holds for a missed gold event."""
    if by_detector or by_ranker:
        return "both" if by_detector and by_ranker else "detector" if by_detector else "ranker"
    sources, targets = set(gold_event.source), set(gold_event.target)
    told = [
        (e.type, {emap.gold_name(gold, x) for x in e.source}, {emap.gold_name(gold, x) for x in e.target})
        for e in doc.events
        if not e.negated
    ]
    mapped = {gold.entities[i].name for i in emap.mapping.values()}
    if not (sources & mapped and targets & mapped):
        return "party not an entity"
    if any(s & sources and t & targets for _kind, s, t in told):
        return "parties right, type wrong"
    if any(kind in gold_event.types and (s & sources or t & targets) for kind, s, t in told):
        return "type right, one party wrong"
    return "no candidate"


def tally(articles: dict[str, Article], folders: list[str]) -> dict[str, Counter[str]]:
    """Return the counts of each class: over all articles, the real ones, and each folder."""
    counts: dict[str, Counter[str]] = {"all": Counter(), "real": Counter()}
    counts.update({folder: Counter() for folder in folders})
    for key, (gold, doc, emap, proposed, paired) in articles.items():
        live = dataclasses.replace(doc, events=tuple(e for e in doc.events if not e.negated))
        taken = set(match_events(gold, live, emap))
        by_detector, by_ranker = reached(gold, doc, emap, proposed), reached(gold, doc, emap, paired)
        for g, gold_event in enumerate(gold.events):
            if gold_event.optional or g in taken:
                continue
            kind = first_class(gold, gold_event, doc, emap, g in by_detector, g in by_ranker)
            counts["all"][kind] += 1
            counts["real"][kind] += key.startswith(REAL)
            for folder in folders:
                counts[folder][kind] += key.startswith(f"{folder}/")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--cache", type=Path, help="read (if it exists) or write the gathered articles here")
    parser.add_argument("--folder", action="append", default=[], help="also count this gold folder alone")
    args = parser.parse_args(argv)
    articles: dict[str, Any]
    if args.cache is not None and args.cache.is_file():
        articles = pickle.loads(args.cache.read_bytes())  # a file this script wrote
    else:
        golds = training.training_golds(args.shared, ROOT)
        print(f"{len(golds)} annotated articles", file=sys.stderr)
        articles = collect(golds)
        if args.cache is not None:
            args.cache.write_bytes(pickle.dumps(articles))
    counts = tally(articles, args.folder)
    print("class".ljust(30), *(name.rjust(8) for name in counts))
    for kind in CLASSES:
        print(kind.ljust(30), *(str(count[kind]).rjust(8) for count in counts.values()))
    print("missed".ljust(30), *(str(sum(count.values())).rjust(8) for count in counts.values()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
