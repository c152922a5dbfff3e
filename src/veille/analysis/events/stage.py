"""Find political events coded in PLOVER: who did what to whom, when and where.

A trigger word from ``data/plover_triggers.tsv`` gives the type and mode; the dependency
parse gives the actor and the recipient (:mod:`veille.analysis.events.roles`); both must
be entities of the document, because an event pinned on nobody is not countable. The
date comes from the clause's time expression, else the article date (flagged).

Decisions (docs/events.md):
- a negated event (*n'a pas approuvé les dons*) is kept with ``negated=True``, so that
  the evidence stays queryable; counts must filter on it;
- a planned event (*doivent rencontrer*, *allaient donner*) keeps its type with
  ``modality="planned"``, a conditional one ``modality="hypothetical"``;
- the same event told twice in one article (same type, actors, recipients, date) is
  recorded once, the first time it is told.
"""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from spacy.tokens import Doc, Span, Token

from veille.analysis.entities.descranker import learned_spans
from veille.analysis.events import described
from veille.analysis.events.anaphora import condemned_act, reaction_day
from veille.analysis.events.answers import accepted_request
from veille.analysis.events.appeals import without_judges
from veille.analysis.events.attach import attach_amounts
from veille.analysis.events.callers import called_protest, meeting_asked
from veille.analysis.events.calls import called_to_a_place, infinitive_sense
from veille.analysis.events.companions import without_companions
from veille.analysis.events.conditions import conditional_reading, if_clause
from veille.analysis.events.conjuncts import conjunct_addressee
from veille.analysis.events.dating import (
    DateSource,
    centuries_before,
    event_day,
    historical_day,
    lede_day,
    narrated_day,
    previous_day,
    sharpen_date,
    start_days,
)
from veille.analysis.events.disputes import continued_dispute
from veille.analysis.events.evaluation import evaluations
from veille.analysis.events.hazards import by_hazard
from veille.analysis.events.learned import learned_events
from veille.analysis.events.lexicon import EventLexicon, Trigger, load_event_lexicon
from veille.analysis.events.parties import PartyIndex, UnnamedParties, words_of_names
from veille.analysis.events.partyrank import ranked_roles
from veille.analysis.events.retold import coming_week, told_in_lede
from veille.analysis.events.roles import RoleReader, Roles
from veille.analysis.events.senses import (
    accept,
    factive,
    offered,
    only_places,
    refused,
    refused_request,
    restated_act,
    sense,
    threatened,
)
from veille.analysis.events.shape import own_date
from veille.analysis.events.sides import sides_addressed
from veille.analysis.events.states import with_states
from veille.analysis.events.summons import is_summons, summoned
from veille.analysis.events.triggers import (
    TRIGGER_TAGS,
    is_verbal,
    light_verb,
    match_trigger,
    material_object,
)
from veille.analysis.syntax.clauses import own_clause, subject_chain
from veille.analysis.syntax.sentences import indexed_sentences
from veille.analysis.syntax.tense import Modality, direction, feature, modality, negated
from veille.analysis.syntax.view import token_view
from veille.analysis.time.attach import attached_date
from veille.model import Document, Event
from veille.settings import Settings

_SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE"})
_MATERIAL_MODES = frozenset({"military", "economic", "humanitarian"})
# Verbs that only say an event happens (TLFi « avoir lieu »: se produire, arriver; se tenir,
# se dérouler, intervenir, survenir): an event noun as their subject takes their modality.
_OCCUR = frozenset({"tenir", "dérouler", "produire", "intervenir", "survenir"})
# An accusation told as a negative evaluation (evaluation.py): PLOVER ACCUSE/disapprove.
_EVALUATION = Trigger(
    lemma="", pos="VERB", type="ACCUSE", mode="disapprove", recipient=(), actor_de=False,
    needs_inf=False, source="evaluation_fr.tsv",
)  # fmt: skip


