"""Sharpen an event's date with what the rest of the article states.

The stage dates an event by the time expression of its own clause (``stage._date``). News
often gives a coarse time in the sentence that tells the act and the exact day elsewhere,
or points back to an act dated before. Three checks, in this order:

1. An act told as anterior (*d'avoir bombardé*) takes the day of the sentence that tells
   it again (``retold.retold_date``), else the day of its own clause (*a accusé jeudi X
   d'avoir bombardé la veille Y*), not the day of the verb above it.
2. A demonstrative noun with no date of its own (*Cette rencontre …*, dated only by the
   article) takes the day of the act it points back to (``retold.recalled_date``).
3. A month or a year is sharpened to the one day inside it that the article states for a
   word of the same event type: *Edwy Plenel accuse X de l'avoir agressé fin février. …
   le 22 février, une femme l'a saisi avec violence* gives the assault 22 February.
4. A past act cannot happen after the article was published: a later date stated in its
   sentence names something else (*la candidature à l'Euro 2025 a été recalée*), so the
   article date stands.
5. A past act of *la nuit* told on the day the article is published happened in the night
   that began the day before.
6. An act told in the present (*La Bolivie menace de …*) is not dated by an earlier day that
   another verb's clause holds (*comme elle l'avait fait il y a huit ans*), unless it goes on
   a retrospective told in the present with its past days (``historical_day``) or a report
   of a dated session (``narrated_day``).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Literal

from spacy.tokens import Doc, Span, Token

from veille.analysis.events.lexicon import Trigger
from veille.analysis.events.retold import anterior, recalled_date, retold_date
from veille.analysis.syntax.clauses import governing_verb, when_clause
from veille.analysis.syntax.tense import direction, feature, pluperfect
from veille.analysis.syntax.view import token_view
from veille.analysis.time.attach import day_value
from veille.model import Document, Paragraph, Timex

Match = Callable[[Token], Trigger | None]
DateSource = Literal["timex", "article"]


Dated = tuple[str | None, DateSource | None]


def sharpen_date(doc: Document, parsed: Doc, token: Token, kind: str, dated: Dated, match: Match) -> Dated:
    """Return the event's (date, where it came from), sharpened by the article's other days."""
    date, source = dated
    noun = token.pos_ == "NOUN"
    if not noun and date is not None and len(date) in (4, 7):  # a year or a month
        opening = _opening_day(doc, parsed, token)
        if opening is not None:
            return opening, "timex"
    if not noun and anterior(token):
        retold = retold_date(doc, parsed, token, kind, match) or _own_day(doc, parsed, token)
        if retold:
            return retold, "timex"
    if noun and source == "article":
        recalled = recalled_date(doc, parsed, token, kind, match)
        if recalled:
            return recalled, "timex"
    if date is None or source != "timex":
        return date, source
    if len(date) in (4, 7):  # a year or a month
        day = _day_within(doc, parsed, token, kind, date, match)
        if day is not None:
            return day, "timex"
    if not noun and not _not_after(date, doc.article.date) and direction(token) == "past":
        return doc.article.date, "article"
    if (
        not noun
        and date == doc.article.date
        and direction(token) == "past"
        and _last_night(doc, parsed, token)
    ):
        # a été interpellée dans la nuit, told on the day it is published: the night began
        # the day before (TimeML dates a night by the day it begins).
        return _day_before(date), "timex"
    if (
        not noun
        and _present(token)
        and _not_after(date, doc.article.date)
        and _own_day(doc, parsed, token) is None
        and date not in (historical_day(doc, parsed, token), narrated_day(doc, parsed, token))
    ):
        # La Bolivie menace de saisir la CIJ, comme elle l'avait fait il y a huit ans: a
        # present act is not dated by a past day that another verb's clause holds.
        return doc.article.date, "article"
    return date, source


def _present(verb: Token) -> bool:
    """Say whether a finite verb is in the present indicative (*menace*, *accuse*)."""
    return (
        direction(verb) == "nearest"
        and "Fin" in feature(verb, "VerbForm")
        and "Pres" in feature(verb, "Tense")
    )


def _own_day(doc: Document, parsed: Doc, verb: Token) -> str | None:
    """Return the day of a time expression whose clause is the verb's own (*a accusé jeudi X
    d'avoir bombardé la veille Y*: *la veille*, not *jeudi*, dates the bombing)."""
    sentence = verb.sent
    for timex in doc.timexes:
        if timex.type not in ("DATE", "TIME") or not sentence.start_char <= timex.start < sentence.end_char:
            continue
        span = parsed.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is not None and len(span) and governing_verb(span.root) == verb:
            return day_value(timex.value)
    return None


