"""An unnamed group told by the name it goes by, read as that named body.

News tells an armed act's authors by what they claim to be before anyone can name them:
*enlevés par un groupe se faisant appeler le Front de libération de l'Ouest*, *par des
hommes armés se réclamant de l'Armée du peuple libre*, *une milice baptisée Légion du Nord*.
The noun phrase (*un groupe*, *des hommes armés*) is the party the verb's slot holds, and no
entity covers it, so the act had no actor. The participle names the body the phrase stands
for: the verbs of naming (*se faire appeler*, *se faire nommer*, *baptiser*, *dénommer*:
TLFi « appeler » II.B, « baptiser » B, « dénommer ») and of claimed allegiance (*se réclamer
de*, *se revendiquer de*: TLFi « réclamer » II.B, « se réclamer de qqn, de qqc. », invoquer
comme caution, se dire membre de). The phrase is given to the named body as a description,
in the events' view of the document only (as :mod:`veille.analysis.events.holders` does), so
every slot reader reaches it. A name given by others (*baptisé*, *dénommé*, *surnommé*) must
be an organisation's or a person's (*une opération baptisée Bouclier du Nord* names an
operation, MISC: no party); a name the phrase gives itself or claims (*se faisant appeler*,
*se réclamant de*) is told by an agent, so a name the entity stage left MISC (*les Brigades
du 17 Rajab*, a number in it) is read as an organisation's in the events' view. The phrase
must be a noun with its determiner, right before the participle, that no entity covers.
"""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Doc, Token

from veille.analysis.lang.fr.words import ARTICLES, DEMONSTRATIVES, INDEFINITE
from veille.analysis.syntax.mentions import MentionIndex
from veille.model import Document, Entity, Mention

# The participle of naming or claimed allegiance, and the article or preposition before the
# name, right before a named mention (lower-cased text: its offsets are the text's).
_CUE = re.compile(
    r"(?:\bse faisant (?:appeler|nommer)|\bse (?:r[ée]clamant|revendiquant)"
    r"|\b(?:baptis|d[ée]nomm|surnomm)[ée](?:e|s|es)?)"
    r"(?: (?:d[eu]|des|de la|de l['’]|d['’]|le|la|les|l['’]))?\s?$"
)
_DETERMINERS = ARTICLES | INDEFINITE | DEMONSTRATIVES | {"l’"}
# Adjectives and participles between the noun and the cue (des hommes armés se réclamant
# de X); any other word between them (an adverb, a complement) leaves the phrase unread.
_BETWEEN = ("ADJ", "VERB")
_REACH = 3  # words between the noun and the cue, at most


def with_claimed_names(
    doc: Document, parsed: Doc, index: MentionIndex, entities: tuple[Entity, ...]
) -> tuple[Entity, ...]:
    """Return ``entities``, each organisation or person named after a participle of naming
    or allegiance given as a description the noun phrase before that participle (module
    doc)."""
    text = doc.article.text
    added: dict[str, list[Mention]] = {}
    agents: set[str] = set()  # MISC names a group gives itself: organisations
    for entity in entities:
        if entity.type not in ("ORG", "PER", "MISC"):
            continue
        for mention in entity.mentions:
            if mention.kind not in ("name", "description"):
                continue  # se réclamant de l'association X: the name or its category noun
            at = max(0, mention.start - 40)
            cue = _CUE.search(text[at : mention.start].lower())
            if cue is None or (entity.type == "MISC" and not cue.group(0).startswith("se ")):
                continue  # une opération baptisée X: a thing named by others is no party
            span = parsed.char_span(at + cue.start(), at + cue.end(), alignment_mode="expand")
            phrase = _phrase_before(span[0], index) if span is not None and len(span) else None
            if phrase is not None:
                start, end = phrase
                if entity.type == "MISC":
                    agents.add(entity.id)
                added.setdefault(entity.id, []).append(Mention(start, end, text[start:end], "description"))
    if not added:
        return entities
    return tuple(
        dataclasses.replace(e, mentions=(*e.mentions, *added[e.id]), type="ORG" if e.id in agents else e.type)
        if e.id in added
        else e
        for e in entities
    )


def _phrase_before(cue: Token, index: MentionIndex) -> tuple[int, int] | None:
    """Return (start, end) of the determiner and noun right before the cue's first word
    (adjectives and participles between them allowed), when no entity covers the noun."""
    doc = cue.doc
    i = cue.i - 1
    last = i
    while i >= 0 and cue.i - i <= _REACH and doc[i].pos_ in _BETWEEN:
        i -= 1
    if i < 1 or doc[i].pos_ != "NOUN" or doc[i - 1].lower_ not in _DETERMINERS:
        return None
    if index.entity_at(doc[i].idx) is not None:
        return None
    return doc[i - 1].idx, doc[last].idx + len(doc[last].text)
