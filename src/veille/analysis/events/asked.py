"""Read the party a demand is addressed to when the clause names it only as the subject of
the demanded act.

*Le syndicat exige que la Commission publie une étude*, *la maire demande que le préfet
suspende l'arrêté*, *l'ONG réclame que Total renonce au projet*: a verb of asking with a
subjunctive *que*-clause asks the subject of that clause to act (PLOVER REQUEST: "ask an
actor to do something"), as *exiger de la Commission qu'elle publie* does with the party in
a *de*-phrase. The clause's subject must be a named party acting in the active voice: a
passive (*demande que le texte soit examiné par X*) or a thing (*exige que les élèves
soient protégés*, *que justice soit faite*) names no one asked, nor does a clause of
leave (*demande que son collègue puisse s'expliquer*: asked for him, of someone else). An
indirect question (*demande si la France …*) asks nothing of its subject.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from veille.analysis.events.lexicon import load_event_lexicon
from veille.analysis.syntax.view import token_view

if TYPE_CHECKING:
    from veille.analysis.events.roles import RoleReader

_QUE = frozenset({"que", "qu'", "qu’"})


def clause_addressee(reader: RoleReader, verb: Token) -> list[str]:
    """Return the named subject of the *que*-clause a verb of asking governs (rules in the
    module doc), else []."""
    row = load_event_lexicon().verb_trigger(verb.lemma_.lower(), verb.text)  # (réclame: a lemma slip)
    if row is None or row.type != "REQUEST" or verb.pos_ == "NOUN":
        return []
    view = token_view(verb.doc)
    for clause in view.child_tokens(verb.i):
        if view.dep[clause.i] != "ccomp" or clause.i < verb.i:
            continue
        kids = view.child_tokens(clause.i)
        if not any(view.dep[c.i] == "mark" and view.lower[c.i] in _QUE for c in kids):
            continue
        if any(view.dep[c.i] in ("aux:pass", "nsubj:pass") for c in kids):
            continue  # demande que le texte soit examiné par X: the text is no party
        if view.lemma_lower[clause.i] == "pouvoir":
            continue  # demande que son collègue puisse s'expliquer: a leave asked for him, not of him
        for subject in kids:
            if view.dep[subject.i] == "nsubj" and view.pos[subject.i] != "PRON":
                return [e for e in reader.group(subject) if reader.types.get(e) != "MISC"]
    return []