def cut_opening(token: Token) -> Span | None:
    """Return the opening of the token's sentence that the parser made a sentence of its
    own at a comma (*Samedi dernier, …*; *À la verrerie X de Y, la grève …*), or None when
    the sentence before is the writer's own."""
    sentence, text = token.sent, token_view(token.doc).span_text  # texts cut by offsets: no Token
    start = sentence.start
    if start == 0:
        return None
    piece = token.doc[start - 1].sent
    before, own = text(piece.start, piece.end), text(start, sentence.end)
    if not (before.rstrip().endswith(",") or own.lstrip().startswith(",")):
        return None
    return piece


def _opening_day(doc: Document, parsed: Doc, verb: Token) -> str | None:
    """Return the day of a sentence opening the parser cut off at its comma (*Samedi
    dernier, une trentaine de parents s'étaient rassemblés …, promis pour la rentrée
    2018*): the opening adverbial dates the main clause, and a year in a noun's modifier
    further on (*promis pour 2018*) dates that noun, not the act."""
    piece = cut_opening(verb)
    if piece is None:
        return None
    for timex in doc.timexes:
        if piece.start_char <= timex.start < piece.end_char and timex.type in ("DATE", "TIME"):
            value = event_day(timex.value)
            if value is not None and len(value) == 10:
                return value
    return None


def _not_after(date: str, article: str | None) -> bool:
    """Say whether a date does not start after the article's day (compared at its precision)."""
    return article is None or date <= article[: len(date)]


def _day_within(doc: Document, parsed: Doc, token: Token, kind: str, period: str, match: Match) -> str | None:
    """Return the one day inside ``period`` that the article states for a word of type
    ``kind`` in the day's sentence, when the article states no other day inside the period."""
    days = [t for t in doc.timexes if _is_day(t) and t.value.startswith(period)]
    if len({t.value[:10] for t in days}) != 1 or not _not_after(days[0].value[:10], doc.article.date):
        return None
    for timex in days:
        span = parsed.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or not len(span) or (span.sent == token.sent and len(period) == 7):
            continue  # a month and a day in the one sentence: two times, not a coarse and a fine one
        # The parse of a long retelling often hangs the day on another clause than the
        # act's word (… relate que le 22 février, … l'a saisi avec violence): the sentence is the unit.
        for word in span.sent:
            found = match(word) if word.i != token.i and word.pos_ == "NOUN" else None
            if found is not None and found.type == kind:
                return timex.value[:10]
    return None


def _is_day(timex: Timex) -> bool:
    value = timex.value
    return (
        timex.type in ("DATE", "TIME")
        and timex.anchored
        and len(value) >= 10
        and value[:4].isdigit()
        and value[4] == "-"
        and value[7] == "-"
        and value[8:10].isdigit()
    )


def previous_day(doc: Document, parsed: Doc, token: Token) -> str | None:
    """Return the last full day dated in the two sentences before the trigger's, if it is
    not after the article date; None when the sentence itself holds a time expression."""
    timex = _previous_timex(doc, parsed, token)
    return None if timex is None else event_day(timex.value)


def historical_day(doc: Document, parsed: Doc, token: Token) -> str | None:
    """Return the day a historical present goes on from, or None.

    A retrospective told in the present with its past days (*Le 12 novembre 2003, les
    militants occupent le chantier. Le lendemain, les gendarmes les évacuent ; le préfet
    accuse l'association …*) keeps its narrative time: a present clause with no day of its
    own takes the last full day of the two sentences before it when the clause stating that
    day is itself in the present and the day lies a month or more before the article date.
    Otherwise the present is the article's (*Il a été élu le 12 mars. Il accuse …*).
    """
    timex = _previous_timex(doc, parsed, token)
    if timex is None or doc.article.date is None:
        return None
    value = event_day(timex.value)
    if value is None or _days_between(value, doc.article.date) < _HISTORICAL_GAP_DAYS:
        return None
    span = parsed.char_span(timex.start, timex.end, alignment_mode="expand")
    verb = governing_verb(span.root) if span is not None and len(span) else None
    return value if verb is not None and _present(verb) else None


