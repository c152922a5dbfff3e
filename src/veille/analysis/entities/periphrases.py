"""Give a country's press periphrasis to the country: l'Hexagone to France, outre-Rhin to
Germany (``data/country_periphrases.tsv``), when the article names that country.

A periphrasis is a description, not a name: it joins the country the article names and
makes no entity of its own (an article that says only *outre-Rhin* has no Germany to give
it to, and inventing one would be a guess the reader can't check).
"""

from __future__ import annotations

import re
from functools import cache

from veille.analysis.entities.clusters import Cluster
from veille.analysis.lang.fr import countries, tables
from veille.model import Mention
from veille.normal import fold


@cache
def load_periphrases() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Read ``data/country_periphrases.tsv`` once: a pattern over folded text per row."""
    rows = []
    for _n, (phrase, iso3) in tables.read_rows("country_periphrases.tsv", 2):
        # l'Hexagone keeps its article in the description; outre-Rhin has none.
        article = r"(?:l'|le |la )?" if not phrase.startswith("outre") else ""
        rows.append((re.compile(rf"(?<![\w-]){article}{re.escape(fold(phrase))}(?![\w-])"), iso3))
    return tuple(rows)


def add_periphrases(clusters: list[Cluster], text: str) -> None:
    """Add each periphrasis in the text as a description of the country it names."""
    by_code: dict[str, Cluster] = {}
    for cluster in clusters:
        code = countries.country_code(cluster.longest) if cluster.type == "LOC" else None
        if code is not None and not cluster.group:
            by_code.setdefault(code, cluster)
    if not by_code:
        return  # every description found below goes to a country the article names
    # Fold letter by letter so that offsets hold (fold() also squeezes spaces).
    # (Each distinct character once, then one translate: the same string, without a call per character.)
    folded = text.translate({ord(c): f if len(f := fold(c)) == 1 else c.lower() for c in set(text)})
    _add_governments(by_code, text, folded)
    for pattern, iso3 in load_periphrases():
        country = by_code.get(iso3)
        if country is None:
            continue
        for match in pattern.finditer(folded):
            start, end = match.span()
            if text[start:end][:1].islower() and not match.group(0).startswith(("l'", "le ", "la ", "outre")):
                continue  # hexagone in lower case is the shape
            country.mentions.append(Mention(start, end, text[start:end], "description"))


# The bodies that act for a country, with its demonym (le gouvernement nigérien, les
# autorités israéliennes, l'exécutif français): the country acting, as the gold annotates
# it (docs/entities.md); the army is an organisation of its own and is not here.
# L'administration américaine is the United States' executive (TLFi « administration »:
# the government of the United States, l'administration Obama), as la diplomatie is its
# foreign service.
_GOVERNMENT = re.compile(
    r"(?<![\w-])(?:le gouvernement|l'executif|les autorites|le regime|la diplomatie|l'administration) (\w+)"
)


def _add_governments(by_code: dict[str, Cluster], text: str, folded: str) -> None:
    """Add 'le gouvernement nigérien' as a description of Niger when the article names it."""
    for match in _GOVERNMENT.finditer(folded):
        demonym = countries.demonym(text[match.start(1) : match.end(1)])
        country = by_code.get(demonym.iso3) if demonym is not None else None
        if country is not None:
            start, end = match.span()
            country.mentions.append(Mention(start, end, text[start:end], "description"))
