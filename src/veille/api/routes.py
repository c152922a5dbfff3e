"""The read endpoints under /api: articles, entities, quotes, events, the actor graph, search.

Every list takes ``limit`` (at most MAX_PAGE) and ``offset`` (at most MAX_OFFSET) and answers
``{"items", "limit", "offset", "next_offset"}`` in a stable order: ``next_offset`` is null on
the last page. Each reads the store through the same functions the CLI uses.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Annotated, Any, Generic, Literal, TypeVar

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel

from veille.api.config import MAX_OFFSET, MAX_PAGE
from veille.api.deps import reader
from veille.api.errors import ERROR_RESPONSES, ApiError
from veille.errors import StoreError
from veille.model import ENTITY_TYPES, EVENT_TYPES, QUOTE_KINDS, Document
from veille.store.browse import (
    ArticleRow,
    EntityRecord,
    Graph,
    entity_events,
    entity_quotes,
    entity_record,
    event_graph,
    list_articles,
    quotes_per_week,
)
from veille.store.hits import ArticleHit, EntityHit, EventHit, QuoteHit
from veille.store.queries import (
    MARK_END,
    MARK_START,
    find_entities,
    find_events,
    find_quotes,
    search,
    store_counts,
)
from veille.store.reads import find_article, load_document

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)
Store = Annotated[sqlite3.Connection, Depends(reader)]

T = TypeVar("T")

# Query parameters shared by the list endpoints.
PERIOD = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"rows per page (1–{MAX_PAGE})")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip (stable order)")]
Since = Annotated[str | None, Query(pattern=PERIOD, description="on or after: YYYY-MM-DD, YYYY-MM or YYYY")]
Until = Annotated[str | None, Query(pattern=PERIOD, description="on or before: YYYY-MM-DD, YYYY-MM or YYYY")]
Words = Annotated[
    str | None, Query(max_length=500, description="full text, every word required, accents ignored")
]
Name = Annotated[str | None, Query(max_length=200, description="any variant of a name (Poutine, V. Poutine)")]


class Page(BaseModel, Generic[T]):
    """One page of a list, with the offset of the next page (null on the last)."""

    items: list[T]
    limit: int
    offset: int
    next_offset: int | None


def page(fetch: Callable[[int], Sequence[T]], limit: int, offset: int) -> Page[T]:
    """Fetch one row more than asked: it says whether a next page exists."""
    rows = list(fetch(limit + 1))
    return Page[T](
        items=rows[:limit],
        limit=limit,
        offset=offset,
        next_offset=offset + limit if len(rows) > limit else None,
    )


def window(rows: Sequence[T], offset: int) -> list[T]:
    """Skip ``offset`` rows of a query that only takes a limit (asked for offset + limit)."""
    return list(rows[offset:])


@router.get("/health", summary="Is the server up, and how much does the store hold")
def health(conn: Store) -> dict[str, Any]:
    return {"status": "ok", "counts": store_counts(conn)}


@router.get("/articles", response_model=Page[ArticleRow], summary="List articles, latest first")
def articles(
    conn: Store,
    q: Words = None,
    since: Since = None,
    until: Until = None,
    source: Annotated[str | None, Query(max_length=500, description="the source, exactly")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[ArticleRow]:
    return page(
        lambda n: list_articles(
            conn, since=since, until=until, source=source, search=q, limit=n, offset=offset
        ),
        limit,
        offset,
    )


@router.get(
    "/articles/{article_id}",
    response_model=Document,
    summary="One article's full analysis (veille.analysis/1)",
)
def article(
    conn: Store,
    article_id: Annotated[str, Path(max_length=200, description="the article's id, or a unique prefix")],
) -> dict[str, Any]:
    try:
        document = load_document(conn, find_article(conn, article_id))
    except StoreError as error:
        raise ApiError(404, "not_found", error.reason) from None
    return document.to_dict()


def _check_type(value: str | None, known: tuple[str, ...], what: str) -> str | None:
    if value is not None and value.upper() not in known:
        raise ApiError(422, "invalid_request", f"{what} {value!r} is not one of {', '.join(known)}")
    return value.upper() if value else None


@router.get("/entities", response_model=Page[EntityHit], summary="Find entities by any name variant")
def entities(
    conn: Store,
    q: Name = None,
    type: Annotated[
        str | None, Query(description="PER, ORG, LOC or MISC", json_schema_extra={"enum": list(ENTITY_TYPES)})
    ] = None,
    country: Annotated[
        str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO 3166 alpha-3: RUS")
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[EntityHit]:
    kind = _check_type(type, ENTITY_TYPES, "type")
    return page(
        lambda n: window(find_entities(conn, name=q, type=kind, country=country, top=offset + n), offset),
        limit,
        offset,
    )


EntityId = Annotated[int, Path(ge=1, le=2**62, description="the corpus entity id")]


def _entity(conn: sqlite3.Connection, entity_id: int) -> EntityRecord:
    record = entity_record(conn, entity_id)
    if record is None:
        raise ApiError(404, "not_found", f"no entity {entity_id} in the store")
    return record


class EntityPage(BaseModel):
    """An entity's record and its quotations per ISO week."""

    entity: EntityRecord
    quotes_per_week: list[tuple[str, int]]


