"""The analysis contract, ``veille.analysis/1``, as frozen dataclasses.

Every offset is a character offset into ``Article.text`` (the cleaned text),
end exclusive. Collections are tuples so that a ``Document`` can be shared
between stages without copying; a stage returns ``dataclasses.replace(doc, …)``.

``to_dict``/``from_dict`` give the JSON shape published in
``veille/schema/analysis.schema.json``; a test keeps the two in step. Everything read from
outside (a Document from JSON, a gold file) goes through ``validated``: pydantic checks it
against these same dataclasses, strictly, and the first problem is reported with its path
(``entities[3].type: Input should be 'PER', 'ORG', 'LOC' or 'MISC'``).
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any, Literal, TypeVar, get_args

from pydantic import TypeAdapter, ValidationError

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
    def from_dict(cls, data: Any) -> Document:
        """Build a Document from its ``veille.analysis/1`` object; raise ContractError,
        naming the path, when it is not one."""
        return cls.from_json(json.dumps(data, ensure_ascii=False))

    @classmethod
    def from_json(cls, text: str | bytes) -> Document:
        """Build a Document from its ``veille.analysis/1`` JSON text; raise ContractError,
        naming the path, when it is not one."""
        doc = validated(cls, text)
        if doc.schema != SCHEMA:
            raise ContractError(f"schema: expected {SCHEMA!r}, got {doc.schema!r}")
        for n, event in enumerate(doc.events):
            if event.type not in EVENT_TYPES:
                raise ContractError(f"events[{n}].type: {event.type!r} is not a PLOVER type")
        return doc


T = TypeVar("T")


def to_dict(obj: Any) -> Any:
    """Turn a dataclass (recursively) into plain JSON types; tuples become lists."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (tuple, list)):
        return [to_dict(item) for item in obj]
    return obj


class ContractError(ValueError):
    """Input that is not what the contract says; the message names the path of the first problem."""


def validated(cls: type[T], text: str | bytes) -> T:
    """Validate JSON text against dataclass ``cls`` and build it; raise ContractError.

    Validation is strict (a string is not an offset, ``"yes"`` is not true) and follows the
    dataclasses' own types, so the contract has one definition. Unknown keys are ignored
    unless the class forbids them (``__pydantic_config__``).
    """
    try:
        return _adapter(cls).validate_json(text, strict=True)
    except ValidationError as error:
        first = error.errors()[0]
        raise ContractError(f"{json_path(first['loc'])}: {first['msg']}") from None


def json_path(loc: tuple[int | str, ...]) -> str:
    """Return a pydantic location as a JSON path: ``('entities', 3, 'type')`` → ``entities[3].type``."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(top)"


def _adapter(cls: type) -> TypeAdapter[Any]:
    adapter = _ADAPTERS.get(cls)
    if adapter is None:
        adapter = _ADAPTERS[cls] = TypeAdapter(cls)
    return adapter


_ADAPTERS: dict[type, TypeAdapter[Any]] = {}


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
