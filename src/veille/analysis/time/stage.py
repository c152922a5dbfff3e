"""Find time expressions and resolve them to TIMEX3 values against the article date.

Three steps: rules find candidate spans (``timex_detect``); the parse says which way a
weekday or a year-less date points (the tense of the verb that governs it); calendar
arithmetic gives the value (``timex_resolve``). What other stages read of the result (the date
attached to a clause, the offsets the expressions cover) is in attach.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from functools import cache
from typing import ClassVar

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from veille.analysis.syntax.clauses import governing_verb
from veille.analysis.syntax.tense import (
    Direction,
    after_planning_participle,
    caps_direction,
    direction,
    is_all_caps,
)
from veille.analysis.syntax.view import doc_text
from veille.analysis.time.detect import Candidate, find_candidates, lexicon
from veille.analysis.time.extent import Profile, is_vague, modifier, widen, without_signal
from veille.analysis.time.ranges import end_after_start
from veille.analysis.time.readings import resolve
from veille.analysis.time.requested import asked_ahead
from veille.analysis.time.resolve import Context
from veille.analysis.time.story import in_background
from veille.model import Article, Document, Timex
from veille.settings import Settings

# Clock times take their day from the sentence, so they are resolved after the dates.
_NEEDS_DAY = frozenset({"clock", "hclock", "podalone"})


class TimeStage:
    """Detect French time expressions and normalise them to TIMEX3."""

    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ("timexes",)

    def __init__(self, extent: Profile = "timeml") -> None:
        self.extent: Profile = extent

    @classmethod
    def from_settings(cls, settings: Settings) -> TimeStage:
        return cls(settings.timex_extent)

    def __call__(self, doc: Document, parsed: Doc) -> Document:
        return dataclasses.replace(doc, timexes=tuple(find_timexes(doc.article, parsed, self.extent)))


def find_timexes(article: Article, parsed: Doc, extent: Profile = "timeml") -> list[Timex]:
    """Return the article's time expressions in text order, resolved against its date and
    widened to the ``extent`` profile (extent.py)."""
    anchor = _anchor(article.date)
    text = article.text
    candidates = find_candidates(text)
    resolved: dict[int, Timex] = {}
    days: list[tuple[int, dt.date]] = []  # (offset, day) of every day-precise date found
    nights: set[int] = set()  # offsets of the nights among them (TNI: the day the night starts)
    aside: set[int] = set()  # offsets of the days told in the background (story.py)
    # (offset, value) of every anchored date found so far: le lendemain counts from the last one
    dated: list[tuple[int, str]] = []
    fixed: set[int] = set()  # expressions whose span no profile widens
    counted: set[int] = set()  # offsets of the points counted back from the article date (il y a deux ans)
    for late in (False, True):
        for candidate in candidates:
            if (candidate.kind in _NEEDS_DAY) != late:
                continue
            if candidate.kind == "refword" and extent != "tempeval":
                # maintenant, actuel, l'avenir: TempEval's vague words, not the project's; the
                # span stays taken, so jusqu'à présent never falls back to its à présent
                continue
            span = parsed.char_span(candidate.start, candidate.end, alignment_mode="expand")
            context = _context(candidate, span, text, anchor, days, nights, aside)
            prior = [(at, value) for at, value in dated if at < candidate.start]
            context = dataclasses.replace(
                context,
                earlier=tuple(value for _at, value in prior),
                sentence_year=_sentence_year(dated, candidate.start, span),
                new_paragraph=bool(prior) and "\n" in text[prior[-1][0] : candidate.start],
                counted_back=bool(prior)
                and prior[-1][0] in counted
                and not _same_sentence(prior[-1][0], span),
            )
            value = resolve(candidate, context)
            if value is None or not value.value:
                continue
            if candidate.kind == "weekday" and span is not None and not candidate.fields.get("rel"):
                earlier = [d for at, d in days if span.sent.start_char <= at < candidate.start]
                moved = end_after_start(value.value, context.before, earlier[-1] if earlier else None)
                value = dataclasses.replace(value, value=moved)
            if extent != "tempeval" and is_vague(value.type, value.value, candidate.text):
                continue  # désormais, quelques jours: the guide's optional words; the span stays taken
            timex = Timex(
                text=candidate.text,
                start=candidate.start,
                end=candidate.end,
                type=value.type,  # type: ignore[arg-type]
                value=value.value,
                quant=value.quant,
                anchored=value.anchored,
            )
            resolved[candidate.start] = timex
            if candidate.kind == "refword" and candidate.text.lower().startswith("actuel"):
                fixed.add(candidate.start)  # l'actuel entraîneur: the article is the noun's
            comparison = _is_comparison(text, candidate.start)  # plus tôt que lundi: no day of the story
            if timex.anchored and timex.type in ("DATE", "TIME") and timex.value[:1].isdigit():
                if not comparison:
                    dated.append((candidate.start, timex.value))
                if candidate.kind == "ago":
                    counted.add(candidate.start)
            day = _as_day(timex)
            if day is not None:
                days.append((candidate.start, day))
                if timex.value.endswith("TNI"):
                    nights.add(candidate.start)
                if comparison or in_background(text, candidate.start, span):
                    aside.add(candidate.start)
    return _widened([resolved[start] for start in sorted(resolved)], text, extent, fixed)


def _widened(timexes: list[Timex], text: str, extent: Profile, fixed: set[int]) -> list[Timex]:
    """Widen each expression to the profile's extent, never over the one before it."""
    out: list[Timex] = []
    for timex in timexes:
        if timex.start in fixed:
            out.append(timex)
            continue
        start, end = widen(text, timex.start, timex.end, timex.type, extent)
        # The mod is read on the timeml extent: the one just found, under that profile.
        timeml = start if extent == "timeml" else None
        mod = modifier(text, timex.start, timex.end, timex.type, timeml)
        if extent == "tempeval" and timex.value.endswith("_REF"):
            start = without_signal(text, start, end)
        if out and start < out[-1].end:
            start = timex.start  # du 3 au 5 mars: the second end never swallows the first
        out.append(dataclasses.replace(timex, mod=mod, text=text[start:end], start=start, end=end))
    return out


