"""The harness without the model: finding golds and texts, failed articles, the CLI's output and errors."""

from __future__ import annotations

import io
import json

import pytest
from rich.console import Console

from veille.cli import build_parser, main
from veille.cli.evaluate import print_evaluation, write_evaluation
from veille.errors import GoldError
from veille.eval.harness import Evaluation, load_cases, score_cases
from veille.eval.scores import ArticleScores, Scores, total
from veille.model import Failure

TEXT = "date 2025-12-04\n\nMercredi, Emmanuel Macron a rencontré Olaf Scholz à Berlin.\n"


def write_set(folder, gold_data, text=TEXT, name="petit"):
    folder.mkdir(parents=True, exist_ok=True)
    gold_data["article"]["file"] = f"{name}.txt"
    (folder / f"{name}.gold.json").write_text(json.dumps(gold_data, ensure_ascii=False), encoding="utf-8")
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")


def test_cases_read_the_text_beside_the_gold_or_in_texts(tmp_path, gold_data):
    write_set(tmp_path / "a", gold_data)
    (case,) = load_cases([tmp_path / "a"])
    assert case.article.date == "2025-12-04" and case.article.text.strip().startswith("Mercredi")
    (tmp_path / "a" / "petit.txt").rename(tmp_path / "petit.txt")
    with pytest.raises(GoldError, match=r"petit\.gold\.json: article\.file: no such file"):
        load_cases([tmp_path / "a"])
    (case,) = load_cases([tmp_path / "a" / "petit.gold.json"], texts=tmp_path)
    assert case.gold.name == "petit"


def test_a_gold_date_the_text_contradicts_is_an_error(tmp_path, gold_data):
    write_set(tmp_path, gold_data, text=TEXT.replace("2025-12-04", "2025-12-05"))
    with pytest.raises(GoldError, match=r"article\.date: 2025-12-04 but the text says 2025-12-05"):
        load_cases([tmp_path])


def test_no_gold_found_is_an_error(tmp_path):
    with pytest.raises(GoldError, match=r"no \*\.gold\.json file found"):
        load_cases([tmp_path])
    with pytest.raises(GoldError, match="no such file or folder"):
        load_cases([tmp_path / "absent"])


def test_a_failed_article_scores_as_finding_nothing(tmp_path, gold_data):
    write_set(tmp_path, gold_data)
    cases = load_cases([tmp_path])
    evaluation = score_cases(cases, [Failure("petit.txt", "analysis failed: boom")])
    assert [str(f) for f in evaluation.failures] == ["petit.txt: analysis failed: boom"]
    assert evaluation.total.entities.gold == 5 and evaluation.total.entities.found == 0
    assert evaluation.to_dict()["failures"] == ["petit.txt: analysis failed: boom"]


def test_the_tables_escape_article_text():
    article = ArticleScores("[bold]x[/bold]", Scores(), {"quotes.missed": ["X: [red]attention[/red]"]})
    evaluation = Evaluation((article,), total([article]))
    out = Console(file=io.StringIO(), width=200, highlight=False)
    print_evaluation(evaluation, out=out, errors=True)
    printed = out.file.getvalue()  # type: ignore[attr-defined]
    assert "[bold]x[/bold]" in printed
    assert "quotes.missed: X: [red]attention[/red]" in printed
    assert "total (1 articles, micro)" in printed


def test_eval_is_a_documented_command():
    parser = build_parser()
    args = parser.parse_args(
        [
            "eval",
            "golds",
            "--texts",
            "t",
            "--json",
            "o.json",
            "--set",
            "seed",
            "--check-baseline",
            "b.json",
            "--raise-baseline",
            "b.json",
        ]
    )
    assert args.command == "eval" and args.set_name == "seed"
    assert "eval" in parser.format_help()


def test_baseline_options_need_a_set_name(capsys):
    assert main(["eval", "golds", "--check-baseline", "baseline.json"]) == 2
    assert "need --set NAME" in capsys.readouterr().err


def test_a_missing_gold_folder_is_one_line_and_a_non_zero_exit(tmp_path, capsys):
    assert main(["eval", str(tmp_path / "absent")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such file or folder" in err


def _evaluation() -> Evaluation:
    article = ArticleScores("petit", Scores(), {"quotes.missed": ["X: « bonjour »"]})
    return Evaluation((article,), total([article]))


def _args(tmp_path, *argv):
    return build_parser().parse_args(["eval", str(tmp_path), *argv])


def test_eval_formats_print_or_write_the_same_scores(tmp_path, capsys):
    evaluation = _evaluation()
    write_evaluation(evaluation, _args(tmp_path, "--format", "json"))
    assert json.loads(capsys.readouterr().out) == evaluation.to_dict()
    write_evaluation(evaluation, _args(tmp_path, "--format", "jsonl"))
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["name"] for line in lines] == ["petit", "total"]
    assert lines[0]["errors"] == {"quotes.missed": ["X: « bonjour »"]} and lines[1]["failures"] == []
    # --out writes what would be printed, and prints nothing.
    write_evaluation(evaluation, _args(tmp_path, "--format", "json", "--out", str(tmp_path / "s.json")))
    assert capsys.readouterr().out == ""
    assert json.loads((tmp_path / "s.json").read_text(encoding="utf-8")) == evaluation.to_dict()
    write_evaluation(evaluation, _args(tmp_path, "--out", str(tmp_path / "s.txt")))
    assert "total (1 articles, micro)" in (tmp_path / "s.txt").read_text(encoding="utf-8")


def test_the_old_json_option_still_writes_json_beside_the_tables(tmp_path, capsys):
    write_evaluation(_evaluation(), _args(tmp_path, "--json", str(tmp_path / "old.json")))
    out, err = capsys.readouterr()
    assert "total (1 articles, micro)" in out and "deprecated" in err
    assert json.loads((tmp_path / "old.json").read_text(encoding="utf-8"))["format"] == "veille.eval/1"
