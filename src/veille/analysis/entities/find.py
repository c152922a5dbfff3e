"""Find named entities: spaCy NER, then fixes for what the French model gets wrong.

Each fix is a numbered rule with its reason (the errors are listed in docs/entities.md).
Mentions with the same normalised name become one entity here; the resolve stage then
merges surnames, typos, acronyms, titles and descriptions into the entities they name.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cache
from typing import ClassVar

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from veille.analysis.entities import extend, groupnames, instruments, kicker, locative, remits, trim
from veille.analysis.entities.families import family_name
from veille.analysis.entities.furniture import credit
from veille.analysis.entities.gazetteer import with_known
from veille.analysis.entities.grouping import group_mentions
from veille.analysis.entities.groupnames import with_group_names
from veille.analysis.entities.portfolio_spans import portfolio_head
from veille.analysis.entities.rolenouns import load_roles, role_key
from veille.analysis.entities.spans import (
    agency_credit,
    court_head,
    cut_inside,
    demonym_prefix,
    join_proper_nouns,
    name_after_portfolio,
    name_after_title,
    not_a_name,
    person_after_complement,
    role_tail,
    split_of_country,
    surname_particle,
    trailing_participle,
)
from veille.analysis.entities.untagged import untagged_people
from veille.analysis.lang.fr import countries, tables
from veille.analysis.lang.fr.morphology import looks_like_gentile
from veille.analysis.lang.fr.words import ARTICLES
from veille.analysis.syntax.view import token_view
from veille.model import Document, Gender, Mention
from veille.normal import word_key
from veille.settings import Settings

_ELISIONS = ("l'", "d'")
_TRAILING_POS = frozenset(
    {"ADP", "DET", "CCONJ", "SCONJ", "ADV", "VERB", "AUX", "PRON", "PUNCT", "SPACE", "NUM"}
)


@dataclass(frozen=True)
class EntityRules:
    """The word lists of the fixes, from ``data/entity_rules.json`` and ``data/roles.tsv``."""

    calendar: frozenset[str]
    honorifics: dict[str, Gender | None]
    name_heads: frozenset[str]
    extend_heads: frozenset[str]
    venue_heads: frozenset[str]
    not_names: frozenset[str]
    groups: frozenset[str]
    compass: frozenset[str]
    article_names: frozenset[str]
    town_heads: frozenset[str]
    org_heads: frozenset[str]
    noun_adjective_names: frozenset[str]
    role_words: frozenset[str]
    nickname_cues: frozenset[str]
    portfolio_heads: dict[str, str | None]
    seat_heads: frozenset[str]
    org_name_heads: frozenset[str]
    agencies: frozenset[str]
    label_codes: frozenset[str]


@cache
def load_rules() -> EntityRules:
    """Read the rule tables once per process."""
    data = tables.read_json("entity_rules.json")
    role_words = load_roles().by_first  # first words of the role nouns of data/roles.tsv
    venues = frozenset(data["venue_heads"])  # streets and buildings: heads of names too
    return EntityRules(
        calendar=frozenset(data["calendar"]),
        honorifics=dict(data["honorifics"]),
        name_heads=frozenset(data["name_heads"]) | venues,
        extend_heads=frozenset(data["extend_heads"]),
        venue_heads=venues,
        not_names=frozenset(data["not_names"]),
        groups=frozenset(word_key(w) for w in data["groups"]),
        compass=frozenset(data["compass"]),
        article_names=frozenset(word_key(w) for w in data["article_names"]),
        town_heads=frozenset(data["town_heads"]),
        org_heads=frozenset(data["org_heads"]),
        noun_adjective_names=frozenset(data["noun_adjective_names"]),
        role_words=frozenset(role_words),
        nickname_cues=frozenset(data["nickname_cues"]),
        portfolio_heads=dict(data["portfolio_heads"]),
        seat_heads=frozenset(data["seat_heads"]),
        org_name_heads=frozenset(data["org_name_heads"]),
        agencies=frozenset(data["agencies"]),
        label_codes=frozenset(data["label_codes"]),
    )


@dataclass
class Candidate:
    """A mention found by the fixes, with what its context tells about the entity."""

    start: int  # token indexes in the parsed Doc, end exclusive
    end: int
    label: str
    gender: Gender | None = None
    group: bool = False
    country: str | None = None

    def tokens(self) -> tuple[int, int]:
        """Return the candidate's token span."""
        return self.start, self.end


