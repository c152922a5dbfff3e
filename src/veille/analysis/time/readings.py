"""Dispatch a candidate to its reader, with the readings that look past the rule's own groups.

``resolve.py`` holds one reader per rule. This module adds what needs the context around
the match: an age is not a duration (*Lucie Martin, 34 ans*; *âgé de 16 ans*; *les 6-16 ans*),
a two-digit year takes its century from the article date (*le 4 mars 97*, *en 98*), and a
date followed by *dernier/prochain* points strictly back or ahead (*le 14 février dernier*).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from functools import cache

from veille.analysis.lang.fr.tables import read_rows
from veille.analysis.lang.fr.words import PRENOMINAL_ADJECTIVES
from veille.analysis.time.calendar import Direction, month_value, shift_value, weekday_date
from veille.analysis.time.detect import Candidate, lexicon, parse_number
from veille.analysis.time.ranges import month_range, year_range
from veille.analysis.time.resolve import (
    _HANDLERS,
    Context,
    Value,
    _clock,
    _code,
    _date,
    _duration,
    _range_first,
    _weekday,
)
from veille.analysis.time.years import agrees, narrative_year, soon_after, valid_value

_SP = r"[^\S\n]+"
# What comes before "N ans" when N is how old someone is, never how long something lasted.
_AGE_BEFORE = re.compile(
    rf"(?:âgée?s?{_SP}(?:de{_SP})?(?:seulement{_SP}|à{_SP}peine{_SP}|environ{_SP}|près{_SP}de{_SP})?"
    # âgés de 19 et 23 ans, âgées de 16, 17 et 19 ans: the last of several ages
    rf"(?:[\w-]+(?:[^\S\n]*,[^\S\n]*|{_SP}(?:et|à|ou){_SP})){{0,3}}"
    rf"|\b(?:les|des|aux){_SP}\d{{1,2}}[^\S\n]*[-–][^\S\n]*"  # les 6-16 ans: an age bracket
    rf"|\b(?:les|des|aux){_SP}(?:moins|plus){_SP}de{_SP}"  # les moins de 25 ans
    rf"|\b(?:ses|leurs|mes|tes|nos|vos){_SP}"  # fêter ses 80 ans
    rf"|(?:^|[,(])[^\S\n]*)$",  # Lucie Martin, 34 ans, … (an apposition)
    re.IGNORECASE,
)
_AGE_AT = re.compile(rf"(?<![\w'’])à{_SP}$", re.IGNORECASE)  # à 34 ans, il a fondé …
_NOT_AGE_AFTER = re.compile(
    rf"^(?:{_SP}(?:de|d['’]|ferme|avec|plus|supplémentaires|après|avant|durant))", re.IGNORECASE
)
# journée(s) + de: a day that names an event (une journée de grève, trois journées
# d'action) or a round of a league (à cinq journées de la fin), counted, not a length.
_EVENT_DAY = re.compile(r"journées?", re.IGNORECASE)
_OF = re.compile(r"^[^\S\n]+(?:de|d['’])", re.IGNORECASE)
_APPOSITION_END = re.compile(r"^\s*(?:[,)]|et\s+demi)", re.IGNORECASE)


def resolve(candidate: Candidate, context: Context) -> Value | None:
    """Return the TIMEX3 reading of a candidate, or None when it is not a time expression."""
    fields = dict(candidate.fields)
    if candidate.kind == "duration" and is_age(candidate, context):
        return None
    if candidate.kind == "durapprox" and _approximate_age(fields, context):
        return None  # un couple d'une trentaine d'années: how old they are
    if candidate.kind == "duration" and _SECOND.fullmatch(fields["unit"]) and _ordinal_second(context):
        return None  # une seconde vague, une seconde personne: the ordinal adjective
    if candidate.kind == "duration" and _EVENT_DAY.match(fields.get("unit", "")) and _OF.match(context.after):
        return None  # une journée de grève, trois journées de mobilisation: days that name events
    if candidate.kind in ("duration", "durapprox") and _proportion().match(context.after):
        return None  # six jours sur sept, 24 heures sur 24: a proportion of time, not a length
    if candidate.kind == "year" and _in_name(context.before):
        return None  # le terminal de Port 2000, le Kop Vauban 1998: part of a name
    if candidate.kind == "shortyear":
        return Value("DATE", str(full_year(fields["yy"], context.anchor)))
    if candidate.kind == "weekday" and fields.get("rel", "").lower() in ("précédent", "suivant"):
        return _weekday_from_earlier(fields, context)
    if candidate.kind in ("clock", "hclock") and context.night and context.day is not None:
        hour = re.match(r"\d+", fields["clock"])
        if hour and int(hour.group(0)) < 12:
            # la nuit de mardi à mercredi … vers 4 heures: the small hours are the next day's
            context = dataclasses.replace(context, day=context.day + dt.timedelta(days=1))
    if candidate.kind == "ago" and fields.get("num", "").lower() in ("quelques", "plusieurs"):
        return Value("DATE", "PAST_REF")  # il y a quelques semaines: some time back
    if candidate.kind == "ago" and "approx" in fields:
        # il y a une vingtaine d'années: twenty years back, approximately
        fields["num"] = str(lexicon()["approximate_numerals"][fields.pop("approx").lower()])
    if candidate.kind in _READERS:
        return _READERS[candidate.kind](fields, context)
    if candidate.kind == "duration" and re.fullmatch(r"\d+[,.]\d+", fields["num"]):
        # 30,4 secondes: TIMEX3 durations take a decimal point
        return Value(
            "DURATION", _duration(1, fields["unit"]).replace("1", fields["num"].replace(",", "."), 1)
        )
    if soon_after(candidate.kind, fields, context):
        # les Etats-Unis ont mis le dossier au menu, avec une réunion le 28 avril (article of
        # 5 April): the meeting is the noun's time, and a scheduled occasion is near
        context = dataclasses.replace(context, direction="future")
    if candidate.kind == "date":
        if "yy" in fields:
            fields["year"] = str(full_year(fields.pop("yy"), context.anchor))
        rel = fields.pop("rel", None)
        if rel:
            direction: Direction = "past" if rel.lower().startswith("dern") else "future"
            context = dataclasses.replace(context, direction=direction)
    value = _HANDLERS[candidate.kind](candidate, fields, context)
    if value is not None and value.anchored and candidate.kind in ("month", "date"):
        own_year = {"year", "yy", "rel", "ce", "wd", "mod"} & candidate.fields.keys()
        carried = (context.sentence_year or "") + value.value[4:]
        if context.sentence_year and not own_year and valid_value(carried[:10]) and agrees(carried, context):
            # L'an dernier, … le 2 octobre, … les pluies de septembre: the sentence's year
            return dataclasses.replace(value, value=carried)
    # Across sentences a bare month inherits; a day of the month only from its own month named
    # with its year (en novembre 2003. Le 12 novembre, …): another day is more often the story's
    # present again (measured on the dev sets), and a weekday fixes the year by itself.
    if value is not None and value.anchored and candidate.kind in ("month", "date"):
        inherited = narrative_year(context, value.value[5:7] if candidate.kind == "date" else None)
        if inherited is not None and not ({"year", "yy", "rel", "ce", "wd"} & candidate.fields.keys()):
            if agrees(inherited + value.value[4:], context):
                # En 98, … En janvier, …: January 1998
                return dataclasses.replace(value, value=inherited + value.value[4:])
    return value


# A capitalised word inside a sentence, right before the year: Port 2000, Alternance 2021.
_NAME_BEFORE = re.compile(r"[\w,)]\s+([A-ZÀ-Ý][a-zà-ÿ'’-]+)\s$")


def _in_name(before: str) -> bool:
    """Say whether a year ends a proper name (*le terminal de Port 2000*, *la coalition
    Alternance 2021*, *le Kop Vauban 1998*): a capitalised word inside the sentence that is
    no time word (*Noël 2023*, *Pâques 2024* are times). The TIDES TIMEX2 guidelines, which
    TimeML's TIMEX3 extent follows, leave a time word inside a name untagged."""
    match = _NAME_BEFORE.search(before)
    return match is not None and match.group(1).lower() not in _time_words()


