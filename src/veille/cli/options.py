"""Options several commands share that bound an article's cost: --max-chars, --article-seconds."""

from __future__ import annotations

import argparse
from typing import Any

from veille.settings import check_positive


def add_limit_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--max-chars`` and ``--article-seconds`` (defaults: the environment, else built in)."""
    parser.add_argument(
        "--max-chars",
        type=int,
        help="refuse articles longer than this many characters (default: $VEILLE_MAX_CHARS or 1,000,000)",
    )
    parser.add_argument(
        "--article-seconds",
        type=float,
        help="an article analysed longer than this fails (default: $VEILLE_ARTICLE_SECONDS or 60)",
    )


def limit_settings(args: argparse.Namespace) -> dict[str, Any]:
    """Return the Settings fields the limit options set (none when left to their defaults)."""
    check_positive(args.max_chars, "--max-chars")
    check_positive(args.article_seconds, "--article-seconds")
    fields: dict[str, Any] = {}
    if args.max_chars is not None:
        fields["max_article_chars"] = args.max_chars
    if args.article_seconds is not None:
        fields["article_seconds"] = args.article_seconds
    return fields
