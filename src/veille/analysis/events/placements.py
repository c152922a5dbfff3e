"""Read a noun trigger placed on someone by a verb of placement: *placer X en garde à vue*.

French tells an arrest, a detention or a charge with a support verb of placement and a
noun of the state the person is put in (G. Gross, *Les expressions figées en français*,
1996: *mettre*, *placer*, *maintenir en* + a noun of state are support verbs; TLFi,
*placer* B.2: "mettre quelqu'un dans une situation"): *La police a placé Jean Morel en
garde à vue*, *les gendarmes ont placé en détention provisoire l'ancien trésorier*, *le
juge l'a maintenu en détention*. The noun codes the event (PLOVER COERCE/arrest for *garde
à vue*, *détention*); the verb's subject acts and its object undergoes, where a
nominalisation would have its *par*-agent and its *de*-complement.

The parser hangs the *en*-phrase anywhere (on the verb, on its object as a noun modifier,
with the object in apposition to the noun), so the construction is read in word order: the
noun right after *en* or *sous*, the nearest verb before it in its clause, a verb of
placement (events_lexicon.json ``placing_verbs``). Its object comes from the verb, else from
the phrase in apposition to the noun (*en détention provisoire l'ancien trésorier du club,
Luc Bernier*). A passive (*a été placé en garde à vue par la police*) turns them round.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from veille.analysis.events.shape import passive_voice
from veille.analysis.syntax.clauses import subject_chain

if TYPE_CHECKING:
    from veille.analysis.events.roles import RoleReader

# The prepositions of a state one is put in (en garde à vue, sous contrôle judiciaire).
_STATE_CASES = frozenset({"en", "sous"})
# How far back the verb of placement may be: its object may run over a title and an apposition
# each (placé le maire de X, Didier Fauchon, et le gérant de Y, Franck Molard, en garde à vue).
_REACH = 40


def placing_verb(noun: Token, verbs: frozenset[str]) -> Token | None:
    """Return the verb of placement that puts someone in the state a noun names (*a placé
    X en garde à vue*), or None when the noun is not in that construction."""
    doc = noun.doc
    if noun.i == 0 or doc[noun.i - 1].lower_ not in _STATE_CASES:
        return None
    for index in range(noun.i - 2, max(noun.sent.start, noun.i - _REACH) - 1, -1):
        word = doc[index]
        if word.text in (",", ";", ":", ".") and word.i < noun.i - 2 and word.head.pos_ == "VERB":
            continue  # an apposition between the verb and its object (Jean Morel, 45 ans, en)
        if word.pos_ in ("VERB", "AUX") and word.dep_ not in ("aux", "aux:tense", "aux:pass"):
            return word if word.lemma_.lower() in verbs else None
    return None


def placed_roles(
    reader: RoleReader, noun: Token, verbs: frozenset[str]
) -> tuple[list[str], list[str], int | None] | None:
    """Return (actors, recipients, depth) of a noun in a placement construction, or None;
    ``depth`` counts the clauses from the noun up to the one its actor was found in, so that
    the modality of the verb above is read (*pourrait placer X en détention*)."""
    verb = placing_verb(noun, verbs)
    if verb is None:
        return None
    chain = subject_chain(noun)
    offset = chain.index(verb) if verb in chain else None
    if passive_voice(verb):
        placed = reader.subject(verb, agent=False) or []
        return reader.subject(verb, agent=True) or [], placed, offset
    actors, found = reader.actors_of_verb(subject_chain(verb))
    depth = None if offset is None or found is None else offset + found
    placed = reader.object(verb, owner=False)
    if not placed:
        # en détention provisoire l'ancien trésorier du club, Luc Bernier: the object the
        # parser hung on the noun as an apposition or a modifier after it.
        for child in noun.children:
            if child.dep_ in ("appos", "nmod") and child.i > noun.i and child.pos_ in ("PROPN", "NOUN"):
                placed = reader.group(child)
                if placed:
                    break
    if not placed:
        # placé Jean Morel en garde à vue: the object the parser made the noun's head.
        head = noun.head
        if head.i < noun.i and head.pos_ == "PROPN" and head.head == verb:
            placed = reader.group(head)
    return actors, [p for p in placed if p not in actors], depth
