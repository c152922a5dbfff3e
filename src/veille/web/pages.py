"""The web pages: server-rendered with Jinja2 (autoescape on), each linking to the JSON it shows.

Pages read the store through the same functions as the API and the CLI, and never write SQL.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import ValidationError

from veille.api.config import MAX_OFFSET, MAX_TEXT_CHARS
from veille.api.deps import analyzer_of, reader
from veille.api.errors import ApiError
from veille.api.writes import TextIn
from veille.errors import StoreError, VeilleError
from veille.ingest.text import article_id
from veille.model import ENTITY_TYPES, EVENT_TYPES, Article, Document
from veille.store.browse import (
    article_entity_ids,
    entity_events,
    entity_quotes,
    entity_record,
    list_articles,
    quote_sentence,
    quotes_per_week,
)
from veille.store.queries import (
    MARK_END,
    MARK_START,
    find_entities,
    find_events,
    search,
    store_counts,
)
from veille.store.reads import find_article, load_document
from veille.web.views import QUAD_CLASSES, blocks_of, events_of, quad_class, week_bars

HERE = Path(__file__).resolve().parent
# Autoescape on for every template, whatever its name; nothing derived from an article is
# ever marked safe.
_env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True))
_env.globals.update(quad_class=quad_class, QUAD_CLASSES=QUAD_CLASSES, EVENT_TYPES=EVENT_TYPES,
                    ENTITY_TYPES=ENTITY_TYPES, MARK_START=MARK_START, MARK_END=MARK_END)  # fmt: skip
templates = Jinja2Templates(env=_env)

router = APIRouter(include_in_schema=False)
Store = Annotated[sqlite3.Connection, Depends(reader)]
PAGE = 50


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render a template; ``json_url`` is the API address of the data the page shows."""
    return templates.TemplateResponse(request, name, context, status_code=status)


def render_error(request: Request, status: int, code: str, message: str) -> Response:
    """The HTML face of the one error shape."""
    return render(request, "error.html", status, status_code=status, code=code, message=message)


def with_query(path: str, **params: Any) -> str:
    """Build a link with the non-empty parameters (urlencoded: safe in an href)."""
    kept = {key: value for key, value in params.items() if value not in (None, "", 0)}
    return f"{path}?{urlencode(kept)}" if kept else path


_env.globals["with_query"] = with_query


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """Split a search snippet at the store's match markers: (text, matched) pairs to escape."""
    parts: list[tuple[str, bool]] = []
    for chunk in snippet.split(MARK_START):
        inside, _, rest = chunk.partition(MARK_END) if MARK_END in chunk else ("", "", chunk)
        if inside:
            parts.append((inside, True))
        if rest:
            parts.append((rest, False))
    return parts


_env.globals["snippet_parts"] = snippet_parts


