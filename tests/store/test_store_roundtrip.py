"""Document → dict → store → Document gives back the same Document, offsets slicing to the text."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veille.model import (
    ENTITY_TYPES,
    EVENT_TYPES,
    QUOTE_KINDS,
    TIMEX_TYPES,
    Amount,
    Article,
    Document,
    Entity,
    Event,
    Mention,
    Paragraph,
    Quote,
    Role,
    Span,
    Timex,
)
from veille.store import connect, load_document, write_document
from veille.store.migrations import MIGRATIONS, schema_version

# No surrogates (they cannot be UTF-8 encoded, and no cleaned text holds one).
TEXT = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=200)
SHORT = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
MAYBE = st.none() | SHORT


@st.composite
def spans(draw: st.DrawFn, text: str) -> tuple[int, int, str]:
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return start, end, text[start:end]


@st.composite
def documents(draw: st.DrawFn) -> Document:
    text = draw(TEXT)
    n_entities = draw(st.integers(0, 4))
    entity_ids = [f"e{i + 1}" for i in range(n_entities)]
    entities = []
    for entity_id in entity_ids:
        mentions = tuple(
            Mention(
                s,
                e,
                t,
                kind=draw(st.sampled_from(("name", "description", "pronoun"))),
                stands_for=draw(MAYBE),
            )
            for s, e, t in draw(st.lists(spans(text), max_size=3))
        )
        roles = tuple(
            Role(draw(SHORT), draw(MAYBE), draw(MAYBE), draw(MAYBE)) for _ in range(draw(st.integers(0, 2)))
        )
        entities.append(
            Entity(
                id=entity_id,
                name=draw(SHORT),
                type=draw(st.sampled_from(ENTITY_TYPES)),
                mentions=mentions,
                kb_id=draw(st.none() | st.sampled_from(("Q7747", "Q3874799"))),
                country=draw(MAYBE),
                roles=roles,
                gender=draw(st.sampled_from((None, "f", "m"))),
                group=draw(st.booleans()),
            )
        )
    some_entity = st.none() | st.sampled_from(entity_ids) if entity_ids else st.none()
    quotes = []
    for i, (s, e, t) in enumerate(draw(st.lists(spans(text), max_size=3))):
        mention = draw(st.none() | spans(text))
        quotes.append(
            Quote(
                id=f"q{i + 1}",
                kind=draw(st.sampled_from(QUOTE_KINDS)),
                text=t,
                start=s,
                end=e,
                speaker=draw(some_entity),
                speaker_mention=Span(*mention) if mention else None,
                cue=draw(MAYBE),
                date=draw(MAYBE),
            )
        )
    timexes = tuple(
        Timex(
            t,
            s,
            e,
            draw(st.sampled_from(TIMEX_TYPES)),
            draw(SHORT),
            draw(MAYBE),
            draw(st.booleans()),
            draw(MAYBE),
        )
        for s, e, t in draw(st.lists(spans(text), max_size=3))
    )
    amounts = tuple(
        Amount(t, s, e, draw(st.none() | st.floats(allow_nan=False)), draw(MAYBE), draw(MAYBE), draw(MAYBE))
        for s, e, t in draw(st.lists(spans(text), max_size=2))
    )
    ids = st.lists(st.sampled_from(entity_ids), max_size=2).map(tuple) if entity_ids else st.just(())
    events = []
    for i, (s, e, t) in enumerate(draw(st.lists(spans(text), max_size=3))):
        events.append(
            Event(
                id=f"v{i + 1}",
                type=draw(st.sampled_from(EVENT_TYPES)),
                start=s,
                end=e,
                trigger=t,
                source=draw(ids),
                target=draw(ids),
                mode=draw(MAYBE),
                date=draw(MAYBE),
                date_from=draw(st.sampled_from((None, "timex", "article"))),
                location=draw(some_entity),
                negated=draw(st.booleans()),
                modality=draw(st.sampled_from(("asserted", "planned", "hypothetical"))),
                quoted=draw(st.booleans()),
                trigger_start=s if draw(st.booleans()) else None,
                trigger_end=e if draw(st.booleans()) else None,
                # Indexes into the document's amounts: none when it has none (validation checks).
                amounts=tuple(draw(st.lists(st.integers(0, len(amounts) - 1), max_size=2)))
                if amounts
                else (),
            )
        )
    paragraphs = tuple(
        Paragraph(s, e, draw(st.booleans())) for s, e, _ in draw(st.lists(spans(text), max_size=2))
    )
    article = Article(
        id=draw(st.text("0123456789abcdef", min_size=16, max_size=16)),
        text=text,
        date=draw(MAYBE),
        lang=draw(st.sampled_from(("fr", "en"))),
        title=draw(MAYBE),
        source=draw(MAYBE),
        url=draw(MAYBE),
        paragraphs=paragraphs,
    )
    return Document(
        article=article,
        entities=tuple(entities),
        quotes=tuple(quotes),
        timexes=timexes,
        events=tuple(events),
        amounts=amounts,
    )


def assert_offsets_slice(doc: Document) -> None:
    text = doc.article.text
    for entity in doc.entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text
    for item in (*doc.quotes, *doc.timexes, *doc.amounts):
        assert text[item.start : item.end] == item.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=documents())
def test_document_round_trips_through_the_store(doc: Document, tmp_path: Path) -> None:
    conn = connect(tmp_path / "roundtrip.db")
    try:
        # Through the JSON shape first, as an exported JSONL line would come back.
        doc = Document.from_dict(doc.to_dict())
        if conn.execute("SELECT 1 FROM articles WHERE id = ?", (doc.article.id,)).fetchone():
            write_document(conn, doc, replace=True)
        else:
            assert write_document(conn, doc) == "ingested"
        back = load_document(conn, doc.article.id)
        assert back == doc
        assert_offsets_slice(back)
        assert write_document(conn, doc) == "skipped"
    finally:
        conn.close()


def test_new_store_is_migrated_and_checks_out(db_path: Path, conn: sqlite3.Connection) -> None:
    assert schema_version(conn) == len(MIGRATIONS)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # Opening again does not re-run migrations.
    again = connect(db_path)
    assert schema_version(again) == len(MIGRATIONS)
    again.close()
