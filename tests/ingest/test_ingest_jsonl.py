"""JSON Lines: one article a line; a broken line is a Failure with its number, the rest go on."""

from __future__ import annotations

import io
import json
from pathlib import Path

from veille.ingest.jsonl import read_jsonl, read_jsonl_stream
from veille.ingest.text import article_id
from veille.model import Article, Failure


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _record(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_good_lines_give_articles_and_broken_lines_give_numbered_failures(tmp_path: Path) -> None:
    feed = _write(
        tmp_path / "feed.jsonl",
        [
            _record(
                id="a1", date="2023-03-30", title="Otan", text="La Turquie ratifie l'adhésion.", lang="fr"
            ),
            '{"id": "a2", "text": "pas fermé"',
            _record(id="a3", title="Sans texte"),
            _record(id="a4", date="2023-13-01", text="Date impossible."),
            "",
            _record(text="Un article sans identifiant.", url="https://exemple.fr/a", source="Le Journal"),
            "[1, 2]",
        ],
    )
    results = list(read_jsonl(feed, where="in/feed.jsonl"))
    items = [item for _name, item in results]
    assert [type(item).__name__ for item in items] == [
        "Article",
        "Failure",
        "Failure",
        "Failure",
        "Article",
        "Failure",
    ]

    first = items[0]
    assert isinstance(first, Article)
    assert (first.id, first.date, first.title, first.source) == ("a1", "2023-03-30", "Otan", "feed.jsonl")
    assert results[0][0] == "a1"

    failures = [item for item in items if isinstance(item, Failure)]
    assert [(f.where, f.line) for f in failures] == [
        ("in/feed.jsonl:2", 2),
        ("in/feed.jsonl:3", 3),
        ("in/feed.jsonl:4", 4),
        ("in/feed.jsonl:7", 7),
    ]
    assert failures[0].reason.startswith("bad JSON:")
    assert failures[1].reason == "missing 'text'"
    assert failures[2].reason == "bad date '2023-13-01': month must be in 1..12"
    assert failures[3].reason == "not a JSON object but list"

    unnamed = items[4]
    assert isinstance(unnamed, Article)
    assert unnamed.id == article_id(None, "Un article sans identifiant.")
    assert results[4][0] == unnamed.id
    assert (unnamed.source, unnamed.url) == ("Le Journal", "https://exemple.fr/a")


def test_default_date_applies_only_to_records_without_one(tmp_path: Path) -> None:
    feed = _write(
        tmp_path / "f.ndjson",
        [_record(id=1, text="Sans date."), _record(id=2, date="2020-12-26", text="Avec date.")],
    )
    items = [item for _n, item in read_jsonl(feed, where="f.ndjson", default_date="2025-01-01")]
    assert [(a.id, a.date) for a in items if isinstance(a, Article)] == [
        ("1", "2025-01-01"),
        ("2", "2020-12-26"),
    ]


def test_a_timestamp_gives_its_day() -> None:
    stream = io.BytesIO(_record(text="Texte.", date="2023-04-04T18:30:00+02:00").encode())
    ((_name, article),) = read_jsonl_stream(stream, where="s", source="s")
    assert isinstance(article, Article) and article.date == "2023-04-04"


def test_fields_of_the_wrong_type_are_reported() -> None:
    lines = [
        _record(text=["liste"]),
        _record(text="ok", title=3),
        _record(text="ok", id={"a": 1}),
        _record(text="  "),
    ]
    stream = io.BytesIO("\n".join(lines).encode())
    reasons = [
        item.reason
        for _n, item in read_jsonl_stream(stream, where="s", source="s")
        if isinstance(item, Failure)
    ]
    assert reasons == [
        "'text' must be a string, not a list",
        "'title' must be a string, not a number",
        "'id' must be a string or an integer, not an object",
        "empty 'text'",
    ]


def test_bom_crlf_and_mojibake_are_handled() -> None:
    data = b"\xef\xbb\xbf" + _record(id="x", text="Les alliÃ©s europÃ©ens.").encode() + b"\r\n"
    ((_name, article),) = read_jsonl_stream(io.BytesIO(data), where="s", source="s")
    assert isinstance(article, Article) and article.text == "Les alliés européens."


def test_a_line_that_is_not_utf8_is_reported() -> None:
    data = '{"text": "été"}'.encode("latin-1")
    ((_name, failure),) = read_jsonl_stream(io.BytesIO(data), where="s", source="s")
    assert isinstance(failure, Failure) and failure.reason == "not UTF-8 (JSON Lines must be UTF-8)"


def test_an_overlong_line_is_skipped_without_losing_the_next() -> None:
    data = _record(text="x" * 5000).encode() + b"\n" + _record(id="ok", text="Court.").encode() + b"\n"
    items = [item for _n, item in read_jsonl_stream(io.BytesIO(data), where="s", source="s", max_chars=100)]
    assert isinstance(items[0], Failure) and items[0].reason.startswith("line too long")
    assert isinstance(items[1], Article) and items[1].id == "ok"


def test_an_article_over_the_limit_is_reported() -> None:
    data = _record(text="mot " * 40).encode()
    ((_name, failure),) = read_jsonl_stream(io.BytesIO(data), where="s", source="s", max_chars=100)
    assert isinstance(failure, Failure) and failure.reason.startswith("article too long: 160 characters")


def test_an_empty_feed_is_one_failure(tmp_path: Path) -> None:
    feed = _write(tmp_path / "vide.jsonl", ["", "  "])
    assert [item for _n, item in read_jsonl(feed, where="vide.jsonl")] == [
        Failure("vide.jsonl", "empty file")
    ]
