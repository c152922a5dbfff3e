"""Score a system Document against its gold: per-layer counts, accuracies and the errors behind them.

Counts add up over articles, so totals are micro-averages: the precision of a set is
its matched system items over all its counted system items, not a mean of per-article
precisions. Optional gold items, and system items matched to them, count neither way.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from veille.eval.gold import Gold, GoldEntity
from veille.eval.matching import (
    COUNTED_TYPES,
    EntityMap,
    TextIndex,
    date_right,
    form_key,
    map_entities,
    match_events,
    match_quotes,
    match_timexes,
)
from veille.model import Document
from veille.normal import name_key

Metric = float | int | None
# The names (name and aliases) of a KB entry, by id; empty when the id is unknown.
KBNames = Callable[[str], Iterable[str]]


@dataclass(frozen=True)
class Counts:
    """Matched and counted items of one layer, for precision, recall and F1."""

    gold: int = 0  # required gold items
    found: int = 0  # required gold items a system item matches
    system: int = 0  # system items that count (not matched to an optional gold item)
    correct: int = 0  # system items matched to a required gold item

    @property
    def precision(self) -> float | None:
        return self.correct / self.system if self.system else None

    @property
    def recall(self) -> float | None:
        return self.found / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        if not self.gold and not self.system:
            return None
        precision, recall = self.precision or 0.0, self.recall or 0.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.gold + other.gold,
            self.found + other.found,
            self.system + other.system,
            self.correct + other.correct,
        )


@dataclass(frozen=True)
class Ratio:
    """An accuracy: right answers over the items where the question is asked."""

    right: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.right + other.right, self.total + other.total)


@dataclass(frozen=True)
class Scores:
    """Every layer's counts for one article or a set of articles."""

    entities: Counts = Counts()
    variants: Ratio = Ratio()  # gold forms found in the gold entity's main system entity
    merges: int = 0  # system entities holding forms of two required gold entities
    linking: Ratio = Ratio()  # found gold entities with a qid whose main system entity has it as kb_id
    nil: Ratio = Ratio()  # found gold PER without qid whose main system entity is unlinked or rightly linked
    entity_types: Ratio = Ratio()  # found gold entities whose main system entity has the gold type
    quotes: Counts = Counts()
    speakers: Ratio = Ratio()  # matched quotes whose speaker maps to the gold speaker
    attributed: Counts = Counts()  # end to end: a quote counts only when found with its gold speaker
    quote_kinds: Ratio = Ratio()
    timexes: Counts = Counts()
    timex_values: Ratio = Ratio()  # matched time expressions with the gold value or an accepted one
    events: Counts = Counts()
    event_dates: Ratio = Ratio()  # matched events whose date starts with the gold date

    def __add__(self, other: Scores) -> Scores:
        return Scores(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in dataclasses.fields(self)}
        )

    def metrics(self) -> dict[str, Metric]:
        """Return the flat metrics the table, the JSON output and the baseline use."""
        metrics: dict[str, Metric] = {}
        for layer, counts in (
            ("entities", self.entities),
            ("quotes", self.quotes),
            ("timexes", self.timexes),
            ("events", self.events),
        ):
            metrics[f"{layer}.precision"] = counts.precision
            metrics[f"{layer}.recall"] = counts.recall
            metrics[f"{layer}.f1"] = counts.f1
        metrics.update(
            {
                "entities.variant_recall": self.variants.value,
                "entities.merges": self.merges,
                "entities.linking_accuracy": self.linking.value,
                "entities.nil_precision": self.nil.value,
                "entities.type_accuracy": self.entity_types.value,
                "quotes.speaker_accuracy": self.speakers.value,
                "quotes.end_to_end_f1": self.attributed.f1,
                "quotes.kind_accuracy": self.quote_kinds.value,
                "timexes.value_accuracy": self.timex_values.value,
                "events.date_accuracy": self.event_dates.value,
            }
        )
        return dict(sorted(metrics.items()))


# Metrics where lower is better; the gate keeps a ceiling for them instead of a floor.
LOWER_IS_BETTER = frozenset({"entities.merges"})


@dataclass(frozen=True)
class ArticleScores:
    """One article's scores, with the errors behind them, for reading and for JSON."""

    name: str
    scores: Scores
    errors: dict[str, list[str]] = field(default_factory=dict)


def total(articles: list[ArticleScores]) -> Scores:
    """Return the micro totals of a set of articles."""
    result = Scores()
    for article in articles:
        result = result + article.scores
    return result


