"""The TimeML scorer: reading .tml files and TempEval-3 strict, relaxed and value counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.errors import GoldError
from veille.eval.timeml import TmlTimex, evaluate_timeml, parse_tml, read_tml, score_document

DATA = Path(__file__).resolve().parent / "data"


def test_read_tml_text_dct_and_timexes() -> None:
    doc = read_tml(DATA / "tim-marche.tml")
    assert doc.dct == "2024-05-10"
    assert [t.text for t in doc.timexes][:3] == ["le 3 juin prochain", "huit mois", "le 14 septembre dernier"]
    assert all(doc.text[t.start : t.end] == t.text for t in doc.timexes)
    assert "&amp;" not in doc.text and " & " in doc.text
    assert "<" not in doc.text
    assert doc.timexes[-1].value == "18"


def test_doctype_is_refused() -> None:
    with pytest.raises(GoldError, match="DOCTYPE"):
        parse_tml('<!DOCTYPE x [<!ENTITY a "b">]><TimeML><TEXT>&a;</TEXT></TimeML>', "bad.tml")


def test_unclosed_timex_is_an_error() -> None:
    with pytest.raises(GoldError, match="never closed"):
        parse_tml('<TimeML><TEXT>le <TIMEX3 type="DATE" value="2020">2020</TEXT></TimeML>', "bad.tml")


def test_scores_strict_relaxed_value() -> None:
    gold = [
        TmlTimex(0, 10, "le 3 juin", "DATE", "2024-06-03"),
        TmlTimex(20, 29, "huit mois", "DURATION", "P8M"),
    ]
    system = [
        TmlTimex(3, 10, "3 juin", "DATE", "2024-06-03"),
        TmlTimex(20, 29, "huit mois", "DURATION", "P9M"),
    ]
    scores = score_document(gold, system)
    assert (scores.strict, scores.relaxed, scores.value, scores.type) == (1, 2, 1, 2)
    assert scores.prf(scores.relaxed) == (1.0, 1.0, 1.0)
    assert scores.prf(scores.strict)[2] == 0.5


def test_relaxed_is_one_to_one() -> None:
    gold = [TmlTimex(0, 5, "a", "DATE", "1"), TmlTimex(6, 10, "b", "DATE", "2")]
    system = [TmlTimex(0, 10, "ab", "DATE", "1")]
    assert score_document(gold, system).relaxed == 1


@pytest.mark.model
def test_evaluate_timeml_on_the_real_pipeline(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tml"
    bad.write_text("<TimeML><TEXT>le <TIMEX3>x</TEXT></TimeML>", encoding="utf-8")
    total, documents = evaluate_timeml([DATA / "tim-marche.tml", bad])
    assert [name for name, _ in documents] == ["tim-marche.tml"]
    assert total.failures and "bad.tml" in total.failures[0]
    assert total.gold == 7
    assert total.prf(total.strict)[2] >= 0.7
    assert total.prf(total.value)[2] >= 0.7


def test_veille_eval_picks_the_timeml_scorer_for_tml_inputs() -> None:
    from veille.cli.evaluate_timeml import wants_timeml

    assert wants_timeml([Path("a.tml"), Path("b.tml")], False)
    assert not wants_timeml([Path("a.gold.json"), Path("b.tml")], False)
    assert wants_timeml([Path("corpus")], True)
