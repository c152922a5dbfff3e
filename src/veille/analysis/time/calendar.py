"""Calendar arithmetic for the time resolver: weeks, year-less dates, Easter, quarters and
shifts from an earlier expression of the text.

Pure functions of dates and numbers; nothing here reads text or the parse.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from dateutil.easter import EASTER_WESTERN, easter

from veille.analysis.syntax.tense import Direction

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})(?!\d)")


def iso_week(day: dt.date) -> str:
    """Return the ISO week of a day as TIMEX3 writes it: 2025-W49."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def weekday_date(anchor: dt.date, weekday: int, direction: Direction, strict: bool = False) -> dt.date:
    """Return the day named ``weekday`` (1 = Monday) seen from ``anchor`` in ``direction``.

    Past: the latest such day on or before the anchor; future: the first on or after it;
    nearest: whichever is closer. ``strict`` (*dernier*, *prochain*) excludes the anchor.
    """
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if strict:
        back, ahead = back or 7, ahead or 7
    if direction == "past" or (direction == "nearest" and back < ahead):
        return anchor - dt.timedelta(days=back)
    return anchor + dt.timedelta(days=ahead)


def pick(options: Sequence[tuple[tuple[int, ...], str]], now: tuple[int, ...], direction: Direction) -> str:
    """Choose among dated readings: the latest not after ``now`` (past), the first not before
    it (future), or the closest one (nearest)."""
    if direction == "past":
        before = [o for o in options if o[0] <= now]
        if before:
            return max(before)[1]
    if direction == "future":
        after = [o for o in options if o[0] >= now]
        if after:
            return min(after)[1]
    return min(options, key=lambda o: _distance(o[0], now))[1]


def _distance(a: tuple[int, ...], b: tuple[int, ...]) -> int:
    if len(a) == 3:
        return abs((dt.date(*a) - dt.date(*b)).days)
    return abs((a[0] * 12 + a[1]) - (b[0] * 12 + b[1]))


def month_value(anchor: dt.date, month: int, direction: Direction, rel: str | None = None) -> str:
    """Return YYYY-MM for a year-less month; *dernier*/*prochain* exclude the anchor's month."""
    now = (anchor.year, anchor.month)
    options = [((y, month), f"{y}-{month:02d}") for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if rel:
        if rel.startswith("dern"):
            return max(o for o in options if o[0] < now)[1]
        return min(o for o in options if o[0] > now)[1]
    return pick(options, now, direction)


def day_month_value(
    anchor: dt.date, day: int, month: int, direction: Direction, weekday: int | None
) -> str | None:
    """Return YYYY-MM-DD for a year-less date, preferring a year where the weekday agrees."""
    options: list[tuple[tuple[int, ...], str]] = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidate = dt.date(y, month, day)
        except ValueError:
            continue  # 29 février outside a leap year
        if weekday is None or candidate.isoweekday() == weekday:
            options.append(((y, month, day), candidate.isoformat()))
    if not options and weekday is not None:
        return day_month_value(anchor, day, month, direction, None)
    if not options:
        return None
    now = (anchor.year, anchor.month, anchor.day)
    return pick(options, now, direction)


def easter_sunday(year: int) -> dt.date:
    """Return Easter Sunday of a Gregorian year (python-dateutil's Western computus).

    It replaced a hand-written copy of the anonymous Gregorian algorithm (Meeus,
    *Astronomical Algorithms*, ch. 8) after both gave the same day for every year from
    1583 to 9999 (issue 12: a maintained library over hand calendar arithmetic).
    """
    return easter(year, EASTER_WESTERN)


def movable_value(anchor: dt.date, offset: int, direction: Direction) -> str:
    """Return the date of a feast ``offset`` days after Easter, in the year the tense picks."""
    options: list[tuple[tuple[int, ...], str]] = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        day = easter_sunday(year) + dt.timedelta(days=offset)
        options.append(((day.year, day.month, day.day), day.isoformat()))
    return pick(options, (anchor.year, anchor.month, anchor.day), direction)


def period_year(anchor: dt.date, start_month: int, months: int, direction: Direction, rel: str | None) -> int:
    """Return the year of a year-less period (season, quarter, half) of ``months`` months
    starting in ``start_month``: the one in progress counts as "this" one in every
    direction; *dernier* / *prochain* (``rel``) take the one before / after the anchor."""
    now = (anchor.year, anchor.month)
    options = [((y, start_month), str(y)) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if rel:
        if rel.lower().startswith(("dern", "pass", "préc")):
            return int(max(o for o in options if o[0] < now)[1])
        return int(min(o for o in options if o[0] > now)[1])
    for (year, month), label in options:
        first = year * 12 + month - 1
        if first <= anchor.year * 12 + anchor.month - 1 < first + months:
            return int(label)
    return int(pick(options, now, direction))


def range_start(end: dt.date, month: int, day: int) -> dt.date | None:
    """Return the first end of a range (*du 30 décembre au 2 janvier*): the latest such
    day on or before the second end."""
    for year in (end.year, end.year - 1):
        try:
            start = dt.date(year, month, day)
        except ValueError:
            continue  # 29 février outside a leap year
        if start <= end:
            return start
    return None


def period_shift(anchor: dt.date, months: int, steps: int) -> tuple[int, int]:
    """Return (year, index) of the period of ``months`` months holding ``anchor``, moved by
    ``steps`` periods: index 1-4 for quarters, 1-2 for halves."""
    count = 12 // months
    position = anchor.year * count + (anchor.month - 1) // months + steps
    return position // count, position % count + 1


def earlier_anchor(earlier: Sequence[str], unit: str) -> str | None:
    """Return the most recent earlier value precise enough to shift by ``unit``
    (D needs a day; W a day or a week; M a day or a month; Y any dated value)."""
    needs = {
        "D": (_DAY,),
        "W": (_DAY, _WEEK),
        "M": (_DAY, _MONTH),
        "Y": (_YEAR,),
    }.get(unit, ())
    for value in reversed(earlier):
        if any(pattern.match(value) for pattern in needs):
            return value
    return None


def shift_value(base: str | dt.date, unit: str, steps: int) -> str | None:
    """Return the value ``steps`` units (D, W, M, Y) away from ``base`` (a TIMEX3 value or a
    date), at the precision of the unit; None when ``base`` is too coarse."""
    if isinstance(base, dt.date):
        base = base.isoformat()
    day = _DAY.match(base)
    if unit == "D":
        if not day:
            return None
        return (dt.date(*(int(g) for g in day.groups())) + dt.timedelta(days=steps)).isoformat()
    if unit == "W":
        week = _WEEK.match(base)
        if week:
            monday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        elif day:
            monday = dt.date(*(int(g) for g in day.groups()))
        else:
            return None
        return iso_week(monday + dt.timedelta(weeks=steps))
    if unit == "M":
        month = day or _MONTH.match(base)
        if not month:
            return None
        index = int(month.group(1)) * 12 + int(month.group(2)) - 1 + steps
        return f"{index // 12}-{index % 12 + 1:02d}"
    if unit == "Y":
        year = _YEAR.match(base)
        return str(int(year.group(1)) + steps) if year else None
    return None
