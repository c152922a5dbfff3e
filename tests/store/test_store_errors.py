"""Every error a user can provoke is one line on stderr and a documented exit code (docs/cli.md).

No model here: stores are filled with hand-built Documents, or exported JSONL that ingest
stores without analysis. Permission cases run the command as an unprivileged user when the
tests run as root (root may write anywhere), and are skipped where neither is possible.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import veille
from veille.cli import main
from veille.errors import StoreUnwritableError
from veille.model import Document
from veille.store import connect, write_document
from veille.store.db import write_transaction
from veille.store.queries import MAX_SEARCH_WORDS, check_search, fts_query

MakeDoc = Callable[..., Document]

VEILLE = [sys.executable, "-c", "import sys; from veille.cli import main; sys.exit(main())"]
NOBODY = 65534


def one_line_error(capsys: pytest.CaptureFixture[str], code: int, expected: int, *needles: str) -> str:
    err = capsys.readouterr().err.strip()
    assert code == expected, err
    assert len(err.splitlines()) == 1, err
    assert err.startswith("veille: error: "), err
    for needle in needles:
        assert needle in err
    return err


@pytest.fixture
def store(tmp_path: Path, make_document: MakeDoc) -> Path:
    db = tmp_path / "veille.db"
    conn = connect(db)
    write_document(conn, make_document("Léa Morvan a parlé à Quimper du port de pêche.",
                                       entities=[("PER", "Léa Morvan", ["Léa Morvan"])]))  # fmt: skip
    conn.close()
    return db


def test_text_file_as_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("des notes, pas une base\n" * 200, encoding="utf-8")
    one_line_error(capsys, main(["quotes", "--db", str(notes)]), 4, "not an SQLite file")
    one_line_error(capsys, main(["ingest", "--quiet", "--db", str(notes), str(notes)]), 4, "notes.txt")
    assert notes.read_text(encoding="utf-8").startswith("des notes")


def test_unrelated_sqlite_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "compta.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE factures (numero INTEGER, montant REAL)")
    conn.commit()
    conn.close()
    feed = tmp_path / "a.txt"
    feed.write_text("Texte.", encoding="utf-8")
    one_line_error(
        capsys, main(["ingest", "--quiet", "--db", str(other), str(feed)]), 4, "not a veille store"
    )
    one_line_error(capsys, main(["quotes", "--db", str(other)]), 4, "not a veille store")
    conn = sqlite3.connect(other)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["factures"]
    conn.close()


@pytest.mark.parametrize("limit", ["99999999999999999999", "0", "-3"])
def test_out_of_range_limit(store: Path, limit: str, capsys: pytest.CaptureFixture[str]) -> None:
    one_line_error(capsys, main(["quotes", "--db", str(store), "--limit", limit]), 2, "--limit")


def test_search_empty_and_huge(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one_line_error(capsys, main(["search", "", "--db", str(store)]), 2, "no word")
    one_line_error(capsys, main(["search", " ,;! ", "--db", str(store)]), 2, "no word")
    # 5,000 distinct words: refused at once, never run (it used to run for over 23 minutes).
    many = " ".join(f"mot{n}" for n in range(5000))
    one_line_error(capsys, main(["search", many, "--db", str(store)]), 2, "at most")
    words = " ".join(f"m{n}" for n in range(MAX_SEARCH_WORDS + 1))
    one_line_error(capsys, main(["search", words, "--db", str(store)]), 2, f"at most {MAX_SEARCH_WORDS}")


def test_search_terms_are_deduplicated(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert fts_query("port Port PORT port-de-pêche port") == '"port" "port de pêche"'
    # A long query of few distinct words is not refused: repeats cost nothing.
    assert check_search(" ".join(["Quimper"] * 300)) == '"Quimper"'
    assert main(["search", " ".join(["Quimper", "port"] * 200), "--db", str(store), "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [hit["id"] for hit in found["articles"]] and found["quotes"] == []


def test_bad_values_are_checked(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["kb", "lookup", "--office", "maire", "--date", "foo"])
    one_line_error(capsys, code, 2, "--date", "foo")
    # --stages is checked before anything loads: no model is installed in this test's way.
    one_line_error(capsys, main(["analyze", "-", "--stages", "bogus"]), 2, "bogus", "known:")
    one_line_error(capsys, main(["ingest", "--db", str(store), "-", "--stages", "entities,nope"]), 2, "nope")
    one_line_error(capsys, main(["ingest", "--db", str(store), "-", "--max-chars", "0"]), 2, "--max-chars")


def test_bad_environment_limit(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("VEILLE_MAX_CHARS", "beaucoup")
    one_line_error(capsys, main(["analyze", "-"]), 2, "VEILLE_MAX_CHARS")


def test_full_store_stops_the_run_with_one_error(tmp_path: Path, make_document: MakeDoc) -> None:
    # SQLITE_FULL, as a full disk gives it: here a page budget the store has already used.
    conn = connect(tmp_path / "full.db")
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreUnwritableError, match="full"):
        write_document(conn, make_document("Un texte " * 2000))
    with pytest.raises(StoreUnwritableError), write_transaction(conn, "store article"):
        conn.execute("INSERT INTO failures (run_id, \"where\", reason, at) VALUES (NULL, ?, ?, '')",
                     ("x", "y" * 100_000))  # fmt: skip
    conn.close()


# --- permissions ------------------------------------------------------------------------------------------


def as_user(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run veille as an unprivileged user when root (who may write anywhere), else as is."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: permissions cannot be tested")
        for needed in (Path(veille.__file__), Path(sys.executable)):
            if not _others_may_reach(needed):
                # A checkout in a folder only root may enter (mktemp -d makes one, 0700).
                pytest.skip(
                    f"{needed} is not reachable by an unprivileged user: permissions cannot be tested"
                )
        prefix = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    env = {**os.environ, "HOME": str(cwd)}
    return subprocess.run(
        [*prefix, *VEILLE, *args], capture_output=True, text=True, cwd=cwd, timeout=120, env=env
    )


def _others_may_reach(path: Path) -> bool:
    """Tell whether every folder above ``path`` (as named, links not followed) lets any user in."""
    return all(folder.stat().st_mode & 0o001 for folder in path.absolute().parents)


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A folder everyone may enter, outside pytest's own (private to their owner, and reset
    by any other pytest run of the same user)."""
    base = Path(tempfile.mkdtemp(prefix="veille-perm-"))
    base.chmod(0o755)
    try:
        yield base
    finally:
        for folder in (base, *base.rglob("*")):
            if folder.is_dir():
                folder.chmod(0o755)
        shutil.rmtree(base, ignore_errors=True)


