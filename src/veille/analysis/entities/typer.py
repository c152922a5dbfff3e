"""Correct a finished entity's type among PER, ORG and LOC where a learned check is sure.

The type vote of ``typevote.py`` reads one clue at a time; the model's label on a name it
has never seen is often wrong in ways no single clue settles: a ministry named by its street
(*le Quai de Brienne*) left a place, a village after *à* (*à Vernoux*) taken for a person, a
company named after its founder taken for one. A multinomial logistic regression over the
finished entity weighs all its clues at once: its current type, its name's shape (words,
acronym, a known first name, an organisation word, a place head, a place-name ending), what
its name mentions follow (*à*, *en*, *dans*, *chez*, *de*, an article, a title or role noun)
and precede (an auxiliary: the subject of a verb), its descriptions and pronouns, its KB
link, country, roles and gender, and what the other layers made of it (a quote's speaker, an
event's party or place). It was trained on the project's annotated articles
(scripts/train_entity_typer.py, leave-one-article-out), and its threshold was chosen on the
held-out probabilities for precision: a right type made wrong costs what a wrong one fixed
gains.

A type changes only among PER, ORG and LOC (a MISC name turned into one would count as a
false entity), only where the new type keeps every reference valid: a quote's speaker stays
a person or an organisation, an event's place stays a place, a role's ``of`` and a person
with roles keep their type, and a group tied to a country is left alone. The weights are a
small JSON table, data/entity_typer.json; a threshold above 1 switches the check off.
"""

from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Self

from veille.analysis.entities.keeper import pointers
from veille.analysis.entities.referents import load_referents
from veille.analysis.entities.rolenouns import load_roles, role_key
from veille.analysis.entities.roles import address_titles
from veille.analysis.entities.typevote import load_evidence, org_by_name, person_shaped
from veille.analysis.lang.fr import countries
from veille.analysis.lang.fr.tables import read_json
from veille.analysis.lang.fr.words import ARTICLES, OF_TOKENS, TO, auxiliary_forms
from veille.model import Document, Entity, EntityType, Mention
from veille.normal import word_key

TYPES: tuple[EntityType, ...] = ("PER", "ORG", "LOC")
SPEAKER_TYPES = frozenset({"PER", "ORG"})

FEATURES = (
    "type_PER",
    "type_ORG",
    "type_LOC",
    "n_names",
    "n_words",
    "one_word",
    "acronym",
    "first_name",
    "lone_first_name",
    "person_shaped",
    "lower_head",
    "caps_word",
    "org_word",
    "place_head",
    "place_ending",
    "country_or_capital",
    "line_start",
    "after_a",
    "after_en",
    "after_dans",
    "after_chez",
    "after_de",
    "after_article",
    "after_title",
    "after_honorific",
    "before_auxiliary",
    "n_desc",
    "pronoun",
    "kb_q",
    "kb_local",
    "country",
    "roles",
    "gender",
    "speaker",
    "party",
    "place",
    "bias",
)

# Ends of French and foreign place names (communes in -ville, -bourg, -court; -sur-, -lès-,
# -en- joining a commune to its river or region: Villeneuve-sur-Lot, Saint-Rémy-de-Provence).
_PLACE_ENDINGS = ("ville", "bourg", "court", "heim", "stadt", "grad", "abad", "istan")
_PLACE_JOINS = ("-sur-", "-sous-", "-lès-", "-les-", "-en-", "-de-", "-la-", "-le-")
# The last word before a name: a run of these characters, then only white space. Searched
# for with ``([\w'’.]+)\s*$`` it was tried at each of the 40 characters' positions; matched
# at the start of the reversed context, white space stripped (``str.rstrip`` strips what
# ``\s`` matches), it is the same run, found in one pass (typer.py's largest line).
_WORD_REVERSED = re.compile(r"[\w'’.]+")
_WORD_AFTER = re.compile(r"^\s*([\w'’]+)")
_CONTEXT = 40


@dataclass(frozen=True)
class Typer:
    """Weights by type (in the order of FEATURES) and the probability a change must reach."""

    weights: dict[str, tuple[float, ...]]
    threshold: float

    @classmethod
    def from_table(cls, table: dict[str, object]) -> Self:
        """Build it from the JSON table (weights by type, then by feature name; a missing one is 0)."""
        weights = table.get("weights", {})
        assert isinstance(weights, dict)
        threshold = table.get("threshold", 1.01)
        assert isinstance(threshold, (int, float))
        return cls(
            {t: tuple(float(weights.get(t, {}).get(name, 0.0)) for name in FEATURES) for t in TYPES},
            float(threshold),
        )

    def probabilities(self, vector: list[float]) -> dict[str, float]:
        """Return each type's probability for an entity with this feature vector."""
        z = {t: sum(w * x for w, x in zip(ws, vector, strict=True)) for t, ws in self.weights.items()}
        top = max(z.values())
        exp = {t: math.exp(v - top) for t, v in z.items()}
        total = sum(exp.values())
        return {t: v / total for t, v in exp.items()}


@cache
def _honorifics() -> frozenset[str]:
    """The titles of address (entity_rules.json's honorifics: M., Mme, Me, Dr …), lowered."""
    return frozenset(title.lower() for title in address_titles())


@cache
def load_typer() -> Typer:
    """Return the shipped check (data/entity_typer.json)."""
    return Typer.from_table(read_json("entity_typer.json"))


