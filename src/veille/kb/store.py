"""The KB in SQLite: built once from the JSONL files, cached by their hash, searched by key.

Building the shipped KB takes a fraction of a second; opening a cached build takes
milliseconds. The cache lives in ``$VEILLE_CACHE_DIR``, else ``$XDG_CACHE_HOME/veille``, else
``~/.cache/veille``, else the temp folder; its file name carries the hash of the KB files
and of the build code, so an edited KB or a new veille never reads a stale build.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz, process

from veille.errors import InputError
from veille.kb.format import KBEntity, merge_entities, parse_entity, read_kb
from veille.kb.names import surname_of, translit_key
from veille.kb.offices import office_key
from veille.normal import name_key, word_key

# Bump when the tables or the keys change: the cache name carries it.
BUILD_VERSION = "3"
SHIPPED = ("countries.jsonl", "organisations.jsonl", "places.jsonl", "people.jsonl")

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE entities (id TEXT PRIMARY KEY, type TEXT, kind TEXT, country TEXT, prominent INTEGER, data TEXT);
CREATE TABLE aliases (norm TEXT, key TEXT, id TEXT, kind TEXT, type TEXT);
CREATE TABLE roles (id TEXT, office TEXT, of TEXT, title TEXT, start TEXT, "end" TEXT);
CREATE TABLE demonyms (form TEXT PRIMARY KEY, country TEXT);
"""
_INDEXES = """
CREATE INDEX aliases_norm ON aliases(norm);
CREATE INDEX aliases_key ON aliases(key);
CREATE INDEX roles_office ON roles(office, of);
"""


def shipped_paths() -> list[Path]:
    """Return the files of the starter KB shipped with veille, in merge order."""
    data = resources.files("veille.kb").joinpath("data")
    return [Path(str(data.joinpath(name))) for name in SHIPPED]


def kb_paths(path: Path | None) -> list[Path]:
    """Return the KB files for a user setting: None is the starter KB; a folder is its *.jsonl.

    A user file whose header says ``"extends": "starter"`` is read after the starter KB, so
    that it can add to or correct the shipped facts.
    """
    if path is None:
        return shipped_paths()
    if path.is_dir():
        files = sorted(path.glob("*.jsonl"))
        if not files:
            raise InputError("no *.jsonl KB file in this folder", where=str(path))
    elif path.is_file():
        files = [path]
    else:
        raise InputError("KB file not found", where=str(path))
    return (shipped_paths() if any(_extends_starter(f) for f in files) else []) + files


def _extends_starter(path: Path) -> bool:
    with path.open(encoding="utf-8") as handle:
        first = handle.readline()
    try:
        header = json.loads(first) if first.strip() else {}
    except json.JSONDecodeError:
        return False
    return isinstance(header, dict) and header.get("extends") == "starter" and "id" not in header


def cache_dir() -> Path:
    """Return a writable folder for built KBs."""
    for candidate in (
        os.environ.get("VEILLE_CACHE_DIR"),
        os.path.join(os.environ["XDG_CACHE_HOME"], "veille") if os.environ.get("XDG_CACHE_HOME") else None,
        os.path.join(os.path.expanduser("~"), ".cache", "veille"),
    ):
        if not candidate:
            continue
        try:
            Path(candidate).mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(candidate, os.W_OK):
            return Path(candidate)
    return Path(tempfile.gettempdir())


def kb_hash(paths: Sequence[Path]) -> str:
    """Return a short hash of the KB files' contents and of the build version."""
    digest = hashlib.sha256(BUILD_VERSION.encode())
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def build_db(entities: Iterable[KBEntity], target: Path) -> int:
    """Write the SQLite KB of these entities (merged by id) to ``target``; return their count."""
    merged = merge_entities(entities)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    connection = sqlite3.connect(tmp)
    try:
        connection.executescript(_SCHEMA)
        connection.executemany(
            "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?)",
            ((e.id, e.type, e.kind, e.country, int(e.prominent), _json(e)) for e in merged.values()),
        )
        connection.executemany("INSERT INTO aliases VALUES (?, ?, ?, ?, ?)", _alias_rows(merged.values()))
        connection.executemany(
            "INSERT INTO roles VALUES (?, ?, ?, ?, ?, ?)",
            (
                (e.id, office_key(r.title, r.of), r.of, r.title, r.start, r.end)
                for e in merged.values()
                for r in e.roles
            ),
        )
        connection.executemany(
            "INSERT OR IGNORE INTO demonyms VALUES (?, ?)",
            ((word_key(form), e.country) for e in merged.values() if e.country for form in e.demonyms),
        )
        connection.executescript(_INDEXES)
        connection.commit()
    finally:
        connection.close()
    os.replace(tmp, target)
    return len(merged)


