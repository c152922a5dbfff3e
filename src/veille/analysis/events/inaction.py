"""Read accusations told as a reproach of inaction (PLOVER ACCUSE/disapprove: criticize).

A speaker who says that a named party does or did nothing, in a quotation of theirs or in
the complement of their verb of opinion, reproaches it its inaction, though no evaluative
word is said: *« L'agence Norvia n'a rien fait quand les digues cédaient », a déclaré le
maire Paul Girard* → ACCUSE Girard → Norvia; *Le maire estime que la préfecture ne fait
rien pour les sinistrés* → ACCUSE maire → préfecture. The predicate is *ne … rien faire*
(TLFi « rien » : *ne rien faire*, « rester inactif »), told in the present or the past.

Not a reproach: *n'a rien fait de mal*, *ne fait rien d'illégal* (a *de*-complement of
*rien* clears the party, it is a defence); *ne fera rien*, *ne ferait rien* (a forecast or a
promise: no conduct judged yet); a first or second person (*nous n'avons rien fait*: the
speaker's own). The event's word is the opinion verb, as in failures.py, else *faire* in
the quotation (the shared negation reads *pas*, *jamais*, not *rien*: the reproach is not
marked negated).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Token

from veille.analysis.events.failures import forecast, opinion_verb
from veille.analysis.events.roles import RoleReader, Roles
from veille.analysis.lang.fr.words import DE_TOKENS, NE_TOKENS, SPEAKER_SIDE_PRONOUNS
from veille.analysis.syntax.tense import negated
from veille.analysis.syntax.view import token_view

_SUBJECTS = frozenset({"nsubj", "nsubj:pass"})


def inactions(
    parsed: Doc, reader: RoleReader, speaker: Callable[[Token], list[str]]
) -> Iterator[tuple[Token, Roles]]:
    """Yield the forms of *faire* that say a named party does nothing, with who says it
    (the subject of a verb of opinion above, else the quotation's speaker) and the party."""
    view = token_view(parsed)  # lemmas off the shared view: a Token only for a form of faire
    for i, lemma in enumerate(view.lemma_lower):
        if lemma != "faire" and view.lower[i] != "fait":
            continue
        verb = view.tokens[i]
        nothing = _nothing(verb)
        if nothing is None or _cleared(verb, nothing) or forecast(verb):
            continue
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and c.i != nothing.i]
        if any(s.lower_ in SPEAKER_SIDE_PRONOUNS for s in subjects):
            continue  # « Nous n'avons rien fait », on ne fait rien: the speaker's own, or anyone's
        judged = next((p for s in subjects for p in [reader.group(s)] if p), [])
        opinion = opinion_verb(verb)  # estime que X ne fait rien: the opinion verb tells it
        if opinion is not None and negated(opinion, [opinion]):
            continue
        if opinion is not None:
            word, judges = opinion, reader.subject(opinion, agent=False) or []
        else:
            word, judges = verb, speaker(verb)  # « X n'a rien fait », a dit Y
        judged = [j for j in judged if j not in judges]
        named = [j for j in judges if reader.types.get(j) not in (None, "MISC")]
        targets = [j for j in judged if reader.types.get(j) not in (None, "MISC")]
        if named and targets:
            yield word, Roles(tuple(judges), tuple(judged), None, 0)


def _nothing(verb: Token) -> Token | None:
    """Return the *rien* of *ne … rien faire* on a verb (the parser may hang it as object
    or subject), when the verb also has its *ne*; else None."""
    kids = list(verb.children)
    if not any(c.lower_ in NE_TOKENS for c in kids):
        return None
    return next((c for c in kids if c.lower_ == "rien"), None)


def _cleared(verb: Token, nothing: Token) -> bool:
    """Say whether *rien* takes a *de*-complement (*n'a rien fait de mal*, *ne fait rien
    d'illégal*): the word after the verb or after *rien* is *de*."""
    doc = verb.doc
    after = {verb.i + 1, nothing.i + 1}
    return any(k < len(doc) and doc[k].lower_ in DE_TOKENS for k in after)
