"""Golden cases for time expressions: tests/golden/time/cases.jsonl.

Each line is a short French passage, its article date, and every time expression a
careful reader finds in it, with the TIMEX3 value worked out on the calendar.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from veille.analysis.clean import clean_article
from veille.analysis.parse import parse_articles
from veille.analysis.time.stage import TimeStage
from veille.model import Article, Document

CASES_FILE = Path(__file__).resolve().parent.parent / "golden" / "time" / "cases.jsonl"
CASES = [json.loads(line) for line in CASES_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]


def run_time(nlp, text: str, date: str | None, profile: str = "timeml") -> Document:  # type: ignore[no-untyped-def]
    """Run the time stage alone on a cleaned, parsed passage, with an extent profile."""
    article = clean_article(Article(id="case", text=text, date=date, source="test"))
    parsed = next(iter(parse_articles(nlp, [article])))
    return TimeStage(profile)(Document(article=article), parsed)  # type: ignore[arg-type]


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 120


@pytest.mark.model
@pytest.mark.parametrize("case", CASES, ids=[case["note"] for case in CASES])
def test_time_golden(nlp, case) -> None:  # type: ignore[no-untyped-def]
    doc = run_time(nlp, case["text"], case["date"], case.get("profile", "timeml"))
    found = [(t.text, t.value) for t in doc.timexes]
    expected = [(item[0], item[1]) for item in case["timexes"]]
    assert found == expected
    for timex, item in zip(doc.timexes, case["timexes"], strict=True):
        if len(item) > 2:
            assert timex.type == item[2], timex
        assert doc.article.text[timex.start : timex.end] == timex.text
        if "anchored" in case and not item[1][:1].isdigit():
            assert timex.anchored is case["anchored"], timex
