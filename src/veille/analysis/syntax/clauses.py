"""Clauses: which tokens belong with a verb, and which verb a word hangs on."""

from __future__ import annotations

from spacy.tokens import Token

# Dependents that open a clause of their own: their words are not the verb's.
_SUBORDINATE = frozenset({"ccomp", "advcl", "acl:relcl", "parataxis", "conj", "csubj"})
# Auxiliaries and copulas: part of the verbal complex, never its head.
AUX_DEPS = frozenset({"aux", "aux:tense", "aux:pass", "cop"})
_COMPLEX_DEPS = AUX_DEPS | {"xcomp"}
# Relations along which a clause borrows the subject of the clause above it: an infinitive
# (doivent rencontrer), a coordinated verb (acheter … et les donner), an adverbial clause
# or gerund (en avertissant), a noun inside the verb's phrase, a reported clause.
_CLIMB_DEPS = frozenset(
    {"xcomp", "advcl", "conj", "obl", "obl:mod", "obl:arg", "obj", "nmod", "acl", "ccomp"}
)
_MAX_CLIMB = 6
_MAX_DEPTH = 40  # a parse tree is finite; the bound guards against a malformed one


def own_clause(verb: Token, with_participles: bool = True) -> list[Token]:
    """Return a verb's own clause: the verb and its dependents' subtrees, without the
    clauses it governs. With ``with_participles`` a participial phrase (*les armes fournies
    par Berlin*) stays in: it belongs to the noun phrase that holds it."""
    skip = _SUBORDINATE if with_participles else _SUBORDINATE | {"acl"}
    out = [verb]
    for child in verb.children:
        if child.dep_ not in skip:
            out.extend(child.subtree)
    return out


def subject_chain(token: Token) -> list[Token]:
    """Return the token and the heads it may borrow a subject from, nearest first."""
    chain = [token]
    current = token
    for _ in range(_MAX_CLIMB):
        if current.dep_ not in _CLIMB_DEPS or current.head == current:
            break
        current = current.head
        chain.append(current)
    return chain


def verb_complex(verb: Token) -> set[int]:
    """Return the token indexes that count as one clause with ``verb``: its auxiliaries,
    its xcomp chain (*doivent rencontrer*) and the verbs it is the xcomp of."""
    chain = {verb.i}
    frontier = [verb]
    while frontier:
        current = frontier.pop()
        for child in current.children:
            if child.dep_ in _COMPLEX_DEPS and child.i not in chain:
                chain.add(child.i)
                frontier.append(child)
        if current.dep_ in _COMPLEX_DEPS and current.head.i not in chain:
            chain.add(current.head.i)
            frontier.append(current.head)
    return chain


def governing_verb(token: Token) -> Token | None:
    """Return the verb (or copular predicate) whose clause holds ``token``, or None."""
    current = token
    for _ in range(_MAX_DEPTH):
        if current.dep_ not in AUX_DEPS and (
            current.pos_ in ("VERB", "AUX") or any(child.dep_ == "cop" for child in current.children)
        ):
            return current
        if current.head == current:
            return None
        current = current.head
    return None


def bare_participle(token: Token) -> bool:
    """Return True for a past participle with no auxiliary (l'enquête, confiée à la police).
    A participle coordinated after *et* with an earlier participle that has one shares it
    (a imputé les violences à des « casseurs » et averti que …): it is finite, wherever the
    parser hung it."""
    if "Part" not in token.morph.get("VerbForm", []) or token.text.lower().endswith("ant"):
        return False
    if any(c.dep_.startswith("aux") for c in token.children):
        return False
    if token.i == 0 or token.doc[token.i - 1].lower_ not in ("et", "puis", "mais"):
        return True
    for before in reversed(token.doc[token.sent.start : token.i - 1]):
        if before.dep_ == "acl":
            continue  # des groupes organisés: a participle qualifying a noun coordinates nothing
        if before.pos_ in ("VERB", "AUX") and "Part" in before.morph.get("VerbForm", []):
            return not any(c.dep_.startswith("aux") for c in before.children)
    return True