def _same_sentence(offset: int, span: SpacySpan | None) -> bool:
    return span is not None and len(span) > 0 and offset >= span.sent.start_char


def _sentence_year(dated: list[tuple[int, str]], start: int, span: SpacySpan | None) -> str | None:
    """Return the latest year named alone before ``start`` in its sentence (*L'an dernier, …
    le 2 octobre, … les pluies de septembre*: that year's October and September)."""
    if span is None or not len(span):
        return None
    first = span.sent.start_char
    # a year alone (en 2019, l'an dernier): a day's year may only come from the tense
    years = [value for at, value in dated if first <= at < start and re.fullmatch(r"\d{4}", value)]
    return years[-1] if years else None


def _is_comparison(text: str, start: int) -> bool:
    """Say whether the expression at ``start`` is a point of comparison (*par rapport à 2021*,
    *contre 112,9 % fin 2021*, *depuis 2019*) rather than the time the text is at; only the
    latter anchors *le lendemain* or *un an plus tôt*."""
    clause = re.split(r"[,;:.!?)(]\s|\n", text[max(0, start - 80) : start])[-1].lower()
    return _word_before("comparison_markers", r"(?:^|[\s'])(?:", r")\s").search(clause) is not None


@cache
def _word_before(table: str, before: str, after: str) -> re.Pattern[str]:
    """Compile once an alternation of a time_fr.json word list between two contexts: one
    search asks what a search per word asked (the stage asks it for every expression)."""
    words: list[str] = lexicon()[table]
    return re.compile(before + "|".join(re.escape(word) for word in words) + after)


def _anchor(date: str | None) -> dt.date | None:
    if not date:
        return None
    try:
        return dt.date.fromisoformat(date[:10])
    except ValueError:
        return None


def _as_day(timex: Timex) -> dt.date | None:
    match = re.match(r"^(\d{4}-\d{2}-\d{2})", timex.value)
    return dt.date.fromisoformat(match.group(1)) if match and timex.anchored else None


