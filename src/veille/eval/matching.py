"""Align a system Document with a gold file, layer by layer (../shared/DESIGN.md §8).

Matching is by text, not offsets: forms are compared after ``veille.normal.name_key`` (case,
accents, quote marks and apostrophes, whitespace, one leading article). Offsets are
used only to find *which* occurrence of a gold time expression or quote is meant.

Every layer but entities is a one-to-one assignment, made greedily: candidate pairs are
sorted with every required gold item before every optional one, then by best score, and
a pair is kept when neither side is taken yet. So an optional gold item never takes a
system item that a required one could match.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from veille.eval.gold import Gold, GoldEntity, GoldEvent
from veille.model import Document, Entity, Event, Quote, Timex
from veille.normal import MARKS, fold, name_key, strip_article

_WORD = re.compile(r"\w+")

# Entity types whose unmatched system entities are false positives (DESIGN.md §8);
# MISC is too loosely defined for the gold to list every one.
COUNTED_TYPES = frozenset({"PER", "ORG", "LOC"})
QUOTE_GOLD_COVERAGE = 0.8  # share of the gold quote's tokens the system quote must cover
QUOTE_SYSTEM_COVERAGE = 0.3  # share of the system quote's own tokens that must be in the gold one


def tokens(text: str) -> Counter[str]:
    """Return the multiset of word tokens of a quote, normalised like forms."""
    return Counter(_WORD.findall(fold(text)))


class TextIndex:
    """Find the nth exact occurrence of a gold string in an article's cleaned text.

    Gold strings are copied from the raw file, and cleaning rewrites apostrophes and
    whitespace, so both sides are compared with marks unified and whitespace runs
    collapsed; case is kept, as annotators count occurrences case-sensitively.
    """

    def __init__(self, text: str) -> None:
        chars: list[str] = []
        self._offsets: list[int] = []
        previous_space = False
        for offset, char in enumerate(text.translate(MARKS)):
            space = char.isspace()
            if space and previous_space:
                continue
            chars.append(" " if space else char)
            self._offsets.append(offset)
            previous_space = space
        self._text = "".join(chars)

    def find(self, needle: str, occurrence: int = 1) -> tuple[int, int] | None:
        """Return the (start, end) offsets of the nth occurrence, or None."""
        needle = " ".join(needle.translate(MARKS).split())
        if not needle:
            return None
        position = -len(needle)
        for _ in range(occurrence):
            position = self._text.find(needle, position + len(needle))
            if position < 0:
                return None
        return self._offsets[position], self._offsets[position + len(needle) - 1] + 1


Score = tuple[float, ...]


def assign(candidates: Sequence[tuple[int, int, Score]], optional: Sequence[bool]) -> dict[int, int]:
    """Pair gold and system items one to one: required gold first, then best score, greedily.

    ``candidates`` are (gold index, system index, score) for every pair that matches;
    higher scores are better. Ties go to the earlier gold item, then the earlier system one.
    """
    ordered = sorted(candidates, key=lambda c: (optional[c[0]], tuple(-x for x in c[2]), c[0], c[1]))
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for gold_index, system_index, _score in ordered:
        if gold_index in pairs or system_index in taken:
            continue
        pairs[gold_index] = system_index
        taken.add(system_index)
    return pairs


@dataclass(frozen=True)
class EntityMap:
    """Which gold entity each system entity stands for, and what that says about both sides."""

    gold_forms: tuple[frozenset[str], ...]  # normalised forms of each gold entity
    system_forms: dict[str, frozenset[str]]  # system entity id -> its normalised mention texts
    mapping: dict[str, int]  # system entity id -> index of the gold entity it maps to
    main: dict[int, str]  # gold index -> the mapped system entity holding most of its forms

    def gold_name(self, gold: Gold, entity_id: str | None) -> str | None:
        """Return the name of the gold entity a system entity id maps to, or None."""
        index = self.mapping.get(entity_id or "")
        return None if index is None else gold.entities[index].name

    def merged(self, gold: Gold, entity_id: str) -> tuple[str, ...]:
        """Return the required gold entities whose own forms this system entity holds, when two or more.

        A form shared by two gold entities says nothing about a merge, so only forms
        that belong to one of the two count.
        """
        forms = self.system_forms[entity_id]
        held = [i for i, g in enumerate(gold.entities) if not g.optional and forms & self.gold_forms[i]]
        merged = {
            i for i in held for j in held
            if i != j and forms & (self.gold_forms[i] - self.gold_forms[j])
            and forms & (self.gold_forms[j] - self.gold_forms[i])
        }  # fmt: skip
        return tuple(gold.entities[i].name for i in sorted(merged))


# Honorifics before a name (M., Mme, Mlle, Me, Dr, Pr): an annotator may write the form
# with them (« Mme Pégard ») or without (« Pégard »), as with a leading article, and veille's
# mentions leave them out; the evaluation counts both spellings as one form.
_HONORIFICS = frozenset({"m", "mme", "mmes", "mlle", "mlles", "me", "mes", "dr", "pr"})


def form_key(form: str) -> str:
    """Return the key under which an entity form is compared: ``name_key`` without a
    leading honorific (``Mme Pégard`` and ``Pégard`` are one form)."""
    key = name_key(form)
    first, _, rest = key.partition(" ")
    return strip_article(rest) if first in _HONORIFICS and rest else key


def map_entities(gold: Gold, doc: Document) -> EntityMap:
    """Map each system entity to the gold entity whose forms (mentions + descriptions) it shares most.

    Ties go to a required gold entity, then one of the same type, then the first listed.
    The *main* system entity of a gold entity is, among those mapped to it, the one
    holding most of its forms (ties: more mentions, then the first).
    """
    gold_forms = tuple(frozenset(f for f in map(form_key, g.forms) if f) for g in gold.entities)
    system_forms = {
        e.id: frozenset(f for f in (form_key(m.text) for m in e.mentions) if f) for e in doc.entities
    }
    mapping: dict[str, int] = {}
    for entity in doc.entities:
        forms = system_forms[entity.id]
        best = max(
            range(len(gold.entities)),
            key=lambda i: _entity_fit(len(forms & gold_forms[i]), gold.entities[i], entity, i),
            default=None,
        )
        if best is not None and forms & gold_forms[best]:
            mapping[entity.id] = best
    main: dict[int, str] = {}
    mention_counts = {e.id: len(e.mentions) for e in doc.entities}
    order = {e.id: n for n, e in enumerate(doc.entities)}
    for entity_id, index in mapping.items():
        current = main.get(index)
        if current is None or _holding(
            entity_id, index, system_forms, gold_forms, mention_counts, order
        ) > _holding(current, index, system_forms, gold_forms, mention_counts, order):
            main[index] = entity_id
    return EntityMap(gold_forms, system_forms, mapping, main)


def _entity_fit(shared: int, gold_entity: GoldEntity, entity: Entity, index: int) -> Score:
    return (shared, not gold_entity.optional, gold_entity.type == entity.type, -index)


def _holding(
    entity_id: str,
    index: int,
    system_forms: dict[str, frozenset[str]],
    gold_forms: tuple[frozenset[str], ...],
    mention_counts: dict[str, int],
    order: dict[str, int],
) -> Score:
    return (len(system_forms[entity_id] & gold_forms[index]), mention_counts[entity_id], -order[entity_id])


def quote_coverage(gold_text: str, system_text: str) -> tuple[float, float]:
    """Return (share of the gold tokens covered, share of the system tokens in the gold quote)."""
    gold_tokens, system_tokens = tokens(gold_text), tokens(system_text)
    common = sum((gold_tokens & system_tokens).values())
    gold_total, system_total = sum(gold_tokens.values()), sum(system_tokens.values())
    if not gold_total or not system_total:
        return 0.0, 0.0
    return common / gold_total, common / system_total


def quotes_match(gold_text: str, system_text: str) -> bool:
    """Return whether a system quote matches a gold quote by the token-coverage thresholds."""
    gold_share, system_share = quote_coverage(gold_text, system_text)
    return gold_share >= QUOTE_GOLD_COVERAGE and system_share >= QUOTE_SYSTEM_COVERAGE


def match_quotes(gold: Gold, doc: Document, index: TextIndex) -> dict[int, int]:
    """Pair gold quotes with system quotes; among matches, prefer one at the gold quote's place."""
    places = [_place(index, q.text, q.occurrence or 1) for q in gold.quotes]
    candidates: list[tuple[int, int, Score]] = []
    for g, gold_quote in enumerate(gold.quotes):
        for s, quote in enumerate(doc.quotes):
            gold_share, system_share = quote_coverage(gold_quote.text, quote.text)
            if gold_share >= QUOTE_GOLD_COVERAGE and system_share >= QUOTE_SYSTEM_COVERAGE:
                at_place = _overlaps(places[g], quote)
                candidates.append((g, s, (at_place, gold_share + system_share)))
    return assign(candidates, [q.optional for q in gold.quotes])


