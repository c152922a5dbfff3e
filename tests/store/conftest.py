"""Fixtures for store tests: a fresh store per test and hand-built Documents."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from veille.ingest.text import article_id
from veille.model import Article, Document, Entity, Event, Mention, Quote, Span, Timex
from veille.store import connect


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "veille.db"


@pytest.fixture
def conn(db_path: Path) -> Iterator[sqlite3.Connection]:
    connection = connect(db_path)
    yield connection
    connection.close()


def build_document(
    text: str, date: str = "2025-12-04", source: str = "test.txt", **spans: object
) -> Document:
    """Build a Document whose entities, quotes and events are given by the words they cover.

    ``entities=[("PER", "Vladimir Poutine", ["Vladimir Poutine", "Poutine"])]`` finds each
    form's first occurrence after the previous one, so offsets always slice to the text.
    ``quotes=[("e1", "quoted words")]``, ``events=[("ACCUSE", "accusé", ["e1"], ["e2"])]``,
    ``timexes=[("mercredi", "2025-12-03")]``.
    """
    entities = []
    for n, (type_, name, forms) in enumerate(spans.get("entities", []), start=1):  # type: ignore[attr-defined]
        mentions, cursor = [], 0
        for form in forms:
            start = text.index(form, cursor)
            mentions.append(Mention(start, start + len(form), form))
            cursor = start + 1
        entities.append(Entity(id=f"e{n}", name=name, type=type_, mentions=tuple(mentions)))
    quotes = []
    for n, (speaker, words) in enumerate(spans.get("quotes", []), start=1):  # type: ignore[attr-defined]
        start = text.index(words)
        quotes.append(
            Quote(
                id=f"q{n}",
                kind="direct",
                text=words,
                start=start,
                end=start + len(words),
                speaker=speaker,
                speaker_mention=None,
                cue="déclarer",
            )
        )
    events = []
    for n, (type_, trigger, actors, target) in enumerate(spans.get("events", []), start=1):  # type: ignore[attr-defined]
        start = text.index(trigger)
        events.append(
            Event(
                id=f"v{n}",
                type=type_,
                start=0,
                end=len(text),
                trigger=trigger,
                source=tuple(actors),
                target=tuple(target),
                date=date,
                trigger_start=start,
                trigger_end=start + len(trigger),
            )
        )
    timexes = []
    for words, value in spans.get("timexes", []):  # type: ignore[attr-defined]
        start = text.index(words)
        timexes.append(Timex(words, start, start + len(words), "DATE", value))
    article = Article(id=article_id(date, text), text=text, date=date, source=source)
    return Document(
        article=article,
        entities=tuple(entities),
        quotes=tuple(quotes),
        events=tuple(events),
        timexes=tuple(timexes),
    )


@pytest.fixture
def make_document() -> Callable[..., Document]:
    return build_document


def speaker_span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start, start + len(words), words)
