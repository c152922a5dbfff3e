"""Compare names: the tests that decide whether two surface forms name the same entity.

Used by the resolve stage. Kept apart so that the guards (Jean is not Joan, Kim Jong-un
is not Kim Yo-jong) can be read and tested in one place.
"""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz.distance import OSA, Levenshtein

from veille.analysis.lang.fr import tables
from veille.analysis.lang.fr.words import NAME_PARTICLES
from veille.normal import word_key

_DOUBLED = re.compile(r"(.)\1")


def tokens(name: str) -> list[str]:
    """Return the normalised words of a name (hyphens split: Jong-un → jong un)."""
    return word_key(name).split()


def similar_word(a: str, b: str) -> bool:
    """Tell whether two normalised words are the same word up to a typo.

    Tolerated: a doubled or undoubled letter (Steeve/Steve), two swapped letters
    (Kiyv/Kyiv), one edit in a word of 6 letters or more (Vladuimir/Vladimir, and a
    substitution between words of one length: Novotny/Novatny), two edits from 10 letters.
    Short words must be exact otherwise: Jean and Joan are two names.
    """
    if a == b:
        return True
    if a[:1] != b[:1]:
        return False
    if a + "e" == b or b + "e" == a or a + "a" == b or b + "a" == a:
        return False  # Martin and Martine, Daniel and Daniela: two people
    shortest = min(len(a), len(b))
    if shortest >= 4 and _DOUBLED.sub(r"\1", a) == _DOUBLED.sub(r"\1", b):
        return True
    if shortest >= 4 and len(a) == len(b) and OSA.distance(a, b) == 1 and Levenshtein.distance(a, b) == 2:
        return True  # two swapped letters (Kiyv/Kyiv); a substitution is judged by length below
    distance = Levenshtein.distance(a, b)
    return (shortest >= 6 and distance <= 1) or (shortest >= 10 and distance <= 2)


def similar_name(a: str, b: str) -> bool:
    """Tell whether two names are spellings of one name (Vladuimir Poutine, Vladimir Poutine).

    Same number of words, each similar; when the name has several words one of them must
    be exact, so that two typos never make one person of two.
    """
    ta, tb = tokens(a), tokens(b)
    if len(ta) != len(tb) or ta == tb:
        return ta == tb
    if len(ta) >= 2 and ta[:-1] == tb[:-1] and (_struck(ta[-1], tb[-1]) or _undoubled(ta[-1], tb[-1])):
        return True  # Yann Le Bihan, Yann Le Bihen; Le Goff, Le Gof: the words before say who
    if ta[:-1] == tb[:-1] and _compound_end(a) and _compound_end(b) and _dropped(ta[-1], tb[-1]):
        # Mbemba-Ndinga, Mbemba-Ndiga: the first half of a compound surname is a surname
        # itself, which a given name (Jean Martin, Jean Marin) is not.
        return True
    differ = [(x, y) for x, y in zip(ta, tb, strict=True) if x != y]
    if len(ta) >= 3 and len(differ) == 1 and _struck(*differ[0]) and not all(map(is_given_name, differ[0])):
        # Ibrahima Sory Kourouma, Ibrahima Sori Kourouma: the two other words say who; two
        # given names (Anne Marie, Anne Maria Dupont) may be two sisters.
        return True
    if not all(similar_word(x, y) for x, y in zip(ta, tb, strict=True)):
        return False
    return len(ta) == 1 or any(x == y for x, y in zip(ta, tb, strict=True))


def _undoubled(a: str, b: str) -> bool:
    """Tell whether two short last words differ by a doubled letter only (Goff, Gof), which
    similar_word accepts alone from four letters: after the same words, one is a typo."""
    return min(len(a), len(b)) >= 3 and a != b and _DOUBLED.sub(r"\1", a) == _DOUBLED.sub(r"\1", b)


def _compound_end(name: str) -> bool:
    """Tell whether a name ends on a hyphenated compound (Gaston Mbemba-Ndinga)."""
    words = name.split()
    return bool(words) and "-" in words[-1].strip("-")


def _dropped(a: str, b: str) -> bool:
    """Tell whether two last words differ by one letter dropped or added inside the word
    (Ndinga, Ndiga), not at its end (Martin, Martins, Martine may be other names)."""
    short, long = sorted((a, b), key=len)
    return (
        len(long) == len(short) + 1
        and len(short) >= 4
        and short[0] == long[0]
        and short[-1] == long[-1]
        and Levenshtein.distance(short, long) == 1
    )


