"""Read whom a threat aims at when the threatened act names its target.

*Le syndicat menace de porter plainte contre le groupe X*, *a menacé de déposer une motion de
censure contre le gouvernement de Y*, *menace de poursuivre en justice la Ligue*: PLOVER
THREATEN is aimed at the party the threatened act would hit, and French tells the threat
with *menacer de* + the act. When the verb of threat names no recipient of its own
(*menacer X de …* is read by the row's slots), the target is read inside the act's clause:

1. the infinitive's direct object, when the infinitive is an act of the trigger table
   whose row reads its recipient there (the act's own patient: *poursuivre la Ligue*,
   *exclure X*) and the object names a party that can act (not *bloquer le port de Sète*,
   a place, nor *boycotter le sommet*, a thing); the object of any other verb may be a
   forum (*saisir le tribunal administratif*: the court hears the case, it is not aimed at);
2. else the first *contre*-phrase of the clause, wherever the parser hung it (on the
   infinitive or on its object: *une motion contre le gouvernement de Y*), or the party
   that owns what it names (*contre la décision du préfet X*).

A venue is no target (*porter l'affaire devant la CIJ*: the court hears it), nor is a
*à*-phrase (*bloquer l'accès à la base*). An act that is itself a trigger (*menace de
frapper Israël*) is also read as a threat by the stage (senses.threatened): the two
tellings are one event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from veille.analysis.events.lexicon import load_event_lexicon
from veille.analysis.events.shape import case_of
from veille.analysis.lang.fr.words import DE_TOKENS
from veille.analysis.syntax.tense import feature
from veille.analysis.syntax.view import token_view

if TYPE_CHECKING:
    from veille.analysis.events.roles import RoleReader


def threatened_party(reader: RoleReader, verb: Token) -> list[str]:
    """Return the target of the act a verb of threat announces (rules in the module doc)."""
    row = load_event_lexicon().verbs.get(verb.lemma_.lower())
    if row is None or row.type != "THREATEN" or verb.pos_ != "VERB":
        return []
    view = token_view(verb.doc)
    for act in view.child_tokens(verb.i):
        if view.dep[act.i] != "xcomp" or "Inf" not in feature(act, "VerbForm"):
            continue
        if not any(view.dep[m] == "mark" and view.lower[m] in DE_TOKENS for m in view.children(act.i)):
            continue
        return _act_target(reader, act)
    return []


def _act_target(reader: RoleReader, act: Token) -> list[str]:
    """Return the party an infinitive's clause acts on: its object, else a contre-phrase."""
    view = token_view(act.doc)
    row = load_event_lexicon().verbs.get(act.lemma_.lower())
    patient = row is not None and "obj" in row.recipient  # poursuivre X; not saisir le tribunal
    for child in view.child_tokens(act.i) if patient else ():
        if view.dep[child.i] == "obj" and case_of(child) is None:
            found = [e for e in reader.group(child) if reader.can_act(e)]
            if found:
                return found
    for word in act.subtree:
        if word.i != act.i and case_of(word) == "contre":
            found = reader.group(word) or reader.acting_owner(word)
            found = [e for e in found if reader.can_act(e)]
            if found:
                return found
    return []
