"""Read *les deux parties*, *les deux camps*, *les belligérants* as the two sides of the
dispute the article has told.

*Le FLK accuse Kinshasa d'avoir bombardé un marché. […] Le médiateur kényan, Samuel Waweru, a
appelé jeudi les parties à « revenir à la table »*: a mediator, a prefect or a mayor addresses
both sides of a conflict or a labour dispute by a plural noun that names no one, because the
story already has (gold3, gold4, gold9, gold11 and a dev2 article use *les (deux) parties* so).
The sides are the actor and the recipient of the last event of a dispute told before the
request, when the one who asks is neither of them (a party's own *les deux parties* is no
mediation). The noun is plural, after *les*, *ces* or *toutes les* (a numeral may stand
between), with no complement or adjective of its own (*les parties civiles*, *les parties
au procès* name others); only a request or a meeting reads it (*a appelé les deux parties
à …*, *a convoqué les deux parties*).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from veille.analysis.events.disputes import HOSTILE, named_parties, told_before
from veille.analysis.events.roles import RoleReader, Roles
from veille.analysis.events.spans import clause_window
from veille.analysis.lang.fr.words import OF, TO
from veille.analysis.syntax.clauses import subject_chain
from veille.model import Event

_SIDE_NOUNS = frozenset({"parties", "camps", "belligérants", "protagonistes"})
_DETERMINERS = frozenset({"les", "ces"})
_NUMERALS = frozenset({"deux"})
_COMPLEMENT_WORDS = OF | TO  # les parties au procès, les parties à l'accord
# The events that set two sides against each other or at one table (PLOVER's conflictual
# types, CONSULT and REQUEST).
_DISPUTE = HOSTILE | {"CONSULT", "REQUEST"}
_ADDRESSING = frozenset({"REQUEST", "CONSULT", "AGREE"})


def sides_addressed(reader: RoleReader, verb: Token, kind: str, earlier: Sequence[Event]) -> Roles | None:
    """Return the roles of a request or a meeting addressed to *les (deux) parties*: its
    actor, and the two sides of the last dispute told before (module doc); else None."""
    if kind not in _ADDRESSING or not any(_side_noun(t) for t in clause_window(verb)):
        return None
    actors, depth = reader.actors_of_verb(subject_chain(verb))
    named = named_parties(reader, actors)
    if not named:
        return None
    for event in told_before(earlier, verb, _DISPUTE):
        sides = (*event.source, *event.target)
        if named & set(sides) or not event.source or not event.target:
            continue
        return Roles(tuple(actors), tuple(dict.fromkeys(sides)), None, depth)
    return None


def _side_noun(token: Token) -> bool:
    """Say whether a word is *parties* / *camps* … after les, ces, toutes les (and deux), with
    no adjective nor complement after it."""
    if token.lower_ not in _SIDE_NOUNS:
        return False
    doc, i = token.doc, token.i - 1
    if i >= 0 and doc[i].lower_ in _NUMERALS:
        i -= 1
    if i < 0 or doc[i].lower_ not in _DETERMINERS:
        return False
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return after is None or not (
        after.pos_ == "ADJ" or after.lower_ in ("de", "du", "des", "d'", "au", "aux")
    )
