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
        return str(row["id"])
    # A prefix, as git takes a short hash; escape LIKE's wildcards so they match themselves.
    pattern = article_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = conn.execute(r"SELECT id FROM articles WHERE id LIKE ? ESCAPE '\' LIMIT 2", (pattern,)).fetchall()
    if len(rows) == 1:
        return str(rows[0]["id"])
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
    # Rows are sqlite3.Row (connect sets it): every column is read by its name, so a column
    # added to a SELECT or a table never shifts what the others mean.
    art = row["rowid"]
    article = Article(
        id=row["id"],
        date=row["date"],
        lang=None if row["lang"] == "und" else row["lang"],  # stored for a Document made without the pipeline
        title=row["title"],
        source=row["source"],
        url=row["url"],
        text=row["text"],
        paragraphs=tuple(Paragraph(s, e, bool(h)) for s, e, h in json.loads(row["paragraphs"])),
    )
    entities = []
    for e in conn.execute(
        "SELECT rowid, id, name, type, kb_id, country, roles, gender, grp FROM entities"
        " WHERE article = ? ORDER BY ord",
        (art,),
    ).fetchall():
        mentions = tuple(
            Mention(
                start=m["start"], end=m["end"], text=m["text"], kind=m["kind"], stands_for=m["stands_for"]
            )
            for m in conn.execute(
                "SELECT start, end, text, kind, stands_for FROM mentions WHERE entity = ? ORDER BY ord",
                (e["rowid"],),
            )
        )
        entities.append(
            Entity(
                id=e["id"],
                name=e["name"],
                type=e["type"],
                mentions=mentions,
                kb_id=e["kb_id"],
                country=e["country"],
                roles=tuple(from_dict(Role, r) for r in json.loads(e["roles"])),
                gender=e["gender"],
                group=bool(e["grp"]),
            )
        )
    quotes = tuple(
        Quote(
            id=q["id"],
            kind=q["kind"],
            text=q["text"],
            start=q["start"],
            end=q["end"],
            speaker=q["speaker"],
            speaker_mention=(
                from_dict(Span, json.loads(q["speaker_mention"]))
                if q["speaker_mention"] is not None
                else None
            ),
            cue=q["cue"],
            date=q["date"],
        )
        for q in conn.execute(
            "SELECT id, kind, text, start, end, speaker, speaker_mention, cue, date FROM quotes"
            " WHERE article = ? ORDER BY ord",
            (art,),
        )
    )
    timexes = tuple(
        Timex(
            text=t["text"],
            start=t["start"],
            end=t["end"],
            type=t["type"],
            value=t["value"],
            quant=t["quant"],
            anchored=bool(t["anchored"]),
            mod=t["mod"],
        )
        for t in conn.execute(
            "SELECT text, start, end, type, value, quant, anchored, mod FROM timexes"
            " WHERE article = ? ORDER BY ord",
            (art,),
        )
    )
    amounts = tuple(
        Amount(
            text=a["text"],
            start=a["start"],
            end=a["end"],
            value=a["value"],
            currency=a["currency"],
            magnitude=a["magnitude"],
            unit=a["unit"],
        )
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
        for actor in conn.execute(
            "SELECT role, entity_id FROM event_actors WHERE event = ? ORDER BY role, ord", (v["rowid"],)
        ):
            actors[actor["role"]].append(actor["entity_id"])
        events.append(
            Event(
                id=v["id"],
                type=v["type"],
                start=v["start"],
                end=v["end"],
                trigger=v["trigger"],
                mode=v["mode"],
                date=v["date"],
                date_from=v["date_from"],
                location=v["location"],
                negated=bool(v["negated"]),
                modality=v["modality"],
                quoted=bool(v["quoted"]),
                trigger_start=v["trigger_start"],
                trigger_end=v["trigger_end"],
                amounts=tuple(json.loads(v["amounts"])),
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
        schema=row["schema"],
    )
