"""Resolve mentions into entities: every name, typo, title and description of one
person, organisation or place in one entity, and nothing of anyone else.

The steps run in a fixed order, each with its reason in a numbered comment. Names are compared
by ``names.py``, merged in ``clusters.py`` and ``abbreviations.py``; title phrases are found
by ``roles.py`` and read as roles and descriptions by ``titles.py``."""

from __future__ import annotations

import dataclasses
import re
from typing import ClassVar

from spacy.tokens import Doc

from veille.analysis.entities import (
    agentnouns,
    cantons,
    cataphora,
    clubtowns,
    defendants,
    descranker,
    epithets,
    legalforms,
    management,
    orgtitles,
    periphrases,
    rebels,
    salience,
    trades,
    typevote,
    watchdogs,
)
from veille.analysis.entities.abbreviations import add_bracket_descriptions, merge_acronyms
from veille.analysis.entities.affiliation import add_affiliated_leaders
from veille.analysis.entities.categories import add_org_appositions, add_org_descriptions
from veille.analysis.entities.clusters import (
    Cluster,
    load_aliases,
    merge_aliases,
    merge_names,
    merge_place_heads,
    merge_retitled,
)
from veille.analysis.entities.lede import add_lead_titles, opening_end
from veille.analysis.entities.mentionindex import indexed_entity_at
from veille.analysis.entities.ownheads import add_own_heads
from veille.analysis.entities.posts import add_political_posts
from veille.analysis.entities.referents import (
    TOWN_NOUNS,
    Referents,
    add_first_name_genders,
    load_referents,
    merge_demonym_nouns,
)
from veille.analysis.entities.rolenouns import RoleLexicon, load_roles
from veille.analysis.entities.titles import OFFICES, add_ce_dernier, add_descriptions, add_titles
from veille.analysis.entities.townhall import drop_town_nouns
from veille.analysis.lang.fr import countries
from veille.analysis.lang.fr.morphology import looks_like_place_adjective
from veille.analysis.lang.fr.words import OF
from veille.analysis.parse import token_starts
from veille.analysis.syntax.mentions import MentionIndex
from veille.model import Document, Entity, Mention, Role
from veille.settings import Settings

_CAPITALE = re.compile(r"\bla capitale(?: (\w+))?", re.IGNORECASE)
_CAPITAL_WINDOW = 400  # characters: la capitale refers to a capital named in the sentences before
_CAPITAL_OF = frozenset(word.rstrip("'") for word in OF)  # la capitale du Nord-Kivu: a named region's
# Qualifiers that still name the seat of government (TLFi « capitale »: la capitale politique,
# administrative, fédérale), and those that name another city, the centre of an activity (TLFi
# « capitale », B: la capitale économique, culturelle, mondiale du cinéma).
_SEAT_QUALIFIERS = frozenset({"politique", "administrative", "fédérale", "nationale"})
_OTHER_CAPITALS = frozenset(
    {
        "économique",
        "culturelle",
        "historique",
        "religieuse",
        "spirituelle",
        "financière",
        "touristique",
        "industrielle",
        "commerciale",
        "intellectuelle",
        "mondiale",
        "régionale",
        "provinciale",
    }
)
# Words before a capital that make it the place where something happens, not an actor.
_LOCATIVE = frozenset({"à", "au", "en", "dans", "depuis", "vers", "de", "du", "près", "sous", "par"})
# Words after which a capital acts for its country (la pression sur Moscou).
_ACTING_AFTER = frozenset({"sur", "contre", "avec", "envers", "entre", "égard", "part", "selon", "pour"})


