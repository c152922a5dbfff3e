"""Exports: JSONL of Documents, Parquet tables, and a GDELT GKG 2.1-shaped TSV.

GKG columns follow the GDELT Global Knowledge Graph codebook V2.1
(http://data.gdeltproject.org/documentation/GDELT-Global_Knowledge_Graph_Codebook-V2.1.pdf);
docs/store.md lists which veille field fills which column.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from veille.model import Document
from veille.store.reads import iter_documents

# Parquet tables and the fixed SELECT that fills each: flat rows that pandas, Polars and
# DuckDB read directly, keyed by article id (and document-level entity id).
PARQUET_TABLES: dict[str, str] = {
    "articles": "SELECT id, date, lang, title, source, url, text FROM articles ORDER BY rowid",
    "entities": """SELECT a.id AS article, e.id, e.name, e.type, e.kb_id, e.country, e.gender,
        e.grp AS "group", e.corpus_entity, e.roles
        FROM entities e JOIN articles a ON a.rowid = e.article ORDER BY e.rowid""",
    "mentions": """SELECT a.id AS article, e.id AS entity, m.start, m."end", m.text, m.kind, m.stands_for
        FROM mentions m JOIN entities e ON e.rowid = m.entity JOIN articles a ON a.rowid = e.article
        ORDER BY e.rowid, m.ord""",
    "corpus_entities": """SELECT c.id, c.kb_id, c.name, c.type, c.country,
        (SELECT json_group_array(alias) FROM aliases WHERE corpus_entity = c.id) AS variants
        FROM corpus_entities c ORDER BY c.id""",
    "quotes": """SELECT a.id AS article, q.id, q.kind, q.text, q.start, q."end", q.speaker,
        e.corpus_entity AS speaker_corpus_entity, q.cue, q.date, q.day, q.corpus_quote
        FROM quotes q JOIN articles a ON a.rowid = q.article
        LEFT JOIN entities e ON e.rowid = q.speaker_entity
        ORDER BY q.rowid""",
    "timexes": """SELECT a.id AS article, t.text, t.start, t."end", t.type, t.value, t.quant, t.anchored,
        t.mod FROM timexes t JOIN articles a ON a.rowid = t.article ORDER BY t.article, t.ord""",
    "events": """SELECT a.id AS article, v.id, v.type, v.start, v."end", v.trigger, v.mode, v.date,
        v.date_from, v.location, v.negated, v.modality, v.quoted,
        (SELECT json_group_array(entity_id) FROM event_actors
            WHERE event = v.rowid AND role = 'source') AS source,
        (SELECT json_group_array(entity_id) FROM event_actors
            WHERE event = v.rowid AND role = 'target') AS target
        FROM events v JOIN articles a ON a.rowid = v.article ORDER BY v.rowid""",
    "amounts": """SELECT a.id AS article, m.text, m.start, m."end", m.value, m.currency, m.magnitude, m.unit
        FROM amounts m JOIN articles a ON a.rowid = m.article ORDER BY m.article, m.ord""",
}

GKG_COLUMNS = (
    "GKGRECORDID",
    "V2.1DATE",
    "V2SOURCECOLLECTIONIDENTIFIER",
    "V2SOURCECOMMONNAME",
    "V2DOCUMENTIDENTIFIER",
    "V1COUNTS",
    "V2.1COUNTS",
    "V1THEMES",
    "V2ENHANCEDTHEMES",
    "V1LOCATIONS",
    "V2ENHANCEDLOCATIONS",
    "V1PERSONS",
    "V2ENHANCEDPERSONS",
    "V1ORGANIZATIONS",
    "V2ENHANCEDORGANIZATIONS",
    "V1.5TONE",
    "V2.1ENHANCEDDATES",
    "V2GCAM",
    "V2.1SHARINGIMAGE",
    "V2.1RELATEDIMAGES",
    "V2.1SOCIALIMAGEEMBEDS",
    "V2.1SOCIALVIDEOEMBEDS",
    "V2.1QUOTATIONS",
    "V2.1ALLNAMES",
    "V2.1AMOUNTS",
    "V2.1TRANSLATIONINFO",
    "V2EXTRASXML",
)


def export_jsonl(conn: sqlite3.Connection, path: Path) -> int:
    """Write one ``veille.analysis/1`` Document per line; `veille ingest` reads it back as is."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for document in iter_documents(conn):
            out.write(json.dumps(document.to_dict(), ensure_ascii=False) + "\n")
            count += 1
    return count


def export_parquet(conn: sqlite3.Connection, folder: Path) -> dict[str, int]:
    """Write one Parquet file per table into ``folder``; return the row count of each."""
    # pyarrow loads here only (measured: ~0.45 s and ~80 MB): every other command starts without it.
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, sql in PARQUET_TABLES.items():
        cursor = conn.execute(sql)
        columns = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
        table = pa.Table.from_pydict({c: [row[i] for row in rows] for i, c in enumerate(columns)})
        pq.write_table(table, folder / f"{name}.parquet")
        counts[name] = len(rows)
    return counts


