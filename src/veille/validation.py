"""Validate JSON at the door: analyses (``veille.analysis/1``) and gold files (``veille.gold/1``).

pydantic checks a decoded object against the dataclasses themselves (``veille.model``, and the
gold types of ``veille.eval.gold``), so there is no second copy of the fields to drift. It runs
in strict mode: ``"27"`` is not an offset and ``1`` is not ``true``. Every failure becomes one
line that names the JSON path which failed, as an annotator or a script writer reads it::

    entities[3].type: 'PERSON' is not one of 'PER', 'ORG', 'LOC' or 'MISC'

After the shape, :func:`load_document` checks what a schema cannot say: offsets fall inside
the text and slice to the text they claim, and the ids a quote or an event refers to are
entities of the same document.
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Iterable
from functools import cache
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin, get_type_hints

import pydantic_core
from pydantic import TypeAdapter, ValidationError

from veille.errors import InputError, VeilleError
from veille.model import EVENT_TYPES, SCHEMA, Document

T = TypeVar("T")

# What a JSON value is called in a message: the reader wrote JSON, not Python.
_JSON_KINDS = {
    type(None): "null", bool: "true/false", int: "a number", float: "a number", str: "a string",
    list: "a list", dict: "an object",
}  # fmt: skip
_EXPECTED = {
    "string_type": "a string",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "tuple_type": "a list",
    "list_type": "a list",
    "dataclass_type": "an object",
    "dict_type": "an object",
    "model_type": "an object",
}


def adapter(cls: type[T]) -> TypeAdapter[T]:
    """Return the (cached) pydantic validator of a dataclass: built once, used for every record."""
    return _adapter(cls)  # type: ignore[arg-type]


@cache
def _adapter(cls: Any) -> TypeAdapter[Any]:
    return TypeAdapter(cls)


def validate(
    cls: type[T], data: Any, *, where: str | None = None, error: type[VeilleError] = InputError
) -> T:
    """Build dataclass ``cls`` from decoded JSON, or raise ``error`` naming the path that failed.

    Unknown keys are ignored unless the dataclass forbids them (``extra="forbid"``).
    """
    try:
        # Strict validation of Python objects would want tuples and dataclass instances; the
        # same data as JSON text is validated strictly with JSON's own types (arrays, objects).
        payload = pydantic_core.to_json(data)
    except pydantic_core.PydanticSerializationError as failure:
        raise error(f"not JSON data: {failure}", where=where) from None
    try:
        return adapter(cls).validate_json(payload, strict=True)
    except ValidationError as failure:
        raise error(describe(failure, cls), where=where) from None


def describe(failure: ValidationError, cls: type | None = None) -> str:
    """Return one line for a pydantic failure: the first error's path and reason, and how many more.

    An unknown key also lists the keys allowed there (``cls`` is the validated dataclass), so a
    typo such as ``optinal`` is fixed without reading the code.
    """
    errors = failure.errors(include_url=False)
    first = errors[0]
    where = json_path(first["loc"])
    text = reason(first)
    if text == "unknown key" and cls is not None:
        allowed = _fields_at(cls, first["loc"][:-1])
        if allowed:
            text += f" (allowed: {', '.join(allowed)})"
    line = f"{where}: {text}" if where else text
    if len(errors) > 1:
        line += f" (and {len(errors) - 1} more error{'s' if len(errors) > 2 else ''})"
    return line


def _fields_at(cls: Any, loc: Iterable[int | str]) -> tuple[str, ...]:
    """Return the field names of the dataclass found at ``loc`` inside ``cls`` (empty if none)."""
    hint: Any = cls
    for part in loc:
        hint = _unwrap(hint)
        if isinstance(part, int) and get_origin(hint) is tuple:
            hint = get_args(hint)[0]
        elif isinstance(part, str) and dataclasses.is_dataclass(hint):
            hint = get_type_hints(hint, include_extras=True).get(part)
        else:
            return ()
    hint = _unwrap(hint)
    return tuple(f.name for f in dataclasses.fields(hint)) if dataclasses.is_dataclass(hint) else ()


def _unwrap(hint: Any) -> Any:
    """Strip ``Annotated[...]`` and ``X | None`` down to X."""
    while True:
        origin = get_origin(hint)
        if origin is Annotated:
            hint = get_args(hint)[0]
        elif origin in (Union, types.UnionType):
            options = [a for a in get_args(hint) if a is not type(None)]
            if len(options) != 1:
                return hint
            hint = options[0]
        else:
            return hint


def json_path(loc: Iterable[int | str]) -> str:
    """Write a pydantic location as a JSON path: ``('entities', 3, 'type')`` → ``entities[3].type``."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path