def locate_timexes(gold: Gold, index: TextIndex) -> list[tuple[int, int] | None]:
    """Find each gold time expression in the text, in document order.

    An explicit ``occurrence`` is the nth occurrence of the text; the others take, in gold
    order, the next occurrence of their text that no other gold item has claimed, and that
    lies in none of their spans (a gold *jeudi* listed after *jeudi matin* is another
    *jeudi*); when every occurrence lies in one, the first unclaimed one.
    """
    claimed: set[tuple[int, int]] = set()
    places: list[tuple[int, int] | None] = [None] * len(gold.timexes)
    for i, timex in enumerate(gold.timexes):
        if timex.occurrence is not None:
            places[i] = index.find(timex.text, timex.occurrence)
            if places[i] is not None:
                claimed.add(places[i])  # type: ignore[arg-type]
    for i, timex in enumerate(gold.timexes):
        if timex.occurrence is None:
            place = _unclaimed(index, timex.text, claimed)
            places[i] = place
            if place is not None:
                claimed.add(place)
    return places


def _unclaimed(index: TextIndex, text: str, claimed: set[tuple[int, int]]) -> tuple[int, int] | None:
    """Return the first occurrence of ``text`` outside every claimed span, else the first
    one not claimed itself (the text is only found inside another gold item)."""
    fallback = None
    occurrence = 1
    while (place := index.find(text, occurrence)) is not None:
        if place not in claimed:
            if not any(start < place[1] and place[0] < end for start, end in claimed):
                return place
            fallback = fallback or place
        occurrence += 1
    return fallback


