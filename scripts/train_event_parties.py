"""Retrain the learned party choice of bare triggers and report its leave-one-article-out figures.

Runs the real pipeline on every annotated article the project may train on
(veille.eval.training: the seed, ../shared/corpus/dev, ../shared/corpus/dev2 d2-001..d2-024,
and the open project gold (TRAINING_FOLDERS); never the held-out d2-025..d2-036 nor the blind sets
(veille.eval.training.BLIND_FOLDERS)),
gathers, for every trigger the rules accepted but left without parties, the
party pairs of veille.analysis.events.partyfeatures, and labels a pair positive when the
event it makes matches a required gold event that the rules' events do not (the
evaluation's own matching, eval/matching.py, which maps gold to system entities). A
logistic regression (scikit-learn) is fitted and written to
src/veille/analysis/lang/fr/data/event_party_ranker.json.

The threshold is chosen by leave-one-article-out cross-validation: each article is held out
in turn, the model is fitted on the others, and the article's bare triggers get their best
pair when its probability passes the threshold. The lowest threshold whose added events
are right at least --precision of the time (0.65), five of them at least, and whose F1 of
rules + ranker beats the rules alone is kept (veille.eval.training.chosen_threshold); when
none qualifies the table keeps threshold 1 (off). The report prints, per
threshold, the events added, how many are right, the rules + model P/R/F1, and the party
choice accuracy (bare triggers with a right pair whose best pair is right).

Usage: .venv/bin/python scripts/train_event_parties.py [--shared ../shared] [--cache rows.pickle]
       [--no-write] [--c 0.3] [--precision 0.65]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from threadpoolctl import threadpool_limits

from veille.analysis.events.partyfeatures import FEATURES
from veille.analysis.events.partyrank import load_ranker
from veille.analysis.events.stage import event_identity
from veille.analysis.pipeline import Pipeline
from veille.eval import training
from veille.eval.harness import load_cases
from veille.eval.matching import map_entities, match_events
from veille.eval.training import PRECISION_FLOOR, chosen_threshold, event_counter, prf
from veille.model import Event

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "src/veille/analysis/lang/fr/data/event_party_ranker.json"
C = 0.3  # inverse regularisation strength
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(1, 20))
REAL = ("dev2/", "dev/", "examples/")  # article keys (folder/name) of the real news articles

Row = dict[str, Any]  # one bare trigger: article, its events and pairs' features, labels


def training_golds(shared: Path) -> list[Path]:
    """Return the gold files the ranker may learn from (veille.eval.training)."""
    return training.training_golds(shared, ROOT)


def collect(golds: list[Path], pipeline: Pipeline | None = None) -> tuple[list[Row], dict[str, Any]]:
    """Run the pipeline on each article; return the bare triggers' rows and, per article,
    the gold, the document (with the rules' events) and the entity map."""
    training.refuse_unallowed(golds)
    cases = load_cases(golds)
    pipeline = pipeline or Pipeline()
    ranker = load_ranker()
    rows: list[Row] = []
    articles: dict[str, Any] = {}
    for path, case in zip(golds, cases, strict=True):
        ranker.collect = []
        try:
            doc = pipeline.analyze(case.article)
        finally:
            gathered, ranker.collect = ranker.collect, None
        name = f"{path.parent.name}/{path.name.removesuffix('.gold.json')}"  # names repeat across sets
        emap = map_entities(case.gold, doc)
        articles[name] = (case.gold, doc, emap)
        for proposed in gathered:
            rows.append(
                {
                    "article": name,
                    "token": proposed.token.i,
                    "word": proposed.token.text,
                    "type": proposed.type,
                    "events": proposed.events,
                    "features": [p.features for p in proposed.pairs],
                }
            )
    return rows, articles


def label(rows: list[Row], articles: dict[str, Any]) -> None:
    """Label each pair: True when its event matches a required gold event the rules' events
    do not match."""
    for row in rows:
        gold, doc, emap = articles[row["article"]]
        live = dataclasses.replace(doc, events=tuple(e for e in doc.events if not e.negated))
        taken = set(match_events(gold, live, emap))
        labels = []
        for event in row["events"]:
            matched = set(match_events(gold, dataclasses.replace(doc, events=(event,)), emap)) - taken
            labels.append(any(not gold.events[g].optional for g in matched) and not event.negated)
        row["labels"] = labels


def fit(rows: list[Row], c: float) -> LogisticRegression:
    """Fit the logistic regression on every pair of the rows (bias is a feature)."""
    x = [f for r in rows for f in r["features"]]
    y = [int(v) for r in rows for v in r["labels"]]
    # Two all-zero rows, one of each class, keep the solver defined on a one-class set.
    x += [[0.0] * len(FEATURES)] * 2
    y += [0, 1]
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=5000)
    model.fit(np.array(x), np.array(y))
    return model


