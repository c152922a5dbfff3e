"""Read and validate gold files (``veille.gold/1``): what a perfect analysis of an article finds.

The format is described in ../shared/examples/ANNOTATION.md. A gold file is validated the
way a Document is (``veille.model.validated``: pydantic over the dataclasses below, strict),
then for what types cannot say: unique entity names, speakers and parties that name a gold
entity, at least one form per entity. Every problem raises a GoldError naming the file and
the field (``entities[3].type``), so an annotator can fix it without reading this code.
Unknown keys are refused too: a typo such as ``"optinal": true`` would otherwise silently
turn an optional item into a required one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

from pydantic import ConfigDict, Field, StringConstraints

from veille.errors import GoldError
from veille.model import ContractError, EntityType, EventType, QuoteKind, TimexType, validated

FORMAT = "veille.gold/1"
GOLD_SUFFIX = ".gold.json"

_STRICT = ConfigDict(extra="forbid")
Text = Annotated[str, StringConstraints(pattern=r"\S")]  # a non-empty string
Day = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")]
Qid = Annotated[str, StringConstraints(pattern=r"^Q[1-9]\d*$")]
Occurrence = Annotated[int, Field(ge=1)]
Names = Annotated[tuple[Text, ...], Field(min_length=1)]


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
    location: Text | None = None
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
    """A gold file as written: the JSON object, validated."""

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
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise GoldError(f"cannot read: {error.strerror}", where=str(path)) from None
    except UnicodeDecodeError:
        raise GoldError("not UTF-8 text", where=str(path)) from None
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        raise GoldError(f"not JSON: {error.msg} at line {error.lineno}", where=str(path)) from None
    return _checked(text, path)


def parse_gold(data: Any, path: Path) -> Gold:
    """Validate a decoded gold object and build its Gold."""
    return _checked(json.dumps(data, ensure_ascii=False), path)


def _checked(text: str, path: Path) -> Gold:
    try:
        gold = validated(GoldFile, text)
    except ContractError as error:
        raise GoldError(str(error), where=str(path)) from None
    problem = _references(gold)
    if problem is not None:
        raise GoldError(problem, where=str(path))
    return Gold(path, gold.article, gold.entities, gold.quotes, gold.timexes, gold.events, gold.notes)


def _references(gold: GoldFile) -> str | None:
    """Return what types cannot check: unique names, forms, and names that refer to entities."""
    names = [entity.name for entity in gold.entities]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        return f"entities: entity names must be unique; repeated: {', '.join(repeated)}"
    for n, entity in enumerate(gold.entities):
        if not entity.forms:
            return f"entities[{n}].mentions: an entity needs at least one mention or description"
    known = frozenset(names)
    refs = [(f"quotes[{n}].speaker", q.speaker) for n, q in enumerate(gold.quotes)]
    for n, event in enumerate(gold.events):
        refs += [(f"events[{n}].source[{k}]", name) for k, name in enumerate(event.source)]
        refs += [(f"events[{n}].target[{k}]", name) for k, name in enumerate(event.target)]
        if event.location is not None:
            refs.append((f"events[{n}].location", event.location))
    for where, name in refs:
        if name not in known:
            return f"{where}: {name!r} is not the name of a gold entity"
    return None
