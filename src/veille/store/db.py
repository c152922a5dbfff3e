"""Open a store: one SQLite file in WAL mode, migrated to the current schema."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from veille.errors import StoreError
from veille.store.migrations import MIGRATIONS, migrate, schema_version

# A second writer waits this long for the lock before giving up: long enough to ride
# out another ingest's transaction (one article), short enough to report a stuck store.
BUSY_TIMEOUT_MS = 60_000


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open (creating and migrating if needed) the store at ``path``.

    The connection is in autocommit mode: writers open their own transactions with
    BEGIN IMMEDIATE, one per article.
    """
    path = Path(path)
    if readonly and not path.exists():
        raise StoreError(f"no store at {path}: run `veille ingest … --db {path}` first", where=str(path))
    try:
        if readonly:
            conn = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
            )
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            _set_wal(conn)
            # NORMAL in WAL mode survives a killed process (the WAL is replayed on open);
            # only a power cut can lose the last transactions, never corrupt the file.
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn)
    except sqlite3.DatabaseError as error:
        raise StoreError(f"cannot open store: {error}", where=str(path)) from None
    version = schema_version(conn)
    if version != len(MIGRATIONS):
        conn.close()
        raise StoreError(
            f"store schema is version {version}, this veille expects {len(MIGRATIONS)}"
            + (": open it once for writing to migrate" if version < len(MIGRATIONS) else ": upgrade veille"),
            where=str(path),
        )
    conn.row_factory = sqlite3.Row
    return conn


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
        raise StoreError(f"cannot {what}: {error}", where=where) from None
