"""Tell when a time expression dates the act that a request asks for, not the request.

*La CGT a appelé à un rassemblement samedi*, *les syndicats ont demandé une réunion du
comité dès jeudi*: the verb is past, but *samedi* and *jeudi* are when the rally and the
meeting are to take place, so they point ahead. French puts the time of the asking right
after the verb (*a appelé samedi à la grève*, *a demandé jeudi une réunion*: the Saturday
and the Thursday before) and the time of the thing asked for after the thing itself; so
the expression points ahead when the object of a verb of request stands between the verb
and it. The verbs are the PLOVER REQUEST verbs of ``plover_triggers.tsv`` (the events
stage's table, read here rather than copied). The same holds for an infinitive asked with
*de* or *à* (*a demandé aux éleveurs de lever le barrage dès lundi*): a time after the
infinitive is the asked act's.

Verbs of planning, offering, promising and threatening (``posterior_object_verbs`` of
``time_fr.json``: *prévoir, programmer, proposer, promettre, menacer…*, ISO-TimeML's
I_ACTION verbs, whose complement is an event posterior to them) read the same way when their
object is an event noun (the one-word nouns of ``plover_triggers.tsv``): *a prévu une
réunion lundi*, *a menacé d'une grève vendredi*, not *a proposé un texte dès novembre*.
*annoncer* reports, so its object's time is ahead only when the object is a new event, an
event noun with an indefinite article (*a annoncé un rassemblement samedi*, not *a annoncé
son décès samedi*), or when a preposition of a start puts it ahead (*a annoncé l'envoi dès
jeudi d'une mission*).
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Token

from veille.analysis.lang.fr.tables import read_rows
from veille.analysis.lang.fr.words import DE_TOKENS, INDEFINITE
from veille.analysis.syntax.clauses import governing_verb
from veille.analysis.syntax.tense import feature
from veille.analysis.syntax.view import doc_text
from veille.analysis.time.detect import lexicon

# The parser's relations for what is asked: une réunion (obj), à un rassemblement (obl:arg).
_ASKED = ("obj", "obl:arg", "obl", "xcomp")


@cache
def event_nouns() -> frozenset[str]:
    """Return the one-word event nouns of ``plover_triggers.tsv`` (*réunion, rassemblement,
    grève, boycott*): what a plan or an announcement can date, unlike a thing (*un texte*)."""
    return frozenset(
        row[0] for _n, row in read_rows("plover_triggers.tsv") if len(row) > 1 and row[1] == "NOUN"
    )


@cache
def request_verbs() -> frozenset[str]:
    """Return the lemmas of the verbs of request (*demander*, *appeler*, *réclamer*)."""
    verbs = set()
    for _n, row in read_rows("plover_triggers.tsv"):
        words = row[0].split()
        if len(row) > 2 and row[1] == "VERB" and row[2] == "REQUEST" and words[1:] in ([], ["à"], ["de"]):
            # appeler à: the verb appeler; not mettre en demeure, whose verb alone is no
            # request (mis en examen jeudi soir is the day it was done)
            verbs.add(words[0])
    return frozenset(verbs)


# Determiners of a new thing: un rassemblement, une nouvelle manifestation, des réunions.
_INDEFINITE = INDEFINITE | DE_TOKENS  # un projet, des rassemblements, de nouvelles grèves
# A start that puts the time ahead of a report: dès jeudi, à partir de lundi, à compter du 3.
_START = re.compile(r"(?:\bdès|\bà\s+partir\s+d[eu]|\bà\s+compter\s+d[eu])\s*(?:l'|le\s+|la\s+)?$")


def asked_ahead(root: Token) -> bool:
    """Say whether the expression whose head word is ``root`` follows the thing a verb of
    request asks for (*a appelé à un rassemblement samedi*), a verb of planning plans (*a
    prévu une réunion lundi*) or *annoncer* announces as new (*a annoncé un rassemblement
    samedi*), so it points ahead."""
    verb = governing_verb(root)
    if verb is None or verb.i > root.i:
        return False
    if _asked_infinitive(verb, root):
        return True
    lemma = verb.lemma_.lower()
    announced = lemma in lexicon()["announcing_verbs"]
    if not (announced or lemma in request_verbs() or lemma in lexicon()["posterior_object_verbs"]):
        return False
    for child in verb.children:
        if verb.i < child.i < root.i and child.dep_ in _ASKED and child.pos_ == "NOUN":
            if any(t.is_punct for t in root.doc[child.i : root.i]):
                return False
            if lemma in request_verbs():
                return True
            if announced and _START.search(doc_text(root.doc)[max(0, root.idx - 30) : root.idx]):
                return True  # a annoncé l'envoi dès jeudi d'une mission
            return child.lemma_.lower() in event_nouns() and (not announced or _new_thing(child))
    return False


def _asked_infinitive(verb: Token, root: Token) -> bool:
    """Say whether an expression after an infinitive dates the act a verb of request asks
    for with *de* or *à* (*a demandé aux coopératives de reprendre les livraisons dès lundi*,
    *a exigé de la direction de rouvrir le site lundi*): the asked act follows the asking
    (TimeML's SLINK MODAL), and French puts the asking's own time before the infinitive (*a
    demandé lundi aux coopératives de reprendre*, whose Monday is the verb's)."""
    if "Inf" not in feature(verb, "VerbForm") or verb.dep_ not in ("xcomp", "ccomp", "acl"):
        return False
    asking = verb.head
    if verb.dep_ == "acl" and asking.dep_ in ("obj", "obl:arg", "iobj"):
        asking = asking.head  # a exigé de la direction de rouvrir: the parser hangs it on the one asked
    if asking.i > verb.i or asking.lemma_.lower() not in request_verbs():
        return False
    if not any(c.dep_ == "mark" and c.lower_ in ("de", "d'", "à") for c in verb.children):
        return False
    # A quoted infinitive (de « reprendre … dès lundi ») is still the asked act.
    return not any(t.is_punct and not t.is_quote for t in root.doc[verb.i : root.i])


def _new_thing(noun: Token) -> bool:
    """Say whether a noun has an indefinite article (*un rassemblement*, *une nouvelle
    manifestation*), so names a thing still to come when it is announced."""
    return any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in noun.children)
