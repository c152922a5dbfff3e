"""Correct an entity's type with the evidence of its own name and context.

The model labels each mention alone, and often wrongly on names it has never seen: a
company it takes for a person (*Valmor*), a person for a place (*Arnaud Montebourg*), a
club for a place (*le Stade rennais*). Once the mentions are clustered, a cluster's type is
voted again from evidence the text gives, strongest first:

1. A legal form or a word that only names organisations (*Orsen Holding*, *Tarn Valley
   Museum*, *Radio Pays d'Oc*, *Dunmore United*), a club head with a demonym (*le Stade
   rennais*), or an organisation head opening a name of several words (*Comité
   organisateur…*): an ORG. A person with a gender or a role keeps PER.
2. A place or MISC name shaped as a person's (capitalised words and name particles only)
   that opens with a known first name (``first_names.tsv``): a PER. An organisation keeps
   its type (a company may bear its founder's name); a title next to it makes it a person.
3. A one-word name the model calls a person, with no first name, no title and no gender,
   that follows a noun whose complement is an organisation (*la direction de Valmor*,
   *l'usine Valmor*): an ORG.
4. An acronym tagged as a place that no table knows as one (*le RN*): an ORG.
5. A MISC name that opens with a place noun (*Val de Sèvre*, *Puerto Alegre*): a LOC.

Countries, capitals and groups are never changed. Titles next to a name are evidence too;
``titles.add_titles`` reads them (``person_shaped`` tells it which organisations may be
people).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from veille.analysis.entities.clusters import Cluster
from veille.analysis.entities.find import load_rules
from veille.analysis.entities.locative import division_name
from veille.analysis.entities.referents import Referents
from veille.analysis.entities.rolenouns import load_roles
from veille.analysis.entities.trim import site_nouns
from veille.analysis.lang.fr import countries, tables
from veille.analysis.lang.fr.nouns import is_common_noun
from veille.analysis.lang.fr.words import OF
from veille.analysis.parse import token_starts
from veille.normal import word_key


@dataclass(frozen=True)
class TypeEvidence:
    """The word lists of ``data/type_evidence.json`` and the organisation heads."""

    org_words: frozenset[str]  # legal forms and words that only name organisations
    legal_forms: frozenset[str]  # the legal forms alone (SA, inc., Ltd): legalforms.py
    club_heads: frozenset[str]
    org_heads: frozenset[str]
    org_contexts: frozenset[str]
    particles: frozenset[str]
    place_heads: frozenset[str]
    place_acronyms: frozenset[str]


@cache
def load_evidence() -> TypeEvidence:
    """Read ``type_evidence.json`` and the ``org_heads`` of ``entity_rules.json`` once."""
    data = tables.read_json("type_evidence.json")
    return TypeEvidence(
        org_words=frozenset(data["legal_forms"] + data["group_words"] + data["org_words"]),
        legal_forms=frozenset(data["legal_forms"]),
        club_heads=frozenset(data["club_heads"]),
        org_heads=load_rules().org_heads,
        org_contexts=frozenset(data["org_contexts"]),
        particles=frozenset(data["name_particles"]),
        place_heads=frozenset(data["place_heads"]),
        place_acronyms=frozenset(data["place_acronyms"]),
    )


def _words(name: str) -> list[str]:
    return name.replace("’", "'").split()


def org_by_name(name: str, evidence: TypeEvidence) -> bool:
    """Tell whether a name says it is an organisation's by its own words."""
    words = _words(name)
    if any(w.strip(",.") in evidence.org_words or w.split("-")[0] in evidence.org_words for w in words):
        return True
    # le Stade rennais, l'Olympique lyonnais: a head and a lower-case demonym.
    return (
        len(words) == 2
        and words[0] in evidence.club_heads
        and words[1].islower()
        and words[1] not in evidence.particles
    )


def person_shaped(name: str, evidence: TypeEvidence) -> bool:
    """Tell whether a name of two words or more looks like a person's: capitalised words and
    name particles only, no acronym, no organisation word (Ties van der Meer, Issoufou
    Danladi; not Comité organisateur, not Radio Kreiz Breizh)."""
    words = _words(name)
    if len(words) < 2 or org_by_name(name, evidence) or words[0] in evidence.org_heads:
        return False
    for word in words:
        head = word.split("-")[0]
        if (
            word in evidence.particles
            or head in evidence.particles
            or head.rstrip("'") + "'" in evidence.particles
        ):
            continue
        if not word[0].isupper() or (len(word) > 1 and word.isupper()):
            return False
    return words[-1] not in evidence.particles


def _first_name(name: str, referents: Referents) -> bool:
    first = word_key(_words(name)[0])
    return first in referents.first_names or first.split("-")[0] in referents.first_names


# Endings of the abstract nouns that name a trade or a sector (chimie, menuiserie,
# électricité, logistique, construction, affichage, équipement): a company's name opens on
# one; a foreign given name may be a concrete French noun (Granit Xhaka), rarely one of these.
_SECTOR_ENDINGS = ("ie", "ique", "tion", "ité", "age", "ement", "isme", "ure")


