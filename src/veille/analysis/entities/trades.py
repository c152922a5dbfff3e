"""Give a role the trade its organisation implies, so that a later trade noun finds its holder.

The press titles a person by an office in an organisation (*la secrétaire générale de la
CGT, Claire Arnoux*; *Paul Dubreuil, délégué CGT de l'usine*), then calls that person by the
trade the office implies (*la syndicaliste*). The office's class (``secretary_general``,
``delegate``) is not the trade's (``unionist``), so the description matching of
``titles.add_descriptions`` needs to know that an office in a union makes its holder a
unionist. The organisation's kind comes from ``org_kinds.tsv`` (``referents.org_kind``).
Only a kind that says a trade by itself counts: any office in a union is a union activist's,
whereas an office in a company (directeur, délégué) does not make someone a salesman.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from veille.analysis.entities.clusters import Cluster, RoleFact
from veille.analysis.entities.portfolios import add_portfolio_classes, portfolio_offices
from veille.analysis.entities.referents import Referents, org_kind
from veille.analysis.entities.rolenouns import RoleLexicon, RoleWord
from veille.analysis.lang.fr.words import DEFINITE
from veille.analysis.parse import doc_text, token_starts
from veille.analysis.syntax.view import token_view
from veille.model import Role
from veille.normal import fold

# The kind of organisation -> the class of roles.tsv that any office in it implies.
_TRADE_OF_KIND = {"union": "unionist"}
# The offices the press names by periphrasis (portfolios.py), for resolve's posts held and left.
OFFICES_BY_PORTFOLIO = portfolio_offices()
# The member states of the European Union (ISO 3166-1 alpha-3), as of 2020.
_EU_MEMBERS = frozenset(
    "AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU SVK "
    "SVN ESP SWE".split()
)
# Maître (Me), the title of address of the French bar, before a name: a lawyer (Me Claire
# Vasseur … l'avocate, le pénaliste). Notaries bear it too, but the press names them by trade.
_BAR_TITLE = re.compile(r"\b(?:Me|Maître)\s+$")


def add_implied_trades(
    clusters: list[Cluster], parsed: Doc, referents: Referents, lexicon: RoleLexicon
) -> None:
    """Mark each role held in an organisation of a trade-giving kind with that trade: the
    organisation is the role's complement (de la CGT) or glued right after the title (Paul
    Dubreuil, délégué CGT); ``RoleFact.implies`` then lets a later *la syndicaliste* name
    the holder."""
    _add_bar_titles(clusters, doc_text(parsed))
    kinds = {id(c): org_kind(c, referents) for c in clusters if c.type == "ORG"}
    glued = _glued_labels(clusters, parsed, kinds, lexicon)
    for cluster in clusters:
        if cluster.type != "PER":
            continue
        for fact in cluster.roles:
            of = fact.role.of or ""
            kind = kinds.get(int(of[1:])) if of.startswith("@") and of[1:].isdigit() else None
            trades = {
                _TRADE_OF_KIND[k]
                for k in (kind, *glued.get((id(cluster), fact.cls), ()))
                if k in _TRADE_OF_KIND
            }
            fact.implies = fact.implies | frozenset(trades)
    add_portfolio_classes(clusters)  # la ministre des Affaires étrangères: la chef de la diplomatie
    _add_counterparts(clusters, parsed)


def _add_counterparts(clusters: list[Cluster], parsed: Doc) -> None:
    """Give a counterpart (le ministre marocain des Affaires étrangères, X, et son homologue
    espagnole, Y) the classes of the office it is the counterpart of: the nearest person
    with another role named before *homologue* in its sentence. A later *la ministre
    espagnole* then finds Y."""
    people = [c for c in clusters if c.type == "PER" and not c.group]
    view = token_view(parsed)
    for i, word in enumerate(view.lower):
        if word not in ("homologue", "homologues"):
            continue
        token = view.tokens[i]
        sentence = token.sent
        after = parsed[token.i + 1 : min(token.i + 6, sentence.end)]
        holders = [
            c
            for c in people
            if any(f.cls == "counterpart" for f in c.roles)
            and any(after and after[0].idx <= m.start < after[-1].idx + len(after[-1]) for m in c.names)
        ]
        before = [
            (max(m.end for m in c.names if sentence.start_char <= m.start and m.end <= token.idx), c)
            for c in people
            if any(f.cls != "counterpart" for f in c.roles)
            and any(sentence.start_char <= m.start and m.end <= token.idx for m in c.names)
        ]
        if len(holders) != 1 or not before:
            continue
        source = max(before, key=lambda pair: pair[0])[1]
        # The office and what it implies (a minister of foreign affairs: la cheffe de la diplomatie).
        classes = frozenset(k for f in source.roles if f.cls != "counterpart" for k in (f.cls, *f.implies))
        for fact in holders[0].roles:
            if fact.cls == "counterpart":
                fact.implies = fact.implies | classes


def national_of_office(country: str | None, role: Role) -> bool:
    """Tell whether a national demonym may name the holder of an office of the European Union
    (la commissaire européenne X … la commissaire suédoise): the press calls a European
    commissioner or member by nationality, a member state's."""
    european = role.of == "EU" or "europeen" in fold(role.title)
    return european and country in _EU_MEMBERS


