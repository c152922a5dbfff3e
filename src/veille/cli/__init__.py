"""The ``veille`` command. Each subcommand parses its arguments and calls one library function.

Subcommands live in their own modules, each with ``register(subparsers)``; COMMANDS
lists them. Errors are VeilleError: one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sqlite3
import sys
import threading
from collections.abc import Sequence
from typing import Any

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
from veille.errors import OutputError, StoreError, VeilleError

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
    """Run one command; every error is one line on stderr and an exit code (docs/cli.md)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    previous = _on_sigterm()
    try:
        return int(args.func(args) or 0)
    except VeilleError as error:
        print(f"veille: error: {error}", file=sys.stderr)
        return error.exit_code
    except _Terminated:
        print("veille: terminated", file=sys.stderr)
        return 143
    except KeyboardInterrupt:
        print("veille: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except sqlite3.Error as error:  # a store error no command turned into a StoreError
        print(f"veille: error: {getattr(args, 'db', 'store')}: {error}", file=sys.stderr)
        return StoreError.exit_code
    except OSError as error:  # an output that cannot be written: read-only folder, full disk
        where = f"{error.filename}: " if error.filename else ""
        print(f"veille: error: {where}{error.strerror or error}", file=sys.stderr)
        return OutputError.exit_code
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is so that worker pools and the store close."""


def _on_sigterm() -> Any:
    # Dying on SIGTERM's default action skips every cleanup: the worker pool's queues
    # leak semaphores (Python warns about them) and the run stays "running". Raised as
    # an exception, it unwinds like Ctrl-C.
    if threading.current_thread() is not threading.main_thread():
        return None

    def terminate(_signum: int, _frame: object) -> None:
        raise _Terminated

    previous = signal.signal(signal.SIGTERM, terminate)
    return signal.SIG_DFL if previous is None else previous
