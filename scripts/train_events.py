"""Retrain the learned event detector and report its leave-one-article-out figures.

Runs the real pipeline on every annotated article the project may train on (the seed,
../shared/corpus/dev, ../shared/corpus/dev2 d2-001..d2-024, and the open project
gold (veille.eval.training.TRAINING_FOLDERS); never the held-out d2-025..d2-036 nor the blind sets
(veille.eval.training.BLIND_FOLDERS)),
gathers the detector's proposals (veille.analysis.events.features) for
the words the rules leave, labels a proposal positive when its event alone matches a gold
event that the rules' events do not (the evaluation's own matching, eval/matching.py), fits
a logistic regression (scikit-learn) and writes the weights to
src/veille/analysis/lang/fr/data/event_detector.json.

The threshold is chosen by leave-one-article-out cross-validation: each article is held
out in turn, the model is fitted on the others, and the article's events (the rules' and
the model's above the threshold) are matched to its gold; the lowest threshold whose added
events are right at least --precision of the time (0.65), five of them at least, and whose
F1 of rules + model beats the rules alone is kept (veille.eval.training.chosen_threshold);
when none qualifies the table keeps threshold 1 (off). The curve is printed and stored.

Usage: .venv/bin/python scripts/train_events.py [--shared ../shared] [--cache rows.pickle]
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

from veille.analysis.events.features import FEATURES, Candidate
from veille.analysis.events.learned import load_detector
from veille.analysis.events.stage import event_identity
from veille.analysis.pipeline import Pipeline
from veille.eval import training
from veille.eval.harness import load_cases
from veille.eval.matching import map_entities, match_events
from veille.eval.training import PRECISION_FLOOR, chosen_threshold, event_counter, prf
from veille.model import Event

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "src/veille/analysis/lang/fr/data/event_detector.json"
C = 0.3  # inverse regularisation strength
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(1, 20))

Row = dict[str, Any]


def training_golds(shared: Path) -> list[Path]:
    """Return the gold files the detector may learn from (veille.eval.training)."""
    return training.training_golds(shared, ROOT)


def collect(golds: list[Path], pipeline: Pipeline | None = None) -> tuple[list[Row], dict[str, Any]]:
    """Run the pipeline (a new one unless given) on each article; return the proposals' rows
    and, per article, what the cross-validation needs (gold, document with the rules' events)."""
    training.refuse_unallowed(golds)
    cases = load_cases(golds)
    pipeline = pipeline or Pipeline()
    detector = load_detector()
    rows: list[Row] = []
    articles: dict[str, Any] = {}
    for path, case in zip(golds, cases, strict=True):
        detector.collect = []
        doc = pipeline.analyze(case.article)
        proposed = [c for _doc, _found, batch in detector.collect for c in batch]
        detector.collect = None
        name = f"{path.parent.name}/{path.name.removesuffix('.gold.json')}"  # names repeat across sets
        emap = map_entities(case.gold, doc)
        articles[name] = (case.gold, doc, emap)
        rows.extend(_row(name, candidate) for candidate in proposed)
    return rows, articles


def _row(name: str, candidate: Candidate) -> Row:
    return {
        "article": name,
        "token": candidate.token.i,
        "word": candidate.token.text,
        "neighbour": candidate.neighbour,
        "cosine": candidate.cosine,
        "type": candidate.event.type,
        "features": candidate.features,
        "event": candidate.event,
    }


def label(rows: list[Row], articles: dict[str, Any]) -> None:
    """Label each proposal: positive when its event alone matches a gold event the rules'
    events do not match and its word is, among the words whose proposals match that gold
    event, the nearest to the trigger table (the gold files name no trigger word: the
    sentence may name the same parties around other words, *lundi*, *président*); the
    other proposals that match it are left out of training (``label`` None)."""
    by_article: dict[str, list[Row]] = {}
    for row in rows:
        by_article.setdefault(row["article"], []).append(row)
    for name, held in by_article.items():
        gold, doc, emap = articles[name]
        live = dataclasses.replace(doc, events=tuple(e for e in doc.events if not e.negated))
        taken = set(match_events(gold, live, emap))
        best: dict[int, float] = {}
        for row in held:
            row["gold"] = (
                set(match_events(gold, dataclasses.replace(doc, events=(row["event"],)), emap)) - taken
            )
            for g in row["gold"]:
                best[g] = max(best.get(g, 0.0), row["cosine"])
        for row in held:
            if not row["gold"]:
                row["label"] = False
            else:
                row["label"] = True if any(row["cosine"] >= best[g] for g in row["gold"]) else None


def fit(rows: list[Row], c: float) -> LogisticRegression:
    """Fit the logistic regression on the rows (bias is a feature)."""
    kept = [r for r in rows if r["label"] is not None]
    x = [r["features"] for r in kept]
    y = [int(r["label"]) for r in kept]
    # Two all-zero rows, one of each class, keep the solver defined on a tiny set (one class
    # or none); with every feature at zero (the bias too) they move no weight.
    x += [[0.0] * len(FEATURES)] * 2
    y += [0, 1]
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=5000)
    model.fit(np.array(x), np.array(y))
    return model