def _json(entity: KBEntity) -> str:
    return json.dumps(entity.to_dict(), ensure_ascii=False)


def _alias_rows(entities: Iterable[KBEntity]) -> Iterable[tuple[str, str, str, str, str]]:
    for entity in entities:
        seen: set[str] = set()
        names = entity.all_names()
        for text, _lang, kind in names:
            norm = name_key(text)
            if norm and norm not in seen:
                seen.add(norm)
                yield norm, translit_key(text), entity.id, kind, entity.type
        if entity.type != "PER":
            continue
        # A person is often named by surname alone (Poutine, Erdogan): index it, weaker.
        for text, _lang, _kind in names:
            surname = surname_of(text)
            if surname is None:
                continue
            norm = word_key(surname)
            if norm not in seen:
                seen.add(norm)
                yield norm, translit_key(surname), entity.id, "surname", entity.type


def open_kb(path: Path | None = None) -> KB:
    """Open the KB for a setting (None: the starter KB), building and caching it when needed."""
    paths = kb_paths(path)
    # The office table decides the roles' office keys, so a change to it must rebuild too.
    offices = Path(str(resources.files("veille.kb").joinpath("data/offices.tsv")))
    target = cache_dir() / f"kb-{kb_hash([*paths, offices])}.sqlite"
    if not target.exists():
        build_db(read_kb(paths), target)
    return KB(target)


def build_kb(path: Path | None, out: Path | None = None) -> tuple[KB, int]:
    """Check and build the KB of a setting (None: the starter KB); copy its SQLite file to ``out``.

    Return the KB and how many entities it holds. A bad KB line raises the error that names it.
    """
    kb = open_kb(path)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        build_db(read_kb(kb_paths(path)), out)
    return kb, len(kb)


@lru_cache(maxsize=4)
def default_kb(path: Path | None = None) -> KB:
    """Return the KB for a setting, opened once per process."""
    return open_kb(path)


# The most alias rows fuzzy keeps in memory (about 250 bytes each): the starter KB has 1,611.
_MAX_KEPT_ROWS = 200_000