class EventStage:
    """Code PLOVER events from triggers and the parse; attach amounts, dates and places."""

    requires: ClassVar[tuple[str, ...]] = ("entities.resolved", "timexes", "quotes", "amounts")
    assigns: ClassVar[tuple[str, ...]] = ("events",)

    def __init__(self, lexicon: EventLexicon) -> None:
        self.lexicon = lexicon

    @classmethod
    def from_settings(cls, settings: Settings) -> EventStage:
        return cls(load_event_lexicon())

    def __call__(self, doc: Document, parsed: Doc) -> Document:
        return find_events(doc, parsed, self.lexicon)


def find_events(doc: Document, parsed: Doc, lexicon: EventLexicon | None = None) -> Document:
    """Return the document with its events, each told once, and the unnamed parties they name.

    Of the descriptions the learned ranker attached (``descranker.learned_spans``) the parties
    are read only where ``described.unread`` leaves them (a complement, not an active subject:
    docs/events.md); the returned entities keep every mention."""
    hidden = described.unread(parsed, learned_spans(parsed))
    with indexed_sentences(parsed):
        parties = UnnamedParties(described.without(doc, hidden) if hidden else doc, parsed)
        found = _find_events(parties.document, parsed, lexicon or load_event_lexicon())
        kept = parties.keep(with_states(found, parties.document))
    if not hidden:
        return kept
    originals = {e.id: e for e in doc.entities}
    return dataclasses.replace(kept, entities=tuple(originals.get(e.id, e) for e in kept.entities))