class ResolveStage:
    """Merge the entity stage's names into entities and add roles and descriptions."""

    requires: ClassVar[tuple[str, ...]] = ("entities",)
    assigns: ClassVar[tuple[str, ...]] = ("entities.resolved",)

    def __init__(
        self, lexicon: RoleLexicon, aliases: dict[str, tuple[int, int]], referents: Referents | None = None
    ) -> None:
        self.lexicon = lexicon
        self.aliases = aliases
        self.referents = referents or load_referents()
        # Set to a list by scripts/train_descriptions.py: the description ranker's candidates
        # are recorded there and nothing is attached.
        self.collect: list[descranker.Record] | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> ResolveStage:
        return cls(load_roles(), load_aliases(), load_referents())

    def __call__(self, doc: Document, parsed: Doc) -> Document:
        clusters = [Cluster(list(e.mentions), e.type, e.group, e.country, e.gender) for e in doc.entities]
        text = doc.article.text
        clusters = merge_acronyms(clusters, text)
        add_bracket_descriptions(clusters, parsed)
        clusters = merge_aliases(clusters, self.aliases)
        add_first_name_genders(clusters, self.referents)
        typevote.surnames_as_places(clusters, parsed, self.referents)
        clusters = merge_names(clusters, text)
        clusters = merge_place_heads(clusters)
        clusters = legalforms.merge_legal_forms(clusters)  # Valmor SA … Valmor: one company
        clusters = cantons.merge_canton_codes(clusters, parsed)  # Villnachern (AG): the canton
        clusters = clubtowns.merge_club_towns(clusters, text, self.referents)  # AS Lorvenne … Lorvenne
        typevote.vote_types(clusters, parsed, self.referents)
        starts = token_starts(parsed)
        types = {id(c): c.type for c in clusters}
        titles = add_titles(clusters, parsed, starts, self.lexicon)
        clusters = merge_retitled(clusters, types, text)  # au ministre, Essozimna X … le ministre X
        titles |= watchdogs.add_watchdogs(clusters, parsed, self.referents)  # le gendarme de la Bourse
        typevote.territories_of_offices(clusters)  # le maire de Villeneuve: a place, tagged PER
        trades.add_implied_trades(clusters, parsed, self.referents, self.lexicon)  # délégué CGT: syndicaliste
        add_lead_titles(clusters, parsed, self.lexicon, OFFICES)  # Le journaliste X … ¶ Le fondateur de Y
        add_descriptions(clusters, parsed, self.lexicon, titles)
        cataphora.add_forward_titles(
            clusters, parsed, self.lexicon, opening_end(parsed)
        )  # la préfète … la préfète du Var, X
        add_affiliated_leaders(clusters, parsed, self.lexicon)  # X, au nom de la FSE
        add_ce_dernier(clusters, text, titles)
        epithets.add_age_epithets(clusters, text)  # le quadragénaire: the person of that age
        salience.add_salient_trades(clusters, parsed, self.lexicon, titles, OFFICES)  # le pêcheur: the topic
        defendants.add_defendants(clusters, text)  # requis contre X … ¶ le prévenu: X
        add_political_posts(clusters, parsed, self.lexicon)  # Paul X (LR) … L'élu landais: Paul X
        add_place_descriptions(clusters, text)
        periphrases.add_periphrases(clusters, text, parsed, self.lexicon)  # not in le chef de la diplomatie X
        clusters = merge_demonym_nouns(clusters, parsed)
        clusters = drop_town_nouns(clusters, parsed, TOWN_NOUNS)  # la Ville: the town, no name
        # A category noun in a person's title may be an organisation's (le PDG de l'entreprise).
        kept = [m for c in clusters for m in c.mentions if m.kind == "name" or c.type != "PER"]
        taken = {i for m in kept for i in range(m.start, m.end)}
        agentnouns.add_agent_nouns(clusters, parsed, self.lexicon, self.referents)  # au bailleur, X SA,
        add_org_appositions(clusters, parsed, self.referents, taken)
        add_org_descriptions(clusters, parsed, self.referents, taken)
        add_own_heads(clusters, parsed, self.referents)  # la CENA … la commission électorale
        orgtitles.add_titles_by_organisation(clusters, parsed, self.lexicon, self.referents)  # du RCB
        rebels.add_rebel_descriptions(clusters, parsed)  # les rebelles du FPK … les rebelles: the FPK
        paragraphs = [p.start for p in doc.article.paragraphs] or [0]
        descranker.attach_descriptions(  # le ministre, l'usine the rules left open: learned, last
            clusters, parsed, paragraphs, self.lexicon, self.referents, self.collect
        )
        mark_metonymy(clusters, parsed, starts)
        built = dataclasses.replace(doc, entities=build_entities(clusters))
        # La direction: the organisation whose managers the article names, where no rule above
        # (nor the ranker) gave the phrase to anyone.
        entities = management.with_management(built, parsed, MentionIndex(built), built.entities)
        return dataclasses.replace(built, entities=entities)


def add_place_descriptions(clusters: list[Cluster], text: str) -> None:
    """Give 'la capitale espagnole' to Madrid and a bare 'la capitale' to the one capital
    the article names; 'X, la capitale économique' to the place X it is apposed to."""
    capitals = {c: countries.any_capital_country(c.longest) for c in clusters if c.type == "LOC"}
    capitals = {c: iso3 for c, iso3 in capitals.items() if iso3}
    for match in _CAPITALE.finditer(text):
        word = match.group(1)
        demonym = countries.demonym(word) if word else None
        if demonym is None and word and looks_like_place_adjective(word):
            continue  # la capitale comtoise, québécoise: a region's or a province's capital
        if word and word.lower() in _CAPITAL_OF:
            continue  # la capitale du Nord-Kivu: its complement says which
        if word in _OTHER_CAPITALS:
            # la capitale économique, culturelle: another city than the seat of government,
            # the one it is apposed to (Douala, la capitale économique), else nobody.
            place = _apposed_place(clusters, match.start(), text)
            if place is not None:
                place.mentions.append(Mention(match.start(), match.end(), match.group(0), "description"))
            continue
        end = (
            match.end()
            if demonym is not None or word in _SEAT_QUALIFIERS
            else match.start() + len("la capitale")
        )
        holders = [c for c, iso3 in capitals.items() if demonym is None or iso3 == demonym.iso3]
        # A description refers back: a capital named only after it (Addis-Abeba, where a
        # communiqué is published later) is not the one meant when another was named before.
        before = [c for c in holders if any(m.end <= match.start() for m in c.names)]
        if before and len(before) < len(holders):
            holders = before
        if len(holders) > 1:
            # Several capitals named (Vilnius, Minsk, Varsovie): the one named last, just
            # before (les hôpitaux de Vilnius. … les urgences de la capitale), when no other
            # capital comes between.
            holders = _last_named_before(holders, match.start())
        if len(holders) == 1:
            holders[0].mentions.append(Mention(match.start(), end, text[match.start() : end], "description"))


