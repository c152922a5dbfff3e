"""Store → Document: rebuild an article's analysis exactly as it was written."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

from veille.errors import StoreError
from veille.model import (
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
    from_dict,
)

_ARTICLE = "SELECT rowid, id, date, lang, title, source, url, text, paragraphs, schema FROM articles"


def find_article(conn: sqlite3.Connection, article_id: str) -> str:
    """Return the full id of the article whose id is, or uniquely starts with, ``article_id``."""
    row = conn.execute("SELECT id FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row:
        return str(row[0])
    # A prefix, as git takes a short hash; escape LIKE's wildcards so they match themselves.
    pattern = article_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = conn.execute(r"SELECT id FROM articles WHERE id LIKE ? ESCAPE '\' LIMIT 2", (pattern,)).fetchall()
    if len(rows) == 1:
        return str(rows[0][0])
    if rows:
        raise StoreError(f"article id {article_id!r} is ambiguous: give more characters")
    raise StoreError(f"no article {article_id!r} in the store: `veille search` finds ids")


def load_document(conn: sqlite3.Connection, article_id: str) -> Document:
    """Rebuild the stored Document of an article; raise StoreError when it is not stored."""
    row = conn.execute(
        _ARTICLE + " WHERE id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        raise StoreError(f"no article {article_id!r} in the store")
    return _document(conn, row)


def iter_documents(conn: sqlite3.Connection) -> Iterator[Document]:
    """Yield every stored Document in ingest order."""
    rows = conn.execute(_ARTICLE + " ORDER BY rowid")
    for row in rows.fetchall():
        yield _document(conn, row)


def _document(conn: sqlite3.Connection, row: sqlite3.Row) -> Document:
    art = row[0]
    article = Article(
        id=row[1],
        date=row[2],
        lang=None if row[3] == "und" else row[3],  # stored for a Document made without the pipeline
        title=row[4],
        source=row[5],
        url=row[6],
        text=row[7],
        paragraphs=tuple(Paragraph(s, e, bool(h)) for s, e, h in json.loads(row[8])),
    )
    entities = []
    for e in conn.execute(
        "SELECT rowid, id, name, type, kb_id, country, roles, gender, grp FROM entities"
        " WHERE article = ? ORDER BY ord",
        (art,),
    ).fetchall():
        mentions = tuple(
            Mention(start=m[0], end=m[1], text=m[2], kind=m[3], stands_for=m[4])
            for m in conn.execute(
                "SELECT start, end, text, kind, stands_for FROM mentions WHERE entity = ? ORDER BY ord",
                (e[0],),
            )
        )
        entities.append(
            Entity(
                id=e[1],
                name=e[2],
                type=e[3],
                mentions=mentions,
                kb_id=e[4],
                country=e[5],
                roles=tuple(from_dict(Role, r) for r in json.loads(e[6])),
                gender=e[7],
                group=bool(e[8]),
            )
        )
    quotes = tuple(
        Quote(
            id=q[0],
            kind=q[1],
            text=q[2],
            start=q[3],
            end=q[4],
            speaker=q[5],
            speaker_mention=from_dict(Span, json.loads(q[6])) if q[6] is not None else None,
            cue=q[7],
            date=q[8],
        )
        for q in conn.execute(
            "SELECT id, kind, text, start, end, speaker, speaker_mention, cue, date FROM quotes"
            " WHERE article = ? ORDER BY ord",
            (art,),
        )
    )
    timexes = tuple(
        Timex(text=t[0], start=t[1], end=t[2], type=t[3], value=t[4], quant=t[5], anchored=bool(t[6]))
        for t in conn.execute(
            "SELECT text, start, end, type, value, quant, anchored FROM timexes"
            " WHERE article = ? ORDER BY ord",
            (art,),
        )
    )
    amounts = tuple(
        Amount(text=a[0], start=a[1], end=a[2], value=a[3], currency=a[4], magnitude=a[5], unit=a[6])
        for a in conn.execute(
            "SELECT text, start, end, value, currency, magnitude, unit FROM amounts"
            " WHERE article = ? ORDER BY ord",
            (art,),
        )
    )
    events = []
    for v in conn.execute(
        "SELECT rowid, id, type, start, end, trigger, mode, date, date_from, location, negated, modality,"
        " quoted, trigger_start, trigger_end, amounts FROM events WHERE article = ? ORDER BY ord",
        (art,),
    ).fetchall():
        actors: dict[str, list[str]] = {"source": [], "target": []}
        for role, entity_id in conn.execute(
            "SELECT role, entity_id FROM event_actors WHERE event = ? ORDER BY role, ord", (v[0],)
        ):
            actors[role].append(entity_id)
        events.append(
            Event(
                id=v[1],
                type=v[2],
                start=v[3],
                end=v[4],
                trigger=v[5],
                mode=v[6],
                date=v[7],
                date_from=v[8],
                location=v[9],
                negated=bool(v[10]),
                modality=v[11],
                quoted=bool(v[12]),
                trigger_start=v[13],
                trigger_end=v[14],
                amounts=tuple(json.loads(v[15])),
                source=tuple(actors["source"]),
                target=tuple(actors["target"]),
            )
        )
    return Document(
        article=article,
        entities=tuple(entities),
        quotes=quotes,
        timexes=timexes,
        events=tuple(events),
        amounts=amounts,
        schema=row[9],
    )
