"""*La direction*, given to the organisation whose management the article names.

Labour, business and sports news name a firm, a hospital or a club, then call its
management *la direction* (*Le syndicat accuse la direction de bloquer les négociations*,
*la direction a proposé une prime*); the annotators give *la direction* to that organisation
(every open gold set that lists the phrase does: companies, plants, hospitals, railways,
clubs, a theatre). The category rule (``categories.py``) gives it only to an organisation
its tables say is a company named in the sentences before, so most of these phrases stayed
out of every entity: no quote had its speaker there, and no act done to or by the
management had a party.

The phrase names the management of the one organisation whose managers the article names:
a name right after a manager's noun and *de* (*le directeur général de la Câblerie X*, *la
direction de X*, *le PDG d'X*; TLFi « direction »: the persons who run a firm or a
service). Among several such organisations, the one with strictly more mentions. A union
(*la direction de la CGT*: the union's own leaders, who are no employer in its conflict), a
public administration by its name's head or by the noun the text calls it (*le directeur
général de l'agence régionale de santé*, *de l'ARS … selon l'agence*: it oversees a
hospital, it does not run it) and a person are never the management. The phrase must be the
bare definite *la direction*, with no complement or epithet of its own (*la direction de
l'ARS*, *la direction régionale* name something else), and no entity may cover it.

The resolve stage adds the phrases as descriptions of that organisation, last, after every
other rule has had its say (``resolve.py``), when the tagger typed it ORG. The event stage
asks again in its own view of the document (``events/parties.py``): there an organisation
typed LOC or MISC gets them too, a MISC one read as an organisation's (it has managers), so
that it may be a party.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from spacy.tokens import Doc

from veille.analysis.entities.clusters import load_aliases
from veille.analysis.entities.referents import load_referents
from veille.analysis.syntax.mentions import MentionIndex
from veille.analysis.syntax.tense import feature
from veille.analysis.syntax.view import token_view
from veille.model import Document, Entity, Mention
from veille.normal import fold, name_key, word_key

# A manager's noun (TLFi « direction », « directeur », « dirigeant », « patron »; the French
# company titles PDG, DRH, administrateur délégué), an optional epithet of the post, and
# the preposition de right before the organisation's name, read in the text before it.
_MANAGER = re.compile(
    r"\b(?i:direction|directeur|directrice|dirigeante?s?|pdg|p-dg|patronne|patron|drh"
    r"|administrat(?:eur|rice) délégué(?:e)?|présidente?-directe(?:ur|rice) générale?)"
    # One epithet of the post in lower case (général, sportive, adjoint): a capitalised word
    # is a region or a division of another body (le directeur Afrique d'Aquanova).
    r"(?: des ressources humaines| [a-zàâçéèêëîïôöûùüÿœ-]+)?"
    r" (?:de la|de l'|de l’|du|des|de|d'|d’)\s*$"
)
# The kinds of org_kinds.tsv that run no workplace of their own in the article's conflict:
# unions, parties and the public authorities that regulate, judge or oversee.
_NOT_EMPLOYERS = frozenset(
    "union party public ministere tribunal cour parquet police gendarmerie prefecture"
    " gouvernement armee autorite eu_body fund league".split()
)
# The heads of public administrations' names (INSEE's catégories juridiques, « administration
# de l'État » and « établissement public administratif »: agence, autorité, office,
# commission, inspection, observatoire, ministère, direction) that org_kinds.tsv leaves
# without a kind: they oversee the employer, they do not run it.
_ADMINISTRATION_HEADS = frozenset(
    "agence autorite office commission inspection observatoire ministere direction"
    " haut-commissariat secretariat".split()
)
_PHRASE = "la direction"  # word_key of the phrase
_LOOK_BACK = 70  # characters before a name read for the manager's noun
# Words of a union's name, read in its names and in the full names of org_aliases.tsv
# (Confédération générale du travail, Union syndicale Solidaires): syndicat, syndical(e),
# and the workers of the confederations' names (not an employers' confederation, Medef).
_UNION_STEMS = ("syndic", "du travail", "travailleurs", "force ouvriere", "des cadres")
# A union named after its category noun (le syndicat Unisud, la centrale FO).
_UNION_BEFORE = re.compile(r"(?:syndicat|centrale|confederation|federation syndicale)s?(?: \w+)?$")


def with_management(
    doc: Document, parsed: Doc, index: MentionIndex, entities: tuple[Entity, ...], *, retype: bool = False
) -> tuple[Entity, ...]:
    """Return ``entities``, the organisation whose management the article names given as
    description mentions the uncovered bare *la direction* phrases (module doc); with
    ``retype`` (the events' view), that organisation typed ORG if it was MISC and the text
    calls it so; without it (the entity output), only an organisation typed ORG gets them."""
    view = token_view(parsed)
    phrases = [i for i, lower in enumerate(view.lower) if lower == "direction" and _bare(parsed, i, index)]
    told = retype and any(lower == "direction" for lower in view.lower)
    if not phrases and not told:
        return entities
    employer = _employer(doc, entities)
    if employer is None or (not retype and employer.type != "ORG"):
        # The entity output gives an organisation's description only to an entity typed as
        # one: a firm the tagger typed as a place or left MISC keeps its mentions there (the
        # phrase would map it to the gold's organisation with the wrong type), and the
        # event stage reads the phrase in its own view.
        return entities
    text = doc.article.text
    added = []
    for i in phrases:
        det = parsed[i - 1]
        end = parsed[i].idx + len(parsed[i].text)
        added.append(Mention(det.idx, end, text[det.idx : end], "description"))
    said = added or [
        m for m in employer.mentions if m.kind == "description" and fold(m.text) == "la direction"
    ]
    kind = "ORG" if retype and said and employer.type == "MISC" else employer.type
    if not added and kind == employer.type:
        return entities
    return tuple(
        dataclasses.replace(e, type=kind, mentions=(*e.mentions, *added)) if e.id == employer.id else e
        for e in entities
    )


def _bare(parsed: Doc, i: int, index: MentionIndex) -> bool:
    """Say whether the word at ``i`` heads a bare definite *la direction* no entity covers."""
    token = parsed[i]
    if i == 0 or token.pos_ != "NOUN" or index.entity_at(token.idx) is not None:
        return False
    if parsed[i - 1].lower_ != "la" or parsed[i - 1].head.i != i:
        return False
    # Its own complement or epithet makes it another body (la direction de l'ARS, la
    # direction régionale) or part of a name; a relative clause may pick out another one. An
    # infinitive the parser hangs on it is the verb's complement (accuser la direction de
    # mentir), not the noun's.
    return not any(
        c.dep_ in ("nmod", "amod", "acl:relcl", "appos", "flat:name")
        or (c.dep_ == "acl" and "Inf" not in feature(c, "VerbForm"))
        for c in token.children
    )


def _employer(doc: Document, entities: tuple[Entity, ...]) -> Entity | None:
    """Return the one organisation whose managers the text names (module doc), else None."""
    text = doc.article.text
    found = [e for e in entities if e.type != "PER" and _managed(e, text) and not _overseer(e, text)]
    found.sort(key=lambda e: -len(e.mentions))
    if not found or (len(found) > 1 and len(found[0].mentions) == len(found[1].mentions)):
        return None
    return found[0]


def _managed(entity: Entity, text: str) -> bool:
    """Say whether a name of the entity follows a manager's noun and *de*."""
    return any(
        m.kind == "name" and _MANAGER.search(text[max(0, m.start - _LOOK_BACK) : m.start])
        for m in entity.mentions
    )


def _overseer(entity: Entity, text: str) -> bool:
    """Say whether the entity is a union, a party or a public authority, by its name or by
    the noun the text calls it (*l'ARS … selon l'agence*)."""
    if union_like(entity, text):
        return True
    kinds = load_referents().kinds
    for mention in entity.mentions:
        words = word_key(mention.text).split()
        if mention.kind == "description" and words[:1] in (["l"], ["le"], ["la"]) and len(words) > 1:
            if " ".join(words) == _PHRASE:
                continue  # the phrase this module gives: its management, not a body
            if words[1] in _ADMINISTRATION_HEADS:
                return True  # the text calls it so (l'ARS … selon l'agence): an acronym hides the head
            continue
        if mention.kind != "name" or not words:
            continue
        if words[0] in _ADMINISTRATION_HEADS:
            return True
        whole = " ".join(words)
        if kinds.get(whole) in _NOT_EMPLOYERS or any(kinds.get(w) in _NOT_EMPLOYERS for w in words):
            return True
    return False


@cache
def _union_names() -> frozenset[str]:
    """Return the name keys of the organisations of ``org_aliases.tsv`` that one of their
    names says are unions (CGT: Confédération générale du travail)."""
    groups: dict[int, list[str]] = {}
    for key, (group, _rank) in load_aliases().items():
        groups.setdefault(group, []).append(key)
    return frozenset(
        key for keys in groups.values() if any(s in k for k in keys for s in _UNION_STEMS) for key in keys
    )


def union_like(entity: Entity, text: str) -> bool:
    """Say whether an organisation is a union: its name or an alias says so (*Syndicat
    national …*, CGT), or the text names it after *syndicat* (*le syndicat Unisud*)."""
    if entity.type != "ORG":
        return False
    for mention in entity.mentions:
        key = name_key(mention.text)
        if key in _union_names() or any(stem in key for stem in _UNION_STEMS):
            return True
        before = fold(text[max(0, mention.start - 40) : mention.start]).strip()
        if mention.kind == "name" and _UNION_BEFORE.search(before):
            return True
    return False