def _apposed_place(clusters: list[Cluster], start: int, text: str) -> Cluster | None:
    """Return the place whose name ends right before ', ' at ``start`` (Douala, | la capitale
    économique), or None."""
    if not text[:start].endswith(", "):
        return None
    end = start - 2
    return next(
        (
            c
            for c in clusters
            if c.type == "LOC" and any(m.end == end and m.kind == "name" for m in c.mentions)
        ),
        None,
    )


def _last_named_before(clusters: list[Cluster], start: int) -> list[Cluster]:
    """Return the one cluster named last in the ``_CAPITAL_WINDOW`` characters before
    ``start``, or none when none is."""
    last = {id(c): max((m.end for m in c.names if m.end <= start), default=-1) for c in clusters}
    near = [c for c in clusters if last[id(c)] >= max(start - _CAPITAL_WINDOW, 0)]
    return sorted(near, key=lambda c: -last[id(c)])[:1]


def mark_metonymy(clusters: list[Cluster], parsed: Doc, starts: dict[int, int]) -> None:
    """Record where a capital or seat of power acts for its country (la pression sur
    Moscou → RUS), keeping it a place: 'à Moscou' is where, not who."""
    for cluster in clusters:
        if cluster.type != "LOC":
            continue
        iso3 = countries.capital_country(cluster.longest)
        if iso3 is None:
            continue
        for n, mention in enumerate(cluster.mentions):
            i = starts.get(mention.start)
            if i is None or mention.kind != "name":
                continue
            before = parsed[i - 1].lower_ if i > 0 else ""
            if before in ("de", "d'") and i > 1 and parsed[i - 2].lower_ in _ACTING_AFTER:
                before = parsed[i - 2].lower_  # à l'égard de Moscou, de la part de Moscou
            acting = before in _ACTING_AFTER or parsed[i].dep_ in ("nsubj", "obj", "nsubj:pass")
            if before in _LOCATIVE and before not in _ACTING_AFTER:
                acting = False
            if acting:
                cluster.mentions[n] = dataclasses.replace(mention, stands_for=iso3)


def build_entities(clusters: list[Cluster]) -> tuple[Entity, ...]:
    """Number entities e1… in text order, name each by its fullest form."""
    ordered = sorted(clusters, key=lambda c: min(m.start for m in c.mentions))
    ids = {id(c): f"e{n}" for n, c in enumerate(ordered, start=1)}
    entities = []
    for cluster in ordered:
        mentions = tuple(sorted(set(cluster.mentions), key=lambda m: (m.start, m.end)))
        roles = tuple(_final_role(f.role, ids) for f in cluster.roles if not f.hidden)
        country = cluster.country
        if cluster.type == "LOC" and country is None:
            country = countries.country_code(cluster.longest) or countries.capital_country(cluster.longest)
        if cluster.type == "PER" and country is None:
            country = next((r.of for r in roles if r.of and not r.of.startswith("e")), None)
        entities.append(
            Entity(
                id=ids[id(cluster)],
                name=cluster.longest,
                type=cluster.type,  # type: ignore[arg-type]
                mentions=mentions,
                country=country,
                roles=tuple(dict.fromkeys(roles)),
                gender=cluster.gender,
                group=cluster.group,
            )
        )
    return tuple(entities)


def _final_role(role: Role, ids: dict[int, str]) -> Role:
    if role.of and role.of.startswith("@"):
        return dataclasses.replace(role, of=ids.get(int(role.of[1:])))
    return role


def entity_at(doc: Document, start: int, end: int) -> Entity | None:
    """Return the entity that a stretch of text names or describes, or None.

    The contract for the stages after resolve (quotes, events): every description the
    resolve stage gave to an entity (le collectif, la mairie, le gendarme, la ville) is a
    mention of kind ``description`` on that entity, so a speaker or an actor found as a noun
    phrase is looked up here. A mention inside the stretch counts (selon le quotidien
    régional → the paper); among several, the longest mention wins (the first among equals).
    Answered off an index of the document's mentions (``mentionindex.indexed_entity_at``).
    """
    return indexed_entity_at(doc, start, end)