_HISTORICAL_GAP_DAYS = 31  # nearer days are today's news told in the present


def narrated_day(doc: Document, parsed: Doc, token: Token) -> str | None:
    """Return the day a present of narration goes on from, or None.

    A report of a dated session tells its later acts in the present (*Le conseil a voté
    lundi la fermeture de la piscine. Le maire reproche à l'opposition …*): the verb's present
    takes the narrative reference time, not the article's (TimeML: the tense is read
    against the time the story has reached). A present clause with no day of its own takes
    the last full day of the two sentences before it when that day is before the article
    date, less than a month before it (older ones are ``historical_day``'s), and the clause
    stating it is told in the past (*a voté lundi*; *Lundi, le conseil vote …* is no report)
    but not in the pluperfect (*Mardi, les gendarmes avaient délogé les grévistes. La CGT
    menace …*: a flashback, and the present is the article's).
    """
    timex = _previous_timex(doc, parsed, token) if _present(token) else None
    if timex is None or doc.article.date is None:
        return None
    value = event_day(timex.value)
    if value is None or not 0 < _days_between(value, doc.article.date) < _HISTORICAL_GAP_DAYS:
        return None
    span = parsed.char_span(timex.start, timex.end, alignment_mode="expand")
    verb = governing_verb(span.root) if span is not None and len(span) else None
    return value if verb is not None and direction(verb) == "past" and not pluperfect(verb) else None


def _days_between(earlier: str, later: str) -> int:
    return (datetime.date.fromisoformat(later[:10]) - datetime.date.fromisoformat(earlier[:10])).days


def _previous_timex(doc: Document, parsed: Doc, token: Token) -> Timex | None:
    # The last full day of the two sentences before the trigger's (previous_day).
    sentence = token.sent
    if any(
        sentence.start_char <= t.start < sentence.end_char and _may_date(doc, parsed, token, t)
        for t in doc.timexes
    ):
        return None  # its own day (a duration, pendant quatre heures, says how long, not which day)
    window = sentence.start_char
    for _ in range(2):  # step back over two sentences (blank tokens between them skipped)
        before = sentence.start - 1 if sentence.start_char == window else None
        if not before or before < 0:
            break
        sentence_before = parsed[before].sent
        text = token_view(parsed).span_text  # the sentence's text cut by offsets: no Token made
        while sentence_before.start > 0 and not text(sentence_before.start, sentence_before.end).strip():
            sentence_before = parsed[sentence_before.start - 1].sent
        window = sentence_before.start_char
        sentence = sentence_before
    end = token.sent.start_char
    said = [(q.start, q.end) for q in doc.quotes]  # a reported act's day is no narrative time
    days = [
        t for t in doc.timexes
        if window <= t.start < end and t.type in ("DATE", "TIME") and t.anchored
        and not any(a <= t.start < b for a, b in said)
    ]  # fmt: skip
    for timex in reversed(days):
        if _full_day_not_after(timex, doc.article.date):
            return timex
    return None if days else _paragraph_day(doc, parsed, token, window)


def _full_day_not_after(timex: Timex, article: str | None) -> bool:
    """Say whether a time expression names a full day that is not after the article date."""
    value = event_day(timex.value)
    return value is not None and len(value) == 10 and (article is None or value <= article)


def _paragraph_day(doc: Document, parsed: Doc, token: Token, window: int) -> Timex | None:
    """Return the narrative day a paragraph set more than two sentences before the trigger.

    A dated session told over a paragraph (*Le conseil s'est réuni lundi. … [three
    sentences] … Le maire a alors dénoncé …*) keeps its reference time while the discourse
    stays on it (TimeML: the narrative reference time). The day must date its sentence's
    main act, told in the past but not the pluperfect: a day in a relative clause or on
    another verb (*les frappes qui ont touché le village dans la nuit du 14 au 15 juin*)
    dates that other event, not the story's time. The carry stops at the paragraph's start
    and at a new time: the last time expression of the paragraph before the two sentences
    must be that full day, not after the article date; a month, a year or a coming day
    there is a new time, and nothing is carried."""
    paragraph = next((p for p in doc.article.paragraphs if p.start <= token.idx < p.end), None)
    if paragraph is None or paragraph.start >= window:
        return None
    earlier = [
        t for t in doc.timexes
        if paragraph.start <= t.start < window and t.type in ("DATE", "TIME") and t.anchored
    ]  # fmt: skip
    if not earlier or not _full_day_not_after(earlier[-1], doc.article.date):
        return None
    span = parsed.char_span(earlier[-1].start, earlier[-1].end, alignment_mode="expand")
    verb = governing_verb(span.root) if span is not None and len(span) else None
    if verb is None or verb.dep_ != "ROOT" or direction(verb) != "past" or pluperfect(verb):
        return None
    return earlier[-1]


