"""Tell where a reported clause ends and the reporting sentence goes on after a coordinator.

*Il a annoncé que la société contesterait la résiliation, et n'exclut pas de chercher …*:
after a verb of saying in a past tense, the verbs of the reported clause take the tenses of
the sequence of tenses (conditional, imperfect, pluperfect: la concordance des temps, Riegel,
Pellat & Rioul, ch. XVII). A verb coordinated after *, et* / *, mais* in the present or the
compound past with a present auxiliary (*et n'exclut pas*, *et a promis*) is then outside it:
the reporting clause resumes, with the speaker as its subject.
"""

from __future__ import annotations

from spacy.tokens import Token

from veille.analysis.lang.fr.words import auxiliary_forms
from veille.analysis.syntax.tense import direction, feature

_COORDINATORS = frozenset({"et", "mais", "puis"})
# Clitics and negation between the coordinator and its verb (et n'en exclut pas, et lui a dit).
_BEFORE_VERB = frozenset("ne n' n’ se s' s’ en y lui leur l' l’ le la les".split())


def resumes_after(comma: Token, cue: Token) -> bool:
    """Return True when the comma is followed by a coordinator and a verb of the reporting
    clause (a present, or a compound past on a present auxiliary) after a cue in a past tense."""
    doc = comma.doc
    i = comma.i + 1
    if i >= len(doc) or doc[i].lower_ not in _COORDINATORS or direction(cue) != "past":
        return False
    i += 1
    while i < len(doc) and doc[i].lower_ in _BEFORE_VERB:
        i += 1
    if i >= len(doc) or doc[i].pos_ not in ("VERB", "AUX"):
        return False
    verb = doc[i]
    if verb.lower_ in auxiliary_forms():
        return True  # et a promis, et est revenu: a compound past on a present auxiliary
    return "Pres" in feature(verb, "Tense") and "Ind" in feature(verb, "Mood")


# Tenses of a reported clause under a past cue (the sequence of tenses): conditional,
# imperfect, pluperfect.
_SEQUENCE_TENSES = frozenset({"Imp", "Pqp"})


def resumes_reporting(verb: Token) -> bool:
    """Return True for a verb the parser coordinated with the reported clause of a past cue
    while its tense says it belongs to the reporting clause (Il a assuré que la ville
    compenserait « … » et a dénoncé un « … »: a compound past on a present auxiliary after a
    conditional): its subject is the speaker's, not the reported clause's."""
    clause = verb.head
    if verb.dep_ != "conj" or clause.dep_ != "ccomp" or direction(clause.head) != "past":
        return False
    reported = any(
        "Cnd" in feature(t, "Mood") or set(feature(t, "Tense")) & _SEQUENCE_TENSES
        for t in (clause, *(c for c in clause.children if c.dep_ == "aux:tense"))
    )  # compenserait, avait validé
    present_auxiliary = any(
        c.dep_ == "aux:tense" and c.lower_ in auxiliary_forms() and "Pres" in feature(c, "Tense")
        for c in verb.children
    )
    return reported and present_auxiliary
