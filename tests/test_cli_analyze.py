"""``veille analyze`` as a user runs it: JSON valid against the schema, stdin, --out, bad inputs."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from veille.cli import main
from veille.schema import load_schema

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "seed.txt"

HTML = (
    "<html><head><title>Le sommet de Bruxelles</title></head><body><article><p>"
    "Les dirigeants européens se sont réunis jeudi à Bruxelles "
    "pour discuter du budget de la défense commune.</p></article></body></html>"
)


@pytest.fixture()
def shared_model(nlp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Let every CLI call reuse the session's model instead of loading its own (seconds each)."""
    import veille.analysis.pipeline

    monkeypatch.setattr(veille.analysis.pipeline, "load_model", lambda name: nlp)


def _offsets_honest(data: dict) -> None:  # type: ignore[type-arg]
    text = data["article"]["text"]
    for entity in data["entities"]:
        for mention in entity["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]


def test_json_of_the_seed_is_valid_and_dated(shared_model: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(SEED), "--format", "json", "--stages", "entities"]) == 0
    out = capsys.readouterr()
    data = json.loads(out.out)
    jsonschema.validate(data, load_schema())
    assert data["schema"] == "veille.analysis/1"
    assert data["article"]["date"] == "2025-12-04"
    assert data["article"]["source"] == "seed.txt"
    _offsets_honest(data)
    assert out.err == ""


