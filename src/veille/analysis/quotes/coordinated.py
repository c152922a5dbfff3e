"""Tell where a reported clause ends and the reporting sentence goes on after a coordinator.

*Il a annoncé que la société contesterait la résiliation, et n'exclut pas de chercher …*:
after a verb of saying in a past tense, the verbs of the reported clause take the tenses of
the sequence of tenses (conditional, imperfect, pluperfect: la concordance des temps, Riegel,
Pellat & Rioul, ch. XVII). A verb coordinated after *, et* / *, mais* in the present or the
compound past with a present auxiliary (*et n'exclut pas*, *et a promis*) is then outside it:
the reporting clause resumes, with the speaker as its subject.

So too in a relative aside (*X, qui affirme que la porte était fermée, a été entendu*): the
reported clause ends at the comma before the main clause's finite verb; and before a detached
present participle that goes with the reporting clause (*Le club a fait savoir qu'il ferait
appel, jugeant la décision « … »*), a participle of saying that opens a statement of its own.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from veille.analysis.lang.fr.words import PREVERBAL_CLITICS, QUE_TOKENS, auxiliary_forms
from veille.analysis.syntax.tense import direction, feature
from veille.analysis.syntax.view import doc_text

_COORDINATORS = frozenset({"et", "mais", "puis"})
# Clitics and negation between the coordinator and its verb (et n'en exclut pas, et lui a dit).
_BEFORE_VERB = frozenset("ne n' n’ se s' s’ en y lui leur l' l’ le la les".split())
# The gerund's en and the clitics before a present participle (en la qualifiant, s'estimant).


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


# Coordinators that join two completive clauses of one cue (a dit que … et que …).
_CLAUSE_COORDINATORS = frozenset({"et", "ou"})


def coordinated_clauses(
    doc: Doc, start: int, end: int, quoted: Callable[[int], bool]
) -> list[tuple[int, int]]:
    """Return the pieces of a reported clause cut where *et que* / *ou que* opens a second
    completive of the same cue (Il a promis que l'état de catastrophe serait « reconnu » et que
    l'État débloquerait une enveloppe): each is a statement of its own, so one that holds a
    quoted fragment does not swallow the other. The que must be a subordinating conjunction
    (a relative que after et, *la réforme qu'il défend et que ses opposants rejettent*, is a
    pronoun) and outside quotation marks (``quoted``)."""
    pieces: list[tuple[int, int]] = []
    lo = start
    for token in doc.char_span(start, end, alignment_mode="expand") or ():
        nxt = token.i + 1
        if (
            token.lower_ not in _CLAUSE_COORDINATORS
            or nxt >= len(doc)
            or doc[nxt].lower_ not in QUE_TOKENS
            or doc[nxt].pos_ != "SCONJ"
            or quoted(token.idx)
        ):
            continue
        pieces.append((lo, token.idx))
        lo = doc[nxt].idx + len(doc[nxt].text)
    pieces.append((lo, end))
    text = doc_text(doc)  # spaCy's doc.text joins every token on each read
    return [_trimmed(text, a, b) for a, b in pieces]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,":
        start += 1
    while end > start and text[end - 1] in " ,;":
        end -= 1
    return start, end


def in_relative_aside(verb: Token) -> bool:
    """Return True for a cue whose subject is a relative qui right after a comma (Paul Roux,
    qui affirme …): the aside ends where the main clause resumes."""
    doc = verb.doc
    for i in range(verb.i - 1, max(verb.i - 4, 0), -1):
        if doc[i].lower_ == "qui":
            return doc[i - 1].text == ","
        if doc[i].pos_ not in ("ADV", "AUX", "PRON"):
            return False
    return False


def finite_after(comma: Token) -> bool:
    """Return True when a finite verb (after ne or clitics) follows the comma at once."""
    for token in comma.doc[comma.i + 1 : comma.i + 4]:
        if token.lower_ in ("ne", "n'", "n’", "se", "s'", "s’", "y", "en", "l'", "l’"):
            continue
        return token.pos_ in ("VERB", "AUX") and "Fin" in feature(token, "VerbForm")
    return False


def reporting_participle(comma: Token, is_cue: Callable[[Token], bool]) -> bool:
    """Return True for a comma opening a present participle (or gerund) that is itself a
    verb of saying or judging: *Le club a fait savoir qu'il ferait appel, jugeant la décision
    « … »*; *…, estimant que …*; *…, en rappelant que …*. The detached participle refers to
    the subject of the main clause (Riegel, Pellat & Rioul, ch. XII) and opens a statement of
    its own, so the reported clause before it ends at the comma; a participle that goes on
    describing the content (*…, passant de 10 à 60 %*; *…, atteignant 3 milliards*) stays in it."""
    doc = comma.doc
    i = comma.i + 1
    while i < len(doc) and doc[i].lower_ in PREVERBAL_CLITICS:
        i += 1  # en la qualifiant, s'estimant
    return i < len(doc) and doc[i].lower_.endswith("ant") and is_cue(doc[i])


def resumptive_apposition(comma: Token) -> bool:
    """Return True for a comma opening a noun phrase that sums up the clause before it and
    carries a relative of its own (*… à verser 750 millions, une somme que Québec juge
    « insuffisante »*): the résomptive apposition (Riegel, Pellat & Rioul, ch. XIII) is the
    writer's comment on the reported fact, no part of it, and its relative may hold a
    statement of someone else."""
    doc = comma.doc
    i = comma.i + 1
    if i + 2 >= len(doc) or doc[i].lower_ not in ("un", "une") or doc[i + 1].pos_ != "NOUN":
        return False
    j = i + 2
    while j < len(doc) and doc[j].pos_ == "ADJ":
        j += 1
    return j < len(doc) and doc[j].lower_ in ("que", "qu'", "qu’", "qui", "dont")