def _context(
    candidate: Candidate,
    span: SpacySpan | None,
    text: str,
    anchor: dt.date | None,
    days: list[tuple[int, dt.date]],
    nights: set[int],
    aside: set[int],
) -> Context:
    before = text[max(0, candidate.start - 40) : candidate.start]
    after = text[candidate.end : candidate.end + 40]
    direction: Direction = "nearest"
    next_is_noun = False
    is_adjective = True
    pos = ""
    day = None
    night = False
    noun_time = signalled_past = False
    dep = governor = ""
    if span is not None and len(span):
        root = span.root
        if root.head != root:
            dep, governor = root.dep_, root.head.lemma_.lower()
        direction = _preposition_direction(before, clause_direction(root))
        signalled_past = _preposition_direction(before, "nearest") == "past"
        noun_time = candidate.kind in ("date", "range", "daylist") and _modifies_noun(root)
        line = _line(text, candidate.start, candidate.end)
        if is_all_caps(line):
            # LE MARCHÉ OUVRIRA SAMEDI: the tagger reads capitals as nouns (and may split the
            # heading), so its tense is read on the whole line's lower-cased words
            direction = _preposition_direction(before, caps_direction(line))
        if candidate.kind == "weekday" and not candidate.fields.get("rel") and _names_an_event(root, before):
            # la délibération de mardi, la réunion de vendredi: the day of a meeting the
            # reader knows of, the one of this week, whatever the verb's tense
            direction = "nearest"
        if not candidate.fields.get("rel") and _dates_a_start(root):
            # depuis l'arrestation du maire mardi: the event that began what lasts now
            direction = "past"
        if after_planning_participle(before) or asked_ahead(root):
            # prévue le 3 juillet: scheduled ahead, whatever the main verb; a appelé à un
            # rassemblement samedi: the time of the act asked for (requested.py)
            direction = "future"
        following = span.doc[span.end] if span.end < len(span.doc) else None
        next_is_noun = (
            following is not None
            and following.pos_ == "NOUN"
            and root.head == following
            and root.dep_ == "nummod"
        )
        is_adjective = root.pos_ == "ADJ"
        pos = root.pos_
        sentence = span.sent
        same_sentence = [(at, d) for at, d in days if sentence.start_char <= at < sentence.end_char]
        if _is_stamp(text, candidate.start, candidate.end):
            pass  # 14h30 - Le ministre sur place: a live page's entry, on the article day
        elif same_sentence:
            # the day named closest before the clock time, else the first one after it
            earlier = [item for item in same_sentence if item[0] < candidate.start]
            source, day = earlier[-1] if earlier else same_sentence[0]
            night = source in nights
        elif sentence.start > 0:
            # Le 3 mai, il a ouvert. À 18 heures, …: the day of the sentence before; for a
            # clock time, same paragraph (past a break, the narrative day below dates it)
            previous = span.doc[sentence.start - 1].sent
            before_days = [
                (at, d)
                for at, d in days
                if previous.start_char <= at < sentence.start_char
                and (candidate.kind != "podalone" or at not in aside)  # selon lui, … mardi. Dans la matinée
            ]
            if (
                before_days
                and (candidate.kind not in _CLOCKS or "\n" not in text[before_days[-1][0] : candidate.start])
                and not _past_day_for_future(before_days[-1][1], anchor, root)
            ):
                source, day = before_days[-1]
                night = source in nights
        if day is None and candidate.kind in _CLOCKS and clause_direction(root) == "past":
            # Il a appris sa révocation à 21 h 47 (a story of mercredi soir): the narrative day
            narrative = _narrative_day(days, candidate.start, anchor)
            if narrative is not None:
                source, day = narrative
                night = source in nights
        elif day is None and candidate.kind == "podalone" and clause_direction(root) == "past":
            # Ils ont été relâchés dans la soirée (a story of mardi): the evening of the story's
            # day, the last day the text has told before it (story_days)
            story = sorted((at, d) for at, d in days if at not in aside and at not in nights)
            narrative = _narrative_day(story, candidate.start, anchor, _STORY_SPAN)
            day = narrative[1] if narrative is not None else None
    return Context(
        anchor,
        direction,
        day,
        night,
        before,
        after,
        next_is_noun,
        is_adjective,
        pos,
        next_pos=following.pos_ if following is not None else "",
        noun_time=noun_time,
        dep=dep,
        governor=governor,
        signalled_past=signalled_past,
    )


