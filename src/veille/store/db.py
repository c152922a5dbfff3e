"""Open a store: one SQLite file in WAL mode, migrated to the current schema."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from veille.errors import StoreError, StoreUnwritableError
from veille.store.migrations import MIGRATIONS, migrate, schema_version

# A second writer waits this long for the lock before giving up: long enough to ride
# out another ingest's transaction (one article), short enough to report a stuck store.
BUSY_TIMEOUT_MS = 60_000


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open (creating and migrating if needed) the store at ``path``.

    The connection is in autocommit mode: writers open their own transactions with
    BEGIN IMMEDIATE, one per article. ``readonly`` opens with ``mode=ro``, and with
    ``immutable=1`` when the folder cannot be written (a read-only share, a CD, a
    store shipped with an app): SQLite then needs no lock or ``-shm`` file beside it.
    An SQLite file that is not a veille store is refused, never given veille's tables.
    """
    path = Path(path)
    if readonly and not path.exists():
        raise StoreError(f"no store at {path}: run `veille ingest … --db {path}` first", where=str(path))
    if path.is_dir():
        raise StoreError("is a folder, not a store file: give a file name, like veille.db", where=str(path))
    if not readonly:
        _check_writable(path)
    try:
        if readonly:
            conn = sqlite3.connect(
                _readonly_uri(path), uri=True, isolation_level=None, check_same_thread=False
            )
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
        conn.execute("PRAGMA foreign_keys = ON")
        version = schema_version(conn)
        if _foreign(conn):
            conn.close()
            raise StoreError(
                "is an SQLite file but not a veille store: refusing to add veille's tables to it; "
                "give another --db",
                where=str(path),
            )
        if not readonly:
            _set_wal(conn)
            # NORMAL in WAL mode survives a killed process (the WAL is replayed on open);
            # only a power cut can lose the last transactions, never corrupt the file.
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn)
            version = schema_version(conn)
    except sqlite3.DatabaseError as error:
        raise StoreError(f"cannot open store: {_reason(error)}", where=str(path)) from None
    except OSError as error:
        raise StoreError(f"cannot open store: {error.strerror or error}", where=str(path)) from None
    if version != len(MIGRATIONS):
        conn.close()
        raise StoreError(
            f"store schema is version {version}, this veille expects {len(MIGRATIONS)}"
            + (": open it once for writing to migrate" if version < len(MIGRATIONS) else ": upgrade veille"),
            where=str(path),
        )
    conn.row_factory = sqlite3.Row
    return conn


def _readonly_uri(path: Path) -> str:
    uri = f"{path.resolve().as_uri()}?mode=ro"
    # In a folder nobody may write to, WAL readers cannot create the -shm file: immutable
    # tells SQLite the file cannot change, so it reads without any lock or side file.
    if not os.access(path.resolve().parent, os.W_OK):
        uri += "&immutable=1"
    return uri


def _check_writable(path: Path) -> None:
    if path.exists() and not os.access(path, os.W_OK):
        raise StoreError("the store is read-only: queries work, ingest needs write access", where=str(path))
    folder = path.resolve().parent
    while not folder.exists():
        folder = folder.parent
    if not os.access(folder, os.W_OK):
        raise StoreError(
            f"cannot write in {folder}: the store and its WAL files need a writable folder", where=str(path)
        )


def _foreign(conn: sqlite3.Connection) -> bool:
    """Tell whether the file holds tables but no veille schema version. Both are read in one
    statement, one snapshot: read apart, another process creating the store between the
    two reads (its migration commits tables and version together) looked foreign."""
    version, tables = conn.execute(
        "SELECT (SELECT user_version FROM pragma_user_version),"
        " (SELECT count(*) FROM sqlite_master WHERE type = 'table')"
    ).fetchone()
    return int(version) == 0 and int(tables) > 0


def _reason(error: sqlite3.Error) -> str:
    if "file is not a database" in str(error):
        return "not an SQLite file (is --db the right file?)"
    return str(error)


def _set_wal(conn: sqlite3.Connection) -> None:
    # Switching to WAL needs a moment with no other connection active; the busy handler
    # does not cover it, so retry for a while when another process holds the file.
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


@contextmanager
def write_transaction(conn: sqlite3.Connection, what: str, *, where: str | None = None) -> Iterator[None]:
    """Run the block in one BEGIN IMMEDIATE transaction: committed whole or rolled back whole.

    The write lock is taken at BEGIN, so what the block reads cannot change under it.
    A SQLite error becomes a StoreError saying what could not be done.
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    except sqlite3.Error as error:
        raise store_error(error, f"cannot {what}", where=where) from None


# SQLite's codes for a store that can take no write at all: every later article would
# fail the same way, so the run stops instead of recording each as a failure.
_UNWRITABLE = ("SQLITE_FULL", "SQLITE_READONLY", "SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_CORRUPT")


def store_error(error: sqlite3.Error, what: str, *, where: str | None = None) -> StoreError:
    """Turn an SQLite error into a StoreError; StoreUnwritableError when no write can work."""
    name = getattr(error, "sqlite_errorname", "") or ""
    if name.startswith(_UNWRITABLE) or "disk is full" in str(error):
        return StoreUnwritableError(f"{what}: {error} (the run stops)", where=where)
    return StoreError(f"{what}: {error}", where=where)