class KB:
    """Read access to a built KB: aliases, entities, roles and demonyms."""

    def __init__(self, db_path: Path) -> None:
        self.path = db_path
        # check_same_thread off: the KB is read-only and stages may run in worker threads.
        self.connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, check_same_thread=False)
        self._entities: dict[str, KBEntity | None] = {}
        self._size: int | None = None
        # fuzzy's aliases by first letter, (keys, rows), kept while they hold few rows in all
        self._by_letter: dict[str, tuple[list[str], list[tuple[str, str, str, str]]]] = {}
        self._kept_rows = 0

    def __len__(self) -> int:
        # Counted once: the KB is opened read-only, and ``kb or default_kb()`` asks it of
        # every title the resolve and link stages parse (a count over the table each time).
        if self._size is None:
            self._size = int(self.connection.execute("SELECT count(*) FROM entities").fetchone()[0])
        return self._size

    def get(self, ident: str) -> KBEntity | None:
        """Return the entity with this id, or None."""
        if ident not in self._entities:
            row = self.connection.execute("SELECT data FROM entities WHERE id = ?", (ident,)).fetchone()
            self._entities[ident] = parse_entity(json.loads(row[0]), str(self.path)) if row else None
        return self._entities[ident]

    @lru_cache(maxsize=65536)  # noqa: B019 - one KB per process; the cache dies with it
    def by_norm(self, norm: str) -> tuple[tuple[str, str, str], ...]:
        """Return (id, alias kind, type) for aliases with this normalised form."""
        rows = self.connection.execute("SELECT id, kind, type FROM aliases WHERE norm = ?", (norm,))
        return tuple(dict.fromkeys(tuple(r) for r in rows))

    @lru_cache(maxsize=65536)  # noqa: B019
    def by_key(self, key: str) -> tuple[tuple[str, str, str], ...]:
        """Return (id, alias kind, type) for aliases with this transliteration key."""
        rows = self.connection.execute("SELECT id, kind, type FROM aliases WHERE key = ?", (key,))
        return tuple(dict.fromkeys(tuple(r) for r in rows))

    @lru_cache(maxsize=65536)  # noqa: B019
    def fuzzy(self, key: str, cutoff: float = 85.0) -> tuple[tuple[str, str, str, float], ...]:
        """Return (id, alias kind, type, score 0-100) for aliases whose key is close to ``key``.

        Only keys sharing the first letter are compared: a typo rarely hits it, and this keeps
        a Wikidata-sized KB fast.
        """
        if len(key) < 4:
            return ()
        keys, rows = self._aliases_from(key[0])
        if not rows:
            return ()
        hits = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=20)
        best: dict[tuple[str, str, str], float] = {}
        for _choice, score, index in hits:
            _key, ident, kind, kb_type = rows[index]
            best[(ident, kind, kb_type)] = max(score, best.get((ident, kind, kb_type), 0.0))
        return tuple((i, k, t, s) for (i, k, t), s in best.items())

    def _aliases_from(self, letter: str) -> tuple[list[str], list[tuple[str, str, str, str]]]:
        """Return the keys, and the rows (key, id, kind, type), of the aliases whose key starts
        with ``letter``, in the table's order. Each name fuzzy is asked of fetched its letter's
        aliases again (about 11 names an article, the link stage's largest cost on unseen
        text); the KB is read-only, so a letter's rows are kept while the kept rows stay
        under _MAX_KEPT_ROWS (a Wikidata-sized KB keeps some letters and fetches the rest)."""
        kept = self._by_letter.get(letter)
        if kept is not None:
            return kept
        rows = self.connection.execute(
            "SELECT key, id, kind, type FROM aliases WHERE key >= ? AND key < ?", (letter, letter + "\uffff")
        ).fetchall()
        found = ([r[0] for r in rows], rows)
        if self._kept_rows + len(rows) <= _MAX_KEPT_ROWS:
            self._by_letter[letter] = found
            self._kept_rows += len(rows)
        return found

    def holders(self, office: str, of: str | None, date: str | None) -> list[KBEntity]:
        """Return the entities holding ``office`` of ``of`` on ``date`` (any date when None)."""
        if of is None:
            rows = self.connection.execute("SELECT DISTINCT id FROM roles WHERE office = ?", (office,))
        else:
            rows = self.connection.execute(
                "SELECT DISTINCT id FROM roles WHERE office = ? AND of = ?", (office, of)
            )
        found: list[KBEntity] = []
        for (ident,) in rows.fetchall():
            entity = self.get(ident)
            if entity is None:
                continue
            if any(
                office_key(r.title, r.of) == office and (of is None or r.of == of) and r.active_on(date)
                for r in entity.roles
            ):
                found.append(entity)
        return found

    @lru_cache(maxsize=4096)  # noqa: B019
    def country_of_demonym(self, word: str) -> str | None:
        """Return the ISO3 code a French demonym adjective points to (ukrainienne → UKR)."""
        query = "SELECT country FROM demonyms WHERE form = ?"
        row = self.connection.execute(query, (word_key(word),)).fetchone()
        return row[0] if row else None

    def country_entity(self, iso3: str) -> KBEntity | None:
        """Return the country entity of an ISO3 code."""
        row = self.connection.execute(
            "SELECT id FROM entities WHERE kind = 'country' AND country = ?", (iso3,)
        ).fetchone()
        return self.get(row[0]) if row else None