@cache
def _time_words() -> frozenset[str]:
    """Return the lower-cased one-word names of months, weekdays, seasons and feasts."""
    lex = lexicon()
    tables = ("months", "weekdays", "holidays", "seasons", "movable_holidays")
    return frozenset(word.lower() for table in tables for word in lex[table])


def _rentree(f: dict[str, str], ctx: Context) -> Value | None:
    """la rentrée: September, the month French schools, courts and parliaments resume."""
    if "year" in f:
        return Value("DATE", f"{int(f['year'])}-09")
    if ctx.anchor is None:
        return Value("DATE", "XXXX-09", anchored=False)
    return Value("DATE", month_value(ctx.anchor, 9, ctx.direction, f.get("rel")))


def full_year(digits: str, anchor: dt.date | None) -> int:
    """Return the year a two-digit year names: the latest one not more than a few years past
    the article's (97 → 1997 and 05 → 2005 seen from 2024; 28 → 2028 but 35 → 1935)."""
    yy = int(digits.lstrip("'’"))
    base = (anchor or dt.date.today()).year
    year = base - base % 100 + yy
    return year - 100 if year > base + 5 else year


def is_age(candidate: Candidate, context: Context) -> bool:
    """Say whether *N ans* is someone's age rather than a duration."""
    unit = candidate.fields.get("unit", "").lower()
    if not unit.startswith("an"):
        return False
    before = context.before.replace("’", "'")
    after = context.after
    if _age_by_syntax(context):
        return True
    if _AGE_BEFORE.search(before):
        if before.rstrip().endswith((",", "(")) and not _APPOSITION_END.match(after):
            return False  # …, 16 ans plus tard: a clause, not an apposition
        return not _NOT_AGE_AFTER.match(after) or before.lower().rstrip().endswith(("âgé", "âgée", "âgés"))
    if _AGE_AT.search(before) and not re.search(r"jusqu'à\s*$|condamnée?s?\s+à\s*$", before, re.IGNORECASE):
        return not _NOT_AGE_AFTER.match(after)
    nouns: list[str] = lexicon()["age_nouns"]
    person = re.search(rf"(\w+){_SP}(?:âgée?s?{_SP})?(?:de|d'){_SP}$", before)
    if person:
        word = person.group(1)
        return word.lower() in nouns or (word[0].isupper() and word.lower() not in ("de", "le", "la"))
    return False


