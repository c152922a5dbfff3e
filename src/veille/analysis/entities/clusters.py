"""Clusters of mentions that become entities, and the merges between them: organisation
aliases, typos, surnames, first names and the heads of hyphenated places.

Used by the resolve stage (``resolve.py``); the name tests are in ``names.py``, the acronym
merges in ``abbreviations.py``.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from veille.analysis.entities.acronyms import is_acronym
from veille.analysis.entities.groupnames import phrase_name, proper_word
from veille.analysis.entities.names import (
    compound_shortened,
    first_name,
    given_names,
    initialled,
    is_given_name,
    is_initialled,
    paternal_surname,
    similar_name,
    similar_word,
    surnames,
    tokens,
)
from veille.analysis.entities.namesakes import side_by_side, surname_as_place
from veille.analysis.lang.fr import countries, tables
from veille.analysis.lang.fr.nouns import is_common_noun
from veille.analysis.lang.fr.words import OF, TO
from veille.model import Gender, Mention, Role
from veille.normal import name_key, word_key


@dataclass
class RoleFact:
    role: Role
    cls: str
    complement: str | None  # normalised complement before a named one (affaires etrangeres)
    named: str | None = None  # the whole complement with its name (secretaire general de l'OTAN: otan)
    implies: frozenset[str] = frozenset()  # trades the organisation gives (délégué CGT: unionist)
    hidden: bool = False  # told by a title of address only (Me X: a lawyer), not shown as a role


@dataclass(eq=False)  # compared and hashed by identity: two clusters are never "equal"
class Cluster:
    """An entity under construction."""

    mentions: list[Mention]
    type: str
    group: bool = False
    country: str | None = None
    gender: Gender | None = None
    roles: list[RoleFact] = field(default_factory=list)
    preferred: str | None = None  # the usual name, where an alias table gave one
    # longest, kept with the number of mentions it was read from: mentions are only ever
    # added (or replaced by a copy with the same text and place), and the resolution steps
    # ask a cluster's name thousands of times between two additions.
    _longest: tuple[int, str] | None = field(default=None, init=False, repr=False)

    @property
    def names(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind == "name"]

    @property
    def longest(self) -> str:
        if self.preferred:
            return self.preferred
        if self._longest is not None and self._longest[0] == len(self.mentions):
            return self._longest[1]
        names = self.names
        longest = best_name(names) if names else self.mentions[0].text
        self._longest = (len(self.mentions), longest)
        return longest

    def absorb(self, other: Cluster) -> None:
        self.mentions.extend(other.mentions)
        if self.type != "PER" and other.type == "PER":
            self.type = "PER"
        self.gender = self.gender or other.gender
        self.roles.extend(other.roles)


def merge_aliases(clusters: list[Cluster], aliases: dict[str, tuple[int, int]]) -> list[Cluster]:
    """Merge two names of one organisation (OTAN, Alliance atlantique) from ``org_aliases.tsv``."""
    groups: dict[int, Cluster] = {}
    result = []
    for cluster in sorted(clusters, key=lambda c: min(m.start for m in c.mentions)):
        group = next((aliases[k][0] for m in cluster.names if (k := name_key(m.text)) in aliases), None)
        if group is None or cluster.group:
            result.append(cluster)
            continue
        # The table lists organisations: the model tags Etat islamique LOC, and a party named
        # by a common word (Renaissance, Horizons) a person.
        if cluster.type in ("LOC", "MISC") or (cluster.type == "PER" and cluster.gender is None):
            cluster.type = "ORG"
        if group in groups:
            groups[group].absorb(cluster)
        else:
            groups[group] = cluster
            result.append(cluster)
    # Name a merged entity by the form the table lists first (Manchester United, not
    # Red Devils), among those the article uses.
    for cluster in groups.values():
        listed = {(aliases[k][1], m.text) for m in cluster.names if (k := name_key(m.text)) in aliases}
        if len({rank for rank, _ in listed}) > 1:
            cluster.preferred = min(listed)[1]
    return result


@cache
def load_aliases() -> dict[str, tuple[int, int]]:
    """Read ``data/org_aliases.tsv`` once: normalised name → (group, rank in the group)."""
    text = tables.read_text("org_aliases.tsv")
    groups = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {name_key(name): (n, rank) for n, names in enumerate(groups) for rank, name in enumerate(names)}


def merge_names(clusters: list[Cluster], text: str = "") -> list[Cluster]:
    """Merge typos, surnames and first names into the full names they stand for."""
    # 1. Typos of a name (Vladuimir Poutine, Steeve Witkoff, Kiyv): same kind of entity,
    #    the same words up to a typo; the earlier and more frequent spelling absorbs.
    clusters = _merge_glued(sorted(clusters, key=lambda c: -len(c.mentions)))
    merged: list[Cluster] = []
    # Two names similar_name accepts have as many words, with the same first letters: only
    # the clusters of that shape are tried, in the order they were kept (trying every pair
    # made the step quadratic in the number of names of a long text).
    by_shape: dict[tuple[str, ...], list[tuple[int, Cluster]]] = {}
    for cluster in clusters:
        home = next(
            (
                m
                for _position, m in by_shape.get(_shape(cluster.longest), ())
                if _same_family(m, cluster)
                and _genders_fit(m, cluster)
                and not m.group
                and not cluster.group
                and similar_name(m.longest, cluster.longest)
                and not side_by_side(m.names, cluster.names, text)  # Antoine Girard et Antoine Giraud
            ),
            None,
        )
        if home is not None:
            shape = _shape(home.longest)
            home.absorb(cluster)
            if _shape(home.longest) != shape:  # its fullest name changed: it moves
                entry = next(e for e in by_shape[shape] if e[1] is home)
                by_shape[shape].remove(entry)
                bisect.insort(by_shape.setdefault(_shape(home.longest), []), entry, key=lambda e: e[0])
        else:
            by_shape.setdefault(_shape(cluster.longest), []).append((len(merged), cluster))
            merged.append(cluster)
    # 2. A surname alone (Poutine, Le Maire, de Gonneville) or a first name alone (Donald)
    #    joins the one full name it shortens. Two full names that share it (two Le Pen)
    #    make it ambiguous: it stays apart. A place never joins a person (Paris, Paris Hilton).
    #    A name opened by a lower-case common noun (gouvernement Morvillier, affaire Dumas)
    #    is named after a person, and is none: it lends no surname.
    anchors = [
        c
        for c in merged
        if c.type in ("PER", "MISC")
        and not c.group
        and len(tokens(c.longest)) >= 2
        and not is_common_noun(c.longest.split()[0])
        and not is_initialled(c.longest)  # J.-P. Fabrégat shortens a name; it lends none
    ]
    short_forms: dict[str, list[Cluster]] = {}
    for anchor in anchors:
        forms = set(surnames(anchor.longest))
        given = first_name(anchor.longest)
        if given and anchor.type == "PER":
            forms.add("first:" + given)
            several = given_names(anchor.longest)  # Jean-Hugues of Jean-Hugues Maillot
            if several:
                forms.add("first:" + several)
            paternal = paternal_surname(anchor.longest)  # Mamani of Lucía Mamani Torres
            if paternal:
                forms.add(paternal)
            half = compound_shortened(anchor.longest)  # Aimée Nsimba of Aimée Nsimba-Luzolo
            if half:
                forms.add(half)
            initials = initialled(anchor.longest)  # J.-P. Fabrégat of Jean-Paul Fabrégat
            if initials:
                forms.add(initials)
        for form in forms:
            short_forms.setdefault(form, []).append(anchor)
    # The one-word surnames by first letter, which a typo keeps (similar_word): a lone word
    # is compared with those only.
    lone_forms: dict[str, list[tuple[str, list[Cluster]]]] = {}
    for form, found in short_forms.items():
        if not form.startswith("first:") and " " not in form:
            lone_forms.setdefault(form[:1], []).append((form, found))
    # The surnames of several words by their number of words and first letter, which
    # similar_name keeps: a name is compared with those only.
    compound_forms: dict[tuple[int, str], list[tuple[str, list[Cluster]]]] = {}
    for form, found in short_forms.items():
        if " " in form and not form.startswith("first:"):
            compound_forms.setdefault(_length_and_initial(form), []).append((form, found))
    result = []
    for cluster in merged:
        key = " ".join(tokens(cluster.longest))
        person = cluster.type in ("PER", "MISC") or surname_as_place(cluster.longest, cluster.type)
        owners = [] if not person or cluster.group else short_forms.get(key, [])
        if not owners and cluster.type in ("PER", "MISC") and not cluster.group:
            owners = short_forms.get("first:" + key, [])
            if short_forms.get(key):  # also someone's surname: ambiguous
                owners = []
        if not owners and cluster.type in ("PER", "MISC") and not cluster.group and " " not in key:
            owners = _typo_owners(key, lone_forms)  # Ouazani for Karim Ouazzani
        if not owners and cluster.type in ("PER", "MISC") and not cluster.group and " " in key:
            owners = _compound_typo_owners(key, compound_forms)  # Mabiala-Ngomma for X Mabiala-Ngoma
        bare = (
            not owners
            and cluster.type in ("ORG", "LOC")
            and _bare_first_name(cluster, key, text, short_forms)
        )
        if bare:
            owners = short_forms["first:" + key]  # Selon Marine, … for Marine Tondelier, tagged ORG
        # M. Vasseur joins Thierry Vasseur, not Hélène Vasseur: the titles' gender decides.
        owners = [o for o in owners if o is not cluster and _genders_fit(o, cluster)]
        if cluster.type == "LOC" and not bare:  # a place's name joins a person's only behind a given name
            owners = [o for o in owners if is_given_name(o.longest.split()[0].split("-")[0])]
        if len(owners) == 1:
            owners[0].absorb(cluster)
        else:
            result.append(cluster)
    # 3. An organisation's first word alone (le Conseil; Manchester for Manchester United)
    #    for its full name, when unique. A country or capital alone stays a place (Paris is
    #    not Paris Saint-Germain).
    final = []
    orgs = [c for c in result if c.type == "ORG" and any(len(m.text.split()) >= 2 for m in c.names)]
    for cluster in result:
        name = cluster.longest
        shortened = cluster.type == "ORG" or (
            cluster.type == "LOC" and not countries.country_code(name) and not countries.capital_country(name)
        )
        # A place said after a locative preposition (à Vierzon, en Corrèze) is the place,
        # not the list or the club named after it (Vierzon Debout, Vierzon en commun).
        placed = cluster.type == "LOC" and any(_after_locative(text, m.start) for m in cluster.names)
        if shortened and len(tokens(name)) == 1 and not name.isupper() and not cluster.group and not placed:
            # Whole words only: Nice-Matin is not Nice.
            # A place alone never joins a group named by a phrase (Nîmes, Nîmes en commun).
            town = cluster.type == "LOC" and proper_word(name)
            owners = [
                o
                for o in orgs
                if any(_first_word_is(m.text, name) for m in o.names)
                and not (town and any(phrase_name(m.text) for m in o.names))
                and not (cluster.type == "LOC" and _named_before(cluster, o, text))
            ]
            if len(owners) == 1:
                owners[0].absorb(cluster)
                continue
        final.append(cluster)
    return final


def merge_retitled(clusters: list[Cluster], before: dict[int, str], text: str = "") -> list[Cluster]:
    """Let the people a title made of other names lend their surname (``before``: each
    cluster's type, by id, before the titles were read).

    The model tags some people's full names as places or organisations (au ministre de
    l'Urbanisme, Essozimna Batchassi-Koffi: an unknown given name), and merge_names gives
    such a name no surname; the title apposed to it made it a person since. Its surname said
    alone (Le ministre Batchassi-Koffi) joins it now, by merge_names over the people only,
    so that a surname two people share still stays apart."""
    if not any(c.type == "PER" and before.get(id(c), "PER") != "PER" for c in clusters):
        return clusters
    people = [c for c in clusters if c.type in ("PER", "MISC")]
    merged = {id(c) for c in merge_names(people, text)}
    return [c for c in clusters if c.type not in ("PER", "MISC") or id(c) in merged]


def _merge_glued(clusters: list[Cluster]) -> list[Cluster]:
    """Merge two spellings of one name that differ only by a hyphen or a space between its
    words (Vortex-7 and Vortex7, Val-Fleuri and ValFleuri): same kind of entity (or one
    left MISC by the model), one of them in several words, the letters the same; the first
    one kept absorbs."""
    kept: dict[str, Cluster] = {}
    result = []
    for cluster in clusters:
        words = tokens(cluster.longest)
        glued = "".join(words)
        home = kept.get(glued)
        if (
            home is not None
            and len(glued) >= 5
            and len(words) != len(tokens(home.longest))
            and (_same_family(home, cluster) or "MISC" in (home.type, cluster.type))
            and not home.group
            and not cluster.group
        ):
            home.absorb(cluster)  # the model's MISC for one spelling is no other kind
            continue
        kept.setdefault(glued, cluster)
        result.append(cluster)
    return result


def _named_before(place: Cluster, org: Cluster, text: str) -> bool:
    """Tell whether a place is said only before the organisation named after it first is,
    each time as a preposition's complement (au large de Sein … l'association Sein Avenir):
    a short form follows the full name it shortens, so a place told first is the place. A
    subject may still be the club (Manchester a battu Chelsea … Manchester United)."""
    first_full = min((m.start for m in org.names if len(m.text.split()) >= 2), default=None)
    return first_full is not None and all(
        m.start < first_full and _after_preposition(text, m.start) for m in place.names
    )


def _after_preposition(text: str, start: int) -> bool:
    before = _words_before(text, start)
    return bool(before) and (before[-1] in _PREPOSITIONS or before[-1].endswith("d'"))


def _bare_first_name(cluster: Cluster, key: str, text: str, short_forms: dict[str, list[Cluster]]) -> bool:
    """Tell whether an organisation or a place of one word is the first name of the one
    person named in full with it, said alone without an article (Selon Marine, … with Marine
    Tondelier; not la Marine, the navy; a résumé Adama, … with Adama Koné; not à Adama): the
    model tags some first names as organisations or places."""
    if len(short_forms.get("first:" + key, [])) != 1 or short_forms.get(key) or cluster.longest.isupper():
        return False
    # A place the text names as one (à Adama, le pays) keeps its type: a first name tagged
    # as a place is only ever said bare, and is no country or capital.
    place = cluster.type == "LOC"
    if place and (countries.country_code(cluster.longest) or countries.capital_country(cluster.longest)):
        return False
    if place:
        person = short_forms["first:" + key][0]
        if min(m.start for m in cluster.mentions) < _first_named(person):
            return False  # a first name said before the full name is nobody's short form yet
        if any(is_acronym(word) for word in person.longest.split()[1:]):
            return False  # Ormeval SAS: a company's legal form, which the model read as a person

    return bool(text) and all(
        m.kind == "name"
        and " " not in m.text
        and not _after_article(text, m.start)
        and not (place and _after_preposition(text, m.start))
        for m in cluster.mentions
    )


def _first_named(person: Cluster) -> int:
    """Return where a person's name is first said in full (two words or more); a person
    never named so in full is named nowhere (sys.maxsize)."""
    return min((m.start for m in person.names if " " in m.text), default=sys.maxsize)


def _after_article(text: str, start: int) -> bool:
    before = text[max(start - 4, 0) : start].lower()
    return before.endswith(("le ", "la ", "l'", "l’", "les ", "du ", "au ", "des "))


def _after_locative(text: str, start: int) -> bool:
    """Tell whether a name follows a locative preposition (à, en, dans, depuis, vers, près de)."""
    before = _words_before(text, start)
    return bool(before) and (before[-1] in _LOCATIVE or before[-2:] == ["près", "de"])


def _words_before(text: str, start: int) -> list[str]:
    """Return the lower-case words of the dozen characters before ``start`` (apostrophes
    straight)."""
    return text[max(start - 12, 0) : start].lower().replace("’", "'").split()


_LOCATIVE = TO | {"en", "dans", "depuis", "vers"}
_PREPOSITIONS = _LOCATIVE | OF | {"sur", "sous", "devant", "près", "entre", "par", "pour"}


def _typo_owners(key: str, lone_forms: dict[str, list[tuple[str, list[Cluster]]]]) -> list[Cluster]:
    """Return the one full name whose surname a lone word misspells (Ouazani for Karim
    Ouazzani), or nobody when none or several do; ``lone_forms``: the one-word surnames
    and their owners, by first letter."""
    candidates = lone_forms.get(key[:1], ())
    owners = {id(o): o for form, found in candidates if similar_word(key, form) for o in found}
    return list(owners.values()) if len(owners) == 1 else []


def _compound_typo_owners(
    key: str, compound_forms: dict[tuple[int, str], list[tuple[str, list[Cluster]]]]
) -> list[Cluster]:
    """Return the one full name whose surname of several words a name misspells
    (Mabiala-Ngomma for Alphonse Mabiala-Ngoma, Ould Sidy for Mohamed Ould Sidi), or nobody
    when none or several do. A name opening with a given name is someone's full name, not a
    surname said alone (Marie Dupont is not Anne Marie Dupond). ``compound_forms``: the
    surnames of several words and their owners, by ``_length_and_initial``."""
    if is_given_name(key.split()[0]):
        return []
    candidates = compound_forms.get(_length_and_initial(key), ())
    owners = {id(o): o for form, found in candidates if similar_name(key, form) for o in found}
    return list(owners.values()) if len(owners) == 1 else []


def _length_and_initial(name: str) -> tuple[int, str]:
    """Return a name's number of words and first letter: two names similar_name takes for
    one have the same (the same words, each the same up to a typo that keeps its first
    letter, or the same words before a last one that keeps it)."""
    words = tokens(name)
    return len(words), words[0][:1] if words else ""


def best_name(mentions: list[Mention]) -> str:
    """Return the fullest name form: most words, then the first spelling (an article
    introduces a person by the full, correct name; typos come later), then the most frequent.
    A form in running text beats one set in capitals in a heading (VAL DE LOIRAC)."""
    counts = Counter(m.text for m in mentions)
    first = {m.text: -m.start for m in sorted(mentions, key=lambda m: -m.start)}
    return max(counts, key=lambda t: (len(tokens(t)), not (" " in t and t.isupper()), first[t], counts[t]))


def _first_word_is(full: str, word: str) -> bool:
    words = full.split()
    return len(words) >= 2 and word_key(words[0]) == word_key(word)


def _shape(name: str) -> tuple[str, ...]:
    """Return the first letter of each of a name's words: similar_name needs the same."""
    return tuple(word[:1] for word in tokens(name))


