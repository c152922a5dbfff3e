"""Validate JSON at the door against dataclasses, and say what failed in one line.

pydantic checks JSON text against the dataclasses themselves (the contract's in
``veille.model``, the gold format's in ``veille.eval.gold``), so there is no second copy of
the fields to drift. It runs in strict mode: ``"27"`` is not an offset and ``1`` is not
``true``. Every failure becomes one ContractError line that names the JSON path which
failed, in the words of the JSON the reader wrote::

    entities[3].type: 'PERSON' is not one of 'PER', 'ORG', 'LOC' or 'MISC'

This module sits beside ``model`` and ``errors`` at the base: it imports nothing else from veille.
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Iterable
from functools import cache
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin, get_type_hints

from pydantic import TypeAdapter, ValidationError

from veille.errors import ContractError, VeilleError

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


def validated(
    cls: type[T], text: str | bytes, *, where: str | None = None, error: type[VeilleError] = ContractError
) -> T:
    """Validate JSON text against dataclass ``cls`` and build it, or raise ``error`` naming the path.

    Unknown keys are ignored unless the dataclass forbids them (``__pydantic_config__``).
    """
    try:
        return adapter(cls).validate_json(text, strict=True)
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
    if kind == "json_invalid":
        return f"not JSON: {context.get('error', error['msg'])}"
    if kind == "string_pattern_mismatch" and context.get("pattern") == r"\S":
        return f"expected a non-empty string, got {show(value)}"
    if kind == "string_pattern_mismatch":
        return f"{show(value)} does not have the form {context.get('pattern')}"
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