@router.get("/entities/{entity_id}", response_model=EntityPage, summary="One entity: names, roles, counts")
def entity(conn: Store, entity_id: EntityId) -> EntityPage:
    return EntityPage(entity=_entity(conn, entity_id), quotes_per_week=quotes_per_week(conn, entity_id))


@router.get(
    "/entities/{entity_id}/quotes",
    response_model=Page[QuoteHit],
    summary="An entity's quotations, newest first",
)
def entity_quote_list(
    conn: Store, entity_id: EntityId, limit: Limit = 50, offset: Offset = 0
) -> Page[QuoteHit]:
    _entity(conn, entity_id)
    return page(lambda n: entity_quotes(conn, entity_id, limit=n, offset=offset), limit, offset)


@router.get(
    "/entities/{entity_id}/events",
    response_model=Page[EventHit],
    summary="Events an entity acts in or is the recipient of",
)
def entity_event_list(
    conn: Store,
    entity_id: EntityId,
    role: Annotated[Literal["actor", "recipient"], Query(description="actor or recipient")] = "actor",
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[EventHit]:
    _entity(conn, entity_id)
    side: Literal["source", "target"] = "source" if role == "actor" else "target"
    return page(lambda n: entity_events(conn, entity_id, side, limit=n, offset=offset), limit, offset)


@router.get("/quotes", response_model=Page[QuoteHit], summary="Who said what: quotations, latest first")
def quotes(
    conn: Store,
    speaker: Name = None,
    q: Words = None,
    since: Since = None,
    until: Until = None,
    kind: Annotated[
        Literal["direct", "mixed", "indirect"] | None, Query(description=", ".join(QUOTE_KINDS))
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[QuoteHit]:
    return page(
        lambda n: window(
            find_quotes(
                conn, speaker=speaker, search=q, since=since, until=until, kind=kind, limit=offset + n
            ),
            offset,
        ),
        limit,
        offset,
    )


EventType = Annotated[
    str | None, Query(description="a PLOVER type", json_schema_extra={"enum": list(EVENT_TYPES)})
]


@router.get("/events", response_model=Page[EventHit], summary="Who did what to whom: events, latest first")
def events(
    conn: Store,
    type: EventType = None,
    actor: Name = None,
    recipient: Name = None,
    place: Name = None,
    q: Words = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[EventHit]:
    kind = _check_type(type, EVENT_TYPES, "type")
    return page(
        lambda n: find_events(
            conn,
            type=kind,
            actor=actor,
            target=recipient,
            place=place,
            search=q,
            since=since,
            until=until,
            limit=n,
            offset=offset,
        ),
        limit,
        offset,
    )


@router.get("/graph", response_model=Graph, summary="Who acts on whom: entities and event edges")
def graph(
    conn: Store,
    type: EventType = None,
    actor: Name = None,
    since: Since = None,
    until: Until = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="most frequent edges kept")] = 300,
) -> Graph:
    kind = _check_type(type, EVENT_TYPES, "type")
    return event_graph(conn, type=kind, actor=actor, since=since, until=until, limit=limit)


class SearchResult(BaseModel):
    """Articles, quotations and entities matching the words (accents ignored)."""

    articles: list[ArticleHit]
    quotes: list[QuoteHit]
    entities: list[EntityHit]


@router.get("/search", response_model=SearchResult, summary="Search articles, quotations and entities")
def search_all(
    conn: Store,
    q: Annotated[str, Query(min_length=1, max_length=500, description="words; accents ignored")],
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20,
) -> SearchResult:
    found = search(conn, q, limit=limit)
    articles = [ArticleHit(**{**hit.to_dict(), "snippet": plain(hit.snippet)}) for hit in found["articles"]]
    return SearchResult(
        articles=articles, quotes=found["quotes"], entities=find_entities(conn, name=q, top=limit)
    )


def plain(snippet: str) -> str:
    """Drop the store's match markers from a snippet (JSON carries the plain text)."""
    return snippet.replace(MARK_START, "").replace(MARK_END, "")
