"""Read a minister's portfolio as the office the press also names by periphrasis.

The press titles a minister by the portfolio (*la ministre française des Affaires
étrangères, Hélène X*), then calls her by a periphrasis of the office (*la chef de la
diplomatie française*, *le patron du Quai d'Orsay*); or the reverse (*le garde des Sceaux,
Paul Y … le ministre*). In ``roles.tsv`` the periphrasis has its own class
(``foreign_minister``, ``justice_minister``, ``interior_minister``, ``finance_minister``)
and the title *ministre* the class ``minister`` with a complement, so the description
matching of ``titles.add_descriptions`` sees two offices. ``data/portfolios.tsv`` says
which portfolio each office is (sources in its header):

1. a *ministre* whose complement is a listed portfolio, or one of its coordinated parts
   (*de l'Économie et des Finances*), holds the office class too (``RoleFact.implies``);
2. a person titled by the periphrasis is a minister of that portfolio: the role implies
   ``minister`` and, without a complement of its own, takes the portfolio as complement, so
   that a later *le ministre* or *le ministre de la Justice* finds the holder.

A minister of another portfolio (*la ministre de la Culture*) implies nothing, and a
country still has to agree (*la chef de la diplomatie italienne* is not the French one).
"""

from __future__ import annotations

from functools import cache

from veille.analysis.entities.clusters import Cluster
from veille.analysis.lang.fr import tables
from veille.normal import word_key

_MINISTER = "minister"
_ARTICLES = frozenset({"de", "du", "des", "d", "l", "la", "le", "les"})


@cache
def _portfolios() -> tuple[dict[str, str], dict[str, str]]:
    """Return portfolio -> office class, and office class -> its first portfolio."""
    offices: dict[str, str] = {}
    first: dict[str, str] = {}
    for _n, (portfolio, office) in tables.read_rows("portfolios.tsv", columns=2):
        key = _bare(word_key(portfolio))
        offices[key] = office
        first.setdefault(office, key)
    return offices, first


def portfolio_offices() -> frozenset[str]:
    """Return the office classes of the portfolio table (posts one holds and then leaves)."""
    return frozenset(_portfolios()[1])


def _bare(key: str) -> str:
    """Drop the articles of a folded complement (de l'economie et des finances → economie et finances)."""
    return " ".join(w for w in key.split() if w not in _ARTICLES)


def office_of(complement: str | None) -> str | None:
    """Return the office class that a minister's complement names, or None: the whole
    complement, else one of its coordinated parts (l'Europe et les Affaires étrangères)."""
    if not complement:
        return None
    offices = _portfolios()[0]
    bare = _bare(complement)
    if bare in offices:
        return offices[bare]
    return next((offices[p] for p in (_bare(part) for part in bare.split(" et ")) if p in offices), None)


def add_portfolio_classes(clusters: list[Cluster]) -> None:
    """Give each minister's role the office its portfolio is, and each periphrasis title the
    minister's class and portfolio (module rules 1 and 2)."""
    first = _portfolios()[1]
    for cluster in clusters:
        if cluster.type != "PER":
            continue
        for fact in cluster.roles:
            if fact.cls == _MINISTER:
                office = office_of(fact.complement) or office_of(fact.named)
                if office is not None:
                    fact.implies = fact.implies | {office}
            elif fact.cls in first:
                fact.implies = fact.implies | {_MINISTER}
                if fact.complement is None:
                    fact.complement = first[fact.cls]