class EntityStage:
    """spaCy NER with rule fixes, grouped into entities by identical name."""

    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ("entities",)

    def __init__(self, rules: EntityRules) -> None:
        self.rules = rules

    @classmethod
    def from_settings(cls, settings: Settings) -> EntityStage:
        return cls(load_rules())

    def __call__(self, doc: Document, parsed: Doc) -> Document:
        candidates: list[Candidate] = []
        for span in extend.join_split_names(parsed):
            candidates.extend(fix_entity(span, self.rules))
        candidates = [c for c in candidates if not credit(parsed, c.start, c.end, self.rules.agencies)]
        candidates.extend(find_groups(parsed, candidates, self.rules))
        group = lambda start, end: Candidate(start, end, "ORG")  # noqa: E731
        candidates = with_group_names(candidates, parsed, Candidate.tokens, group)
        candidates = with_known(candidates, parsed, lambda start, end, label: Candidate(start, end, label))
        spans = [(c.start, c.end) for c in candidates] + [(e.start, e.end) for e in parsed.ents]
        taken = {i for start, end in spans for i in range(start, end)}  # a span a rule dropped stays so
        candidates += [Candidate(start, end, "PER") for start, end in untagged_people(parsed, taken)]
        mentions = [(c, _mention(parsed, c)) for c in candidates]
        return dataclasses.replace(doc, entities=group_mentions(mentions))


def _is_country(text: str) -> bool:
    return bool(countries.country_code(text) or countries.capital_country(text))


