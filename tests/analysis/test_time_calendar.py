"""Calendar arithmetic and number words of the time resolver, without the model."""

from __future__ import annotations

import datetime as dt

import pytest

from veille.analysis.timex_calendar import day_month_value, iso_week, month_value, weekday_date
from veille.analysis.timex_detect import find_candidates, parse_number

THURSDAY = dt.date(2025, 12, 4)


@pytest.mark.parametrize(
    ("words", "value"),
    [("cinq", 5), ("dix-huit", 18), ("vingt et un", 21), ("soixante-dix", 70), ("soixante-dix-huit", 78),
     ("quatre-vingts", 80), ("quatre-vingt-dix", 90), ("cent vingt", 120), ("deux mille", 2000), ("12", 12),
     ("pomme", None)],
)  # fmt: skip
def test_parse_number(words: str, value: int | None) -> None:
    assert parse_number(words) == value


def test_weekday_direction() -> None:
    assert weekday_date(THURSDAY, 3, "past") == dt.date(2025, 12, 3)
    assert weekday_date(THURSDAY, 3, "future") == dt.date(2025, 12, 10)
    assert weekday_date(THURSDAY, 4, "past") == THURSDAY
    assert weekday_date(THURSDAY, 4, "future") == THURSDAY
    assert weekday_date(THURSDAY, 4, "past", strict=True) == dt.date(2025, 11, 27)
    assert weekday_date(THURSDAY, 6, "nearest") == dt.date(2025, 12, 6)
    assert weekday_date(THURSDAY, 2, "nearest") == dt.date(2025, 12, 2)


def test_year_less_dates_cross_the_year_in_the_tense_direction() -> None:
    assert day_month_value(dt.date(2026, 1, 2), 30, 12, "past", None) == "2025-12-30"
    assert day_month_value(dt.date(2026, 1, 2), 30, 12, "nearest", None) == "2025-12-30"
    assert day_month_value(dt.date(2026, 1, 2), 30, 12, "future", None) == "2026-12-30"
    assert day_month_value(dt.date(2025, 3, 1), 29, 2, "past", None) == "2024-02-29"
    # a weekday that agrees with one year picks that year: lundi 6 novembre was in 2023
    assert day_month_value(dt.date(2023, 11, 2), 6, 11, "past", 1) == "2023-11-06"
    assert day_month_value(dt.date(2025, 2, 1), 31, 2, "past", None) is None


def test_months() -> None:
    assert month_value(THURSDAY, 3, "past") == "2025-03"
    assert month_value(THURSDAY, 3, "future") == "2026-03"
    assert month_value(THURSDAY, 12, "past", "dernier") == "2024-12"
    assert month_value(THURSDAY, 12, "future", "prochain") == "2026-12"
    assert month_value(dt.date(2019, 12, 12), 6, "past", "dernier") == "2019-06"


def test_iso_weeks_across_years() -> None:
    assert iso_week(dt.date(2025, 12, 31)) == "2026-W01"
    assert iso_week(dt.date(2021, 1, 3)) == "2020-W53"
    assert iso_week(THURSDAY) == "2025-W49"


def test_candidates_never_cross_a_paragraph() -> None:
    found = find_candidates("Il est parti en juin\n\n2019 fut terrible.")
    assert [c.text for c in found] == ["juin", "2019"]
