"""Look up countries by French or English name, demonym or capital: shared by every stage.

The tables are data files under ``analysis/lang/fr/data/`` (sources in their headers and in
``SOURCES.md``); they are read once per process. Lookups normalise case, accents,
hyphens and apostrophes, so *Etats-Unis* finds *États-Unis*.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from veille.analysis.lang.fr import tables
from veille.normal import word_key

Number = Literal["sg", "pl"]


@dataclass(frozen=True)
class Demonym:
    """A French demonym form: the country it belongs to, its gender and number."""

    iso3: str
    gender: Literal["m", "f"] | None  # None where the form is the same for both (russe)
    number: Number


@dataclass(frozen=True)
class Country:
    iso3: str
    name_fr: str
    name_en: str


def demonym(word: str) -> Demonym | None:
    """Return the demonym reading of a word (russe, Ukrainiennes, Européens, Franco-Ivoirienne),
    or None."""
    return _tables().demonyms.get(word_key(word)) or compound_demonym(word)


def compound_demonym(word: str) -> Demonym | None:
    """Return the demonym reading of a compound nationality (Franco-Ivoirienne, Sénégalo-Turc,
    Italo-Suisses): a demonym after one or more combining forms in *-o*, each the stem of a
    demonym (franco-: français, sénégalo-: sénégalais), or None. Its country is the last
    part's; a place (Porto-Vecchio) has no demonym last."""
    if "-" not in word:
        return None
    parts = word_key(word).split()
    known = _tables().demonyms
    last = known.get(parts[-1]) if len(parts) >= 2 else None
    if last is None or not all(p.endswith("o") and len(p) >= 4 for p in parts[:-1]):
        return None
    if not all(any(key.startswith(p[:-1]) for key in known) for p in parts[:-1]):
        return None
    return last


def country_code(name: str) -> str | None:
    """Return the ISO 3166-1 alpha-3 code of a country name (Allemagne, Germany, UE), or None."""
    return _tables().names.get(word_key(name))


def capital_country(name: str) -> str | None:
    """Return the country a capital or seat of power stands for (Moscou, Kremlin → RUS), or None."""
    return _tables().capitals.get(word_key(name))


def is_capital(name: str) -> bool:
    """Tell whether a name is a capital city (Madrid), not a seat of power (Kremlin)."""
    return word_key(name) in _tables().capital_cities


def any_capital_country(name: str) -> str | None:
    """Return the country whose capital city a name is, from ``capitals.tsv`` or else from the
    starter KB's table of every country's capital (Brazzaville → COG), or None. Only the
    capital descriptions use the KB's rows; metonymy keeps to ``capitals.tsv``."""
    key = word_key(name)
    if key in _tables().capital_cities:
        return _tables().capitals[key]
    return _kb_capitals().get(key)


@cache
def _kb_capitals() -> dict[str, str]:
    """Return capital -> iso3 from the starter KB's countries.tsv (kb/data; sources in its
    header), French and English names."""
    text = resources.files("veille.kb").joinpath("data", "countries.tsv").read_text(encoding="utf-8")
    capitals: dict[str, str] = {}
    for row in text.splitlines():
        if not row.strip() or row.startswith("#"):
            continue
        cells = (row.split("\t") + [""] * 5)[:5]
        for name in (cells[3], cells[4]):
            if name:
                capitals.setdefault(word_key(name), cells[1])
    return capitals


def country(iso3: str) -> Country | None:
    """Return the names of a country by its code."""
    return _tables().countries.get(iso3)


@dataclass(frozen=True)
class _Tables:
    demonyms: dict[str, Demonym]
    names: dict[str, str]
    capitals: dict[str, str]
    countries: dict[str, Country]
    capital_cities: frozenset[str]


def _rows(name: str) -> list[dict[str, str]]:
    return tables.read_records(name)


@cache
def _tables() -> _Tables:
    countries: dict[str, Country] = {}
    names: dict[str, str] = {}
    capital_rows = _rows("capitals.tsv")
    # A French text calls a capital by a name that may be its country's English one (Mexico,
    # the city; the country is le Mexique): there the name is the capital's, not the country's.
    french_cities = {word_key(row["name"]) for row in capital_rows if row["kind"] == "capital"}
    for row in _rows("countries.tsv"):
        countries[row["iso3"]] = Country(row["iso3"], row["name_fr"], row["name_en"])
        names.setdefault(word_key(row["name_fr"]), row["iso3"])
        if word_key(row["name_en"]) not in french_cities:
            names.setdefault(word_key(row["name_en"]), row["iso3"])
    for row in _rows("country_aliases.tsv"):
        names.setdefault(word_key(row["name"]), row["iso3"])
    demonyms: dict[str, Demonym] = {}
    for row in _rows("demonyms.tsv"):
        iso3 = row["iso3"]
        forms = [  # in this order, so that français reads as singular first
            (row["masc_sg"], "m", "sg"),
            (row["fem_sg"], "f", "sg"),
            (row["masc_pl"], "m", "pl"),
            (row["fem_pl"], "f", "pl"),
        ]
        for form, gender, number in forms:
            # russe/russe: a form shared by both genders carries no gender.
            epicene = row["masc_sg"] == row["fem_sg"] if number == "sg" else row["masc_pl"] == row["fem_pl"]
            demonyms.setdefault(
                word_key(form),
                Demonym(iso3, None if epicene else gender, number),  # type: ignore[arg-type]
            )
    capitals = {word_key(row["name"]): row["iso3"] for row in capital_rows}
    cities = frozenset(word_key(row["name"]) for row in capital_rows if row["kind"] == "capital")
    return _Tables(demonyms, names, capitals, countries, cities)


@cache
def _divisions() -> dict[str, str]:
    return {word_key(row["name"]): row["kind"] for row in tables.read_records("french_divisions.tsv")}


def french_division(name: str) -> str | None:
    """Return ``region`` or ``departement`` for the name of a French region or département
    (INSEE's Code officiel géographique: Bretagne, Nord, Ille-et-Vilaine), else None."""
    return _divisions().get(word_key(name))