def chosen(rows: list[Row], scores: np.ndarray, threshold: float) -> list[Event]:
    """Return the best proposal's event of each word whose score passes the threshold."""
    best: dict[int, tuple[float, Event]] = {}
    for row, p in zip(rows, scores, strict=True):
        if p >= threshold and p > best.get(row["token"], (-1.0, None))[0]:
            best[row["token"]] = (float(p), row["event"])
    return [best[i][1] for i in sorted(best)]


def cross_validate(rows: list[Row], articles: dict[str, Any], c: float) -> dict[float, Counter[str]]:
    """Return, per threshold, the event counts of rules + model with each article held out."""
    curve: dict[float, Counter[str]] = {t: Counter() for t in THRESHOLDS}
    by_article: dict[str, list[Row]] = {}
    for row in rows:
        by_article.setdefault(row["article"], []).append(row)
    for name, (gold, doc, emap) in articles.items():
        train = [r for r in rows if r["article"] != name]
        held = by_article.get(name, [])
        scores = fit(train, c).predict_proba(np.array([r["features"] for r in held]))[:, 1] if held else []
        before = event_counter(gold, doc, emap)["found"]
        for threshold in THRESHOLDS:
            events = list(doc.events)
            seen = {event_identity(e) for e in events}
            for event in chosen(held, np.asarray(scores), threshold):
                if event_identity(event) not in seen:
                    seen.add(event_identity(event))
                    events.append(event)
            after = event_counter(gold, dataclasses.replace(doc, events=tuple(events)), emap)
            curve[threshold] += after
            curve[threshold]["added"] += len(events) - len(doc.events)
            curve[threshold]["gained"] += after["found"] - before
    return curve


def main(argv: list[str] | None = None, pipeline: Pipeline | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--golds", type=Path, nargs="*", help="train on these gold files instead")
    parser.add_argument("--no-write", action="store_true", help="report only; keep the shipped weights")
    parser.add_argument("--c", type=float, default=C)
    parser.add_argument("--precision", type=float, default=PRECISION_FLOOR)
    parser.add_argument("--out", type=Path, default=TABLE, help="where to write the weights")
    parser.add_argument("--cache", type=Path, help="read (if it exists) or write the gathered proposals here")
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
    positives = sum(bool(r["label"]) for r in rows)
    print(f"{len(rows)} proposals, {positives} positive", file=sys.stderr)
    with threadpool_limits(1):  # small fits: one BLAS thread is many times faster on a busy machine
        curve = cross_validate(rows, articles, args.c)
    rules = Counter[str]()
    for gold, doc, emap in articles.values():
        rules += event_counter(gold, doc, emap)
    table_curve = {}
    for threshold, count in curve.items():
        added, gained = count["added"], count["gained"]
        precision = round(gained / added, 3) if added else None
        table_curve[str(threshold)] = {
            "p_r_f1": prf(count), "added": added, "gained": gained, "added_precision": precision,
        }  # fmt: skip
        print(
            threshold, prf(count), "added", added, "gained", gained, "precision", precision, file=sys.stderr
        )
    best = max(THRESHOLDS, key=lambda t: (prf(curve[t])[2], t))
    # The detector is switched off (threshold 1: no proposal passes) unless some threshold
    # adds events right often enough and makes rules + model better than the rules alone.
    threshold = chosen_threshold(curve, rules, args.precision)
    report = {
        "articles": len(articles),
        "proposals": len(rows),
        "positive": positives,
        "rules_p_r_f1": prf(rules),
        "best_threshold": best,
        "rules_plus_model_p_r_f1": prf(curve[best]),
        "threshold": threshold,
        "curve": table_curve,
    }
    print(json.dumps({k: v for k, v in report.items() if k != "curve"}, indent=1))
    if not args.no_write:
        model = fit(rows, args.c)
        weights = {name: round(float(w), 4) for name, w in zip(FEATURES, model.coef_[0], strict=True)}
        table = {
            "about": "Learned event detector (logistic regression); retrain with scripts/train_events.py",
            "threshold": threshold,
            "weights": weights,
            "leave_one_article_out": report,
        }
        args.out.write_text(json.dumps(table, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