def export_gkg(conn: sqlite3.Connection, path: Path) -> int:
    """Write a tab-separated file with the 27 columns of a GKG 2.1 record, one article a line, no header
    (as GDELT's own files)."""
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for n, document in enumerate(iter_documents(conn), start=1):
            record = gkg_record(document, n)
            out.write("\t".join(record[c] for c in GKG_COLUMNS) + "\n")
            count += 1
    return count


def gkg_record(doc: Document, n: int) -> dict[str, str]:
    """Map one Document onto the GKG 2.1 columns (the mapping is documented in docs/store.md)."""
    article = doc.article
    stamp = (article.date or "0000-00-00").replace("-", "") + "000000"
    names: dict[str, list[tuple[str, int]]] = {"PER": [], "ORG": [], "LOC": []}
    all_names: list[tuple[str, int]] = []
    for entity in doc.entities:
        offsets = [m.start for m in entity.mentions if m.kind == "name"] or [-1]
        for offset in offsets:
            if entity.type in names:
                names[entity.type].append((entity.name, offset))
            all_names.append((entity.name, offset))
    # Every place is type 4 ("world city or landmark"): veille has no gazetteer, hence no
    # coordinates, ADM codes or feature ids, and its country codes are ISO 3166 alpha-3,
    # where GDELT uses FIPS 10-4 (docs/store.md says so).
    places = [
        (_clean(e.name), e.country or "", m.start)
        for e in doc.entities
        if e.type == "LOC"
        for m in e.mentions
        if m.kind == "name"
    ]
    record = dict.fromkeys(GKG_COLUMNS, "")
    record.update(
        {
            "GKGRECORDID": f"{stamp}-{n}",
            "V2.1DATE": stamp,
            "V2SOURCECOLLECTIONIDENTIFIER": "1",  # 1 = WEB: the identifier is a URL or a file name
            "V2SOURCECOMMONNAME": _clean(article.source or ""),
            "V2DOCUMENTIDENTIFIER": _clean(article.url or article.source or article.id),
            # Type#FullName#CountryCode#ADM1#Lat#Long#FeatureID, then ADM2 and the offset in V2.
            "V1LOCATIONS": ";".join(dict.fromkeys(f"4#{name}#{country}####" for name, country, _ in places)),
            "V2ENHANCEDLOCATIONS": ";".join(
                f"4#{name}#{country}######{offset}" for name, country, offset in places
            ),
            "V1PERSONS": ";".join(dict.fromkeys(_clean(name) for name, _ in names["PER"])),
            "V2ENHANCEDPERSONS": ";".join(f"{_clean(name)},{offset}" for name, offset in names["PER"]),
            "V1ORGANIZATIONS": ";".join(dict.fromkeys(_clean(name) for name, _ in names["ORG"])),
            "V2ENHANCEDORGANIZATIONS": ";".join(f"{_clean(name)},{offset}" for name, offset in names["ORG"]),
            "V2.1ENHANCEDDATES": ";".join(d for d in (_gkg_date(t.value, t.start) for t in doc.timexes) if d),
            "V2.1QUOTATIONS": "#".join(
                f"{q.start}|{q.end - q.start}|{_clean(q.cue or '', '|#')}|{_clean(q.text, '|#')}"
                for q in doc.quotes
            ),
            "V2.1ALLNAMES": ";".join(f"{_clean(name)},{offset}" for name, offset in all_names),
            "V2.1AMOUNTS": ";".join(
                f"{_number(a.value, a.magnitude)},{_clean(a.currency or a.unit or a.text)},{a.start}"
                for a in doc.amounts
            ),
            "V2.1TRANSLATIONINFO": f"srclc:{article.lang};eng:veille" if article.lang != "en" else "",
            "V2EXTRASXML": f"<PAGE_TITLE>{_xml(article.title)}</PAGE_TITLE>" if article.title else "",
        }
    )
    return record


_DAY = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def _gkg_date(value: str, offset: int) -> str:
    # Resolution#Month#Day#Year#Offset: 1 = year only, 2 = month and year, 3 = full date.
    match = _DAY.match(value)
    if not match:
        return ""
    year, month, day = match.groups()
    resolution = 3 if day else 2 if month else 1
    return f"{resolution}#{int(month or 0)}#{int(day or 0)}#{year}#{offset}"


def _number(value: float | None, magnitude: str | None) -> str:
    if value is not None:
        return f"{value:g}"
    return f"{float(magnitude):g}" if magnitude else "0"


def _clean(text: str, delimiters: str = ";,#") -> str:
    # GKG fields are nested delimited lists: tabs, newlines and the delimiters of the
    # enclosing levels cannot appear inside a value, so they become spaces.
    for char in "\t\r\n" + delimiters:
        text = text.replace(char, " ")
    return " ".join(text.split())


def _xml(text: str | None) -> str:
    return _clean(text or "", "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def iter_table(conn: sqlite3.Connection, name: str) -> Iterator[dict[str, object]]:
    """Yield the rows of one export table as dicts (what the Parquet files hold; the Ray runner's
    tests compare its Parquet output with them)."""
    cursor = conn.execute(PARQUET_TABLES[name])
    columns = [d[0] for d in cursor.description]
    for row in cursor:
        yield dict(zip(columns, row, strict=True))
