"""Turn a detected time expression into a TIMEX3 type and value, anchored on the article date.

Calendar arithmetic only: the direction (past, future, nearest) that a weekday or a
year-less date takes is decided from the parse by ``time.py`` and passed in. Without an
anchor, relative expressions keep TimeML's unknown digits (``XXXX-12-03``) and come back
with ``anchored=False`` rather than a wrong date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from veille.analysis.time.calendar import (
    Direction,
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
from veille.analysis.time.context import Context
from veille.analysis.time.detect import Candidate, lexicon, parse_number


@dataclass(frozen=True)
class Value:
    """The TIMEX3 reading of a candidate."""

    type: str
    value: str
    quant: str | None = None
    anchored: bool = True


def _code(table: str, word: str) -> str | None:
    entries: dict[str, str] = lexicon()[table]
    key = re.sub(r"\s+", " ", word.lower().strip())
    key = re.sub(r"^(en|dans la) ", "", key)
    return entries.get(key)


def _month(word: str) -> int:
    months: dict[str, int] = lexicon()["months"]
    key = word.lower()
    return months[key] if key in months else months[key + "."]  # oct 2024: the point left out


def _weekday(word: str) -> int:
    weekdays: dict[str, int] = lexicon()["weekdays"]
    return weekdays[word.lower()]


def _day(word: str) -> int:
    return 1 if word.lower() in ("1er", "premier") else int(word)


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
    match = re.match(r"(\d{1,2})(?:\s?h(?:eures?)?\s*(\d{2})?|:(\d{2}))", text.strip(), re.IGNORECASE)
    if not match or int(match.group(1)) > 23:
        return None
    hour = int(match.group(1))
    if hour < 12 and re.search(r"(?:soir|après-midi)(?:\s+(?:GMT|UTC))?$", text.strip(), re.IGNORECASE):
        hour += 12  # 8 heures du soir, 3 heures de l'après-midi
    return f"{hour:02d}:{int(match.group(2) or match.group(3) or 0):02d}"


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


Fields = dict[str, str]


def _date(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    day, month = _day(f["day"]), _month(f["mon"])
    if "podpre" in f and "pod" not in f:
        f = {**f, "pod": f["podpre"]}
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
        day = dt.date(int(f["year"]), int(f["mon"]), int(f["day"])).isoformat()
    except ValueError:
        return None
    return _with_pod(day, None, f.get("clock"))


def _weekday_handler(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    weekday = _weekday(f["wd"])
    rel = f.get("rel")
    if not rel and not f.get("ce") and re.search(r"\bles?\s*$", ctx.before, re.IGNORECASE):
        # le dimanche, les lundis: a habit, every such day, not one day
        pod = _code("parts_of_day", f["pod"]) if f.get("pod") else None  # le samedi matin: TMO
        return Value("SET", f"XXXX-WXX-{weekday}" + (f"T{pod}" if pod else ""), quant="EVERY")
    if ctx.anchor is None:
        return Value("DATE", f"XXXX-WXX-{weekday}", anchored=False)
    if rel:
        direction: Direction = "past" if rel.lower().startswith("dern") else "future"
        day = weekday_date(ctx.anchor, weekday, direction, strict=True)
    else:
        day = weekday_date(ctx.anchor, weekday, ctx.direction)
    pod = f.get("pod") or f.get("podpre") or f.get("podof")
    clock = f.get("clock") or f.get("clockw")
    ends_day = f.get("clockm") or (
        clock and clock.lower() == "minuit" and pod and _code("parts_of_day", pod) in ("EV", "NI")
    )
    if ends_day:
        # minuit ce jeudi soir, vendredi minuit: the midnight that ends that day (TIDES: 24:00)
        return Value("TIME", f"{(day + dt.timedelta(days=1)).isoformat()}T00:00")
    return _with_pod(day.isoformat(), pod, clock)


def _relday(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    offsets = {"aujourd'hui": 0, "hier": -1, "avant-hier": -2, "demain": 1, "après-demain": 2}
    word = f.get("rd", "aujourd'hui").lower().replace("’", "'")
    offset = offsets.get(word, 0)
    if word == "aujourd'hui" and "pod" not in f and re.search(r"(?<!partir )(?<!près )\bd['’]$", ctx.before):
        return Value("DATE", "PRESENT_REF")  # la France d'aujourd'hui: the present age, not the day
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
    # cet été, cet hiver: the demonstrative points at the season nearest the time of writing
    # (the one in progress, else the nearer of the last and the coming), whatever the tense
    # of a clause it may sit in (« … du courant dès cet été », a martelé le ministre, in May)
    direction: Direction = "nearest" if c.text.lower().startswith(("cet ", "ce ")) else ctx.direction
    return Value("DATE", f"{period_year(ctx.anchor, start_month, 3, direction, f.get('rel'))}-{code}")


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
    if not ctx.is_adjective and not f["word"].lower().endswith("ment"):
        return None  # le quotidien (a newspaper), un mensuel; an adverb (annuellement) is never a noun
    if ctx.dep == "amod":
        return None  # les voyageurs quotidiens, la cotisation annuelle: a kind of thing, not a time
    return Value("SET", _code("sets", f["word"]) or "P1D", quant="EVERY")


def _vague(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    return Value("DATE", _code("vague_words", f["word"].replace("’", "'")) or "PRESENT_REF")


def _holiday(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    lex = lexicon()
    fixed: dict[str, str] = lex["holidays"]
    movable: dict[str, int] = lex["movable_holidays"]
    wanted = re.sub(r"\s+", " ", f["word"]).lower()
    key = next(k for k in [*fixed, *movable] if k.lower() == wanted)
    if " " not in key and key[0].isupper() and f["word"][0].islower():
        return None  # l'ascension d'un sommet: a feast is written with a capital
    if re.match(r"[^\S\n]+[A-ZÉÈ][a-zéèëï]", ctx.after) and "year" not in f:
        return None  # Noël Le Graët, Toussaint Louverture: a first name
    year = int(f["year"]) if "year" in f else None
    if key in movable:
        if year is not None:
            return Value("DATE", (easter_sunday(year) + dt.timedelta(days=movable[key])).isoformat())
        if ctx.anchor is None:
            return Value("DATE", "XXXX-XX-XX", anchored=False)
        return Value("DATE", movable_value(ctx.anchor, movable[key], ctx.direction))
    month, day = (int(part) for part in fixed[key].split("-"))
    if year is not None:
        return Value("DATE", f"{year}-{fixed[key]}")
    if ctx.anchor is None:
        return Value("DATE", f"XXXX-{fixed[key]}", anchored=False)
    return Value("DATE", day_month_value(ctx.anchor, day, month, ctx.direction, None) or "")


_UNKNOWN = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX"}


def _from_earlier(unit: str, steps: int, ctx: Context, pod: str | None = None) -> Value | None:
    """Shift from the latest earlier expression precise enough for ``unit``, else from the
    article date: *le lendemain*, *deux jours plus tard*, *l'année suivante*."""
    base: str | dt.date | None = earlier_anchor(ctx.earlier, unit) or ctx.anchor
    if base is None:
        return Value("DATE", _UNKNOWN[unit], anchored=False)
    value = shift_value(base, unit, steps)
    if value is None:
        return None
    return _with_pod(value, pod, None) if unit == "D" else Value("DATE", value)