# After an age held (elle avait 19 ans), a length one has for something: il a trois ans pour
# rembourser, elle a deux ans de retard, il a dix ans devant lui.
_OWN_COMPLEMENT = re.compile(rf"\bde{_SP}(?:[\w-]+{_SP}(?:et|à|ou){_SP})?$", re.IGNORECASE)
_HELD_LENGTH = re.compile(rf"^{_SP}(?:pour|de|d['’]|devant|avant|à)\b", re.IGNORECASE)


@cache
def _proportion() -> re.Pattern[str]:
    """Compile *sur* + a number (*six jours sur sept*, *24 heures sur 24*): a share of time.
    *huit mois sur le dossier*, *deux ans sur ce chantier* are lengths spent on something."""
    numbers = "|".join(sorted(lexicon()["numbers"], key=len, reverse=True))
    return re.compile(rf"^{_SP}sur{_SP}(?:\d+|{numbers})\b", re.IGNORECASE)


def _age_by_syntax(ctx: Context) -> bool:
    """Say from the parse whether *N ans* is how old someone is, wherever the words around
    it sit: the object of the verb *avoir* (*elle avait 19 ans quand…*, *il a eu 30 ans*),
    the complement of *âgé* however far (*âgés de 19 et 23 ans*, *âgées de 11 à 18 ans*),
    or the complement of a noun for a person (*le milieu de terrain de 27 ans*, *l'attaquant
    de 22 ans*: the ``age_nouns`` of the time table and the role nouns of ``roles.tsv``).
    *Il a passé 16 ans en prison* (the object of *passer*), *un mandat de six ans* (not a
    person) and *il a trois ans pour rembourser* (a length held for a purpose) stay lengths."""
    if ctx.dep == "obj" and ctx.governor == "avoir":
        # il y a 23 ans que…, il y avait dix ans: the time since, not an age
        there = re.search(r"\by[^\S\n]+(?:a|avait|aura|aurait|eut|avoir)\b", ctx.before, re.IGNORECASE)
        return there is None and not _HELD_LENGTH.match(ctx.after)
    if ctx.governor.startswith("âgé"):
        return True
    # the noun's own complement (l'attaquant de 22 ans, des enfants de 3 à 6 ans), not a
    # length the parser hung on a noun far back (opératrice depuis quatorze ans)
    own = _OWN_COMPLEMENT.search(ctx.before.replace("’", "'"))
    return own is not None and ctx.dep.startswith("nmod") and ctx.governor in person_nouns()


@cache
def person_nouns() -> frozenset[str]:
    """Return the one-word nouns for a person that an age may follow: ``age_nouns`` of
    ``time_fr.json`` and the one-word role nouns of ``roles.tsv`` (the entity stages' table,
    read here rather than copied), less the adjectives French puts before a noun."""
    nouns: list[str] = lexicon()["age_nouns"]
    roles = {row[0].lower() for _n, row in read_rows("roles.tsv") if row and " " not in row[0]}
    return frozenset(nouns) | frozenset(roles - PRENOMINAL_ADJECTIVES)


