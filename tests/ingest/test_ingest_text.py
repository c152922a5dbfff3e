"""Text files: the date header on its own line or on the first line of text, or none."""

from __future__ import annotations

import pytest

from veille.errors import InputError
from veille.ingest.text import article_id, check_date, parse_text


def test_header_on_its_own_line() -> None:
    article = parse_text("date 2015-04-30\n\nUn troisième Français a été tué.", source="a.txt")
    assert article.date == "2015-04-30"
    assert article.text.strip() == "Un troisième Français a été tué."
    assert article.source == "a.txt"


def test_header_on_the_same_line_after_leading_whitespace_as_in_the_seed() -> None:
    article = parse_text(" date 2025-12-04 L'Ukraine et ses alliés européens ont accusé.", source="seed.txt")
    assert article.date == "2025-12-04"
    assert article.text == "L'Ukraine et ses alliés européens ont accusé."


def test_header_with_colon_and_capital_and_crlf() -> None:
    article = parse_text("Date: 2023-03-30\r\n\r\nJeudi soir, le parlement a voté.", source="b.txt")
    assert article.date == "2023-03-30"
    assert article.text.strip() == "Jeudi soir, le parlement a voté."


def test_no_header_gives_no_date_unless_a_default_is_given() -> None:
    text = "Le gouvernement a annoncé un plan."
    assert parse_text(text, source="c.txt").date is None
    assert parse_text(text, source="c.txt", default_date="2024-01-02").date == "2024-01-02"


def test_the_header_wins_over_the_default_date() -> None:
    article = parse_text("date 2020-02-19\nTexte.", source="d.txt", default_date="2024-01-02")
    assert article.date == "2020-02-19"


def test_a_text_that_opens_on_the_word_date_is_not_a_header() -> None:
    text = "Date limite des inscriptions : le ministère prolonge le délai."
    article = parse_text(text, source="e.txt")
    assert article.date is None
    assert article.text == text


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        ("date 2025-13-45", "bad date header '2025-13-45': month must be in 1..12"),
        ("date 2025-02-30", "bad date header '2025-02-30': day is out of range for month"),
        ("date 04/12/2025", "bad date header '04/12/2025': expected YYYY-MM-DD"),
    ],
)
def test_a_bad_header_names_the_file_and_the_reason(header: str, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_text(f"{header}\n\nLe texte.", source="bad.txt", where="dossier/bad.txt")
    assert caught.value.where == "dossier/bad.txt"
    assert caught.value.reason == reason
    assert str(caught.value) == f"dossier/bad.txt: {reason}"


def test_a_header_with_nothing_after_it_is_refused() -> None:
    with pytest.raises(InputError, match="no article text after the date header"):
        parse_text("date 2025-12-04\n\n  \n", source="f.txt")


def test_an_article_over_the_length_limit_is_refused_with_its_length() -> None:
    with pytest.raises(InputError, match=r"article too long: 1,200 characters, limit 1,000"):
        parse_text("a" * 1200, source="g.txt", max_chars=1000)


def test_check_date_names_where() -> None:
    with pytest.raises(InputError, match=r"^--date: bad date"):
        check_date("2025-1-4", where="--date")


def test_article_id_is_stable_and_ignores_spacing() -> None:
    assert article_id("2025-12-04", "Un  texte\n") == article_id("2025-12-04", "Un texte")
    assert article_id("2025-12-04", "Un texte") != article_id("2025-12-05", "Un texte")
    assert len(article_id(None, "Un texte")) == 16
