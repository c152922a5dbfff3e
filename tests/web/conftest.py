"""Fixtures for the API and page tests: a store built from the example articles, an app over it.

The store is analysed once per session (the French model, in this process) from
examples/seed.txt and tests/web/data/hostile.txt (an invented article carrying markup).
Tests that write get their own copy.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install -e '.[dev,web]'")

from fastapi.testclient import TestClient

from veille.api.config import ServerConfig
from veille.runners.ingest import ingest
from veille.settings import Settings
from veille.web.app import create_app

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "seed.txt"
HOSTILE = Path(__file__).resolve().parent / "data" / "hostile.txt"


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of the seed article and the hostile one, analysed for real (read-only use)."""
    path = tmp_path_factory.mktemp("web") / "veille.db"
    summary = ingest([str(SEED), str(HOSTILE)], Settings(db_path=path, workers=0))
    assert summary.failed == 0 and summary.ingested == 2
    return path


@pytest.fixture
def store_copy(built_store: Path, tmp_path: Path) -> Path:
    """A copy of the built store that a test may write to."""
    target = tmp_path / "veille.db"
    shutil.copyfile(built_store, target)
    return target


@pytest.fixture(scope="session")
def client(built_store: Path) -> Iterator[TestClient]:
    """A client of the app over the built store, bound to loopback, no token (reads only here)."""
    with TestClient(create_app(ServerConfig(db_path=built_store))) as test_client:
        yield test_client
