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

from veille.analysis.time.calendar import Direction
from veille.analysis.time.detect import Candidate, lexicon
from veille.analysis.time.resolve import _HANDLERS, Context, Value

_SP = r"[^\S\n]+"
# What comes before "N ans" when N is how old someone is, never how long something lasted.
_AGE_BEFORE = re.compile(
    rf"(?:âgée?s?{_SP}(?:de{_SP})?(?:seulement{_SP}|à{_SP}peine{_SP}|environ{_SP}|près{_SP}de{_SP})?"
    rf"|\b(?:les|des|aux){_SP}\d{{1,2}}[^\S\n]*[-–][^\S\n]*"  # les 6-16 ans: an age bracket
    rf"|\b(?:les|des|aux){_SP}(?:moins|plus){_SP}de{_SP}"  # les moins de 25 ans
    rf"|\b(?:ses|leurs|mes|tes|nos|vos){_SP}"  # fêter ses 80 ans
    rf"|(?:^|[,(])[^\S\n]*)$",  # Lucie Martin, 34 ans, … (an apposition)
    re.IGNORECASE,
)
_AGE_AT = re.compile(rf"(?<![\w'’])à{_SP}$", re.IGNORECASE)  # à 34 ans, il a fondé …
_NOT_AGE_AFTER = re.compile(rf"^(?:{_SP}(?:de|d['’]|ferme|avec|plus|supplémentaires|après|avant|durant))", re.IGNORECASE)
_APPOSITION_END = re.compile(r"^\s*(?:[,)]|et\s+demi)", re.IGNORECASE)


def resolve(candidate: Candidate, context: Context) -> Value | None:
    """Return the TIMEX3 reading of a candidate, or None when it is not a time expression."""
    fields = dict(candidate.fields)
    if candidate.kind == "duration" and is_age(candidate, context):
        return None
    if candidate.kind == "shortyear":
        return Value("DATE", str(full_year(fields["yy"], context.anchor)))
    if candidate.kind == "date":
        if "yy" in fields:
            fields["year"] = str(full_year(fields.pop("yy"), context.anchor))
        rel = fields.pop("rel", None)
        if rel:
            direction: Direction = "past" if rel.lower().startswith("dern") else "future"
            context = dataclasses.replace(context, direction=direction)
    return _HANDLERS[candidate.kind](candidate, fields, context)


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
