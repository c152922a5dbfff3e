"""Give an age epithet (le quadragénaire, l'octogénaire israélienne) to the person it names.

The press calls a person it has just named by an age noun: *Paul Arnaud, 43 ans, … le
quadragénaire*; *à la barre, le sexagénaire a reconnu les faits*. The noun says a decade
(``age_epithets`` of ``entity_rules.json``: the age nouns of the French dictionaries, each
with the ages it covers; not *la jeune femme*, which names the article's main subject more
than an age). The epithet joins, among the people named in the ~600 characters before it
whose gender fits:

1. the one whose stated age (*X, 43 ans*; *X (43 ans)*; *X, âgé de 43 ans*; or a description
   of theirs with an age complement, *le dirigeant de 71 ans*) falls in the decade; a person
   the text last called by such a description counts as named there (*Michel R.* … *le
   dirigeant de 71 ans* … a man named nearer … *Le septuagénaire*); else
2. the only such person, when the text gives no age for them.

With two candidates and no age to tell them apart, it joins nobody (coreference proper is
out of reach). Only a definite epithet counts: *une quinquagénaire* introduces someone new.

A superlative in apposition before a name is a description of that person as a title is
(*Le plus âgé, Yanis B., est connu de la justice*; *La plus jeune des deux, Léa M.*): the
press picks one of a group it has just spoken of by age or any other degree. Its determiner
must agree with the person's gender where the text tells it.
"""

from __future__ import annotations

import re
from functools import cache

from veille.analysis.entities.clusters import Cluster
from veille.analysis.lang.fr import countries, tables
from veille.model import Gender, Mention

_WINDOW = 600  # characters: an epithet refers to someone named a paragraph or so before
_DEFINITE = r"(?P<det>[Ll]e |[Ll]a |[Ll]'|[Ll]’|[Cc]e |[Cc]ette |[Cc]et )"
# le plus âgé, la moins connue, le plus jeune des trois | , Name
_SUPERLATIVE = re.compile(
    r"(?P<det>\b[Ll]e|\b[Ll]a) (?:plus|moins) [a-zàâçéèêëîïôûùü-]+"
    r"(?: d(?:es|u|e la) [a-zàâçéèêëîïôûùü-]+)?,\s+$"
)
_AGE_AFTER = re.compile(r"\s*[,(]\s*(?:âgée? de )?(\d{1,3})\s*ans\b")
_AGE_IN = re.compile(r"\bde (\d{1,3}) ans\b")  # a description's age complement (ages.py)


@cache
def _epithets() -> tuple[dict[str, tuple[int, int]], re.Pattern[str]]:
    """Read the age nouns once: noun → (first, last year), and the pattern that finds them."""
    rows = tables.read_json("entity_rules.json")["age_epithets"]
    ages = {noun: (int(span[0]), int(span[1])) for noun, span in rows.items()}
    nouns = "|".join(sorted((re.escape(n) for n in ages), key=len, reverse=True))
    # An optional demonym or adjective after the noun (l'octogénaire israélienne) is part of it.
    pattern = re.compile(_DEFINITE + rf"(?P<noun>{nouns})\b(?P<adj> [a-zéèêëïîôûç]+)?")
    return ages, pattern


def add_age_epithets(clusters: list[Cluster], text: str, taken: set[tuple[int, int]] | None = None) -> None:
    """Add each definite age epithet to the person it names (see the module's rules)."""
    add_superlatives(clusters, text)  # le plus âgé, Yanis B.: an apposition, before the epithets
    ages, pattern = _epithets()
    if not any(noun in text for noun in ages):
        return  # the pattern's nouns are literal and case-sensitive: none in the text, no match
    taken = taken if taken is not None else {(m.start, m.end) for c in clusters for m in c.mentions}
    stated = {id(c): _stated_age(c, text) for c in clusters if c.type == "PER"}
    for match in pattern.finditer(text):
        low, high = ages[match.group("noun").lower()]
        end = match.end("noun")
        gender = _gender(match.group("det"))
        adjective = match.group("adj")
        demonym = countries.demonym(adjective.strip()) if adjective else None
        if demonym is not None:
            end = match.end("adj")
            gender = gender or demonym.gender
        start = match.start()
        if (start, end) in taken or any(m.start <= start < m.end for c in clusters for m in c.mentions):
            continue
        near = [
            c
            for c in clusters
            if c.type == "PER"
            and not c.group
            and (gender is None or c.gender in (None, gender))
            and any(0 <= start - m.end <= _WINDOW for m in c.names)
        ]
        # A description with an age complement names its person as a name does, for the
        # age's sake only: le dirigeant de 71 ans … le septuagénaire.
        aged_near = near + [
            c
            for c in clusters
            if c not in near
            and stated.get(id(c)) is not None
            and (gender is None or c.gender in (None, gender))
            and any(m.kind == "description" and 0 <= start - m.end <= _WINDOW for m in c.mentions)
        ]
        fitting = [c for c in aged_near if (age := stated.get(id(c))) is not None and low <= age <= high]
        unaged = [c for c in near if stated.get(id(c)) is None]
        chosen = fitting if fitting else (unaged if len(near) == 1 else [])
        if len(chosen) == 1:
            chosen[0].mentions.append(Mention(start, end, text[start:end], "description"))
            taken.add((start, end))


def add_superlatives(clusters: list[Cluster], text: str) -> None:
    """Give a superlative in apposition right before a person's name to that person (module
    docstring: *Le plus âgé, Yanis B.*)."""
    taken = {(m.start, m.end) for c in clusters for m in c.mentions}
    for cluster in clusters:
        if cluster.type != "PER" or cluster.group:
            continue
        for mention in list(cluster.names):
            found = _SUPERLATIVE.search(text, max(0, mention.start - 60), mention.start)
            if found is None:
                continue
            gender = _gender(found.group("det") + " ")
            if gender is not None and cluster.gender not in (None, gender):
                continue
            start = found.start()
            end = start + len(text[start : found.end()].rstrip().rstrip(","))
            if (start, end) not in taken:
                cluster.mentions.append(Mention(start, end, text[start:end], "description"))
                taken.add((start, end))


def _stated_age(cluster: Cluster, text: str) -> int | None:
    """Return the age the text gives right after one of the person's names (X, 43 ans), or
    in one of their descriptions (le dirigeant de 71 ans)."""
    for mention in cluster.names:
        found = _AGE_AFTER.match(text, mention.end)
        if found:
            return int(found.group(1))
    for mention in cluster.mentions:
        if mention.kind == "description" and (found := _AGE_IN.search(mention.text)):
            return int(found.group(1))
    return None


def _gender(det: str) -> Gender | None:
    """Tell the epithet's gender from its determiner (la, cette; l' tells nothing)."""
    word = det.strip().lower()
    if word in ("la", "cette"):
        return "f"
    if word in ("le", "ce", "cet"):
        return "m"
    return None
