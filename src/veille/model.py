"""The analysis contract, ``veille.analysis/1``, as frozen dataclasses.

Every offset is a character offset into ``Article.text`` (the cleaned text),
end exclusive. Collections are tuples so that a ``Document`` can be shared
between stages without copying; a stage returns ``dataclasses.replace(doc, …)``.

``to_dict``/``from_dict`` give the JSON shape published in
``veille/schema/analysis.schema.json``; a test keeps the two in step. Everything read from
outside (a Document from JSON, a gold file) goes through ``validated`` (``veille.validation``):
pydantic checks it against these same dataclasses, strictly, and a ContractError reports the
first problem in one line with its JSON path
(``entities[3].type: 'PERSON' is not one of 'PER', 'ORG', 'LOC' or 'MISC'``).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal, TypeVar, get_args

from veille.errors import ContractError
from veille.validation import json_kind, show, validated

SCHEMA = "veille.analysis/1"

EntityType = Literal["PER", "ORG", "LOC", "MISC"]
MentionKind = Literal["name", "description", "pronoun"]
QuoteKind = Literal["direct", "mixed", "indirect"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Gender = Literal["f", "m"]

ENTITY_TYPES: tuple[str, ...] = get_args(EntityType)
QUOTE_KINDS: tuple[str, ...] = get_args(QuoteKind)
TIMEX_TYPES: tuple[str, ...] = get_args(TimexType)
EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE",
    "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN",
    "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip
EVENT_TYPES: tuple[str, ...] = get_args(EventType)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the cleaned text; headings are short lines with no final punctuation."""

    start: int
    end: int
    heading: bool = False


@dataclass(frozen=True)
class Article:
    """One news article. ``text`` is raw at ingest and cleaned after analysis."""

    id: str
    text: str
    date: str | None = None  # ISO YYYY-MM-DD, the publication day
    lang: str | None = None  # ISO 639-1; None until the pipeline reads or detects it
    title: str | None = None
    source: str | None = None  # file name or feed the article came from
    url: str | None = None
    paragraphs: tuple[Paragraph, ...] = ()


@dataclass(frozen=True)
class Span:
    """A piece of the text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """One place where an entity is named, described or pronominalised."""

    start: int
    end: int
    text: str
    kind: MentionKind = "name"
    stands_for: str | None = None  # country metonymy: Moscou acting for RUS


@dataclass(frozen=True)
class Role:
    """A title the text (or the KB) gives a person: ministre des Affaires étrangères of UKR."""

    title: str
    of: str | None = None  # ISO 3166 alpha-3, or an entity/KB id for organisations
    start: str | None = None  # ISO date the role began, where known (KB)
    end: str | None = None


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: EntityType
    mentions: tuple[Mention, ...] = ()
    kb_id: str | None = None
    country: str | None = None  # ISO 3166 alpha-3
    roles: tuple[Role, ...] = ()
    gender: Gender | None = None  # grammatical gender from a title or first name
    group: bool = False  # a group tied to a country (les Russes), not a single actor


@dataclass(frozen=True)
class Quote:
    id: str
    kind: QuoteKind
    text: str  # the quoted content without the marks
    start: int
    end: int
    speaker: str | None = None  # entity id
    speaker_mention: Span | None = None
    cue: str | None = None  # lemma of the reporting verb, or "selon"
    date: str | None = None  # when it was said, from the clause's time expression


@dataclass(frozen=True)
class Timex:
    text: str
    start: int
    end: int
    type: TimexType
    value: str
    quant: str | None = None  # "EVERY" for sets
    anchored: bool = True  # False when the value could not use the article date
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, LESS_THAN, MORE_THAN, EQUAL_OR_MORE…


@dataclass(frozen=True)
class Event:
    id: str
    type: str  # one of EVENT_TYPES (checked by Document.from_json)
    start: int  # the sentence that states it
    end: int
    trigger: str
    source: tuple[str, ...] = ()  # entity ids of the actors
    target: tuple[str, ...] = ()  # entity ids of the recipients
    mode: str | None = None
    date: str | None = None
    date_from: Literal["timex", "article"] | None = None
    location: str | None = None  # entity id of the place
    negated: bool = False
    modality: Literal["asserted", "planned", "hypothetical"] = "asserted"
    quoted: bool = False  # reported inside a quotation
    trigger_start: int | None = None
    trigger_end: int | None = None
    amounts: tuple[int, ...] = ()  # indexes into Document.amounts


@dataclass(frozen=True)
class Amount:
    text: str
    start: int
    end: int
    value: float | None = None
    currency: str | None = None  # ISO 4217
    magnitude: str | None = None  # order of magnitude as "1e8"
    unit: str | None = None  # for quantities that are not money (tonnes, soldats)


@dataclass(frozen=True)
class Document:
    article: Article
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timexes: tuple[Timex, ...] = ()
    events: tuple[Event, ...] = ()
    amounts: tuple[Amount, ...] = ()
    schema: str = SCHEMA

    def entity(self, entity_id: str) -> Entity | None:
        """Return the entity with this id, or None."""
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        return None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready ``veille.analysis/1`` object."""
        data = to_dict(self)
        # The contract puts the schema tag first, so readers see the version at once.
        return {"schema": data.pop("schema"), **data}

    @classmethod
    def from_dict(cls, data: Any, *, where: str | None = None) -> Document:
        """Build a Document from its ``veille.analysis/1`` object; raise ContractError (one line,
        naming the JSON path, prefixed by ``where``) when it is not one."""
        if not isinstance(data, dict):
            raise ContractError(f"expected a {SCHEMA} object, got {json_kind(data)}", where=where)
        # Said first and plainly: another schema's object fails on some field after it.
        if data.get("schema") != SCHEMA:
            raise ContractError(f"schema: expected {SCHEMA!r}, got {show(data.get('schema'))}", where=where)
        doc = validated(cls, json.dumps(data, ensure_ascii=False), where=where)
        problem = check_document(doc)
        if problem is not None:
            raise ContractError(problem, where=where)
        return doc

    @classmethod
    def from_json(cls, text: str | bytes, *, where: str | None = None) -> Document:
        """Build a Document from its ``veille.analysis/1`` JSON text; raise ContractError,
        naming the path, when it is not one."""
        try:
            data = json.loads(text)
        except ValueError as error:  # not JSON, or not UTF-8
            raise ContractError(f"not JSON: {error}", where=where) from None
        return cls.from_dict(data, where=where)


