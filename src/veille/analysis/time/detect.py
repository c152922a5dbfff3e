"""Find candidate French time expressions in cleaned text with rules built from data.

Every rule is a regular expression assembled from the vocabulary in
``data/time_fr.json`` (weekday and month names, number words, parts of day…).
Overlapping matches are settled longest-first, so *jeudi 30 mars au soir* wins over
*jeudi* and *30 mars*. Deciding what a match means (and rejecting the look-alikes:
*Mars* the planet, *2000 euros*) is the resolver's job, which sees the parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from veille.analysis.lang.fr import tables
from veille.analysis.time.scan import Rule, compile_rule, scan


@dataclass(frozen=True)
class Candidate:
    """A span of text that a rule read as a time expression, with the rule's groups."""

    start: int
    end: int
    text: str
    kind: str
    fields: dict[str, str]


@cache
def lexicon() -> dict[str, Any]:
    """Return the French time vocabulary (``data/time_fr.json``)."""
    data: dict[str, Any] = tables.read_json("time_fr.json")
    return data


def _alternation(words: list[str]) -> str:
    # Longest first, so "fin de matinée" is tried before "matinée".
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def parse_number(text: str) -> int | None:
    """Return the value of a number in digits or French words (dix-huit, vingt et un), else None."""
    text = text.strip().lower()
    if text.isdigit():
        return int(text)
    numbers: dict[str, int] = lexicon()["numbers"]
    total = current = 0
    for word in re.split(r"[\s-]+", text):
        if word == "et":
            continue
        value = numbers.get(word)
        if value is None:
            return None
        if value == 100:
            current = max(current, 1) * 100
        elif value == 1000:
            total += max(current, 1) * 1000
            current = 0
        elif value == 20 and current % 100 == 4:
            current += 76  # quatre-vingt: 4 × 20, the 4 is already counted
        else:
            current += value
    return total + current