def _weekday_set(f: dict[str, str], ctx: Context) -> Value | None:
    """Read *tous les jeudis*, *chaque lundi matin*: every such day (a SET)."""
    pod = _code("parts_of_day", f["pod"]) if "pod" in f else None
    return Value("SET", f"XXXX-WXX-{_weekday(f['wd'])}" + (f"T{pod}" if pod else ""), quant="EVERY")


_SECOND = re.compile(r"secondes?", re.IGNORECASE)


def _ordinal_second(ctx: Context) -> bool:
    """Say whether *seconde* is the ordinal before its noun (*une seconde vague*): the parser
    reads the next word as a noun, and it is not a word that follows a length (*une seconde
    avant de répondre*, which the parser may also call a noun)."""
    following = re.match(r"[^\S\n]+(\w+)", ctx.after)
    after_length = ("avant", "après", "plus", "près", "environ", "seulement", "durant", "pendant")
    return ctx.next_pos == "NOUN" and following is not None and following.group(1).lower() not in after_length


def _approximate_age(f: dict[str, str], ctx: Context) -> bool:
    """Say whether *une trentaine d'années* says how old someone is: after a noun for a
    person (*un couple d'une trentaine d'années*) or *âgé d'*; *depuis une trentaine
    d'années* and *au bout d'une trentaine d'années* are lengths."""
    if _code("units", f["unit"]) != "Y":
        return False
    before = ctx.before.replace("’", "'")
    match = re.search(rf"(\w+){_SP}(?:âgée?s?{_SP})?d'$", before)
    if match is None:
        return False
    word = match.group(1).lower()
    nouns: list[str] = lexicon()["age_nouns"]
    return word.startswith("âgé") or word in nouns or word.rstrip("s") in nouns


def _approximate(f: dict[str, str], ctx: Context) -> Value | None:
    """Read *une dizaine de jours* (P10D), *une quinzaine de minutes* (PT15M): the rounded
    number the collective numeral names (the extent module gives it mod APPROX)."""
    numerals: dict[str, int] = lexicon()["approximate_numerals"]
    return Value("DURATION", _duration(numerals[f["approx"].lower()], f["unit"]))


def _period_phase(f: dict[str, str], ctx: Context) -> Value | None:
    """Read *en début de semaine prochaine* (the next ISO week), *la fin du mois dernier* (the
    month before): the week or month itself, the phase going to ``mod`` (START, MID, END)."""
    rel = f.get("rel", "").lower()
    steps = -1 if rel.startswith(("dern", "pass")) else 1 if rel.startswith("proch") else 0
    week = f["per"].lower() == "semaine"
    if ctx.anchor is None:
        return Value("DATE", "XXXX-WXX" if week else "XXXX-XX", anchored=False)
    value = shift_value(ctx.anchor, "W" if week else "M", steps)
    return Value("DATE", value) if value else None


def _year_set(f: dict[str, str], ctx: Context) -> Value | None:
    """Read *chaque été* (XXXX-SU), *tous les 15 juillet* (XXXX-07-15): a SET of every year's
    season or day, written with TimeML's unknown year."""
    if "season" in f:
        return Value("SET", f"XXXX-{_code('seasons', f['season']) or 'SU'}", quant="EVERY")
    day = 1 if f["day"].lower() in ("1er", "premier") else int(f["day"])
    months: dict[str, int] = lexicon()["months"]
    return Value("SET", f"XXXX-{months[f['mon'].lower()]:02d}-{day:02d}", quant="EVERY")


def _duration_noun(f: dict[str, str], ctx: Context) -> Value | None:
    """Read *un demi-siècle* (P50Y), *deux quinquennats* (P10Y)."""
    nouns: dict[str, str] = lexicon()["duration_nouns"]
    value = (
        nouns[re.sub(r"s$", "", f["noun"].lower().replace("’", "'"))]
        if f["noun"].lower().rstrip("s") in {k.rstrip("s") for k in nouns}
        else None
    )
    raw = f["num"].lower()
    number = 1 if raw in ("un", "une") else parse_number(raw)
    if value is None or number is None:
        return None
    match = re.fullmatch(r"(PT?)([\d.]+)(\w)", value)
    if match is None:
        return None
    amount = float(match.group(2)) * number
    text = str(int(amount)) if amount.is_integer() else str(amount)
    return Value("DURATION", f"{match.group(1)}{text}{match.group(3)}")


