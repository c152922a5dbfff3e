"""Tell when a time expression dates the act that a request asks for, not the request.

*La CGT a appelé à un rassemblement samedi*, *les syndicats ont demandé une réunion du
comité dès jeudi*: the verb is past, but *samedi* and *jeudi* are when the rally and the
meeting are to take place, so they point ahead. French puts the time of the asking right
after the verb (*a appelé samedi à la grève*, *a demandé jeudi une réunion*: the Saturday
and the Thursday before) and the time of the thing asked for after the thing itself; so
the expression points ahead when the object of a verb of request stands between the verb
and it. The verbs are the PLOVER REQUEST verbs of ``plover_triggers.tsv`` (the events
stage's table, read here rather than copied).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from veille.analysis.lang.fr.tables import read_rows
from veille.analysis.syntax.clauses import governing_verb

# The parser's relations for what is asked: une réunion (obj), à un rassemblement (obl:arg).
_ASKED = ("obj", "obl:arg", "obl", "xcomp")


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


def asked_ahead(root: Token) -> bool:
    """Say whether the expression whose head word is ``root`` follows the thing a verb of
    request asks for (*a appelé à un rassemblement samedi*), so it points ahead."""
    verb = governing_verb(root)
    if verb is None or verb.i > root.i or verb.lemma_.lower() not in request_verbs():
        return False
    for child in verb.children:
        if verb.i < child.i < root.i and child.dep_ in _ASKED and child.pos_ == "NOUN":
            return not any(t.is_punct for t in root.doc[child.i : root.i])
    return False