def fix_entity(span: SpacySpan, rules: EntityRules) -> list[Candidate]:
    """Return the candidates a NER span becomes after the fixes: none, one, or two (split)."""
    doc = span.doc
    view = token_view(doc)  # doc[i] makes a new Token on every read, token.text a new string
    tokens, texts, lowers = view.tokens, view.text, view.lower
    start, end = span.start, span.end
    label = span.label_ if span.label_ in ("PER", "ORG", "LOC", "MISC") else "MISC"
    gender: Gender | None = None
    # 1. Spaces, punctuation and a leading article are not part of a name (l'OTAN → OTAN),
    #    unless the article belongs to it (Le Caire, La Haye).
    while start < end and (tokens[start].is_space or tokens[start].is_punct):
        start += 1
    if start < end and lowers[start] in ARTICLES | {"d'"}:
        if word_key(view.span_text(start, end)) not in rules.article_names:
            start += 1
    start = trim.apostrophe_head(doc, start)  # 1b. N' | Djamena: the model left N' out
    start = locative.article_before(doc, start, end, rules.article_names)  # 1c. Les | Républicains
    # 2. A title of address (M., Mme) is not part of the name, but tells the gender, and
    #    that the name is a person's (the model tags 'M. Soubie' LOC).
    if start < end - 1 and texts[start] in rules.honorifics:
        gender = rules.honorifics[texts[start]]
        label = "PER"
        start += 1
    elif start > 0 and texts[start - 1] in rules.honorifics and texts[start][:1].isupper():
        gender, label = rules.honorifics[texts[start - 1]], "PER"  # M. | Soubie
        if texts[start] == ".":
            start += 1
    # 2b. A hyphenated name cut at the hyphen (Pyrénées + -Atlantiques, Clermont + -l'Hérault)
    #     is taken whole.
    end = extend.hyphen_tail(doc, end)
    # 3. The model runs spans on over a weekday, a score or a preposition (OFAG jeudi,
    #    Crystal Palace 3, Institut national de la statistique contre): trim them.
    # Sécurité sociale | rembourse, … | dans la soirée
    end = cut_inside(doc, start, end, label, texts[start] in rules.org_heads)
    if label in ("ORG", "MISC"):
        end = join_proper_nouns(doc, end)  # Nordhav | Energi
    while end > start and (
        _trailing_junk(tokens[end - 1], rules)
        or (label == "PER" and trailing_participle(tokens[end - 1]))
        or (role_key(texts[start]) in rules.role_words and _lower_modifier(tokens[end - 1]))
    ):
        end -= 1
    # 3h. A company's legal form right after its name is part of it, and says it is a
    #     company's (Énergies Valdor | SA, Immeubles Laval | inc.; legalforms.py).
    if (grown := extend.legal_form_tail(doc, start, end)) > end:
        end, label = grown, "ORG"
    # 3d. A name cut at an inner apostrophe (Moody' | s, Guivarc' | h, O' | Neill): taken whole.
    if start < end < len(doc) and texts[end - 1][-1:] in ("'", "’") and trim.glued_word(doc, end):
        end += 1
    if (whole := groupnames.grown(doc, start, end)) > end:  # 3g. l'association Vallée | vivante
        end, label = whole, "ORG"
    if start >= end or not_a_name(doc, start, end) or kicker.is_kicker(doc, start, end, rules.org_heads):
        return []  # XVIIIe, AUSTÉRITÉ, Normalement, Contactée, Budget : capitalised common words
    # 3a. A news agency's credit (AFP Claire Morel) and a demonym (Japonais Sony) glued before
    #     a name are not part of it; the agency is a name of its own.
    credit = agency_credit(doc, start, end, rules.agencies)
    if credit is not None:
        return [Candidate(start, credit, "ORG"), *fix_entity(SpacySpan(doc, credit, end, label="PER"), rules)]
    if demonym_prefix(doc, start, end):
        start += 1
    # 3e. An organisation or a place in a title's complement glued to the name after it
    #     (secrétaire général de l'Otan Mark Rutte, tagged ORG; la députée de Seine-Saint-Denis
    #     Karima Benaïssa, tagged PER): two names.
    person = person_after_complement(doc, start, end)
    if person is not None:
        return [
            *fix_entity(SpacySpan(doc, start, person, label=label), rules),
            *fix_entity(SpacySpan(doc, person, end, label="PER"), rules),
        ]
    # 3f. A locative complement naming an institution or a known place glued after a name
    #     (Les Républicains au Sénat, Porte-parole joint à Milan): two names.
    cut = locative.split_at(doc, start, end, rules.org_heads)
    if cut is not None:
        return [
            *fix_entity(SpacySpan(doc, start, cut[0], label=label), rules),
            *fix_entity(SpacySpan(doc, cut[1], end, label=cut[2]), rules),
        ]
    # 3b. The model stops an organisation's name at its first lower-case complement
    #     (Office fédéral de la sécurité alimentaire | et des affaires vétérinaires).
    if label in ("ORG", "LOC", "MISC") and texts[start] in rules.org_heads:
        grown = extend.adjectives(doc, end)
        grown = extend.to_gloss(doc, extend.org_complements(doc, grown, rules.calendar))
        worded = grown > end or any(texts[i][:1].islower() for i in range(start + 1, end))
        end = extend.place_complement(doc, grown) if worded else grown  # … | de la Loire
        label = "ORG"  # the model tags Parquet national financier LOC
    elif label == "ORG":  # Haute Autorité de l'audiovisuel | et de la communication
        end = extend.coordinated_complement(doc, start, end, rules.calendar)
    # 3c. A noun + adjective name cut after the noun (l'Etat | islamique).
    if end < len(doc) and f"{view.span_text(start, end)} {texts[end]}" in rules.noun_adjective_names:
        end += 1
    text = view.span_text(start, end)
    # 4. Weekdays and months are dates, never organisations (Mercredi → ORG on the seed).
    if all(lowers[i] in rules.calendar for i in range(start, end) if not view.is_punct[i]):
        return []
    if locative.division(doc, start, end):  # 4b. Fédérale 1, National 2: a level, not a club
        label = "MISC"
    # 5. Capitalised common words and pronouns tagged alone (NDLR, États, Ça, la Bourse),
    #    single letters (the Q and R of an interview transcript), a naming noun alone (département),
    #    a candidate's political label or a debt's rating grade (DVG, EXD, Baa1, BBB-).
    if text in rules.not_names or len(text) == 1 or text in rules.name_heads or text in rules.label_codes:
        return []
    # 5b. A nickname in quote marks after 'surnommé' or 'dit' names the person just named;
    #     it is not an entity of its own (surnommé « le Chacal »).
    if _after_nickname_cue(doc, start, rules):
        return []
    # 5c. A portfolio after 'ministre du' is a title; after 'ministère du', one ORG with it
    #     (the model tags Travail alone in 'ministère du Travail').
    #     A name glued after the portfolio is the minister's (le ministre des Transports
    #     Paul Garnier: the model tags 'Transports Paul Garnier' LOC), and a second portfolio
    #     (ministre de la Ville et du Logement) is part of the title too.
    found = portfolio_head(doc, start, frozenset(rules.portfolio_heads))
    if found is not None:
        portfolio, chained = found
        if rules.portfolio_heads.get(lowers[portfolio]) is None or chained:
            person = name_after_portfolio(doc, start, end)
            if person is None:
                return []
            start, label = person, "PER"
        else:
            start, label = portfolio, "ORG"
    elif remits.after_remit_title(doc, start):  # 5e. la commissaire à | l'Énergie: a title's remit
        if (person := name_after_portfolio(doc, start, end)) is None:
            town = remits.place_after(doc, start, end)  # l'échevin des Finances | d'Ostende
            return [] if town is None else fix_entity(SpacySpan(doc, town, end, label="LOC"), rules)
        start, label = person, "PER"
    first = tokens[start]
    # 5d. A préfecture named by its town with a bare de (la préfecture d'Angers) is the town;
    #     a region or département after its category noun is the place (la région Bretagne).
    if (place := trim.seat_or_division(doc, start, end, rules.seat_heads)) is not None:
        start, label, first = place, "LOC", tokens[place]
    # 6. A role phrase (ministre ukrainien des Affaires étrangères) is a title, not an ORG;
    #    the resolve stage reads it as a role. A PER span that starts with one keeps the name.
    #    A capitalised title tagged alone (la Première ministre, Vice-présidente) is one too.
    #    So is the tail of a title begun before the span (procureure de la | République).
    tail = role_tail(doc, start, end)
    if tail is not None:
        if tail >= end:
            return []
        start, first = tail, tokens[tail]
    role = load_roles().match(doc, start) if role_key(first.text) in rules.role_words else None
    whole = role is not None and start + len(role.words) >= end
    if role is not None and not whole:
        # 6a. A title and the name after it tagged as one span (Premier ministre Lars Berglund
        #     MISC; ministre de la Culture Rachida Dati ORG): the name is the person, and the
        #     resolve stage reads the words before it as the title.
        person = name_after_title(doc, start, end, start + len(role.words))
        if person is not None:
            return fix_entity(SpacySpan(doc, person, end, label="PER"), rules)
    if whole and first.text[:1].isupper() and (label != "PER" or len(role.words) > 1):  # type: ignore[union-attr]
        return []
    if role_key(first.text) in rules.role_words and first.text[:1].islower():
        if label != "PER" or whole:  # the model's PER 'président de la République'
            return []
        while start < end and not texts[start][:1].isupper():
            start += 1
        if start >= end:
            return []
        # 6b. A surname said with its particle after a title (le général | de Gaulle, le
        #     président | de Villepin): the particle is the name's, as after M.
        if lowers[start - 1] in ("de", "d'", "d’") and surname_particle(doc, start - 1, end, label):
            start -= 1
        first = tokens[start]
    # 7. A name starts with a capital, or with a noun that makes names (canton de Berne);
    #    otherwise trim to the capitalised part (congrès de l'Association → Association,
    #    club de Birmingham → Birmingham) or drop it (chlorothalonil).
    #    A street or a building named by its town with a bare de (le théâtre de Nîmes) is
    #    the town's: the town is the name.
    town_venue = first.lower_ in rules.venue_heads and start + 1 < end and lowers[start + 1] in ("de", "d'")
    if (
        first.text[:1].islower()
        and (first.lower_ not in rules.name_heads or town_venue)
        and not surname_particle(doc, start, end, label)
    ):
        name = trim.first_capitalised(doc, start, end)
        glued = name < 0 and (name := trim.proper_tail(doc, start, end)) >= 0  # 7b. en | Normandie
        voted = trim.trimmed_label(doc, start, name, end, label, glued) if name >= 0 else None
        if voted is None:
            return []
        start, first, label = name, tokens[name], voted
    if label in ("LOC", "MISC") and instruments.names_a_treaty(doc, start, end):
        return []  # 7c. le traité de | Lisbonne: a word of a treaty's name, not a place
    # 8. A place after a naming noun is part of a longer name (plage du Truquet, banc d'Arguin).
    extension = extend.left(doc, start, end, rules.extend_heads, rules.town_heads)
    # 8a. A street or a building before its name (la salle de l'Horloge), not before its
    #     town (la salle de Vierzon) nor an organisation (le bâtiment de la Mutualité); a
    #     person's name right after one names the place (le bâtiment | Stendhal, tagged PER).
    if extension.start == start and label != "ORG":
        extension = extend.left(doc, start, end, rules.venue_heads, rules.venue_heads)
        if (
            extension.start == start
            and label == "PER"
            and start > 0
            and lowers[start - 1] in rules.venue_heads
        ):
            extension = extend.Extension(start - 1, "LOC")
    if extension.seat:  # le CHU | de Poitiers: the establishment and its town
        return [Candidate(extension.start, end, "ORG"), Candidate(start, end, "LOC")]
    start, label = extension.start, extension.label or label
    if lowers[start] in rules.org_name_heads:
        label = "ORG"  # la préfecture du Rhône, la mairie de Paris: organisations
    # 8b. A court is named by its seat (le tribunal administratif de Rennes, la cour d'appel
    #     de Grenoble, le parquet de Saint-Étienne): the model tags the town alone.
    #     The town stays a place of its own: the court's name holds it.
    court = court_head(doc, start)
    if court is not None and label in ("LOC", "ORG", "MISC"):
        return [Candidate(court, end, "ORG"), Candidate(start, end, "LOC")]
    # 9. A compass point with a demonym is one place (le Nord-Est syrien).
    if view.span_text(start, end) in rules.compass and end < len(doc) and countries.demonym(texts[end]):
        end += 1
    # 10. Demonyms and people groups (les Russes, les Européens) are groups tied to their
    #     country, not places.
    if family_name(doc, start):  # la famille | Haddou, les frères | Van Damme: a group
        return [Candidate(start, end, "MISC", None, True, None)]
    # A compound nationality the tokenizer split at its hyphens (le Sénégalo-Turc Y) is no
    # name (one token, la Franco-Ivoirienne, is read as a demonym below).
    if end - start > 1 and countries.compound_demonym(view.span_text(start, end)) is not None:
        return []
    if end - start == 1 and first.text[:1].isupper() and not _is_country(first.text):
        demonym = countries.demonym(first.text)
        if demonym is not None:
            return [Candidate(start, end, "MISC", demonym.gender, demonym.number == "pl", demonym.iso3)]
        people = label != "ORG" and _inhabitants(doc, start)  # les Boulonnais
        if word_key(first.text) in rules.groups or people:
            return [Candidate(start, end, "MISC", None, True, None)]
    site = trim.site_split(doc, start, end)  # 11b. l'usine Valdor | de Cholet: the firm and its town
    if site is not None:
        return [Candidate(start, site[0], "ORG"), Candidate(site[1], end, "LOC")]
    seat = locative.seat_after_name(doc, start, end, rules.town_heads)  # 11c. le musée X | de Y
    if seat is not None:
        return [Candidate(start, seat[0], label, gender), Candidate(seat[1], end, "LOC")]
    # 11. An acronym or repeated name glued to a country by 'de' is two names
    #     (JO de Tokyo, l'Otan de la Finlande).
    split = split_of_country(doc, start, end)
    if split is not None:
        head_end, tail_start = split
        if doc[start:head_end].text in rules.not_names:  # la Bourse de Paris: only Paris
            return [Candidate(tail_start, end, "LOC")]
        return [Candidate(start, head_end, label, gender), Candidate(tail_start, end, "LOC")]
    return [Candidate(start, end, label, gender)]


