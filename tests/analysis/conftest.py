"""Fixtures shared by the analysis tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def linking_pipeline(nlp, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A pipeline of the entities, resolve and link stages, with a KB cache of its own."""
    from veille.analysis.pipeline import Pipeline
    from veille.settings import Settings

    patch = pytest.MonkeyPatch()
    patch.setenv("VEILLE_CACHE_DIR", str(tmp_path_factory.mktemp("kbcache")))
    yield Pipeline(Settings(stages=("entities", "resolve", "link")), nlp=nlp)
    patch.undo()
