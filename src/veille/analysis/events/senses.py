"""Decide whether a found trigger codes an event here, and which: the clause's cues,
the kind of its arguments, and the verb it is embedded under.

- **needs** (table column): a row may fire only with aid as its object (``mat``), a
  reflexive clitic (``refl``), a diplomat (``dipl``: *rappeler son ambassadeur*), a
  relations word (``rel``: *la reprise des relations*), an armed word (``arm``: *une frappe
  a visé X*) or a complement clause (``que``: *attendre de X qu'il …*);
- **senses**: *interpeller* an institution is a request, a person an arrest;
- **refusal**: a cooperative event under *refuser de*, *décliner* is a REJECT by the refuser;
- **factivity**: an event under a verb that does not assert it (*craindre que*, *exhorter à*,
  *suggérer de*, *nier*) has not happened and is dropped.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Mapping
from functools import lru_cache

from spacy.tokens import Doc, Token

from veille.analysis.events.addressees import asks_a_place, people_of_places
from veille.analysis.events.answers import denying_verbs, unaddressed_accusation, unaddressed_offer
from veille.analysis.events.callers import past_the_call
from veille.analysis.events.conditions import in_condition_phrase
from veille.analysis.events.control import answered_request
from veille.analysis.events.flows import turned_away
from veille.analysis.events.habits import habitual
from veille.analysis.events.labels import labelling_verb
from veille.analysis.events.lexicon import EventLexicon, Trigger
from veille.analysis.events.protests import protest_cue
from veille.analysis.events.roles import RoleReader, Roles
from veille.analysis.events.shape import comma_relative
from veille.analysis.lang.fr.countries import capital_country
from veille.analysis.lang.fr.words import DEMONSTRATIVES, INDEFINITE, NE_TOKENS
from veille.analysis.parse import doc_text
from veille.analysis.syntax.clauses import subject_chain
from veille.analysis.syntax.tense import feature
from veille.analysis.syntax.view import token_view
from veille.model import Event

# How far a cue is looked for around a trigger: bounded so that a long sentence costs
# no more per trigger than a short one.
_SCOPE = 30
_AFTER = 6
# Links through which a verb embeds the clause or phrase of an event it does not assert.
_EMBEDDING = frozenset({"xcomp", "ccomp", "obl", "obl:arg", "obj"})
_MAX_UP = 3


def _scope(token: Token) -> list[Token]:
    """Return the words near a trigger where a cue counts: its phrase or its clause's
    complements, and a few words after it (the parser may hang them elsewhere)."""
    doc = token.doc
    out: list[Token] = []
    heads = [token, *(c for c in token.children if c.dep_ in ("obj", "obl", "obl:arg", "obl:mod", "nmod"))]
    for head in heads:
        for word in head.subtree:
            out.append(word)
            if len(out) >= _SCOPE:
                break
    out.extend(doc[token.i + 1 : min(len(doc), token.i + 1 + _AFTER)])
    if token.pos_ == "NOUN" and token.head != token:
        out.append(token.head)  # une frappe a visé: the verb's subject is the cue
    return out


def _has_reflexive(token: Token) -> bool:
    return any(c.lower_ in ("se", "s'") for c in token.children)


def accept(token: Token, trigger: Trigger, lexicon: EventLexicon, material: bool) -> bool:
    """Say whether a trigger's row requirements hold here (``material``: the caller's
    reading of an aid object, for ``mat`` rows); a noun that only qualifies another trigger
    noun (*un accord de coopération*) and a blocked phrase before it (*à l'appel de*) never do."""
    if trigger.pos == "NOUN" and (_qualifies(token, lexicon) or labelling_verb(token, lexicon.judging_verbs)):
        return False  # un accord de coopération; qualifié la décision d'« agression » (labels.py)
    if trigger.pos == "NOUN" and _classifies(token):
        return False  # des vélos à assistance électrique: a kind of bicycle, no aid
    if turned_away(token, trigger, lexicon):
        return False  # des échanges commerciaux; tirer un trait sur X (flows.py)
    end = token.idx + len(token.text)
    before = doc_text(token.doc)[max(0, end - 24) : end].lower()
    if before.endswith(lexicon.blocks_before):  # a tuple: any of them
        return False
    if trigger.type == "PROTEST" and trigger.pos == "VERB" and _shows_a_feeling(token):
        return False
    if trigger.needs == "mat":
        return material
    if trigger.needs == "refl":
        return _has_reflexive(token)
    if trigger.needs == "que":
        return any(c.dep_ == "ccomp" for c in token.children) or any(
            w.lower_ in ("que", "qu'") for w in token.doc[token.i + 1 : token.i + 1 + _SCOPE]
        )
    if trigger.needs == "warn":
        return _coercive_warning(token)
    if trigger.needs == "demo":
        return protest_cue(token)
    cues = (lexicon.cue_words or {}).get(trigger.needs)
    if cues is None:
        return True
    around = _scope(token)
    if trigger.needs == "dipl" and token.pos_ != "NOUN":
        # The diplomat is the one summoned or recalled, never the one who summons: a title
        # in the subject (le ministre délégué chargé de l'Industrie) is no cue.
        subject = {t.i for c in token.children if c.dep_.startswith("nsubj") for t in c.subtree}
        around = [w for w in around if w.i not in subject]
    if trigger.needs == "arm":
        # An armed act: the cue may be the subject (une frappe a visé) or the verb's clause.
        around.extend(c for c in token.children if c.dep_.startswith("nsubj"))
        around.extend(t for c in token.children if c.dep_.startswith("nsubj") for t in c.subtree)
    return any(_cue_at(w, cues) for w in around)


def _cue_at(word: Token, cues: frozenset[str]) -> bool:
    """Say whether a cue opens at a word: a single word (by form or lemma), or a phrase
    cue (*chargé d'affaires*) whose text starts there."""
    view, i = token_view(word.doc), word.i  # the form and lemma off the columns
    if view.lower[i] in cues or view.lemma_lower[i] in cues:
        return True
    phrases = _phrase_cues(cues)
    if not phrases:
        return False
    text = doc_text(word.doc)[word.idx : word.idx + 40].lower().replace("’", "'")
    return text.startswith(phrases)


@lru_cache(maxsize=64)  # a few cue lists (events_lexicon.json needs_cues), asked for every word in scope
def _phrase_cues(cues: frozenset[str]) -> tuple[str, ...]:
    """Return the cues of several words (or with an apostrophe) of a cue list."""
    return tuple(cue for cue in cues if " " in cue or "'" in cue)


def _shows_a_feeling(verb: Token) -> bool:
    """Say whether a demonstrating verb has an owned object, so that it shows a feeling
    rather than holds a demonstration (*ont manifesté leur inquiétude devant le siège de X*,
    *manifeste sa colère*): the intransitive *manifester* is the march (TLFi, sense B)."""
    return any(
        c.dep_ == "obj" and any(d.dep_ == "det" and "Yes" in d.morph.get("Poss", []) for d in c.children)
        for c in verb.children
    )


def _coercive_warning(token: Token) -> bool:
    """Say whether a warning may be coercive (PLOVER THREATEN): not when it is about a state,
    told by a topic phrase (*mettre en garde X sur la gravité de la situation*, *avertir X sur
    les risques*) before anything it warns against (*contre toute attaque*, *de ne pas …*,
    *que …*, a quotation after a colon). A bare warning (*a averti l'Iran*) stays one."""
    doc = token.doc
    for word in doc[token.i + 1 : min(len(doc), token.i + 1 + _SCOPE)]:
        if word.text in (".", ";", "?", "!") or word.lower_ in ("contre", "que", "qu'", "qu’", ":"):
            return True
        after = doc[word.i + 1] if word.i + 1 < len(doc) else None
        if word.lower_ in ("de", "d'", "d’") and after is not None and after.lower_ in NE_TOKENS:
            return True  # de ne pas … (an infinitive's de: the parse's tag of it is unsure)
        if word.lower_ in ("de", "d'", "d’") and after is not None and after.pos_ in ("VERB", "AUX"):
            return True
        if word.lower_ in ("sur", "quant"):
            return False  # … sur sa responsabilité et sur le fait que …: a topic
    return True


def _qualifies(noun: Token, lexicon: EventLexicon) -> bool:
    head = noun.head
    if noun.dep_ != "nmod" or head.pos_ != "NOUN" or head.i > noun.i:
        return False
    case = next((c.lower_ for c in noun.children if c.dep_ == "case"), None)
    return case in ("de", "d'") and head.lemma_.lower() in lexicon.nouns


def _classifies(noun: Token) -> bool:
    """Say whether a noun is a bare complement of another noun after *à*, which names a kind
    of thing by a feature or a use, not an act (Grevisse & Goosse, *Le Bon Usage*, the noun
    complement without determiner: *un vélo à assistance électrique*, *un bateau à moteur*)."""
    head = noun.head
    if noun.dep_ != "nmod" or head.pos_ != "NOUN" or head.i > noun.i:
        return False
    if any(c.dep_ == "det" for c in noun.children):
        return False  # le recours à la force, l'appel à la grève: the act itself
    return [c.lower_ for c in noun.children if c.dep_ == "case"] == ["à"]


def sense(trigger: Trigger, roles: Roles, types: Mapping[str, str], lexicon: EventLexicon) -> Trigger:
    """Return the row with the type the kind of its recipient selects, if a sense applies."""
    for entry in lexicon.senses:
        if entry.lemma != trigger.lemma:
            continue
        kinds = {types.get(r) for r in roles.recipients}
        actors = {types.get(a) for a in roles.actors}
        fits = kinds <= entry.recipient_types if entry.every else kinds & entry.recipient_types
        if kinds and fits and (not entry.actor_types or actors & entry.actor_types):
            return dataclasses.replace(trigger, type=entry.type, mode=entry.mode)
    return trigger


# Acts between parties, never aimed at a bare place: a meeting, an agreement,
# cooperation, a concession, a sanction (une réunion à Tromsø names where, not whom).
_BETWEEN_PARTIES = frozenset({"CONSULT", "AGREE", "COOPERATE", "CONCEDE", "SANCTION"})


def only_places(token: Token, trigger: Trigger, roles: Roles, reader: RoleReader) -> bool:
    """Say whether a REJECT is aimed only at places that cannot act (*bloquaient l'autoroute
    A64*, *ont bloqué le port de Sète*): blocking a place obstructs a locale (PLOVER
    PROTEST/obstruct, aimed at an authority the place does not name), it rejects no party's
    request. A country or a city standing for its government can be rejected (*la Hongrie
    a bloqué l'Ukraine*): ``RoleReader.can_act``. A CONSULT (or another act between
    parties: ``_BETWEEN_PARTIES``) with a side of such places only is a trip or a venue."""
    if trigger.type == "REJECT":
        return not any(reader.can_act(r) for r in roles.recipients)
    if asks_a_place(token, trigger, roles, reader) or people_of_places(token, trigger, roles, reader):
        return True  # réclame la reconstruction du pont; la grève des dockers du Havre (addressees.py)
    # A meeting needs a party on each side: *En visite à Toulouse, la ministre …*, *s'étaient
    # rencontrés … à Sriharikota* name a trip or a venue, not someone met (PLOVER CONSULT is
    # between actors). A country or a capital standing for its government is met (*en
    # visite en Chine*, *a rencontré Pékin*).
    if trigger.type not in _BETWEEN_PARTIES:
        return False

    def party(entity_id: str) -> bool:
        entity = reader.doc.entity(entity_id)
        if entity is None or reader.can_act(entity_id) or capital_country(entity.name) is not None:
            return True
        if entity.country and any(c and c != entity.country for c in countries):
            return True  # se rendre à Asunción, for a Brazilian minister: a state visit
        # A firm the entity layer typed as a place (la direction de Norelec) is met: only a
        # place named where one goes (à, en, dans; visiter X) is a venue.
        told = reader.told_in_sentence(token, entity_id)
        return not (visit or all(_where_one_goes(parsed, m.start, m.end) for m in told or entity.mentions))

    # What a visit takes as its object (a visité jeudi Brest, la visite de Toulouse) is visited.
    visit = token.lemma_.lower() in ("visiter", "visite")
    parsed = token.doc
    named = (reader.doc.entity(e) for e in (*roles.actors, *roles.recipients))
    countries = {e.country for e in named if e is not None and e.type != "LOC"}
    return not (any(party(a) for a in roles.actors) and any(party(r) for r in roles.recipients))


_GOING = frozenset({"à", "au", "aux", "en", "dans", "vers"})


def _where_one_goes(parsed: Doc, start: int, end: int) -> bool:
    """Say whether a mention is a place one goes to (*à Toulouse*, *en Bretagne*): its head
    has a locative case, or is the object of *visiter*."""
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    if any(c.dep_ == "case" and c.lower_ in _GOING for c in head.children):
        return True
    return head.dep_ == "obj" and head.head.lemma_.lower() == "visiter"


def _embedders(token: Token) -> list[tuple[Token, Token]]:
    """Return (verb, the node it embeds) for the verbs above a trigger, nearest first,
    up to a few clauses (the clause chain is bounded)."""
    chain = subject_chain(token)
    out = []
    for below, node in itertools.pairwise(chain[: _MAX_UP + 1]):
        embedded = below.dep_ in _EMBEDDING and not comma_relative(below)  # not: un plan, que X a rejeté
        if embedded and node.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
            out.append((node, below))
    return out


def refused(token: Token, trigger: Trigger, lexicon: EventLexicon) -> Token | None:
    """Return the refusal verb a cooperative trigger is the complement of (*a refusé de
    rencontrer le ministre*), or None."""
    if trigger.type not in lexicon.cooperative:
        return None
    for verb, _ in _embedders(token)[:1]:
        if verb.lemma_.lower() in lexicon.refusal:
            return verb
    return None


def offered(token: Token, trigger: Trigger, lexicon: EventLexicon) -> Token | None:
    """Return the verb of offer whose infinitive is a cooperative trigger (*a proposé
    d'envoyer des secouristes à Mayotte*, *a offert de recevoir les syndicats*), or None:
    the offer is the event (PLOVER AGREE: offer), the offered act has not happened."""
    if trigger.type not in lexicon.cooperative or trigger.type == "AGREE" or token.pos_ != "VERB":
        return None
    if "Inf" not in feature(token, "VerbForm"):
        return None
    for verb, below in _embedders(token)[:1]:
        if below is not token or verb.pos_ != "VERB":
            return None
        if verb.lemma_.lower() in lexicon.offer and not _offered_to(verb):
            return verb
    return None


def _offered_to(verb: Token) -> bool:
    """Say whether an offer verb names whom it is made to (*a proposé à l'Iran de
    rencontrer X*, *leur a proposé de …*): the one offered to does the offered act (object
    control), so the act is no offer of the subject's, and the verb's own row codes it."""
    for child in verb.children:
        if child.dep_ == "iobj":
            return True
        if child.dep_ == "obl:arg" and any(c.lower_ in ("à", "au", "aux") for c in child.children):
            return True
    return False


def factive(token: Token, trigger: Trigger, lexicon: EventLexicon) -> bool:
    """Say whether the event of a trigger is asserted: no verb above it that leaves it
    unreal (*craindre que*, *exhorter à*, *suggérer de*, *nier*). A call to protest
    (*appeler à la grève contre X*) is the protest's announcement, coded as PROTEST."""
    if trigger.type == "PROTEST" and token.pos_ == "NOUN":
        return True
    if _unreal_clause(token, lexicon) or in_condition_phrase(token):
        return False  # si la Russie attaque; en cas d'attaque contre la Pologne (conditions.py)
    if _planned_thing(token):
        return False  # le projet d'accord de libre-échange: a draft, not an agreement
    if habitual(token):
        return False  # verse chaque année des millions à X: a habit, no event (habits.py)
    embedders = past_the_call(token, trigger.type, _embedders(token))  # appeler à manifester (callers.py)
    if (
        token.pos_ == "NOUN"
        and token.dep_ == "obj"
        and embedders
        and embedders[0][0].lemma_.lower() in (lexicon.light_verbs)
    ):
        # ordonner des frappes, une enquête: a support verb's noun is its subject's act, told
        # as done (the verb would be non-factive over an infinitive: ordonner à X de partir).
        embedders = embedders[1:]
    return not any(_verb_lemma(verb, lexicon) in lexicon.non_factive for verb, _ in embedders)


# Nouns of an act only intended or possible (TLFi: projet « ce que l'on a l'intention de
# faire »; the nouns of the non-factive verbs envisager, espérer, craindre, risquer, tenter).
_PLAN_NOUNS = frozenset(
    {"projet", "perspective", "éventualité", "possibilité", "hypothèse", "espoir", "crainte", "risque",
     "tentative", "souhait", "volonté", "ébauche"}
)  # fmt: skip


def _planned_thing(token: Token) -> bool:
    """Say whether a noun trigger is the de-complement of a noun of intent or possibility
    (*le projet d'accord*, *la perspective d'une rencontre*, *le risque d'une attaque*)."""
    return (
        token.pos_ == "NOUN"
        and token.dep_ == "nmod"
        and token.head.lemma_.lower() in _PLAN_NOUNS
        and any(c.dep_ == "case" and c.lower_ in ("de", "d'", "du", "des") for c in token.children)
    )


def _verb_lemma(verb: Token, lexicon: EventLexicon) -> str:
    """Return a verb's lemma, mended by the trigger table where the lemmatiser slips (*réclame
    que …* lemmatised *réclame*: the demanded act would pass for asserted)."""
    lemma = verb.lemma_.lower()
    if lemma in lexicon.non_factive or verb.pos_ != "VERB":
        return lemma
    row = lexicon.verb_trigger(lemma, verb.text)
    return row.lemma if row is not None else lemma


def _unreal_clause(token: Token, lexicon: EventLexicon) -> bool:
    """Say whether a trigger's clause opens with a conjunction of purpose, condition or
    an event not (yet) happened (*pour que la Pologne livre des chars*, *si la Russie
    attaque*, *avant que*, *sans que*). Read from the word order back to the clause's
    start (a verb other than the trigger's auxiliaries and its subject's participles, or a
    comma), since the parser often hangs *pour que* on the subject."""
    start = token
    if (
        token.pos_ == "NOUN"
        and token.head.pos_ in ("VERB", "AUX")
        and token.dep_ in ("obj", "nsubj", "obl:arg")
    ):
        start = token.head  # pour que X livre une aide: the verb's clause
    own = {c.i for c in start.children}
    own.update(t.i for c in start.children if c.dep_.startswith("nsubj") for t in c.subtree)
    doc = token.doc
    floor = max(start.sent.start, start.i - _SCOPE)
    for index in range(start.i - 1, floor - 1, -1):
        word = doc[index]
        if word.text in (",", ";", ":", "(", "«", "»", "–", "—"):
            return False
        if word.pos_ in ("VERB", "AUX") and index not in own:
            return False
        lower = word.lower_
        if lower in ("si", "s'") and (word.pos_ == "SCONJ" or word.dep_ == "mark"):
            # même si, comme si: a concession or a comparison asserts its clause
            conceded = index > floor and doc[index - 1].lower_ in ("même", "comme")
            return lower in lexicon.unreal_marks and not conceded
        if lower in ("que", "qu'"):
            before = doc[index - 1].lower_ if index > floor else ""
            return before in lexicon.unreal_marks
    return False


# Acts a party answers by condemning them when it undergoes them (PLOVER ACCUSE/disapprove).
_HOSTILE = frozenset({"SANCTION", "ASSAULT", "COERCE", "THREATEN", "ACCUSE", "REJECT", "MOBILIZE"})


def refused_request(
    reader: RoleReader, token: Token, found: list[Event], kind: str, accusing: frozenset[str] = frozenset()
) -> Roles | None:
    """Return the roles of a refusal or a condemnation that names no party but answers an
    act told just before (control.answered_request): a refusal answers a request, a
    condemnation a hostile act against the one who condemns, a denial (*a rejeté ces
    accusations*) the accusation aimed at the one who denies; or None."""
    types = frozenset({"REQUEST"}) if kind == "REJECT" else _HOSTILE
    back, latest = 2, False
    if kind == "REJECT" and _denied_accusation(token, accusing):
        # PLOVER REJECT covers denying an accusation: the denial answers the accuser, who
        # may be a few sentences up, after the accuser's own quotes (same paragraph or so).
        types, back = frozenset({"ACCUSE"}), 5
        # A demonstrative (ces accusations) points back to the last accusation told.
        latest = any(
            d.lower_ in DEMONSTRATIVES for c in token.children if c.dep_ == "obj" for d in c.children
        )
    elif kind == "REJECT" and _refused_act_names_party(reader, token):
        return None  # a refusé de rencontrer le Guyana: the refusal aims at that party
    askers = answered_request(reader, token, found, types, back, latest)
    if not askers and types == {"ACCUSE"}:
        askers = unaddressed_accusation(
            reader, token, found
        )  # X accuse le ministère …; Y rejette ces accusations
    if not askers and types == {"REQUEST"}:
        askers = unaddressed_offer(reader, token, found)  # X a proposé une réunion. Y a refusé.
    if not askers:
        return None
    actors, depth = reader.actors_of_verb(subject_chain(token))
    return Roles(tuple(actors), tuple(askers), None, depth)


def restated_act(reader: RoleReader, verb: Token, lexicon: EventLexicon) -> Roles | None:
    """Return the roles of a judging verb in a relative clause on a noun that restates the
    clause before it (*X a proposé d'accueillir la session, une offre que Y a déclinée*;
    *X a réclamé un audit, une demande que Y a rejetée*): the judge acts on the one who
    made the offer, request or decision, the subject of the restated clause; else None."""
    if not verb.dep_.startswith("acl") or not any(
        c.lower_ in ("que", "qu'") and c.i < verb.i for c in verb.children
    ):
        return None
    noun, act = verb.head, verb.head.head
    if act.lemma_.lower() not in lexicon.verbs:
        return None  # an act of the table (proposer, réclamer, décider), not a mere reading
    if act.pos_ != "VERB" or act.i > noun.i or noun.i == verb.i:
        return None  # the noun may be tagged as a verb (une offre: offrir); its article tells
    left = next(t for t in noun.subtree if t.pos_ != "PUNCT")  # the comma may hang on the noun
    if left.i == 0 or left.i == noun.i or noun.doc[left.i - 1].text != "," or left.lower_ not in _RESTATING:
        return None  # only a restatement set off by a comma (…, une offre que …)
    actors, depth = reader.actors_of_verb(subject_chain(verb))
    makers, _ = reader.actors_of_verb(subject_chain(act))
    named = [a for a in actors if reader.types.get(a) not in (None, "MISC")]
    makers = [m for m in makers if reader.types.get(m) not in (None, "MISC") and m not in actors]
    if not named or not makers:
        return None
    return Roles(tuple(actors), tuple(makers), None, depth)


# Determiners that open a noun restating the clause before it (une offre, cette demande).
_RESTATING = (INDEFINITE | DEMONSTRATIVES) - {"des", "ces"}  # one act restated: une offre, cette demande


def _denied_accusation(token: Token, accusing: frozenset[str]) -> bool:
    """Say whether a refusal verb's object is an accusation noun (*a rejeté ces accusations*,
    *réfute les critiques*): ``accusing`` holds the ACCUSE nouns of the trigger table. A
    verb of denial (*démentir*, *nier*: answers.denying_verbs) denies one whatever its object."""
    if token.lemma_.lower() in denying_verbs():
        return True
    for child in token.children:
        if child.dep_ in ("obj", "nsubj:pass") and child.pos_ == "NOUN":
            lemma = child.lemma_.lower()
            if lemma in accusing or lemma.rstrip("s") in accusing:
                return True
    return False


def _refused_act_names_party(reader: RoleReader, token: Token) -> bool:
    """Say whether the infinitive a refusal governs names a party of its own."""
    for act in token.children:
        if act.pos_ == "VERB" and "Inf" in feature(act, "VerbForm"):
            if any(c.dep_ in ("obj", "obl", "obl:arg") and reader.group(c) for c in act.children):
                return True
    return False


def threatened(token: Token, trigger: Trigger) -> Token | None:
    """Return the *menacer* above a trigger it only threatens (menace de frapper Israël),
    or None: PLOVER codes the threat, not an act that has not happened."""
    head = token.head
    if trigger.type == "THREATEN" or token.dep_ not in ("xcomp", "obl", "obl:arg", "ccomp"):
        return None
    if head.lemma_.lower() in ("menacer", "menace") and head.i < token.i:
        return head
    return None
