"""Read the author of an act a reaction names by its noun after the text told it.

News tells an act, then a third party's reaction to it by the act's noun alone: *La police
turque a arrêté lundi le journaliste Deniz Kaya. L'Union européenne a dénoncé
l'arrestation.* The noun (*l'arrestation*, *ces frappes*, *l'attaque*) has no party of its
own; it points back to the act told just before, and the condemnation is aimed at that
act's author (PLOVER ACCUSE: accuse, condemn, denounce a party for its act). The reading:

1. the reaction is a judging verb (ACCUSE, REJECT or PROTEST row) whose direct object is a
   trigger noun with a definite or demonstrative determiner (the act is known) and no
   complement naming a party (then the ordinary rules read it);
2. the act is the last event the rules found in the two sentences before (or earlier in the
   same sentence) with the noun's PLOVER type, asserted and not negated;
3. the reacting party is none of that act's authors (*Ankara a dénoncé l'arrestation*
   after Ankara arrested is no accusation of itself); the authors are the recipients: the
   actors, or every party of a shared act (*Moscou a critiqué l'accord* signed by X and Y).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Token

from veille.analysis.events.lexicon import EventLexicon
from veille.analysis.events.roles import RoleReader, Roles
from veille.analysis.events.shape import in_time
from veille.analysis.lang.fr.words import ARTICLES, DEMONSTRATIVES
from veille.analysis.syntax.clauses import subject_chain
from veille.model import Document, Event

_REACTIONS = frozenset({"ACCUSE", "REJECT", "PROTEST"})
_KNOWN = ARTICLES | DEMONSTRATIVES | {"l’"}
_SHARED = frozenset({"AGREE", "CONSULT", "COOPERATE"})
_BACK = 2  # sentences: the act is told just before its reaction


def condemned_act(
    reader: RoleReader, verb: Token, kind: str, earlier: Sequence[Event], lexicon: EventLexicon
) -> Roles | None:
    """Return the roles of a reaction to an act named by its noun alone (module doc), or None."""
    if kind not in _REACTIONS:
        return None
    # The object, or the one the parser hung on a weekday (condamné vendredi ces frappes).
    days = [c for c in verb.children if in_time(c, reader.doc.timexes)]
    objects = [*verb.children, *(g for d in days for g in d.children)]
    act = next((c for c in objects if c.dep_ == "obj" and c.pos_ == "NOUN"), None)
    if act is None or not any(c.dep_ == "det" and c.lower_ in _KNOWN for c in act.children):
        return None
    row = lexicon.nouns.get(act.lemma_.lower()) or lexicon.nouns.get(act.lower_.rstrip("s"))
    if row is None or any(reader.index.entity_at(t.idx) for t in act.subtree if t.i != act.i):
        return None  # no act noun, or a phrase naming a party: the ordinary rules read it
    actors, depth = reader.actors_of_verb(subject_chain(verb))
    named = {a for a in actors if reader.types.get(a) not in (None, "MISC")}
    if not named:
        return None
    sentence = verb.sent
    for _ in range(_BACK):
        if sentence.start == 0:
            break
        sentence = verb.doc[sentence.start - 1].sent
    acts = [
        e for e in earlier
        if e.type == row.type and not e.negated and e.modality == "asserted"
        and (e.trigger_start if e.trigger_start is not None else e.start) < verb.idx
    ]  # fmt: skip
    near = [e for e in acts if e.start >= sentence.start_char]
    if not near:
        # Not further back: "the only act of that type the article told" was tried, and the
        # blind set's event dates fell (docs/events.md, sixth round).
        return None
    act_told = near[-1]
    # A shared act (an agreement, a meeting) is the doing of all its parties.
    authors = (*act_told.source, *act_told.target) if act_told.type in _SHARED else act_told.source
    if named & set(authors):
        return None  # a party reacting to its own act
    return Roles(tuple(actors), tuple(authors), None, depth)


def reaction_day(event: Event, doc: Document) -> Event:
    """Return a reaction's event dated by its own sentence: a time expression there, else
    the article date. The narrative time that carries a past day over from the sentence
    before dates the act, not the reaction to it (*… a arrêté mercredi X. RSF a dénoncé
    l'arrestation*: RSF spoke when the article tells it, not on Wednesday)."""
    own = [
        t for t in doc.timexes
        if event.start <= t.start < event.end and t.type in ("DATE", "TIME")
    ]  # fmt: skip
    if own or doc.article.date is None:
        return event
    return dataclasses.replace(event, date=doc.article.date, date_from="article")
