"""Resolve references by category: the tables of category nouns, organisation kinds and
first names, a demonym noun for a person (le Brésilien), and a person's gender from the
first name; the definite descriptions of organisations (le groupe, l'entreprise, le club,
l'instance européenne) that read these tables are in ``categories.py``.

Used by the resolve stage (``resolve.py``) on its clusters. Each rule gives a mention to an
entity only where one entity fits; otherwise the mention stays out of every entity.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc

from veille.analysis.entities import orgwords
from veille.analysis.entities.clusters import Cluster
from veille.analysis.lang.fr import countries, tables
from veille.analysis.lang.fr.words import ARTICLES
from veille.analysis.parse import doc_text, token_starts
from veille.errors import SettingsError
from veille.model import Gender, Mention
from veille.normal import word_key

# Kinds any organisation or place may be; the other kinds are institutions and natural
# features, which a noun names only where the name holds the same noun (la préfecture, le lac).
GENERIC_KINDS = frozenset(
    "company club eu_body public media party union association league school country place".split()
)
# Kinds of org_kinds.tsv that name a grouping of members, whose kind a later word may tell.
_GROUPING_KINDS = frozenset({"league"})
TOWN_NOUNS = frozenset({"ville", "commune", "village", "localite", "metropole", "cite", "agglomeration"})


@dataclass(frozen=True)
class Category:
    words: tuple[str, ...]  # normalised words of the phrase (instance europeenne)
    accepts: frozenset[str]
    kind: str | None


@dataclass(frozen=True)
class Referents:
    """The tables: category nouns, organisation kinds by name word, first-name genders."""

    categories: tuple[Category, ...]
    kinds: dict[str, str]  # normalised word or whole name -> kind
    first_names: dict[str, Gender]
    # The categories by their first word, in table order, and the longest one's length:
    # a position tries only the categories its word can open (asked at every lower-case word).
    by_first: dict[str, tuple[Category, ...]] = field(init=False, repr=False, compare=False)
    longest: int = field(init=False, repr=False, compare=False)
    # Nouns that name only what a name holding them names (lac, préfecture, musée).
    features: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        heads: dict[str, list[Category]] = {}
        for category in self.categories:
            if not category.words:
                raise SettingsError("data/org_categories.tsv: a category with no words")
            heads.setdefault(category.words[0], []).append(category)
        object.__setattr__(self, "by_first", {word: tuple(found) for word, found in heads.items()})
        object.__setattr__(self, "longest", max((len(c.words) for c in self.categories), default=0))
        own = {
            c.kind
            for c in self.categories
            if c.kind and c.accepts == {c.kind} and " ".join(c.words) == c.kind
        }
        object.__setattr__(self, "features", frozenset(own - GENERIC_KINDS))


def _rows(name: str, columns: int) -> list[list[str]]:
    return [row for _n, row in tables.read_rows(name, columns)]


@cache
def load_referents() -> Referents:
    """Read ``org_categories.tsv``, ``org_kinds.tsv`` and ``first_names.tsv`` once."""
    categories = tuple(
        Category(
            tuple(word_key(phrase).split()), frozenset(accepts.split("|")), None if kind == "-" else kind
        )
        for phrase, accepts, kind in _rows("org_categories.tsv", 3)
    )
    kinds = {word_key(word): kind for word, kind in _rows("org_kinds.tsv", 2)}
    first_names: dict[str, Gender] = {}
    for name, gender, _source in _rows("first_names.tsv", 3):
        if gender not in ("m", "f"):
            raise SettingsError(f"data/first_names.tsv: {name}: gender must be m or f")
        first_names[word_key(name)] = gender  # type: ignore[assignment]
    return Referents(categories, kinds, first_names)


def first_name_gender(name: str, referents: Referents) -> Gender | None:
    """Return the gender a full name's first name tells (Hélène Vasseur → f), or None for a
    bare surname or a first name used for both (Camille, Dominique, Claude)."""
    words = name.split()
    if len(words) < 2:
        return None
    first = word_key(words[0]).split()
    return referents.first_names.get(" ".join(first)) or referents.first_names.get(first[0])


def add_first_name_genders(clusters: list[Cluster], referents: Referents) -> None:
    """Give a person without a title of address the gender of the first name."""
    for cluster in clusters:
        if cluster.type == "PER" and cluster.gender is None and not cluster.group:
            cluster.gender = first_name_gender(cluster.longest, referents)


def org_kind(cluster: Cluster, referents: Referents) -> str | None:
    """Return what kind of organisation a name says it is (FC Nantes: club), if any. A
    grouping's word (Ligue) tells its kind only when no other word of the name does: a
    league of unions is a union (Ligue des syndicats de l'enseignement)."""
    grouping = None
    for mention in cluster.names:
        whole = word_key(mention.text)
        if whole in referents.kinds:
            return referents.kinds[whole]
        for word in whole.split():
            kind = referents.kinds.get(word)
            if kind in _GROUPING_KINDS:
                grouping = grouping or kind
            elif kind is not None:
                return kind
    return grouping


def place_kind(cluster: Cluster) -> str:
    """Return country for a country's name, place for any other place."""
    return "country" if countries.country_code(cluster.longest) else "place"


def feature_kind(cluster: Cluster, referents: Referents) -> str | None:
    """Return the natural feature or institution a place's name opens with (lac de Roustan:
    lac), which only that noun names (le lac); the place still fits la ville, la région."""
    if cluster.type != "LOC":
        return None  # asked first: the name's key is read only for a place
    words = word_key(cluster.longest).split()
    return words[0] if words and words[0] in referents.features else None


def merge_demonym_nouns(clusters: list[Cluster], parsed: Doc) -> list[Cluster]:
    """Make 'le Brésilien' a description of the one person of that country in the
    article (a role's demonym or country tells it), when the gender fits; a demonym right
    before a person's name (le Brésilien Neymar) gives that person the country."""
    starts = token_starts(parsed)
    people = [c for c in clusters if c.type == "PER" and not c.group]
    named_people = orgwords.NamedAt(people)  # descriptions only are added below
    result = []
    for cluster in clusters:
        if cluster.type != "MISC" or cluster.group or cluster.country is None:
            result.append(cluster)
            continue
        spans: list[tuple[int, int]] = []
        target: Cluster | None = None
        for mention in cluster.names:
            i = starts.get(mention.start)
            if i is None or i == 0 or parsed[i - 1].lower_ not in ARTICLES:
                spans = []
                break
            following = named_people.first(people, parsed[i + 1].idx) if i + 1 < len(parsed) else None
            if following is not None:
                following.country = following.country or cluster.country
                target = target or following
            spans.append((parsed[i - 1].idx, mention.end))
        if target is None and spans:
            fits = [
                p for p in people if _country_of(p) == cluster.country and _gender_fits(p, cluster.gender)
            ]
            target = sole(fits)
        if target is None or not spans:
            result.append(cluster)
            continue
        for start, end in spans:
            target.mentions.append(Mention(start, end, doc_text(parsed)[start:end], "description"))
    return result


def _country_of(cluster: Cluster) -> str | None:
    if cluster.country:
        return cluster.country
    return next((f.role.of for f in cluster.roles if f.role.of and not f.role.of.startswith("@")), None)


def _gender_fits(cluster: Cluster, gender: Gender | None) -> bool:
    return gender is None or cluster.gender is None or cluster.gender == gender


def sole(clusters: list[Cluster]) -> Cluster | None:
    """Return the one cluster of a list, or None when there are none or several."""
    return clusters[0] if len(clusters) == 1 else None
