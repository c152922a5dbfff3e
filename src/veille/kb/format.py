"""The KB file format, ``veille.kb/1``: one JSON object per line, one line per entity.

An optional first line ``{"format": "veille.kb/1", "as_of": …, "source": …}`` says what the
file is and where its facts come from. Every other line is an entity::

    {"id": "Q7747", "type": "PER", "name": {"fr": "Vladimir Poutine", "en": "Vladimir Putin"},
     "aliases": {"fr": ["Poutine"], "en": ["Putin"]}, "country": "RUS", "gender": "m",
     "roles": [{"title": "président", "of": "RUS", "start": "2012-05-07", "end": null}]}

``id`` is a Wikidata QID only where certain, else a stable local id (``veille:per:…``,
``iso:UKR``). Two lines with the same id are one entity: the later one adds aliases and roles
(that is how a user file extends the shipped KB); a line with ``"replace": true``
replaces them (that is how it corrects one). The full description is
docs/kb.md.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from veille.errors import InputError

FORMAT = "veille.kb/1"
KB_TYPES = ("PER", "ORG", "LOC")
LANGS = ("fr", "en")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ID = re.compile(r"^(Q[1-9]\d*|[a-z][a-z0-9]*:[^\s]+)$")


@dataclass(frozen=True)
class KBRole:
    """A dated office: title, what it is of (ISO3 or a KB id), start and end (None: open)."""

    title: str
    of: str | None = None
    start: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    end: str | None = None

    def active_on(self, date: str | None) -> bool:
        """Tell whether the role was held on ``date`` (ISO); any role is active when date is None.

        A partial date covers its whole period: a role that starts in "2025-05" is held on
        2025-05-01, one that ends in "2025" is held until 2025-12-31.
        """
        if date is None:
            return True
        if self.start is not None and date[: len(self.start)] < self.start:
            return False
        if self.end is not None and date[: len(self.end)] > self.end:
            return False
        # A role that ended on a day is no longer held that day (the successor took over).
        return not (self.end is not None and len(self.end) == 10 and date >= self.end)


@dataclass(frozen=True)
class KBEntity:
    """One KB entity. Names and aliases are per language; ``kind`` refines the type."""

    id: str
    type: str
    name: dict[str, str]
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    country: str | None = None
    roles: tuple[KBRole, ...] = ()
    kind: str | None = None  # person, country, city, region, continent, organisation
    gender: str | None = None
    prominent: bool = False  # known by surname alone in international news
    demonyms: tuple[str, ...] = ()  # French adjectives of a country: ukrainien, ukrainienne…
    capital: str | None = None  # KB id of a country's capital
    note: str | None = None
    replace: bool = False  # this line replaces an earlier line with the same id (a correction)

    @property
    def label(self) -> str:
        """Return the French name, else the English one, else the id."""
        return self.name.get("fr") or self.name.get("en") or self.id

    def all_names(self) -> list[tuple[str, str, str]]:
        """Return (text, lang, kind) for every name and alias; kind is "name" or "alias"."""
        out = [(text, lang, "name") for lang, text in self.name.items() if text]
        for lang, texts in self.aliases.items():
            out.extend((text, lang, "alias") for text in texts if text)
        return out

    def roles_on(self, date: str | None) -> tuple[KBRole, ...]:
        """Return the roles held on ``date``."""
        return tuple(role for role in self.roles if role.active_on(date))

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON line form, leaving out empty optional fields."""
        data: dict[str, Any] = {"id": self.id, "type": self.type, "name": dict(self.name)}
        data["aliases"] = {lang: list(texts) for lang, texts in self.aliases.items()}
        optional = {
            "kind": self.kind, "country": self.country, "gender": self.gender, "capital": self.capital,
            "note": self.note,
        }  # fmt: skip
        data.update({key: value for key, value in optional.items() if value is not None})
        if self.prominent:
            data["prominent"] = True
        if self.demonyms:
            data["demonyms"] = list(self.demonyms)
        data["roles"] = [{"title": r.title, "of": r.of, "start": r.start, "end": r.end} for r in self.roles]
        return data