def test_read_only_store_is_queryable(open_folder: Path, store: Path) -> None:
    folder = open_folder / "lecture"
    folder.mkdir()
    db = folder / "veille.db"
    shutil.copy(store, db)
    doc_export = open_folder / "doc.jsonl"
    doc_export.write_text("", encoding="utf-8")
    db.chmod(0o444)
    folder.chmod(0o555)
    try:
        for command in (["quotes"], ["search", "Quimper"], ["entities"]):
            done = as_user([*command, "--db", str(db), "--format", "json"], open_folder)
            assert done.returncode == 0, done.stderr
        done = as_user(["show", "x", "--db", str(db)], open_folder)
        assert done.returncode != 0 and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
        search = as_user(["search", "Quimper", "--db", str(db), "--format", "json"], open_folder)
        assert len(json.loads(search.stdout)["articles"]) == 1
        # Writing into it is one line, exit 4; exporting into the read-only folder one line, exit 5.
        feed = open_folder / "a.txt"
        feed.write_text("date 2025-12-01\n\nUn texte.", encoding="utf-8")
        feed.chmod(0o644)
        done = as_user(["ingest", "--quiet", "--db", str(db), str(feed)], open_folder)
        assert (done.returncode, done.stderr.count("\n")) == (4, 1) and "read-only" in done.stderr
        out = str(folder / "out")
        done = as_user(["export", "--db", str(db), "--format", "jsonl", "--out", out], open_folder)
        assert (done.returncode, done.stderr.count("\n")) == (5, 1), done.stderr
        done = as_user(["analyze", str(feed), "--out", out, "--stages", "entities"], open_folder)
        assert (done.returncode, done.stderr.count("\n")) == (5, 1), done.stderr
    finally:
        folder.chmod(0o755)
        db.chmod(0o644)


def test_read_only_store_file_in_writable_folder(open_folder: Path, store: Path) -> None:
    db = open_folder / "veille.db"
    shutil.copy(store, db)
    db.chmod(0o444)
    try:
        done = as_user(["quotes", "--db", str(db), "--format", "json"], open_folder)
        assert done.returncode == 0, done.stderr
    finally:
        db.chmod(0o644)
