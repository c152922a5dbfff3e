"""Tell an act noun that labels another act from an act told: *qualifier X d'« agression »*.

A speaker who calls a decision an *agression*, a lay-off plan an *attaque contre les
salariés* or a closure a *sabotage* judges that act: the noun is the predicate of a verb of
judgement (*qualifier X de N*, *traiter X de N*, *taxer X de N*; Grevisse & Goosse, *Le Bon
Usage* § 306, the attribute of the object introduced by *de*; VerbNet characterize-29.2),
not a second act with its own parties. PLOVER codes the speaker's judgement as ACCUSE
(``evaluation.py`` reads it); the labelling noun codes nothing of its own type.

The parser hangs the *de*-predicate on the verb (*a qualifié de « sabotage » la
fermeture*) or inside the verb's object (*a qualifié la décision de Rome d'« agression »*):
both are read. A noun told after a verb of judgement without *de* (*a jugé l'attaque
inacceptable*) is the judged act itself, and stays an event.
"""

from __future__ import annotations

from spacy.tokens import Token

from veille.analysis.lang.fr.words import DE_TOKENS

_PREDICATE_LINKS = frozenset({"obj", "obl", "obl:arg", "obl:mod", "xcomp", "nmod"})
# The verbs of judgement whose attribute of the object takes de (Grevisse & Goosse § 306:
# qualifier, traiter, taxer X de N); juger, estimer, déclarer take a bare attribute, and a
# de-phrase under them is a complement (déclaré à l'issue d'une rencontre).
_DE_ATTRIBUTE = frozenset({"qualifier", "traiter", "taxer"})
_REACH = 4  # agression → décision → qualifié; attaque → licenciements → qualifie


def nested_predicate(word: Token, judging: frozenset[str]) -> Token | None:
    """Return the verb of judgement whose *de*-predicate a word is when the parser hung it
    inside the verb's object (*qualifier X de « dangereux »*), or None."""
    if not _has_de(word):
        return None
    node = word.head
    for _ in range(_REACH):
        if node.pos_ not in ("NOUN", "PROPN") or node.head == node:
            break
        if node.dep_ == "obj":
            verb = node.head
            return verb if verb.lemma_.lower() in judging else None
        node = node.head
    return None


def labelling_verb(word: Token, judging: frozenset[str]) -> Token | None:
    """Return the verb of judgement of which a noun is the *de*-predicate (on the verb or
    inside its object), or None: the noun then labels an act, it tells none."""
    if not _has_de(word):
        return None
    node = word
    for _ in range(_REACH):  # d'« attaque » → l'aluminerie → qualifié: the parser's attachments vary
        head = node.head
        if head.pos_ in ("VERB", "AUX"):
            lemma = head.lemma_.lower()
            linked = node.dep_ in _PREDICATE_LINKS and lemma in judging and lemma in _DE_ATTRIBUTE
            return head if linked else None  # a qualifié de « sabotage » la fermeture de la gare
        if head.pos_ not in ("NOUN", "PROPN") or head == node:
            return None
        node = head
    return None


def _has_de(word: Token) -> bool:
    return any(c.dep_ in ("case", "mark") and c.lower_ in DE_TOKENS for c in word.children)
