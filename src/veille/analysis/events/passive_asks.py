"""Read the party a request or a refusal is addressed to when the clause names it only as
the *par*-agent of a passive infinitive.

*Le délégué a demandé à être reçu par la ministre*, *l'association réclame d'être entendue
par la commission*, *le maire refuse d'être auditionné par les enquêteurs*: the subject asks
(or refuses) that the agent act on it, so the agent is the one asked, as in *a demandé à la
ministre de le recevoir*. The infinitive is controlled by the subject (no subject of its own),
and its agent must be named: a bare passive (*demande à être entendu*) addresses nobody. A
verb with an object of its own (*accuse le maire d'être payé par X*) lets the object do the
infinitive: it is left to the row's slots.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from veille.analysis.events.shape import in_time
from veille.analysis.syntax.tense import feature
from veille.analysis.syntax.view import token_view

if TYPE_CHECKING:
    from veille.analysis.events.roles import RoleReader


def passive_addressee(reader: RoleReader, verb: Token) -> list[str]:
    """Return the named *par*-agent of a passive infinitive the verb governs (rules in the
    module doc), else []."""
    view = token_view(verb.doc)
    objects = [c for c in view.child_tokens(verb.i) if view.dep[c.i] in ("obj", "iobj")]
    if any(not in_time(c, reader.doc.timexes) for c in objects):  # (a demandé lundi à …)
        return []  # the object does the infinitive (accuse X d'être payé par Y): not asked
    for child in view.child_tokens(verb.i):
        if child.i < verb.i or view.pos[child.i] != "VERB" or not _passive_infinitive(child):
            continue
        if any(view.dep[c].startswith("nsubj") for c in view.children(child.i)):
            continue  # a clause of its own (demande que le texte soit examiné par X)
        return reader.passive_agent(child)
    return []


def _passive_infinitive(participle: Token) -> bool:
    """Say whether a past participle heads a passive infinitive (*être reçu*, *d'être entendue*)."""
    view = token_view(participle.doc)
    return "Part" in feature(participle, "VerbForm") and any(
        view.dep[c] == "aux:pass" and "Inf" in feature(view.tokens[c], "VerbForm")
        for c in view.children(participle.i)
    )