def _past_day_for_future(day: dt.date, anchor: dt.date | None, root: Token) -> bool:
    """Say whether ``day``, named in the sentence before, is before the article date while
    the clause of the clock time (or part of the day) is told in the future (*Le comité a
    été créé jeudi. La marche partira à 15 heures.*): TimeML reads a future tense from the
    time of writing, the reference time of a future clause, so the act comes after the
    article date and cannot fall on that past day; the expression keeps the article's day.
    A coming day (*La fête a lieu samedi. Le feu sera tiré à 22 heures.*) still dates it."""
    return anchor is not None and day < anchor and clause_direction(root) == "future"


# A clock time (18 heures, 21 h 47); a part of the day alone (dans la soirée) is not one.
_CLOCKS = frozenset({"clock", "hclock"})


def _narrative_day(
    days: list[tuple[int, dt.date]], offset: int, anchor: dt.date | None, span: dt.timedelta | None = None
) -> tuple[int, dt.date] | None:
    """Return the (offset, day) a clock time told in the past falls on when neither its
    sentence nor the sentence before names a day: the last full day named
    before it, not after the article date and less than a month before it (TimeML: a time
    of day is anchored to the narrative reference time, the day the story has reached;
    *Lemaire a été destitué mercredi soir.* ¶ *Il a appris sa révocation à 21 h 47.* is
    Wednesday 21:47, not the article's day). An older day is background the story does not
    stand on (*né le 3 mars 1990*, a former case), as for the present of narration
    (events/dating.py). None when the text names no such day before it."""
    for at, day in reversed(days):
        if at < offset and (anchor is None or dt.timedelta(0) <= anchor - day < (span or _NARRATIVE_SPAN)):
            return at, day
    return None


_NARRATIVE_SPAN = dt.timedelta(days=31)  # older days are background, not the story's day
# A part of the day alone is the news of the last days: a day told more than three days before
# the article date is the background of what it tells (le gallon est passé vendredi …
# ¶ La manifestation s'est tendue en début d'après-midi, a Wednesday's article), not its day.
_STORY_SPAN = dt.timedelta(days=4)


# What follows a live page's time stamp on its line: nothing, or a dash or colon and a title.
_STAMP_END = re.compile(r"[^\S\n]*(?:$|\n|[-–—:|][^\S\n])")


def _is_stamp(text: str, start: int, end: int) -> bool:
    """Say whether a clock time opens its line as a heading (*14h30 - Le ministre sur
    place*, *17h52* alone): the time stamp of a live page's entry, which falls on the page's
    day, not on the day the entry before it was telling of."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and _STAMP_END.match(text, end) is not None


def _line(text: str, start: int, end: int) -> str:
    stop = text.find("\n", end)
    return text[text.rfind("\n", 0, start) + 1 : stop if stop >= 0 else len(text)]


def _modifies_noun(root: Token) -> bool:
    """Say whether a date hangs from a noun (*une réunion le 28 avril*, *le sommet du 3 mai*)
    rather than from the verb: the verb's tense then says nothing of when it falls."""
    return root.head != root and root.head.pos_ == "NOUN" and root.dep_.startswith("nmod")


def _names_an_event(root: Token, before: str) -> bool:
    """Say whether a weekday is the complement *de* + day of a noun that is no time word
    (*la délibération de mardi*, *la réunion de vendredi*; not *la journée de mardi*) and
    that the verb does not tell of: not its subject (*la manifestation de samedi a réuni*)
    nor a time adjunct (*lors du conseil de lundi*). The noun's event is then dated by the
    day alone, the nearest one, not by the verb's tense."""
    if root.head == root or root.head.pos_ != "NOUN" or not root.dep_.startswith("nmod"):
        return False
    if root.head.lower_ in lexicon()["units"] or root.head.lower_ in lexicon()["parts_of_day"]:
        return False
    # lors du conseil de lundi: a time adjunct, whose event is the verb's own time
    noun = root.head
    while noun.dep_.startswith("nmod") and noun.head.pos_ in ("NOUN", "PROPN") and noun.head != noun:
        noun = noun.head  # the conseil of lors du conseil des ministres de l'Agriculture de lundi
    if noun.dep_.startswith("nsubj"):
        return False  # la manifestation de samedi a réuni …: the verb tells the event itself
    noun_start = noun.left_edge.idx
    if _TIME_ADJUNCT.search(doc_text(root.doc)[max(0, noun_start - 30) : noun_start]):
        return False
    return re.search(r"(?:^|\s)de\s+$", before) is not None


