"""Read the gender an object clitic carries, for choosing what it stands for.

A past participle conjugated with *avoir* agrees with a direct object placed before it
(Grevisse & Goosse, *Le Bon Usage*, § 943, the agreement of the past participle): in
*le président du parti l'a félicitée*, the elided clitic *l'* hides its gender and the
participle shows it, feminine; in *l'a félicité* it is masculine. The clitics *le* and
*la* show it themselves. A party of the other gender is not the one the clitic stands
for (*Mme Roux défend l'alliance avec le Mouvement centriste, dont le président l'a
félicitée*: Mme Roux, not the Mouvement).

A party's gender is the one the entity layer read from a title or a first name; for a
body or a place, the grammatical gender of the common noun that heads its name (*le
Mouvement …*, *l'Alliance …*); none when its name has no such noun (an acronym, a bare
proper name), and then any clitic may stand for it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from veille.analysis.syntax.tense import feature
from veille.model import Entity, Gender

_ELIDED = frozenset({"l'", "l’"})
_SHOWN: dict[str, Gender] = {"le": "m", "la": "f"}
_GENDERS: dict[str, Gender] = {"Masc": "m", "Fem": "f"}


def clitic_gender(clitic: Token) -> Gender | None:
    """Return the gender a singular object clitic shows (*la*, *le*) or its participle shows
    by agreement (*l'a félicitée*), or None when nothing shows it (*l'accuse*)."""
    word = clitic.lower_
    if word in _SHOWN:
        return _SHOWN[word]
    if word not in _ELIDED:
        return None
    verb = clitic.head
    if "Part" not in feature(verb, "VerbForm"):
        return None
    if not any(c.dep_ == "aux:tense" and c.lemma_.lower() == "avoir" for c in verb.children):
        return None  # with être the participle agrees with the subject, not the clitic
    return _one_gender(verb)


def entity_gender(doc: Doc, entity: Entity) -> Gender | None:
    """Return a party's gender: a person's from the entity layer, else the gender of the
    common noun heading one of its names (*Mouvement démocrate* → masculine), else None."""
    if entity.gender is not None:
        return entity.gender
    for mention in entity.mentions:
        if mention.kind != "name":
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and len(span) and span[0].pos_ == "NOUN":
            gender = _one_gender(span[0])
            if gender is not None:
                return gender
    return None


def _one_gender(token: Token) -> Gender | None:
    values = feature(token, "Gender")
    return _GENDERS.get(values[0]) if len(values) == 1 else None