def _inhabitants(doc: Doc, i: int) -> bool:
    """Tell whether a capitalised word after les/des/aux is a plural noun of inhabitants
    (les Boulonnais, des Grenoblois): an ending of gentilés on a common noun."""
    return (
        i > 0
        and doc[i - 1].lower_ in ("les", "des", "aux")
        and doc[i].pos_ in ("NOUN", "PROPN")
        and looks_like_gentile(doc[i].text)
        and not _is_country(doc[i].text)
    )


def find_groups(parsed: Doc, found: list[Candidate], rules: EntityRules) -> list[Candidate]:
    """Return demonym nouns the model left untagged (les Européens), as group candidates."""
    covered = {i for c in found for i in range(c.start, c.end)}
    groups = []
    view = token_view(parsed)
    for i, text in enumerate(view.text):
        if i in covered or i == 0 or not text[:1].isupper() or view.lower[i - 1] not in ("les", "des", "aux"):
            continue
        demonym = countries.demonym(text)
        if demonym is not None and demonym.number == "pl":
            groups.append(Candidate(i, i + 1, "MISC", demonym.gender, True, demonym.iso3))
    return groups


def _mention(parsed: Doc, candidate: Candidate) -> Mention:
    return Mention(*token_view(parsed).span_chars(candidate.start, candidate.end), "name")


