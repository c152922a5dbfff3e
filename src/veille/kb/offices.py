"""Office titles: turn the many wordings of an office into one key, and ask who held it.

*ministre des Affaires étrangères*, *chef de la diplomatie* and *Foreign Secretary* are one
office, ``foreign_minister``; so is *secrétaire d'État* of the USA. The table is a data file,
``kb/data/offices.tsv``.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from veille.normal import word_key


@lru_cache(maxsize=1)
def office_table() -> tuple[tuple[str, str, str | None, bool], ...]:
    """Return (pattern, office, only_for_country, exact) rows, longest pattern first."""
    text = resources.files("veille.kb").joinpath("data/offices.tsv").read_text(encoding="utf-8")
    rows: list[tuple[str, str, str | None, bool]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        only = cells[2] if len(cells) > 2 and cells[2] else None
        rows.append((cells[0], cells[1], only, len(cells) > 3 and cells[3] == "exact"))
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


def office_key(title: str, of: str | None = None) -> str:
    """Return the office key of a title (already stripped of its demonym), or its normal form."""
    return match_office(title, of)[0]


# Pure (the table is the package's own): each description, role and candidate of an article
# asks it again for the same few titles, and each answer is a walk over the whole table.
@lru_cache(maxsize=1 << 12)
def match_office(title: str, of: str | None = None) -> tuple[str, int]:
    """Return (office key, length of the pattern that matched; 0 when none did).

    A pattern restricted to one country (secrétaire d'État → foreign_minister for the USA)
    applies only to roles of that country; a title no pattern matches keys itself, so two
    identical unknown titles still meet.
    """
    norm = word_key(title)
    padded = f" {norm} "
    for pattern, office, only, exact in office_table():
        if only is not None and only != of:
            continue
        if norm == pattern or (not exact and f" {pattern} " in padded):
            return office, len(pattern)
    return norm, 0


@lru_cache(maxsize=1)
def led_by_government() -> frozenset[str]:
    """Return the countries whose leader (le dirigeant allemand) is the head of government."""
    text = resources.files("veille.kb").joinpath("data/parliamentary.txt").read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return frozenset(line.split()[0] for line in lines)


def leader_offices(of: str | None) -> tuple[str, ...]:
    """Return the offices that "le dirigeant" of a country means, most likely first."""
    if of in led_by_government():
        return ("head_of_government", "monarch", "head_of_state")
    return ("supreme_leader", "head_of_state", "head_of_government")
