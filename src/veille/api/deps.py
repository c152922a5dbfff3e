"""What the routes share: the server's configuration, a store connection per request,
the analysis pipeline (loaded once, on first use), and the write check."""

from __future__ import annotations

import hmac
import sqlite3
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

from fastapi import Request

from veille.api.config import ServerConfig
from veille.api.errors import ApiError
from veille.model import Article, Document
from veille.store.db import connect

if TYPE_CHECKING:
    from veille.analysis.pipeline import Pipeline


def config_of(request: Request) -> ServerConfig:
    """Return the configuration the app was built with."""
    config: ServerConfig = request.app.state.config
    return config


def reader(request: Request) -> Iterator[sqlite3.Connection]:
    """Open the store read-only for one request (WAL: reads never wait for a writer)."""
    conn = connect(config_of(request).db_path, readonly=True)
    try:
        yield conn
    finally:
        conn.close()


class Analyzer:
    """The analysis pipeline of this server process, built on first use and shared.

    spaCy's pipeline is not safe to call from two threads at once, so one lock serialises
    analyses; the model loads once (seconds), not per request.
    """

    def __init__(self, config: ServerConfig) -> None:
        self._config = config
        self._pipeline: Pipeline | None = None
        self._lock = threading.Lock()

    def analyze(self, article: Article) -> Document:
        """Analyse one article, loading the pipeline first if this is the first call."""
        with self._lock:
            if self._pipeline is None:
                # Imported here: the pages and read endpoints never need spaCy.
                from veille.analysis.pipeline import Pipeline

                self._pipeline = Pipeline(self._config.settings)
            return self._pipeline.analyze(article)


def analyzer_of(request: Request) -> Analyzer:
    """Return the app's one analyzer."""
    analyzer: Analyzer = request.app.state.analyzer
    return analyzer


def require_writer(request: Request) -> None:
    """Let a write through when it carries the server's bearer token, or when the server
    has no token and listens on loopback only; else 401 or 403."""
    config = config_of(request)
    if config.token is None:
        if config.loopback:
            return
        raise ApiError(403, "forbidden", "writes are off: start the server with --token to allow them")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), config.token.encode()):
        raise ApiError(
            401, "unauthorized", "this write needs the header Authorization: Bearer <token>",
            headers={"WWW-Authenticate": "Bearer"},
        )  # fmt: skip
