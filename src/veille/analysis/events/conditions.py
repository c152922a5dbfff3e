"""Read an act told as what a party will do if a condition holds: a threat, not an event.

*Nous saisirons le Conseil d'État s'il le faut*, *la CGT appellera à la grève contre X si
la direction ne recule pas*, *son pays pourrait bloquer tout versement au budget de X si
un mécanisme n'est pas adopté*: the main clause is in the future or the conditional and
the sentence holds a *si*-clause (Grevisse & Goosse, *Le Bon Usage*, the hypothetical
system *si* + present → future, *si* + imperfect → conditional). Nothing has happened: the
act is put as the price of a condition. PLOVER codes a conditional coercive act as
THREATEN (threats of sanctions, boycott, protest, force, legal action), and a conditional
offer of cooperation as a promise (AGREE, which the planned modality already keeps). Any
other act (an appeal to a court, a request) is not asserted and is dropped.

A condition is also told by a prepositional phrase (Grevisse & Goosse § 1097, the
prepositional phrases of condition: *en cas de*, *faute de*, *à défaut de*): *le président
dissoudrait l'Assemblée en cas d'adoption de la motion*, *faute d'accord, Washington
imposera des droits de douane au Mexique*. The act in the phrase itself (*en cas
d'attaque*) is the condition, not the announced act.

The *si*-clause is found in word order, since the parser hangs it anywhere (on the
reporting verb, as a complement clause): a subordinating *si* or *s'* in the sentence, not
a concessive *même si*, a comparative *comme si* nor *si ce n'est* (except). The event inside the *si*-clause
itself is already dropped as unreal (``unreal_marks``).
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from veille.analysis.events.lexicon import Trigger
from veille.analysis.syntax.clauses import subject_chain
from veille.analysis.syntax.tense import is_conditional, is_future
from veille.analysis.syntax.view import token_view

# Types whose conditional announcement is a threat (PLOVER THREATEN: a threat of the act).
COERCIVE = frozenset({"REJECT", "SANCTION", "PROTEST", "ASSAULT", "COERCE", "MOBILIZE"})
_IF = frozenset({"si", "s'", "s’"})
_NOT_CONDITION = frozenset({"même", "comme"})  # même si (concessive), comme si (comparison)
# en cas de, faute de, à défaut de: (word before the noun or None, the noun) then de.
_CONDITION_PHRASES = ((("en",), "cas"), ((), "faute"), (("à",), "défaut"))
_CONDITION_NOUNS = frozenset(noun for _before, noun in _CONDITION_PHRASES)
_DE = frozenset({"de", "d'", "d’"})
_STOPS = frozenset({".", "!", "?", "…"})
_UP = 3  # bloquer → pourrait → prévenu: the trigger, its modal and the clause above


def if_clause(token: Token) -> Token | None:
    """Return the *si* of a condition on the trigger's clause when that clause is in the
    future or the conditional (module docstring), else None."""
    sentence = token.sent
    view = token_view(token.doc)  # the sentence's words and tags off the columns: no Token made
    lower, pos = view.lower, view.pos
    mark = next(
        (
            view.tokens[i]
            for i in range(sentence.start, sentence.end)
            if lower[i] in _IF
            and pos[i] == "SCONJ"
            and not (i > 0 and lower[i - 1] in _NOT_CONDITION)
            and not _except(view.tokens[i])
        ),
        None,
    )
    if mark is None:
        mark = _condition_phrase(token)
        if mark is None or in_condition_phrase(token):
            return None  # no condition, or en cas d'attaque: the trigger is the condition
    elif _inside_condition(token, mark):
        return None
    for node in subject_chain(token)[:_UP]:
        if node.pos_ not in ("VERB", "AUX"):
            continue
        carriers = [node, *(c for c in node.children if c.dep_.startswith("aux"))]
        if any(is_future(c) or is_conditional(c) for c in carriers):
            return mark
    return None


def in_condition_phrase(token: Token) -> bool:
    """Say whether a trigger is the act of a prepositional phrase of condition (*en cas
    d'attaque contre la Pologne*): the condition, not an act told."""
    mark = _condition_phrase(token)
    # The phrase's complement follows its preposition: an act told before the mark is not
    # under it (… a demandé des garanties, faute de quoi la ville pourrait …: the parser
    # may root the whole sentence at faute)
    return mark is not None and mark.i < token.i and any(t.i == token.i for t in mark.subtree)


def _condition_phrase(token: Token) -> Token | None:
    """Return the noun of a prepositional phrase of condition (*en cas de*, *faute de*, *à
    défaut de*) in a trigger's sentence, or None. A fronted phrase the sentence splitter
    cut off (*Faute d'accord avant vendredi, | Washington imposera …*) is read too: the
    words back to the last full stop."""
    view = token_view(token.doc)  # the words off the columns: no Token made per word
    text, lower = view.text, view.lower
    start = token.sent.start
    while start > 0 and text[start - 1] not in _STOPS and "\n" not in text[start - 1]:
        start -= 1
    for i in range(start, token.sent.end):
        if lower[i] not in _CONDITION_NOUNS:
            continue  # no phrase's noun: the test below fails for every phrase
        for before, noun in _CONDITION_PHRASES:
            if lower[i] != noun or i + 1 >= len(lower) or lower[i + 1] not in _DE:
                continue
            if not before or (i > 0 and lower[i - 1] in before):
                return view.tokens[i]
    return None


def _except(mark: Token) -> bool:
    """Say whether a *si* opens *si ce n'est* (except), a fixed phrase and no condition."""
    after = [t.lower_ for t in mark.doc[mark.i + 1 : mark.i + 5]]
    negation = len(after) > 2 and after[0] == "ce" and after[1] in ("n'", "n’", "ne")
    return negation and after[3:4] != ["pas"]  # si ce n'est pas fait: a condition


def _inside_condition(token: Token, mark: Token) -> bool:
    """Say whether the trigger is itself in the *si*-clause (its event is the condition)."""
    head = mark.head
    if head.i == token.i:
        return mark.dep_ == "mark"  # si la direction recule: the trigger is the condition's verb
    if head in subject_chain(token):
        return False  # the parser hung the si on the trigger's own clause or one above it
    return any(t.i == token.i for t in head.subtree)


def conditional_reading(trigger: Trigger, cooperative: frozenset[str]) -> Trigger | None:
    """Return the row a conditional act codes: a threat for a coercive act, the row itself
    for an offer of cooperation (a promise), None for anything else (an appeal, a request)."""
    if trigger.type in COERCIVE or (trigger.type == "ACCUSE" and trigger.mode == "allege"):
        return dataclasses.replace(trigger, type="THREATEN", mode=None)
    if trigger.type in cooperative or trigger.type == "THREATEN":
        return trigger
    return None
