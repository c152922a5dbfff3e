"""The rows the store's queries return: a quotation, an event, an entity, a cluster, an article.

Frozen dataclasses with no SQL: ``queries.py`` and ``browse.py`` build them from their
statements, and the CLI, the API (``to_dict`` is its JSON) and the web pages read them, so
the shape of a result is defined once, apart from how it is fetched.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, cast


class _Hit:
    """A result row of the store's queries; ``to_dict`` is its JSON (nested rows as dicts)."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(cast(Any, self))  # every hit is a dataclass


@dataclass(frozen=True)
class Source:
    """One article that reports a quotation or an event."""

    article: str
    date: str | None
    source: str | None
    url: str | None
    start: int
    end: int


@dataclass(frozen=True)
class QuoteHit(_Hit):
    """A quotation (one corpus quote), its speaker and every article that reports it."""

    id: int
    text: str
    kind: str
    cue: str | None
    day: str | None
    speaker: str | None
    speaker_id: int | None
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class EventHit(_Hit):
    """An event with its actors, recipients and the sentence that states it."""

    type: str
    date: str | None
    trigger: str
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    location: str | None
    negated: bool
    modality: str
    article: str
    source: str | None
    sentence: str
    # Corpus entity ids of the actors and recipients, in the same order (None: not linked),
    # so that pages and graphs can link each name to its entity.
    actor_ids: tuple[int | None, ...] = ()
    target_ids: tuple[int | None, ...] = ()


@dataclass(frozen=True)
class EntityHit(_Hit):
    """A corpus entity: its name, how often it appears and every variant it goes by."""

    id: int
    name: str
    type: str
    kb_id: str | None
    country: str | None
    articles: int
    mentions: int
    variants: tuple[str, ...]


@dataclass(frozen=True)
class Variant:
    """One name a corpus entity goes by, and in how many articles."""

    name: str
    articles: int


@dataclass(frozen=True)
class ClusterHit(_Hit):
    """A corpus entity under review: its variants, the articles behind them and how sure the clustering is."""

    id: int
    name: str
    type: str
    kb_id: str | None
    articles: int
    confidence: float  # the weakest link of its document entities (1.0: KB id or a manual decision)
    manual: bool  # shaped by a manual merge or split
    variants: tuple[Variant, ...]


@dataclass(frozen=True)
class ArticleHit(_Hit):
    """An article found by full-text search, with a snippet around the match."""

    id: str
    date: str | None
    source: str | None
    title: str | None
    snippet: str
