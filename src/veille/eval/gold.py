"""Read and validate gold files (``veille.gold/1``): what a perfect analysis of an article finds.

The format is described in ../shared/examples/ANNOTATION.md. Every problem raises a
GoldError naming the file and the field (``entities[3].type``), so an annotator can fix
it without reading this code. Unknown keys are refused too: a typo such as
``"optinal": true`` would otherwise silently turn an optional item into a required one.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from veille.errors import GoldError
from veille.model import ENTITY_TYPES, EVENT_TYPES, QUOTE_KINDS, TIMEX_TYPES

FORMAT = "veille.gold/1"
GOLD_SUFFIX = ".gold.json"

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_QID = re.compile(r"Q[1-9]\d*")


@dataclass(frozen=True)
class GoldArticle:
    file: str  # the article's text file, looked up beside the gold file or in --texts
    date: str | None = None
    lang: str = "fr"


@dataclass(frozen=True)
class GoldEntity:
    name: str
    type: str
    mentions: tuple[str, ...] = ()
    descriptions: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    qid: str | None = None
    optional: bool = False

    @property
    def forms(self) -> tuple[str, ...]:
        """Return every surface form that must end up in one entity: names, then descriptions."""
        return self.mentions + self.descriptions


@dataclass(frozen=True)
class GoldQuote:
    text: str
    speaker: str  # the name of a gold entity
    kind: str
    optional: bool = False
    occurrence: int | None = None


@dataclass(frozen=True)
class GoldTimex:
    text: str
    value: str
    type: str = "DATE"
    accept: tuple[str, ...] = ()
    occurrence: int | None = None  # nth exact (case-sensitive) occurrence of text in the body
    optional: bool = False

    @property
    def values(self) -> frozenset[str]:
        """Return every value a system may give: the gold value and its accepted alternatives."""
        return frozenset((self.value, *self.accept))


@dataclass(frozen=True)
class GoldEvent:
    type: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    date: str | None = None
    date_optional: bool = False
    location: str | None = None
    mode: str | None = None
    symmetric: bool = False
    source_any: bool = False
    target_any: bool = False
    accept_types: tuple[str, ...] = ()
    optional: bool = False

    @property
    def types(self) -> frozenset[str]:
        """Return every event type a system may give."""
        return frozenset((self.type, *self.accept_types))


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
    """Validate a decoded gold object and build its Gold."""
    reader = _Reader(str(path))
    top = reader.object(data, "", ("format", "article", "notes", "entities", "quotes", "timexes", "events"))
    if top.get("format") != FORMAT:
        reader.fail("format", f"expected {FORMAT!r}, got {top.get('format')!r}")
    article_data = reader.object(reader.required(top, "article", ""), "article", ("file", "date", "lang"))
    article = GoldArticle(
        file=reader.text(reader.required(article_data, "file", "article"), "article.file"),
        date=reader.day(article_data.get("date"), "article.date"),
        lang=reader.text(article_data.get("lang", "fr"), "article.lang"),
    )
    entities = tuple(
        reader.entity(item, f"entities[{i}]") for i, item in enumerate(reader.items(top, "entities"))
    )
    names = [entity.name for entity in entities]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        reader.fail("entities", f"entity names must be unique; repeated: {', '.join(duplicates)}")
    known = frozenset(names)
    quotes = tuple(
        reader.quote(item, f"quotes[{i}]", known) for i, item in enumerate(reader.items(top, "quotes"))
    )
    timexes = tuple(
        reader.timex(item, f"timexes[{i}]") for i, item in enumerate(reader.items(top, "timexes"))
    )
    events = tuple(
        reader.event(item, f"events[{i}]", known) for i, item in enumerate(reader.items(top, "events"))
    )
    notes = top.get("notes")
    return Gold(path, article, entities, quotes, timexes, events, notes if isinstance(notes, str) else None)


class _Reader:
    """Typed access to a decoded gold object; every failure names the file and the field."""

    def __init__(self, where: str) -> None:
        self.where = where

    def fail(self, field: str, reason: str) -> NoReturn:
        raise GoldError(f"{field}: {reason}" if field else reason, where=self.where)

    def object(self, value: Any, field: str, allowed: tuple[str, ...]) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(field, f"expected an object, got {_kind(value)}")
        unknown = sorted(set(value) - set(allowed))
        if unknown:
            self.fail(_join(field, unknown[0]), f"unknown key (allowed: {', '.join(allowed)})")
        return value

    def required(self, data: dict[str, Any], key: str, field: str) -> Any:
        if key not in data:
            self.fail(_join(field, key), "missing")
        return data[key]

    def items(self, data: dict[str, Any], key: str) -> list[Any]:
        value = data.get(key, [])
        if not isinstance(value, list):
            self.fail(key, f"expected a list, got {_kind(value)}")
        return value

    def text(self, value: Any, field: str) -> str:
        if not isinstance(value, str) or not value.strip():
            self.fail(field, f"expected a non-empty string, got {_kind(value)}")
        return value

    def texts(self, data: dict[str, Any], key: str, field: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list):
            self.fail(_join(field, key), f"expected a list of strings, got {_kind(value)}")
        return tuple(self.text(item, f"{_join(field, key)}[{i}]") for i, item in enumerate(value))

    def flag(self, data: dict[str, Any], key: str, field: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            self.fail(_join(field, key), f"expected true or false, got {_kind(value)}")
        return value

    def choice(self, value: Any, field: str, choices: tuple[str, ...]) -> str:
        if value not in choices:
            self.fail(field, f"{value!r} is not one of {', '.join(choices)}")
        return value

    def day(self, value: Any, field: str) -> str | None:
        if value is not None and not (isinstance(value, str) and _ISO_DAY.fullmatch(value)):
            self.fail(field, f"expected a YYYY-MM-DD date, got {value!r}")
        return value

    def occurrence(self, data: dict[str, Any], field: str) -> int | None:
        value = data.get("occurrence")
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            self.fail(_join(field, "occurrence"), f"expected a whole number ≥ 1, got {value!r}")
        return value

    def name(self, value: Any, field: str, known: frozenset[str]) -> str:
        name = self.text(value, field)
        if name not in known:
            self.fail(field, f"{name!r} is not the name of a gold entity")
        return name

    def names(self, data: dict[str, Any], key: str, field: str, known: frozenset[str]) -> tuple[str, ...]:
        value = self.required(data, key, field)
        if not isinstance(value, list) or not value:
            self.fail(_join(field, key), f"expected a non-empty list of entity names, got {_kind(value)}")
        return tuple(self.name(item, f"{_join(field, key)}[{i}]", known) for i, item in enumerate(value))

    def entity(self, value: Any, field: str) -> GoldEntity:
        keys = ("name", "type", "mentions", "descriptions", "roles", "qid", "optional")
        data = self.object(value, field, keys)
        qid = data.get("qid")
        if qid is not None and not (isinstance(qid, str) and _QID.fullmatch(qid)):
            self.fail(_join(field, "qid"), f"expected a Wikidata id like Q7747, got {qid!r}")
        entity = GoldEntity(
            name=self.text(self.required(data, "name", field), _join(field, "name")),
            type=self.choice(self.required(data, "type", field), _join(field, "type"), ENTITY_TYPES),
            mentions=self.texts(data, "mentions", field),
            descriptions=self.texts(data, "descriptions", field),
            roles=self.texts(data, "roles", field),
            qid=qid,
            optional=self.flag(data, "optional", field),
        )
        if not entity.forms:
            self.fail(_join(field, "mentions"), "an entity needs at least one mention or description")
        return entity

    def quote(self, value: Any, field: str, known: frozenset[str]) -> GoldQuote:
        data = self.object(value, field, ("text", "speaker", "kind", "optional", "occurrence"))
        return GoldQuote(
            text=self.text(self.required(data, "text", field), _join(field, "text")),
            speaker=self.name(self.required(data, "speaker", field), _join(field, "speaker"), known),
            kind=self.choice(self.required(data, "kind", field), _join(field, "kind"), QUOTE_KINDS),
            optional=self.flag(data, "optional", field),
            occurrence=self.occurrence(data, field),
        )

    def timex(self, value: Any, field: str) -> GoldTimex:
        data = self.object(value, field, ("text", "value", "type", "accept", "occurrence", "optional"))
        return GoldTimex(
            text=self.text(self.required(data, "text", field), _join(field, "text")),
            value=self.text(self.required(data, "value", field), _join(field, "value")),
            type=self.choice(data.get("type", "DATE"), _join(field, "type"), TIMEX_TYPES),
            accept=self.texts(data, "accept", field),
            occurrence=self.occurrence(data, field),
            optional=self.flag(data, "optional", field),
        )

    def event(self, value: Any, field: str, known: frozenset[str]) -> GoldEvent:
        keys = (
            "type",
            "source",
            "target",
            "date",
            "date_optional",
            "location",
            "mode",
            "symmetric",
            "source_any",
            "target_any",
            "accept_types",
            "optional",
        )
        data = self.object(value, field, keys)
        location = data.get("location")
        mode = data.get("mode")
        date = data.get("date")
        return GoldEvent(
            type=self.choice(self.required(data, "type", field), _join(field, "type"), EVENT_TYPES),
            source=self.names(data, "source", field, known),
            target=self.names(data, "target", field, known),
            date=None if date is None else self.text(date, _join(field, "date")),
            date_optional=self.flag(data, "date_optional", field),
            location=None if location is None else self.name(location, _join(field, "location"), known),
            mode=None if mode is None else self.text(mode, _join(field, "mode")),
            symmetric=self.flag(data, "symmetric", field),
            source_any=self.flag(data, "source_any", field),
            target_any=self.flag(data, "target_any", field),
            accept_types=tuple(
                self.choice(t, f"{_join(field, 'accept_types')}[{i}]", EVENT_TYPES)
                for i, t in enumerate(self.texts(data, "accept_types", field))
            ),
            optional=self.flag(data, "optional", field),
        )


def _join(field: str, key: str) -> str:
    return f"{field}.{key}" if field else key


def _kind(value: Any) -> str:
    return "null" if value is None else type(value).__name__
