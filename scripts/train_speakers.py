"""Retrain the quote speaker ranker and report its leave-one-article-out accuracy.

Runs the real pipeline on every annotated article the project may train on (the seed,
../shared/corpus/dev, ../shared/corpus/dev2 d2-001..d2-024, and the open project
gold (veille.eval.training.TRAINING_FOLDERS); never the held-out d2-025..d2-036 nor the blind sets
(veille.eval.training.BLIND_FOLDERS)),
gathers each quotation's candidate speakers with their features
(veille.analysis.quotes.candidates), labels a candidate by whether it maps to the gold
speaker, fits a logistic regression (scikit-learn) and writes the weights to
src/veille/analysis/lang/fr/data/quote_speaker_ranker.json.

Usage: .venv/bin/python scripts/train_speakers.py [--shared ../shared] [--rows rows.json]
       [--no-write]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from veille.analysis.quotes.ranker import FEATURES
from veille.analysis.quotes.stage import QuoteStage
from veille.eval import training
from veille.eval.matching import TextIndex, map_entities, match_quotes
from veille.model import Document

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "src/veille/analysis/lang/fr/data/quote_speaker_ranker.json"
THRESHOLD = 0.15  # below this best score, the quotation keeps no speaker
C = 0.1  # inverse regularisation strength (strong: few quotations are left to the ranker)


Row = dict  # {"article", "quote", "ruled", "candidates": [[features, label]], "gold_known"}


def training_golds(shared: Path) -> list[Path]:
    """Return the gold files the ranker may learn from (veille.eval.training)."""
    return training.training_golds(shared, ROOT)


def collect(golds: list[Path]) -> list[Row]:
    """Run the pipeline on each article and return one row per matched gold quotation."""
    rows: list[Row] = []
    for path, gold, doc, records in training.collected(golds, QuoteStage, same_ids=True):
        rows.extend(_rows(path.name, gold, doc, records))
    return rows


def _rows(article: str, gold, doc: Document, records) -> list[Row]:  # type: ignore[no-untyped-def]
    emap = map_entities(gold, doc)
    pairs = match_quotes(gold, doc, TextIndex(doc.article.text))
    out: list[Row] = []
    for g, s in pairs.items():
        want = gold.quotes[g].speaker
        quote = doc.quotes[s]
        record = next((r for r in records if r[0] <= quote.start and quote.end <= r[1]), None)
        if not want or record is None:
            continue
        _start, _end, ruled, scored, basis = record
        candidates = [[vector, emap.gold_name(gold, eid) == want] for eid, vector in scored]
        out.append(
            {
                "article": article,
                "quote": g,
                "ruled": None if ruled is None else emap.gold_name(gold, ruled) == want,
                "basis": basis,
                "optional": gold.quotes[g].optional,
                "candidates": candidates,
            }
        )
    return out


def fit(rows: list[Row]) -> LogisticRegression:
    """Fit the logistic regression on every candidate of the rows (bias is a feature)."""
    x = [c[0] for r in rows for c in r["candidates"]]
    y = [int(c[1]) for r in rows for c in r["candidates"]]
    model = LogisticRegression(C=C, fit_intercept=False, max_iter=2000, class_weight="balanced")
    model.fit(np.array(x), np.array(y))
    return model


def pick(model: LogisticRegression, row: Row, threshold: float) -> bool | None:
    """Return whether the model's choice is right, or None when it abstains."""
    if not row["candidates"]:
        return None
    scores = model.predict_proba(np.array([c[0] for c in row["candidates"]]))[:, 1]
    best = int(np.argmax(scores))
    if scores[best] < threshold:
        return None
    return bool(row["candidates"][best][1])


def leave_one_article_out(rows: list[Row], threshold: float) -> Counter[str]:
    """Return counts of the speaker decisions when each article is held out in turn."""
    counts: Counter[str] = Counter()
    for article in sorted({r["article"] for r in rows}):
        train = [r for r in rows if r["article"] != article]
        model = fit(train)
        for row in (r for r in rows if r["article"] == article):
            counts["quotes"] += 1
            if row["ruled"] is not None:
                counts["rules"] += 1
                counts["rules_right"] += int(row["ruled"])
                counts["right"] += int(row["ruled"])
                continue
            counts["ranked"] += 1
            counts["ranked_gold_present"] += int(any(c[1] for c in row["candidates"]))
            verdict = pick(model, row, threshold)
            if verdict is None:
                counts["abstained"] += 1
            else:
                counts["ranked_right"] += int(verdict)
                counts["right"] += int(verdict)
            # The ranker alone, on every quotation (the rules ignored).
        for row in (r for r in rows if r["article"] == article):
            verdict = pick(model, row, threshold)
            counts["alone_right"] += int(bool(verdict))
    return counts


def main(argv: list[str] | None = None) -> int:
    rows, write = training.ranker_rows(__doc__, ROOT, collect, argv)
    counts = leave_one_article_out(rows, THRESHOLD)
    n = counts["quotes"]
    ranked = counts["ranked"] or 1
    report = {
        "articles": len({r["article"] for r in rows}),
        "quotes": n,
        "rules_decide": counts["rules"],
        "rules_accuracy": round(counts["rules_right"] / (counts["rules"] or 1), 3),
        "ranked": counts["ranked"],
        "ranked_accuracy": round(counts["ranked_right"] / ranked, 3),
        "ranked_gold_among_candidates": counts["ranked_gold_present"],
        "abstention_rate_of_ranked": round(counts["abstained"] / ranked, 3),
        "abstention_rate_of_all": round(counts["abstained"] / (n or 1), 3),
        "speaker_accuracy_rules_plus_ranker": round(counts["right"] / (n or 1), 3),
        "ranker_alone_accuracy": round(counts["alone_right"] / (n or 1), 3),
    }
    print(json.dumps(report, indent=1))
    if write:
        model = fit(rows)
        weights = {name: round(float(w), 4) for name, w in zip(FEATURES, model.coef_[0], strict=True)}
        table = {
            "about": "Quote speaker ranker (logistic regression); retrain with scripts/train_speakers.py",
            "threshold": THRESHOLD,
            "weights": weights,
            "trained_on": {"articles": report["articles"], "quotes": n},
            "leave_one_article_out": report,
        }
        TABLE.write_text(json.dumps(table, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {TABLE.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