def _dates_a_start(root: Token) -> bool:
    """Say whether a date hangs (as a noun's complement, apposition or conjunct) from a noun
    led by *depuis* (*depuis l'arrestation du maire mardi*, *depuis la fermeture de l'usine,
    lundi,*): the day of the event that began a state still lasting at the time of writing,
    so a past day whatever the verb's tense, as *depuis mardi* is."""
    token = root
    while token.dep_.startswith(("nmod", "conj", "appos")) and token.head != token:
        token = token.head
        if token.pos_ not in ("NOUN", "PROPN"):
            return False
        if _led_by_since(token):
            return True
    if root.i < 2 or root.doc[root.i - 1].text != ",":
        return False
    # depuis la fermeture de l'usine, lundi, …: the parser hangs the day set off by commas
    # on the verb, beside the phrase it dates
    return any(
        _led_by_since(noun) and noun.right_edge.i == root.i - 2 and noun.head == root.head
        for noun in root.doc[root.i - 2].ancestors
    ) or (_led_by_since(root.doc[root.i - 2]) and root.doc[root.i - 2].head == root.head)


def _led_by_since(noun: Token) -> bool:
    """Say whether a noun naming no length of time is led by *depuis* (not *depuis des mois*)."""
    if noun.lower_ in lexicon()["units"]:
        return False
    return any(child.dep_ == "case" and child.lower_ == "depuis" for child in noun.children)


# Prepositions that make an event noun the time of the verb (TimeML SIGNALs of a relation
# between the two events): lors du conseil de lundi, pendant la réunion de mardi.
_TIME_ADJUNCT = re.compile(
    r"\b(?:lors|pendant|durant|avant|après|au\s+cours|à\s+l'occasion)(?:\s+d[eu]|\s+des|\s+d')?\s*$"
)


_LIST_HEAD = re.compile(r"\s+les\s+\d{1,2}(?:er)?(?:\s*,\s*\d{1,2})*\s+et\s+(?:le\s+)?$")


def _preposition_direction(before: str, direction: Direction) -> Direction:
    """Let a preposition settle what the tense leaves open: *depuis mardi* is past whatever
    the verb; *jusqu'à lundi* is ahead when the verb is in the present."""
    # pour les 16 et 17 février: the last day of a list reads the preposition before the first
    tail = _LIST_HEAD.sub(" les ", before.lower().replace("’", "'"))
    determiner = r")(?:\s+(?:le|la|l'|ce|cette))?\s*$"
    if _word_before("past_prepositions", r"\b(?:", determiner).search(tail):
        return "past"
    if _word_before("target_prepositions", r"\b(?:", r")(?:\s+les)?" + determiner[1:]).search(tail):
        return "future"  # un préavis pour le 16 février: the date it is set for
    ahead = _word_before("future_prepositions", r"(?:^|\W)(?:", determiner)
    if direction == "nearest" and ahead.search(tail):
        return "future"
    return direction


def clause_direction(token: Token) -> Direction:
    """Return the direction in time of the clause holding ``token``, from its verb's tense."""
    verb = governing_verb(token)
    if verb is None:
        verb = _verb_after_split(token)
    return direction(verb) if verb is not None else "nearest"


_SENTENCE_ENDS = frozenset({".", "!", "?", "…", ":", ";", "»", '"'})


def _verb_after_split(token: Token) -> Token | None:
    """Return the verb of the clause that a fronted time adjunct belongs to when the parser
    cut the sentence inside it (*Samedi et dimanche | , les habitants ont manifesté*,
    *Dimanche | et lundi, des milliers ont défilé*): a verbless piece that no full stop ends,
    followed in its paragraph by a comma or a lower-case word, is no sentence, and the next
    one is its clause (TimeML dates the adjunct by that clause's event). None otherwise."""
    sentence = token.sent
    if sentence.end >= len(token.doc):
        return None
    last, following = sentence[-1], token.doc[sentence.end]
    if "\n" in doc_text(token.doc)[last.idx : following.idx] or last.text in _SENTENCE_ENDS:
        return None
    if "," not in (last.text, following.text) and not following.text[:1].islower():
        return None  # Lundi. | Le conseil a voté: the next sentence is a new one
    return governing_verb(following.sent.root)