def _genders_fit(a: Cluster, b: Cluster) -> bool:
    return a.gender is None or b.gender is None or a.gender == b.gender


def _same_family(a: Cluster, b: Cluster) -> bool:
    """PER and MISC may be one person (the model tags Recep Tayyip Erdogan MISC); other
    types must agree."""
    people = {"PER", "MISC"}
    return a.type == b.type or (a.type in people and b.type in people)


def merge_place_heads(clusters: list[Cluster]) -> list[Cluster]:
    """Merge the first part of a hyphenated place said alone into it (Boulogne for
    Boulogne-Billancourt, Châlons for Châlons-en-Champagne) when one place of the article
    starts so; a country or a capital alone stays itself (Paris is not Paris-Saclay)."""
    places = [c for c in clusters if c.type == "LOC" and not c.group]
    result = []
    for cluster in clusters:
        name = cluster.longest
        # The capitalised Région or Département is the institution of the one region or
        # département the article names (la région Normandie … la Région a voté).
        kind = word_key(name) if name[:1].isupper() and word_key(name) in ("region", "departement") else None
        same = [c for c in places if kind and countries.french_division(c.longest) == kind]
        if len(same) == 1 and same[0] is not cluster:
            same[0].absorb(cluster)
            continue
        alone = cluster in places and "-" not in name and " " not in name and len(name) > 2
        if alone and not countries.country_code(name) and not countries.capital_country(name):
            longer = [
                c for c in places if c is not cluster and word_key(_place_head(c.longest)) == word_key(name)
            ]
            if len(longer) == 1:
                longer[0].absorb(cluster)
                continue
        result.append(cluster)
    return result


# A place's name whose head word is followed by a complement naming another place (Quai
# d'Orsay, Val de Marne): the press says its head alone (le Quai) for the whole.
_HEADED = re.compile(r"^(\w+) (?:d['’]|de |du |des )[A-ZÀÂÉÈÊÎÔÛ]")


def _place_head(name: str) -> str:
    """Return the part of a place's name said alone for it: the first part of a hyphenated
    name (Boulogne-Billancourt) or the head before a capitalised complement (Quai d'Orsay);
    an empty string for any other name."""
    if "-" in name and " " not in name.split("-")[0]:
        return name.split("-")[0]
    headed = _HEADED.match(name)
    return headed.group(1) if headed else ""
