"""Retrain the entity merger and report what its leave-one-article-out merges would be.

Runs the real pipeline, with the merger switched off, on every annotated article the project
may train on (the seed, ../shared/corpus/dev, ../shared/corpus/dev2 d2-001..d2-024 and the
open project gold, veille.eval.training; never the held-out nor the blind sets). Each
candidate pair of finished entities (veille.analysis.entities.merger.candidates) is a row,
labelled by the eval matcher's entity map: ``same`` when both entities map to one gold
entity (their mentions are forms of it), ``two`` when they map to two, ``fp`` when either
maps to none (a false entity: such rows are left out of the fit and of the precision, and
counted). Fits a logistic regression (scikit-learn) of ``same`` against ``two``, scores each
article with a model trained on the others, and chooses the lowest threshold whose
cross-validated merges are right at least PRECISION of the time, over at least LEAST_MERGES.
Writes src/veille/analysis/lang/fr/data/entity_merger.json.

Usage: .venv/bin/python scripts/train_entity_merger.py [--shared ../shared] [--rows rows.json]
       [--no-write]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from veille.analysis.entities.merger import FEATURES as FEATURES  # the weights table's names
from veille.analysis.entities.merger import candidates, features
from veille.eval import training
from veille.eval.gold import Gold
from veille.eval.harness import load_cases
from veille.eval.matching import map_entities
from veille.model import Document

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "src/veille/analysis/lang/fr/data/entity_merger.json"
PRECISION = 1.0  # two entities wrongly made one cost more than a variant left apart: none may be
LEAST_MERGES = 10  # a precision over fewer merges measures nothing
C = 3.0  # inverse regularisation strength
THRESHOLDS = [round(0.5 + 0.025 * k, 3) for k in range(20)]  # 0.5 … 0.975
WHAT = "pairs"  # what a row is
ABOUT = "Entity merger (logistic regression); retrain with scripts/train_entity_merger.py"

Row = dict  # {"article", "short", "long", "relation", "label", "features"}


def training_golds(shared: Path) -> list[Path]:
    """Return the gold files the merger may learn from (veille.eval.training)."""
    return training.training_golds(shared, ROOT)


def rows_of(article: str, gold: Gold, doc: Document) -> list[Row]:
    """Return the labelled candidate pairs of one analysed article."""
    emap = map_entities(gold, doc)
    pairs = candidates(doc)
    rows: list[Row] = []
    for pair in pairs:
        a, b = emap.mapping.get(pair.short.id), emap.mapping.get(pair.long.id)
        label = "fp" if a is None or b is None else "same" if a == b else "two"
        rows.append(
            {
                "article": article,
                "short": pair.short.name,
                "long": pair.long.name,
                "relation": pair.relation,
                "label": label,
                "features": features(pair, pairs),
            }
        )
    return rows


def collect(golds: list[Path]) -> list[Row]:
    """Run the pipeline (merger off) on each gold's article and return one row per pair."""
    from veille.analysis.pipeline import Pipeline

    training.refuse_unallowed(golds)
    pipeline = Pipeline()
    pipeline.merger = None  # the rows are what the check sees: the other checks' output
    rows: list[Row] = []
    for path, case in zip(golds, load_cases(golds), strict=True):
        rows += rows_of(path.name, case.gold, pipeline.analyze(case.article))
    return rows


def fit(rows: list[Row]) -> LogisticRegression:
    """Fit the check on the rows labelled ``same`` or ``two``."""
    known = [r for r in rows if r["label"] != "fp"]
    x = np.array([r["features"] for r in known])
    y = np.array([r["label"] == "same" for r in known], dtype=int)
    return LogisticRegression(C=C, max_iter=2000, fit_intercept=False).fit(x, y)


def curve(rows: list[Row], scores: list[float]) -> dict[float, Counter[str]]:
    """Return, for each threshold, the labels of the pairs it would merge."""
    return {t: Counter(r["label"] for r, s in zip(rows, scores, strict=True) if s >= t) for t in THRESHOLDS}


def precision(merges: Counter[str]) -> float:
    """Return the share of right merges among those between two found entities."""
    counted = merges["same"] + merges["two"]
    return merges["same"] / counted if counted else 0.0


def chosen(table: dict[float, Counter[str]]) -> float:
    """Return the lowest threshold reaching PRECISION over at least LEAST_MERGES (1.01, off, if none)."""
    return training.lowest_clean(table, precision, "same", LEAST_MERGES, PRECISION)


def main(argv: list[str] | None = None) -> int:
    return training.binary_check_main(sys.modules[__name__], argv)


if __name__ == "__main__":
    raise SystemExit(main())