def _last_n(f: dict[str, str], ctx: Context) -> Value | None:
    """Read *ces trente dernières années*, *les trois prochains mois*: a duration (P30Y)."""
    number = parse_number(f["num"])
    return Value("DURATION", _duration(number, f["unit"])) if number else None


def _story_day(ctx: Context) -> dt.date | None:
    return ctx.day or ctx.anchor


def _night_range(f: dict[str, str], ctx: Context) -> Value | None:
    """Read *la nuit de mardi à mercredi*, *la nuit du 23 au 24 mars*: the night that starts on
    the first day (TNI)."""
    if "day" in f:
        first = _date(
            Candidate(0, 0, "", "date", f), {k: f[k] for k in ("day", "mon", "year") if k in f}, ctx
        )
        if first is None:
            return None
        return Value("TIME", f"{first.value}TNI", anchored=first.anchored)
    if ctx.anchor is None:
        return Value("TIME", f"XXXX-WXX-{_weekday(f['wd'])}TNI", anchored=False)
    return Value("TIME", f"{weekday_date(ctx.anchor, _weekday(f['wd']), ctx.direction).isoformat()}TNI")


def _part_of_day(f: dict[str, str], ctx: Context) -> Value | None:
    """Read a part of the day standing alone (*dans la nuit*, *en fin d'après-midi*) on the
    story's day: the date of its sentence, else the article date."""
    day = _story_day(ctx)
    code = _code("parts_of_day", f["pod"])
    if f["pod"].lower() == "journée":
        return Value("DATE", day.isoformat()) if day else Value("DATE", "XXXX-XX-XX", anchored=False)
    if code is None:
        return None
    if day is None:
        return Value("TIME", f"XXXX-XX-XXT{code}", anchored=False)
    return Value("TIME", f"{day.isoformat()}T{code}")


_DURATION_BEFORE = re.compile(
    r"(?:\ben|pendant|durant|plus\s+de|moins\s+de|les|des|toutes\s+les)\s*$", re.IGNORECASE
)


def _h_clock(f: dict[str, str], ctx: Context) -> Value | None:
    """Read a clock time in *h* notation standing alone (*de 9 h 30 à 12 h*); after *en* or
    *pendant* it measures a length, which this rule leaves alone."""
    if _DURATION_BEFORE.search(ctx.before):
        return None
    return _clock(Candidate(0, 0, "", "clock", f), f, ctx)


def _weekday_from_earlier(f: dict[str, str], ctx: Context) -> Value | None:
    """Read *le samedi précédent*, *le lundi suivant*: that weekday strictly before or after
    the latest day-precise date named before it, else the article date."""
    base = next((v[:10] for v in reversed(ctx.earlier) if re.match(r"\d{4}-\d{2}-\d{2}", v)), None)
    anchor = dt.date.fromisoformat(base) if base else ctx.anchor
    if anchor is None:
        return Value("DATE", f"XXXX-WXX-{_weekday(f['wd'])}", anchored=False)
    direction: Direction = "past" if f["rel"].lower().startswith("pr") else "future"
    return Value("DATE", weekday_date(anchor, _weekday(f["wd"]), direction, strict=True).isoformat())


def _year_phase(f: dict[str, str], ctx: Context) -> Value | None:
    """Read *début de l'année*, *fin d'année*: the article's year (TimeML puts début/fin in
    the extent and keeps the year as the value)."""
    return Value("DATE", str(ctx.anchor.year)) if ctx.anchor else Value("DATE", "XXXX", anchored=False)


_ORDER = "YMWDHmS"  # the TIMEX3 duration units, largest first (m: minutes)


def _duration_pair(f: dict[str, str], ctx: Context) -> Value | None:
    """Read *trois minutes et trente secondes* (PT3M30S), *deux ans et six mois* (P2Y6M)."""
    parts: dict[str, int] = {}
    for num, unit in ((f["num"], f["unit"]), (f["num2"], f["unit2"])):
        number = parse_number(num)
        code = _code("units", unit)
        if number is None or code not in ("Y", "M", "W", "D", "H", "S"):
            return None
        if code == "M" and unit.lower().startswith("min"):
            code = "m"
        parts[code] = parts.get(code, 0) + number
    date = "".join(f"{parts[c]}{c}" for c in "YMWD" if c in parts)
    time = "".join(f"{parts[c]}{c.upper()}" for c in "HmS" if c in parts)
    return Value("DURATION", "P" + date + (f"T{time}" if time else ""))


