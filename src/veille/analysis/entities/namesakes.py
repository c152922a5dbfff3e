"""Tell namesakes from typos: two spellings written side by side are two people.

The resolve stage merges a name with its typo (*Vladuimir Poutine*, *Yann Le Bihen*). But
two people of close names exist (*Antoine Girard* and *Antoine Giraud*, *Anne Morin* and
*Anne Marin*), and a writer who slips a key does not write the right spelling in the same
sentence: *Antoine Girard, ministre de l'Intérieur, et Antoine Giraud, député du Nord, ont
débattu* names two men. Two forms said in one sentence are never merged as typos.

The other way round, the model tags a surname said alone after *à* as a place (*un cadeau
offert à Fabrégat*): a one-word "place" that no table knows as one may be a surname, and the
resolve stage lets it join the one person whose surname it is.
"""

from __future__ import annotations

import json
import re
from functools import cache

from veille.analysis.lang.fr import countries
from veille.kb.store import shipped_paths
from veille.model import Mention
from veille.normal import name_key

# The end of a sentence: a full stop, a question or exclamation mark (perhaps with a
# closing quotation mark) before a capital, or a line break. The full stop of a title of
# address or an initial (M. Girard, J. Girard) ends nothing.
_END = re.compile(r"(?<![A-Z])(?<!\bM)(?<!\bMM)(?<!\bMme)(?<!\bDr)[.!?]\s*[»”\"]?\s+(?=[A-ZÀ-Ý«\"])|\n")
_REACH = 400  # characters: farther apart than this, two mentions are not of one sentence


def side_by_side(first: list[Mention], second: list[Mention], text: str) -> bool:
    """Tell whether a mention of one list and a mention of the other are in one sentence."""
    if not text:
        return False
    for a in first:
        for b in second:
            left, right = (a, b) if a.start < b.start else (b, a)
            if right.start - left.end > _REACH:
                continue
            # The search ends one character into the right mention: a sentence end is seen
            # by the capital after it (…la mesure. Ibrahima Sori Kourouma a laissé).
            if not _END.search(text, left.end, right.start + 1):
                return True
    return False


def surname_as_place(name: str, kind: str) -> bool:
    """Tell whether an entity the model typed LOC may be a surname: one word that is no
    country, capital, French division nor place of the starter KB (Fabrégat; not Nîmes)."""
    if kind != "LOC" or " " in name or countries.country_code(name) or countries.capital_country(name):
        return False
    return not countries.french_division(name) and name_key(name) not in known_place_keys()


@cache
def known_place_keys() -> frozenset[str]:
    """Return the name keys of the places of the starter KB (places.jsonl), read once."""
    keys: set[str] = set()
    for path in shipped_paths():
        if path.name != "places.jsonl":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            names = [
                *record.get("name", {}).values(),
                *(a for v in record.get("aliases", {}).values() for a in v),
            ]
            keys.update(name_key(n) for n in names if isinstance(n, str))
    return frozenset(keys)
