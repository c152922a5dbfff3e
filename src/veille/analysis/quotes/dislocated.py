"""A subject taken up by a stressed pronoun: *La fondation, elle, a indiqué que …*.

French news sets one party against another by dislocating the subject to the left and taking
it up with a stressed pronoun between commas (*Le gouvernement, lui, a rejeté …*; *Les
syndicats, eux, dénoncent …*: the left dislocation of Riegel, Pellat & Rioul, *Grammaire
méthodique du français*, ch. XXIV). The speaker is the dislocated phrase. The parser often
makes the pronoun the verb's subject, which the pronoun resolver then reads as someone named
before, or leaves the verb with no subject at all; both are read back to the phrase here.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from veille.analysis.lang.fr.words import PREVERBAL_CLITICS, REFLEXIVE_CLITICS, THIRD_STRESSED

# Words between the taken-up subject and its verb: negation, clitics (n'a, s'est, lui a, les a).
_BEFORE_VERB = PREVERBAL_CLITICS | REFLEXIVE_CLITICS
_PHRASE_TOKENS = 10  # longer, the words before the comma are a clause, not a subject phrase
_OPENERS = frozenset({",", ".", "!", "?", ";", ":"})


def resumed_subject(verb: Token, subject: Token | None) -> Token | None:
    """Return the head of a dislocated subject phrase when ``subject`` is the stressed
    pronoun that takes it up, or when the verb has none and that pronoun stands right before
    its verb group; else ``subject``."""
    doc = verb.doc
    if subject is not None:
        if subject.lower_ not in THIRD_STRESSED:
            return subject
        return _dislocated(doc, subject.i) or subject
    k = verb.i - 1
    while k >= 0 and _before_verb(doc[k]):
        k -= 1
    if k >= 1 and doc[k].text == "," and doc[k - 1].lower_ in THIRD_STRESSED:
        return _dislocated(doc, k - 1)
    return None


def _dislocated(doc: Doc, pronoun: int) -> Token | None:
    """Return the head noun of the phrase before ``X, pronoun,``, when the phrase opens its
    clause (at a sentence start or after a comma) and is short; None otherwise."""
    if pronoun < 2 or pronoun + 1 >= len(doc) or doc[pronoun - 1].text != "," or doc[pronoun + 1].text != ",":
        return None
    end = pronoun - 2
    start = end
    while start > 0 and end - start < _PHRASE_TOKENS:
        before = doc[start - 1]
        if before.text in _OPENERS or "\n" in before.text or before.pos_ in ("VERB", "AUX"):
            break
        start -= 1
    if start > 0 and doc[start - 1].text not in _OPENERS and "\n" not in doc[start - 1].text:
        return None  # a verb before it: the phrase is a complement (accuse la mairie, elle, …)
    return next((doc[k] for k in range(start, end + 1) if doc[k].pos_ in ("NOUN", "PROPN")), None)


def _before_verb(token: Token) -> bool:
    """Return True for a word between a taken-up subject's pronoun and its verb."""
    return token.lower_ not in THIRD_STRESSED and (token.pos_ == "AUX" or token.lower_ in _BEFORE_VERB)
