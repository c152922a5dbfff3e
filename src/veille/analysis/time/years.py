"""Choose the year of a year-less date from what the text says around it.

The tense gives a direction (resolve.py); these readings let the text overrule it, and keep
it from being overruled against its sense: a year carried from the sentence or the story
(*L'an dernier, … le 2 octobre*; *En 98, … en janvier*) must agree with the direction, and a
day named under a past verb is the coming one when that is near (*a annoncé l'interdiction,
à compter du 1er juillet*).
"""

from __future__ import annotations

import datetime as dt
import re

from veille.analysis.time.calendar import day_month_value
from veille.analysis.time.context import Context
from veille.analysis.time.resolve import _month


def agrees(value: str, ctx: Context) -> bool:
    """Say whether a year carried from the text keeps the direction the clause gives: a date
    *prévue le 16 mai* points ahead, so it cannot take the year of an *en 2016* or an *l'an
    dernier* named before it in the sentence (ISO-TimeML reads a TIMEX3 value in the relation
    to the speech time that its clause's tense or signal sets)."""
    if ctx.anchor is None or ctx.direction == "nearest":
        return True
    today = ctx.anchor.isoformat()[: len(value[:10])]
    return value[:10] >= today if ctx.direction == "future" else value[:10] <= today


_SOON_DAYS = 62  # about two months: how far ahead a past clause still names a coming occasion


def soon_after(kind: str, f: dict[str, str], ctx: Context) -> bool:
    """Say whether a year-less day under a past verb is the coming one: when it falls within
    about two months of the article date (the past one is then most of a year back, and would
    have been written with its year). It was first read for a day hanging from a noun (*une
    réunion le 28 avril*); twelfth session: for any day (*a annoncé l'interdiction, à compter
    du 1er juillet*; *a prévu une manifestation, le 27 juin*), unless the sentence names the
    year or a word places the day in the past."""
    if ctx.direction != "past" or ctx.anchor is None or "year" in f or ctx.sentence_year:
        return False  # L'an dernier, la récolte avait débuté le 2 octobre: the text gives the year
    if ctx.signalled_past:
        return False  # la dernière crue remonte au 3 mars: past whatever the distance
    if kind not in ("date", "range", "daylist") or "day" not in f or "mon" not in f:
        return False
    ahead = day_month_value(ctx.anchor, _day_number(f["day"]), _month(f["mon"]), "future", None)
    if ahead is None:
        return False
    return (dt.date.fromisoformat(ahead) - ctx.anchor).days <= _SOON_DAYS


def _day_number(word: str) -> int:
    return 1 if word.lower() in ("1er", "premier") else int(word)


def valid_value(value: str) -> bool:
    """Say whether a YYYY-MM or YYYY-MM-DD value names a real month or day (29 February)."""
    try:
        dt.date.fromisoformat(value if len(value) == 10 else value + "-01")
    except ValueError:
        return False
    return True


def narrative_year(ctx: Context, month: str | None = None) -> str | None:
    """Return the year a year-less date inherits: the latest dated expression before it in
    its paragraph, when that is a bare year two or more years from the article's (*En 98, …
    en janvier* is January 1998), or, for a day of ``month``, that month of such a year."""
    if not ctx.earlier or ctx.anchor is None or ctx.new_paragraph or ctx.counted_back:
        # a new paragraph leaves the story's year to the tense (… arrivé en 2022. ¶ En janvier,
        # le Parlement a adopté …: the January just past); so does a year counted back from
        # the article date in an earlier sentence (Il y a deux ans, Québec avait demandé … .
        # Mais à l'approche des élections d'octobre, …: a look back, not the story's year)
        return None
    latest = ctx.earlier[-1]
    if month is not None:
        latest = latest[:4] if re.fullmatch(rf"\d{{4}}-{month}(-\d\d)?", latest) else ""
    # The year next to the article's is left to the tense (fin 2024, … début octobre, …: the
    # October after it); a narrative set further back (or ahead) carries its year along.
    if re.fullmatch(r"\d{4}", latest) and abs(int(latest) - ctx.anchor.year) >= 2:
        return latest
    return None
