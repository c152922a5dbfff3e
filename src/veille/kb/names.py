"""Turn names into the keys the KB is searched by: normalised forms and transliteration keys.

Two spellings of one name should share a key: *Zelensky / Zelenskyy / Zelenskiy / Zelenski*,
*Kyiv / Kiyv*, *Etats-Unis / États-Unis*, *l'OTAN / Otan*. The normalised form folds case,
accents, hyphens and apostrophes; the transliteration key folds further the letters that
English, French and German transliterations of Cyrillic and Arabic names disagree on.
"""

from __future__ import annotations

import re

from veille.normal import name_key

# Transliteration folds, applied in order to a normalised form. Each pair is a spelling
# difference between the French, English and German transliterations of the same name
# (Poutine/Putin, Ouchakov/Ushakov, Zelenskyy/Zelensky, Tchernov/Chernov, Kiew/Kiev):
# French tch and English ch meet at sh, as do French ch and English sh..
_TRANSLIT = (
    ("tch", "ch"),
    ("ch", "sh"),
    ("ou", "u"),
    ("kh", "h"),
    ("sch", "sh"),
    ("ph", "f"),
    ("w", "v"),
    ("y", "i"),
    ("j", "i"),
    ("ck", "k"),
    ("q", "k"),
    ("c", "k"),
)
_REPEATS = re.compile(r"(.)\1+")


def translit_key(name: str) -> str:
    """Return a coarser key that transliteration variants of one name share."""
    key = name_key(name).replace(" ", "")
    for old, new in _TRANSLIT:
        key = key.replace(old, new)
    return _REPEATS.sub(r"\1", key)


def surname_of(full_name: str) -> str | None:
    """Return the family-name part of a person's name, or None for a one-word name.

    Particles stay with the surname (*von der Leyen*, *Le Drian*, *De Wever*, *al-Assad*)
    because news writes them together.
    """
    words = full_name.split()
    if len(words) < 2:
        return None
    particles = {"von", "van", "der", "den", "de", "du", "le", "la", "da", "di", "del", "al", "el", "ben"}
    start = len(words) - 1
    while start > 1 and words[start - 1].casefold() in particles:
        start -= 1
    return " ".join(words[start:])


def demonym_forms(masculine: str) -> list[str]:
    """Return the four forms of a French demonym adjective from its masculine singular."""
    m = masculine
    if m.endswith("e"):
        fem = m
    elif m.endswith(("ien", "éen")):
        fem = m + "ne"
    elif m.endswith("on"):
        fem = m + "ne"
    elif m.endswith("c") and m == "turc":
        fem = "turque"
    elif m.endswith("c") and m == "grec":
        fem = "grecque"
    else:
        fem = m + "e"
    masc_pl = m if m.endswith(("s", "x")) else m + "s"
    return sorted({m, fem, masc_pl, fem + "s"})
