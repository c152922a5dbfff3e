"""Read accusations told as an attribution of blame (PLOVER ACCUSE/disapprove: criticize
responsible parties; ACCUSE/allege: formally or informally accuse).

A verb that holds its object to be responsible or guilty (``blame_verbs`` and
``blame_words`` of events_lexicon.json; TLFi « tenir » *tenir qqn pour responsable*,
« rendre » *rendre qqn responsable de*): *Le syndicat tient la direction de Renault pour
responsable de la fermeture*, *le maire a rendu la préfecture responsable des
inondations* → the verb's subject accuses the party of its object; in the passive (*X a été
tenu pour responsable par Y*) the agent accuses the subject. A verb of another sense
(*tenir une réunion*, *rendre visite*) never has such a predicate, and *le responsable de la
communication* (a noun of office, no blame verb above it) is none.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from veille.analysis.events.lexicon import EventLexicon
from veille.analysis.events.roles import RoleReader, Roles
from veille.analysis.syntax.view import token_view

_PREDICATE_LINKS = frozenset({"xcomp", "obl", "obl:mod", "obl:arg", "obj", "advcl", "acl"})


def blames(parsed: Doc, reader: RoleReader, lexicon: EventLexicon) -> Iterator[tuple[Token, Roles]]:
    """Yield the blame predicates that accuse a named party, with the blamer and the blamed."""
    if not lexicon.blame_words:
        return
    view = token_view(parsed)
    words, lower = lexicon.blame_words, view.lower  # asked of every word: read once
    for i, lemma in enumerate(view.lemma_lower):
        if lemma not in words and lower[i] not in words:
            continue
        word = view.tokens[i]
        verb = _blame_verb(word, lexicon)
        if verb is None:
            continue
        found = _parties(word, verb, reader)
        if found is not None:
            yield word, found


def _blame_verb(word: Token, lexicon: EventLexicon) -> Token | None:
    """Return the blame verb a predicate word hangs on, or None. The parser may hang the
    adjective on the object or on the object's complement (*a rendu la préfecture de
    l'Aveyron responsable*: an ``amod`` of *Aveyron*): it is climbed back to the object."""
    if word.dep_ in _PREDICATE_LINKS and word.head.lemma_.lower() in lexicon.blame_verbs:
        return word.head
    if word.dep_ != "amod":
        return None
    node = word.head
    for _ in range(3):
        if node.dep_ == "obj" and node.head.lemma_.lower() in lexicon.blame_verbs:
            return node.head
        if node.dep_ not in ("nmod", "amod") or node.head == node:
            return None
        node = node.head
    return None


def _parties(word: Token, verb: Token, reader: RoleReader) -> Roles | None:
    """Return the blamer and the blamed of a blame predicate, or None when one is unnamed."""
    passive = [c for c in verb.children if c.dep_ == "nsubj:pass"]
    if passive:  # X a été tenu pour responsable par Y
        agents = [c for c in verb.children if c.dep_ == "obl:agent"]
        # tenu pour responsable par Y: the parser may hang the agent on the predicate
        agents.extend(c for c in word.children if "par" in (k.lower_ for k in c.children if k.dep_ == "case"))
        judge = next((p for a in agents for p in [reader.group(a)] if p), [])
        judged = next((p for s in passive for p in [reader.group(s)] if p), [])
    else:
        objects = [c for c in verb.children if c.dep_ == "obj" and c != word]
        # tient X pour responsable: the parser may hang the object on the predicate
        objects.extend(c for c in word.children if c.dep_ in ("nsubj", "obj"))
        judged = next((p for o in objects if o.pos_ in ("NOUN", "PROPN") for p in [reader.group(o)] if p), [])
        judge = reader.subject(verb, agent=False) or []
    judged = [j for j in judged if j not in judge]
    named = [j for j in judge if reader.types.get(j) not in (None, "MISC")]
    targets = [j for j in judged if reader.types.get(j) not in (None, "MISC")]
    if not named or not targets:
        return None
    return Roles(tuple(judge), tuple(judged), None, 0)