def score_document(
    gold: Gold, doc: Document, name: str | None = None, *, kb_names: KBNames | None = None
) -> ArticleScores:
    """Score one system Document against its gold.

    ``kb_names`` gives the names of a KB entry for NIL precision; None reads the starter KB,
    and only when a gold person without a qid was linked to something.
    """
    errors: dict[str, list[str]] = {}
    entity_map = map_entities(gold, doc)
    index = TextIndex(doc.article.text)
    scores = Scores()
    scores = _score_entities(gold, doc, entity_map, scores, errors, kb_names or starter_kb_names)
    scores = _score_quotes(gold, doc, entity_map, index, scores, errors)
    scores = _score_timexes(gold, doc, index, scores, errors)
    scores = _score_events(gold, doc, entity_map, scores, errors)
    return ArticleScores(name or gold.name, scores, {k: v for k, v in errors.items() if v})


def starter_kb_names(kb_id: str) -> list[str]:
    """Return the names and aliases of an entry of the starter KB (empty when it has no such id)."""
    return kb_names_from(None)(kb_id)


def kb_names_from(path: Path | None) -> Callable[[str], list[str]]:
    """Return a ``KBNames`` reading the KB at ``path`` (None: the starter KB), opened on first use."""

    def names(kb_id: str) -> list[str]:
        from veille.kb import default_kb  # the KB is only opened when a NIL link must be checked

        entry = default_kb(path).get(kb_id)
        return [text for text, _lang, _kind in entry.all_names()] if entry else []

    return names


def nil_right(gold_entity: GoldEntity, kb_id: str | None, kb_names: KBNames) -> bool:
    """Return whether a gold entity without a qid was left unlinked or linked to an entry of its own names.

    A KB-local id (``veille:per:…``) is right when one of the entry's names or aliases is, once
    normalised, one of the gold entity's forms: the KB knows this person, Wikidata id or not.
    """
    if kb_id is None:
        return True
    forms = {name_key(f) for f in gold_entity.forms if f}
    return any(name_key(n) in forms for n in kb_names(kb_id))


def _score_entities(
    gold: Gold,
    doc: Document,
    emap: EntityMap,
    scores: Scores,
    errors: dict[str, list[str]],
    kb_names: KBNames,
) -> Scores:
    required = [i for i, g in enumerate(gold.entities) if not g.optional]
    found = [i for i in required if i in emap.main]
    names = {e.id: e for e in doc.entities}
    correct = [
        e for e in doc.entities if e.id in emap.mapping and not gold.entities[emap.mapping[e.id]].optional
    ]
    false_positives = [e for e in doc.entities if e.id not in emap.mapping and e.type in COUNTED_TYPES]
    variants, linking, types, nil = Ratio(), Ratio(), Ratio(), Ratio()
    for i in required:
        gold_entity, forms = gold.entities[i], emap.gold_forms[i]
        main = names.get(emap.main.get(i, ""))
        held = forms & emap.system_forms[main.id] if main else frozenset()
        variants = variants + Ratio(len(held), len(forms))
        if main is None:
            continue
        missing = sorted(f for f in gold_entity.forms if f and form_key(f) not in held)
        if missing:
            errors.setdefault("entities.split", []).append(f"{gold_entity.name}: {', '.join(missing)}")
        types = types + Ratio(int(main.type == gold_entity.type), 1)
        if gold_entity.qid:
            linking = linking + Ratio(int(main.kb_id == gold_entity.qid), 1)
            if main.kb_id != gold_entity.qid:
                errors.setdefault("entities.linking", []).append(
                    f"{gold_entity.name}: {main.kb_id or 'unlinked'} instead of {gold_entity.qid}"
                )
        elif gold_entity.type == "PER":
            right = nil_right(gold_entity, main.kb_id, kb_names)
            nil = nil + Ratio(int(right), 1)
            if not right:
                errors.setdefault("entities.nil_linked", []).append(
                    f"{gold_entity.name}: linked to {main.kb_id}, not in the KB"
                )
    merges = [(e, emap.merged(gold, e.id)) for e in doc.entities]
    merges = [(e, merged) for e, merged in merges if merged]
    errors["entities.missed"] = [gold.entities[i].name for i in required if i not in emap.main]
    errors["entities.false_positives"] = [f"{e.name} ({e.type})" for e in false_positives]
    errors["entities.merged"] = [f"{e.name} = {' + '.join(merged)}" for e, merged in merges]
    return dataclasses.replace(
        scores,
        entities=Counts(len(required), len(found), len(correct) + len(false_positives), len(correct)),
        variants=variants,
        merges=len(merges),
        linking=linking,
        nil=nil,
        entity_types=types,
    )