def _find_events(doc: Document, parsed: Doc, lexicon: EventLexicon) -> tuple[Event, ...]:
    reader = RoleReader(
        doc,
        parsed,
        PartyIndex(doc),
        lexicon.actor_heads,
        lexicon.first_person,
        lexicon.national_heads,
        lexicon.light_verbs,
        lexicon.object_control,
        lexicon.party_object,
        lexicon.par_actor_nouns,
        lexicon.verbs_of_judging_types,
        lexicon.judging_verbs,
    )
    found: list[Event] = []
    seen: set[tuple[object, ...]] = set()
    acceptances: set[int] = set()  # acceptances read as answers (answers.accepted_request)
    names = words_of_names(doc)
    view = token_view(parsed)
    heads, pos, lemma, lower = lexicon.phrase_heads, view.pos, view.lemma_lower, view.lower
    accusing = lexicon.accusing_nouns
    for i, token in enumerate(view.tokens):
        if pos[i] not in TRIGGER_TAGS and lemma[i] not in heads and lower[i] not in heads:
            continue  # no trigger row for it (triggers._trigger_row): read off the view, no Token asked
        trigger = match_trigger(token, lexicon)
        if trigger is None or (trigger.pos == "VERB" and light_verb(token, lexicon, trigger)):
            continue
        if token.idx in names:
            continue  # a word of a body's name (Rassemblement national, Conseil de coopération)
        material = trigger.needs == "mat" and material_object(token, lexicon)
        accepted = accept(token, trigger, lexicon, material)
        if not accepted and not is_summons(trigger):
            continue  # convoquer: a summons whose sense its parties tell (summons.py)
        restated: Roles | None = None  # …, une offre que Y a déclinée (senses.restated_act)
        reaction: Roles | None = None  # L'UE a dénoncé l'arrestation (anaphora.condemned_act)
        roles = reader.read(
            token,
            trigger.pos,
            trigger.recipient,
            trigger.actor_de,
            lexicon.inverting_verbs,
            trigger.actor_par,
        )
        roles = without_judges(reader, token, trigger, roles)  # fera appel devant X: X judges it
        if (
            roles is None
            and trigger.type in ("REJECT", "ACCUSE")
            and token.pos_ == "VERB"
            and "Inf" not in feature(token, "VerbForm")  # loin de condamner: no reaction told
        ):
            # X a demandé à Y …; Y a refusé. / sanctions contre X; X a dénoncé une « guerre »
            restated = restated_act(reader, token, lexicon)  # …, une offre que Y a déclinée
            roles = restated or refused_request(reader, token, found, trigger.type, accusing)
            # L'UE a dénoncé l'arrestation: the arrest told just before (events/anaphora.py)
            reaction = None if roles else condemned_act(reader, token, trigger.type, found, lexicon)
            roles = roles or reaction
        if roles is None and trigger.type == "AGREE" and token.pos_ == "VERB":
            roles = accepted_request(reader, token, found)  # X a demandé à Y …; Y a accepté.
            if roles is not None:
                acceptances.add(token.idx)
        if roles is None and token.pos_ == "VERB":  # X a accusé Y … et a exigé la libération de …
            roles = conjunct_addressee(reader, token, trigger.type, found) or sides_addressed(
                reader, token, trigger.type, found
            )  # Le médiateur a appelé les deux parties à …: the two sides told before
            # X a appelé ses militants à manifester contre Y; X a demandé à rencontrer Y (callers.py)
            roles = roles or called_protest(reader, token, trigger.type, trigger.recipient)
            roles = roles or meeting_asked(reader, token, trigger.type, lexicon, match_trigger)
        if roles is None and trigger.type == "THREATEN" and token.pos_ == "VERB":
            roles = continued_dispute(reader, token, found)  # X a accusé Y. X menace de saisir la CIJ
        if roles is None:  # no rule found the parties: a learned choice among the mentions
            roles = ranked_roles(doc, parsed, reader, token, trigger, lexicon, found, _build_event)
        if (
            roles is None
            or (trigger := infinitive_sense(token, trigger, roles, reader.types, lexicon)) is None
        ):
            continue  # appeler X without à faire: a call to a person, else no event
        trigger = sense(_shifted(token, trigger, lexicon), roles, reader.types, lexicon)
        if only_places(token, trigger, roles, reader) or called_to_a_place(
            token, trigger, roles, reader, lexicon
        ):
            continue  # bloquer l'autoroute A64, en visite à Toulouse: a place is no party
        if (roles := without_companions(token, roles, reader)) is None:
            continue  # a visité les quartiers aux côtés du préfet: no meeting (companions.py)
        if is_summons(trigger):
            summons = summoned(token, trigger, roles, reader, accepted)
            if summons is None:
                continue  # convoquer by a coach, a judge: no event of these types (summons.py)
            trigger = summons
        threat = threatened(token, trigger)
        if threat is None and trigger.type != "THREATEN" and if_clause(token) is not None:
            # Nous saisirons le tribunal s'il le faut: a threat or a promise, not an event
            conditional = conditional_reading(trigger, lexicon.cooperative)  # (conditions.py)
            if conditional is None:
                continue
            trigger = conditional
        refusal = None if threat is not None else refused(token, trigger, lexicon)
        offer = None if threat is not None or refusal is not None else offered(token, trigger, lexicon)
        if threat is not None:
            trigger = dataclasses.replace(trigger, type="THREATEN", mode=None)
        elif refusal is not None:  # refuser de recevoir X: the host refuses, the visitor is refused
            trigger = dataclasses.replace(trigger, type="REJECT", mode=None)
        elif offer is not None:  # a proposé d'envoyer des vivres à X (de recevoir X): an AGREE
            trigger = dataclasses.replace(trigger, type="AGREE", mode=None)
        elif restated is None and not factive(token, trigger, lexicon):
            continue  # craindre que, exhorter à, suggérer de: not asserted (docs/events.md)
        event = _build_event(doc, parsed, token, trigger, roles, lexicon, len(found) + 1)
        event = reaction_day(event, doc) if reaction is not None and roles is reaction else event
        cue = threat or refusal or offer
        if cue is not None:
            # The threat, refusal or offer is the event (L'Iran menace de frapper Israël): its verb tells it.
            end = cue.idx + len(cue.text)
            event = dataclasses.replace(event, trigger=cue.text, trigger_start=cue.idx, trigger_end=end)
        event = _announced_refusal(event, lexicon)
        key = event_identity(event)
        if key in seen:
            continue  # one event told twice in an article is one event
        seen.add(key)
        found.append(event)
    found = _accepted_acts_told(found, parsed, acceptances)
    told = evaluations(doc, parsed, reader, lexicon)
    extra = [_build_event(doc, parsed, t, _EVALUATION, r, lexicon, 0) for t, r in told]
    extra += learned_events(doc, parsed, reader, lexicon, [*found, *extra], match_trigger, _build_event)
    for event in extra:
        if event_identity(event) not in seen:
            seen.add(event_identity(event))
            found.append(event)
    found = [
        e for e in found if not _history(doc, parsed, e) and not by_hazard(e, doc, parsed, lexicon.hazards)
    ]  # old history, a storm that "strikes": no act PLOVER counts
    return attach_amounts(_merge_headlines(found, doc), doc.amounts)


