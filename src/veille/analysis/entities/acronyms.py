"""The acronyms a name may be called by, beyond the initials of all its words.

French news shortens a name in three more ways than its plain initials (*Union suisse des
paysans* → *USP*, ``names.initials``):

1. a word already in capitals stays whole in the acronym: a sports club's prefix (*AS
   Vitré* → *ASV*, *CA Brivadois* → *CAB*, *RC Lens* → *RCL*) or an institution's
   (*SNCF Voyageurs* → *SNCFV* follows the same rule), a hyphen's parts counting as words
   (*AS Saint-Étienne* → *ASSE*);
2. an establishment named by its category and its seat is called by the category alone:
   the initials of its lower-case head (*police judiciaire de Vannes* → *PJ*, *agence
   régionale de santé Centre-Val de Loire* → *ARS*, *chambre régionale des comptes
   d'Occitanie* → *CRC*), or the head itself when it is an acronym (*CHU de Rennes* → *CHU*);
3. the initials without the prepositions, which French acronyms skip as they skip *de*
   (*Agence nationale pour la rénovation urbaine* → *ANRU*).

The merge takes an acronym only when exactly one name of the article spells it, so a
second CHU or a second PJ in the text leaves every acronym apart.
"""

from __future__ import annotations

from functools import lru_cache

from veille.analysis.entities.names import initials
from veille.analysis.lang.fr.words import ACRONYM_SKIPPED, NAME_PARTICLES
from veille.normal import fold, word_key

_MINOR = frozenset({"l", "et", "les"})


@lru_cache(maxsize=1 << 14)  # pure: asked again for the same names by several merge steps
def acronym_forms(name: str) -> frozenset[str]:
    """Return the acronyms by which a name of two words or more may be called."""
    words = name.replace("’", "'").replace("'", "' ").split()
    if len(words) < 2:
        return frozenset()
    forms = {initials(name)}
    parts = [p for w in words for p in w.split("-")]
    forms.add("".join(fold(p)[:1].upper() for p in parts if _content(p) and fold(p) not in ACRONYM_SKIPPED))
    # 1. Words in capitals kept whole (AS Vitré → ASV, AS Saint-Étienne → ASSE).
    if any(is_acronym(w) for w in words):
        forms.add("".join(_letters(p) for p in parts if _content(p)))
    # 2. The lower-case category head before the seat (police judiciaire | de Vannes → PJ).
    head: list[str] = []
    for word in words:
        if word[:1].isupper() and not is_acronym(word):
            break
        head.append(word)
    seat = False
    while head and fold(head[-1].rstrip("'")) in NAME_PARTICLES:
        head.pop()  # police judiciaire de | Vannes: the particle goes with the seat
        seat = True
    if len(head) < len(words) and (seat or all(not is_acronym(w) for w in head)):
        content = [w for w in head if _content(w)]
        if len(content) == 1 and is_acronym(content[0]):
            forms.add(content[0])  # CHU de Rennes → CHU
        elif len(content) >= 2:
            forms.add("".join(w[0].upper() for w in content))
    forms.discard("")
    return frozenset(forms)


def is_acronym(word: str) -> bool:
    """Tell whether a word is an acronym: two capitals or more, letters only (UA, CGT)."""
    return len(word) >= 2 and word.isalpha() and word.isupper()


def _content(word: str) -> bool:
    key = fold(word.rstrip("'"))
    return bool(key) and key not in NAME_PARTICLES and key not in _MINOR


def _letters(word: str) -> str:
    return word if is_acronym(word) else fold(word)[:1].upper()


def abridged(acronym: str, name: str) -> bool:
    """Tell whether a name is the opening of the one its bracketed acronym spells, the rest
    left out by the writer (Office central de lutte contre la corruption (OCLCIFF): the
    acronym opens with the initials of three words or more of the name)."""
    return any(len(form) >= 3 and acronym.startswith(form) for form in acronym_forms(name))


def can_spell(acronym: str, name: str) -> bool:
    """Tell whether an acronym's letters appear in order in a name, the first one first."""
    letters, bare = word_key(acronym).replace(" ", ""), word_key(name).replace(" ", "")
    if not bare.startswith(letters[:1]):
        return False
    position = 0
    for letter in letters:
        position = bare.find(letter, position) + 1
        if position == 0:
            return False
    return True


def club_short(short: str) -> bool:
    """Tell whether a name is a capitals prefix and a seat (RC Montreval), as ``same_club``
    asks of its first name before it reads the second."""
    prefix, _, seat = short.partition(" ")
    return prefix.isupper() and 2 <= len(prefix) <= 4 and seat[:1].isupper()


def same_club(short: str, full: str) -> bool:
    """Tell whether a name of a capitals prefix and a seat (RC Montreval, AS Lorvenne, FC
    Nantes) abbreviates a longer name of the same seat (Racing Club de Montreval, Association
    sportive de Lorvenne, Football Club de Nantes): the prefix spells the words before it."""
    if not club_short(short):
        return False
    prefix, _, seat = short.partition(" ")
    head, _, rest = full.rpartition(" " + seat)
    if rest or not head or head.isupper():
        return False
    words = [w for w in head.replace("'", " ").split() if w not in ("de", "du", "des", "d")]
    return "".join(w[:1].upper() for w in words) == prefix