def _may_date(doc: Document, parsed: Doc, token: Token, timex: Timex) -> bool:
    """Say whether a time expression of the trigger's sentence may date the act, and so keeps
    the narrative day of the sentences before from it. Three cannot (TimeML anchors each one
    to another event): a start (*le maire, en poste depuis 2016, a accusé …*), a day after the
    article date for an act told in the past (*a proposé de réunir dès la semaine
    prochaine la commission*: the meeting's time) and a time inside a relative clause that
    leaves the trigger out (*l'opposition, qui avait voté la rénovation en 2021*)."""
    if timex.type not in ("DATE", "TIME"):
        return False
    if _opened(parsed, timex, token.sent.start, _SINCE):
        return False
    article = doc.article.date
    value = event_day(timex.value)
    if (value is None or not _calendar_date(value)) and _opened(parsed, timex, token.sent.start, _EARLY):
        return False  # dès la semaine prochaine: the start of what is proposed, not a day
    if article is not None and value is not None and _calendar_date(value) and not _not_after(value, article):
        return False  # a later year, month or day (weeks and seasons are not compared)
    span = parsed.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or not len(span):
        return True
    node = span.root
    while node.head != node:
        if node.dep_ == "acl:relcl":
            return token not in node.subtree
        node = node.head
    return True


def _calendar_date(value: str) -> bool:
    """Say whether a value is a year, a month or a day (2025, 2025-12, 2025-12-04)."""
    return bool(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value))


def event_day(value: str) -> str | None:
    """Return the day part of a time value (2025-12-03TEV → 2025-12-03), None for a vague one."""
    head = value.split("T")[0]
    return head if head[:4].isdigit() else None


def centuries_before(doc: Document, parsed: Doc, trigger: Token) -> bool:
    """Say whether an act is dated more than a century before its article by a time
    expression hung on the act itself (*sont nés il y a 300 ans*, the subject noun's verb;
    *les échanges du XIXe siècle*): history a speech, a book or an exhibition recalls, not an
    act of the news that PLOVER counts. A year inside an argument (*violer le traité de
    1920*) dates that thing, not the act. A century value (two digits) is its first year."""
    article = doc.article.date
    if article is None or not article[:4].isdigit():
        return False
    anchors = {trigger.i}
    if trigger.pos_ == "NOUN" and trigger.dep_.startswith("nsubj"):
        anchors.add(trigger.head.i)  # les échanges … sont nés il y a 400 ans
    floor = int(article[:4]) - _CENTURY
    for timex in doc.timexes:
        year = _year(timex.value)
        if year is None or year >= floor:
            continue  # asked for every event: the span only for an old date
        span = parsed.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None:
            continue
        if span.root.head.i in anchors and span.root.dep_ in ("obl:mod", "obl", "nmod"):
            return True
    return False


def _year(value: str) -> int | None:
    """Return the first year of a time value (1623, 1623-05, a century 17 → 1700), or None."""
    head = value.split("T")[0]
    if head[:4].isdigit():
        return int(head[:4])
    return int(head) * 100 if len(head) == 2 and head.isdigit() else None


_CENTURY = 100  # years before the article: history, not news