def parse_entity(data: Any, where: str) -> KBEntity:
    """Check one decoded line and build its entity; raise InputError saying what is wrong."""
    if not isinstance(data, dict):
        raise InputError("a KB line must be a JSON object", where=where)
    ident = data.get("id")
    if not isinstance(ident, str) or not _ID.match(ident):
        raise InputError(f"bad id {ident!r}: a Wikidata QID (Q123) or a local id (prefix:name)", where=where)
    kb_type = data.get("type")
    if kb_type not in KB_TYPES:
        raise InputError(f"{ident}: type must be one of {', '.join(KB_TYPES)}, not {kb_type!r}", where=where)
    name = data.get("name")
    if isinstance(name, str):
        name = {"fr": name}
    if not isinstance(name, dict) or not any(isinstance(v, str) and v for v in name.values()):
        raise InputError(f'{ident}: name must be {{"fr": …, "en": …}}, not empty', where=where)
    aliases_in = data.get("aliases") or {}
    if isinstance(aliases_in, list):
        aliases_in = {"fr": aliases_in}
    if not isinstance(aliases_in, dict):
        raise InputError(f'{ident}: aliases must be {{"fr": [...], "en": [...]}}', where=where)
    aliases = {
        lang: tuple(str(a) for a in texts if isinstance(a, str) and a.strip())
        for lang, texts in aliases_in.items()
        if isinstance(texts, list)
    }
    country = data.get("country")
    if country is not None and not (isinstance(country, str) and re.fullmatch(r"[A-Z]{3}", country)):
        raise InputError(f"{ident}: country must be an ISO 3166 alpha-3 code, not {country!r}", where=where)
    roles = tuple(_parse_role(role, ident, where) for role in data.get("roles") or ())
    return KBEntity(
        id=ident,
        type=kb_type,
        name={lang: str(text) for lang, text in name.items() if isinstance(text, str) and text},
        aliases=aliases,
        country=country,
        roles=roles,
        kind=data.get("kind"),
        gender=data.get("gender"),
        prominent=bool(data.get("prominent", False)),
        demonyms=tuple(data.get("demonyms") or ()),
        capital=data.get("capital"),
        note=data.get("note"),
        replace=bool(data.get("replace", False)),
    )


def _parse_role(role: Any, ident: str, where: str) -> KBRole:
    if not isinstance(role, dict) or not isinstance(role.get("title"), str) or not role["title"]:
        raise InputError(f"{ident}: a role needs a title: {role!r}", where=where)
    for key in ("start", "end"):
        value = role.get(key)
        if value is not None and not (isinstance(value, str) and _DATE.match(value)):
            raise InputError(f"{ident}: role {key} must be YYYY[-MM[-DD]], not {value!r}", where=where)
    return KBRole(title=role["title"], of=role.get("of"), start=role.get("start"), end=role.get("end"))


def read_kb(paths: Iterable[Path]) -> Iterator[KBEntity]:
    """Read KB JSONL files in order, yielding each entity line (header lines are skipped)."""
    for path in paths:
        try:
            handle = path.open(encoding="utf-8")
        except OSError as error:
            raise InputError(f"cannot read the KB file: {error.strerror}", where=str(path)) from error
        with handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                where = f"{path}:{number}"
                try:
                    data = json.loads(line)
                except json.JSONDecodeError as error:
                    raise InputError(f"not JSON ({error.msg})", where=where) from error
                if isinstance(data, dict) and "format" in data and "id" not in data:
                    if data["format"] != FORMAT:
                        message = f"KB format {data['format']!r}; this veille reads {FORMAT}"
                        raise InputError(message, where=where)
                    continue
                yield parse_entity(data, where)


def merge_entities(entities: Iterable[KBEntity]) -> dict[str, KBEntity]:
    """Merge lines with the same id: later names win, aliases and roles are added.

    A line with ``"replace": true`` replaces the earlier ones instead: that is how a wrong
    role or alias of the shipped KB is corrected.
    """
    merged: dict[str, KBEntity] = {}
    for entity in entities:
        old = merged.get(entity.id)
        if old is None or entity.replace:
            merged[entity.id] = entity
            continue
        aliases = {lang: tuple(texts) for lang, texts in old.aliases.items()}
        for lang, texts in entity.aliases.items():
            aliases[lang] = tuple(dict.fromkeys((*aliases.get(lang, ()), *texts)))
        # A later line that names old names keeps them as aliases, so nothing stops matching.
        for lang, text in old.name.items():
            if entity.name.get(lang, text) != text:
                aliases[lang] = (*aliases.get(lang, ()), text)
        merged[entity.id] = KBEntity(
            id=entity.id,
            type=entity.type,
            name={**old.name, **entity.name},
            aliases=aliases,
            country=entity.country or old.country,
            roles=tuple(dict.fromkeys((*old.roles, *entity.roles))),
            kind=entity.kind or old.kind,
            gender=entity.gender or old.gender,
            prominent=entity.prominent or old.prominent,
            demonyms=tuple(dict.fromkeys((*old.demonyms, *entity.demonyms))),
            capital=entity.capital or old.capital,
            note=entity.note or old.note,
        )
    return merged
