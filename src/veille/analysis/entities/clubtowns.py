"""Join a sports club said by its town (*le Racing Club de Montfaucon* … *Montfaucon s'impose*).

Sports news names a club in full once (*l'AS Lorvenne*, *le HBC Montclar*, *l'Olympique de
Marseille*), then by its town alone, in the headline and in the match report (*Lorvenne
encaisse un but*, *Marseille n'a pas l'intention de vendre*). The model tags the town alone
as a place, a MISC or a person, and the club stays split in two entities; the club said in
full may itself be tagged a place (*AS Valmorel*).

A name whose first word is a club word of ``org_kinds.tsv`` (kind ``club``: *FC*, *AS*,
*RC*, *Racing*, *HBC*, *Olympique*, *Stade* …) ends on a town: the club words and the
particles before the town dropped, what is left is the town (*Racing Club de Montfaucon* →
*Montfaucon*). An entity named only by that town joins the one club of the article ending on
it, and the whole is an organisation. Guards, each for a reason:

- the town said where something happens (*à Montfaucon*, *en Avignon*, *dans Lorvenne*) or
  as a complement (*le maire de Montfaucon*, *les rues de Lorvenne*) is the place, not the
  club: an entity with one such mention stays a place;
- a country or a capital alone is never a club (*Paris* is not the Paris FC, *Madrid* not
  the Real; *Manchester* for *Manchester United* is the head rule of ``clusters.py``);
- two clubs ending on one town (*US Lavaur* and *Stade Lavaur*) leave the town to neither;
- a person the text titles or genders is a person (*Marseille* as a surname: *M. Marseille*).
"""

from __future__ import annotations

from veille.analysis.entities.clusters import Cluster
from veille.analysis.entities.names import is_given_name, tokens
from veille.analysis.entities.referents import Referents
from veille.analysis.lang.fr import countries
from veille.analysis.lang.fr.words import ARTICLES, OF, TO

# Articles and de as name tokens write them (apostrophes dropped: d, l).
_PARTICLES = frozenset(word.rstrip("'") for word in OF | ARTICLES)
# Words before a town that make it the place, or the complement of a noun, not the club.
_PLACED_AFTER = TO | {"en", "dans", "depuis", "vers", "de", "d'", "d’", "du", "des", "sur"}


def club_town(name: str, referents: Referents) -> str | None:
    """Return the town a club's name ends on (Racing Club de Montfaucon → montfaucon, AS
    Saint-Étienne → saint etienne), as name tokens, or None when the name does not open
    with a club word or holds nothing after them."""
    words = tokens(name)
    n = 0
    while n < len(words) and (referents.kinds.get(words[n]) == "club" or (n and words[n] == "club")):
        n += 1  # Racing Club de Lens: club counts after a club word, not alone (Club Med)
    if n == 0:
        return None
    while n < len(words) and words[n] in _PARTICLES:
        n += 1
    return " ".join(words[n:]) or None


def merge_club_towns(clusters: list[Cluster], text: str, referents: Referents) -> list[Cluster]:
    """Join each entity named only by a town to the one club of the article ending on that
    town (module docstring)."""
    clubs: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        if cluster.group or cluster.type == "PER":
            continue
        for town in {club_town(m.text, referents) for m in cluster.names}:
            if town is not None and cluster not in clubs.setdefault(town, []):
                clubs[town].append(cluster)
    if not clubs:
        return clusters
    gone: set[int] = set()
    for cluster in clusters:
        names = cluster.names
        if not names or cluster.group or cluster.roles or cluster.gender is not None:
            continue
        if cluster.type == "PER" and is_given_name(cluster.longest.split()[0]):
            continue  # Didier alone is someone's first name, never a town
        keys = {" ".join(tokens(m.text)) for m in names}
        if len(keys) != 1:
            continue
        key = next(iter(keys))
        owners = [c for c in clubs.get(key, []) if c is not cluster and id(c) not in gone]
        if len(owners) != 1 or _named_as_place(cluster.longest) or any(_placed(text, m.start) for m in names):
            continue
        owners[0].absorb(cluster)
        owners[0].type = "ORG"
        gone.add(id(cluster))
    return [c for c in clusters if id(c) not in gone]


def _named_as_place(name: str) -> bool:
    """Tell whether a name is a country's or a capital's, which stays a place (Paris, Madrid)."""
    return bool(countries.country_code(name) or countries.capital_country(name))


def _placed(text: str, start: int) -> bool:
    """Tell whether a name follows a word that makes it a place or a noun's complement
    (à Montfaucon, le maire de Montfaucon)."""
    before = text[max(start - 12, 0) : start].lower().split()
    if not before:
        return False
    last = before[-1]
    return last in _PLACED_AFTER or last.endswith(("d'", "d’"))