def test_stdin_is_read_with_dash_and_date_option(
    shared_model: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.TextIOWrapper(
        io.BytesIO("Emmanuel Macron a reçu Olaf Scholz à Paris.".encode()), encoding="utf-8"
    )
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["analyze", "-", "--format", "json", "--stages", "entities", "--date", "2024-05-06"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["article"]["date"] == "2024-05-06"
    assert data["article"]["text"] == "Emmanuel Macron a reçu Olaf Scholz à Paris."
    assert "Emmanuel Macron" in {m["text"] for e in data["entities"] for m in e["mentions"]}


def test_many_inputs_with_out_write_one_file_per_article(
    shared_model: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2023-03-30\n\nLe parlement turc a ratifié l'adhésion.", encoding="utf-8"
    )
    (tmp_path / "b.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "flux.jsonl").write_text(
        json.dumps({"id": "depeche-1", "text": "Olaf Scholz est à Berlin."})
        + "\n"
        + json.dumps({"id": "depeche-2", "date": "2020-01-01", "text": "Joe Biden est à Washington."})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "OUT"
    inputs = [str(tmp_path / n) for n in ("a.txt", "b.html", "flux.jsonl")]
    assert main(["analyze", *inputs, "--format", "json", "--stages", "entities", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json", "depeche-1.json", "depeche-2.json"]
    schema = load_schema()
    for path in out.iterdir():
        data = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.validate(data, schema)
        _offsets_honest(data)
    assert (
        json.loads((out / "b.json").read_text(encoding="utf-8"))["article"]["title"]
        == "Le sommet de Bruxelles"
    )
    assert json.loads((out / "depeche-2.json").read_text(encoding="utf-8"))["article"]["id"] == "depeche-2"
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"veille: wrote 4 analyses to {out}\n"


def test_several_documents_print_one_object_each_and_jsonl_one_a_line(
    shared_model: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("un", "deux"):
        (tmp_path / f"{name}.txt").write_text(f"Article {name} sur Paris.", encoding="utf-8")
    # json: one indented veille.analysis/1 object per article, whether there are one or several.
    assert main(["analyze", str(tmp_path), "--format", "json", "--stages", "entities"]) == 0
    out = capsys.readouterr().out
    decoder, objects, at = json.JSONDecoder(), [], 0
    while at < len(out.rstrip()):
        value, end = decoder.raw_decode(out, at)
        objects.append(value)
        at = end + 1  # the newline after each object
    assert [o["article"]["source"] for o in objects] == ["deux.txt", "un.txt"]
    assert out.startswith('{\n "schema": "veille.analysis/1"')
    # jsonl: the same objects, one a line.
    assert main(["analyze", str(tmp_path), "--format", "jsonl", "--stages", "entities"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line) for line in lines] == objects
    # text is the old name of table, still accepted.
    assert main(["analyze", str(tmp_path / "un.txt"), "--format", "text", "--stages", "entities"]) == 0
    assert "Paris" in capsys.readouterr().out


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    empty = tmp_path / "vide.txt"
    empty.write_bytes(b"  \n")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    bad_date = tmp_path / "date.txt"
    bad_date.write_text("date 2025-13-45\n\nLe texte.", encoding="utf-8")
    big = tmp_path / "gros.txt"
    with big.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    no_text = tmp_path / "menu.html"
    no_text.write_text("<html><body><nav>Accueil Monde</nav></body></html>", encoding="utf-8")
    return {
        "empty": (empty, "empty file"),
        "binary": (binary, "binary file, not text"),
        "bad-date": (bad_date, "bad date header '2025-13-45': month must be in 1..12"),
        "20MB": (big, "file too large: 20.0 MiB, limit 3.8 MiB (max_article_chars × 4 bytes); split it"),
        "html-no-text": (no_text, "no article text found in HTML"),
        "missing": (tmp_path / "absent.txt", "no such file or folder"),
    }


@pytest.mark.parametrize("case", ["empty", "binary", "bad-date", "20MB", "html-no-text", "missing"])
def test_a_single_bad_file_gives_one_error_line_and_a_non_zero_exit(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, reason = _bad_inputs(tmp_path)[case]
    assert main(["analyze", str(path), "--stages", "entities"]) != 0
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"veille: error: {path}: {reason}")


def test_a_bad_date_option_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(SEED), "--date", "2025-13-45"]) == 2
    assert capsys.readouterr().err.startswith("veille: error: --date: bad date '2025-13-45'")


def test_a_folder_with_good_and_bad_files_analyses_the_good_and_lists_the_bad_at_the_end(
    shared_model: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bon.txt").write_text("date 2025-12-04 Le ministre Andrii Sybiha a parlé.", encoding="utf-8")
    (folder / "latin.txt").write_bytes("Le président a déclaré qu'il irait à Genève.".encode("latin-1"))
    (folder / "vide.txt").write_bytes(b"")
    (folder / "flux.jsonl").write_text(
        json.dumps({"id": "ok", "text": "Kyiv a répondu."}) + "\n{cassé\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    assert main(["analyze", str(folder), "--stages", "entities", "--out", str(out)]) == 1
    assert sorted(p.name for p in out.iterdir()) == ["bon.json", "latin.json", "ok.json"]
    latin = json.loads((out / "latin.json").read_text(encoding="utf-8"))
    assert latin["article"]["text"] == "Le président a déclaré qu'il irait à Genève."
    assert capsys.readouterr().err.splitlines() == [
        f"veille: error: {folder / 'flux.jsonl'}:2: bad JSON: "
        "Expecting property name enclosed in double quotes at column 2",
        f"veille: error: {folder / 'vide.txt'}: empty file",
        f"veille: wrote 3 analyses to {out}",
        "veille: 3 analysed, 2 failed",
    ]


def test_text_output_names_the_article(shared_model: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(SEED), "--stages", "entities"]) == 0
    out = capsys.readouterr().out
    assert "seed.txt" in out and "2025-12-04" in out and "Vladimir Poutine" in out


def test_the_installed_console_script(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "veille"
    if not script.exists():
        pytest.skip(f"console script not installed at {script}")
    bad = tmp_path / "vide.txt"
    bad.write_bytes(b"")
    result = subprocess.run(
        [str(script), "analyze", "-", str(bad), "--format", "json", "--stages", "entities"],
        input=" date 2025-12-04 Le ministre Andrii Sybiha a exhorté Vladimir Poutine.".encode(),
        capture_output=True,
        timeout=300,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    )
    assert result.returncode == 1
    data = json.loads(result.stdout)
    jsonschema.validate(data, load_schema())
    assert data["article"]["date"] == "2025-12-04"
    assert result.stderr.decode().splitlines() == [
        f"veille: error: {bad}: empty file",
        "veille: 1 analysed, 1 failed",
    ]
