"""Turn a detected time expression into a TIMEX3 type and value, anchored on the article date.

Calendar arithmetic only: the direction (past, future, nearest) that a weekday or a
year-less date takes is decided from the parse by ``time.py`` and passed in. Without an
anchor, relative expressions keep TimeML's unknown digits (``XXXX-12-03``) and come back
with ``anchored=False`` rather than a wrong date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from veille.analysis.timex_detect import Candidate, lexicon, parse_number

Direction = Literal["past", "future", "nearest"]


@dataclass(frozen=True)
class Value:
    """The TIMEX3 reading of a candidate."""

    type: str
    value: str
    quant: str | None = None
    anchored: bool = True


@dataclass(frozen=True)
class Context:
    """What resolution may look at besides the candidate itself."""

    anchor: dt.date | None
    direction: Direction = "nearest"
    day: dt.date | None = None  # the day a clock time falls on, when the sentence names one
    before: str = ""  # the text just before the candidate
    after: str = ""  # the text just after the candidate
    next_is_noun: bool = False  # the parser's word after a bare number is a noun (2000 soldats)
    is_adjective: bool = True  # the parser's reading of a one-word set (quotidien)


def _code(table: str, word: str) -> str | None:
    entries: dict[str, str] = lexicon()[table]
    key = re.sub(r"\s+", " ", word.lower().strip())
    key = re.sub(r"^(en|dans la) ", "", key)
    return entries.get(key)


def _month(word: str) -> int:
    months: dict[str, int] = lexicon()["months"]
    return months[word.lower()]


def _weekday(word: str) -> int:
    weekdays: dict[str, int] = lexicon()["weekdays"]
    return weekdays[word.lower()]


def _day(word: str) -> int:
    return 1 if word.lower() in ("1er", "premier") else int(word)


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


def _pick(options: Sequence[tuple[tuple[int, ...], str]], now: tuple[int, ...], direction: Direction) -> str:
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
    return _pick(options, now, direction)


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
    return _pick(options, now, direction)


def _with_pod(day: str, pod: str | None, clock: str | None) -> Value:
    if clock:
        hour_minute = clock_value(clock)
        if hour_minute:
            return Value("TIME", f"{day}T{hour_minute}")
    if pod:
        code = _code("parts_of_day", pod)
        if pod.lower() == "midi":
            return Value("TIME", f"{day}T12:00")
        if code:
            return Value("TIME", f"{day}T{code}")
    return Value("DATE", day)


def clock_value(text: str) -> str | None:
    """Return HH:MM for 5h45, 18 h, 18 heures 30, midi, minuit."""
    word = _code("clock_words", text)
    if word:
        return word
    match = re.match(r"(\d{1,2})\s?h(?:eures?)?\s*(\d{2})?", text.strip(), re.IGNORECASE)
    if not match or int(match.group(1)) > 23:
        return None
    return f"{int(match.group(1)):02d}:{int(match.group(2) or 0):02d}"


def _duration(number: int | None, unit: str) -> str:
    code = _code("units", unit) or "D"
    amount = "X" if number is None else str(number)
    if code in ("H", "S") or (code == "M" and unit.lower().startswith("min")):
        return f"PT{amount}{code}"
    return f"P{amount}{code}"


def _shift(anchor: dt.date, number: int, unit: str, sign: int) -> str:
    code = _code("units", unit) or "D"
    if code == "D":
        return (anchor + dt.timedelta(days=sign * number)).isoformat()
    if code == "W":
        return iso_week(anchor + dt.timedelta(weeks=sign * number))
    if code == "M" and not unit.lower().startswith("min"):
        months = anchor.year * 12 + anchor.month - 1 + sign * number
        return f"{months // 12}-{months % 12 + 1:02d}"
    if code == "Y":
        return str(anchor.year + sign * number)
    return "PAST_REF" if sign < 0 else "FUTURE_REF"


def resolve(candidate: Candidate, context: Context) -> Value | None:
    """Return the TIMEX3 reading of a candidate, or None when it is not a time expression."""
    handler = _HANDLERS[candidate.kind]
    return handler(candidate, candidate.fields, context)


Fields = dict[str, str]


def _date(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    day, month = _day(f["day"]), _month(f["mon"])
    weekday = _weekday(f["wd"]) if "wd" in f else None
    if "year" in f:
        try:
            text = dt.date(int(f["year"]), month, day).isoformat()
        except ValueError:
            return None
        return _with_pod(text, f.get("pod"), f.get("clock"))
    if ctx.anchor is None:
        value = _with_pod(f"XXXX-{month:02d}-{day:02d}", f.get("pod"), f.get("clock"))
        return Value(value.type, value.value, anchored=False)
    direction: Direction = "nearest" if f.get("ce") else ctx.direction
    text_value = day_month_value(ctx.anchor, day, month, direction, weekday)
    return _with_pod(text_value, f.get("pod"), f.get("clock")) if text_value else None


def _numeric(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    try:
        return Value("DATE", dt.date(int(f["year"]), int(f["mon"]), int(f["day"])).isoformat())
    except ValueError:
        return None


def _weekday_handler(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    weekday = _weekday(f["wd"])
    rel = f.get("rel")
    if not rel and not f.get("ce") and re.search(r"\bles?\s*$", ctx.before, re.IGNORECASE):
        # le dimanche, les lundis: a habit, every such day, not one day
        return Value("SET", f"XXXX-WXX-{weekday}", quant="EVERY")
    if ctx.anchor is None:
        return Value("DATE", f"XXXX-WXX-{weekday}", anchored=False)
    if rel:
        direction: Direction = "past" if rel.lower().startswith("dern") else "future"
        day = weekday_date(ctx.anchor, weekday, direction, strict=True)
    else:
        day = weekday_date(ctx.anchor, weekday, ctx.direction)
    pod = f.get("pod") or f.get("podpre")
    clock = f.get("clock") or f.get("clockw")
    if clock and clock.lower() == "minuit" and pod and _code("parts_of_day", pod) in ("EV", "NI"):
        # minuit ce jeudi soir: the midnight that ends Thursday evening
        return Value("TIME", f"{(day + dt.timedelta(days=1)).isoformat()}T00:00")
    return _with_pod(day.isoformat(), pod, clock)


def _relday(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    offsets = {"aujourd'hui": 0, "hier": -1, "avant-hier": -2, "demain": 1, "après-demain": 2}
    offset = offsets.get(f.get("rd", "aujourd'hui").lower().replace("’", "'"), 0)
    if ctx.anchor is None:
        value = _with_pod("XXXX-XX-XX", f.get("pod"), None)
        return Value(value.type, value.value, anchored=False)
    return _with_pod((ctx.anchor + dt.timedelta(days=offset)).isoformat(), f.get("pod"), None)


def _offset_from_rel(rel: str | None) -> int:
    if not rel:
        return 0
    return -1 if rel.lower().startswith(("dern", "pass")) else 1


def _week(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    if ctx.anchor is None:
        return Value("DATE", "XXXX-WXX", anchored=False)
    return Value("DATE", iso_week(ctx.anchor + dt.timedelta(weeks=_offset_from_rel(f.get("rel")))))


def _weekend(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    rel = f.get("rel")
    if not rel and not f.get("ce"):
        return None  # "le week-end" alone is usually generic (le week-end, les magasins ferment)
    if ctx.anchor is None:
        return Value("DATE", "XXXX-WXX-WE", anchored=False)
    if rel:
        direction: Direction = "past" if _offset_from_rel(rel) < 0 else "future"
        saturday = weekday_date(ctx.anchor, 6, direction, strict=True)
        if direction == "past" and ctx.anchor.isoweekday() == 7 and saturday == ctx.anchor - dt.timedelta(1):
            saturday -= dt.timedelta(weeks=1)  # on a Sunday, "le week-end dernier" is the one before
    else:
        saturday = weekday_date(ctx.anchor, 6, ctx.direction)
        if ctx.anchor.isoweekday() == 7:
            saturday = ctx.anchor - dt.timedelta(days=1)
    return Value("DATE", f"{iso_week(saturday)}-WE")


def _monthrel(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    if ctx.anchor is None:
        return Value("DATE", "XXXX-XX", anchored=False)
    months = ctx.anchor.year * 12 + ctx.anchor.month - 1 + _offset_from_rel(f.get("rel"))
    return Value("DATE", f"{months // 12}-{months % 12 + 1:02d}")


def _yearrel(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    if ctx.anchor is None:
        return Value("DATE", "XXXX", anchored=False)
    return Value("DATE", str(ctx.anchor.year + _offset_from_rel(f.get("rel"))))


def _month_handler(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    word = f["mon"]
    month = _month(word)
    if word[0].isupper() and not (f.get("mod") or f.get("year") or f.get("rel")):
        return None  # Mars the planet or the company, Août a first name: months are lower case
    if word.lower() == "mai" and not (f.get("mod") or f.get("year") or f.get("rel")):
        if not re.search(r"\b(en|de|d'|au|mois\s+de|depuis|fin|début)\s*$", ctx.before, re.IGNORECASE):
            return None  # "mai" alone is too often something else; a preposition confirms the month
    if "year" in f:
        return Value("DATE", f"{int(f['year'])}-{month:02d}")
    if ctx.anchor is None:
        return Value("DATE", f"XXXX-{month:02d}", anchored=False)
    return Value("DATE", month_value(ctx.anchor, month, ctx.direction, f.get("rel")))


def _yearmod(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    return Value("DATE", f["year"])


def _season(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    code = _code("seasons", f["season"]) or "SU"
    if "year" in f:
        return Value("DATE", f"{f['year']}-{code}")
    if ctx.anchor is None:
        return Value("DATE", f"XXXX-{code}", anchored=False)
    start_month: int = lexicon()["season_months"][code]
    rel = f.get("rel")
    years = (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)
    options = [((y, start_month), str(y)) for y in years]
    now = (ctx.anchor.year, ctx.anchor.month)
    if rel:
        pool = [o for o in options if (o[0] < now if rel.lower().startswith("dern") else o[0] > now)]
        year = max(pool)[1] if rel.lower().startswith("dern") else min(pool)[1]
    else:
        # the season in progress counts as "this" one in every direction
        current = [o for o in options if o[0] <= now < (o[0][0], o[0][1] + 3)]
        year = current[0][1] if current else _pick(options, now, ctx.direction)
    return Value("DATE", f"{year}-{code}")


def _decade(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    digits = f["dec"]
    if len(digits) == 2:
        digits = ("20" if digits in ("00", "10") else "19") + digits
    return Value("DATE", digits[:3])


_ROMAN = {"I": 1, "V": 5, "X": 10}


def _century(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    raw = f["cent"].upper()
    if raw.isdigit():
        number = int(raw)
    else:
        values = [_ROMAN[ch] for ch in raw]
        number = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    if not 1 <= number <= 21:
        return None
    return Value("DATE", f"{number - 1:02d}")


def _ago(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    number = parse_number(f["num"])
    if number is None:
        return None
    if ctx.anchor is None:
        return Value("DATE", "PAST_REF", anchored=False)
    return Value("DATE", _shift(ctx.anchor, number, f["unit"], -1))


def _duration_handler(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    raw = f["num"].lower()
    if raw == "plusieurs" and _code("units", f["unit"]) == "Y":
        return Value("DATE", "PAST_REF" if ctx.direction == "past" else "PRESENT_REF")
    number = None if raw in ("quelques", "plusieurs") else parse_number(raw)
    if number is None and raw not in ("quelques", "plusieurs"):
        return None
    return Value("DURATION", _duration(number, f["unit"]))


def _clock(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    value = clock_value(f["clock"])
    if value is None:
        return None
    day = ctx.day or ctx.anchor
    if day is None:
        return Value("TIME", f"XXXX-XX-XXT{value}", anchored=False)
    return Value("TIME", f"{day.isoformat()}T{value}")


def _set(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    value = _code("set_units", f["unit"]) or "P1D"
    if f.get("num"):
        number = parse_number(f["num"])
        if number is None:
            return None
        value = re.sub(r"1", str(number), value, count=1)
    return Value("SET", value, quant="EVERY")


def _set_adjective(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    if not ctx.is_adjective:
        return None  # le quotidien (a newspaper), un mensuel
    return Value("SET", _code("sets", f["word"]) or "P1D", quant="EVERY")


def _vague(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    return Value("DATE", _code("vague_words", f["word"].replace("’", "'")) or "PRESENT_REF")


def _holiday(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    holidays: dict[str, str] = lexicon()["holidays"]
    key = next(k for k in holidays if k.lower() == re.sub(r"\s+", " ", f["word"]).lower())
    month, day = (int(part) for part in holidays[key].split("-"))
    if ctx.anchor is None:
        return Value("DATE", f"XXXX-{holidays[key]}", anchored=False)
    return Value("DATE", day_month_value(ctx.anchor, day, month, ctx.direction, None) or "")


def _year(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    year = int(f["year"])
    if not 1800 <= year <= 2099:
        return None  # bare four-digit numbers outside that range are counts, not years
    if re.search(r"\d\s?[-–]\s?$", ctx.before):
        return None  # 1914-1918: a named period, or the end of a range of numbers
    if re.search(r"(n°|numéro|no\.|tél\.?|\+\d+|\d\s)\s*$", ctx.before, re.IGNORECASE):
        return None  # phone numbers and references
    quantity: list[str] = lexicon()["quantity_nouns"]
    following = re.match(r"\s*([^\s,.;:]+)", ctx.after)
    if following and following.group(1).lower() in quantity:
        return None  # 2000 euros
    if ctx.next_is_noun:
        return None  # 1500 soldats: the number counts the noun that follows
    return Value("DATE", str(year))


_HANDLERS = {
    "date": _date, "numeric": _numeric, "iso": _numeric, "weekday": _weekday_handler, "relday": _relday,
    "week": _week, "weekend": _weekend, "monthrel": _monthrel, "yearrel": _yearrel, "month": _month_handler,
    "yearmod": _yearmod, "season": _season, "decade": _decade, "century": _century, "ago": _ago,
    "relative": _duration_handler, "clock": _clock, "set": _set, "setadj": _set_adjective,
    "duration": _duration_handler, "vague": _vague, "holiday": _holiday, "year": _year,
}  # fmt: skip