def _anaphor(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    lex = lexicon()
    word = re.sub(r"\s+", " ", f["word"]).lower()
    unit, steps = lex["anaphors"][word]
    following = re.match(r"[^\S\n]+(\w+)", ctx.after)
    if word.endswith("veille") and following and following.group(1).lower() in lex["not_time_after_veille"]:
        return None  # la veille sanitaire: watch, not the day before
    return _from_earlier(unit, int(steps), ctx, f.get("pod"))


def _shift_handler(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    unit = _code("units", f["unit"])
    number = parse_number(f["num"])
    if number is None:
        return None
    if unit not in ("D", "W", "M", "Y") or f["unit"].lower().startswith("min"):
        return _duration_handler(c, f, ctx)  # deux heures plus tard: no earlier clock time to count from
    sign: int = lexicon()["shift_directions"][re.sub(r"\s+", " ", f["dir"]).lower()]
    return _from_earlier(unit, sign * number, ctx)


def _range_first(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    """Return the first end of *du 3 au 5 mars*: it borrows the month and year of the second."""
    day = _day(f["d1"])
    month = _month(f.get("m1") or f["mon"])
    if "y1" in f:
        return _date(c, {"day": f["d1"], "mon": f["m1"], "year": f["y1"]}, ctx)
    second = _date(c, {k: f[k] for k in ("day", "mon", "year", "wd") if k in f}, ctx)
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})", second.value) if second and second.anchored else None
    if match is None:
        if "year" in f:
            year = int(f["year"]) - (1 if month > _month(f["mon"]) else 0)
            return _date(c, {"day": f["d1"], "mon": str(month), "year": str(year)}, ctx)
        return Value("DATE", f"XXXX-{month:02d}-{day:02d}", anchored=False)
    start = range_start(dt.date(*(int(g) for g in match.groups())), month, day)
    return Value("DATE", start.isoformat()) if start else None


def _weekday_range(c: Candidate, f: Fields, ctx: Context, second: bool) -> Value | None:
    """Return one end of *du lundi au vendredi*: the first end follows the tense, the second
    is the first such day after it."""
    first_day, last_day = _weekday(f["wd1"]), _weekday(f["wd"])
    if ctx.anchor is None:
        return Value("DATE", f"XXXX-WXX-{last_day if second else first_day}", anchored=False)
    start = weekday_date(ctx.anchor, first_day, ctx.direction)
    days = (last_day - first_day) % 7 or 7 if second else 0
    return Value("DATE", (start + dt.timedelta(days=days)).isoformat())


def _period(word: str) -> tuple[str, int]:
    letter, months = lexicon()["periods"][word.lower()]
    return str(letter), int(months)


def _period_value(letter: str, months: int, index: int, f: Fields, ctx: Context) -> Value | None:
    if not 1 <= index <= 12 // months:
        return None
    if "year" in f or ctx.anchor is None:
        return Value("DATE", f"{f.get('year', 'XXXX')}-{letter}{index}", anchored="year" in f)
    year = period_year(ctx.anchor, (index - 1) * months + 1, months, ctx.direction, None)
    return Value("DATE", f"{year}-{letter}{index}")


def _quarter(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    letter, months = _period(f["per"])
    index: int = lexicon()["ordinals"][f["ord"].lower()]
    if index < 0 and "year" not in f:
        # le dernier trimestre: the last one completed before the article
        if ctx.anchor is None:
            return Value("DATE", f"XXXX-{letter}X", anchored=False)
        year, index = period_shift(ctx.anchor, months, -1)
        return Value("DATE", f"{year}-{letter}{index}")
    return _period_value(letter, months, index if index > 0 else 12 // months, f, ctx)


def _period_relative(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    letter, months = _period(f.get("per") or f["per2"])
    if ctx.anchor is None:
        return Value("DATE", f"XXXX-{letter}X", anchored=False)
    year, index = period_shift(ctx.anchor, months, _offset_from_rel(f.get("rel")))
    return Value("DATE", f"{year}-{letter}{index}")


def _quarter_code(c: Candidate, f: Fields, ctx: Context) -> Value | None:
    code = f["code"]
    if not code[0].isupper():
        return None
    if "year" not in f and not re.search(r"\b(?:au|du|ce)\s*$", ctx.before, re.IGNORECASE):
        return None  # un T3 is a flat with three rooms; a quarter needs a year or au/du T3
    letter, months = ("Q", 3) if code[0] in "TQ" else ("H", 6)
    return _period_value(letter, months, int(code[1]), f, ctx)


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
    "shift": _shift_handler, "anaphor": _anaphor, "range": _range_first,
    "wdrange1": lambda c, f, ctx: _weekday_range(c, f, ctx, False),
    "wdrange2": lambda c, f, ctx: _weekday_range(c, f, ctx, True),
    "quarter": _quarter, "periodrel": _period_relative, "quartercode": _quarter_code, "clock": _clock,
    "set": _set, "setadj": _set_adjective, "duration": _duration_handler, "vague": _vague,
    "holiday": _holiday, "year": _year,
}  # fmt: skip
