"""Read the direct object of an event verb: the party it acts on.

The parse's object is the usual answer; the numbered cases of :func:`direct_object` say
why a passive's subject, a relative's antecedent, an undergoer set off before the clause,
the owner of a thing (*a dénoncé son projet*) or an act's author (*condamné l'attaque menée
par le Hamas*) stands in for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from veille.analysis.events.authors import national
from veille.analysis.events.control import passive_pronoun, possessor
from veille.analysis.events.nominal import act_agent, par_agent, participle_agent
from veille.analysis.events.shape import (
    after_preposition,
    case_of,
    detached_subject,
    in_time,
    is_relative,
    subject_before,
)
from veille.analysis.syntax.tense import feature

if TYPE_CHECKING:
    from veille.analysis.events.roles import RoleReader


def direct_object(reader: RoleReader, verb: Token, owner: bool = True) -> list[str]:
    """Return the direct object: a passive's subject, a relative's antecedent (les alliés,
    que Poutine a accusés), else the object or, when it names no entity and ``owner``
    allows it, its owner (not for *recevoir*: a letter from X is not a visit of X)."""
    passive = any(c.dep_ == "aux:pass" for c in verb.children)
    if (
        not passive
        and "Part" in feature(verb, "VerbForm")
        and any(c.dep_ == "obl:agent" for c in verb.children)
    ):
        # A bare participle with a par-agent is passive (reste bloquée par Ankara): its
        # subject is the subject of the verb above, or the noun it qualifies.
        if verb.dep_ == "xcomp":
            for child in verb.head.children:
                if child.dep_ in ("nsubj", "nsubj:pass"):
                    return reader.group(child) or reader.owner(child)
        if verb.dep_ in ("acl", "amod"):
            return reader.group(verb.head) or reader.owner(verb.head)
    if (undergoer := detached_subject(verb)) is not None:  # Accusé de fraude par X, Y a démenti
        return reader.group(undergoer) if undergoer.pos_ != "PRON" else reader.pronoun(undergoer) or []
    for child in verb.children:
        if child.dep_ == "nsubj" and child.i > verb.i and subject_before(verb):
            return reader.group(child)  # the parser's second subject is the object
    for child in verb.children:
        if (child.dep_ == "nsubj:pass" and passive) or (passive and child.dep_ == "nsubj"):
            if is_relative(child):
                return reader.group(verb.head) if verb.dep_.startswith("acl") else []
            if child.pos_ == "PRON":
                return passive_pronoun(reader, verb, child)
            # Le bombardement de X par Y a été condamné: the act's author is blamed
            found = (
                act_agent(reader, child)
                or reader.group(child)
                or reader.owner(child)
                or national(reader, child)
            )
            return found or possessor(reader, verb, child)  # Sa décision a été critiquée par X
    if passive and verb.dep_ == "conj" and not subject_before(verb):
        # … a demandé des engagements et sera reçu par X: the coordination shares its subject
        shared = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubj:pass") and not is_relative(c)]
        if shared:
            return reader.group(shared[0])
    if (
        verb.dep_.startswith("acl")
        and any(c.lower_ in ("que", "qu'") and c.i < verb.i for c in verb.children)
        and any(c.dep_ == "nsubj" and not is_relative(c) for c in verb.children)
    ):
        return reader.group(verb.head)
    for child in verb.children:
        # The parser sometimes takes a weekday for the object (accusé mardi Donald Trump)
        # or labels a bare object as an oblique: try each, in order.
        if in_time(child, reader.doc.timexes):
            # A time expression is no object (a reçu lundi les représentants de X), but
            # a name the parser hung on it is (accusé mercredi Khartoum: nmod of mercredi).
            hung = [
                e for c in child.children if case_of(c) is None
                for e in reader.group(c) or (reader.national_owner(c) if owner else [])
            ]  # fmt: skip  # attaqué mercredi les positions de l'armée X: hung on mercredi
            if hung:
                return hung
            continue
        if child.dep_ == "obj" and case_of(child) in ("de", "d'", "du"):
            continue  # a source, not an object (a reçu de la Suède des avions)
        bare = child.dep_ in ("obl", "obl:mod") and case_of(child) is None and child.i > verb.i
        if bare and after_preposition(child, reader.index.entity_at):
            continue  # the second word of a place (reçu à New Delhi: Delhi), not an object
        if (child.dep_ == "obj" or bare) and child.pos_ != "PRON":
            # condamné l'attaque menée par le Hamas: the act's agent; the owner of an act
            # told by its victim (condamné l'assassinat de X) is not the one blamed.
            if owner and child.lemma_.lower() in reader.patient_nouns:
                found = par_agent(reader, child) or national(reader, child)
                if found:
                    return found
                continue
            found = reader.group(child) or (
                reader.acting_owner(child)
                or national(reader, child)
                or reader.national_owner(child)
                or participle_agent(reader, child)
                if owner
                else []
            )
            found = found or (possessor(reader, verb, child) if owner and child.dep_ == "obj" else [])
            if found:
                return found  # … or whose thing it is (a dénoncé son projet)
            if not owner and child.dep_ == "obj":
                return []  # (a bare oblique before it is a day: reçu lundi les …)
        if bare and owner and child.lemma_ == "celui":
            # A restatement after a dash or comma (la réforme – celle de la ministre X).
            found = reader.acting_owner(child)
            if found:
                return found
    if verb.dep_ in ("acl", "amod") and "Part" in feature(verb, "VerbForm"):
        return reader.group(verb.head)  # a participle (la candidature … bloquée par Ankara)
    return []
