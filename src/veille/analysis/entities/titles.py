"""Read the titles next to a person's name as roles and descriptions, and give a later
definite description (le ministre, ce dernier) to the one person whose role it names.

Reads the parse (title phrases found by ``roles.py`` before or after a name, with a comma)
and the clusters' roles gathered so far, because a description refers back to a holder
named with that title; the other ways of finding a holder (``lede.py``, ``cataphora.py``,
``salience.py``, ``posts.py``) run after it. Used by the resolve stage (``resolve.py``).
"""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Doc

from veille.analysis.entities import incise, salience, trades, typevote
from veille.analysis.entities.clusters import Cluster, RoleFact
from veille.analysis.entities.mentionindex import NamedWithin, NameSpans
from veille.analysis.entities.rolenouns import RoleLexicon, elected_leader, load_roles
from veille.analysis.entities.roles import (
    TitlePhrase,
    description_at,
    title_after,
    title_before,
)
from veille.analysis.lang.fr import countries
from veille.analysis.parse import doc_text
from veille.analysis.syntax.view import token_view
from veille.model import Gender, Mention, Role
from veille.normal import fold, word_key

# Posts one holds and then leaves (roles.tsv classes): a past holder is not the present one.
OFFICES = trades.OFFICES_BY_PORTFOLIO | frozenset(
    "leader head_of_state head_gov minister foreign_minister secretary monarch mayor mp mep senator "
    "governor prefect secretary_general leader_party pope ambassador chief_judge prosecutor".split()
)
_FORMER = re.compile(r"\b(?:ex-|ancien(?:ne)?\b)", re.IGNORECASE)
# Words that place a title in a change of office (folded): nouveau ministre, maire sortant.
_CHANGE = re.compile(
    r"\b(nouvel(?:le)?|nouveau|demissionnaire|sortant(?:e)?|futur(?:e)?|designe(?:e)?|interimaire)\b"
)
_CE_DERNIER = re.compile(r"\b(?:ce dernier|cette dernière)\b", re.IGNORECASE)
_PHRASE_OPENERS = frozenset({"le", "la", "l'", "du", "au", "un", "une", "son", "sa", "leur"})
_ANTECEDENT_WINDOW = 400  # characters: 'ce dernier' looks back about two sentences


def add_titles(
    clusters: list[Cluster], parsed: Doc, starts: dict[int, int], lexicon: RoleLexicon
) -> set[int]:
    """Read the title next to each person's name as a role, and the title itself as a
    description of that person: before the name (le président russe Vladimir Poutine) or
    after it with a comma (Bruno Le Maire, le ministre de l'Economie). Return the
    characters the titles cover: the later steps leave them alone."""
    covered: set[int] = set()
    owner, names = _owner_map(clusters), NameSpans(clusters)  # the names stay as they are here
    ends = token_view(parsed).ends
    evidence = typevote.load_evidence()
    for cluster in clusters:
        # The model tags some foreign names as places (Abou Bakr al-Baghdadi); a comma
        # apposition with a person's title (le chef de l'EI, …) makes them people.
        # An organisation whose name is shaped as a person's (le président de la Fondation,
        # Ties van der Meer) may be one too.
        maybe_person = not cluster.group and (
            (cluster.type in ("LOC", "MISC") and len(cluster.longest.split()) >= 2)
            or (cluster.type == "ORG" and typevote.person_shaped(cluster.longest, evidence))
        )
        if cluster.type != "PER" and not maybe_person:
            continue
        for mention in list(cluster.names):
            first, last = starts.get(mention.start), ends.get(mention.end)
            if first is None or last is None:
                continue
            # After an organisation's name, a comma and a title open the next person's
            # apposition (sur France Inter, le ministre de l'Économie, X): only a title
            # before it makes an organisation a person.
            after = title_after(parsed, last, lexicon) if cluster.type != "ORG" else None
            one_of = last + 3 < len(parsed) and parsed[last + 3].lower_ in ("un", "une")
            if after is not None and cluster.type != "PER" and (after.possessive or one_of):
                after = None  # la France, son premier client; Renault, l'un des constructeurs
            if after is not None and after.gender and cluster.gender and after.gender != cluster.gender:
                after = None  # Selon Mme Wendt, le président valdave, Stefan Horvat: Horvat's title
            phrase = incise.title_before_name(parsed, first, lexicon) or after
            if phrase is None or (cluster.type != "PER" and not phrase.loose):
                continue
            cluster.type = "PER"
            phrases = [phrase]
            # Two titles stacked before a name (Sa tête de liste, l'architecte Léa Fontanel):
            # the outer apposition is the same person's too.
            outer = title_before(parsed, phrase.start, lexicon) if not phrase.loose else None
            if outer is not None and outer.loose and outer.end == phrase.start - 1:
                # Not another person's title (par la sénatrice Anne Morel, le producteur X).
                if all(owner[(m.start, m.end)].type != "PER" for m in _mentions_within(names, parsed, outer)):
                    phrases.append(outer)
            for found in phrases:
                covered.update(_add_title(clusters, cluster, parsed, found, (owner, names)))
    return covered


