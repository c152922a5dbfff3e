"""Date an act told as anterior by the sentence that tells it again; date a coming week;
tell a heading's act that the lede tells again.

*Le Tchad a accusé mardi l'armée soudanaise d'avoir bombardé un camp. … le bombardement du
camp par l'aviation soudanaise a fait douze morts lundi soir.* A perfect infinitive (*d'avoir
bombardé*) names an act before the verb above it, so the accusation's *mardi* is not its
day; news then retells the act with a definite nominalisation of the same type (*le
bombardement*, *cette attaque*) and its day. That day is taken from the next sentence; an
anterior act told nowhere again keeps the date rules of the stage.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from spacy.tokens import Doc, Token

from veille.analysis.events.lexicon import Trigger
from veille.analysis.lang.fr.countries import capital_country, country_code
from veille.analysis.lang.fr.words import DEMONSTRATIVES
from veille.analysis.syntax.tense import feature
from veille.analysis.time.attach import attached_date
from veille.model import Document, Event

_ANAPHORIC = frozenset({"le", "la", "l'", "les", "ce", "cet", "cette", "ces"})
_BACK = 6  # sentences: a demonstrative may point back over a paragraph (a title, a lede)
_AHEAD = 2  # sentences: the retelling follows closely (a sentence of context may come between)
_SHARED = frozenset({"CONSULT", "COOPERATE", "AGREE"})  # symmetric: either side may come first
# Headings name the European Union's institutions by the city that seats them (Le Robert,
# Bruxelles: « les instances de l'Union européenne »): Brussels (Wikidata Q239) and the
# Union, its Commission, Council, European Council and Parliament (Q458, Q8880, Q8886,
# Q8896, Q8889) share one side in a heading's retelling.
_BRUSSELS_SIDE = frozenset({"Q239", "Q458", "Q8880", "Q8886", "Q8896", "Q8889"})
_EMBEDDED = frozenset({"xcomp", "acl", "obl", "obl:arg", "advcl", "ccomp"})


def anterior(token: Token) -> bool:
    """Say whether a verbal trigger is a perfect infinitive under another verb (d'avoir bombardé)."""
    if token.dep_ not in _EMBEDDED:
        return False
    return any(
        c.dep_.startswith("aux") and c.lemma_ in ("avoir", "être") and "Inf" in feature(c, "VerbForm")
        for c in token.children
    )


def retold_date(
    doc: Document, parsed: Doc, token: Token, kind: str, match: Callable[[Token], Trigger | None]
) -> str | None:
    """Return the day one of the next two sentences gives to a definite noun of the same
    event type."""
    words: list[Token] = []
    end = token.sent.end
    for _ in range(_AHEAD):
        if end >= len(parsed):
            break
        following = parsed[end].sent
        words.extend(following)
        end = following.end
    for word in words:
        found = match(word) if word.pos_ == "NOUN" else None
        if found is None or found.type != kind:
            continue
        if not any(c.dep_ == "det" and c.lower_ in _ANAPHORIC for c in word.children):
            continue
        return noun_day(doc, parsed, word)
    return None


def recalled_date(
    doc: Document, parsed: Doc, token: Token, kind: str, match: Callable[[Token], Trigger | None]
) -> str | None:
    """Return the day of the act a demonstrative noun trigger points back to (*Xi Jinping doit
    rencontrer jeudi Donald Trump. … Cette rencontre …*): the nearest word of the same type in
    the sentences before whose clause or phrase is dated; the search stops at the same noun
    undated (the act it points to has no day)."""
    if not any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in token.children):
        return None
    start, steps = token.sent.start, 0
    while start > 0 and steps < _BACK:
        before = parsed[start - 1].sent
        start = before.start
        steps += bool(before.text.strip())  # a blank line between paragraphs is no sentence
        for word in reversed(before):
            found = match(word) if word.pos_ in ("NOUN", "VERB") else None
            if found is None or found.type != kind:
                continue
            day = noun_day(doc, parsed, word) if word.pos_ == "NOUN" else attached_date(doc, parsed, word.i)
            if day is not None or word.lemma_ == token.lemma_:
                return day
    return None


def noun_day(doc: Document, parsed: Doc, word: Token) -> str | None:
    """Return the day a noun trigger's phrase, its clause or its sentence's only day gives it."""
    below = {t.idx for t in word.subtree}
    for timex in doc.timexes:
        if timex.type in ("DATE", "TIME") and timex.start in below and timex.value[:4].isdigit():
            return timex.value.split("T")[0]
    if word.dep_.startswith("nsubj"):
        return attached_date(doc, parsed, word.head.i)
    sentence = word.sent  # the parse lost the noun's place: the retelling's only day
    days = [
        t.value.split("T")[0]
        for t in doc.timexes
        if t.type in ("DATE", "TIME") and sentence.start_char <= t.start < sentence.end_char
    ]
    return days[0] if len(days) == 1 and days[0][:4].isdigit() else None


def coming_week(doc: Document, token: Token) -> str | None:
    """Return the week value (2025-W21) of the sentence's only dated expression, when that
    expression is a week after the article's (attached dates are days, months or years)."""
    sentence = token.sent
    dated = [
        t for t in doc.timexes
        if t.type == "DATE" and t.anchored and sentence.start_char <= t.start < sentence.end_char
    ]  # fmt: skip
    if len(dated) != 1 or len(dated[0].value) != 8 or dated[0].value[4:6] != "-W" or not doc.article.date:
        return None
    year, week, _ = datetime.date.fromisoformat(doc.article.date).isocalendar()
    # Only a week to come (la semaine prochaine): a past week is a period, not the day.
    return dated[0].value if dated[0].value > f"{year}-W{week:02d}" else None


def told_in_lede(heading: Event, lede: list[Event], doc: Document) -> bool:
    """Say whether the lede tells again a heading's act with other names for its parties
    (*Manille accuse Pékin* over *Les Philippines ont accusé les garde-côtes chinois*): an
    act of the same type whose every side shares a party or a country with the heading's
    (a capital, a state's organ or official stands for its country; Bruxelles for the
    European Union's institutions). A heading names
    its parties short; the lede's are the ones the article keeps."""

    def keys(ids: tuple[str, ...]) -> set[str]:
        found = set(ids)
        for entity_id in ids:
            entity = doc.entity(entity_id)
            code = entity and (entity.country or capital_country(entity.name) or country_code(entity.name))
            if code:
                found.add(code)
            if entity is not None and entity.kb_id in _BRUSSELS_SIDE:
                found.add("Q458")  # Bruxelles inflige une amende over La Commission a infligé
        return found

    def meets(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        return bool(keys(a) & keys(b))

    for event in lede:
        if event.type != heading.type or event.negated != heading.negated:
            continue
        if meets(event.source, heading.source) and meets(event.target, heading.target):
            return True
        crossed = meets(event.source, heading.target) and meets(event.target, heading.source)
        if event.type in _SHARED and crossed:
            return True
    return False