def _add_bar_titles(clusters: list[Cluster], text: str) -> None:
    """Give a person named after *Me* or *Maître* a hidden lawyer's role, so that a later
    *l'avocate* or *le pénaliste* finds them; the role is not shown (the text gave none)."""
    for cluster in clusters:
        if cluster.type == "PER" and any(
            _BAR_TITLE.search(text, max(0, m.start - 8), m.start) for m in cluster.names
        ):
            cluster.roles.append(RoleFact(Role(title="avocat"), "lawyer", None, None, hidden=True))


def _glued_labels(
    clusters: list[Cluster], parsed: Doc, kinds: dict[int, str | None], lexicon: RoleLexicon
) -> dict[tuple[int, str], set[str]]:
    """Find the organisations named right after a role noun that is a person's title (Paul
    Dubreuil, délégué CGT de l'usine; la déléguée FO Anne Roux): (person, role class) →
    the organisations' kinds."""
    starts = token_starts(parsed)
    person_end = {m.end: c for c in clusters if c.type == "PER" for m in c.names}
    person_start = {m.start: c for c in clusters if c.type == "PER" for m in c.names}
    found: dict[tuple[int, str], set[str]] = {}
    for org in clusters:
        if kinds.get(id(org)) not in _TRADE_OF_KIND:
            continue
        for mention in org.names:
            at = starts.get(mention.start)
            if at is None or at < 1:
                continue
            role, head = _role_ending_at(parsed, at, lexicon)
            if role is None:
                continue
            holder = _apposed_person(parsed, head, person_end)
            if holder is None:
                spaced = doc_text(parsed)[mention.end : mention.end + 1] == " "
                holder = person_start.get(mention.end + 1) if spaced else None
            if holder is not None:
                found.setdefault((id(holder), role.cls), set()).add(kinds[id(org)] or "")
    return found


def _role_ending_at(parsed: Doc, at: int, lexicon: RoleLexicon) -> tuple[RoleWord | None, int]:
    """Return the role noun that ends right before token ``at`` and where it starts."""
    for i in range(max(0, at - 4), at):
        role = lexicon.match(parsed, i) if lexicon.starts(parsed[i]) else None
        if role is not None and i + len(role.words) == at:
            return role, i
    return None, at


def _apposed_person(parsed: Doc, head: int, person_end: dict[int, Cluster]) -> Cluster | None:
    """Return the person whose name the title at ``head`` follows after a comma (X, délégué;
    X, la déléguée), or None."""
    i = head - 1
    if i >= 0 and parsed[i].lower_ in DEFINITE:
        i -= 1
    if i < 1 or parsed[i].text != ",":
        return None
    last = parsed[i - 1]
    return person_end.get(last.idx + len(last))
