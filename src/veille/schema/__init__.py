"""The published JSON Schema of ``veille.analysis/1``, generated from the model.

``python -m veille.schema --write`` regenerates ``analysis.schema.json``; a test
checks that the committed file equals what the model generates, so the two never drift.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import types
from importlib import resources
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from veille import model

SCHEMA_FILE = "analysis.schema.json"

# What each field means, for readers of the schema; the meanings are fixed by DESIGN.md §2.
DESCRIPTIONS: dict[str, str] = {
    "Article.text": "The cleaned text; every offset in the analysis indexes into it.",
    "Article.date": "Publication day, ISO 8601 (YYYY-MM-DD), or null when unknown.",
    "Entity.kb_id": "Wikidata QID (Q7747) or a KB-local id; null when unlinked.",
    "Entity.country": "ISO 3166-1 alpha-3 code.",
    "Mention.kind": "name, description (le président russe) or pronoun (where a quote speaker needed it).",
    "Mention.stands_for": "Country (ISO alpha-3) a place stands for where it acts (Moscou → RUS).",
    "Quote.text": "The quoted content without the quotation marks.",
    "Quote.speaker": "Entity id of the speaker, or null when none was found.",
    "Timex.value": "TimeML TIMEX3 value anchored on the article date.",
    "Timex.mod": "TimeML TIMEX3 mod (START, MID, END, APPROX, LESS_THAN, MORE_THAN, EQUAL_OR_LESS, "
    "EQUAL_OR_MORE), or null.",
    "Event.type": "One of the 16 PLOVER event types.",
    "Event.source": "Entity ids of the actors (a compound actor is one event).",
    "Event.target": "Entity ids of the recipients.",
    "Event.date": "When the event happened (from the clause's time expression, else the article date).",
    "Event.start": "Start of the sentence that states the event.",
    "Amount.magnitude": "Order of magnitude as a string such as 1e8.",
}


def build_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a Document, derived from the dataclasses."""
    definitions: dict[str, Any] = {}
    _define(model.Document, definitions)
    root = definitions.pop("Document")
    root["properties"]["schema"] = {"const": model.SCHEMA}
    root["properties"]["events"]["items"] = {"$ref": "#/$defs/Event"}
    definitions["Event"]["properties"]["type"] = {
        "enum": list(model.EVENT_TYPES),
        "description": DESCRIPTIONS["Event.type"],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://veille.example/schema/analysis-1.json",
        "title": model.SCHEMA,
        "description": "One article's analysis: entities, quotes, time expressions, events and amounts, "
        "with character offsets into article.text (end exclusive).",
        **root,
        "$defs": dict(sorted(definitions.items())),
    }


def _define(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    name = cls.__name__
    if name not in definitions:
        definitions[name] = {}  # placeholder first: breaks cycles
        hints = get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for f in dataclasses.fields(cls):
            prop = _type_schema(hints[f.name], definitions)
            description = DESCRIPTIONS.get(f"{name}.{f.name}")
            if description:
                prop = {**prop, "description": description}
            properties[f.name] = prop
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                required.append(f.name)
        definitions[name] = {
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": True,  # fields may be added (DESIGN.md §2)
        }
    return {"$ref": f"#/$defs/{name}"}


def _type_schema(hint: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [_type_schema(arg, definitions) for arg in get_args(hint)]
        return {"anyOf": options}
    if origin is Literal:
        return {"enum": list(get_args(hint))}
    if origin is tuple:
        return {"type": "array", "items": _type_schema(get_args(hint)[0], definitions)}
    if hint is type(None):
        return {"type": "null"}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _define(hint, definitions)
    simple = {str: "string", int: "integer", float: "number", bool: "boolean"}
    if hint in simple:
        return {"type": simple[hint]}
    raise TypeError(f"no JSON Schema for {hint!r}")


def load_schema() -> dict[str, Any]:
    """Return the published schema shipped with the package."""
    text = resources.files("veille.schema").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    return dict(json.loads(text))


def render() -> str:
    return json.dumps(build_schema(), ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str]) -> int:
    if argv == ["--write"]:
        path = Path(__file__).with_name(SCHEMA_FILE)
        path.write_text(render(), encoding="utf-8")
        print(f"wrote {path}")
        return 0
    sys.stdout.write(render())
    return 0
