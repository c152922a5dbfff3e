"""Calendar arithmetic and number words of the time resolver, without the model."""

from __future__ import annotations

import datetime as dt

import pytest

from veille.analysis.time.calendar import (
    day_month_value,
    earlier_anchor,
    easter_sunday,
    iso_week,
    month_value,
    movable_value,
    period_shift,
    period_year,
    range_start,
    shift_value,
    weekday_date,
)
from veille.analysis.time.detect import find_candidates, parse_number

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


@pytest.mark.parametrize(
    "easter",
    # published Easter Sundays, the earliest (22 March) and latest (25 April) possible among them
    ["1818-03-22", "1943-04-25", "2000-04-23", "2008-03-23", "2011-04-24", "2019-04-21", "2024-03-31",
     "2025-04-20", "2026-04-05", "2038-04-25", "2285-03-22"],
)  # fmt: skip
def test_easter_sunday(easter: str) -> None:
    day = dt.date.fromisoformat(easter)
    assert easter_sunday(day.year) == day


def test_feasts_from_easter_follow_the_tense() -> None:
    assert movable_value(THURSDAY, 39, "future") == "2026-05-14"  # Ascension 2026
    assert movable_value(THURSDAY, 49, "past") == "2025-06-08"  # Pentecôte 2025


def test_shifts_keep_the_precision_of_their_unit() -> None:
    assert shift_value("2024-02-28", "D", 2) == "2024-03-01"
    assert shift_value("2025-12-03TEV", "D", -1) == "2025-12-02"
    assert shift_value("2025-12-31", "W", 1) == "2026-W02"
    assert shift_value("2025-W52", "W", 1) == "2026-W01"
    assert shift_value("2023-02", "M", 11) == "2024-01"
    assert shift_value("2023-SU", "Y", -1) == "2022"
    assert shift_value("2023", "D", 1) is None


def test_earlier_anchor_takes_the_latest_precise_enough_value() -> None:
    earlier = ["2024-03-05", "2024-04", "2023"]
    assert earlier_anchor(earlier, "D") == "2024-03-05"
    assert earlier_anchor(earlier, "M") == "2024-04"
    assert earlier_anchor(earlier, "Y") == "2023"
    assert earlier_anchor([], "D") is None


def test_periods() -> None:
    assert period_year(THURSDAY, 7, 3, "past", None) == 2025  # Q3, behind
    assert period_year(THURSDAY, 1, 3, "future", None) == 2026  # Q1, ahead
    assert period_year(THURSDAY, 10, 3, "future", None) == 2025  # Q4, in progress
    assert period_shift(dt.date(2024, 2, 10), 3, -1) == (2023, 4)
    assert period_shift(dt.date(2024, 8, 1), 6, 0) == (2024, 2)
    assert range_start(dt.date(2024, 1, 3), 12, 28) == dt.date(2023, 12, 28)
    assert range_start(dt.date(2025, 3, 5), 3, 3) == dt.date(2025, 3, 3)
