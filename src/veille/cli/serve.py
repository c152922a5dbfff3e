"""``veille serve``: the REST API and the web pages over a store, under uvicorn."""

from __future__ import annotations

import argparse
import os
import socket
from pathlib import Path

from veille.cli.render import console
from veille.cli.store_common import add_store_argument
from veille.errors import SettingsError
from veille.settings import Settings

TOKEN_ENV = "VEILLE_TOKEN"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve the REST API and the web pages over the store (needs the web extra)",
        description="Start the REST API (/api, OpenAPI at /docs) and the web pages over a store. Writes "
        "(POST /api/articles) need the bearer token given by --token or $VEILLE_TOKEN; without one they "
        "are allowed only while the server listens on loopback.",
    )
    add_store_argument(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    parser.add_argument(
        "--token", default=None, help=f"bearer token that writes must carry (default: ${TOKEN_ENV})"
    )
    parser.add_argument("--kb", default=None, help="knowledge base for POST /api/analyze (default: starter)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from veille.api.config import ServerConfig
        from veille.web.app import create_app
    except ImportError as error:
        raise SettingsError(
            f"veille serve needs the web extra ({error.name} is missing): pip install 'veille[web]'"
        ) from None
    if not 0 < args.port < 65536:
        raise SettingsError(f"--port must be between 1 and 65535, not {args.port}")
    check_address(args.host, args.port)
    token = args.token or os.environ.get(TOKEN_ENV) or None
    settings = Settings(db_path=args.db, kb_path=Path(args.kb) if args.kb else None)
    config = ServerConfig(db_path=args.db, host=args.host, port=args.port, token=token, settings=settings)
    app = create_app(config)
    writes = (
        "writes need the token" if token else ("writes open (loopback)" if config.loopback else "writes off")
    )
    console.print(f"veille serving {args.db} at {config.url} ({writes}); API docs at {config.url}docs")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", server_header=False)
    return 0


def check_address(host: str, port: int) -> None:
    """Fail with one line, before the model or the app is built, when the address is taken."""
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as error:
        raise SettingsError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