def _part_of_that_day(f: dict[str, str], ctx: Context) -> Value | None:
    """Read *ce soir-là*, *cette nuit-là*: that part of the latest day-precise date named
    before it (unknown when there is none: *-là* points back into the text, not to today)."""
    code = _code("parts_of_day", f["pod"])
    # cette nuit-là: the night named before, if one was (la nuit du 11 au 12 août … le lendemain
    # … trois jours plus tard … cette nuit-là), else the latest day named
    same = next((v[:10] for v in reversed(ctx.earlier) if code and v.endswith("T" + code)), None)
    base = same or next((v[:10] for v in reversed(ctx.earlier) if re.match(r"\d{4}-\d{2}-\d{2}", v)), None)
    day = base or "XXXX-XX-XX"
    if f["pod"].lower() == "journée" or code is None:
        return Value("DATE", day, anchored=base is not None)
    return Value("TIME", f"{day}T{code}", anchored=base is not None)


# Half of each unit, in the next smaller TIMEX3 unit: deux ans et demi is P2Y6M.
_HALF = {"Y": "6M", "M": "15D", "D": "T12H", "H": "30M", "m": "30S"}


def _duration_and_half(f: dict[str, str], ctx: Context) -> Value | None:
    """Read *cinq heures et demie* (PT5H30M), *deux ans et demi* (P2Y6M)."""
    number = parse_number(f["num"])
    code = _code("units", f["unit"])
    if number is None or code not in ("Y", "M", "W", "D", "H"):
        return None
    if code == "M" and f["unit"].lower().startswith("min"):
        code = "m"
    if code == "W":  # une semaine et demie: weeks do not mix with days in a TIMEX3 value
        return Value("DURATION", f"P{number * 7 + 3}DT12H")
    half = _HALF[code]
    if code in ("H", "m"):
        return Value("DURATION", f"PT{number}{code.upper()}{half}")
    return Value("DURATION", f"P{number}{code}{half}")


# maintenant as a verb: after (tout) en, or opening a participial clause before its object
# (le syndicat, maintenant sa demande, …); after a finite verb it is the adverb (réclament
# maintenant une passerelle), and the parser reads every one of them as an adverb.
_VERB_MAINTENANT = re.compile(
    r"\ben\s*\|"
    r"|(?:^|[,;:(]|[.!?]\s)\s*\|\s*(?:sa|son|ses|leur|leurs|le|la|les|l['’]|un|une|des|ce|cet|cette|ces|notre|nos)\b",
    re.IGNORECASE,
)


def _refword(f: dict[str, str], ctx: Context) -> Value | None:
    """Read a vague word of the tempeval profile (*maintenant*, *actuel*, *l'avenir*): an
    adverb or adjective as the parser reads it, never a verb form."""
    word = f["word"].lower().replace("’", "'")
    verb = word == "maintenant" and _VERB_MAINTENANT.search(ctx.before + " | " + ctx.after)
    if ctx.pos == "VERB" or verb:
        return None  # (tout) en maintenant sa position: the participle of maintenir
    return Value("DATE", _code("tempeval_vague_words", word) or "PRESENT_REF")


def _month_range(f: dict[str, str], ctx: Context, second: bool) -> Value | None:
    if "m1b" in f:
        f = {**f, "m1": f["m1b"]}
    return month_range(f, ctx, second)


_READERS = {
    "periodphase": _period_phase,
    "durapprox": _approximate,
    "yearset": _year_set,
    "refword": _refword,
    "yearrange1": lambda f, ctx: year_range(f, ctx, False),
    "yearrange2": lambda f, ctx: year_range(f, ctx, True),
    "monrange1": lambda f, ctx: _month_range(f, ctx, False),
    "monrange2": lambda f, ctx: _month_range(f, ctx, True),
    "daylist": lambda f, ctx: _range_first(Candidate(0, 0, "", "daylist", f), f, ctx),
    "durhalf": _duration_and_half,
    "podthat": _part_of_that_day,
    "durpair": _duration_pair,
    "yearphase": _year_phase,
    "wdset": _weekday_set,
    "durnoun": _duration_noun,
    "lastn": _last_n,
    "nightrange": _night_range,
    "podalone": _part_of_day,
    "hclock": _h_clock,
    "rentree": _rentree,
}
