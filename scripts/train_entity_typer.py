"""Retrain the entity type corrector and report what its leave-one-article-out changes would be.

Runs the real pipeline, with the corrector switched off, on every annotated article the
project may train on (the seed, ../shared/corpus/dev, ../shared/corpus/dev2 d2-001..d2-024
and the open project gold, veille.eval.training; never the held-out nor the blind sets).
Each finished PER, ORG or LOC entity the eval matcher maps to a PER, ORG or LOC gold entity
is a row (veille.analysis.entities.typer.features), labelled with the gold entity's type.
Fits a multinomial logistic regression (scikit-learn), scores each article with a model
trained on the others, and chooses the lowest threshold whose cross-validated changes (those
the references allow, veille.analysis.entities.typer.allowed) are right at least PRECISION
of the time over at least LEAST_RIGHT right ones. Writes
src/veille/analysis/lang/fr/data/entity_typer.json.

Usage: .venv/bin/python scripts/train_entity_typer.py [--shared ../shared] [--rows rows.json]
       [--no-write]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from veille.analysis.entities.keeper import pointers
from veille.analysis.entities.typer import FEATURES, TYPES, allowed, features
from veille.eval import training
from veille.eval.gold import Gold
from veille.eval.harness import load_cases
from veille.eval.matching import map_entities
from veille.model import Document

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "src/veille/analysis/lang/fr/data/entity_typer.json"
PRECISION = 0.95  # a right type made wrong costs what a wrong one fixed gains
LEAST_RIGHT = 10  # a precision over fewer changes measures nothing
# Inverse regularisation strength, chosen by the cross-validation (1 and 10 changed fewer types at 95 %).
C = 3.0
THRESHOLDS = [round(0.5 + 0.025 * k, 3) for k in range(20)]  # 0.5 … 0.975
OFF = 1.01
# The threshold ships one step above the lowest that reaches PRECISION: the step below that one
# is where the cross-validated changes start to go wrong, and unseen text is noisier.
MARGIN = 0.025

Row = dict  # {"article", "name", "type", "gold", "main", "allowed", "features"}


def training_golds(shared: Path) -> list[Path]:
    """Return the gold files the corrector may learn from (veille.eval.training)."""
    return training.training_golds(shared, ROOT)


def collect(golds: list[Path]) -> list[Row]:
    """Run the pipeline (corrector off) on each gold's article and return one row per typed entity."""
    from veille.analysis.pipeline import Pipeline

    training.refuse_unallowed(golds)
    pipeline = Pipeline()
    pipeline.typer = pipeline.merger = None  # the keeper's output, before the merger after it
    cases = load_cases(golds)
    rows: list[Row] = []
    for path, case, doc in zip(golds, cases, pipeline.pipe(c.article for c in cases), strict=True):
        if isinstance(doc, Document):
            rows += article_rows(f"{path.parent.name}/{path.name}", case.gold, doc)
    return rows


def article_rows(article: str, gold: Gold, doc: Document) -> list[Row]:
    """Return the rows of one analysed article against its gold."""
    emap = map_entities(gold, doc)
    pointed = pointers(doc)
    rows: list[Row] = []
    for entity in doc.entities:
        index = emap.mapping.get(entity.id)
        if entity.type not in TYPES or index is None or gold.entities[index].type not in TYPES:
            continue
        rows.append(
            {
                "article": article,
                "name": entity.name,
                "type": entity.type,
                "gold": gold.entities[index].type,
                "main": emap.main.get(index) == entity.id and not gold.entities[index].optional,
                "allowed": [t for t in TYPES if allowed(entity, t, pointed)],
                "features": features(entity, doc, pointed),
            }
        )
    return rows


def fit(rows: list[Row]) -> LogisticRegression:
    """Fit the corrector on ``rows`` (the gold type)."""
    x = np.array([r["features"] for r in rows])
    y = np.array([r["gold"] for r in rows])
    return LogisticRegression(C=C, max_iter=3000, fit_intercept=False).fit(x, y)


def leave_one_article_out(rows: list[Row]) -> list[dict[str, float]]:
    """Return each row's type probabilities by a model trained on the other articles."""
    probs: list[dict[str, float]] = [{} for _ in rows]
    for article in sorted({r["article"] for r in rows}):
        held = [i for i, r in enumerate(rows) if r["article"] == article]
        model = fit([r for r in rows if r["article"] != article])
        table = model.predict_proba(np.array([rows[i]["features"] for i in held]))
        for i, p in zip(held, table, strict=True):
            probs[i] = {t: float(v) for t, v in zip(model.classes_, p, strict=True)}
    return probs


def changes(rows: list[Row], probs: list[dict[str, float]], threshold: float) -> Counter[str]:
    """Count the allowed changes at ``threshold``: ``right`` (to the gold type), ``undone``
    (a right type made wrong), ``wrong`` (a wrong type made another wrong one)."""
    counts: Counter[str] = Counter()
    for row, p in zip(rows, probs, strict=True):
        best = max(p, key=lambda t: p[t])
        if best == row["type"] or p[best] < threshold or best not in row["allowed"]:
            continue
        kind = "right" if best == row["gold"] else "undone" if row["type"] == row["gold"] else "wrong"
        counts[kind] += 1
        counts[f"{kind}_main"] += row["main"]
    return counts


def precision(counts: Counter[str]) -> float:
    """Return the share of right changes among all changes."""
    made = counts["right"] + counts["undone"] + counts["wrong"]
    return counts["right"] / made if made else 0.0


def chosen(table: dict[float, Counter[str]]) -> float:
    """Return the lowest threshold reaching PRECISION over at least LEAST_RIGHT right changes,
    plus MARGIN (OFF if none)."""
    for threshold in THRESHOLDS:
        if table[threshold]["right"] >= LEAST_RIGHT and precision(table[threshold]) >= PRECISION:
            return round(threshold + MARGIN, 3)
    return OFF


def main(argv: list[str] | None = None) -> int:
    rows, write = training.ranker_rows(__doc__, ROOT, collect, argv)
    print(f"{len(rows)} entities: {dict(Counter((r['type'], r['gold']) for r in rows))}", file=sys.stderr)
    probs = leave_one_article_out(rows)
    table = {t: changes(rows, probs, t) for t in THRESHOLDS}
    threshold = chosen(table)
    training.report_curve(table, precision, threshold)
    if write:
        model = fit(rows)
        weights = {
            str(t): {name: round(float(w), 4) for name, w in zip(FEATURES, coef, strict=True)}
            for t, coef in zip(model.classes_, model.coef_, strict=True)
        }
        out = {
            "about": "Entity type corrector (multinomial logistic regression); retrain with "
            "scripts/train_entity_typer.py",
            "threshold": threshold,
            "weights": weights,
        }
        TABLE.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
