"""The store's read commands: the demo's tables at 80 and 200 columns, and --format table|json|jsonl."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console

from veille.cli import main
from veille.cli.demo import print_demo
from veille.cli.entities import print_clusters
from veille.cli.search import print_articles
from veille.model import Document
from veille.store import connect, write_document
from veille.store.queries import find_clusters, search_articles

MakeDoc = Callable[..., Document]

SENTENCE = (
    "Le maire de Port-Aubin, Julien Marchetti, a accusé jeudi la direction régionale de la santé de "
    "fermer la maternité sans consulter les élus du canton"
)
QUOTE = "Nous irons jusqu'au Conseil d'État s'il le faut, car une maternité fermée ne rouvre jamais"
TEXT = f"{SENTENCE}. « {QUOTE} », a déclaré Julien Marchetti. Marchetti répondra aux habitants."


@pytest.fixture
def db(db_path: Path, make_document: MakeDoc) -> Path:
    conn = connect(db_path)
    write_document(conn, make_document(
        TEXT,
        source="port-aubin-maternite-fermeture.txt",
        entities=[("PER", "Julien Marchetti", ["Julien Marchetti", "Julien Marchetti", "Marchetti"]),
                  ("ORG", "direction régionale de la santé", ["direction régionale de la santé"])],
        quotes=[("e1", QUOTE)],
        events=[("ACCUSE", "accusé", ["e1"], ["e2"])],
    ))  # fmt: skip
    conn.close()
    return db_path


def render(draw: Callable[[Console], object], width: int) -> str:
    out = Console(width=width, file=io.StringIO(), record=True, highlight=False, soft_wrap=True)
    draw(out)
    return out.export_text()


def assert_readable(
    text: str, width: int, values: list[str], prose: list[str], snippets: bool = False
) -> None:
    lines = text.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= width
    assert snippets or "…" not in text  # a search snippet marks its own cuts with …
    words = set(text.split())
    for value in values:
        for word in value.split():
            assert word in words, f"{word!r} of {value!r} is missing or cut at width {width}"
    for passage in prose:
        assert " ".join(passage.split()[:4]) in text, f"{passage[:30]!r} wraps a word a line at {width}"


@pytest.mark.parametrize("width", [80, 200])
def test_the_demo_tables_read_at_80_and_200_columns(db: Path, width: int) -> None:
    conn = connect(db, readonly=True)
    try:
        text = render(lambda out: print_demo(conn, out=out), width)
        clusters = render(lambda out: print_clusters(find_clusters(conn, min_variants=1), out=out), width)
        articles = render(lambda out: print_articles(search_articles(conn, "maternité"), out=out), width)
    finally:
        conn.close()
    values = ["Julien Marchetti", "direction régionale de la santé", "ACCUSE", "direct",
              "port-aubin-maternite-fermeture.txt", "Marchetti"]  # fmt: skip
    assert_readable(text, width, values, prose=[QUOTE, SENTENCE])
    assert_readable(clusters, width, ["Julien Marchetti", "PER", "1.00"], prose=[])
    assert_readable(articles, width, ["port-aubin-maternite-fermeture.txt"], prose=[], snippets=True)


COMMANDS = [
    ("quotes",),
    ("events",),
    ("entities",),
    ("entities", "clusters", "--min-variants", "1"),
    ("search", "maternité"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_json_is_one_value_and_jsonl_one_record_a_line(
    db: Path, command: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*command, "--db", str(db), "--format", "json"]) == 0
    value = json.loads(capsys.readouterr().out)
    assert main([*command, "--db", str(db), "--format", "jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    if command[0] == "search":  # one object holding the two lists; one line per hit, saying which
        assert set(value) == {"articles", "quotes"}
        assert [line.pop("result") for line in lines] == ["article"] * len(value["articles"]) + [
            "quote"
        ] * len(value["quotes"])
        assert lines == value["articles"] + value["quotes"]
    else:  # one array; the same records, one a line
        assert isinstance(value, list) and value and lines == value


def test_show_prints_one_object_in_json_and_one_line_in_jsonl(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = json.loads(run_ok(capsys, "search", "--db", str(db), "Marchetti", "--format", "json"))[
        "articles"
    ][0]
    document = json.loads(run_ok(capsys, "show", "--db", str(db), article["id"], "--format", "json"))
    (line,) = run_ok(capsys, "show", "--db", str(db), article["id"], "--format", "jsonl").splitlines()
    assert json.loads(line) == document and document["schema"] == "veille.analysis/1"


def run_ok(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out
