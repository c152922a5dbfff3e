"""Give a country's press periphrasis to the country: l'Hexagone to France, outre-Rhin to
Germany (``data/country_periphrases.tsv``), when the article names that country.

A periphrasis is a description, not a name: it joins the country the article names and
makes no entity of its own (an article that says only *outre-Rhin* has no Germany to give
it to, and inventing one would be a guess the reader can't check).

A periphrasis that is the complement of a role noun is part of a person's title, not the
country acting: *le chef de la diplomatie américaine*, *la porte-parole de la diplomatie
arménienne*, *le numéro un de l'exécutif français* name a minister or a spokesperson
(``roles.tsv`` holds *chef de la diplomatie* as a foreign minister's title). It is left to
the title steps and the description ranker, which a country's mention over its words would
hide.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from spacy.tokens import Doc

from veille.analysis.entities.clusters import Cluster
from veille.analysis.entities.rolenouns import RoleLexicon
from veille.analysis.lang.fr import countries, tables
from veille.analysis.parse import token_starts
from veille.analysis.syntax.view import token_view
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


_ROLE_BEFORE = 3  # tokens: a role noun of up to three words before the 'de' (le numéro un de)


def add_periphrases(clusters: list[Cluster], text: str, parsed: Doc, lexicon: RoleLexicon) -> None:
    """Add each periphrasis in the text as a description of the country it names, unless
    it is the complement of a role noun (le chef de la diplomatie américaine); make each
    government named by the demonym of a country it names an organisation of its own."""
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
    in_title = _in_title(parsed, lexicon)
    _add_governments(clusters, by_code, text, folded, in_title)
    for pattern, iso3 in load_periphrases():
        country = by_code.get(iso3)
        if country is None:
            continue
        for match in pattern.finditer(folded):
            start, end = match.span()
            if text[start:end][:1].islower() and not match.group(0).startswith(("l'", "le ", "la ", "outre")):
                continue  # hexagone in lower case is the shape
            if in_title(start):
                continue
            country.mentions.append(Mention(start, end, text[start:end], "description"))


# The bodies that act for a country, with its demonym (les autorités israéliennes): the
# country acting, as the golds annotate it (the real dev2 articles among them); the army is
# an organisation of its own and is not here. La diplomatie is its foreign service.
_AUTHORITIES = re.compile(r"(?<![\w-])(?:les autorites|le regime|la diplomatie) (\w+)")
# A country's government, named by its demonym (le gouvernement nigérien, l'exécutif
# français, l'administration américaine: TLFi « administration », the government of the
# United States), is an organisation of its own: the convention of the open golds, settled
# in the twenty-second session (docs/entities.md), where the older sets that wrote it as a
# description of the country were aligned. Each occurrence names the one government.
_GOVERNMENT = re.compile(r"(?<![\w-])(?:le gouvernement|l'executif|l'administration) (\w+)")
# ... or by de + its country or its capital (le gouvernement du Mali, le gouvernement de Madrid).
_GOVERNMENT_OF = re.compile(
    r"(?<![\w-])(?:le gouvernement|l'executif) (?:de la |de l'|des |du |de |d')([\w-]+(?: [\w-]+)?)"
)


def _add_governments(
    clusters: list[Cluster],
    by_code: dict[str, Cluster],
    text: str,
    folded: str,
    in_title: Callable[[int], bool],
) -> None:
    """Add 'les autorités nigériennes' as a description of Niger when the article names it,
    and make 'le gouvernement nigérien' an organisation of its own."""
    for match in _AUTHORITIES.finditer(folded):
        if in_title(match.start()):
            continue  # le porte-parole de la diplomatie kazakhe: a person's title
        demonym = countries.demonym(text[match.start(1) : match.end(1)])
        country = by_code.get(demonym.iso3) if demonym is not None else None
        if country is not None:
            start, end = match.span()
            country.mentions.append(Mention(start, end, text[start:end], "description"))
    governments: dict[str, Cluster] = {}
    for start, end, iso3 in _government_phrases(text, folded):
        if iso3 not in by_code or in_title(start):
            continue  # a country the article never names; le porte-parole du gouvernement malien
        mention = Mention(start, end, text[start:end], "description")
        if iso3 in governments:
            governments[iso3].mentions.append(mention)
        else:
            governments[iso3] = Cluster([mention], "ORG", country=iso3)
    clusters.extend(governments.values())


def _government_phrases(text: str, folded: str) -> list[tuple[int, int, str]]:
    """Return the span of each phrase naming a country's government, with the country's
    code: by its demonym (le gouvernement nigérien), or by de + its name or its capital (le
    gouvernement du Niger, le gouvernement de Niamey). The place is one capitalised word or
    two (des Comores, de la Sierra Leone); a lower-case word after it is not the place's."""
    found = []
    for match in _GOVERNMENT.finditer(folded):
        demonym = countries.demonym(text[match.start(1) : match.end(1)])
        if demonym is not None:
            found.append((match.start(), match.end(), demonym.iso3))
    for match in _GOVERNMENT_OF.finditer(folded):
        place = text[match.start(1) : match.end(1)]
        # l'exécutif de Paris is the city's; a capital names a country's government only
        # after le gouvernement.
        by_capital = match.group(0).startswith("le gouvernement")
        for name in (place, place.split(" ")[0]):
            iso3 = countries.country_code(name) or (
                countries.any_capital_country(name) if by_capital else None
            )
            if name[:1].isupper() and iso3 is not None:
                found.append((match.start(), match.start(1) + len(name), iso3))
                break
    return found


def _in_title(parsed: Doc, lexicon: RoleLexicon) -> Callable[[int], bool]:
    """Return a test of whether the phrase starting at a character offset is the
    de-complement of a role noun (le chef de | la diplomatie américaine; la porte-parole de |
    la diplomatie arménienne): a role noun of the lexicon starts at most three tokens before
    the 'de' and reaches it."""
    starts = token_starts(parsed)
    lower = token_view(parsed).lower

    def test(start: int) -> bool:
        k = starts.get(start)
        if k is None or k < 2 or lower[k - 1] not in ("de", "d'", "d’"):
            return False
        of = k - 1
        for j in range(of - 1, max(-1, of - 1 - _ROLE_BEFORE), -1):
            role = lexicon.match(parsed, j)
            if role is not None and j + len(role.words) >= of:
                return True
        return False

    return test
