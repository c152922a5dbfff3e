"""The events layer on the invented articles of tests/gold4, annotated by
reading (every layer, to ANNOTATION.md) before veille was run on them: written for
tests/gold2, and kept apart until the project2 floors can take the entity and quote errors
they also expose."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.analysis.pipeline import Pipeline
from veille.eval.harness import evaluate

pytestmark = [pytest.mark.model, pytest.mark.slow]

ARTICLES = sorted((Path(__file__).resolve().parent.parent / "gold4").glob("evt-*.gold.json"))


def test_invented_event_articles(pipeline: Pipeline) -> None:
    result = evaluate(ARTICLES, pipeline=pipeline).to_dict()
    metrics = result["total"]
    assert len(result["articles"]) == 2
    assert metrics["events.precision"] >= 0.90, metrics
    assert metrics["events.recall"] >= 0.70, metrics