def cross_validate(rows: list[Row], articles: dict[str, Any], c: float) -> dict[float, Counter[str]]:
    """Return, per threshold, the counts of rules + ranker with each article held out."""
    curve: dict[float, Counter[str]] = {t: Counter() for t in THRESHOLDS}
    by_article: dict[str, list[Row]] = {}
    for row in rows:
        by_article.setdefault(row["article"], []).append(row)
    for name, (gold, doc, emap) in articles.items():
        held = by_article.get(name, [])
        model = fit([r for r in rows if r["article"] != name], c) if held else None
        best: list[tuple[float, Event, bool, bool]] = []  # (p, event, right, some pair right)
        for row in held:
            assert model is not None
            scores = model.predict_proba(np.array(row["features"]))[:, 1]
            k = int(np.argmax(scores))
            best.append((float(scores[k]), row["events"][k], row["labels"][k], any(row["labels"])))
        for threshold in THRESHOLDS:
            events = list(doc.events)
            seen = {event_identity(e) for e in events}
            for p, event, right, reachable in best:
                curve[threshold]["reachable"] += reachable
                curve[threshold]["top_right"] += reachable and right
                if p >= threshold and event_identity(event) not in seen:
                    seen.add(event_identity(event))
                    events.append(event)
            after = event_counter(gold, dataclasses.replace(doc, events=tuple(events)), emap)
            curve[threshold] += after
            added = len(events) - len(doc.events)
            gained = after["found"] - event_counter(gold, doc, emap)["found"]
            curve[threshold]["added"] += added
            curve[threshold]["gained"] += gained
            if name.startswith(REAL):  # the real news articles (dev2 d2-001..d2-024, dev, seed)
                curve[threshold]["real_added"] += added
                curve[threshold]["real_gained"] += gained
    return curve


def main(argv: list[str] | None = None, pipeline: Pipeline | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--golds", type=Path, nargs="*", help="train on these gold files instead")
    parser.add_argument("--no-write", action="store_true", help="report only; keep the shipped weights")
    parser.add_argument("--c", type=float, default=C)
    parser.add_argument("--precision", type=float, default=PRECISION_FLOOR)
    parser.add_argument("--out", type=Path, default=TABLE, help="where to write the weights")
    parser.add_argument("--cache", type=Path, help="read (if it exists) or write the gathered rows here")
    args = parser.parse_args(argv)
    if args.cache is not None and args.cache.is_file():
        rows, articles = pickle.loads(args.cache.read_bytes())  # a file this script wrote
    else:
        golds = args.golds or training_golds(args.shared)
        print(f"{len(golds)} annotated articles", file=sys.stderr)
        rows, articles = collect(golds, pipeline)
        if args.cache is not None:
            args.cache.write_bytes(pickle.dumps((rows, articles)))
    label(rows, articles)
    pairs = sum(len(r["labels"]) for r in rows)
    positive = sum(sum(r["labels"]) for r in rows)
    reachable = sum(any(r["labels"]) for r in rows)
    summary = f"{len(rows)} bare triggers, {pairs} pairs, {positive} positive"
    print(f"{summary}, {reachable} triggers with a right pair", file=sys.stderr)
    with threadpool_limits(1):  # small fits: one BLAS thread is 20 times faster on a busy machine
        curve = cross_validate(rows, articles, args.c)
    rules = Counter[str]()
    for gold, doc, emap in articles.values():
        rules += event_counter(gold, doc, emap)
    table_curve = {}
    for threshold, count in curve.items():
        added, gained = count["added"], count["gained"]
        precision = round(gained / added, 3) if added else None
        choice = round(count["top_right"] / count["reachable"], 3) if count["reachable"] else None
        table_curve[str(threshold)] = {
            "p_r_f1": prf(count), "added": added, "right": gained, "added_precision": precision,
            "real_added": count["real_added"], "real_right": count["real_gained"],
        }  # fmt: skip
        real = f"real {count['real_gained']}/{count['real_added']}"
        print(
            threshold,
            prf(count),
            "added",
            added,
            "right",
            gained,
            "precision",
            precision,
            real,
            file=sys.stderr,
        )
    choice = (
        round(curve[THRESHOLDS[0]]["top_right"] / curve[THRESHOLDS[0]]["reachable"], 3) if reachable else None
    )
    threshold = chosen_threshold(curve, rules, args.precision)
    report = {
        "articles": len(articles),
        "bare_triggers": len(rows),
        "pairs": pairs,
        "positive": positive,
        "triggers_with_a_right_pair": reachable,
        "party_choice_accuracy": choice,
        "rules_p_r_f1": prf(rules),
        "threshold": threshold,
        "rules_plus_model_p_r_f1": prf(curve[threshold]) if threshold < 1.0 else prf(rules),
        "curve": table_curve,
    }
    print(json.dumps({k: v for k, v in report.items() if k != "curve"}, indent=1))
    if not args.no_write:
        model = fit(rows, args.c)
        weights = {name: round(float(w), 4) for name, w in zip(FEATURES, model.coef_[0], strict=True)}
        table = {
            "about": "Learned party choice for bare triggers (logistic regression); "
            "retrain with scripts/train_event_parties.py",
            "threshold": threshold,
            "weights": weights,
            "leave_one_article_out": report,
        }
        args.out.write_text(json.dumps(table, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