def lede_day(doc: Document, parsed: Doc) -> str | None:
    """Return the day the lede dates, when a past act elsewhere has no date of its own: a
    news story tells the day of its main event in its first paragraph (*se sont rencontrés
    mardi à Genève*) and its later past acts (*a rejeté ces accusations*) belong to that day
    unless they say otherwise. The first full day of the first body paragraph outside a
    relative clause (*après le naufrage, qui a fait trois morts le 12 février, … l'a accusée
    mardi*: the relative dates the noun's own past, not the story's), not after the article
    date; None when the lede dates nothing."""
    body = [p for p in doc.article.paragraphs if not p.heading]
    if not body:
        return None
    lede = body[1] if len(body) > 1 and _title_like(doc, body[0]) else body[0]
    for timex in doc.timexes:
        if lede.start <= timex.start < lede.end and timex.type in ("DATE", "TIME") and timex.anchored:
            if _in_relative(parsed, timex):
                continue
            value = event_day(timex.value)
            if value is not None and len(value) == 10:
                return value if doc.article.date is None or value <= doc.article.date else None
    return None


def _in_relative(parsed: Doc, timex: Timex) -> bool:
    """Say whether a time expression is said by the verb of a relative clause."""
    span = parsed.char_span(timex.start, timex.end, alignment_mode="expand")
    verb = governing_verb(span.root) if span is not None and len(span) else None
    return verb is not None and verb.dep_ == "acl:relcl"


def _title_like(doc: Document, paragraph: Paragraph) -> bool:
    """Say whether a first paragraph is a title: no full stop at its end."""
    start, end = paragraph.start, paragraph.end
    return not doc.article.text[start:end].rstrip().endswith((".", "!", "?", "…", "»"))


def _last_night(doc: Document, parsed: Doc, verb: Token) -> bool:
    """Say whether the verb's own clause holds a night of the article's day (*dans la nuit*)."""
    sentence = verb.sent
    night = f"{doc.article.date}TNI"
    for timex in doc.timexes:
        if timex.value != night or not sentence.start_char <= timex.start < sentence.end_char:
            continue
        span = parsed.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is not None and len(span) and governing_verb(span.root) == verb:
            return True
    return False


def _day_before(day: str) -> str:
    """Return the day before an ISO day."""
    return (datetime.date.fromisoformat(day) - datetime.timedelta(days=1)).isoformat()


# Only depuis opens a period; dès + a day is the day a finished act came, early (Grevisse &
# Goosse, Le Bon Usage, dès: the starting point in time, here of a punctual act: a répondu
# dès le lendemain, l'a félicitée dès dimanche: on that day).
_SINCE = ("depuis",)
# dès before a week, a season or a vague time starts a coming period (dès la semaine
# prochaine, dès l'été): it dates the act proposed, not the proposal.
_EARLY = ("dès",)


def start_days(doc: Document, parsed: Doc, token: Token) -> frozenset[str]:
    """Return the day values of the trigger sentence's *depuis* expressions (*Depuis
    l'invasion de 2022, X a dépensé …*) and of its *dès* weeks or seasons (*dès la semaine
    prochaine*): a start of a period, not the event's date."""
    if when_clause(token):
        return frozenset()  # depuis 2015, lorsque X avait suspendu …: 2015 is that act's year
    sentence = token.sent
    out: set[str] = set()
    for timex in doc.timexes:
        if not sentence.start_char <= timex.start < sentence.end_char:
            continue
        value = event_day(timex.value)
        if value is None:
            continue
        if _opened(parsed, timex, sentence.start, _SINCE) or (
            not _calendar_date(value) and _opened(parsed, timex, sentence.start, _EARLY)
        ):
            out.add(value)  # dès la semaine prochaine: the start of another act's period
    return frozenset(out)


def _opened(parsed: Doc, timex: Timex, floor: int, opens: tuple[str, ...]) -> bool:
    """Say whether one of ``opens`` (*depuis*, *dès*) begins a time expression or the phrase
    it ends (back to a verb or a comma): *depuis l'invasion de 2022*."""
    return timex.text.lower().startswith(opens) or _after_since(parsed, timex.start, floor, opens)


def _after_since(parsed: Doc, offset: int, floor: int, opens: tuple[str, ...]) -> bool:
    """Say whether one of ``opens`` opens the phrase a time expression ends, back to a verb
    or a comma."""
    span = parsed.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None:
        return False
    index = span.start - 1
    while index >= floor:
        word = parsed[index]
        if word.lower_ in opens:
            return True
        if word.pos_ in ("VERB", "AUX") or word.text in (",", ";", ":"):
            return False
        index -= 1
    return False