def _accepted_acts_told(found: list[Event], parsed: Doc, acceptances: set[int]) -> list[Event]:
    """Drop an acceptance read as an answer when the act it accepts, its infinitive, is an
    event between the same parties (*Le ministre a accepté de la rencontrer*: the meeting
    codes it, once)."""
    if not acceptances:
        return found
    acts: set[tuple[int, frozenset[str]]] = set()
    for e in found:
        span = _trigger_span(parsed, e)
        if span is not None and span[0].dep_ == "xcomp":  # the act's infinitive
            acts.add((span[0].head.idx, frozenset((*e.source, *e.target))))
    return [
        e
        for e in found
        if not (
            e.trigger_start in acceptances and (e.trigger_start, frozenset((*e.source, *e.target))) in acts
        )
    ]


def _trigger_span(parsed: Doc, event: Event) -> Span | None:
    """Return the tokens of an event's trigger, or None when it has none."""
    if event.trigger_start is None or event.trigger_end is None:
        return None
    span = parsed.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _history(doc: Document, parsed: Doc, event: Event) -> bool:
    """Say whether an event is history told in the news (dating.centuries_before)."""
    span = _trigger_span(parsed, event)
    return span is not None and centuries_before(doc, parsed, span.root)


def _announced_refusal(event: Event, lexicon: EventLexicon) -> Event:
    """Return a negated cooperative event announced for the future (*ne participera pas à
    la réunion convoquée par X*) as the REJECT it states; any other event as it is."""
    if event.negated and event.modality == "planned" and event.type in lexicon.cooperative:
        return dataclasses.replace(event, type="REJECT", mode=None, negated=False, modality="asserted")
    return event


def _shifted(token: Token, trigger: Trigger, lexicon: EventLexicon) -> Trigger:
    """Return the trigger row with the type a cue of the clause gives it, if any."""
    lemma = token.lemma_.lower()
    clause = [*own_clause(token, with_participles=False), token.head]  # a noun's verb: levé les sanctions
    for shift in lexicon.shifts:
        if shift.lemma == lemma and any(t.lower_ in shift.cues for t in clause):
            return dataclasses.replace(trigger, type=shift.type, mode=shift.mode)
    return trigger


def _build_event(
    doc: Document, parsed: Doc, token: Token, trigger: Trigger, roles: Roles, lexicon: EventLexicon, n: int
) -> Event:
    sentence = token.sent
    chain = subject_chain(token)
    mode = _mode(token, chain, trigger, lexicon)
    kind = trigger.type
    if kind == "SUPPORT" and mode in _MATERIAL_MODES:
        kind = "AID"  # PLOVER: SUPPORT is verbal only; material support is AID
    dated = _date(doc, parsed, token, chain)
    date, date_from = sharpen_date(doc, parsed, token, kind, dated, lambda w: match_trigger(w, lexicon))
    return Event(
        id=f"v{n}", type=kind, start=sentence.start_char, end=_sentence_end(sentence),
        trigger=token.text, source=roles.actors, target=roles.recipients, mode=mode,
        date=date, date_from=date_from, location=roles.location,
        negated=negated(token, chain[:2]), modality=_modality(token, chain, roles),
        quoted=any(q.start <= token.idx < q.end for q in doc.quotes),
        trigger_start=token.idx, trigger_end=token.idx + len(token.text),
    )  # fmt: skip


