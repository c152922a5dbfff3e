"""Say what shape a clause or phrase has around an event trigger: its preposition, whether
it is passive or relative, where its subject stands (read by the role reader)."""

from __future__ import annotations

from spacy.tokens import Token


def case_of(token: Token) -> str | None:
    """Return the preposition that introduces a noun phrase (à, avec, contre, de…), lower-cased."""
    for child in token.children:
        if child.dep_ in ("case", "mark") and child.i < token.i:
            return child.lower_
    return None


def is_relative(token: Token) -> bool:
    relative = ("qui", "que", "qu'", "lequel", "laquelle")
    return "Rel" in token.morph.get("PronType", []) or token.lower_ in relative


def passive(verb: Token) -> bool:
    return any(c.dep_ == "aux:pass" for c in verb.children)


def passive_like(verb: Token) -> bool:
    """Say whether a verb is passive: with *être*, or a past participle on a noun (un
    journaliste aspergé de gaz par des policiers; les violences commises par la milice)."""
    if passive(verb):
        return True
    return (
        verb.dep_ in ("acl", "amod")
        and "Part" in verb.morph.get("VerbForm", [])
        and "Pres" not in verb.morph.get("Tense", [])
        and not any(c.dep_ in ("nsubj", "aux", "aux:tense") for c in verb.children)
    )  # not a relative clause the parser hung as acl (que Poutine a accusés)


def passive_voice(verb: Token) -> bool:
    """Say whether a verb is surely passive, so that only a par-agent can act: a passive
    shape without a reflexive clitic (the parser marks the être of a pronominal verb, *se
    sont rencontrés*, as a passive auxiliary)."""
    reflexive = any(c.lower_ in ("se", "s'") for c in verb.children)
    return passive_like(verb) and not reflexive


def subject_before(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)


def verb_like(token: Token) -> bool:
    return any(c.dep_ in ("nsubj", "obl:agent") or c.dep_.startswith("aux") for c in token.children)