def match_timexes(gold: Gold, doc: Document, index: TextIndex) -> dict[int, int]:
    """Pair gold and system time expressions: the system span must contain the gold one.

    A gold text that cannot be found in the cleaned text (cleaning rewrote it) falls back
    to text alone: the system text must contain it. Among matches, an exact span is
    preferred, then a right value, then the tighter span.
    """
    places = locate_timexes(gold, index)
    candidates: list[tuple[int, int, Score]] = []
    for g, gold_timex in enumerate(gold.timexes):
        place = places[g]
        wanted = name_key(gold_timex.text)
        for s, timex in enumerate(doc.timexes):
            if place is not None:
                inside = timex.start <= place[0] and place[1] <= timex.end
                if not (inside or _bare_core(doc.article.text, place, timex)):
                    continue
                exact = (timex.start, timex.end) == place
            else:
                if wanted not in name_key(timex.text):
                    continue
                exact = name_key(timex.text) == wanted
            right = timex.value in gold_timex.values
            candidates.append((g, s, (exact, right, -(timex.end - timex.start))))
    return assign(candidates, [t.optional for t in gold.timexes])


# What a gold span may hold before the system's when the system keeps the bare core
# (the ``core`` extent profile, or a gold that takes in the preposition: *Dans la nuit de…*).
_LEADING_FUNCTION_WORDS = re.compile(r"(?:(?:dans|en|vers|le|la|les|l['’]|ce|cet|cette)\s*)+", re.IGNORECASE)


def _bare_core(text: str, place: tuple[int, int], timex: Timex) -> bool:
    """Say whether the system span is the gold one less a leading determiner or preposition."""
    if timex.end != place[1] or not place[0] < timex.start < place[1]:
        return False
    return _LEADING_FUNCTION_WORDS.fullmatch(text[place[0] : timex.start]) is not None


def match_events(gold: Gold, doc: Document, entities: EntityMap) -> dict[int, int]:
    """Pair gold and system events: same type (or an accepted one), one actor and one recipient.

    The system's actors and recipients are mapped to gold names through the entity map;
    one shared actor and one shared recipient suffice (``source_any``/``target_any`` say the
    gold list is alternatives; a compound actor also needs only one member found). A
    ``symmetric`` event also matches the other way round.
    """
    candidates: list[tuple[int, int, Score]] = []
    for g, gold_event in enumerate(gold.events):
        for s, event in enumerate(doc.events):
            if event.type not in gold_event.types:
                continue
            shared = _shared_actors(gold, gold_event, event, entities)
            if shared is None:
                continue
            candidates.append(
                (g, s, (event.type == gold_event.type, date_right(gold_event, event) is True, shared))
            )
    return assign(candidates, [e.optional for e in gold.events])


def _shared_actors(gold: Gold, gold_event: GoldEvent, event: Event, entities: EntityMap) -> int | None:
    sources = {entities.gold_name(gold, e) for e in event.source} - {None}
    targets = {entities.gold_name(gold, e) for e in event.target} - {None}
    forward = len(sources & set(gold_event.source)), len(targets & set(gold_event.target))
    backward = len(sources & set(gold_event.target)), len(targets & set(gold_event.source))
    options = [forward, backward] if gold_event.symmetric else [forward]
    best = [a + b for a, b in options if a and b]
    return max(best) if best else None


def date_right(gold_event: GoldEvent, event: Event) -> bool | None:
    """Return whether the event's date starts with the gold date; None when it does not count."""
    if gold_event.date is None or (event.date is None and gold_event.date_optional):
        return None
    return event.date is not None and event.date.startswith(gold_event.date)


def _place(index: TextIndex, text: str, occurrence: int) -> tuple[int, int] | None:
    return index.find(text, occurrence)


def _overlaps(place: tuple[int, int] | None, item: Quote | Timex) -> bool:
    return place is not None and item.start < place[1] and place[0] < item.end