def _score_quotes(
    gold: Gold, doc: Document, emap: EntityMap, index: TextIndex, scores: Scores, errors: dict[str, list[str]]
) -> Scores:
    pairs = match_quotes(gold, doc, index)
    required = [g for g, q in enumerate(gold.quotes) if not q.optional]
    found = [g for g in required if g in pairs]
    on_optional = {s for g, s in pairs.items() if gold.quotes[g].optional}
    speakers, kinds = Ratio(), Ratio()
    for g in found:
        gold_quote, quote = gold.quotes[g], doc.quotes[pairs[g]]
        speaker = emap.gold_name(gold, quote.speaker)
        speakers = speakers + Ratio(int(speaker == gold_quote.speaker), 1)
        kinds = kinds + Ratio(int(quote.kind == gold_quote.kind), 1)
        if speaker != gold_quote.speaker:
            errors.setdefault("quotes.wrong_speaker", []).append(
                f"{_short(gold_quote.text)}: {speaker or 'none'} instead of {gold_quote.speaker}"
            )
    matched_system = set(pairs.values())
    errors["quotes.missed"] = [
        f"{gold.quotes[g].speaker}: {_short(gold.quotes[g].text)}" for g in required if g not in pairs
    ]
    errors["quotes.false_positives"] = [
        _short(q.text) for s, q in enumerate(doc.quotes) if s not in matched_system
    ]
    counted = len(doc.quotes) - len(on_optional)
    return dataclasses.replace(
        scores,
        quotes=Counts(len(required), len(found), counted, len(found)),
        speakers=speakers,
        attributed=Counts(len(required), speakers.right, counted, speakers.right),
        quote_kinds=kinds,
    )


def _score_timexes(
    gold: Gold, doc: Document, index: TextIndex, scores: Scores, errors: dict[str, list[str]]
) -> Scores:
    pairs = match_timexes(gold, doc, index)
    required = [g for g, t in enumerate(gold.timexes) if not t.optional]
    found = [g for g in required if g in pairs]
    on_optional = {s for g, s in pairs.items() if gold.timexes[g].optional}
    values = Ratio()
    for g in found:
        gold_timex, timex = gold.timexes[g], doc.timexes[pairs[g]]
        right = timex.value in gold_timex.values
        values = values + Ratio(int(right), 1)
        if not right:
            errors.setdefault("timexes.wrong_value", []).append(
                f"{gold_timex.text}: {timex.value} instead of {gold_timex.value}"
            )
    matched_system = set(pairs.values())
    errors["timexes.missed"] = [
        f"{gold.timexes[g].text} ({gold.timexes[g].value})" for g in required if g not in pairs
    ]
    errors["timexes.false_positives"] = [
        f"{t.text} ({t.value})" for s, t in enumerate(doc.timexes) if s not in matched_system
    ]
    return dataclasses.replace(
        scores,
        timexes=Counts(len(required), len(found), len(doc.timexes) - len(on_optional), len(found)),
        timex_values=values,
    )


def _score_events(
    gold: Gold, doc: Document, emap: EntityMap, scores: Scores, errors: dict[str, list[str]]
) -> Scores:
    doc, pairs, counts = _event_matches(gold, doc, emap)
    required = [g for g, e in enumerate(gold.events) if not e.optional]
    found = [g for g in required if g in pairs]
    dates = Ratio()
    for g in found:
        gold_event, event = gold.events[g], doc.events[pairs[g]]
        right = date_right(gold_event, event)
        if right is None:
            continue
        dates = dates + Ratio(int(right), 1)
        if not right:
            errors.setdefault("events.wrong_date", []).append(
                f"{gold_event.type} {'+'.join(gold_event.source)}: {event.date or 'none'} instead of "
                f"{gold_event.date}"
            )
    names = {e.id: e.name for e in doc.entities}
    matched_system = set(pairs.values())
    errors["events.missed"] = [
        f"{gold.events[g].type} {' + '.join(gold.events[g].source)} → {' + '.join(gold.events[g].target)}"
        for g in required
        if g not in pairs
    ]
    errors["events.false_positives"] = [
        f"{e.type} {' + '.join(names.get(i, i) for i in e.source)} → "
        f"{' + '.join(names.get(i, i) for i in e.target)} ({e.trigger})"
        for s, e in enumerate(doc.events)
        if s not in matched_system
    ]
    return dataclasses.replace(scores, events=counts, event_dates=dates)


def event_counts(gold: Gold, doc: Document, emap: EntityMap) -> Counts:
    """Return the event counts of one article as the evaluation scores them (the scripts that
    train the event learners count their curves here)."""
    return _event_matches(gold, doc, emap)[2]


def _event_matches(gold: Gold, doc: Document, emap: EntityMap) -> tuple[Document, dict[int, int], Counts]:
    # A negated event (n'a pas approuvé les dons d'armes) says the event did not happen: gold
    # files list only events that did, so it is neither a match nor a false positive.
    doc = dataclasses.replace(doc, events=tuple(e for e in doc.events if not e.negated))
    pairs = match_events(gold, doc, emap)
    required = [g for g, e in enumerate(gold.events) if not e.optional]
    found = sum(1 for g in required if g in pairs)
    on_optional = {s for g, s in pairs.items() if gold.events[g].optional}
    return doc, pairs, Counts(len(required), found, len(doc.events) - len(on_optional), found)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