def _add_title(
    clusters: list[Cluster],
    cluster: Cluster,
    parsed: Doc,
    phrase: TitlePhrase,
    owners: tuple[dict[tuple[int, int], Cluster], NameSpans],
) -> range:
    """Give a person the role a title phrase names, and the phrase as a description when it
    is definite; return the characters it covers."""
    owner, names = owners
    inner = [owner[(m.start, m.end)] for m in _mentions_within(names, parsed, phrase)]
    start, end = phrase.chars(parsed)
    dernier = _CE_DERNIER.search(doc_text(parsed), start, end)
    if dernier is not None:
        # le gendre de ce dernier, Jared Kushner: 'of' is the antecedent.
        antecedent = _last_person(clusters, dernier.start(), "m")
        inner = [antecedent] if antecedent is not None and antecedent is not cluster else []
    cluster.roles.append(_role_fact(parsed, phrase, inner, dernier.start() if dernier else None))
    if phrase.gender and not cluster.gender:
        cluster.gender = phrase.gender
    # A possessive title next to the name (Son entraîneur, Paul Sarrazin) is as sure as a definite one.
    describes = phrase.definite or phrase.possessive
    # A person named in the complement (l'avocate de Maïwenn X, Me Julia Y) leaves the
    # apposition the holder's description; glued to the name it is that person's title.
    governed = phrase.complement < phrase.end and fold(parsed[phrase.complement].text) in ("de", "d'", "du")
    if describes and dernier is None and ((phrase.loose and governed) or all(c.type != "PER" for c in inner)):
        cluster.mentions.append(Mention(start, end, doc_text(parsed)[start:end], "description"))
    if describes and dernier is None:
        _add_conjuncts(cluster, parsed, phrase, inner)
    return range(start, end)


def _add_conjuncts(cluster: Cluster, parsed: Doc, phrase: TitlePhrase, inner: list[Cluster]) -> None:
    """Give each role of a coordinated title its own role and the first one its own
    description (le président et fondateur de Kelvio, X: X is also le fondateur de Kelvio;
    le secrétaire général adjoint et numéro deux de Y, Z: also le secrétaire général adjoint)."""
    lexicon = load_roles()
    first_et = next((k for k in range(phrase.start, phrase.head) if parsed[k].lower_ == "et"), None)
    if first_et is None:
        return
    k, first = phrase.start, True
    while k < phrase.head:
        role = lexicon.match(parsed, k)
        if role is None or not (first or parsed[k - 1].lower_ == "et"):
            k += 1
            continue
        cluster.roles.append(_role_fact(parsed, dataclasses.replace(phrase, head=k, role=role), inner, None))
        k, first = k + len(role.words), False
    start, last = parsed[phrase.start].idx, parsed[first_et - 1]
    end = last.idx + len(last)
    if parsed[phrase.start].lower_ in ("du", "au"):
        start = parsed[phrase.start + 1].idx
    cluster.mentions.append(Mention(start, end, doc_text(parsed)[start:end], "description"))


