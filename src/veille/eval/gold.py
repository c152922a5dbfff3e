"""Read and validate gold files (``veille.gold/1``): what a perfect analysis of an article finds.

The format is described in ../shared/examples/ANNOTATION.md. The dataclasses below are the
format: pydantic validates a file against them (``veille.validation``, the door that analyses
come through too), then the checks a schema cannot make run (unique entity names, names that
refer to an entity). Every problem raises a GoldError naming the file and the field
(``entities[3].type``), so an annotator can fix it without reading this code. Unknown keys are
refused: a typo such as ``"optinal": true`` would otherwise silently turn an optional item
into a required one.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, ConfigDict, Field

from veille.errors import GoldError
from veille.model import EVENT_TYPES, EntityType, QuoteKind, TimexType
from veille.validation import show, validate

FORMAT = "veille.gold/1"
GOLD_SUFFIX = ".gold.json"

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_QID = re.compile(r"Q[1-9]\d*")
# Every gold type refuses keys it does not know: a typo must not pass for a default.
_STRICT = ConfigDict(extra="forbid")


def _text(value: str) -> str:
    if not value.strip():
        raise ValueError(f"expected a non-empty string, got {show(value)}")
    return value


def _day(value: str) -> str:
    if not _ISO_DAY.fullmatch(value):
        raise ValueError(f"expected a YYYY-MM-DD date, got {show(value)}")
    return value


def _qid(value: str) -> str:
    if not _QID.fullmatch(value):
        raise ValueError(f"expected a Wikidata id like Q7747, got {show(value)}")
    return value


def _event_type(value: str) -> str:
    if value not in EVENT_TYPES:
        raise ValueError(f"{show(value)} is not one of {', '.join(EVENT_TYPES)}")
    return value


Text = Annotated[str, AfterValidator(_text)]
Day = Annotated[str, AfterValidator(_day)]
Qid = Annotated[str, AfterValidator(_qid)]
EventType = Annotated[str, AfterValidator(_event_type)]
Occurrence = Annotated[int, Field(ge=1)]  # nth exact (case-sensitive) occurrence of the text
Names = Annotated[tuple[Text, ...], Field(min_length=1)]  # names of gold entities, at least one


@dataclass(frozen=True)
class GoldArticle:
    __pydantic_config__: ClassVar[ConfigDict] = _STRICT

    file: Text  # the article's text file, looked up beside the gold file or in --texts
    date: Day | None = None
    lang: Text = "fr"


@dataclass(frozen=True)
class GoldEntity:
    __pydantic_config__: ClassVar[ConfigDict] = _STRICT

    name: Text
    type: EntityType
    mentions: tuple[Text, ...] = ()
    descriptions: tuple[Text, ...] = ()
    roles: tuple[Text, ...] = ()
    qid: Qid | None = None
    optional: bool = False

    @property
    def forms(self) -> tuple[str, ...]:
        """Return every surface form that must end up in one entity: names, then descriptions."""
        return self.mentions + self.descriptions


@dataclass(frozen=True)
class GoldQuote:
    __pydantic_config__: ClassVar[ConfigDict] = _STRICT

    text: Text
    speaker: Text  # the name of a gold entity
    kind: QuoteKind
    optional: bool = False
    occurrence: Occurrence | None = None


@dataclass(frozen=True)
class GoldTimex:
    __pydantic_config__: ClassVar[ConfigDict] = _STRICT

    text: Text
    value: Text
    type: TimexType = "DATE"
    accept: tuple[Text, ...] = ()
    occurrence: Occurrence | None = None  # nth exact (case-sensitive) occurrence of text in the body
    optional: bool = False

    @property
    def values(self) -> frozenset[str]:
        """Return every value a system may give: the gold value and its accepted alternatives."""
        return frozenset((self.value, *self.accept))


@dataclass(frozen=True)
class GoldEvent:
    __pydantic_config__: ClassVar[ConfigDict] = _STRICT

    type: EventType
    source: Names
    target: Names
    date: Text | None = None
    date_optional: bool = False
    location: Text | None = None  # the name of a gold entity
    mode: Text | None = None
    symmetric: bool = False
    source_any: bool = False
    target_any: bool = False
    accept_types: tuple[EventType, ...] = ()
    optional: bool = False

    @property
    def types(self) -> frozenset[str]:
        """Return every event type a system may give."""
        return frozenset((self.type, *self.accept_types))


@dataclass(frozen=True)
class GoldFile:
    """A gold file as written: what :func:`parse_gold` validates before it checks the names."""

    __pydantic_config__: ClassVar[ConfigDict] = _STRICT

    format: Literal["veille.gold/1"]
    article: GoldArticle
    notes: str | None = None
    entities: tuple[GoldEntity, ...] = ()
    quotes: tuple[GoldQuote, ...] = ()
    timexes: tuple[GoldTimex, ...] = ()
    events: tuple[GoldEvent, ...] = ()


@dataclass(frozen=True)
class Gold:
    """One article's reference analysis."""

    path: Path
    article: GoldArticle
    entities: tuple[GoldEntity, ...] = ()
    quotes: tuple[GoldQuote, ...] = ()
    timexes: tuple[GoldTimex, ...] = ()
    events: tuple[GoldEvent, ...] = ()
    notes: str | None = None

    @property
    def name(self) -> str:
        """Return the article's name: the gold file name without ``.gold.json``."""
        name = self.path.name
        return name[: -len(GOLD_SUFFIX)] if name.endswith(GOLD_SUFFIX) else self.path.stem


def load_gold(path: Path) -> Gold:
    """Read one gold file; raise GoldError naming the file and the field when it is not valid."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise GoldError(f"cannot read: {error.strerror}", where=str(path)) from None
    except UnicodeDecodeError:
        raise GoldError("not UTF-8 text", where=str(path)) from None
    except json.JSONDecodeError as error:
        raise GoldError(f"not JSON: {error.msg} at line {error.lineno}", where=str(path)) from None
    return parse_gold(data, path)


def parse_gold(data: Any, path: Path) -> Gold:
    """Validate a decoded gold object and build its Gold; raise GoldError naming the field."""
    where = str(path)
    if isinstance(data, dict) and data.get("format") != FORMAT:
        # Said first and plainly: a file of another format fails on every key after it.
        raise GoldError(f"format: expected {FORMAT!r}, got {show(data.get('format'))}", where=where)
    gold = validate(GoldFile, data, where=where, error=GoldError)
    _check_names(gold, where)
    return Gold(path, gold.article, gold.entities, gold.quotes, gold.timexes, gold.events, gold.notes)


def _check_names(gold: GoldFile, where: str) -> None:
    """Check what a schema cannot: unique entity names, and names that refer to a gold entity."""

    def fail(field: str, reason: str) -> None:
        raise GoldError(f"{field}: {reason}", where=where)

    names = [entity.name for entity in gold.entities]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        fail("entities", f"entity names must be unique; repeated: {', '.join(duplicates)}")
    for i, entity in enumerate(gold.entities):
        if not entity.forms:
            fail(f"entities[{i}].mentions", "an entity needs at least one mention or description")
    known = frozenset(names)

    def check(name: str | None, field: str) -> None:
        if name is not None and name not in known:
            fail(field, f"{name!r} is not the name of a gold entity")

    for i, quote in enumerate(gold.quotes):
        check(quote.speaker, f"quotes[{i}].speaker")
    for i, event in enumerate(gold.events):
        for key in ("source", "target"):
            for j, name in enumerate(getattr(event, key)):
                check(name, f"events[{i}].{key}[{j}]")
        check(event.location, f"events[{i}].location")