@cache
def rules() -> tuple[Rule, ...]:
    """Return the rules (kind, case-insensitive pattern), in priority order for equally long matches."""
    lex = lexicon()
    wd = _alternation(list(lex["weekdays"]))
    months_full = [m for m in lex["months"] if not m.endswith(".")]
    mon = "(?:" + _alternation(list(lex["months"])) + r")(?![\w-])"
    mon_full = "(?:" + _alternation(months_full) + r")(?![\w-])"
    mon_dash = "(?:" + _alternation(months_full) + r")(?=\s?[-–/]\s?\w)"  # mars-avril: the dash follows
    # 9 oct 2024, 12 sept 2023: the wires' abbreviations without their point, between a day
    # and a year only (a bare "oct" or "sept" elsewhere is no month)
    undotted = _alternation([m.rstrip(".") for m in lex["months"] if m.endswith(".")])
    day = r"(?:1er|premier|[12]\d|3[01]|0?[1-9])"
    year = r"(?:1\d{3}|20\d{2})"
    pod = _alternation([*lex["parts_of_day"], "midi", "dans la nuit", "dans la soirée", "dans la matinée"])
    pod_phrase = r"(?:(?:en|dans\s+la)\s+)?(?:fin|début)\s+(?:de\s+|d')(?:matinée|journée|soirée|après-midi)"
    # 2 heures du matin, 8 heures du soir: the part of the day says which half of the clock
    # 02H30 GMT, 14h UTC: the time zone is inside the expression (TIDES TIMEX2 guidelines,
    # which TimeML's extent rules follow: "3 p.m. EST" is one expression); the value keeps
    # the clock as written
    zone = r"(?:\s+(?:GMT|UTC)\b)?"
    clock = (
        r"(?:(?:[01]?\d|2[0-3])\s?h(?:\s?[0-5]\d)?\b|(?:[01]?\d|2[0-3])\s+heures?(?:\s+[0-5]\d)?"
        r"(?:\s+(?:du\s+matin|du\s+soir|de\s+l'après-midi)\b)?|midi|minuit)" + zone
    )
    numw = _alternation(list(lex["numbers"]))
    num = rf"(?:\d+(?:[,.]\d+)?|(?:{numw})\b(?:(?:-et-|-|\s+et\s+|\s+)(?:{numw})\b)*)"
    unit = _alternation(list(lex["units"]))
    vague = _alternation(list(lex["vague_words"]))
    refword = _alternation(list(lex["tempeval_vague_words"]))
    holiday = _alternation([*lex["holidays"], *lex["movable_holidays"]])
    anaphor = _alternation(list(lex["anaphors"]))
    shift_dir = _alternation(list(lex["shift_directions"]))
    ordinal = _alternation(list(lex["ordinals"]))
    period = _alternation(list(lex["periods"]))
    season = _alternation(list(lex["seasons"]))
    set_unit = _alternation(list(lex["set_units"]))
    set_adj = _alternation(list(lex["sets"]))
    dur_noun = _alternation(list(lex["duration_nouns"]))
    approx = _alternation(list(lex["approximate_numerals"]))
    # A two-digit year (le 4 mars 97, en 98) must end the phrase: 4 mars 20 manifestants is a count.
    # the rest of a list of days, up to the last one, which names the month: , 8 et 13 avril
    list_rest = (
        rf"(?=(?:\s*,\s*{day})*\s+et\s+(?:le\s+)?(?P<day>{day})\s+(?P<mon>{mon})(?:\s+(?P<year>{year}))?\b)"
    )
    range_end = r"(?![\w/]|[.,]\d|\s?[-–/]\s?\d)"  # not 2015-2019-2023, nor a date 2015/03/12
    short_end = r"(?=\s*(?:[,.;:)!?]|$)|\s+(?:à|au|en|dans|et|puis|lors|par|avec|pour|quand|lorsque)\b)"
    table = [
        # Ranges first, so that they win a tie with the plain rules: each rule gives ONE end.
        ("range", rf"\b(?:du|entre\s+les?)\s+(?P<span>(?:(?P<wd1>{wd})\s+)?(?P<d1>{day})"
                  rf"(?:\s+(?P<m1>{mon})(?:\s+(?P<y1>{year}))?)?)\s+(?:au|et(?:\s+le)?)\s+"
                  rf"(?:(?P<wd>{wd})\s+)?(?P<day>{day})\s+(?P<mon>{mon})(?:\s+(?P<year>{year}))?\b"),
        # de novembre à février, mars-avril, juillet/août 2023: one expression per month
        ("monrange1", rf"(?:(?:\bde\s+|\bd'|\bentre\s+)(?P<span>(?P<m1>{mon_full}))\s+(?:à|au|et)\s+"
                      rf"|\b(?P<span2>(?P<m1b>{mon_dash}))\s?[-–/]\s?)"
                      rf"(?P<mon>{mon_full})(?:\s+(?P<year>{year})\b)?"),
        ("monrange2", rf"(?:(?:\bde\s+|\bd'|\bentre\s+)(?P<m1>{mon_full})\s+(?:à|au|et)\s+"
                      rf"|\b(?P<m1b>{mon_dash})\s?[-–/]\s?)(?P<span>(?P<mon>{mon_full})(?:\s+(?P<year>{year})\b)?)"),
        # 2015-2019, 1992-95, 2002/2003: one expression per year (a count is told apart later)
        ("yearrange1", rf"(?<![\w.,/-])(?P<span>(?P<y1>{year}))\s?[-–/]\s?(?P<y2>{year}|\d{{2}}){range_end}"),
        ("yearrange2", rf"(?<![\w.,/-])(?P<y1>{year})\s?[-–/]\s?(?P<span>(?P<y2>{year}|\d{{2}})){range_end}"),
        # les 6 et 13 avril, les 6, 8 et 13 avril: every day but the last borrows its month
        ("daylist", rf"\b(?:les|des|aux)\s+(?P<span>(?P<d1>{day})){list_rest}"),
        ("daylist", rf"(?<=,\s)(?P<span>(?P<d1>{day})){list_rest}"),
        ("wdrange1", rf"\b(?:du|entre)\s+(?P<span>(?P<wd1>{wd}))\s+(?:au|et)\s+(?P<wd>{wd})\b"),
        ("wdrange2", rf"\b(?:du|entre)\s+(?P<wd1>{wd})\s+(?:au|et)\s+(?P<span>(?P<wd>{wd}))\b"),
        # le matin du 14 mars, dans la soirée du 3 juin: that part of that day
        ("date", rf"(?:\b(?:le|la)\s+(?P<podpre>matin|soir|nuit|matinée|soirée|après-midi|fin\s+de\s+matinée"
                 rf"|fin\s+d'après-midi|début\s+de\s+soirée|fin\s+de\s+soirée)\s+du\s+)?"
                 rf"(?:\b(?P<ce>ce|cette)\s+)?(?:\b(?P<wd>{wd})\s+)?\b(?P<day>{day})\s+"
                 rf"(?P<mon>{mon}|(?:{undotted})(?=\s+{year}\b))"
                 rf"(?:\s+(?P<year>{year})\b|\s+(?P<yy>\d{{2}}){short_end}|\s+(?P<rel>dernier|prochain)\b)?"
                 rf"(?:\s+(?:au|dans\s+la|en)\s+(?P<pod>{pod}))?"
                 rf"(?:\s+(?:à|vers)\s+(?P<clock>{clock}))?"),
        # 14/03/2019 à 07h12, 05/07/2016 à 19:02: one TIME, as a written date with its hour
        ("numeric", rf"\b(?P<day>[0-3]?\d)[/.](?P<mon>[01]?\d)[/.](?P<year>{year})\b"
                    rf"(?:\s+(?:à|-)\s+(?P<clock>{clock}|(?:[01]?\d|2[0-3]):[0-5]\d\b))?"),
        ("iso", rf"\b(?P<year>{year})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b"),
        # la matinée de mardi, l'aube de jeudi: that part of that day (the determiner is the
        # extent profile's to take in, extent.py)
        ("weekday", rf"(?:\b(?P<podof>matinée|soirée|nuit|après-midi|aube)\s+de\s+(?=\w))?"
                    rf"(?:\b(?P<clockw>midi|minuit)\s+)?(?:\b(?P<podpre>{pod_phrase})\s+)?"
                    rf"(?:\b(?P<ce>ce)\s+)?"
                    rf"\b(?P<wd>{wd})\b(?:\s+(?P<rel>dernier|prochain|précédent|suivant)\b)?"
                    rf"(?:\s+(?:(?P<pod>{pod_phrase}|{pod})|(?P<clockm>minuit))\b)?"
                    # mardi 18 heures, vendredi 14h: a clock right after the day is its hour
                    # (not a length: dimanche 3 heures durant, lundi 10 heures de débat)
                    rf"(?:\s+(?:(?P<at>à|vers|dès)\s+)?(?P<clock>{clock})"
                    rf"(?(at)|(?!\w|\s+(?:durant|de\b|d['’]))))?"),
        ("relday", r"\b(?P<rd>aujourd'hui|avant-hier|après-demain|hier|demain)"
                   r"(?:\s+(?P<pod>matin|après-midi|soir|midi)\b)?"),
        ("relday", r"\b(?:ce|cet|cette)\s+(?P<pod>matin|soir|après-midi|nuit|midi)\b(?!-là)"),
        # ce soir-là, cette nuit-là: that part of the day of the date just named
        ("podthat", r"\b(?:ce|cet|cette)\s+(?P<pod>matin|soir|après-midi|nuit|matinée|soirée|journée)-là"),
        ("week", r"\bcette\s+semaine\b|\bla\s+semaine\s+(?P<rel>dernière|prochaine|passée)\b"),
        ("weekend", r"\b(?:(?P<ce>ce)|le)\s+week-?end(?:\s+(?P<rel>dernier|prochain|passé))?\b"),
        ("monthrel", r"\bce\s+mois(?:-ci)?\b|\ble\s+mois\s+(?P<rel>dernier|prochain|passé)\b"),
        ("yearrel", r"\bl'(?:an|année)\s+(?P<rel>derni(?:er|ère)|passée?|prochaine?)\b|\bcette\s+année\b"
                    r"|\bl'année\s+en\s+cours\b"),
        ("month", rf"(?:\b(?P<mod>mi-|(?:fin|début|courant)\s+(?:de\s+|d')?))?\b(?P<mon>{mon_full})"
                  rf"(?:\s+(?P<year>{year})\b|\s+(?P<rel>dernier|prochain)\b)?"),
        ("yearphase", r"\b(?P<mod>début|fin|milieu)\s+(?:de\s+l'|d')année\b"
                      r"(?!\s+(?:\d|dernière|prochaine|passée))"),
        ("yearmod", rf"\b(?P<mod>fin|début|mi|courant)(?:\s+|-)(?P<year>{year})\b"),
        # A season needs a determiner or a preposition: "a été" is not the summer. Only
        # printemps takes "le" and "du" (the others elide: l'été, de l'hiver).
        ("season", rf"(?:\b(?:au|en|du)\s+|\b(?=l'|cet\s|ce\s|le\s))(?P<span>(?:l'|cet\s+|ce\s+|le\s+)?"
                   rf"(?P<season>{season})\b(?:\s+(?P<year>{year})\b|\s+(?P<rel>dernier|prochain)\b)?)"),
        # la rentrée (2026, prochaine, de septembre): the French start of the school and working
        # year, in September; not la rentrée d'argent, des recettes (an income)
        ("rentree", rf"\bla\s+(?P<span>rentrée(?:\s+(?P<year>{year})\b"
                    r"|\s+(?P<rel>prochaine|dernière|passée)\b"
                    r"|\s+de\s+septembre\b|\s+des\s+classes\b|\s+scolaire\b)?)"
                    r"(?!\s*(?:d['’]|de\b|des\b|du\b))"),
        ("decade", r"\b(?:(?:les\s+)?années|décennie)\s+(?P<dec>(?:19|20)?\d0)\b"),
        ("century", r"\b(?P<cent>[IVX]{1,5}|\d{1,2})(?:e|ème|è)\s+siècle\b"),
        # il y a près de quarante ans, il y a plus de dix ans: the approximator is inside (mod)
        # il y a encore un mois, il y a à peine deux ans: an adverb of degree between (inside)
        ("ago", rf"\bil\s+y\s+a\s+(?:(?:encore|déjà|seulement|à\s+peine|tout\s+juste|juste)\s+)?"
                rf"(?:(?:près\s+de|environ|presque|plus\s+de|moins\s+de|au\s+moins)\s+)?"
                rf"(?:(?P<num>{num}|quelques|plusieurs)\s+"
                rf"|(?:une\s+)?(?P<approx>{approx})\s+(?:de\s+|d'))(?P<unit>{unit})\b"),
        # deux jours plus tard; trois semaines après, … (après/avant + a noun is another event's date)
        ("shift", rf"\b(?P<num>{num})\s+(?P<unit>{unit})\s+(?P<dir>{shift_dir})\b"
                  rf"(?:(?<=tard)|(?<=tôt)|(?<=auparavant)|(?=\s*(?:[,.;:!?)\n]|$)))"),
        ("anaphor", rf"(?<![\w'])(?P<word>{anaphor})(?![\w-])(?!\s+(?:de|du|des)\b|\s+d')"
                    r"(?:\s+(?:au\s+)?(?P<pod>matin|soir|après-midi|midi)\b)?"),
        ("quarter", rf"\b(?P<ord>{ordinal})\s+(?P<per>{period})\b(?:\s+(?:de\s+|d')?(?P<year>{year})\b)?"),
        ("periodrel", rf"\bce\s+(?P<per>{period})(?:-ci)?\b"
                      rf"|\ble\s+(?P<per2>{period})\s+(?P<rel>dernier|prochain|passé)\b"),
        ("quartercode", rf"\b(?P<code>[TQ][1-4]|[SH][12])\b(?:\s+(?P<year>{year})\b)?"),
        ("clock", rf"\b(?:à|vers|dès|avant|après|jusqu'à)\s+(?P<span>(?P<clock>{clock}))"),
        ("clock", r"\b(?P<clock>(?:[01]?\d|2[0-3])h(?:[0-5]\d)?\b" + zone + ")"),
        # de 10 heures à midi, entre 8 heures et 9 heures, à partir de 10 heures: clock times
        ("clock", rf"\b(?:à\s+partir\s+de|jusque\s+vers|aux\s+alentours\s+de|autour\s+de)\s+"
                  rf"(?P<span>(?P<clock>{clock}))"),
        ("clock", rf"\b(?:de|entre)\s+(?P<span>(?P<clock>{clock}))(?=\s+(?:à|et)\s+(?:\d|midi|minuit))"),
        ("durhalf", rf"\b(?P<num>{num})\s+(?P<unit>{unit})\s+et\s+demie?\b"),
        ("durpair", rf"\b(?P<num>{num})\s+(?P<unit>{unit})\s+et\s+(?P<num2>{num})\s+(?P<unit2>{unit})\b"),
        # chaque été, tous les 15 juillet: every such season or day of the year (XXXX: no year)
        ("yearset", rf"\b(?:chaque|tous\s+les|toutes\s+les)\s+"
                    rf"(?:(?P<season>{season})s?|(?P<day>{day})\s+(?P<mon>{mon}))\b"),
        ("wdset", rf"\b(?:chaque|tous\s+les)\s+(?P<wd>{wd})s?\b(?:\s+(?P<pod>matin|soir|après-midi)s?\b)?"),
        # une dizaine de jours, une quinzaine de minutes: a rounded length (mod APPROX)
        ("durapprox", rf"\b(?:une\s+)?(?P<approx>{approx})\s+(?:de\s+|d')(?P<unit>{unit})\b"),
        ("durnoun", rf"\b(?P<num>{num}|un|une)\s+(?P<noun>{dur_noun})s?(?![\w-])"),
        ("lastn", rf"\b(?:ces|les)\s+(?P<num>{num})\s+(?P<dir>derni|prochain)\w*\s+(?P<unit>{unit})\b"),
        ("lastn", rf"\bdes\s+(?P<span>(?P<num>{num})\s+(?P<dir>derni|prochain)\w*\s+(?P<unit>{unit}))\b"),
        # The preposition (dans, en, au cours de) is a TimeML SIGNAL, left out of the span.
        ("nightrange", rf"\b(?P<span>la\s+nuit\s+(?:de\s+(?P<wd>{wd})\s+(?:à|au)\s+(?:{wd})"
                       rf"|du\s+(?P<day>{day})\s+au\s+{day}\s+(?P<mon>{mon})(?:\s+(?P<year>{year}))?))\b"),
        # la nuit de jeudi, la nuit du 3 mai: a night named by the day it starts
        ("nightrange", rf"\b(?P<span>la\s+nuit\s+de\s+(?P<wd>{wd}))\b(?!\s+(?:à|au)\b)"),
        ("nightrange", rf"\b(?P<span>la\s+nuit\s+du\s+(?P<day>{day})\s+(?P<mon>{mon})"
                       rf"(?:\s+(?P<year>{year}))?)\b"),
        # en début de semaine prochaine, la fin du mois dernier: a week or a month (mod START/END)
        ("periodphase", r"\b(?P<mod>début|fin|milieu)\s+(?:de\s+la\s+|du\s+|de\s+)(?P<per>semaine|mois)\b"
                        r"(?:\s+(?P<rel>dernier|dernière|prochain|prochaine|passé|passée)\b)?"
                        r"(?!\s+(?:de|du|des)\b|\s+d')"),
        ("podalone", r"\b(?:dans|au\s+cours\s+de)\s+"
                     r"(?P<span>(?:la\s+|l')(?P<pod>nuit|soirée|matinée|journée|après-midi))\b"
                     r"(?!\s+(?:de|du|d')\b)"),
        ("podalone", r"\ben\s+(?P<span>(?:(?:fin|début)\s+(?:de\s+|d'))?"
                     r"(?P<pod>soirée|matinée|après-midi|journée))\b"
                     r"(?!\s+(?:de|du|d')\b)"),
        ("hclock", r"(?<![\w,.])(?P<clock>(?:[01]?\d|2[0-3])\s?h(?:\s?[0-5]\d)?(?!\w|[,.]\d|\s?\d)"
                   + zone + ")"),
        ("set", rf"\b(?:chaque|tous\s+les|toutes\s+les)\s+(?:(?P<num>{num})\s+)?(?P<unit>{set_unit})\b"),
        ("set", r"\bpar\s+(?P<unit>jour|semaine|mois|an|année|trimestre|semestre|heure|minute)\b"),
        ("setadj", rf"\b(?P<word>{set_adj})\b"),
        ("duration", rf"\b(?P<num>{num}|quelques|plusieurs)\s+(?P<unit>{unit})\b"),
        ("vague", rf"(?<![\w'])(?P<word>{vague})\b"),
        # maintenant, actuel, l'avenir (not l'avenir du club), auparavant: the tempeval profile only
        ("refword", rf"(?<![\w-])(?P<word>{refword})(?![\w'’-])(?!\s+(?:de|du|des|qu)\b|\s+d['’])"),
        ("holiday", rf"\b(?P<word>{holiday})(?![\w-])(?:\s+(?P<year>{year})\b)?"),
        ("shortyear", rf"\b(?:en|depuis|dès|fin|début)\s+(?P<span>(?:'|’)?(?P<yy>[5-9]\d|0\d)){short_end}"),
        ("year", rf"(?<![\w.,/-])(?P<year>{year})(?![\w/]|[.,]\d|\s?[-–]\s?\d)"),
    ]  # fmt: skip
    # A time expression never runs across a paragraph break: spaces only, never a newline.
    return tuple(compile_rule(kind, pattern.replace(r"\s", r"[^\S\n]")) for kind, pattern in table)


def find_candidates(text: str) -> list[Candidate]:
    """Return non-overlapping candidates in text order; the longest match wins a conflict."""
    found: list[tuple[int, int, int, Candidate]] = []
    # scan: the matches of every rule, as finditer gives them, found faster (see scan.py).
    for priority, rule, match, _scanned in scan(rules(), text):
        if match.end() == match.start():
            continue
        # The text's own characters (the match may have run over its lower-cased copy).
        spans = ((name, match.span(name)) for name in rule.pattern.groupindex)
        fields = {name: text[start:end] for name, (start, end) in spans if start >= 0}
        # A rule may need context it does not annotate (à 18 heures: the span is "18 heures").
        group = next((g for g in ("span", "span2") if g in fields), 0)
        start, end = match.start(group), match.end(group)
        candidate = Candidate(start, end, text[start:end], rule.kind, fields)
        found.append((-(end - start), priority, start, candidate))
    found.sort(key=lambda item: item[:3])
    taken: list[Candidate] = []
    for _length, _priority, _start, candidate in found:
        if all(candidate.end <= other.start or candidate.start >= other.end for other in taken):
            taken.append(candidate)
    return sorted(taken, key=lambda c: c.start)