def check_document(doc: Document) -> str | None:
    """Return what valid types can still get wrong (``path: reason``), or None when all is well.

    Offsets lie inside the text and slice to the text they claim; an event's type is one of the
    16 (the model keeps ``Event.type`` a plain string for the stages); the entity ids a quote or
    an event names, and an event's amount indexes, exist in the document.
    """
    length = len(doc.article.text)
    for path, start, end, text in _spans(doc):
        if start is None or end is None:
            continue
        if not 0 <= start <= end <= length:
            return f"{path}: offsets {start}..{end} are not inside the text (0..{length})"
        if text is not None and doc.article.text[start:end] != text:
            found = doc.article.text[start:end]
            return f"{path}.text: {show(text)} is not article.text[{start}:{end}] ({show(found)})"
    ids = {entity.id for entity in doc.entities}
    for i, quote in enumerate(doc.quotes):
        if quote.speaker is not None and quote.speaker not in ids:
            return f"quotes[{i}].speaker: {show(quote.speaker)} is not the id of an entity"
    for i, event in enumerate(doc.events):
        if event.type not in EVENT_TYPES:
            return f"events[{i}].type: {show(event.type)} is not one of {', '.join(EVENT_TYPES)}"
        refs = [(f"source[{j}]", ref) for j, ref in enumerate(event.source)]
        refs += [(f"target[{j}]", ref) for j, ref in enumerate(event.target)]
        refs += [("location", event.location)] if event.location is not None else []
        for key, ref in refs:
            if ref not in ids:
                return f"events[{i}].{key}: {show(ref)} is not the id of an entity"
        for j, index in enumerate(event.amounts):
            if not 0 <= index < len(doc.amounts):
                return f"events[{i}].amounts[{j}]: {index} is not the index of an amount"
    return None


def _spans(doc: Document) -> Iterator[tuple[str, int | None, int | None, str | None]]:
    """Yield (path, start, end, text) of every offset pair of a document; text where it must match."""
    for i, paragraph in enumerate(doc.article.paragraphs):
        yield f"article.paragraphs[{i}]", paragraph.start, paragraph.end, None
    for i, entity in enumerate(doc.entities):
        for j, mention in enumerate(entity.mentions):
            yield f"entities[{i}].mentions[{j}]", mention.start, mention.end, mention.text
    for i, quote in enumerate(doc.quotes):
        yield f"quotes[{i}]", quote.start, quote.end, quote.text
        speaker = quote.speaker_mention
        if speaker is not None:
            yield f"quotes[{i}].speaker_mention", speaker.start, speaker.end, speaker.text
    for i, timex in enumerate(doc.timexes):
        yield f"timexes[{i}]", timex.start, timex.end, timex.text
    for i, event in enumerate(doc.events):
        yield f"events[{i}]", event.start, event.end, None
        yield f"events[{i}].trigger_start", event.trigger_start, event.trigger_end, None
    for i, amount in enumerate(doc.amounts):
        yield f"amounts[{i}]", amount.start, amount.end, amount.text


T = TypeVar("T")


def to_dict(obj: Any) -> Any:
    """Turn a dataclass (recursively) into plain JSON types; tuples become lists."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (tuple, list)):
        return [to_dict(item) for item in obj]
    return obj


def from_dict(cls: type[T], data: Any) -> T:
    """Build dataclass ``cls`` from a dict made by ``to_dict``; raise ContractError."""
    return validated(cls, json.dumps(data, ensure_ascii=False))


def fields_of(cls: type) -> tuple[str, ...]:
    """Return the field names of a model dataclass (used by the schema test)."""
    return tuple(f.name for f in dataclasses.fields(cls))


@dataclass(frozen=True)
class Failure:
    """An input that could not become a Document: where it was and why."""

    where: str  # file name, or file:line for a JSONL record
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"
