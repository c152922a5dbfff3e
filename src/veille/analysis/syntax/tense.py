"""Tense, modality and negation of a clause: one reader for time, quotes and events.

- ``direction``: is the clause about the past, the present or the future? The time stage
  resolves *mercredi* with it (*ont accusé mercredi* → the Wednesday before).
- ``modality``: is the event asserted, planned or hypothetical? A future (*rencontrera*,
  *rencontrerons*) or a verb of intention above the verb (*doit rencontrer*) makes it
  planned; a conditional makes it hypothetical.
- ``negated``: does *ne … pas* (or *aucun*) negate it?
- ``caps_direction`` and ``after_planning_participle``: the tense of text the tagger cannot
  read (an all-caps heading, *LE MARCHÉ OUVRIRA SAMEDI*) and the forward pull of a
  scheduling participle (*prévue le 3 juillet*), both read on the words themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Literal

from spacy.tokens import Token

from veille.analysis.lang.fr import morphology, tables, words
from veille.analysis.syntax.memo import per_parse
from veille.analysis.syntax.view import token_view

Direction = Literal["past", "future", "nearest"]
Modality = Literal["asserted", "planned", "hypothetical"]
_MAX_DEPTH = 5


def feature(token: Token, name: str) -> tuple[str, ...]:
    """Return the values of one morphological feature of a token (none: an empty tuple).

    ``token.morph.get`` decodes the analysis' strings and splits them on every call (about
    2 µs, the largest single cost of the clause readers); the answer depends only on the
    analysis, which a parse shares among many tokens, so it is kept per (analysis, feature).
    """
    key = (token.morph.key, name)  # type: ignore[attr-defined]  # not in spaCy's stubs
    values = _FEATURES.get(key)
    if values is None:
        if len(_FEATURES) > _MAX_FEATURES:
            _FEATURES.clear()  # a bound on memory; a model has a few hundred analyses
        values = _FEATURES[key] = tuple(token.morph.get(name, []))
    return values


# The values of each (analysis key, feature name) asked: an analysis' key is the hash of its
# features written out, one key for the same analysis in every parse of a vocabulary.
_FEATURES: dict[tuple[int, str], tuple[str, ...]] = {}
_MAX_FEATURES = 1 << 15


def participle(token: Token) -> bool:
    """Tell whether a word is a participle: tagged so, and spelled as one. The tagger may
    call a present of the first conjugation a past participle (*l'AFD reproche au MSW …*,
    hung on its subject as a modifier); its spelling says it is not one
    (``morphology.is_present_not_participle``)."""
    if "Part" not in feature(token, "VerbForm"):
        return False
    return not morphology.is_present_not_participle(token.text, token.lemma_)


def is_future(token: Token) -> bool:
    """Tell whether a finite verb is in the future: tagged so, or with a future ending the
    tagger missed (*recevra* comes out Tense=Past; *rencontrerons* Tense=Pres)."""
    if token.pos_ not in ("VERB", "AUX") or "Fin" not in (feature(token, "VerbForm") or ("Fin",)):
        return False  # no VerbForm at all counts as finite
    return "Fut" in feature(token, "Tense") or morphology.is_future_form(token.text, token.lemma_)


def is_conditional(token: Token) -> bool:
    """Tell whether a verb is in the conditional mood (*serait*, *pourraient*)."""
    if "Cnd" in feature(token, "Mood"):
        return True
    # The tagger reads some conditionals as imperfects (dissoudrait: Tense=Imp). The
    # conditional is the infinitive (less a final e) with the endings of the imperfect
    # (Grevisse & Goosse § 803: déclarer → déclarerait, dissoudre → dissoudrait), where the
    # imperfect is the stem with them (déclarait): the form tells the two apart.
    if "Imp" not in feature(token, "Tense"):
        return False
    form, lemma = token.lower_, token.lemma_.lower()
    if not lemma.endswith(("er", "ir", "re")):
        return False
    stems = (lemma, lemma[:-1]) if lemma.endswith("re") else (lemma,)
    return any(form == stem + ending for stem in stems for ending in _IMPERFECT_ENDINGS)


_IMPERFECT_ENDINGS = ("ais", "ait", "ions", "iez", "aient")


# a dû partir lundi, est allé voir sa mère lundi: the compound past of these two reports
# what was done (devait partir, allait voir: still the plan)
_DONE_WHEN_PAST = ("devoir", "aller")


@per_parse
def pluperfect(verb: Token) -> bool:
    """Say whether a verb is in the pluperfect (*avaient délogé*, *avait été convoqué*): its
    tense auxiliary in the imperfect. It tells a flashback before the story's reference time
    (Reichenbach: event before reference), so its day is not the one the story has reached.
    A passive auxiliary alone in the imperfect (*était convoqué*) is no pluperfect."""
    return any(
        c.dep_ in ("aux", "aux:tense") and c.lemma_ in ("avoir", "être") and "Imp" in feature(c, "Tense")
        for c in verb.children
    )


def direction(verb: Token, depth: int = 0) -> Direction:
    """Read a verb's tense as past, future or nearest (the present).

    1. A compound tense is read on its auxiliary: *a accusé*, *avait donné* → past;
       *aura signé* → future.
    2. A passive or copular auxiliary carries the tense alone (*est attendue* → present),
       but *est arrivée* is the compound past of a verb conjugated with être.
    3. A bare participle (*révélé mardi*) is past; a present participle is the present. A
       participle that is the predicate of a verb (the parser's ``xcomp``: *resteront
       fermées jusqu'à lundi*, *demeure coupée*) takes that verb's tense: it tells the state
       the verb holds, at the verb's time.
    4. An infinitive is read on the verb above it: *doivent rencontrer*, *va signer* →
       future; otherwise it inherits that verb's direction. A passive or copular
       infinitive is one too (*devrait être nommé lundi*, like *devrait nommer lundi*).
    """
    view = token_view(verb.doc)  # the dependents read off the view's columns
    dep, lemma, children = view.dep, view.lemma, view.children(verb.i)
    tense_aux = [c for c in children if dep[c] in ("aux", "aux:tense") and lemma[c] in ("avoir", "être")]
    if tense_aux:
        return "future" if is_future(view.tokens[tense_aux[0]]) else "past"
    carrier_i = next((c for c in children if dep[c] in ("aux:pass", "cop")), None)
    carrier = view.tokens[carrier_i] if carrier_i is not None else None
    # A passive or copular infinitive (devrait être nommé lundi, doit être reçu) is an
    # infinitive: read on the verb above it, like devrait nommer lundi.
    passive_infinitive = carrier is not None and "Inf" in feature(carrier, "VerbForm")
    if carrier is not None and not passive_infinitive:
        if dep[carrier.i] == "aux:pass" and verb.lemma_ in words.etre_verbs():
            return "future" if is_future(carrier) else "past"
        return _finite_direction(carrier)
    forms = feature(verb, "VerbForm")
    if "Part" in forms and not passive_infinitive:
        if not participle(verb):
            return "nearest"  # l'AFD reproche …, tagged a participle: a present (participle)
        head = verb.head
        if dep[verb.i] == "xcomp" and head != verb and head.pos_ in ("VERB", "AUX") and depth < _MAX_DEPTH:
            return direction(head, depth + 1)  # resteront fermées: the future of resteront
        return "nearest" if "Pres" in feature(verb, "Tense") else "past"
    if ("Inf" in forms or passive_infinitive) and depth < _MAX_DEPTH:
        head = verb.head
        if head != verb and head.pos_ in ("VERB", "AUX"):
            above = direction(head, depth + 1)
            if head.lemma_ in words.forward_governors():
                # devaient se rencontrer jeudi, a prévu de se rassembler vendredi: planned after
                # a past act, so ahead of it but not of the article date (ISO-TimeML: the
                # intended event is posterior to the intending one, SLINK MODAL)
                if above != "past":
                    return "future"
                if head.lemma_ not in _DONE_WHEN_PAST or "Imp" in feature(head, "Tense"):
                    return "nearest"
            return above
        return "nearest"
    return _finite_direction(verb)


# A conditional ending and the future ending it is built on (viendrait: viendra + ait).
_CONDITIONAL_TO_FUTURE = (
    ("raient", "ront"),
    ("rions", "rons"),
    ("riez", "rez"),
    ("rais", "rai"),
    ("rait", "ra"),
)


def _looks_conditional(verb: Token) -> bool:
    """Tell whether a verb the tagger calls an imperfect is a conditional (*viendrait* comes
    out Tense=Imp): its form is the future stem plus an imperfect ending. The imperfects of
    verbs whose stem ends in r (*espérait*, *durait*, *courait*) are the infinitive's stem
    plus the ending, which ``is_future_form`` already tells apart."""
    form, lemma = verb.text.lower(), verb.lemma_.lower()
    if "Imp" not in feature(verb, "Tense") or lemma.endswith("aître") or not lemma.endswith(("r", "re")):
        return False  # il parait (paraître) is a present; a lemma that is no infinitive says nothing
    for ending, future in _CONDITIONAL_TO_FUTURE:
        if form.endswith(ending):
            return morphology.is_future_form(form[: -len(ending)] + future, lemma)
    return False


def _finite_direction(verb: Token) -> Direction:
    if is_future(verb) or is_conditional(verb) or _looks_conditional(verb):
        return "future"
    if {"Imp", "Past"} & set(feature(verb, "Tense")):
        return "past"
    return "nearest"


def modality(scope: Sequence[Token], content: Iterable[Token] = ()) -> Modality:
    """Read the modality of a clause from its verbs, nearest first: a conditional anywhere in
    ``scope`` or ``content`` (the clause the verb reports) → hypothetical; a future, or a
    verb of intention above the first one → planned; otherwise asserted."""
    for node in [*scope, *content]:
        carriers = [node, *(c for c in node.children if c.dep_.startswith("aux") or c.dep_ == "cop")]
        if any(is_conditional(c) for c in carriers):
            return "hypothetical"
    for n, node in enumerate(scope):
        carriers = [node, *(c for c in node.children if c.dep_.startswith("aux"))]
        if any(is_future(c) for c in carriers):
            return "planned"
        if n > 0 and node.lemma_ in words.future_governors():
            return "planned"
    return "asserted"


def negated(token: Token, scope: Sequence[Token]) -> bool:
    """Tell whether a clause is negated (*n'a pas approuvé*, *ne viendra jamais*, *aucune
    aide*): a negative adverb or polarity on one of its verbs, or *aucun* on the word."""
    negative = words.negations()
    view = token_view(token.doc)  # the dependents read off the view's columns
    lower, dep = view.lower, view.dep
    for node in scope:
        for child in view.children(node.i):
            if lower[child] in negative and dep[child].startswith("advmod"):
                return True
            if "Neg" in feature(view.tokens[child], "Polarity") and lower[child] not in ("ne", "n'"):
                return True
    return any(view.lemma[child] == "aucun" for child in view.children(token.i))


# A future ending on a lower-cased word (ouvrira, signeront), not a noun in -ra (ère, zéro).
_CAPS_FUTURE = re.compile(r"^\w{2,}(?<![éo])r(?:ai|as|a|ons|ez|ont)$")
_CAPS_PAST = re.compile(
    r"\b(?:a|ont|avait|avaient|est|sont|était|étaient)\s+(?:\w+\s+)?\w+(?:é|ée|és|ées|i|is|it|u|us|ue|ert|ort)\b"
)


def is_all_caps(text: str) -> bool:
    """Tell whether a line is written in capitals (a heading), which the tagger misreads."""
    letters = 0
    for ch in text:  # stops at the first small letter: most lines have one at once
        if ch.isalpha():
            if not ch.isupper():
                return False
            letters += 1
    return letters >= 8


def caps_direction(sentence: str) -> Direction:
    """Read the tense of an all-caps heading from its lower-cased words: a future ending
    (*OUVRIRA*) points ahead, an auxiliary + participle (*A FERMÉ*) back, else the present.

    The tagger takes capitals for proper nouns and may split the heading, so its morphology
    cannot be used there."""
    lowered = sentence.lower().replace("’", "'")
    if any(_CAPS_FUTURE.match(word) for word in re.findall(r"\w+", lowered)):
        return "future"
    return "past" if _CAPS_PAST.search(lowered) else "nearest"


@cache
def _planning_participle() -> re.Pattern[str]:
    # The table lives with the time vocabulary (time_fr.json, source noted there); one
    # alternation, compiled once, asks what a search per participle asked. An avoir form
    # right before the participle is caught too (a convoqué, avaient fixé), and the link
    # word after it (pour, au, à …), for after_planning_participle to tell them apart.
    participles: list[str] = tables.read_json("time_fr.json")["planning_participles"]
    avoir = "|".join(sorted(words.avoir_forms(), key=len, reverse=True))
    link = rf"(?P<link>\s+(?:{'|'.join(_LINKS)}))?(?:\s+(?:le|la|l'|ce|cette))?\s*$"
    alternation = "|".join(re.escape(word) for word in participles)
    return re.compile(rf"(?:\b(?P<avoir>{avoir})\s+)?\b(?P<participle>{alternation}){link}")


# The prepositions that put a time after a scheduling participle as its new date (reporté au
# 3 mars, convoqué pour lundi, prévu dès mardi)
_LINKS = ("pour", "au", "à", "en", "dès", "jusqu'au", "jusqu'à")


def after_planning_participle(before: str) -> bool:
    """Tell whether a scheduling participle governs what follows ``before`` (*prévue le 3
    juillet*, *programmé pour mardi*, *reporté au 12 mars*): a plan points forward from when
    it was made, whatever the tense of the main verb.

    Not after an avoir form with no link word (*Le ministère a convoqué mardi l'ambassadeur*,
    *Le conseil a reporté jeudi le vote*): the participle is then the verb of a compound
    past, and the time right after it is the act's own (the Tuesday before), not the date it
    set; *a convoqué pour lundi une table ronde* keeps the forward reading."""
    match = _planning_participle().search(before.lower().replace("’", "'"))
    if match is None:
        return False
    linked = match["link"] is not None or match["participle"].split()[-1] in _LINKS
    return match["avoir"] is None or linked
