"""Retrain the entity keeper and report what its leave-one-article-out drops would be.

Runs the real pipeline, with the keeper switched off, on every annotated article the project
may train on (the seed, ../shared/corpus/dev, ../shared/corpus/dev2 d2-001..d2-024 and the
open project gold, veille.eval.training; never the held-out nor the blind sets). Each
finished PER, ORG or LOC entity is a row (veille.analysis.entities.keeper.features), labelled
by the eval matcher's entity map: ``fp`` when it shares no form with any gold entity (a false
entity), else ``main`` (the gold entity's main match), ``frag`` (another match of a required
gold entity) or ``opt`` (an optional gold entity's). Fits a logistic regression
(scikit-learn) of ``fp`` against the rest, scores each article with a model trained on the
others, and chooses the lowest threshold whose cross-validated drops are false entities at
least PRECISION of the time (``opt`` drops cost nothing and are left out of it), among
unreferenced entities (the keeper never drops one a quote, an event or a role points to).
Writes src/veille/analysis/lang/fr/data/entity_keeper.json.

Usage: .venv/bin/python scripts/train_entity_keeper.py [--shared ../shared] [--rows rows.json]
       [--no-write]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from veille.analysis.entities.keeper import CHECKED_TYPES, OtherNames, features, referenced
from veille.analysis.entities.keeper import FEATURES as FEATURES  # the weights table's names
from veille.eval import training
from veille.eval.harness import load_cases
from veille.eval.matching import map_entities

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "src/veille/analysis/lang/fr/data/entity_keeper.json"
PRECISION = 1.0  # a dropped found entity costs recall (and an open set's floor): none may be dropped
LEAST_DROPS = 10  # a precision over fewer drops measures nothing
C = 10.0  # inverse regularisation strength (weak: the rare page-furniture features need weight)
THRESHOLDS = [round(0.5 + 0.025 * k, 3) for k in range(19)]  # 0.5 … 0.95
WHAT = "entities"  # what a row is
ABOUT = "Entity keeper (logistic regression); retrain with scripts/train_entity_keeper.py"

Row = dict  # {"article", "name", "type", "label", "referenced", "features"}


def training_golds(shared: Path) -> list[Path]:
    """Return the gold files the keeper may learn from (veille.eval.training)."""
    return training.training_golds(shared, ROOT)


def collect(golds: list[Path]) -> list[Row]:
    """Run the pipeline (keeper off) on each gold's article and return one row per entity."""
    from veille.analysis.pipeline import Pipeline

    training.refuse_unallowed(golds)
    pipeline = Pipeline()
    # The rows are what the check sees: the stages' output, before the checks after it.
    pipeline.keeper = pipeline.typer = pipeline.merger = None
    rows: list[Row] = []
    for path, case in zip(golds, load_cases(golds), strict=True):
        doc = pipeline.analyze(case.article)
        emap = map_entities(case.gold, doc)
        pointed = referenced(doc)
        names = OtherNames.of(doc)
        for entity in doc.entities:
            if entity.type not in CHECKED_TYPES:
                continue
            index = emap.mapping.get(entity.id)
            if index is None:
                label = "fp"
            elif case.gold.entities[index].optional:
                label = "opt"
            else:
                label = "main" if emap.main.get(index) == entity.id else "frag"
            rows.append(
                {
                    "article": path.name,
                    "name": entity.name,
                    "type": entity.type,
                    "label": label,
                    "referenced": entity.id in pointed,
                    "features": features(entity, doc.article.text, names),
                }
            )
    return rows


def fit(rows: list[Row]) -> LogisticRegression:
    """Fit the check on ``rows`` (label fp against the rest)."""
    x = np.array([r["features"] for r in rows])
    y = np.array([r["label"] == "fp" for r in rows], dtype=int)
    return LogisticRegression(C=C, max_iter=2000, fit_intercept=False).fit(x, y)


def curve(rows: list[Row], scores: list[float]) -> dict[float, Counter[str]]:
    """Return, for each threshold, the labels of the unreferenced rows it would drop."""
    return {
        t: Counter(r["label"] for r, s in zip(rows, scores, strict=True) if s >= t and not r["referenced"])
        for t in THRESHOLDS
    }


def precision(drops: Counter[str]) -> float:
    """Return the share of false entities among the drops that cost or gain (not ``opt``)."""
    counted = drops["fp"] + drops["main"] + drops["frag"]
    return drops["fp"] / counted if counted else 0.0


def chosen(table: dict[float, Counter[str]]) -> float:
    """Return the lowest threshold reaching PRECISION over at least LEAST_DROPS drops (1.01, off, if none)."""
    return training.lowest_clean(table, precision, "fp", LEAST_DROPS, PRECISION)


def main(argv: list[str] | None = None) -> int:
    return training.binary_check_main(sys.modules[__name__], argv)


if __name__ == "__main__":
    raise SystemExit(main())