def _before(text: str, mention: Mention) -> str:
    found = _WORD_REVERSED.match(text[max(0, mention.start - _CONTEXT) : mention.start].rstrip()[::-1])
    return found.group()[::-1].lower().replace("’", "'") if found else ""


def _after(text: str, mention: Mention) -> str:
    found = _WORD_AFTER.search(text[mention.end : mention.end + _CONTEXT])
    return found.group(1).lower() if found else ""


def _share(names: list[Mention], test: list[bool]) -> float:
    return sum(test) / len(names) if names else 0.0


def _shape(name: str) -> dict[str, bool]:
    evidence = load_evidence()
    words = name.replace("’", "'").split()
    letters = name.replace(".", "").replace("-", "")
    first = word_key(words[0]).split(" ")[0] if words else ""
    low = name.lower()
    return {
        "one_word": len(words) == 1,
        "acronym": 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper() and len(words) == 1,
        "first_name": len(words) > 1 and first in load_referents().first_names,
        "lone_first_name": len(words) == 1 and first in load_referents().first_names,
        "person_shaped": person_shaped(name, evidence),
        "lower_head": bool(words) and words[0][:1].islower(),
        "caps_word": len(words) == 1 and len(letters) > 3 and letters.isupper(),
        "org_word": org_by_name(name, evidence),
        "place_head": bool(words) and words[0].lower() in evidence.place_heads,
        "place_ending": low.endswith(_PLACE_ENDINGS) or any(j in low for j in _PLACE_JOINS),
        "country_or_capital": countries.country_code(name) is not None or countries.is_capital(name),
    }


def features(entity: Entity, doc: Document, pointed: dict[str, frozenset[str]]) -> list[float]:
    """Return the feature vector of ``entity`` (in the order of FEATURES), given the article
    and what the quotes and events point to (``pointed``: speaker, party, place)."""
    text = doc.article.text
    names = [m for m in entity.mentions if m.kind == "name"]
    before = [_before(text, m) for m in names]
    after = [_after(text, m) for m in names]
    roles = load_roles().by_first
    auxiliaries = auxiliary_forms()
    honorifics = _honorifics()
    kb = entity.kb_id or ""
    value: dict[str, float] = {f"type_{t}": float(entity.type == t) for t in TYPES}
    value.update({k: float(v) for k, v in _shape(entity.name).items()})
    value.update(
        {
            "n_names": math.log1p(len(names)),
            "n_words": min(len(entity.name.split()), 6) / 6,
            "line_start": _share(names, [m.start == 0 or text[m.start - 1] == "\n" for m in names]),
            "after_a": _share(names, [b in TO for b in before]),
            "after_en": _share(names, [b == "en" for b in before]),
            "after_dans": _share(names, [b in ("dans", "vers", "depuis") for b in before]),
            "after_chez": _share(names, [b in ("chez", "par", "avec") for b in before]),
            "after_de": _share(names, [b in OF_TOKENS for b in before]),
            "after_article": _share(names, [b in ARTICLES for b in before]),
            "after_title": _share(names, [role_key(b) in roles for b in before]),
            "after_honorific": _share(names, [b in honorifics for b in before]),
            "before_auxiliary": _share(names, [a in auxiliaries for a in after]),
            "n_desc": math.log1p(sum(m.kind == "description" for m in entity.mentions)),
            "pronoun": float(any(m.kind == "pronoun" for m in entity.mentions)),
            "kb_q": float(kb.startswith("Q")),
            "kb_local": float(bool(kb) and not kb.startswith("Q")),
            "country": float(entity.country is not None),
            "roles": float(bool(entity.roles)),
            "gender": float(entity.gender is not None),
            "speaker": float(entity.id in pointed["speaker"]),
            "party": float(entity.id in pointed["party"]),
            "place": float(entity.id in pointed["place"]),
            "bias": 1.0,
        }
    )
    return [value[name] for name in FEATURES]


def allowed(entity: Entity, new: str, pointed: dict[str, frozenset[str]]) -> bool:
    """Tell whether ``entity`` may become ``new`` and keep every reference to it valid."""
    if entity.group or entity.id in pointed["of"] or entity.id in pointed["place"]:
        return False
    if entity.roles and entity.type == "PER":
        return False  # a person's titles stay a person's
    return new in SPEAKER_TYPES or entity.id not in pointed["speaker"]


def proposed(entity: Entity, probs: dict[str, float], threshold: float) -> str | None:
    """Return the type the check is sure of, where it differs from the entity's (else None)."""
    best = max(TYPES, key=lambda t: probs[t])
    return best if best != entity.type and probs[best] >= threshold else None


def correct_types(doc: Document, typer: Typer | None = None) -> Document:
    """Change the PER, ORG and LOC entities' types the check is sure of, where every
    reference to the entity allows the new type."""
    typer = typer or load_typer()
    if typer.threshold > 1.0 or not doc.entities:
        return doc
    pointed = pointers(doc)
    changed: list[Entity] = []
    for entity in doc.entities:
        new = None
        if entity.type in TYPES:
            new = proposed(entity, typer.probabilities(features(entity, doc, pointed)), typer.threshold)
        if new is not None and allowed(entity, new, pointed):
            entity = dataclasses.replace(entity, type=new)  # type: ignore[arg-type]
        changed.append(entity)
    return dataclasses.replace(doc, entities=tuple(changed))
