"""Which named days the story stands on: the anchor of a part of the day told alone.

A part of the day with no day of its own (*Ils ont été relâchés dans la soirée*) falls on the
day the narrative has reached (TimeML's reference time), the last day the text has told
before it. A day named in the background is no such day: one inside a quotation (the
speaker's time, not the narrator's), one the pluperfect sets before the reference time
(*il avait refusé mardi soir*, Reichenbach's event before reference), one in a clause
reported *selon* a source (*Selon lui, les vedettes les ont interceptées mardi à l'aube*),
and a point of comparison or a start (*depuis le 30 mars*). The time stage runs before the
quote stage, so quotations are read on the quotation marks of the paragraph, and the rest on
the parse.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from veille.analysis.syntax.clauses import governing_verb
from veille.analysis.syntax.tense import pluperfect

_OPENING = frozenset("«“")
_CLOSING = frozenset("»”")
_MAX_DEPTH = 12  # clauses walked up from a day's verb to its sentence's root


def in_background(text: str, start: int, span: Span | None) -> bool:
    """Say whether the day named at ``start`` (``span`` in the parse) is told in the
    background of the story: quoted, in the pluperfect, reported *selon* a source, or dating a
    noun's act told with its author (*le mot d'ordre, lancé lundi par le syndicat*)."""
    if quoted(text, start):
        return True
    if span is None or not len(span):
        return False
    verb = governing_verb(span.root)
    return verb is not None and (_agent_participle(verb) or _told_aside(verb))


def quoted(text: str, position: int) -> bool:
    """Say whether ``position`` lies inside a quotation opened in its paragraph."""
    depth = 0
    for char in text[text.rfind("\n", 0, position) + 1 : position]:
        if char in _OPENING:
            depth += 1
        elif char in _CLOSING:
            depth = max(depth - 1, 0)
        elif char == '"':
            depth = 0 if depth else 1
    return depth > 0


def _agent_participle(verb: Token) -> bool:
    """Say whether the verb is a participle on a noun with its agent (*le mot d'ordre, lancé
    lundi par le syndicat*): the noun's act, told to say where the thing comes from."""
    return verb.dep_ == "acl" and any(
        child.dep_.startswith("obl") and any(g.dep_ == "case" and g.lower_ == "par" for g in child.children)
        for child in verb.children
    )


def _told_aside(verb: Token) -> bool:
    """Say whether the verb's clause, or a clause above it, is in the pluperfect or told
    *selon* a source (*Selon lui, les pirogues se trouvaient … lorsque les vedettes les ont
    interceptées*; *2 000 policiers avaient été mobilisés autour du palais, où des militants
    ont manifesté mardi*)."""
    current = verb
    for _ in range(_MAX_DEPTH):
        if current.pos_ in ("VERB", "AUX") and pluperfect(current):
            return True
        for child in current.children:
            if child.dep_.startswith("obl") and any(
                grand.dep_ == "case" and grand.lower_ == "selon" for grand in child.children
            ):
                return True
        if current.head == current:
            return False
        current = current.head
    return False
