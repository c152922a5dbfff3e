"""Read a town noun that the press capitalises (la Ville refuse de payer) as a description of
the town, not as a name.

French, Belgian and Quebec reporting writes *la Ville* (and less often *la Commune*, *la
Métropole*) with a capital when it means the municipality acting: *Cyberattaque : la Ville
refuse de payer*; *La Ville a chiffré les dégâts*; *la Ville de Montréal* is the same usage
with its complement. The French model tags the bare capitalised noun as a place, and the
resolution makes an entity *Ville* of it, apart from the town it stands for (a false
positive and a missed description at once). The gold guide keeps *la Ville* a form of the
town (ANNOTATION.md round-1 notes, fr-007).

1. An entity whose every name is one of the town nouns of ``org_categories.tsv`` (the nouns
   the organisation descriptions read as a town: ville, commune, village, métropole …),
   each said right after a definite article or a demonstrative (*la Ville*, *cette Ville*),
   is no name: its name mentions are dropped.
2. ``categories.add_org_descriptions`` then reads each of them as it reads *la ville*: the
   town of the sentence before, else the town the article is about, else nobody.

A town noun in a longer name (*Ville de Paris*, *Cité des sciences*) is another entity's name
and stays; so does a capitalised noun after no article (*Ville* at a headline's start).
"""

from __future__ import annotations

from spacy.tokens import Doc

from veille.analysis.entities.clusters import Cluster
from veille.analysis.lang.fr.words import DEFINITE, DEMONSTRATIVES
from veille.analysis.parse import token_starts
from veille.normal import fold, word_key


def drop_town_nouns(clusters: list[Cluster], parsed: Doc, town_nouns: frozenset[str]) -> list[Cluster]:
    """Return the clusters without the names that are only a capitalised town noun (rule 1)."""
    starts = token_starts(parsed)
    kept: list[Cluster] = []
    for cluster in clusters:
        names = cluster.names
        if (
            names
            and cluster.type != "PER"
            and all(_town_noun(parsed, starts, m.start, m.text, town_nouns) for m in names)
        ):
            cluster.mentions = [m for m in cluster.mentions if m.kind != "name"]
            if not cluster.mentions:
                continue
        kept.append(cluster)
    return kept


def _town_noun(
    parsed: Doc, starts: dict[int, int], start: int, text: str, town_nouns: frozenset[str]
) -> bool:
    """Tell whether a name is one capitalised town noun after a definite or demonstrative word."""
    i = starts.get(start)
    if i is None or i == 0 or not text[:1].isupper() or word_key(text) not in town_nouns:
        return False
    before = fold(parsed[i - 1].text).replace("’", "'")
    return before in DEFINITE or before in DEMONSTRATIVES
