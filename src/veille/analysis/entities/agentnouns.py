"""Name an organisation by the agent noun the text put in apposition to it (*l'exploitant*).

A report introduces a company by what it does in the story, in apposition, and then calls
it by that noun alone: *La cour a ordonné au propriétaire, Immeubles Laval inc., de
suspendre les expulsions … Le propriétaire entend faire appel*; *l'autorité a interdit à
l'exploitant, Énergies Valdor SA (EV), de redémarrer … L'exploitant conteste*; *Le bailleur,
Habitat Solenne, refuse … selon le bailleur*. The noun is no category of the organisation
(``org_categories.tsv`` holds those: *l'entreprise*, *le groupe*) but its part in the
events; the apposition ties it to the name as a title ties a person's.

1. An apposition is a definite article or a contracted one (*le*, *la*, *l'*, *au*, *du*), a
   lower-case agent noun (``morphology.looks_like_agent_noun``: *-eur*, *-ant*, *-aire* …;
   not a title of ``roles.tsv``, which names people, nor a category noun, which the
   category step reads), a comma, an organisation's name, and a comma or a bracket after the
   name. Not a fronted adjunct (*Selon l'exploitant, Valdor a …*; *Pour l'instant, Valdor,
   qui …*): a preposition opening the sentence before the article.
2. The noun then names that organisation wherever the text says it with a definite article
   and no complement (*Le propriétaire entend …*; not *le propriétaire du terrain*), when it
   was put in apposition to that organisation only, and to no person (*le propriétaire,
   Jean Roux,* makes the noun a title of its own).
"""

from __future__ import annotations

from spacy.tokens import Doc

from veille.analysis.entities import orgwords
from veille.analysis.entities.clusters import Cluster
from veille.analysis.entities.referents import Referents
from veille.analysis.entities.rolenouns import RoleLexicon
from veille.analysis.lang.fr.morphology import looks_like_agent_noun
from veille.analysis.lang.fr.words import CONTRACTED, OF
from veille.analysis.parse import doc_text
from veille.analysis.syntax.view import token_view
from veille.model import Mention
from veille.normal import word_key

_ARTICLES = frozenset({"le", "la", "l'", "l’"})
_CLOSERS = frozenset({",", "(", ".", ")", ";"})


def add_agent_nouns(clusters: list[Cluster], parsed: Doc, lexicon: RoleLexicon, referents: Referents) -> None:
    """Give an apposed agent noun, and its later bare uses, to its organisation (module docstring)."""
    view = token_view(parsed)
    named_at = orgwords.NamedAt(clusters)
    text = doc_text(parsed)
    owners: dict[str, list[Cluster]] = {}
    apposed: list[tuple[int, int, str, Cluster]] = []
    for i in range(len(parsed) - 3):
        lower = view.lower[i]
        if lower not in _ARTICLES and lower not in CONTRACTED:
            continue
        noun = i + 1
        if not _agent_noun(parsed, noun, lexicon, referents) or view.text[noun + 1] != ",":
            continue
        if _fronted(parsed, i) or (lower in CONTRACTED and parsed[i].is_sent_start):
            continue
        owner = named_at.first(clusters, view.idx[noun + 2])
        if owner is None:
            continue
        key = word_key(view.text[noun])
        if owner.type == "PER":
            owners.setdefault(key, []).append(owner)  # le propriétaire, Jean Roux: a title
            continue
        if owner.type != "ORG" or owner.group:
            continue
        name = next(m for m in owner.names if m.start == view.idx[noun + 2])
        close = text[name.end : name.end + 2].lstrip()[:1]
        if close not in _CLOSERS:
            continue
        owners.setdefault(key, []).append(owner)
        start = view.idx[i] if lower in _ARTICLES else view.idx[noun]
        apposed.append((start, view.idx[noun] + len(view.text[noun]), key, owner))
    if not apposed:
        return
    occupied = [(m.start, m.end) for c in clusters for m in c.mentions]
    found: list[tuple[int, int, Cluster]] = []
    for start, end, key, owner in apposed:
        if _one_owner(owners[key]):
            found.append((start, end, owner))
    for i in range(len(parsed) - 1):
        if view.lower[i] not in _ARTICLES:
            continue
        key = word_key(view.text[i + 1])
        group = owners.get(key)
        if not group or not _one_owner(group) or group[0].type == "PER":
            continue
        after = view.lower[i + 2] if i + 2 < len(parsed) else ""
        if after in OF or after == "d’" or (i + 2 < len(parsed) and view.text[i + 2][:1].isupper()):
            continue  # le propriétaire du terrain, le propriétaire Valdor: another thing
        start, end = view.idx[i], view.idx[i + 1] + len(view.text[i + 1])
        found.append((start, end, group[0]))
    for start, end, owner in found:
        if any(s < end and start < e for s, e in occupied):
            continue
        owner.mentions.append(Mention(start, end, text[start:end], "description"))
        occupied.append((start, end))


def _agent_noun(parsed: Doc, i: int, lexicon: RoleLexicon, referents: Referents) -> bool:
    """Tell whether token i is a lower-case agent noun that is no person's title and no
    organisation's category noun."""
    tokens = token_view(parsed).tokens  # the view's Tokens: none made per read
    token = tokens[i]
    if token.pos_ != "NOUN" or not looks_like_agent_noun(token.text):
        return False
    if lexicon.starts(token) and lexicon.match(parsed, i) is not None:
        return False  # le président, X: a person's title (roles.py)
    return word_key(token.text) not in referents.by_first


def _fronted(parsed: Doc, i: int) -> bool:
    """Tell whether the article at token i follows a preposition that opens its sentence
    (Selon l'exploitant, …; Pour l'instant, …): an adjunct, no apposition."""
    if i == 0:
        return False
    before = parsed[i - 1]
    if before.pos_ != "ADP":
        return False
    return before.i == before.sent.start or parsed[before.i - 1].is_punct


def _one_owner(group: list[Cluster]) -> bool:
    return len({id(c) for c in group}) == 1
