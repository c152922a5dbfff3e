"""The ``veille`` command. Each subcommand parses its arguments and calls one library function.

Subcommands live in their own modules, each with ``register(subparsers)``; COMMANDS
lists them. Errors are VeilleError: one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from veille import __version__
from veille.cli import (
    analyze,
    bench,
    demo,
    entities,
    evaluate,
    events,
    export,
    ingest,
    kb,
    quotes,
    run,
    search,
    serve,
    show,
)
from veille.errors import VeilleError

COMMANDS = [
    analyze,
    demo,
    evaluate,
    ingest,
    quotes,
    events,
    entities,
    show,
    search,
    export,
    kb,
    bench,
    serve,
    run,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="veille",
        description="Who said what, who did what to whom, when and where — from French news.",
    )
    parser.add_argument("--version", action="version", version=f"veille {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what each stage does")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMANDS:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    try:
        return int(args.func(args) or 0)
    except VeilleError as error:
        print(f"veille: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("veille: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
