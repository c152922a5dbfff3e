"""Make entities of the parties news names by their category, not by a name.

The gold guide (ANNOTATION.md) adds an entity for a party that is not a named entity: a
speaker such as *la gendarmerie*, *les pompiers* or *des témoins*, named by its phrase
(mentions: the exact phrase); the annotated articles treat an institution or a body named by
its category the same way when it acts or is acted on (*le gouvernement*, *l'intersyndicale*,
*la préfecture du Finistère*, *les syndicats de Radio France*, *les autorités*). This module
is the one place such entities are made, for the quote stage (unnamed speakers) and the event
stage (unnamed parties of an event); each stage keeps only the ones it used, so a phrase that
names nobody in particular costs nothing.

Which phrases name a party (:func:`party_kind`), all read from sourced tables:

1. a definite phrase (*le, la, l', les*, or *du, au, aux*) whose head is a category noun of
   ``org_categories.tsv`` of a public institution (its kind: gouvernement, ministere,
   prefecture, mairie, tribunal, cour, parquet, police, gendarmerie, armee, autorite, public)
   or of a union (*syndicat*, *centrale syndicale*, *confédération*, *intersyndicale*);
   in the singular, or in the plural for a union and *autorité* (*les syndicats*, *les
   autorités*: the bodies of the story, as the press uses them);
2. the plural of a role noun of ``roles.tsv`` whose class is a public service acting as a
   corps: firefighters, rescuers, police (*les pompiers*, *les secouristes*, *les gendarmes*).

Not: an indefinite phrase (*des manifestants*, *un syndicat*): someone new, not a party an
event can be pinned on; a plural institution (*les gouvernements*, *les tribunaux*): a
generic class; a phrase followed by *en général* or *en France* (generic use).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from veille.analysis.entities.referents import load_referents
from veille.analysis.entities.rolenouns import load_roles, role_key
from veille.analysis.lang.fr.words import ARTICLES, CONTRACTED
from veille.analysis.syntax.mentions import Spans
from veille.model import Entity, EntityType, Mention
from veille.normal import word_key

# Kinds of org_categories.tsv that name a public institution acting as itself.
_INSTITUTION_KINDS = frozenset(
    {
        "gouvernement", "ministere", "prefecture", "mairie", "tribunal", "cour", "parquet",
        "police", "gendarmerie", "armee", "autorite", "public",
    }
)  # fmt: skip
_UNION_KINDS = frozenset({"union"})
# Institution kinds the press also names in the plural for the bodies of one story.
_PLURAL_KINDS = frozenset({"autorite"}) | _UNION_KINDS
# Classes of roles.tsv whose plural names a public service acting as a corps.
_SERVICE_CLASSES = frozenset({"firefighter", "rescuer", "police"})
_DEFINITE = ARTICLES | {"l’"}
_CONTRACTED = CONTRACTED | {"aux"}  # à + les as well
# Words after a phrase that make it a class, not a party (les syndicats en général).
_GENERIC = re.compile(r"\s*,?\s*(?:en général|en règle générale|dans leur ensemble|de tout le pays)\b")
# A phrase's leading determiner, kept out of the entity's name.
_LEADING = re.compile(r"^(?:[Ll]es?|[Ll]a|[Dd]es|[Dd]u|[Aa]ux?)\s+|^[Ll]['’]")


@dataclass(frozen=True)
class PartyKind:
    """What a category phrase names: the entity type, and whether it is plural."""

    type: EntityType
    plural: bool
    union: bool = False


@cache
def _category_heads() -> dict[str, str]:
    """Return the one-word category nouns of institutions and unions, by word key, with
    their kind."""
    heads: dict[str, str] = {}
    for category in load_referents().categories:
        kind = category.kind or ""
        if len(category.words) == 1 and (kind in _INSTITUTION_KINDS or kind in _UNION_KINDS):
            heads.setdefault(category.words[0], kind)
    return heads


def party_kind(determiner: str, head: str) -> PartyKind | None:
    """Return what a phrase of this determiner and head noun names as an unnamed party
    (rules in the module doc), or None."""
    det = determiner.lower()
    if det not in _DEFINITE and det not in _CONTRACTED:
        return None
    plural = det in ("les", "aux") or head.lower().endswith(("s", "x"))
    key = word_key(head)
    singular = key[:-1] if plural and key.endswith(("s", "x")) else key
    kind = _category_heads().get(singular) or _category_heads().get(key)
    if kind is not None:
        if plural and kind not in _PLURAL_KINDS:
            return None
        return PartyKind("ORG", plural, kind in _UNION_KINDS)
    if plural:
        roles = load_roles().by_first.get(role_key(singular), ())
        if any(len(r.words) == 1 and r.cls in _SERVICE_CLASSES for r in roles):
            return PartyKind("ORG", True)
    return None


@lru_cache(maxsize=1 << 14)
def may_name_party(head: str) -> bool:
    """Say whether some determiner makes a phrase of this head noun name a party
    (:func:`party_kind`), for a scan that asks it of every noun before reading its
    determiner: a determiner counts only as singular (le) or plural (les)."""
    return party_kind("le", head) is not None or party_kind("les", head) is not None


def unnamed_party(text: str, start: int, head: int, end: int) -> bool:
    """Say whether the phrase ``text[start:end]``, whose head noun starts at ``head`` (after
    its determiner), names an unnamed party by :func:`party_kind` and is not generic."""
    determiner = text[start:head].strip().lower()
    words = re.findall(r"[\w-]+", text[head:end])
    return bool(words) and party_kind(determiner, words[0]) is not None and not generic_after(text, end)


def generic_after(text: str, end: int) -> bool:
    """Say whether the words after a phrase make it generic (*les syndicats en général*)."""
    return _GENERIC.match(text, end) is not None


def entity_name(phrase: str) -> str:
    """Return the name of an entity made from a phrase: without its determiner, capitalised
    (*les pompiers* → *Pompiers*)."""
    name = _LEADING.sub("", phrase.strip(), count=1)
    return name[:1].upper() + name[1:]


def phrase_mentions(
    text: str, phrase: str, taken: list[tuple[int, int]] | Spans, at: int = -1
) -> tuple[Mention, ...]:
    """Return a description mention at each whole-word occurrence of a phrase (either case
    of its first letter: *Les syndicats*, *les syndicats*) outside the ``taken`` spans; the
    occurrence at ``at`` is kept even when nothing else is found."""
    first, rest = phrase[:1], phrase[1:]
    pattern = r"(?<![\w-])[" + re.escape(first.lower() + first.upper()) + "]" + re.escape(rest) + r"(?![\w-])"
    # sorted once (or by a caller that asks for several phrases): each occurrence reads the
    # spans near it only
    spans = taken if isinstance(taken, Spans) else Spans(taken)
    found = [
        Mention(m.start(), m.end(), m.group(0), "description")
        for m in re.finditer(pattern, text)
        if not spans.overlap(m.start(), m.end())
    ]
    if at >= 0 and not any(m.start == at for m in found):
        found.append(Mention(at, at + len(phrase), text[at : at + len(phrase)], "description"))
    return tuple(sorted(found, key=lambda m: m.start))


def unnamed_entity(
    entity_id: str,
    text: str,
    phrase: str,
    at: int,
    kind: EntityType,
    taken: list[tuple[int, int]] | Spans,
    name: str | None = None,
) -> Entity:
    """Return the entity made for an unnamed party named by ``phrase`` at offset ``at``:
    named by ``name`` or the phrase without its determiner, with a description mention at
    each place the text repeats the phrase (the gold guide's rule for unnamed speakers and
    parties)."""
    return Entity(
        id=entity_id,
        name=entity_name(name or phrase),
        type=kind,
        mentions=phrase_mentions(text, phrase, taken, at),
    )


def next_entity_number(entities: tuple[Entity, ...] | list[Entity]) -> int:
    """Return the number after the highest ``eN`` id among these entities."""
    numbers = [int(e.id[1:]) for e in entities if e.id[1:].isdigit()]
    return max(numbers, default=0) + 1