def _struck(a: str, b: str) -> bool:
    """Tell whether two surnames of four letters or more differ by one struck key (Bihan,
    Bihen): same length, same first letter, one letter replaced. Said alone such words may
    be two names (Morin, Marin); after the same given name, one is a typo of the other."""
    return len(a) == len(b) >= 4 and a[0] == b[0] and Levenshtein.distance(a, b) == 1


def surnames(full: str) -> list[str]:
    """Return the forms a full name can be shortened to: its last words (Poutine;
    Le Maire; de Gonneville and Gonneville)."""
    words = tokens(full)
    forms = []
    for i in range(1, len(words)):
        tail = words[i:]
        if tail[0] in NAME_PARTICLES and len(tail) == 1:
            continue
        forms.append(" ".join(tail))
    return forms


def paternal_surname(full: str) -> str | None:
    """Return the first of two surnames after a given name (Lucía Mamani Torres → mamani),
    the form by which the Spanish-language press, and the French press after it, calls the
    person: Hispanic names carry the father's surname, then the mother's. None when the name
    is not given name + two surnames (Jean Paul Martin: Paul is a given name too)."""
    words = full.split()
    if len(words) != 3 or any("-" in w or not w[:1].isupper() for w in words):
        return None
    given, middle, last = (word_key(w) for w in words)
    names = _given_names()
    if given not in names or middle in names or {middle, last} & NAME_PARTICLES:
        return None
    return middle


def compound_shortened(full: str) -> str | None:
    """Return a name with its hyphenated surname cut to the first half (aimee nsimba of Aimée
    Nsimba-Luzolo): a double surname joins two family names, and the press, or a hurried
    second mention, keeps the first after the same given name. Only after a given name of
    ``first_names.tsv`` (the given name says who) and a first half of three letters or more;
    None otherwise."""
    words = full.split()
    if len(words) != 2 or not is_given_name(word_key(words[0])):
        return None
    halves = words[1].split("-")
    if len(halves) != 2 or len(halves[0]) < 3 or not all(h[:1].isupper() for h in halves):
        return None
    return word_key(f"{words[0]} {halves[0]}")


def is_given_name(word: str) -> bool:
    """Tell whether a word is a given name of ``first_names.tsv`` (Jean, Aminata)."""
    return word_key(word) in _given_names()


@cache
def _given_names() -> frozenset[str]:
    """Return the given names of ``first_names.tsv``, as word keys."""
    return frozenset(word_key(cells[0]) for _, cells in tables.read_rows("first_names.tsv", 3))


_INITIAL = re.compile(r"^(?:[A-ZÀ-Ý]\.-?)+$")  # J. | J.-P. | J.P.: given names cut to initials


def initialled(full: str) -> str | None:
    """Return the key of a name with its given names cut to their initials (j p fabregat for
    Jean-Paul Fabrégat, written J.-P. Fabrégat; j fabregat for Jean Fabrégat), the form the
    press uses for a name said again; None for a name of one word or already initialled."""
    given, _, surname = full.partition(" ")
    if not surname or _INITIAL.match(given) or not given[:1].isupper():
        return None
    letters = [part[:1] for part in word_key(given).split()]
    return " ".join([*letters, *tokens(surname)])


def is_initialled(name: str) -> bool:
    """Tell whether a name opens with initials (J.-P. Fabrégat, M. C. Dupont is not: M. is a title)."""
    given, _, surname = name.partition(" ")
    return bool(surname) and given not in ("M.", "MM.") and bool(_INITIAL.match(given))


def first_name(full: str) -> str | None:
    """Return the first word of a name of two words or more (Donald of Donald Trump)."""
    words = tokens(full)
    return words[0] if len(words) >= 2 and words[0] not in NAME_PARTICLES else None


def given_names(full: str) -> str | None:
    """Return the given names that open a name when there are several (jean hugues of
    Jean-Hugues Maillot, mamadou lamine of Mamadou Lamine Diouf): each word, and each part
    of a hyphenated word, a given name of ``first_names.tsv``, the surname left after them."""
    words = full.split()
    given: list[str] = []
    for word in words[:-1]:
        parts = word.split("-")
        if not all(is_given_name(p) for p in parts):
            break
        given.extend(parts)
    return word_key(" ".join(given)) if len(given) >= 2 else None


def initials(name: str) -> str:
    """Return the initials of a name's content words (Union suisse des paysans → USP)."""
    words = [w for w in word_key(name).split() if w not in NAME_PARTICLES and w not in ("l", "et", "les")]
    return "".join(w[0] for w in words).upper()
