"""POST /api/analyze (a Document, nothing stored) and POST /api/articles (analyse and store)."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field, field_validator

from veille.api.config import MAX_TEXT_CHARS
from veille.api.deps import analyzer_of, config_of, require_writer
from veille.api.errors import ERROR_RESPONSES, ApiError, ErrorBody
from veille.errors import VeilleError
from veille.ingest.text import article_id, check_date
from veille.model import Article, Document
from veille.store.db import connect
from veille.store.writes import article_hash, write_document

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)

DAY = r"^\d{4}-\d{2}-\d{2}$"


class TextIn(BaseModel):
    """A text to analyse, with the day it was published (resolves mercredi, hier …)."""

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS, description="the article's text")
    date: str | None = Field(None, pattern=DAY, description="publication day, YYYY-MM-DD")
    title: str | None = Field(None, max_length=1000)

    @field_validator("date")
    @classmethod
    def real_day(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                check_date(value, where="date")
            except VeilleError as error:
                raise ValueError(str(error)) from None
        return value

    @field_validator("text")
    @classmethod
    def some_words(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the text is blank")
        return value


class ArticleIn(TextIn):
    """An article to analyse and store; its id defaults to a hash of date and text."""

    id: str | None = Field(None, min_length=1, max_length=200, pattern=r"^[\w.:-]+$")
    source: str | None = Field(None, max_length=500)
    url: str | None = Field(None, max_length=2000)
    lang: Literal["fr"] = "fr"


class Stored(BaseModel):
    """What POST /api/articles did with the article."""

    id: str
    outcome: Literal["ingested", "replaced", "skipped"]
    url: str


def _article(body: TextIn, source: str) -> Article:
    fields: dict[str, Any] = {"title": body.title, "source": source}
    if isinstance(body, ArticleIn):
        fields.update(source=body.source or source, url=body.url, lang=body.lang)
        return Article(
            id=body.id or article_id(body.date, body.text), text=body.text, date=body.date, **fields
        )
    return Article(id=article_id(body.date, body.text), text=body.text, date=body.date, **fields)


def _analyze(request: Request, article: Article) -> Document:
    try:
        return analyzer_of(request).analyze(article)
    except VeilleError as error:
        raise ApiError(422, "analysis_failed", error.reason) from None


@router.post("/analyze", response_model=Document, summary="Analyse a text; nothing is stored")
async def analyze(request: Request, body: TextIn) -> dict[str, Any]:
    document = await run_in_threadpool(_analyze, request, _article(body, "api"))
    return document.to_dict()


@router.post(
    "/articles",
    response_model=Stored,
    status_code=201,
    summary="Analyse an article and store it (a write)",
    responses={
        200: {"model": Stored, "description": "already stored with the same content: skipped"},
        401: {"model": ErrorBody, "description": "no or wrong bearer token"},
        403: {"model": ErrorBody, "description": "writes are off (server beyond loopback, no token)"},
    },
    dependencies=[Depends(require_writer)],
)
async def add_article(request: Request, response: Response, body: ArticleIn) -> Stored:
    article = _article(body, "api")
    document = await run_in_threadpool(_analyze, request, article)
    outcome = await run_in_threadpool(_store, request, document, article_hash(article))
    if outcome == "skipped":
        response.status_code = 200  # stored before with the same content: nothing was created
    return Stored(id=document.article.id, outcome=outcome, url=f"/api/articles/{document.article.id}")


def _store(
    request: Request, document: Document, input_hash: str
) -> Literal["ingested", "replaced", "skipped"]:
    # One short-lived write connection per request; the store's write lock (with its busy
    # timeout) keeps this and a running `veille ingest` from writing over each other.
    conn = connect(config_of(request).db_path)
    try:
        return write_document(conn, document, input_hash=input_hash)
    finally:
        conn.close()
