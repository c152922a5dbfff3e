"""Find named entities: spaCy NER, then fixes for what the French model gets wrong.

Each fix is a numbered rule with its reason. Grouping mentions into entities is
deliberately naive here (same normalised name → same entity); the resolve stage
merges surnames, typos, titles and descriptions.
"""

from __future__ import annotations

import dataclasses
import unicodedata

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from veille.model import Document, Entity, Mention
from veille.settings import Settings

_LEADING_ARTICLES = ("l'", "la ", "le ", "les ", "L'", "La ", "Le ", "Les ")
_CALENDAR = frozenset(
    "lundi mardi mercredi jeudi vendredi samedi dimanche janvier février fevrier mars avril "
    "mai juin juillet août aout septembre octobre novembre décembre decembre".split()
)
_ROLE_HEADS = frozenset(
    "ministre ministère président présidente secrétaire conseiller conseillère porte-parole "
    "directeur directrice chef cheffe premier première envoyé envoyée ambassadeur ambassadrice "
    "sénateur sénatrice député députée maire gouverneur juge procureur procureure".split()
)


class EntityStage:
    """spaCy NER with rule fixes, grouped into entities by identical name."""

    @classmethod
    def from_settings(cls, settings: Settings) -> EntityStage:
        return cls()

    def __call__(self, doc: Document, parsed: Doc) -> Document:
        found: list[tuple[str, Mention]] = []
        for span in parsed.ents:
            fixed = fix_entity(span)
            if fixed is not None:
                found.append(fixed)
        return dataclasses.replace(doc, entities=group_mentions(found))


def fix_entity(span: SpacySpan) -> tuple[str, Mention] | None:
    """Return (type, mention) for a NER span after the fixes, or None to drop it."""
    label = span.label_
    text = span.text
    start = span.start_char
    # 1. A leading article is not part of the name (l'OTAN → OTAN, l'Europe → Europe).
    for article in _LEADING_ARTICLES:
        if text.startswith(article) and len(text) > len(article) + 1:
            start += len(article)
            text = text[len(article):]
            break
    # 2. Trailing punctuation or space sometimes ends up inside a span.
    stripped = text.rstrip(" .,;:")
    text = stripped
    if not text:
        return None
    first = text.split()[0].lower()
    # 3. Weekdays and months are dates, never organisations (Mercredi → ORG).
    if first in _CALENDAR and len(text.split()) <= 2:
        return None
    # 4. A role phrase (ministre ukrainien des Affaires étrangères) is a title, not an ORG;
    #    the resolve stage reads it as a role of the person it names.
    if label == "ORG" and first in _ROLE_HEADS:
        return None
    if label not in ("PER", "ORG", "LOC", "MISC"):
        label = "MISC"
    return label, Mention(start, start + len(text), text, "name")


def group_mentions(found: list[tuple[str, Mention]]) -> tuple[Entity, ...]:
    """Group mentions with the same normalised text into one entity each, in text order."""
    groups: dict[str, tuple[str, list[Mention]]] = {}
    for label, mention in sorted(found, key=lambda item: item[1].start):
        key = normalise(mention.text)
        if key not in groups:
            groups[key] = (label, [])
        groups[key][1].append(mention)
    return tuple(
        Entity(id=f"e{n}", name=mentions[0].text, type=label, mentions=tuple(mentions))  # type: ignore[arg-type]
        for n, (label, mentions) in enumerate(groups.values(), start=1)
    )


def normalise(name: str) -> str:
    """Lower-case, strip accents and hyphens: the key two spellings of a name share."""
    decomposed = unicodedata.normalize("NFD", name.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.replace("-", " ").replace("'", " ").split())