def opens_on_noun(name: str, referents: Referents) -> bool:
    """Tell whether a name opens on a common noun of the lexicon that names a trade or a
    sector and is no first name (Agrochimie Ventadour, Menuiserie Girardeau; not Pierre
    Martin, Olivier Roux, Granit Xhaka)."""
    first = _words(name)[0]
    return (
        first[:1].isupper()
        and first.lower().endswith(_SECTOR_ENDINGS)
        and is_common_noun(first.lower())
        and not _first_name(name, referents)
    )


def _kind_opens(name: str, referents: Referents) -> bool:
    """Tell whether a name is, or opens on (after an article), a word of ``org_kinds.tsv``
    (Courrier international), or is an English title that ends on one (The Morning Herald,
    The Washington Post); not la Coupe du Monde. One lower-case word at most: a longer run
    is a phrase the model took in (Mediapart sur les soupçons de viol). A name of one word
    keeps the model's type: the table's one-word entries are also common words (Monde,
    Presse, Post; le monde a besoin de paix)."""
    if sum(w[:1].islower() for w in _words(name)) > 1:
        return False  # Mediapart sur les soupçons de viol: a span the model ran on
    keys = word_key(name).split()
    words = [w for w in keys if w not in ("the", "le", "la", "les", "l")]
    if len(words) < 2:
        return False
    english = keys[:1] == ["the"] and words and words[-1] in referents.kinds
    return bool(words) and (
        " ".join(words) in referents.kinds or words[0] in referents.kinds or bool(english)
    )