def web_url(url: str | None) -> str | None:
    """Return an article's own address only when it is http(s): never javascript: or data:."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


_env.globals["web_url"] = web_url


@router.get("/", response_class=HTMLResponse)
def home(request: Request, conn: Store) -> HTMLResponse:
    return render(
        request, "home.html", counts=store_counts(conn), articles=list_articles(conn, limit=10),
        people=find_entities(conn, type="PER", top=12), json_url="/api/health",
    )  # fmt: skip


Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Text = Annotated[str | None, Query(max_length=500)]


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, conn: Store, q: Text = None, offset: Offset = 0) -> HTMLResponse:
    rows = list_articles(conn, search=q, limit=PAGE + 1, offset=offset)
    return render(
        request, "articles.html", rows=rows[:PAGE], q=q or "", offset=offset,
        next_offset=offset + PAGE if len(rows) > PAGE else None,
        json_url=with_query("/api/articles", q=q, offset=offset, limit=PAGE),
    )  # fmt: skip


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, conn: Store, article_id: str) -> HTMLResponse:
    try:
        full_id = find_article(conn, article_id)
        document = load_document(conn, full_id)
    except StoreError as error:
        raise ApiError(404, "not_found", error.reason) from None
    links = article_entity_ids(conn, full_id)
    return render_document(request, document, links, json_url=f"/api/articles/{full_id}")


def render_document(
    request: Request, document: Document, links: dict[str, int], **context: Any
) -> HTMLResponse:
    entities = sorted(document.entities, key=lambda e: (-len(e.mentions), e.name))
    return render(
        request, "article.html", doc=document, blocks=blocks_of(document, links),
        events=events_of(document, links), entities=entities, links=links, **context,
    )  # fmt: skip


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, conn: Store, q: Text = None, type: Text = None) -> HTMLResponse:
    kind = type.upper() if type and type.upper() in ENTITY_TYPES else None
    return render(
        request, "entities.html", rows=find_entities(conn, name=q or None, type=kind, top=100), q=q or "",
        type=kind or "", json_url=with_query("/api/entities", q=q, type=kind, limit=100),
    )  # fmt: skip


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, conn: Store, entity_id: int) -> HTMLResponse:
    record = entity_record(conn, entity_id)
    if record is None:
        raise ApiError(404, "not_found", f"no entity {entity_id} in the store")
    weeks = quotes_per_week(conn, entity_id)
    quotes = entity_quotes(conn, entity_id, limit=100)
    return render(
        request, "entity.html", entity=record, bars=week_bars(weeks), weeks=weeks,
        quotes=quotes, sentences={q.id: quote_sentence(conn, q.sources[0]) for q in quotes if q.sources},
        as_actor=entity_events(conn, entity_id, "source", limit=100),
        as_recipient=entity_events(conn, entity_id, "target", limit=100),
        json_url=f"/api/entities/{entity_id}",
    )  # fmt: skip


Period = Annotated[str | None, Query(pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")]


@router.get("/events", response_class=HTMLResponse)
def events(
    request: Request,
    conn: Store,
    type: Text = None,
    actor: Text = None,
    since: Period = None,
    until: Period = None,
    offset: Offset = 0,
) -> HTMLResponse:
    kind = type.upper() if type and type.upper() in EVENT_TYPES else None
    filters = {"type": kind, "actor": actor or None, "since": since or None, "until": until or None}
    rows = find_events(conn, **filters, limit=PAGE + 1, offset=offset)
    days: dict[str, list[Any]] = {}
    for row in rows[:PAGE]:
        days.setdefault(row.date or "undated", []).append(row)
    return render(
        request, "events.html", days=days, filters=filters,
        newer_url=with_query("/events", **filters, offset=max(offset - PAGE, 0)) if offset else None,
        older_url=with_query("/events", **filters, offset=offset + PAGE) if len(rows) > PAGE else None,
        graph_url=with_query("/api/graph", **filters),
        json_url=with_query("/api/events", **filters, offset=offset, limit=PAGE),
    )  # fmt: skip


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, conn: Store, q: Text = None) -> HTMLResponse:
    found: dict[str, Any] = {"articles": [], "quotes": []}
    people: list[Any] = []
    if q and q.strip():
        found = search(conn, q, limit=20)
        people = find_entities(conn, name=q, top=20)
    return render(
        request, "search.html", q=q or "", found=found, entities=people,
        json_url=with_query("/api/search", q=q) if q and q.strip() else None,
    )  # fmt: skip


@router.get("/analyze", response_class=HTMLResponse)
def analyze_form(request: Request) -> HTMLResponse:
    return render(request, "analyze.html", text="", date="", error=None, max_chars=MAX_TEXT_CHARS)


@router.post("/analyze", response_class=HTMLResponse)
async def analyze_page(request: Request) -> HTMLResponse:
    # A plain urlencoded form, read here so that no multipart parser is needed.
    fields = parse_qs((await request.body()).decode("utf-8", "replace"), max_num_fields=10)
    text = fields.get("text", [""])[0]
    date = fields.get("date", [""])[0].strip() or None
    try:
        body = TextIn(text=text, date=date, title=None)
    except ValidationError as error:
        message = "; ".join(str(e.get("msg")) for e in error.errors())
        return render(request, "analyze.html", 422, text=text, date=date or "", error=message,
                      max_chars=MAX_TEXT_CHARS)  # fmt: skip
    article = Article(id=article_id(body.date, body.text), text=body.text, date=body.date, source="pasted")
    try:
        document = await run_in_threadpool(analyzer_of(request).analyze, article)
    except VeilleError as error:
        return render(request, "analyze.html", 422, text=text, date=date or "", error=error.reason,
                      max_chars=MAX_TEXT_CHARS)  # fmt: skip
    return render_document(request, document, {}, json_url=None, analyzed=True, text=text, date=date or "")
