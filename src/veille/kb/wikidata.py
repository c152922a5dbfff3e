"""Import a Wikidata JSON dump into a ``veille.kb/1`` file, streaming, in constant memory.

Wikidata publishes its dump as one JSON array with one entity per line::

    [
    {"type":"item","id":"Q7747","labels":{...},"claims":{...}},
    {"type":"item","id":"Q159",...},
    ]

The import reads it line by line (plain, .gz or .bz2), keeps humans who held a position
(P39), organisations and places, and extracts their fr/en labels and aliases, P27 country
of citizenship (P17 country for the others), and P39 positions with P580/P582 dates.

Positions and countries are items of the same dump, in no useful order, so the first pass
writes the kept entities with raw QIDs and notes position labels and country codes in a
temporary SQLite file; the second pass turns QIDs into titles and ISO3 codes. Memory stays
flat whatever the size of the dump; the temporary files take disk.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from veille.errors import InputError
from veille.kb.format import FORMAT
from veille.kb.offices import match_office

HUMAN = "Q5"
# Classes whose instances are kept (P31), by KB type. Direct instances only: following
# subclass chains would need the whole class tree in memory.
ORG_CLASSES = frozenset({
    "Q43229", "Q484652", "Q245065", "Q7278", "Q4830453", "Q327333", "Q163740", "Q891723",
    "Q2659904", "Q17149090", "Q1127126", "Q7210356", "Q15911314", "Q11691", "Q6979657",
})  # fmt: skip
PLACE_CLASSES = frozenset({
    "Q6256", "Q3624078", "Q515", "Q5119", "Q1549591", "Q1637706", "Q200250", "Q10864048",
    "Q35657", "Q5107", "Q82794", "Q3957", "Q15284", "Q484170", "Q7930989", "Q23442", "Q1620908",
})  # fmt: skip
COUNTRY_CLASSES = frozenset({"Q6256", "Q3624078"})
POSITION_CLASSES = frozenset({"Q4164871", "Q294414", "Q30461", "Q83307", "Q48352"})
_GENDER = {"Q6581097": "m", "Q6581072": "f"}
_OF = re.compile(r" (?:de la|de l'|de l’|du|des|de|d'|d’|of the|of) ")


def open_dump(path: Path) -> tuple[IO[bytes], IO[str]]:
    """Open a dump by its suffix; return (raw byte stream for progress, text stream)."""
    try:
        raw = path.open("rb")
    except OSError as error:
        raise InputError(f"cannot read the dump: {error.strerror}", where=str(path)) from error
    stream: IO[bytes] | gzip.GzipFile | bz2.BZ2File
    if path.name.endswith(".gz"):
        stream = gzip.GzipFile(fileobj=raw)
    elif path.name.endswith(".bz2"):
        stream = bz2.BZ2File(raw)
    else:
        stream = raw
    return raw, io.TextIOWrapper(stream, encoding="utf-8")


def iter_dump(text: IO[str], where: str) -> Iterator[dict[str, Any]]:
    """Yield each entity of a dump stream: one JSON object a line, inside [ … ]."""
    for number, line in enumerate(text, start=1):
        line = line.strip()
        if line in ("[", "]", ""):
            continue
        if line.endswith(","):
            line = line[:-1]
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"not a Wikidata dump line ({error.msg})", where=f"{where}:{number}") from error
        if isinstance(item, dict):
            yield item


def import_wikidata(
    dump: Path, out: Path, progress: Callable[[int, int], None] | None = None
) -> dict[str, int]:
    """Write the veille.kb/1 file of a dump; return counts of what was kept by type.

    ``progress(bytes_read, total_bytes)`` is called now and then, for a progress bar.
    """
    raw, text = open_dump(dump)
    total = os.path.getsize(dump)
    counts = {"PER": 0, "ORG": 0, "LOC": 0, "read": 0}
    with tempfile.TemporaryDirectory(prefix="veille-wikidata-") as folder:
        notes = sqlite3.connect(Path(folder) / "notes.sqlite")
        notes.execute("CREATE TABLE positions (qid TEXT PRIMARY KEY, fr TEXT, en TEXT, jurisdiction TEXT)")
        notes.execute("CREATE TABLE countries (qid TEXT PRIMARY KEY, iso3 TEXT, fr TEXT, en TEXT)")
        first = Path(folder) / "pass1.jsonl"
        with raw, text, first.open("w", encoding="utf-8") as pending:
            for item in iter_dump(text, str(dump)):
                counts["read"] += 1
                _note(item, notes)
                kept = _keep(item)
                if kept is not None:
                    counts[kept["type"]] += 1
                    pending.write(json.dumps(kept, ensure_ascii=False) + "\n")
                if progress is not None and counts["read"] % 1000 == 0:
                    progress(raw.tell(), total)
        notes.commit()
        if progress is not None:
            progress(total, total)
        _resolve(first, out, notes, dump.name)
        notes.close()
    return counts


def _label(item: dict[str, Any], lang: str) -> str | None:
    value = (item.get("labels") or {}).get(lang)
    return value.get("value") if isinstance(value, dict) else None


def _values(item: dict[str, Any], prop: str) -> list[Any]:
    out = []
    for statement in (item.get("claims") or {}).get(prop, ()):
        snak = statement.get("mainsnak") or {}
        if snak.get("snaktype") != "value":
            continue
        value = (snak.get("datavalue") or {}).get("value")
        out.append(value.get("id") if isinstance(value, dict) and "id" in value else value)
    return out


def _note(item: dict[str, Any], notes: sqlite3.Connection) -> None:
    """Remember the labels of positions and the ISO codes of countries for the second pass."""
    classes = set(_values(item, "P31"))
    ident = item.get("id")
    if classes & POSITION_CLASSES or (_values(item, "P1001") and not classes & PLACE_CLASSES):
        jurisdiction = next(iter(_values(item, "P1001")), None)
        notes.execute(
            "INSERT OR REPLACE INTO positions VALUES (?, ?, ?, ?)",
            (ident, _label(item, "fr"), _label(item, "en"), jurisdiction),
        )
    # Only countries carry an ISO 3166-1 alpha-3 code (P298).
    iso3 = next((v for v in _values(item, "P298") if isinstance(v, str)), None)
    if iso3:
        notes.execute(
            "INSERT OR REPLACE INTO countries VALUES (?, ?, ?, ?)",
            (ident, iso3, _label(item, "fr"), _label(item, "en")),
        )


def _keep(item: dict[str, Any]) -> dict[str, Any] | None:
    """Return the pass-1 line of an entity worth keeping, or None."""
    if item.get("type") != "item":
        return None
    classes = set(_values(item, "P31"))
    if HUMAN in classes:
        if not (item.get("claims") or {}).get("P39"):
            return None
        kb_type, country_prop = "PER", "P27"
    elif classes & ORG_CLASSES:
        kb_type, country_prop = "ORG", "P17"
    elif classes & PLACE_CLASSES:
        kb_type, country_prop = "LOC", "P17"
    else:
        return None
    names = {lang: label for lang in ("fr", "en") if (label := _label(item, lang))}
    if not names:
        return None
    aliases = {
        lang: [a["value"] for a in (item.get("aliases") or {}).get(lang, ()) if isinstance(a, dict)]
        for lang in ("fr", "en")
    }
    line: dict[str, Any] = {
        "id": item["id"], "type": kb_type, "name": names, "aliases": aliases,
        "country_qid": next(iter(_values(item, country_prop)), None),
        "iso3": next((v for v in _values(item, "P298") if isinstance(v, str)), None),
        "positions": _positions(item) if kb_type == "PER" else [],
    }  # fmt: skip
    if kb_type == "PER":
        line["gender"] = next((_GENDER[g] for g in _values(item, "P21") if g in _GENDER), None)
    elif classes & COUNTRY_CLASSES:
        line["kind"] = "country"
    return line


def _positions(item: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for statement in item["claims"].get("P39", ()):
        snak = statement.get("mainsnak") or {}
        value = (snak.get("datavalue") or {}).get("value")
        if not isinstance(value, dict) or "id" not in value:
            continue
        qualifiers = statement.get("qualifiers") or {}
        out.append({
            "position": value["id"],
            "start": _time(qualifiers.get("P580")),
            "end": _time(qualifiers.get("P582")),
        })  # fmt: skip
    return out


def _time(snaks: list[dict[str, Any]] | None) -> str | None:
    """Turn a Wikidata time qualifier into YYYY, YYYY-MM or YYYY-MM-DD by its precision."""
    for snak in snaks or ():
        value = (snak.get("datavalue") or {}).get("value")
        if not isinstance(value, dict) or "time" not in value:
            continue
        match = re.match(r"\+?(\d{4})-(\d{2})-(\d{2})", value["time"])
        if not match:
            continue
        year, month, day = match.groups()
        precision = int(value.get("precision", 11))
        if precision >= 11 and day != "00":
            return f"{year}-{month}-{day}"
        if precision >= 10 and month != "00":
            return f"{year}-{month}"
        return year
    return None


def _resolve(first: Path, out: Path, notes: sqlite3.Connection, source: str) -> None:
    """Second pass: QIDs of countries and positions become ISO3 codes and titles."""

    def iso3_of(qid: str | None) -> str | None:
        if qid is None:
            return None
        row = notes.execute("SELECT iso3 FROM countries WHERE qid = ?", (qid,)).fetchone()
        return row[0] if row and re.fullmatch(r"[A-Z]{3}", row[0] or "") else None

    header = {"format": FORMAT, "source": f"Wikidata dump {source} (CC0), via veille kb import-wikidata"}
    with first.open(encoding="utf-8") as pending, out.open("w", encoding="utf-8") as target:
        target.write(json.dumps(header, ensure_ascii=False) + "\n")
        for raw_line in pending:
            line = json.loads(raw_line)
            entity: dict[str, Any] = {"id": line["id"], "type": line["type"], "name": line["name"]}
            entity["aliases"] = line["aliases"]
            country = line["iso3"] if line.get("kind") == "country" else iso3_of(line["country_qid"])
            if country:
                entity["country"] = country
            for key in ("kind", "gender"):
                if line.get(key):
                    entity[key] = line[key]
            entity["roles"] = [_role(p, notes, iso3_of) for p in line["positions"]]
            target.write(json.dumps(entity, ensure_ascii=False) + "\n")


def _role(
    held: dict[str, Any], notes: sqlite3.Connection, iso3_of: Callable[[str | None], str | None]
) -> dict[str, Any]:
    query = "SELECT fr, en, jurisdiction FROM positions WHERE qid = ?"
    row = notes.execute(query, (held["position"],)).fetchone()
    title, of = held["position"], None
    if row is not None:
        title = row[0] or row[1] or held["position"]
        of = iso3_of(row[2])
        title = _strip_jurisdiction(title, row[2], notes)
    return {"title": title, "of": of, "start": held["start"], "end": held["end"]}


def _strip_jurisdiction(title: str, jurisdiction: str | None, notes: sqlite3.Connection) -> str:
    """Cut "de la Fédération de Russie" off "président de la Fédération de Russie".

    The longest head that is a known office wins, so that "ministre des Affaires étrangères
    de l'Ukraine" keeps its "des Affaires étrangères" and "président du gouvernement de la
    Fédération de Russie" its "du gouvernement".
    """
    if jurisdiction is None:
        return title
    row = notes.execute("SELECT fr, en FROM countries WHERE qid = ?", (jurisdiction,)).fetchone()
    names = [n for n in (row or ()) if n]
    best = title
    for match in _OF.finditer(title):
        tail = title[match.end() :]
        head = title[: match.start()]
        if any(name in tail for name in names) and match_office(head)[1] > 0:
            best = head
    return best
