"""Read accusations told as a judgement of failure (PLOVER ACCUSE/disapprove: criticize).

A speaker who holds, in the complement of a verb of opinion, that a named party was not able
to do its task disapproves of it, though no evaluative word is said: *Le maire estime que la
société Vélonor n'a pas été en mesure d'entretenir le parc* → ACCUSE maire → Vélonor. The
predicates are the French ones of ability (TLFi « mesure » : *être en mesure de*, être
capable de; « parvenir » : réussir à; « échouer » : ne pas réussir): denied (*n'a pas été en
mesure de*, *n'est pas capable de*, *n'a pas su*, *n'est pas parvenu à*, *n'a pas réussi
à*) or stated as a failure (*est incapable de*, *a échoué à*).

Only a verb of opinion holds the complement (*estimer*, *juger*, *considérer*, *trouver*,
Grevisse's verbs of opinion): a fear (*l'agence redoute que le Portugal ne soit pas en
mesure de …*, *craint que*) or a report (*a annoncé que*) judges nobody. The judge is the
opinion verb's subject; the judged party is the subject of the ability predicate. The
event's word is the opinion verb, whose own clause is not negated.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from veille.analysis.events.roles import RoleReader, Roles
from veille.analysis.syntax.tense import is_conditional, is_future, negated
from veille.analysis.syntax.view import token_view

_OPINION_VERBS = frozenset({"estimer", "juger", "considérer", "trouver"})
_DENIED = frozenset({"mesure", "capable", "parvenir", "réussir", "savoir"})  # … when negated
_FAILED = frozenset({"incapable", "échouer"})  # … as said
_COMPLEMENTS = frozenset({"ccomp", "conj"})


def failures(parsed: Doc, reader: RoleReader) -> Iterator[tuple[Token, Roles]]:
    """Yield the opinion verbs that judge a named party unable to act, with judge and judged."""
    view = token_view(parsed)  # the lemmas read off the shared view: a Token only for a predicate
    for i, lemma in enumerate(view.lemma_lower):
        if lemma not in _DENIED and lemma not in _FAILED:
            continue
        token = view.tokens[i]
        if not _ability_predicate(token):
            continue
        if (lemma in _DENIED) != negated(token, [token]):
            continue  # n'a pas été en mesure de …; a échoué à … (a denied failure judges none)
        if forecast(token):
            continue  # ne sera pas en mesure de …, ne pourrait: a forecast, no conduct judged
        verb = opinion_verb(token)
        if verb is None or negated(verb, [verb]):
            continue
        subjects = [
            c for c in token.children if c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ in ("NOUN", "PROPN")
        ]
        judged = next((p for s in subjects for p in [reader.group(s)] if p), [])
        judge = reader.subject(verb, agent=False) or []
        judged = [j for j in judged if j not in judge]
        named = [j for j in judge if reader.types.get(j) not in (None, "MISC")]
        targets = [j for j in judged if reader.types.get(j) not in (None, "MISC")]
        if named and targets:
            yield verb, Roles(tuple(judge), tuple(judged), None, 0)


def _ability_predicate(token: Token) -> bool:
    """Say whether a word heads a predicate of ability over an infinitive: *en mesure de*,
    *capable de* with a copula, *parvenir à*, *réussir à*, *savoir*, *échouer à* as verbs."""
    infinitive = any(c.pos_ == "VERB" and "Inf" in c.morph.get("VerbForm", []) for c in token.children)
    if not infinitive:
        return False
    if token.pos_ == "VERB":
        return token.lemma_.lower() in ("parvenir", "réussir", "savoir", "échouer")
    copula = any(c.dep_ == "cop" for c in token.children)
    if token.lemma_.lower() == "mesure":
        return copula and any(c.dep_ == "case" and c.lower_ == "en" for c in token.children)
    return copula and token.pos_ == "ADJ"


def forecast(token: Token) -> bool:
    """Say whether an ability predicate is told in the future or the conditional (*ne sera
    pas en mesure de*, *ne parviendrait pas à*): a forecast judges no conduct yet."""
    finite = [token, *(c for c in token.children if c.dep_ in ("cop", "aux", "aux:tense"))]
    return any(is_future(t) or is_conditional(t) for t in finite)


def _opinion(verb: Token) -> bool:
    """Say whether a verb is one of opinion, its lemma mended where the lemmatiser leaves a
    present of the first conjugation as it is (*estime*, *considère*: the infinitive is
    that form with *r*, the stem's grave accent made acute)."""
    lemma = verb.lemma_.lower()
    if lemma in _OPINION_VERBS:
        return True
    return verb.pos_ == "VERB" and lemma.endswith("e") and (lemma + "r").replace("è", "é") in _OPINION_VERBS


def opinion_verb(token: Token) -> Token | None:
    """Return the verb of opinion whose *que*-complement the predicate heads, or None; a
    complement coordinated with a first one (*estime que … et que …*) climbs to it."""
    node = token
    for _ in range(2):
        if node.dep_ not in _COMPLEMENTS or node.head == node:
            return None
        head = node.head
        if node.dep_ == "ccomp":
            return head if _opinion(head) else None
        node = head  # a conjunct: its first complement tells the verb
    return None
