"""Tell a place that cannot be asked or accused from a party that can.

A demand and an accusation are addressed to someone who can act on them (PLOVER REQUEST:
"ask an actor to do something"; ACCUSE: "criticize an actor"). Two kinds of places are
not such a party:

- a way or a work (a street, a road, a bridge, a station: the types of ways of the Base
  Adresse Nationale and the works built on them, ``inert_places`` of events_lexicon.json),
  which is what the demanded act is about: *réclame la reconstruction du pont de la RN1*,
  *exige la réouverture de la gare de Morlaix*;
- a territory named only as the seat of an office (*a écrit au préfet de la Dordogne pour
  lui demander …*, *interpelle le maire de Vannes*): the holder is asked, not the
  territory; the place hangs on a title of ``roles.tsv`` in every mention of the sentence.

A country, a capital, a region or a town told as a party (*a demandé à l'Occitanie*, *a
accusé Lima*), and a place the resolve stage marked as standing for its government
(``RoleReader.can_act``), are addressed.

Nor, for any act but an armed one, is a town or a region told only as where some people live
or work (*la grève des ouvriers du Havre*, *une aide pour les déplacés de Tillabéri*): the
people are the party, unnamed.

Nor is the one a demanded act is done to: the *de*-complement of a noun of an act that
befalls its complement (the objective genitive, Grevisse § 348: *la libération de X* is
X's being freed by someone else) names its patient, who is not asked: *L'UE demande la
libération de l'opposant X* asks his jailers, *Le procureur a demandé la relaxe de X* asks
the court. A noun of an act its complement does (*la démission de X*, the subjective
genitive) still names the one asked.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from veille.analysis.events.lexicon import Trigger
from veille.analysis.events.roles import RoleReader, Roles
from veille.analysis.lang.fr import tables
from veille.analysis.lang.fr.countries import capital_country
from veille.analysis.syntax.tense import feature
from veille.normal import fold

ADDRESSED = frozenset({"REQUEST", "ACCUSE"})


@cache
def _inert_heads() -> frozenset[str]:
    return frozenset(fold(w) for w in tables.read_json("events_lexicon.json")["inert_places"])


@cache
def _titles() -> frozenset[str]:
    """Return the folded one-word titles of ``roles.tsv`` (préfet, maire, président)."""
    rows = (fold(cells[0]) for _n, cells in tables.read_rows("roles.tsv") if cells)
    return frozenset(row for row in rows if " " not in row)


# Nouns of a court's or a jailer's decision on a person, whose de-complement undergoes it
# (TLFi: relaxe « décision par laquelle un tribunal renvoie un prévenu des fins de la
# poursuite »; acquittement, extradition, élargissement « mise en liberté d'un détenu »,
# grâce): with the event rows' patient nouns (libération, arrestation, expulsion …).
_DECISIONS_ON_A_PERSON = frozenset({"relaxe", "acquittement", "extradition", "élargissement", "grâce"})


def asks_a_place(token: Token, trigger: Trigger, roles: Roles, reader: RoleReader) -> bool:
    """Say whether a demand or an accusation is aimed only at places that cannot answer it,
    or a demand only at the one the demanded act is done to."""
    if trigger.type not in ADDRESSED or not roles.recipients:
        return False
    if trigger.type == "REQUEST" and all(_patient_of_demand(token, reader, r) for r in roles.recipients):
        return True  # demande la libération de X: X's jailers are asked, not X
    return all(_inert(token, reader, r) for r in roles.recipients)


# Acts aimed at a place itself (a strike, a raid, troops sent there): the place may be their target.
_AT_A_PLACE = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "THREATEN"})


def people_of_places(token: Token, trigger: Trigger, roles: Roles, reader: RoleReader) -> bool:
    """Say whether a non-armed act is aimed only at towns or regions told as where some
    people live or work (*la grève des ouvriers portuaires du Havre*, *une aide pour les
    déplacés de la région d'Agadez*): the *de*-complement of a plural noun of people locates
    them, it names no party; the people are the ones struck for or helped, and they are
    unnamed. A country, a capital and a place standing for its government stay parties."""
    if trigger.type in _AT_A_PLACE or not roles.recipients:
        return False
    return all(_people_of_place(token, reader, r) for r in roles.recipients)


def _people_of_place(token: Token, reader: RoleReader, entity_id: str) -> bool:
    entity = reader.doc.entity(entity_id)
    if entity is None or entity.type != "LOC" or reader.can_act(entity_id) or capital_country(entity.name):
        return False
    told = reader.told_in_sentence(token, entity_id)
    return bool(told) and all(_after_plural_noun(token, reader, m.start, m.end) for m in told)


def _after_plural_noun(token: Token, reader: RoleReader, start: int, end: int) -> bool:
    """Say whether a mention is the de-complement of a plural noun of people other than one
    that stands for the place's body (*les autorités de X*, *les élus de X*: actor_heads)."""
    span = token.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    head = root.head
    return (
        root.dep_ == "nmod"
        and head.pos_ == "NOUN"
        and head.i != token.i
        and "Plur" in feature(head, "Number")
        and head.lower_ not in reader.actor_heads
        and any(c.dep_ == "case" and c.lower_ in ("de", "d'", "du", "des") for c in root.children)
    )


def _patient_of_demand(token: Token, reader: RoleReader, entity_id: str) -> bool:
    """Say whether a party is told in the demand's sentence only as the de-complement of
    the demanded act's noun, an act done to it (*demande la libération de X*)."""
    told = reader.told_in_sentence(token, entity_id)
    return bool(told) and all(_patient_at(token, reader, m.start, m.end) for m in told)


def _patient_at(token: Token, reader: RoleReader, start: int, end: int) -> bool:
    span = token.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root, act = span.root, span.root.head
    while root.dep_ in ("appos", "flat:name") and root.head.i != root.i:
        root, act = act, act.head  # la relaxe de l'adjoint au maire, Patrick Delcourt
    lemma = act.lemma_.lower()
    return (
        root.dep_ == "nmod"
        and any(c.dep_ == "case" and c.lower_ in ("de", "d'", "du", "des") for c in root.children)
        and (lemma in reader.patient_nouns or lemma in _DECISIONS_ON_A_PERSON)
        and act.dep_ in ("obj", "conj")
        and act.head.i in (token.i, *(c.i for c in token.children if c.dep_ == "obj"))
    )


def _inert(token: Token, reader: RoleReader, entity_id: str) -> bool:
    entity = reader.doc.entity(entity_id)
    if entity is None:
        return False
    told = reader.told_in_sentence(token, entity_id)
    office = bool(told) and all(_seat_of_office(token, m.start, m.end) for m in told)
    if office and entity.type != "LOC":
        # contre l'ancien gérant du cabinet X, au président du Conseil: the officer is
        # asked or accused, not the body that employs them (a state's envoy, l'ambassadeur
        # de Chine, stays its state's: reader.can_act below)
        return True
    if reader.can_act(entity_id) or capital_country(entity.name) is not None:
        return False
    if fold(entity.name).split(" ")[0] in _inert_heads():
        return True  # le pont de la RN1, la gare de Morlaix: a way or a work
    return office  # au préfet de la Dordogne: the holder is asked, not the territory


def _seat_of_office(token: Token, start: int, end: int) -> bool:
    """Say whether a mention hangs on a title as its complement (*préfet de la Dordogne*)."""
    span = token.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ == "nmod" and fold(root.head.text) in _titles():
        return True
    # l'ancien gérant du cabinet Immo-Nord: the name qualifies a category noun that is the
    # title's complement (no case of its own: an apposition, however the parser labels it)
    head = root.head
    bare = not any(c.dep_ == "case" for c in root.children)
    return bare and head.pos_ == "NOUN" and head.dep_ == "nmod" and fold(head.head.text) in _titles()
