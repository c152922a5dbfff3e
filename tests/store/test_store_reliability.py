"""Reliability: SIGKILL at random moments, two ingests at once, bad inputs among good ones.

Each kill test ends with a plain run and checks that every article is stored exactly once,
complete, and that SQLite's integrity check passes.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from veille.cli import main
from veille.model import Document, Entity, Mention, Quote
from veille.runners.crash import bench_crash
from veille.store import connect, iter_documents

VEILLE = [sys.executable, "-c", "import sys; from veille.cli import main; sys.exit(main())"]
NAMES = ["Vladimir Poutine", "Volodymyr Zelensky", "Elina Valtonen", "Donald Trump", "Steve Witkoff"]


def synthetic_document(n: int) -> Document:
    """A small article with many entities and mentions, so that one write takes a while."""
    words = [f"{NAMES[i % len(NAMES)]} {n}-{i}" for i in range(15)]
    text = (
        f"Article {n}. " + " et ".join(words) + " ont parlé. « Nous voulons la paix numéro " + str(n) + " »."
    )
    entities = []
    for i, name in enumerate(words):
        start = text.index(name)
        entities.append(Entity(id=f"e{i + 1}", name=name, type="PER",
                               mentions=(Mention(start, start + len(name), name),)))  # fmt: skip
    words_start = text.index("Nous")
    quote = Quote(id="q1", kind="direct", text=text[words_start:-3], start=words_start, end=len(text) - 3,
                  speaker="e1")  # fmt: skip
    from veille.model import Article

    article = Article(
        id=f"synthetic-{n:04d}", text=text, date=f"2025-12-{1 + n % 28:02d}", source="synth.jsonl"
    )
    return Document(article=article, entities=tuple(entities), quotes=(quote,))


def write_jsonl(path: Path, docs: list[Document]) -> None:
    path.write_text(
        "".join(json.dumps(d.to_dict(), ensure_ascii=False) + "\n" for d in docs), encoding="utf-8"
    )


def count_articles(db: Path) -> int:
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


def start(args: list[str]) -> subprocess.Popen[bytes]:
    # A session of its own, so that the kill reaches the workers it spawned too.
    return subprocess.Popen(
        [*VEILLE, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )


def kill_group(process: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


def kill_while_writing(
    process: subprocess.Popen[bytes], db: Path, rng: random.Random, deadline: float
) -> bool:
    """Wait until this run has stored something new, then SIGKILL it a random moment later.
    Return whether it was still running when killed."""
    before = count_articles(db)
    while process.poll() is None and count_articles(db) <= before and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(rng.uniform(0, 0.15))
    alive = process.poll() is None
    kill_group(process)
    return alive


def assert_store_sound(db: Path, expected: dict[str, Document]) -> None:
    conn = connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
        assert sorted(ids) == sorted(expected), "every article exactly once"
        for doc in iter_documents(conn):
            assert doc == expected[doc.article.id], f"{doc.article.id} is partial or altered"
        # Every reported quotation kept its corpus row: nothing half-written there either.
        assert conn.execute("SELECT count(*) FROM quotes WHERE corpus_quote IS NULL").fetchone()[0] == 0
    finally:
        conn.close()


def test_sigkill_during_ingest_then_resume(tmp_path: Path) -> None:
    docs = [synthetic_document(n) for n in range(300)]
    source = tmp_path / "feed.jsonl"
    write_jsonl(source, docs)
    db = tmp_path / "veille.db"
    rng = random.Random(20251204)
    deadline = time.monotonic() + 120
    partial = 0
    for _ in range(5):
        if kill_while_writing(start(["ingest", "--quiet", "--db", str(db), str(source)]), db, rng, deadline):
            stored = count_articles(db)
            partial += 0 < stored < len(docs)
    assert partial, "no kill landed mid-ingest: the test proved nothing"
    final = subprocess.run(
        [*VEILLE, "ingest", "--quiet", "--db", str(db), str(source)], capture_output=True, timeout=120
    )
    assert final.returncode == 0, final.stderr.decode()
    assert_store_sound(db, {d.article.id: d for d in docs})
    # The killed runs stay visible: the next run marked them interrupted.
    conn = connect(db)
    statuses = [r[0] for r in conn.execute("SELECT status FROM runs ORDER BY id")]
    conn.close()
    assert statuses[-1] == "done" and "interrupted" in statuses and "running" not in statuses


def test_sigkill_at_random_points_equals_an_uninterrupted_run() -> None:
    # `veille bench crash` at CI scale: 50 articles, 4 kills spread over the writing.
    report = bench_crash(50, 4, seed=7)
    assert report["kills_mid_ingest"] >= 1, f"no kill landed mid-ingest: {report}"
    assert report["equal_to_uninterrupted"], report
    assert report["integrity_check"] == "ok" and report["foreign_key_errors"] == 0
    assert report["runs"].get("running", 0) == 0 and report["runs"]["interrupted"] >= 1


def test_two_ingests_at_once(tmp_path: Path) -> None:
    docs = [synthetic_document(n) for n in range(200)]
    # Overlapping inputs: 0-149 and 50-199, written at the same time into one store.
    write_jsonl(tmp_path / "a.jsonl", docs[:150])
    write_jsonl(tmp_path / "b.jsonl", docs[50:])
    db = tmp_path / "veille.db"
    runs = [
        start(["ingest", "--quiet", "--db", str(db), str(tmp_path / name)]) for name in ("a.jsonl", "b.jsonl")
    ]
    try:
        for process in runs:
            assert process.wait(timeout=120) == 0, process.stderr.read().decode() if process.stderr else ""
    finally:
        for process in runs:
            kill_group(process)
    assert_store_sound(db, {d.article.id: d for d in docs})


@pytest.mark.slow
@pytest.mark.model
def test_sigkill_with_workers_then_resume(tmp_path: Path) -> None:
    corpus = tmp_path / "articles"
    corpus.mkdir()
    cities = ["Paris", "Kiev", "Moscou", "Bruxelles", "Helsinki", "Washington"]
    for n in range(60):
        city = cities[n % len(cities)]
        (corpus / f"a{n:03d}.txt").write_text(
            f"date 2025-12-{1 + n % 28:02d}\nEmmanuel Macron a rencontré Olaf Scholz à {city} le jour {n}. "
            f"Le ministre a parlé de l'OTAN et de l'Union européenne pendant {n} minutes.\n",
            encoding="utf-8",
        )
    db = tmp_path / "veille.db"
    args = ["ingest", "--quiet", "--stages", "entities", "--workers", "2", "--db", str(db), str(corpus)]
    process = start(args)
    killed = kill_while_writing(process, db, random.Random(7), time.monotonic() + 240)
    stored_after_kill = count_articles(db)
    final = subprocess.run([*VEILLE, *args], capture_output=True, timeout=300)
    assert final.returncode == 0, final.stderr.decode()
    conn = connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
        assert len(ids) == len(set(ids)) == 60
        sources = {r[0] for r in conn.execute("SELECT source FROM articles")}
        assert len(sources) == 60
        # Every article came with its entities (no article stored without its rows).
        bare = conn.execute("SELECT count(*) FROM articles a WHERE NOT EXISTS "
                            "(SELECT 1 FROM entities e WHERE e.article = a.rowid)").fetchone()[0]  # fmt: skip
        assert bare == 0
    finally:
        conn.close()
    assert not killed or stored_after_kill < 60


def test_orphaned_workers_exit_when_the_ingest_is_killed(tmp_path: Path) -> None:
    # Kill only the parent: its workers must notice and exit by themselves.
    (tmp_path / "a.txt").write_text("date 2025-12-04\nEmmanuel Macron parle.\n", encoding="utf-8")
    process = start(
        ["ingest", "--quiet", "--workers", "2", "--db", str(tmp_path / "v.db"), str(tmp_path / "a.txt")]
    )
    try:
        time.sleep(1.5)  # workers are spawned and loading the model by now
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                os.killpg(process.pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.2)
        pytest.fail("worker processes outlived the killed ingest")
    finally:
        kill_group(process)


@pytest.mark.model
def test_bad_inputs_among_good_ones(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"good{n}.txt").write_text(
            f"date 2025-12-0{n + 1}\nEmmanuel Macron parle {n}.\n", encoding="utf-8"
        )
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "bad-date.txt").write_text("date 2025-13-45\nUn texte.\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "feed.jsonl").write_text(
        '{"id": "j1", "date": "2025-12-04", "text": "Olaf Scholz parle."}\n{"id": "j2", "text": \n',
        encoding="utf-8",
    )
    db = tmp_path / "veille.db"
    code = main(["ingest", "--quiet", "--workers", "0", "--stages", "entities", "--db", str(db), str(folder)])
    captured = capsys.readouterr()
    out = captured.out
    assert code == 1
    assert "4 ingested" in out and "4 failed" in out
    for name in ("empty.txt", "bad-date.txt", "binary.txt", "feed.jsonl:2"):
        assert name in captured.err  # failures go to stderr, the summary to stdout
        assert name not in out
    conn = connect(db)
    failures = conn.execute('SELECT "where", line FROM failures ORDER BY id').fetchall()
    conn.close()
    assert len(failures) == 4 and any(line == 2 for _, line in failures)
    # Again: the good ones are skipped, the bad ones fail again and are listed again.
    assert (
        main(["ingest", "--quiet", "--workers", "0", "--stages", "entities", "--db", str(db), str(folder)])
        == 1
    )
    assert "0 ingested, 4 skipped" in capsys.readouterr().out


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.parametrize(
    ("sig", "to_group", "code", "line"),
    [(signal.SIGINT, True, 130, "veille: interrupted"), (signal.SIGTERM, False, 143, "veille: terminated")],
    ids=["ctrl-c-to-the-group", "sigterm"],
)
def test_ctrl_c_and_sigterm_with_workers_are_one_line(
    tmp_path: Path, sig: signal.Signals, to_group: bool, code: int, line: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(40):
        (folder / f"a{n}.txt").write_text(
            f"date 2025-05-0{1 + n % 9}\n\nLéa Morvan parle {n}.", encoding="utf-8"
        )
    db = tmp_path / "veille.db"
    process = subprocess.Popen(
        [*VEILLE, "ingest", "--quiet", "--workers", "2", "--db", str(db), str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # as a terminal's Ctrl-C does, the signal can reach the whole group
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # not ignored, as under `&`
    )
    try:
        time.sleep(4)  # the loader and its workers are starting or running
        (os.killpg if to_group else os.kill)(process.pid, sig)
        _, err = process.communicate(timeout=60)
    finally:
        kill_group(process)
    text = err.decode()
    assert process.returncode == code, text
    assert text.strip().splitlines() == [line], text  # no traceback, no leaked-semaphore warning
    conn = connect(db)
    statuses = [r[0] for r in conn.execute("SELECT status FROM runs")]
    conn.close()
    assert statuses == ["interrupted"]