def reason(error: Any) -> str:
    """Say what is wrong with one value, in the words of the JSON the reader wrote."""
    kind = error["type"]
    value = error.get("input")
    context = error.get("ctx") or {}
    if kind == "missing":
        return "missing"
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        return "unknown key"
    if kind == "literal_error":
        return f"{show(value)} is not one of {context.get('expected', '?')}"
    if kind == "value_error":
        return str(context.get("error", error["msg"]))
    if kind in ("greater_than_equal", "greater_than"):
        bound = context.get("ge", context.get("gt"))
        sign = "≥" if kind == "greater_than_equal" else ">"
        return f"expected a whole number {sign} {bound}, got {show(value)}"
    if kind == "too_short":
        return f"expected at least {context.get('min_length')} item(s), got {context.get('actual_length')}"
    if kind in _EXPECTED:
        return f"expected {_EXPECTED[kind]}, got {json_kind(value)}"
    return f"{error['msg'][0].lower()}{error['msg'][1:]}, got {show(value)}"


def json_kind(value: Any) -> str:
    """Name the JSON kind of a value: a string, a number, a list, an object, null, true/false."""
    return _JSON_KINDS.get(type(value), type(value).__name__)


def show(value: Any, width: int = 40) -> str:
    """Quote a value on one line, cut to ``width`` characters (a field may hold a whole article)."""
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


# --- veille.analysis/1 ------------------------------------------------------------------------------------


def load_document(data: Any, *, where: str | None = None) -> Document:
    """Validate a decoded ``veille.analysis/1`` object and build its Document.

    Raise InputError with one line naming the JSON path that failed, e.g.
    ``entities[3].type: 'PERSON' is not one of 'PER', 'ORG', 'LOC' or 'MISC'``.
    """
    if not isinstance(data, dict):
        raise InputError(f"expected a {SCHEMA} object, got {json_kind(data)}", where=where)
    if data.get("schema") != SCHEMA:
        raise InputError(f"schema: expected {SCHEMA!r}, got {show(data.get('schema'))}", where=where)
    document = validate(Document, data, where=where)
    problem = check_document(document)
    if problem:
        raise InputError(problem, where=where)
    return document


def check_document(doc: Document) -> str | None:
    """Return what a valid shape can still get wrong (``path: reason``), or None when all is well.

    Event types are checked here, not in the dataclass: the model keeps ``Event.type`` a plain
    string for the stages, and the contract's 16 PLOVER types are enforced at the door.
    """
    length = len(doc.article.text)
    ids = {entity.id for entity in doc.entities}
    for path, start, end, text in _spans(doc):
        if start is None or end is None:
            continue
        if not 0 <= start <= end <= length:
            return f"{path}: offsets {start}..{end} are not inside the text (0..{length})"
        if text is not None and doc.article.text[start:end] != text:
            found = doc.article.text[start:end]
            return f"{path}.text: {show(text)} is not article.text[{start}:{end}] ({show(found)})"
    for i, quote in enumerate(doc.quotes):
        if quote.speaker is not None and quote.speaker not in ids:
            return f"quotes[{i}].speaker: {show(quote.speaker)} is not the id of an entity"
    for i, event in enumerate(doc.events):
        if event.type not in EVENT_TYPES:
            return f"events[{i}].type: {show(event.type)} is not one of {', '.join(EVENT_TYPES)}"
        for key in ("source", "target"):
            for j, ref in enumerate(getattr(event, key)):
                if ref not in ids:
                    return f"events[{i}].{key}[{j}]: {show(ref)} is not the id of an entity"
        if event.location is not None and event.location not in ids:
            return f"events[{i}].location: {show(event.location)} is not the id of an entity"
        for j, index in enumerate(event.amounts):
            if not 0 <= index < len(doc.amounts):
                return f"events[{i}].amounts[{j}]: {index} is not the index of an amount"
    return None


def _spans(doc: Document) -> Iterable[tuple[str, int | None, int | None, str | None]]:
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
