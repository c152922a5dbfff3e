"""Build the FastAPI app: the API under /api (veille.api), the pages, static files, /docs, the error shape.

The web package is the top layer: it imports the API, never the other way round.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from veille import __version__
from veille.api import errors, routes, writes
from veille.api.config import ServerConfig
from veille.api.deps import Analyzer
from veille.api.middleware import BodyLimit, SecurityHeaders
from veille.store.db import connect
from veille.web import pages

STATIC = Path(__file__).resolve().parent / "static"

DESCRIPTION = """Who said what, who did what to whom, when and where — from French news, with the evidence.

Reads are open. Writes (`POST /api/articles`) need `Authorization: Bearer <token>` when the server
was started with `--token`, and are refused when it listens beyond loopback without one.
Every error is `{"error": {"code": …, "message": …}}`. Lists page with `limit` and `offset`.
"""


def create_app(config: ServerConfig) -> FastAPI:
    """Build the app for one store; create and migrate the store if it is not there yet."""
    connect(config.db_path).close()
    app = FastAPI(
        title="veille",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,  # served below from the vendored Swagger UI: no CDN, no inline script
        redoc_url=None,
    )
    app.state.config = config
    app.state.analyzer = Analyzer(config)
    errors.install(app, pages.render_error)
    app.include_router(routes.router)
    app.include_router(writes.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        # Browsers ask for it on every JSON view; no icon is better than a logged 404.
        return Response(status_code=204)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(SWAGGER_PAGE)

    # Outermost last: the body cap runs first, the headers go on every answer, 413 included.
    app.add_middleware(BodyLimit, limit=config.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app


SWAGGER_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>veille API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/static/vendor/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/static/vendor/swagger-ui-bundle.js"></script>
<script src="/static/docs.js"></script></body></html>
"""