def _lower_modifier(token: Token) -> bool:
    """Tell whether a lower-case word ending a span opened by a role noun is a modifier, not
    a name's noun (Porte-parole | joint à Milan: the model tags the participle PROPN)."""
    return token.text[:1].islower() and token.pos_ in ("ADJ", "VERB", "PROPN")


def _trailing_junk(token: Token, rules: EntityRules) -> bool:
    if token.is_space or (token.is_punct and token.text not in (")",)):
        return True
    if token.like_num:
        # A score (Crystal Palace 3-0, US Lavaur 27 à 26) is not part of the name; a channel
        # number (France 3) is.
        doc = token.doc
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if following is not None and following.lower_ == "à" and token.i + 2 < len(doc):
            return doc[token.i + 2].like_num  # the score of handball, rugby, basketball
        return following is not None and following.text.startswith("-") and not token.whitespace_
    if token.lower_.removeprefix("mi-") in rules.calendar and not trim.month_as_surname(token):
        return True  # jeudi, mi-mars; not Hervé Janvier
    return token.text[:1].islower() and token.pos_ in _TRAILING_POS


def _after_nickname_cue(doc: Doc, start: int, rules: EntityRules) -> bool:
    """Tell whether a span follows 'surnommé «' (or 'dit "'), perhaps with an article."""
    view, i = token_view(doc), start - 1  # the words off the view: no Token made for them
    if i >= 0 and view.lower[i] in ARTICLES:
        i -= 1
    quoted = False
    while i >= 0 and (view.is_quote[i] or view.text[i] in ("«", "“", '"') or view.is_space[i]):
        quoted = True
        i -= 1
    return quoted and i >= 0 and view.lower[i] in rules.nickname_cues
