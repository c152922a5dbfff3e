"""What the quote and event stages read of the time layer's expressions.

``attached_date`` dates a clause from the time expression attached to it; ``day_value`` cuts
a value to the day, month or year an act can carry; ``in_timexes`` says whether an offset lies
inside an expression. Each document's expressions are indexed by offset once, since the
other stages ask for every clause and most words near a trigger.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from veille.analysis.syntax.clauses import governing_verb, verb_complex
from veille.analysis.syntax.sentences import parse_sentence
from veille.analysis.syntax.tense import feature
from veille.model import Document, Timex

# A season, quarter or half of a year (TimeML: 1985-SP, 2024-Q3, 2023-H1) dates an act to its
# year, the finest precision a date of the clause then states.
_DAY_VALUE = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:T.*|-(?:SP|SU|FA|AU|WI|Q[1-4]|H[12]))?$")


def day_value(value: str) -> str | None:
    """Return a DATE/TIME value cut to day, month or year precision (a season to its year), or
    None (weeks, refs, durations)."""
    match = _DAY_VALUE.match(value)
    return match.group(1) if match else None


def _dated_between(doc: Document, start: int, end: int) -> list[tuple[Timex, str]]:
    """Return the anchored dates and times between two offsets, each with its day value,
    in the document's order."""
    last = next(iter(_DATED), None)  # one read: another thread may replace it meanwhile
    index = last if last is not None and last[0] is doc.timexes else None
    if index is None:
        # The quote and event stages ask it for every clause: a walk over every expression
        # each time grew with the text times its dates. Read once per document, by offset.
        dated = (t for t in doc.timexes if t.type in ("DATE", "TIME") and t.anchored)
        days = ((timex, day_value(timex.value)) for timex in dated)
        rows = sorted((timex.start, n, timex, day) for n, (timex, day) in enumerate(days) if day is not None)
        index = (doc.timexes, [row[0] for row in rows], rows)
        _DATED[:] = [index]
    _timexes, starts, rows = index
    inside = rows[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
    found = sorted(inside, key=lambda row: row[1])
    return [(timex, value) for _start, _n, timex, value in found]


def in_timexes(timexes: Sequence[Timex], offset: int) -> bool:
    """Tell whether ``offset`` lies in one of the time expressions (``start <= offset < end``).

    The event rules ask it of most words near a trigger; a document's expressions (a tuple)
    are read once into their union by offset, so each answer is a bisection, not a walk."""
    if not isinstance(timexes, tuple):
        return any(t.start <= offset < t.end for t in timexes)
    last = next(iter(_COVERED), None)  # one read: another thread may replace it meanwhile
    if last is None or last[0] is not timexes:
        starts: list[int] = []
        ends: list[int] = []
        for start, end in sorted((t.start, t.end) for t in timexes if t.start < t.end):
            if starts and start <= ends[-1]:
                ends[-1] = max(ends[-1], end)  # overlapping or touching: one stretch
            else:
                starts.append(start)
                ends.append(end)
        last = (timexes, starts, ends)
        _COVERED[:] = [last]
    _timexes, starts, ends = last
    k = bisect.bisect_right(starts, offset) - 1
    return k >= 0 and offset < ends[k]


_COVERED: list[tuple[tuple[Timex, ...], list[int], list[int]]] = []  # the last document's stretches

# The last document's dated expressions: (its timexes, their starts, (start, place, timex, day)).
_DATED: list[tuple[tuple[Timex, ...], list[int], list[tuple[int, int, Timex, str]]]] = []


def attached_date(doc: Document, parsed: Doc, head: int) -> str | None:
    """Return the date of the time expression attached to the clause whose verb is token ``head``.

    The expression must be in the same sentence and hang from the verb, its auxiliaries or
    its xcomp chain; failing that, the sentence's only dated expression is used, unless it
    hangs from a participle or a relative clause on a noun led by *après* or *avant* (*a
    appelé … après l'accident survenu mardi soir*: Tuesday dates the accident the call is
    ordered against, TimeML's anchor event, not the call). The sentence
    is the parse's; when it holds no date, the pieces the parser split from it without
    punctuation are read too (*Reçue mardi 29 août à l'Élysée, la secrétaire générale a
    exposé…* comes out of the parser in pieces). Parts of day and clock times are cut to the
    day (``2025-12-03TEV`` → ``2025-12-03``). None when there is none; callers fall back to
    the article date.
    """

    if not 0 <= head < len(parsed):
        return None
    verb = parsed[head]
    sentence = verb.sent
    dated = _dated_between(doc, sentence.start_char, sentence.end_char)
    if not dated:
        first, last = parse_sentence(verb)
        dated = _dated_between(doc, parsed[first].idx, parsed[last - 1].idx + len(parsed[last - 1]))
    if not dated:
        return None  # no date to attach: the clause's reading below (a walk of its subtree) is not asked
    chain = verb_complex(verb)
    # A perfect infinitive under the verb (accuse X de l'avoir agressé) tells an earlier act:
    # an expression after it is that act's time, however the parser hangs it.
    earlier = next((t.i for t in verb.subtree if t.i > head and _perfect_infinitive(t)), None)
    another = False  # the expression dates a noun's own event (l'accident survenu mardi)
    for timex, value in dated:
        span = parsed.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        if earlier is not None and span.start > earlier:
            another = True
            continue
        if len(value) == 4 and _year_of_a_noun(span.root):
            another = True  # le traité de 1920, les quotas fixés en 2024: that thing's year
            continue
        governor = governing_verb(span.root)
        if governor is not None and governor.i in chain:
            return value
        another = governor is not None and (
            _anchor_event(governor) or _other_relative(governor, verb) or _other_report(governor, verb)
        )
    if len(dated) == 1 and not another:
        return dated[0][1]
    return None


def _year_of_a_noun(root: Token) -> bool:
    """Say whether a year completes a noun (*violer le traité de Svalbard de 1920*, *la
    sentence arbitrale de 2016*) or a participle on a noun (*les quotas fixés en 2024*): it
    dates that thing (TimeML anchors it there), not the clause the noun sits in."""
    head = root.head
    if root.dep_ == "nmod" and head.pos_ in ("NOUN", "PROPN"):
        # de + year completes the noun; a noun's en 2021 is most often the verb's adjunct
        # that the parser hung low (a porté plainte contre l'élu en 2021)
        return any(c.dep_ == "case" and c.lower_ in ("de", "d'", "du") for c in root.children)
    return (
        root.dep_.startswith("obl")
        and head.dep_ == "acl"
        and head.head.pos_ == "NOUN"
        and head.i > head.head.i
    )


def _other_relative(governor: Token, verb: Token) -> bool:
    """Say whether a time expression's verb heads a relative clause that leaves the clause's
    verb out (*a accusé le groupe, qui avait voté la rénovation en 2021, de mentir*): the
    day dates the relative's own act, not the verb's."""
    return governor.dep_ == "acl:relcl" and verb not in governor.subtree


def _other_report(governor: Token, verb: Token) -> bool:
    """Say whether a time expression's verb sits in a clause reported by another verb (*a jugé
    « disproportionnée » la réaction de X et a indiqué que l'ambassadeur avait été convoqué
    dans la matinée*): the day dates the reported act, not the verb outside that report."""
    node = governor
    while node.dep_ != "ROOT" and node.head.i != node.i:
        if node.dep_ == "ccomp":
            return verb not in node.subtree and verb.i != node.head.i
        node = node.head
    return False


def _perfect_infinitive(verb: Token) -> bool:
    """Return True for a perfect infinitive (*d'avoir bombardé*, *de l'avoir agressé*): it
    tells an act done before the verb above it, and its time is that act's (*X accuse Y de
    l'avoir agressé fin février*, told in March: February dates the assault, not the
    accusation)."""
    return any(
        c.dep_.startswith("aux") and c.lemma_ in ("avoir", "être") and "Inf" in feature(c, "VerbForm")
        for c in verb.children
    )


def _anchor_event(verb: Token) -> bool:
    """Return True for a participle or relative after a noun led by *après* / *avant*: the
    act it tells is the anchor the clause is ordered against, and its day is not the clause's."""
    noun = verb.head
    if noun.pos_ != "NOUN" or noun.i >= verb.i:
        return False
    return any(c.dep_ == "case" and c.lower_ in ("après", "avant") for c in noun.children)
