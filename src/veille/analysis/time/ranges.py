"""Read ranges and lists written without a preposition on each end: *2015-2019*,
*2002/2003*, *mars-avril*, *les 6 et 13 avril*, *de novembre à février*.

ISO-TimeML tags each point of a range or a list as its own TIMEX3 (the guidelines' *from
1992 through 1995*: two DATEs, the preposition and the dash being signals), so each rule
gives one end, and the first end borrows from the second what it lacks (month, year,
century). The readers here are called by ``readings.resolve``.
"""

from __future__ import annotations

import datetime as dt
import re

from veille.analysis.time.calendar import month_value
from veille.analysis.time.detect import lexicon
from veille.analysis.time.resolve import Context, Value, _month

Fields = dict[str, str]
_LONGEST_RANGE = 100  # a life (1867-1942) or a reign; wider spans are not a pair of years


def range_years(f: Fields) -> tuple[int, int] | None:
    """Return the two years of *2015-2019*, *1992-95*, *2002/2003*, or None when the pair
    cannot be a range (the second before the first, too far apart, out of the calendar)."""
    first = int(f["y1"])
    raw = f["y2"]
    if len(raw) == 2:
        # 1992-95, 2002-03: the second end takes the first one's century
        second = first - first % 100 + int(raw)
        if second <= first:
            second += 100
    else:
        second = int(raw)
    if not 1800 <= first < second <= min(first + _LONGEST_RANGE, 2099):
        return None
    return first, second


def year_range(f: Fields, ctx: Context, second: bool) -> Value | None:
    """Read one end of a year range; a count (*1800-2000 manifestants*) is no range."""
    years = range_years(f)
    if years is None or ctx.next_is_noun:
        return None
    quantity: list[str] = lexicon()["quantity_nouns"]
    following = re.match(r"[^\S\n]*([^\s,.;:]+)", ctx.after if second else _after_range(ctx.after))
    if following and following.group(1).lower() in quantity:
        return None  # 1800-2000 euros
    return Value("DATE", str(years[1] if second else years[0]))


def _after_range(after: str) -> str:
    """Return the text after the second end, seen from the first end of a range."""
    match = re.match(r"[^\S\n]?[-–/][^\S\n]?\d+", after)
    return after[match.end() :] if match else after


def month_range(f: Fields, ctx: Context, second: bool) -> Value | None:
    """Read one end of *mars-avril*, *de novembre à février* (no year written): the second end
    follows the tense; the first is the latest such month on or before it."""
    last = _month(f["mon"])
    if "year" in f:
        end_year = int(f["year"])
    elif ctx.anchor is None:
        month = last if second else _month(f["m1"])
        return Value("DATE", f"XXXX-{month:02d}", anchored=False)
    else:
        end_year = int(month_value(ctx.anchor, last, ctx.direction)[:4])
    if second:
        return Value("DATE", f"{end_year}-{last:02d}")
    first = _month(f["m1"])
    return Value("DATE", f"{end_year - (1 if first > last else 0)}-{first:02d}")


# jusqu'à, jusqu'au: the preposition that names the end of a span (a TimeML SIGNAL)
_UNTIL = re.compile(r"\bjusqu['’]\s*(?:à|au)\s*$", re.IGNORECASE)


def end_after_start(value: str, before: str, start: dt.date | None) -> str:
    """Move the weekday after *jusqu'à* (``value``, read on the verb's tense) to the first
    such day on or after ``start``, the day its sentence named before it: a span cannot end
    before it begins (*Jeudi, ils ont voté la reconduction du mouvement jusqu'à lundi*: the
    Monday after that Thursday; *a placé jeudi le département en vigilance … jusqu'à vendredi
    soir*: the next Friday). Without such a day, or already after it, the value is kept."""
    match = re.match(r"^(\d{4}-\d{2}-\d{2})", value)
    if start is None or match is None or not _UNTIL.search(before):
        return value
    day = dt.date.fromisoformat(match.group(1))
    if day >= start:
        return value
    day += dt.timedelta(days=7 * -(-(start - day).days // 7))
    return day.isoformat() + value[10:]
