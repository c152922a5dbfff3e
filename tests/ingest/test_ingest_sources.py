"""Folders, stdin and mixed inputs: every article read, every bad input a Failure, stable order."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

import pytest

from veille.ingest import iter_sources, read_sources
from veille.model import Article, Failure

HTML = (
    "<html><head><title>Le sommet</title></head><body><article><p>Les dirigeants européens se sont "
    "réunis jeudi à Bruxelles pour discuter du budget de la défense commune.</p></article></body></html>"
)


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".cache").mkdir()
    (root / "b.txt").write_text("date 2023-03-30\n\nLe parlement turc a voté.", encoding="utf-8")
    (root / "a.md").write_text("Le gouvernement a présenté son plan.", encoding="utf-8")
    (root / "sub" / "c.html").write_text(HTML, encoding="utf-8")
    (root / "sub" / "deeper" / "feed.jsonl").write_text(
        json.dumps({"id": "r1", "text": "Premier."})
        + "\n"
        + json.dumps({"id": "r2", "text": "Second."})
        + "\n",
        encoding="utf-8",
    )
    (root / "sub" / "vide.txt").write_text("  \n", encoding="utf-8")
    (root / "sub" / "notes.json").write_text("{}", encoding="utf-8")
    (root / "image.png").write_bytes(b"\x89PNG\r\n")
    (root / ".cache" / "x.txt").write_text("caché", encoding="utf-8")
    (root / ".hidden.txt").write_text("caché", encoding="utf-8")
    return root


def test_a_folder_is_read_recursively_in_sorted_order_skipping_hidden_and_other_files(
    folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="veille.ingest.sources"):
        results = list(iter_sources([str(folder)]))
    names = [name for name, _item in results]
    assert names == ["a", "b", "c", "r1", "r2", "vide"]
    items = [item for _name, item in results]
    assert [type(i).__name__ for i in items] == ["Article"] * 5 + ["Failure"]
    assert items[-1] == Failure(str(folder / "sub" / "vide.txt"), "empty file")
    assert isinstance(items[2], Article) and items[2].title == "Le sommet"
    assert "notes.json: skipped" in caplog.text and "image.png: skipped" in caplog.text
    assert "skipped 2 file(s)" in caplog.text
    assert "caché" not in "".join(i.text for i in items if isinstance(i, Article))


def test_reading_twice_gives_the_same_articles(folder: Path) -> None:
    assert list(read_sources([str(folder)])) == list(read_sources([str(folder)]))


def test_default_date_fills_only_articles_without_one(folder: Path) -> None:
    dates = {
        a.source: a.date
        for a in read_sources([str(folder)], default_date="2025-12-04")
        if isinstance(a, Article)
    }
    assert dates["b.txt"] == "2023-03-30"
    assert dates["a.md"] == "2025-12-04"


def test_a_named_file_with_an_unknown_extension_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "depeche"
    path.write_text("date 2020-02-19 Le conseil municipal a voté.", encoding="utf-8")
    (article,) = read_sources([str(path)])
    assert isinstance(article, Article) and article.date == "2020-02-19"


def test_a_missing_path_is_a_failure() -> None:
    assert list(read_sources(["/nonexistent/x.txt"])) == [
        Failure("/nonexistent/x.txt", "no such file or folder")
    ]


def test_an_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("mot " * 300, encoding="utf-8")
    (failure,) = read_sources([str(path)], max_chars=100)
    assert isinstance(failure, Failure)
    assert failure.reason.startswith("file too large: 1,200 bytes, limit 400 bytes")


def test_stdin_text() -> None:
    stdin = io.BytesIO(" date 2025-12-04 Le ministre a parlé.".encode())
    ((name, article),) = iter_sources(["-"], stdin=stdin)
    assert name == "stdin"
    assert isinstance(article, Article)
    assert (article.date, article.text, article.source) == ("2025-12-04", "Le ministre a parlé.", "<stdin>")


def test_stdin_jsonl_is_streamed_line_by_line() -> None:
    lines = [json.dumps({"id": f"n{i}", "text": f"Article {i} " + "é" * 300}) for i in range(5)]
    stdin = io.BytesIO(("\n".join(lines[:2]) + "\n{broken\n" + "\n".join(lines[2:])).encode())
    results = list(iter_sources(["-"], stdin=stdin))
    assert [name for name, _ in results] == ["n0", "n1", "<stdin>:3", "n2", "n3", "n4"]
    assert isinstance(results[2][1], Failure) and results[2][1].line == 3


def test_stdin_html_and_empty_stdin() -> None:
    ((_n, article),) = iter_sources(["-"], stdin=io.BytesIO(HTML.encode()))
    assert isinstance(article, Article) and article.title == "Le sommet"
    ((_n, failure),) = iter_sources(["-"], stdin=io.BytesIO(b""))
    assert failure == Failure("<stdin>", "empty file")


def test_folder_notes_are_not_articles(tmp_path: Path) -> None:
    from veille.ingest.sources import iter_sources, walk_folder

    (tmp_path / "README.md").write_text("# Corpus de test\n", encoding="utf-8")
    (tmp_path / "licence.txt").write_text("CC-BY\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("date 2025-04-02\n\nLéa Morvan parle.", encoding="utf-8")
    assert [p.name for p in walk_folder(tmp_path)] == ["a.txt"]
    # Named on the command line, a README is read: the user chose it.
    assert len(list(iter_sources([str(tmp_path / "README.md")], default_date="2025-04-02"))) == 1