def _sentence_end(sentence: Span) -> int:
    """End the evidence span at the sentence's last non-space character (read from its
    last words, not its text: rebuilding a long sentence's text per event is quadratic)."""
    doc = sentence.doc
    for index in range(sentence.end - 1, sentence.start - 1, -1):
        word = doc[index]
        text = word.text.rstrip()
        if text:
            return word.idx + len(text)
    return sentence.start_char


def _mode(token: Token, chain: list[Token], trigger: Trigger, lexicon: EventLexicon) -> str | None:
    """Read the mode from a cue in the trigger's phrase or its clause, else the table's."""
    scope = list(token.subtree) if token.pos_ == "NOUN" else own_clause(token, with_participles=False)
    for verb in chain[1:3]:
        scope.extend(c for c in verb.children if c.dep_ in ("obj", "obl:arg"))
        scope.extend(t for c in verb.children if c.dep_ == "obj" for t in c.subtree)
    for word in scope:
        cue = lexicon.mode_cues.get(word.lower_)
        if cue is not None and (trigger.type in ("AID", "SUPPORT") or cue in ("phone", "visit")):
            if trigger.type == "CONSULT" and cue not in ("phone", "visit"):
                continue
            return cue
    return trigger.mode


def _modality(token: Token, chain: list[Token], roles: Roles) -> Modality:
    """Read the modality of the trigger's clause, up to the verb the actor was found on,
    and of the clause it reports."""
    stop = roles.actor_clause_depth
    if stop == 0 and token.dep_ == "xcomp" and any(c.dep_ == "aux:pass" for c in token.children):
        stop = 1  # doit être reçu par X: the verb a passive infinitive complements is its clause's
    scope = chain[: stop + 1] if stop is not None else chain
    scope = [*scope[:1], *_occurrence(token), *scope[1:]]
    # A name the tagger took for a verb (Narendra Modi: Narendra VERB, Tense=Fut) has no tense.
    scope = [node for node in scope if not any(c.dep_ == "flat:name" for c in node.children)]
    return modality(scope, [c for c in token.children if c.dep_ == "ccomp"])


def _occurrence(token: Token) -> list[Token]:
    """Return the verb an event noun is the subject of, with its infinitive, when it only
    says the event happens (*une rencontre entre X et Y pourrait avoir lieu*, *doit se
    tenir*, *aura lieu*): their tense and mood are the event's; else []."""
    if token.pos_ != "NOUN" or token.dep_ not in ("nsubj", "nsubj:pass") or token.head is token:
        return []
    verb = token.head
    nodes = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    doc = token.doc
    # avoir lieu read off the word order: the parser may hang lieu on the next noun
    occurs = any(
        node.lemma_ in _OCCUR
        or (node.lemma_ == "avoir" and node.i + 1 < len(doc) and doc[node.i + 1].lower_ == "lieu")
        for node in nodes
    )
    return nodes if occurs else []


