"""Read a call to act: a verb of urging (*appeler X à faire*, *exhorter à la retenue*)
codes a request only with the infinitive or the noun of conduct it asks for.

The events stage asks :func:`infinitive_sense` of a row that needs an infinitive (a call
to a person with no conduct asked is a telephone call, or no event), and
:func:`called_to_a_place` whether a call to rally names only the places of the rally.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from spacy.tokens import Token

from veille.analysis.events.lexicon import EventLexicon, Trigger
from veille.analysis.events.roles import RoleReader, Roles
from veille.analysis.syntax.tense import feature


def _conduct(token: Token, lexicon: EventLexicon) -> bool:
    """Say whether a verb of urging has a noun of the conduct it asks for as its
    à-complement, in place of an infinitive (*a appelé les deux pays à la retenue*)."""
    return _conduct_noun(token, lexicon) is not None


def _conduct_noun(token: Token, lexicon: EventLexicon) -> Token | None:
    """Return the noun of conduct a verb of urging has as its à-complement, or None."""
    if token.lemma_.lower() not in lexicon.conduct_verbs:
        return None
    objects = [c for c in token.children if c.dep_ == "obj"]
    # The parser may hang the complement on the object (appelé les deux pays à la retenue).
    for child in (*token.children, *(c for o in objects for c in o.children)):
        case = next((c.lower_ for c in child.children if c.dep_ == "case"), None)
        if child.pos_ == "NOUN" and case in ("à", "au", "aux") and child.dep_.startswith(("obl", "nmod")):
            return None if child.lemma_.lower() in lexicon.not_conduct else child
    return None


# Prepositions that place an act (devant le siège de X, à Nantes, sous les fenêtres de X).
_PLACING = frozenset({"devant", "derrière", "près", "sous", "sur", "dans", "à", "au", "aux", "vers", "en"})


def called_to_a_place(
    token: Token, trigger: Trigger, roles: Roles, reader: RoleReader, lexicon: EventLexicon
) -> bool:
    """Say whether a call to a conduct with no addressee has for recipients only the places
    of that conduct (*Le collectif appelle à un rassemblement devant le siège de Vantrel, à
    Nantes*): a call to rally is addressed to the caller's own followers, and where the
    rally is held names no one asked (the rally itself is a PROTEST, read off its noun).
    A party the conduct is about is still asked (*appelant à la démission du préfet X*);
    so is a named addressee (*appelle la direction de X à la négociation*)."""
    if trigger.type != "REQUEST" or any(c.dep_ in ("obj", "iobj") for c in token.children):
        return False
    noun = _conduct_noun(token, lexicon)
    if noun is None or not roles.recipients:
        return False
    parsed = token.doc

    def placed(entity_id: str) -> bool:
        entity = reader.doc.entity(entity_id)
        for mention in entity.mentions if entity else ():
            span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or span.sent.start != token.sent.start:
                continue
            word = span.root  # up to the noun or the verb (the parser hangs the place on either)
            while word.i not in (noun.i, token.i) and word.head.i != word.i:
                if any(c.dep_ == "case" and c.lower_ in _PLACING for c in word.children):
                    return True
                word = word.head
        return False

    return all(placed(r) for r in roles.recipients)


def _has_infinitive(token: Token) -> bool:
    """Say whether a verb governs an infinitive: its xcomp, or one introduced by *à* or *de*
    that the parser hung on its object (*a appelé les deux pays à négocier*: acl of pays)."""
    if any(c.dep_ == "xcomp" and "Inf" in feature(c, "VerbForm") for c in token.children):
        return True
    # (an object after a weekday the parser labels obl:mod, with no preposition: a appelé
    # jeudi les parties à « revenir … »)
    objects = [
        c for c in token.children
        if c.dep_ == "obj" or (c.dep_ == "obl:mod" and not any(k.dep_ == "case" for k in c.children))
    ]  # fmt: skip
    return any(
        c.dep_ == "acl"
        and "Inf" in feature(c, "VerbForm")
        and any(m.dep_ == "mark" and m.lower_ in ("à", "de", "d'") and m.i < c.i for m in c.children)
        for o in objects
        for c in o.children
    )


# Verbs of urging that, with a person as object and neither an infinitive nor a conduct
# noun, tell a call (Emmanuel Macron a appelé Volodymyr Zelensky: PLOVER CONSULT/phone).
_CALLING = frozenset({"appeler"})


def infinitive_sense(
    token: Token, trigger: Trigger, roles: Roles, types: Mapping[str, str], lexicon: EventLexicon
) -> Trigger | None:
    """Return the row of a trigger that needs an infinitive (*appeler X à faire*) when it has
    one or a noun of conduct; a telephone call when it names persons on both sides and no
    à-complement (*a appelé Vladimir Poutine*; not *appelé X au gouvernement*); else None."""
    if not trigger.needs_inf or _has_infinitive(token) or _conduct(token, lexicon):
        return trigger
    if token.lemma_.lower() not in _CALLING or any(c.dep_ == "xcomp" for c in token.children):
        return None
    objects = [c for c in token.children if c.dep_ == "obj"]
    for child in (*token.children, *(c for o in objects for c in o.children)):
        case = next((c.lower_ for c in child.children if c.dep_ == "case"), None)
        if case in ("à", "au", "aux") and child.lemma_.lower() != "téléphone":
            return None  # appelé X au gouvernement, à la tête de …: an appointment
        if case is None and child.pos_ == "NOUN" and any(d.lower_ in ("un", "une") for d in child.children):
            return None  # appelé X un menteur: a name given, no call
    if all(types.get(r) == "PER" for r in roles.recipients) and any(
        types.get(a) == "PER" for a in roles.actors
    ):
        return dataclasses.replace(trigger, type="CONSULT", mode="phone")
    return None
