"""The store commands: tables by default, JSON on request, one-line errors; each documented."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from veille.cli import main
from veille.model import Document
from veille.store import connect, write_document

ROOT = Path(__file__).resolve().parents[2]
MakeDoc = Callable[..., Document]
STORE_COMMANDS = ("ingest", "quotes", "events", "entities", "show", "search", "export", "bench", "demo")

TEXT = "Vladimir Poutine a déclaré : « Les négociations [avancent] lentement. » Moscou a accusé Kiev."


@pytest.fixture
def db(db_path: Path, make_document: MakeDoc) -> Path:
    conn = connect(db_path)
    write_document(conn, make_document(
        TEXT,
        entities=[("PER", "Vladimir Poutine", ["Vladimir Poutine"]), ("LOC", "Moscou", ["Moscou"]),
                  ("LOC", "Kiev", ["Kiev"])],
        quotes=[("e1", "Les négociations [avancent] lentement.")],
        events=[("ACCUSE", "accusé", ["e2"], ["e3"])],
    ))  # fmt: skip
    conn.close()
    return db_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_tables_escape_the_text(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "quotes", "--db", str(db), "--speaker", "poutine")
    assert code == 0
    # Square brackets in article text are shown, not taken as rich markup.
    assert "[avancent]" in out and "Vladimir Poutine" in out
    code, out, _ = run(capsys, "search", "--db", str(db), "negociations")
    assert code == 0 and "Articles" in out and "[avancent]" in out


def test_json_for_scripts(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "events", "--db", str(db), "--type", "accuse", "--format", "json")
    (event,) = json.loads(out)
    assert (event["actors"], event["targets"]) == (["Moscou"], ["Kiev"])
    _, out, _ = run(capsys, "entities", "--db", str(db), "--type", "LOC", "--format", "json")
    assert [e["name"] for e in json.loads(out)] == ["Kiev", "Moscou"]
    article_id = json.loads(run(capsys, "search", "--db", str(db), "Moscou", "--format", "json")[1])[
        "articles"
    ][0]["id"]
    _, out, _ = run(capsys, "show", "--db", str(db), article_id[:6], "--format", "json")
    assert json.loads(out)["article"]["text"] == TEXT


def test_errors_are_one_line(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "quotes", "--db", str(tmp_path / "missing.db"))
    assert code != 0 and err.count("\n") == 1 and "no store" in err
    code, _, err = run(capsys, "show", "--db", str(db), "ffff-nope")
    assert code != 0 and "no article" in err
    code, _, err = run(capsys, "quotes", "--db", str(db), "--since", "hier")
    assert code != 0 and "--since" in err


def test_every_store_command_has_help_and_docs(capsys: pytest.CaptureFixture[str]) -> None:
    docs = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for command in STORE_COMMANDS:
        with pytest.raises(SystemExit) as exit_:
            main([command, "--help"])
        assert exit_.value.code == 0
        assert capsys.readouterr().out.strip()
        assert re.search(rf"^## veille {command}\b", docs, re.MULTILINE), (
            f"docs/cli.md lacks veille {command}"
        )
