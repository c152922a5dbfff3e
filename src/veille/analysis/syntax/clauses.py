"""Clauses: which tokens belong with a verb, and which verb a word hangs on."""

from __future__ import annotations

import re

from spacy.tokens import Token

from veille.analysis.lang.fr.words import INCISES, auxiliary_forms
from veille.analysis.syntax.memo import per_parse
from veille.analysis.syntax.tense import feature
from veille.analysis.syntax.view import doc_text, token_view

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
# An inserted adverbial phrase closing the text before a participle (a pour sa part | appelé,
# a au contraire | condamné, a une nouvelle fois | dénoncé): any of the adverbial incises of
# words.INCISES, the turn-taking phrases among them; their words as the text writes them.
_INSERTED_BEFORE = re.compile(
    r"(?:^|[\s,])(?:"
    + "|".join(r"\s*".join(re.escape(word) for word in phrase) for phrase in INCISES)
    + r")\b[\s,]*$"
)
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


# The walks below read the parse off the shared view's columns (heads, labels, children as
# indexes): a Token and its label string cost about a microsecond on each step.


def subject_chain(token: Token) -> list[Token]:
    """Return the token and the heads it may borrow a subject from, nearest first."""
    view = token_view(token.doc)
    dep, head = view.dep, view.head
    chain = [token]
    current = token.i
    for _ in range(_MAX_CLIMB):
        label = "acl" if current == token.i and _modifying_participle(token) else dep[current]
        if label not in _CLIMB_DEPS or head[current] == current:
            break
        current = head[current]
        chain.append(view.tokens[current])
    return chain


def _modifying_participle(token: Token) -> bool:
    """Say whether a word is a present participle the parser labelled a noun's adjective
    (*une interpellation demandant au Conseil fédéral de …*: ``amod``): the same clause on a
    noun as an ``acl``, so it borrows a subject the same way."""
    return (
        token.dep_ == "amod"
        and token.pos_ == "VERB"
        and "Part" in feature(token, "VerbForm")
        and "Pres" in feature(token, "Tense")
    )


def verb_complex(verb: Token) -> set[int]:
    """Return the token indexes that count as one clause with ``verb``: its auxiliaries,
    its xcomp chain (*doivent rencontrer*) and the verbs it is the xcomp of."""
    view = token_view(verb.doc)
    dep, head = view.dep, view.head
    chain = {verb.i}
    frontier = [verb.i]
    while frontier:
        current = frontier.pop()
        for child in view.children(current):
            if dep[child] in _COMPLEX_DEPS and child not in chain:
                chain.add(child)
                frontier.append(child)
        if dep[current] in _COMPLEX_DEPS and head[current] not in chain:
            chain.add(head[current])
            frontier.append(head[current])
    return chain


@per_parse
def governing_verb(token: Token) -> Token | None:
    """Return the verb (or copular predicate) whose clause holds ``token``, or None."""
    view = token_view(token.doc)
    dep, pos, head = view.dep, view.pos, view.head
    current = token.i
    for _ in range(_MAX_DEPTH):
        if dep[current] not in AUX_DEPS and (
            pos[current] in ("VERB", "AUX") or any(dep[child] == "cop" for child in view.children(current))
        ):
            return token if current == token.i else view.tokens[current]
        if head[current] == current:
            return None
        current = head[current]
    return None


def bare_participle(token: Token) -> bool:
    """Return True for a past participle with no auxiliary (l'enquête, confiée à la police).
    A participle coordinated after *et* with an earlier participle that has one shares it
    (a imputé les violences à des « casseurs » et averti que …): it is finite, wherever the
    parser hung it."""
    if "Part" not in feature(token, "VerbForm") or token.text.lower().endswith("ant"):
        return False
    if any(c.dep_.startswith("aux") for c in token.children) or inserted_auxiliary(token) is not None:
        return False
    if token.i == 0 or token.doc[token.i - 1].lower_ not in ("et", "puis", "mais"):
        return True
    for before in reversed(token.doc[token.sent.start : token.i - 1]):
        if before.dep_ == "acl":
            continue  # des groupes organisés: a participle qualifying a noun coordinates nothing
        if before.pos_ in ("VERB", "AUX") and "Part" in feature(before, "VerbForm"):
            return not any(c.dep_.startswith("aux") for c in before.children)
    return True


def inserted_auxiliary(token: Token) -> Token | None:
    """Return the auxiliary that stands before a participle across an inserted adverbial
    phrase (a pour sa part appelé, a de son côté exhorté), which the parser often takes for
    the participle's head, leaving it no auxiliary; None when there is none."""
    start = token.sent.start_char
    # doc_text: spaCy's Doc.text joins every token on each call, quadratic over a long text
    inserted = _INSERTED_BEFORE.search(doc_text(token.doc), start, token.idx)
    if inserted is None:
        return None
    for before in reversed(token.doc[token.sent.start : token.i]):
        if before.idx + len(before) <= inserted.start() + 1 and before.text != ",":
            return before if before.lower_ in auxiliary_forms() else None
    return None


# The conjunctions of a temporal clause that tells the moment of its main clause's
# adverbial (Riegel, Pellat & Rioul, ch. XVIII: les subordonnées circonstancielles de temps).
WHEN_MARKS = frozenset({"lorsque", "lorsqu'", "lorsqu’", "quand"})


def when_clause(token: Token) -> bool:
    """Return True for the verb of a *lorsque* / *quand* clause hung on another verb (*se
    sont dégradées depuis 2015, lorsque l'Union avait suspendu son aide*): the clause tells
    what happened at the moment the main clause's adverbial names."""
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in WHEN_MARKS for c in token.children)
