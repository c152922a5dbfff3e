"""Read whom a refusal with no party of its own answers: an offer or a demand told just
before and addressed to nobody named.

*Lima a proposé une réunion de la commission binationale. Mais La Paz a refusé de siéger*
→ REJECT La Paz → Lima (PLOVER REJECT: reject a proposal or a request). The refusal names
no party; the offer named no recipient, so no REQUEST or AGREE event carried the asker
(``control.answered_request`` reads those). The asker is the subject of the last verb of
offering or asking of the trigger table (a REQUEST row, or an AGREE row of an offer:
*proposer*) told before the refusal in its own sentence or the one before, in the same
paragraph, when that subject is a named party other than the one who refuses.

An acceptance reads the same way (:func:`accepted_request`): *Le syndicat Unisud a demandé
une rencontre avec le ministre Paul Girard, qui a accepté de recevoir ses représentants* →
AGREE Girard → Unisud (PLOVER AGREE: agree to a request or a proposal).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from veille.analysis.events.control import answered_request
from veille.analysis.events.disputes import author
from veille.analysis.events.lexicon import load_event_lexicon
from veille.analysis.events.roles import Roles
from veille.analysis.lang.fr import tables
from veille.analysis.parse import doc_text
from veille.analysis.syntax.clauses import subject_chain
from veille.analysis.syntax.tense import negated
from veille.model import Event

if TYPE_CHECKING:
    from veille.analysis.events.roles import RoleReader


@cache
def asking_verbs() -> frozenset[str]:
    """Return the verbs of the trigger table that ask or offer something of another party:
    REQUEST rows and the AGREE rows of an offer (*proposer*)."""
    verbs = load_event_lexicon().verbs
    return frozenset(
        lemma
        for lemma, row in verbs.items()
        if row.type == "REQUEST" or (row.type == "AGREE" and "offer" in row.source)
    )


@cache
def accepting_verbs() -> frozenset[str]:
    """Return the verbs of the trigger table that accept what another party asked or
    offered: the AGREE rows whose source says so (*accepter*: accept a proposal of X)."""
    verbs = load_event_lexicon().verbs
    return frozenset(lemma for lemma, row in verbs.items() if row.type == "AGREE" and "accept" in row.source)


def accepted_request(reader: RoleReader, verb: Token, earlier: Sequence[Event]) -> Roles | None:
    """Return the roles of an acceptance that names no party of its own: it answers the
    request told just before and addressed to the one who accepts (control.answered_request:
    *La CGT a demandé au maire Paul Girard de suspendre le projet. Le maire a accepté.*),
    else an offer or demand addressed to nobody named (:func:`unaddressed_offer`); or None."""
    if verb.lemma_.lower() not in accepting_verbs():
        return None
    askers = answered_request(reader, verb, earlier) or unaddressed_offer(reader, verb, earlier)
    if not askers:
        return None
    actors, depth = reader.actors_of_verb(subject_chain(verb))
    return Roles(tuple(actors), tuple(askers), None, depth)


@cache
def accusing_verbs() -> frozenset[str]:
    """Return the verbs of the trigger table's ACCUSE rows (accuser, reprocher, dénoncer)."""
    return frozenset(lemma for lemma, row in load_event_lexicon().verbs.items() if row.type == "ACCUSE")


@cache
def denying_verbs() -> frozenset[str]:
    """Return the verbs of the trigger table that deny what another party said of the one
    who denies: the REJECT rows whose source says so (*démentir*, *nier*). A denial always
    answers an accusation, whatever its object names (*a démenti toute implication*)."""
    verbs = load_event_lexicon().verbs
    return frozenset(lemma for lemma, row in verbs.items() if row.type == "REJECT" and "deny" in row.source)


def unaddressed_accusation(reader: RoleReader, verb: Token, earlier: Sequence[Event]) -> list[str]:
    """Return the author of the accusation a denial (*a rejeté ces accusations*) answers
    when no event carried it, its target being a phrase the gate could not name (*Le député
    X accuse le ministère d'avoir truqué l'appel d'offres. … Le ministre Y a rejeté ces
    accusations* → REJECT Y → X): the subject of the last verb of accusing told in the five
    sentences before with a verb (as control.answered_request reads a demonstrative) whose
    object is the accused (``party_object``, ``object_control``), when it is a named party
    other than the one who denies; else []."""
    deniers = set(author(reader, verb)[0])
    if not deniers:
        return []
    told = {e.trigger_start for e in earlier}
    sentence, steps = verb.sent, 0
    words = [t for t in sentence if t.i < verb.i]
    while steps < _DENIAL_REACH and sentence.start > 0:
        sentence = verb.doc[sentence.start - 1].sent
        words = [*sentence, *words]
        steps += any(t.pos_ in ("VERB", "AUX") for t in sentence)
    # Only a verb whose object is the accused party (accuser, reprocher à, critiquer), not
    # one that may denounce a thing (dénoncer une cabale: no one was accused).
    accusing = accusing_verbs() & (reader.party_object | reader.object_control)
    for token in reversed(words):
        if token.pos_ != "VERB" or token.lemma_.lower() not in accusing:
            continue
        if token.idx in told or negated(token, subject_chain(token)[:2]):
            return []  # an event carried it (answered_request reads it), or no one accused
        accusers = [a for a in author(reader, token)[0] if reader.types.get(a) not in (None, "MISC")]
        return accusers if accusers and not deniers & set(accusers) else []
    return []


_DENIAL_REACH = 5  # sentences back, as for a denial's accusation (senses.refused_request)


def unaddressed_offer(reader: RoleReader, verb: Token, earlier: Sequence[Event]) -> list[str]:
    """Return the named party whose offer or demand, addressed to no named party, a refusal
    verb answers (module docstring), or an empty list."""
    refusers = set(author(reader, verb)[0])
    if not refusers or _silence(verb):
        return []
    told = {e.trigger_start for e in earlier}
    for token in reversed(_before(verb)):
        if token.pos_ != "VERB" or token.lemma_.lower() not in asking_verbs():
            continue
        if token.idx in told or negated(token, subject_chain(token)[:2]):
            return []  # an event carried it (answered_request reads it), or nothing was asked
        askers = [a for a in author(reader, token)[0] if reader.types.get(a) not in (None, "MISC")]
        if askers and not refusers & set(askers):
            return askers
        return []  # the last offer is the refuser's own, or its asker is unnamed
    return []


@cache
def _speech_verbs() -> frozenset[str]:
    """Return the reporting verbs of ``quote_cues.tsv`` (commenter, répondre, confirmer)."""
    return frozenset(row[0] for _n, row in tables.read_rows("quote_cues.tsv"))


def _silence(verb: Token) -> bool:
    """Say whether a refusal refuses to speak (*a refusé de commenter*, *de répondre*): the
    press's way of saying someone kept silent, not that an offer was turned down."""
    return any(
        c.dep_ in ("xcomp", "ccomp", "obj") and c.lemma_.lower() in _speech_verbs() for c in verb.children
    )


def _before(verb: Token) -> list[Token]:
    """Return the words told before a verb in its sentence and the sentence before, when
    no paragraph break parts them."""
    sentence: Span = verb.sent
    words = [t for t in sentence if t.i < verb.i]
    if sentence.start == 0:
        return words
    previous = verb.doc[sentence.start - 1].sent
    last = next((t for t in reversed(previous) if not t.is_space), previous[-1])
    between = doc_text(verb.doc)[last.idx + len(last.text) : sentence.start_char]
    if "\n" in between:
        return words  # a new paragraph: another exchange
    return [*previous, *words]