def add_descriptions(clusters: list[Cluster], parsed: Doc, lexicon: RoleLexicon, titles: set[int]) -> None:
    """Give a later definite description (le dirigeant russe, le ministre) to the one
    person whose role in this article it names."""
    taken = {(m.start, m.end) for c in clusters for m in c.mentions}
    covered = titles | {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
    named = {i for c in clusters for m in c.names for i in range(m.start, m.end)}
    found: list[tuple[TitlePhrase, str | None, int, int, list[Cluster]]] = []
    view = token_view(parsed)
    persons = NamedWithin([c for c in clusters if c.type == "PER"])  # no mention is added in this loop
    tokens, idx = view.tokens, view.idx
    for i in lexicon.start_positions(parsed):  # the words a role noun may start at
        token, offset = tokens[i], idx[i]
        if offset in named:
            continue
        if token.idx in covered and not in_complement(parsed, token.i):
            continue  # inside a title, only a complement's role noun is someone (à la maire)
        phrase = description_at(parsed, token.i, lexicon)
        if phrase is None:
            continue
        if _before_name(parsed, phrase.end) and token.idx not in covered:
            continue  # an apposition before a name: add_titles read it
        complement = _complement_key(parsed, phrase)
        start, end = phrase.chars(parsed)
        former = _former(doc_text(parsed)[start:end])
        # A description refers back: its holder was named in the last few paragraphs
        # (a later holder of the same role is another person, or the KB's).
        # A role given with no country is tried only when none given with the demonym's
        # country holds it (le président américain X … le président de la République Y).
        for unplaced in (False, True):
            holders = [
                c
                # the persons named lately (a bisection), then the role: most are named far before
                for c in persons.clusters(start, salience.DESCRIPTION_WINDOW)
                if _holds(c, phrase, complement, former, unplaced)
                and not salience.apart(parsed, start, end, c)  # L'élu accuse le président X: not X
            ]
            if holders or phrase.demonym is None:
                break
        found.append((phrase, complement, start, end, holders))
    # A title of an office with a complement that nobody named holds (le ministre du
    # Redressement productif, its holder never titled by apposition) is a second holder:
    # a bare later description (le ministre) may be either, so it joins nobody.
    # Only posts one person holds at a time count (l'actuel entraîneur du PSG may be the
    # ancien entraîneur de Nice); a person's own title read again in a complement does not.
    untitled = [(p.role.cls, s) for p, c, s, e, h in found if c and not h and (s, e) not in taken]
    for phrase, complement, start, end, holders in found:
        if len(holders) != 1:
            continue
        if not _same_moment(doc_text(parsed)[start:end], holders[0]):
            continue  # la ministre démissionnaire is not the vice-première ministre
        if complement is None and any(
            cls == phrase.role.cls and cls in OFFICES and 0 <= start - other <= salience.DESCRIPTION_WINDOW
            for cls, other in untitled
        ):
            continue
        if (start, end) not in taken:
            holders[0].mentions.append(Mention(start, end, doc_text(parsed)[start:end], "description"))
            taken.add((start, end))


def _before_name(parsed: Doc, i: int) -> bool:
    """Tell whether a name follows token i, perhaps after a comma (le ministre, Jean X)."""
    i += 1 if i < len(parsed) and parsed[i].text == "," else 0
    return i < len(parsed) and parsed[i].text[:1].isupper() and parsed[i].pos_ == "PROPN"


def add_ce_dernier(clusters: list[Cluster], text: str, titles: set[int]) -> None:
    """Give 'ce dernier' / 'cette dernière' to the last person mentioned before it whose
    gender fits (inside a title, add_titles made it the role's 'of')."""
    for match in _CE_DERNIER.finditer(text):
        if match.start() in titles:
            continue
        gender: Gender = "f" if match.group(0).lower().startswith("cette") else "m"
        antecedent = _last_person(clusters, match.start(), gender)
        if antecedent is not None:
            antecedent.mentions.append(Mention(match.start(), match.end(), match.group(0), "description"))


def _owner_map(clusters: list[Cluster]) -> dict[tuple[int, int], Cluster]:
    return {(m.start, m.end): c for c in clusters for m in c.mentions if m.kind == "name"}


def _mentions_within(names: NameSpans, parsed: Doc, phrase: TitlePhrase) -> list[Mention]:
    view = token_view(parsed)  # offsets off the columns: no Token made
    last = phrase.end - 1
    return names.within(view.idx[phrase.start], view.idx[last] + len(view.text[last]))


def _role_fact(parsed: Doc, phrase: TitlePhrase, inner: list[Cluster], dernier: int | None) -> RoleFact:
    """Build the role: title without determiner and demonym; 'of' is the demonym's country,
    else the named organisation, place or person in the complement."""
    words = [parsed[i] for i in range(phrase.head, phrase.end) if i != phrase.demonym]
    first_mod = phrase.head
    while first_mod > phrase.start and parsed[first_mod - 1].lower_ not in _PHRASE_OPENERS:
        first_mod -= 1
    words = [parsed[i] for i in range(first_mod, phrase.head)] + words
    of: str | None = phrase.country
    cut = len(words)
    if inner:
        target = inner[-1]
        # The named complement goes to 'of' (secrétaire général de l'OTAN → of NATO);
        # a person's name too (envoyé du président américain Donald Trump → of Trump).
        first_inner = (
            dernier
            if dernier is not None
            else min(
                m.start for m in target.mentions if m.kind == "name" and parsed[phrase.start].idx <= m.start
            )
        )
        cut = next((k for k, w in enumerate(words) if w.idx >= first_inner), len(words))
        while cut > 1 and words[cut - 1].lower_ in ("de", "du", "des", "d'", "l'", "la", "le", "les"):
            cut -= 1
        if target.type == "LOC" and countries.country_code(target.longest):
            of = of or countries.country_code(target.longest)
        else:
            of = of or f"@{id(target)}"
    title = "".join(w.text_with_ws for w in words[:cut]).strip()
    # The complement starts after the role noun, its demonym and its qualifier (maire
    # socialiste de Nantes → nantes); modifiers before the noun are not in it.
    complement = word_key(" ".join(w.text for w in words[:cut] if w.i >= phrase.complement)) or None
    # The whole complement with its name too (secrétaire général de l'OTAN → otan), so that
    # a later 'le premier secrétaire du PS' finds the holder by it.
    named = word_key(" ".join(w.text for w in words if w.i >= phrase.complement)) or None
    return RoleFact(Role(title=title, of=of), phrase.role.cls, _strip_of(complement), _strip_of(named))


def _complement_key(parsed: Doc, phrase: TitlePhrase) -> str | None:
    return _strip_of(word_key(parsed[phrase.complement : phrase.end].text) or None)


def _strip_of(text: str | None) -> str | None:
    words = (text or "").split()
    while words and words[0] in ("de", "du", "des", "d", "l", "la", "le", "les"):
        words = words[1:]
    return " ".join(words) or None


def _former(title: str) -> bool:
    """Tell whether a title is a past one (l'ex-président, l'ancienne ministre)."""
    return bool(_FORMER.search(title))


def _same_moment(description: str, holder: Cluster) -> bool:
    """Tell whether a description that places its role in a change of office (la nouvelle
    ministre, le maire sortant, le président démissionnaire) fits the holder: one of the
    holder's own titles or descriptions says the same change. Like l'ex-président, such a
    description picks the incoming or outgoing holder, whom the text may never title (the
    minister who resigns, the one who replaces her), not whoever holds the role."""
    said = set(_CHANGE.findall(fold(description).lower()))
    if not said:
        return True
    told = {w for m in holder.mentions for w in _CHANGE.findall(fold(m.text).lower())}
    told |= {w for f in holder.roles for w in _CHANGE.findall(fold(f.role.title).lower())}
    return said <= told


def _holds(
    cluster: Cluster,
    phrase: TitlePhrase,
    complement: str | None,
    former: bool = False,
    unplaced: bool = False,
) -> bool:
    """Tell whether a person holds the role a description names; a past title (l'ex-
    président) and a present one (le chef de l'État) describe different people. With
    ``unplaced``, a role given with no country also holds a demonym's (la ministre, X … la
    ministre vietnamienne)."""
    if phrase.gender and cluster.gender and phrase.gender != cluster.gender:
        return False
    for fact in cluster.roles:
        if _former(fact.role.title) != former and fact.cls in OFFICES:
            continue  # a trade outlives a post: l'ancien entraîneur de Nice is still le coach
        if (
            fact.cls != phrase.role.cls
            and fact.cls not in phrase.role.covers
            and phrase.role.cls not in fact.implies
            and not elected_leader(phrase.role.cls, fact.cls, fact.complement or fact.named)
        ):
            continue
        if phrase.country and fact.role.of != phrase.country and not _seat_of(phrase, fact):
            if not (unplaced and _unplaced(cluster, fact, phrase.country)):
                continue
        if complement and not _same_complement(complement, fact):
            continue
        return True
    return False


def _unplaced(cluster: Cluster, fact: RoleFact, country: str) -> bool:
    """Tell whether a role was given with no country to a person of none or of the
    description's (la ministre, Nguyen Thi Lan … la ministre vietnamienne): the demonym may
    tell what the text did not."""
    return fact.role.of is None and cluster.country in (None, country)


def _seat_of(phrase: TitlePhrase, fact: RoleFact) -> bool:
    """Tell whether a seat periphrasis (le locataire de l'Élysée) names a title given without
    a country (le président de la République): the French press titles France's offices
    without a demonym, foreign ones with it; only French seats and one-holder offices count."""
    return (
        phrase.role.country == "FRA"
        and fact.role.of is None
        and fact.cls == phrase.role.cls
        and fact.cls in ("head_of_state", "head_gov")
    ) or trades.national_of_office(phrase.country, fact.role)  # la commissaire suédoise


def _same_complement(complement: str, fact: RoleFact) -> bool:
    """Tell whether a description's complement names the role's: the same, or one of its
    coordinated parts (le ministre de l'Économie for the ministre de l'Économie et des Finances)."""
    for full in (fact.complement, fact.named):
        if full and (complement == full or any(complement == _strip_of(p) for p in full.split(" et "))):
            return True
        if full and full.endswith(" " + complement):
            return True  # le fondateur de Kelvio for the fondateur de la start-up Kelvio
    return False


def _last_person(clusters: list[Cluster], position: int, gender: Gender) -> Cluster | None:
    best: tuple[int, Cluster] | None = None
    for cluster in clusters:
        if cluster.type != "PER" or (cluster.gender and cluster.gender != gender):
            continue
        for mention in cluster.mentions:
            recent = position - _ANTECEDENT_WINDOW <= mention.end <= position
            if recent and (best is None or mention.end > best[0]):
                best = (mention.end, cluster)
    return best[1] if best else None


_NOMINAL = ("NOUN", "ADJ", "PROPN")


def in_complement(parsed: Doc, i: int) -> bool:
    """Tell whether token i opens a complement inside a title (le premier adjoint à la |
    maire; le fils du | président): the role noun there is another person's."""
    view = token_view(parsed)  # words and tags off the columns: no Token made
    lower, pos = view.lower, view.pos
    before = lower[i - 1] if i > 0 else ""
    if before in ("du", "au"):  # of a noun, not of a verb (a écrit au | préfet)
        return i > 1 and pos[i - 2] in _NOMINAL
    return before in ("la", "l'", "le") and i > 2 and lower[i - 2] in ("à", "de") and pos[i - 3] in _NOMINAL