def _is_acronym(name: str) -> bool:
    letters = name.replace(".", "").replace("-", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _after_org_noun(cluster: Cluster, parsed: Doc, evidence: TypeEvidence, site: bool = False) -> bool:
    """Tell whether a mention follows a noun whose complement is an organisation (la
    direction de Valmor, l'usine Valmor); with ``site``, only right after a site noun of
    ``entity_rules.json`` (l'usine Valmor, la filiale Orsen: not le patron Dupont, not la
    direction de Lyon)."""
    starts = token_starts(parsed)
    for mention in cluster.names:
        i = starts.get(mention.start)
        if i is None or i == 0:
            continue
        before = parsed[i - 1]
        if site:
            if before.lower_ in site_nouns():
                return True
            continue
        if before.lower_ in ("de", "d'", "d’") and i >= 2:
            before = parsed[i - 2]
        if before.text in evidence.org_contexts:
            return True
    return False


def _titled(cluster: Cluster, parsed: Doc) -> bool:
    """Tell whether a role noun stands a few lower-case words before one of the cluster's
    names (la journaliste bretonne Morgan Large; the model may tag the epithet PROPN)."""
    roles = load_roles()
    starts = token_starts(parsed)
    for mention in cluster.names:
        i = starts.get(mention.start)
        for j in range(i - 1 if i else -1, max(-1, (i or 0) - 4), -1):
            if parsed[j].is_punct or not parsed[j].text[:1].islower():
                break
            if roles.match(parsed, j) is not None:
                return True
    return False


def _after_title(cluster: Cluster, parsed: Doc) -> bool:
    """Tell whether a title phrase ends right before one of the cluster's names (la ministre
    Ana Lobo, le président du conseil régional Tor Aasen), not through a de-complement."""
    roles = load_roles()
    starts = token_starts(parsed)
    for mention in cluster.names:
        i = starts.get(mention.start)
        if i is None or i == 0 or parsed[i - 1].lower_ in OF or parsed[i - 1].is_punct:
            continue
        for j in range(i - 1, max(-1, i - 5), -1):
            token = parsed[j]
            if token.is_punct or token.pos_ in ("VERB", "AUX", "PROPN"):
                break
            if roles.match(parsed, j) is not None:
                return True
    return False


def vote_types(clusters: list[Cluster], parsed: Doc, referents: Referents) -> None:
    """Set each cluster's type from the evidence of its names and their context."""
    evidence = load_evidence()
    for cluster in clusters:
        if cluster.group or not cluster.names:
            continue
        name = cluster.longest
        if cluster.type == "MISC" and division_name(name):
            continue  # Ligue 2, Fédérale 1: a competition's level, whatever its first word says
        if countries.country_code(name) or countries.capital_country(name):
            # A seat of power is never a person (Matignon a confirmé, tagged PER): it acts
            # as the institution that sits there.
            if (
                cluster.type == "PER"
                and not countries.is_capital(name)
                and not (cluster.gender or cluster.roles)
            ):
                cluster.type = "ORG"
            continue
        voted = _voted(cluster, name, parsed, referents, evidence)
        if voted:
            cluster.type = voted


def _voted(
    cluster: Cluster, name: str, parsed: Doc, referents: Referents, evidence: TypeEvidence
) -> str | None:
    """Return the type the evidence asks for, or None to keep the cluster's."""
    person = bool(cluster.gender or cluster.roles)
    names = [m.text for m in cluster.names]
    if not person and any(org_by_name(n, evidence) for n in names):
        return "ORG"
    several = [n for n in names if len(_words(n)) >= 2]
    if (
        cluster.type in ("PER", "MISC")
        and not person
        and any(_words(n)[0] in evidence.org_heads for n in several)
    ):
        return "ORG"  # Comité organisateur des Jeux olympiques, tagged PER
    if (
        cluster.type == "PER"
        and not person
        and several
        and all(opens_on_noun(n, referents) for n in several)
        and not _titled(cluster, parsed)
    ):
        return "ORG"  # Agrochimie Ventadour, Menuiserie Girardeau: a common noun opens no person's name
    # A company may bear its founder's name (Louis Vuitton): only places and MISC names turn.
    if cluster.type in ("LOC", "MISC") and person_shaped(name, evidence) and _first_name(name, referents):
        return "PER"
    # ... and an organisation's only when a title stands right before one of its names (le
    # président du conseil régional Tor Aasen, tagged ORG); not after de (le PDG de Louis Vuitton).
    if (
        cluster.type == "ORG"
        and person_shaped(name, evidence)
        and _first_name(name, referents)
        and _after_title(cluster, parsed)
    ):
        return "PER"
    if (
        cluster.type == "PER"
        and not person
        and all(len(_words(n)) == 1 for n in names)
        and not _first_name(name, referents)
        and _after_org_noun(cluster, parsed, evidence)
    ):
        return "ORG"
    # A place or MISC name glued after such a noun (l'usine Brenmar, la filiale Orsen) is the
    # firm's: the model tags unknown one-word names as places.
    if (
        cluster.type in ("LOC", "MISC")
        and not person
        and all(len(_words(n)) == 1 for n in names)
        and _after_org_noun(cluster, parsed, evidence, site=True)
    ):
        return "ORG"
    if cluster.type == "LOC" and all(_is_acronym(n) for n in names) and name not in evidence.place_acronyms:
        return "ORG"
    if cluster.type == "MISC" and not person and _kind_opens(name, referents):
        return "ORG"  # Courrier international, The Morning Herald: a title of the press, a club
    if cluster.type == "MISC" and _words(name)[0] in evidence.place_heads and len(_words(name)) >= 2:
        return "LOC"
    return None


# Words before a name that make it the place where something is (à Montebourg, en Arles).
_LOCATIVE = frozenset({"à", "en", "dans", "depuis", "vers", "près", "au", "aux", "sur"})


def surnames_as_places(clusters: list[Cluster], parsed: Doc, referents: Referents) -> None:
    """Make a one-word 'place' a person when it is the surname of the one person named in
    full, and never stands where a place does (a headline's *Montebourg envisage…* with
    *Arnaud Montebourg* in the text; the model tags the bare surname LOC). A country or a
    capital never turns (*Paris* is not *Paris Hilton*'s), nor a name said after *à*, *en*, nor
    the end of a name that is not surely a person's (*Valmor de Cholet*, tagged PER)."""
    evidence = load_evidence()
    # Only a name that is surely a person's: shaped as one, with a known first name (not
    # the model's PER on 'Valmor de Cholet').
    people = [
        c
        for c in clusters
        if c.type == "PER"
        and not c.group
        and person_shaped(c.longest, evidence)
        and _first_name(c.longest, referents)
    ]
    starts = token_starts(parsed)
    for cluster in clusters:
        if cluster.type != "LOC" or cluster.group or not cluster.names:
            continue
        name = cluster.longest
        if len(_words(name)) != 1 or countries.country_code(name) or countries.capital_country(name):
            continue
        owners = [p for p in people if word_key(_words(p.longest)[-1]) == word_key(name)]
        if len(owners) != 1:
            continue
        placed = any(
            (i := starts.get(m.start)) is not None and i > 0 and parsed[i - 1].lower_ in _LOCATIVE
            for m in cluster.names
        )
        if not placed:
            cluster.type = "PER"


# Offices held for a territory: their de-complement names a place (le maire de Villeneuve,
# la préfète de l'Isère, le sénateur de la Gironde), never a person, whatever the model
# tagged (Villeneuve, a surname too, is tagged PER). Classes of data/roles.tsv.
_TERRITORIAL = frozenset({"mayor", "prefect", "councillor", "mp", "senator", "governor"})


def territories_of_offices(clusters: list[Cluster]) -> None:
    """Make a place of the complement of a territorial office that the model took for a
    person: a cluster with no title or gender of its own, named only in that complement."""
    by_id = {f"@{id(c)}": c for c in clusters}
    for cluster in clusters:
        for fact in cluster.roles:
            target = by_id.get(fact.role.of or "")
            if (
                fact.cls in _TERRITORIAL
                and target is not None
                and target.type == "PER"
                and not (target.roles or target.gender)
            ):
                target.type = "LOC"
