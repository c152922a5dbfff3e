"""Evaluation: gold files (veille.gold/1), matching by DESIGN.md §8, scores and the quality gate."""

from veille.eval.baseline import below_floor, floors_for, raise_floors
from veille.eval.gold import Gold, load_gold
from veille.eval.harness import Evaluation, evaluate, load_cases, score_cases
from veille.eval.scores import ArticleScores, Scores, score_document, total

__all__ = [
    "ArticleScores",
    "Evaluation",
    "Gold",
    "Scores",
    "below_floor",
    "evaluate",
    "floors_for",
    "load_cases",
    "load_gold",
    "raise_floors",
    "score_cases",
    "score_document",
    "total",
]