def _date(
    doc: Document, parsed: Doc, token: Token, chain: list[Token]
) -> tuple[str | None, DateSource | None]:
    """Return (date, where it came from): the clause's time expression, else the article date."""
    starts = start_days(doc, parsed, token)
    if token.pos_ == "NOUN":
        # A noun trigger carries its own date (les discussions de mardi); offsets read once.
        below = {t.idx: t for t in token.subtree if t.i != token.i}
        for timex in (t for t in doc.timexes if t.start in below and t.type in ("DATE", "TIME")):
            value = event_day(timex.value) if own_date(below[timex.start], token) else None
            if value is not None:
                return value, "timex"
        if token.dep_.startswith("nsubj"):
            # The noun is the subject of its clause (les discussions … ont repris mardi).
            value = attached_date(doc, parsed, token.head.i)
            if value is not None and value not in starts:
                return value, "timex"
    verbs = [node for node in chain if node.pos_ in ("VERB", "AUX", "ADJ") or is_verbal(node)]
    for node in verbs:
        value = attached_date(doc, parsed, node.i)
        if value is not None and value not in starts:
            return value, "timex"
    week = coming_week(doc, token)
    if week is not None and week not in starts:  # dès la semaine prochaine: another act's start
        return week, "timex"  # sera reçu la semaine prochaine: a week is the finest date stated
    # Narrative time: a past clause with no time expression of its own goes on from the
    # day the sentence before it dates (… ont accusé mercredi … / X a exhorté …).
    if verbs and direction(verbs[0]) == "past":
        value = previous_day(doc, parsed, token) or lede_day(doc, parsed)
        if value is not None:
            return value, "timex"
    if verbs and direction(verbs[0]) == "nearest":
        value = historical_day(doc, parsed, token)  # a retrospective told in the present
        if value is None:
            value = narrated_day(doc, parsed, token)  # the present of narration of a report
        if value is not None:
            return value, "timex"
    if doc.article.date is None:
        return None, None
    return doc.article.date, "article"


def _merge_headlines(events: list[Event], doc: Document) -> tuple[Event, ...]:
    """Drop an event of a heading, dated only by the article, that the body tells again
    with its day (*Le Niger accuse le Mali* over *a accusé jeudi le Mali*): a headline
    restates its lede, so that is one event, kept where its date is stated. Ids are
    renumbered in text order."""
    text = doc.article.text
    headings = [
        (p.start, p.end) for n, p in enumerate(doc.article.paragraphs)
        if p.heading or (n == 0 and not text[p.start : p.end].rstrip().endswith((".", "!", "?", "…")))
    ]  # fmt: skip  # a first line without a full stop is a title, however long

    def undated_heading(event: Event) -> bool:
        # A heading restates its lede; so does a body sentence with no date of its own
        # that tells again an act the article dates elsewhere (L'élue lui reproche …,
        # after … a critiqué mardi le préfet): one act, kept where its day is stated.
        where = event.trigger_start if event.trigger_start is not None else event.start
        return event.date_from == "article" and (
            any(lo <= where < hi for lo, hi in headings) or event.modality == "asserted"
        )

    dated = {event_identity(dataclasses.replace(e, date=None)) for e in events if not undated_heading(e)}
    # The title is the first paragraph when it is a heading; the lede, the body's first.
    paragraphs = doc.article.paragraphs
    first = (paragraphs[0].start, paragraphs[0].end) if paragraphs else (0, 0)
    title = first if first in headings else (0, 0)
    body = [p for p in paragraphs if (p.start, p.end) not in headings and p.start >= title[1]]
    lede = [e for e in events if body and body[0].start <= e.start < body[0].end]
    kept = [
        e
        for e in events
        if not (undated_heading(e) and event_identity(dataclasses.replace(e, date=None)) in dated)
        and not (title[0] <= e.start < title[1] and told_in_lede(e, lede, doc))
    ]
    return tuple(dataclasses.replace(e, id=f"v{n}") for n, e in enumerate(kept, start=1))


def event_identity(event: Event) -> tuple[object, ...]:
    """Return what makes two tellings the same event (symmetric types ignore direction); the
    training scripts dedupe the events their learners add by it too."""
    if event.type in _SYMMETRIC:
        parties = frozenset((*event.source, *event.target))
        return (event.type, parties, event.date, event.negated)
    return (event.type, frozenset(event.source), frozenset(event.target), event.date, event.negated)
