"""Crash safety, measured: SIGKILL an ingest at random moments, resume, compare with a clean run.

`veille bench crash` runs it at 2,000 articles and 10 kills; the test suite at about 50
articles. The articles are generated Documents (a `veille export` JSONL), so the ingest
is all store work, where a kill can leave something half-written, and no model is loaded.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from veille.model import Article, Document, Entity, Mention, Quote
from veille.store.db import connect
from veille.store.reads import iter_documents

VEILLE = [sys.executable, "-c", "import sys; from veille.cli import main; sys.exit(main())"]
# Invented people, so that corpus entities gather variants across articles.
_PEOPLE = ["Aline Marchetti", "Bruno Kervella", "Céline Oyono", "Damien Laforêt", "Élodie Vasseur"]


def crash_corpus(count: int) -> list[Document]:
    """Return ``count`` generated Documents with shared people, variants and quotations."""
    docs = []
    for n in range(count):
        names = [_PEOPLE[(n + i) % len(_PEOPLE)] for i in range(3)]
        short = names[0].split()[-1]
        said = f"Nous tiendrons parole, numéro {n % 40}"  # repeated: one corpus quote, many sources
        text = f"{names[0]}, {names[1]} et {names[2]} se sont vus à Quimper. {short} a dit : « {said} »."
        entities = []
        for i, name in enumerate(names):
            start = text.index(name)
            mentions = [Mention(start, start + len(name), name)]
            if i == 0:
                later = text.index(short, start + len(name))
                mentions.append(Mention(later, later + len(short), short))
            entities.append(Entity(id=f"e{i + 1}", name=name, type="PER", mentions=tuple(mentions)))
        begin = text.index(said)
        quote = Quote(id="q1", kind="direct", text=said, start=begin, end=begin + len(said), speaker="e1")
        day = f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}"
        article = Article(id=f"crash-{n:05d}", text=text, date=day, source="crash.jsonl")
        docs.append(Document(article=article, entities=tuple(entities), quotes=(quote,)))
    return docs


def store_fingerprint(db: Path) -> dict[str, Any]:
    """Return what a store holds, without row ids, run ids or times: equal stores, equal prints."""
    conn = connect(db, readonly=True)
    try:
        documents = [doc.to_dict() for doc in iter_documents(conn)]
        aliases = conn.execute(
            "SELECT c.key, c.name, c.type, a.alias, a.count, a.names FROM aliases a"
            " JOIN corpus_entities c ON c.id = a.corpus_entity ORDER BY c.key, a.alias"
        ).fetchall()
        quotes = conn.execute(
            "SELECT cq.key, cq.text, a.id FROM quotes q JOIN corpus_quotes cq ON cq.id = q.corpus_quote"
            " JOIN articles a ON a.rowid = q.article ORDER BY cq.key, a.id"
        ).fetchall()
        return {
            "documents": documents,
            "aliases": [tuple(row) for row in aliases],
            "quotes": [tuple(row) for row in quotes],
            "integrity": conn.execute("PRAGMA integrity_check").fetchone()[0],
            "foreign_keys": len(conn.execute("PRAGMA foreign_key_check").fetchall()),
        }
    finally:
        conn.close()


def bench_crash(
    count: int = 2000, kills: int = 10, *, seed: int = 20251205, folder: Path | None = None
) -> dict[str, Any]:
    """Ingest ``count`` articles, SIGKILLing the ingest ``kills`` times at random moments,
    then once more to the end; compare the store with one from an uninterrupted ingest.

    Each kill waits for the run to store something new, then a random moment within a
    share of the clean run's writing time (divided by ``kills``), and kills the whole process
    group. Returns the figures docs/store.md reports.
    """
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        work = Path(tmp)
        feed = work / "feed.jsonl"
        with feed.open("w", encoding="utf-8") as handle:
            for doc in crash_corpus(count):
                handle.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        started = time.perf_counter()
        writing = _timed_run(work / "clean.db", feed)
        clean_seconds = time.perf_counter() - started
        # Kill moments spread over the writing, whatever its speed on this machine.
        spread = writing / max(kills, 1)
        rng = random.Random(seed)
        crashed, at_kill = work / "crashed.db", []
        started = time.perf_counter()
        for _ in range(kills):
            stored = _kill_while_writing(crashed, feed, rng, spread, deadline=time.monotonic() + 600)
            if stored is not None:
                at_kill.append(stored)
        _run_to_end(crashed, feed)
        resumed_seconds = time.perf_counter() - started
        clean, after = store_fingerprint(work / "clean.db"), store_fingerprint(crashed)
        statuses = _statuses(crashed)
    return {
        "articles": count,
        "kills": kills,
        "kills_mid_ingest": sum(0 < n < count for n in at_kill),
        "stored_at_each_kill": at_kill,
        "equal_to_uninterrupted": clean == after,
        "articles_stored": len(after["documents"]),
        "integrity_check": after["integrity"],
        "foreign_key_errors": after["foreign_keys"],
        "runs": statuses,
        "uninterrupted_s": round(clean_seconds, 1),
        "with_kills_s": round(resumed_seconds, 1),
    }


def _run_to_end(db: Path, feed: Path) -> None:
    done = subprocess.run([*VEILLE, "ingest", "--quiet", "--db", str(db), str(feed)], capture_output=True)
    if done.returncode != 0:
        raise RuntimeError(f"ingest into {db} failed: {done.stderr.decode(errors='replace')}")


def _timed_run(db: Path, feed: Path) -> float:
    """Ingest to the end; return the seconds from the first article stored to the end."""
    process = subprocess.Popen(
        [*VEILLE, "ingest", "--quiet", "--db", str(db), str(feed)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    first = None
    while process.poll() is None:
        if first is None and _count(db) > 0:
            first = time.perf_counter()
        time.sleep(0.005)
    _, error = process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"ingest into {db} failed: {error.decode(errors='replace')}")
    return time.perf_counter() - (first or time.perf_counter())


def _kill_while_writing(
    db: Path, feed: Path, rng: random.Random, spread: float, deadline: float
) -> int | None:
    """Start an ingest, SIGKILL it once it stored something; return the count then (None: it ended)."""
    before = _count(db)
    process = subprocess.Popen(
        [*VEILLE, "ingest", "--quiet", "--db", str(db), str(feed)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own group: the kill reaches any process it started
    )
    while process.poll() is None and _count(db) <= before and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(rng.uniform(0, spread))
    alive = process.poll() is None
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()
    return _count(db) if alive else None


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(db, timeout=30)
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0


def _statuses(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return dict(conn.execute("SELECT status, count(*) FROM runs GROUP BY status").fetchall())
    finally:
        conn.close()
