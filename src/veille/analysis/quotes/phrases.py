"""Read a speaker phrase: its determiner, its head noun (singular), its gender and number.

Helpers of ``speakers.py``: a description's head noun is looked up in the lexicon's noun
classes, which hold singular forms (témoin, secouriste); a plural phrase (des témoins, les
secouristes) is looked up by its singular.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from veille.analysis.entities.incise import political_families
from veille.analysis.lang.fr.countries import demonym
from veille.analysis.lang.fr.words import PRENOMINAL_ADJECTIVES

_DETERMINER = re.compile(
    r"(?:(?:[Ll]es?|[Ll]a|[Uu]ne?|[Dd]es|[Ss]on|[Ss]a|[Ss]es|[Ll]eurs?|[Cc]e|[Cc]et|[Cc]ette|[Cc]es|[Nn]otre"
    r"|[Pp]lusieurs|[Qq]uelques|[Cc]ertaine?s|[Dd]e (?:nombreux|nombreuses)|[Nn]ombre de|[Dd]['’]autres)"
    r"(?: (?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d+))? |[Ll]['’])"
)
# Suffixes of French nouns of agents and inhabitants (Riegel, Pellat & Rioul, Grammaire
# méthodique du français, derivation: -eur/-euse/-rice, -ant/-ent, -iste, -ier/-ière, -aire,
# -ien/-ienne, -ais/-ois, -ard), singular and feminine forms: a person the lexicon lacks.
_AGENT_SUFFIXES = (
    "eur", "euse", "rice", "ant", "ante", "ent", "ente", "iste", "ier", "ière",
    "aire", "ien", "ienne", "ais", "aise", "ois", "oise", "ard", "arde",
)  # fmt: skip
# Suffixes of French gentilés (demonyms of regions and cities: Breton, Lyonnaise, Niçois).
_ORIGIN_SUFFIXES = ("ais", "aise", "ois", "oise", "ain", "aine", "ien", "ienne", "on", "onne", "in", "ine")
# Determiners that show a description's gender (son, l' and les do not).
_FEMININE_DETERMINERS = frozenset({"la", "une", "cette", "sa"})
_MASCULINE_DETERMINERS = frozenset({"le", "un", "ce", "cet", "du", "au"})
# Prenominal adjectives whose form shows the gender of a description after l'.
_FEMININE_PRENOMINAL = frozenset({"ancienne", "actuelle"})
_MASCULINE_PRENOMINAL = frozenset({"ancien", "actuel", "nouvel"})
# Determiners of a plural description of people who are not named (des témoins, les
# secouristes, plusieurs habitants): a group the gold guide adds as an entity of its own.
PLURAL_DETERMINERS = frozenset(
    {"les", "des", "ces", "plusieurs", "quelques", "certains", "certaines", "de", "nombre", "d'", "d’"}
)


def content_start(text: str, start: int, end: int) -> int:
    """Skip a leading determiner (le, la, l', les, un, son, cette, plusieurs…) of a phrase."""
    match = _DETERMINER.match(text[start:end])
    return start + match.end() if match else start


def phrase_gender(words: list[str]) -> str | None:
    """Return the gender a description's determiner shows (la lycéenne: f; le gendarme: m)."""
    first = words[0].lower() if words else ""
    if first in _FEMININE_DETERMINERS:
        return "f"
    if first in _MASCULINE_DETERMINERS:
        return "m"
    # l'ancienne avocate, l'ancien banquier: after l' a prenominal adjective shows the gender
    second = re.sub(r"^l['’]", "", first) or (words[1].lower() if len(words) > 1 else "")
    if second in _FEMININE_PRENOMINAL:
        return "f"
    if second in _MASCULINE_PRENOMINAL:
        return "m"
    if first != second:  # l'Espagnole, l'Allemand: a demonym's form shows the gender
        origin = demonym(second.rstrip(",.").split("-")[-1])
        return origin.gender if origin is not None else None
    return None


def head_noun(phrase: str) -> str:
    """Return the first word of a phrase without its determiner, lower-cased, after the
    adjectives French puts before a noun (une deuxième source → source)."""
    words = re.findall(r"[\w-]+", phrase.lower())
    while len(words) > 1 and (words[0] in PRENOMINAL_ADJECTIVES or words[0].endswith("ième")):
        words = words[1:]
    return words[0] if words else ""


def singular(noun: str, known: Collection[str]) -> str:
    """Return the noun as the lexicon holds it: itself, else its regular singular
    (témoins → témoin, journaux → journal) when that one is known."""
    if noun in known:
        return noun
    for plural, single in (("aux", "al"), ("eaux", "eau"), ("s", ""), ("x", "")):
        if noun.endswith(plural) and noun[: -len(plural)] + single in known:
            return noun[: -len(plural)] + single
    return noun


def is_plural(words: list[str], noun: str, known: Collection[str]) -> bool:
    """Return True for a plural description: a plural determiner, or a noun known only by
    its singular (les secouristes, des témoins, plusieurs riverains)."""
    first = words[0].lower() if words else ""
    return first in PLURAL_DETERMINERS or (noun not in known and singular(noun, known) != noun)


def agent_noun(word: str) -> bool:
    """Return True for a noun of a person by its suffix (adolescente, vacancier; not
    document, which ends in -ment)."""
    return word.endswith(_AGENT_SUFFIXES) and not word.endswith("ment")


def demonym_person(words: list[str]) -> bool:
    """Return True for le/la/l' + a capitalised demonym (le Breton, la Néerlandaise, la
    Franco-Algérienne, l'Espagnole): a country's (lang.fr.countries) or one with a suffix of
    origin."""
    elided = re.fullmatch(r"[Ll]['’](\w[\w-]*[,.]?)", words[0]) if len(words) == 1 else None
    if elided is not None:
        words = ["l'", elided.group(1)]  # l'Espagnole, l'Américain: the same after an elided article
    elif len(words) != 2 or words[0].lower() not in ("le", "la"):
        return False
    if not words[1][:1].isupper():
        return False
    last = words[1].rstrip(",.").split("-")[-1]
    return demonym(last) is not None or last.lower().endswith(_ORIGIN_SUFFIXES)


# A body's name in lower case: its head noun, one or two relational adjectives, then de and a
# place or a bare domain noun (conseil départemental du Gard, fédération française de
# cyclisme), not an article (le syndicat majoritaire de l'entreprise is a description).
_OFFICIAL = re.compile(
    r"[\w-]+\s+(?:[a-zàâçéèêëîïôûùüœ-]+\s+){1,2}(?:du|des|de|d['’])\s*"
    r"(?!(?:la|le|les|l['’]|un|une|son|sa|ses|leur|leurs|cette|ce|cet|ces)\b)\w"
)


def official_name(text: str, head: int, end: int) -> bool:
    """Return True when the phrase from its head noun is the name of an official body written
    in lower case (le conseil départemental du Gard), not a description of one named before."""
    return _OFFICIAL.match(text, head, end) is not None


def own_body(text: str, head: int, end: int) -> bool:
    """Return True when the phrase from its head noun is a government and its nationality (le
    gouvernement tchadien) or a group and its political family (le groupe socialiste,
    political_families.tsv): a body of its own, named by whose it is."""
    words = text[head:end].strip(" ,").split()
    if len(words) != 2 or not words[1].islower():
        return False
    noun, adjective = words[0].lower(), words[1]
    if noun == "gouvernement":
        return demonym(adjective) is not None
    return noun == "groupe" and adjective in political_families()


# A possessive, an optional adjective of order or novelty, then one noun (selon ses derniers calculs).
_POSSESSIVE_WORK = re.compile(
    r"(?:[Ss]on|[Ss]a|[Ss]es|[Ll]eurs?)\s+"
    r"(?:(?:propres|dernier|derniers|dernière|dernières|premier|premiers|première|premières"
    r"|nouveaux|nouvel|nouvelle|nouvelles)\s+)?([\w-]+)\s*"
)


def possessive_work(phrase: str, works: Collection[str]) -> bool | None:
    """Return whether a phrase is a possessive and a noun of a finding (selon ses travaux,
    d'après leurs calculs): None when it is none, else True for a plural possessor (leur,
    leurs) and False for a singular one."""
    match = _POSSESSIVE_WORK.fullmatch(phrase.strip())
    if match is None or match.group(1).lower() not in works:
        return None
    return phrase.strip().lower().startswith("leur")
