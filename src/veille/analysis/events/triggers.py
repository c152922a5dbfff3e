"""Find the trigger row a word opens in the PLOVER table: a fixed phrase, a verb (with the
participles and homographs the tagger reads as nouns or adjectives) or a noun.

The events stage asks :func:`match_trigger` of every word whose tag or lemma may open a
row (:data:`TRIGGER_TAGS`); a support verb that only carries a noun trigger of its clause
(:func:`light_verb`) and the aid that a ``mat`` row needs as its object
(:func:`material_object`) are read here too, from the same table and the parse.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from veille.analysis.events.lexicon import EventLexicon, Trigger
from veille.analysis.events.senses import accept
from veille.analysis.events.shape import aimed, topic_of_noun
from veille.analysis.parse import doc_text
from veille.analysis.syntax.view import token_view


def match_trigger(token: Token, lexicon: EventLexicon) -> Trigger | None:
    """Return the trigger row that ``token`` opens, or None (hard negatives included)."""
    trigger = _trigger_row(token, lexicon)
    if trigger is None or topic_of_noun(token):
        return None
    rest = doc_text(token.doc)[token.idx : token.idx + 40].lower()
    if rest.startswith(lexicon.blocks):  # blocks: a tuple, any of them
        return None
    # The blocked phrase with the trigger word as its lemma: the table holds échange de tirs,
    # and the plural (des échanges de tirs) is the same phrase.
    lemma = token.lemma_.lower()
    if lemma != token.lower_ and (lemma + rest[len(token.text) :]).startswith(lexicon.blocks):
        return None
    return trigger


def _trigger_row(token: Token, lexicon: EventLexicon) -> Trigger | None:
    view, i = token_view(token.doc), token.i  # asked of every token: read off the shared view
    lemma, lower, pos = view.lemma_lower[i], view.lower[i], view.pos[i]
    for key in (lemma,) if lower == lemma else (lemma, lower):  # the form too: mesures, not mesure
        for words, trigger in lexicon.phrase_heads.get(key, ()):
            if _phrase_follows(token, words):
                return trigger
    if pos in ("VERB", "ADJ", "NOUN"):  # no other tag is ever verbal
        row = lexicon.verb_trigger(lemma, view.text[i])  # a lookup first, the parse's walk after
        if row is not None and is_verbal(token):
            return row
    if pos == "NOUN" or (pos == "ADP" and _mistagged_noun(view.pos, view.lower, i)):
        singular = lemma if lemma in lexicon.nouns else lemma.rstrip("s")
        return lexicon.nouns.get(singular)
    return None


# The tags of a word that may open a trigger other than a phrase's (_trigger_row).
TRIGGER_TAGS = frozenset({"VERB", "ADJ", "NOUN", "ADP"})


def _mistagged_noun(pos: list[str], lower: list[str], i: int) -> bool:
    """Say whether word ``i`` (the view's columns), tagged as a preposition, is a noun (*de
    nouvelles frappes*: a preposition never follows an adjective or an article of its own
    phrase)."""
    return i > 0 and pos[i - 1] in ("ADJ", "DET") and lower[i] not in ("de", "des", "du")


def light_verb(verb: Token, lexicon: EventLexicon, phrase: Trigger | None = None) -> bool:
    """Say whether a verb only carries a noun trigger of its clause (donner son feu vert,
    fournir une aide): the noun then codes the event, not the verb. Only support verbs are
    light (events_lexicon.json light_verbs): *rejeter la demande de X* is a REJECT. A noun
    of purpose is no support verb's noun (*a été reçue par X pour un entretien*: the
    reception is the meeting, the verb codes it). A word of the verb's own fixed phrase
    (``phrase``, the row it opens) whose row codes another type carries nothing: *faire
    appel* is an appeal (REJECT), not the call the noun *appel* codes alone."""
    if verb.lemma_.lower() not in lexicon.light_verbs:
        return False
    own = set(phrase.lemma.split()[1:]) if phrase is not None and phrase.pos == "VERB" else set()
    phrase_type = phrase.type if phrase is not None else None
    for child in verb.children:
        if child.dep_ not in ("obj", "obl", "obl:mod", "obl:arg", "nmod") or aimed(child) or _purpose(child):
            continue
        # The noun itself, or one phrase down when the parser hung it on a neighbour.
        for token in (child, *(c for c in child.children if c.dep_ in ("nmod", "appos"))):
            row = match_trigger(token, lexicon) if token.pos_ == "NOUN" else None
            if row is not None and token.lemma_.lower() in own and row.type != phrase_type:
                continue  # faire appel: the phrase's own noun, of another type
            if row is not None and accept(token, row, lexicon, True):  # not à l'appel de X
                return True
    return False


def _purpose(noun: Token) -> bool:
    """Say whether a complement is a purpose phrase (*pour un entretien*)."""
    return any(c.dep_ == "case" and c.lower_ == "pour" for c in noun.children)


def _phrase_follows(token: Token, words: Sequence[str]) -> bool:
    view = token_view(token.doc)  # the words after it read off the view: no Token made
    pos, lower, lemma = view.pos, view.lower, view.lemma_lower
    at = token.i + 1
    if pos[token.i] in ("VERB", "AUX"):
        # Adverbs may stand between a verb and the rest of its phrase (s'en est pris
        # violemment à X, a porté aussitôt plainte); the phrase itself stays whole.
        while at < len(pos) and pos[at] == "ADV" and lower[at] not in ("ne", "pas", "n'"):
            at += 1
    for offset, word in enumerate(words):
        if at + offset >= len(pos):
            return False
        # The form or the lemma: the lemmatiser reads commune as commun, mesures as mesure.
        if word not in (lemma[at + offset], lower[at + offset]):
            return False
    return True


def is_verbal(token: Token) -> bool:
    """Say whether a token is a verb; the parser tags some participles as nouns
    (*qui les ont données*, *en avertissant*), recognisable by their auxiliary or *en*."""
    if token.pos_ == "VERB":
        return True
    if token.pos_ == "ADJ" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].pos_ == "DET":
        # A verb the tagger took for an adjective (La Russie pilonne la ville): an
        # adjective is not followed by an article; the form is then read as a verb's.
        return token.i > 0 and token.doc[token.i - 1].pos_ in ("PROPN", "NOUN", "PRON")
    if token.pos_ != "NOUN":
        return False
    if any(child.dep_.startswith("aux") for child in token.children):
        return True
    if _predicate_noun(token):
        return True
    return token.text.lower().endswith("ant") and token.i > 0 and token.doc[token.i - 1].lower_ == "en"


def _predicate_noun(token: Token) -> bool:
    """Say whether a noun the parser made the predicate of a subject is a verb's form
    (*Son fondateur, X, demande au Parlement de …*: the homograph *demande* read as a noun
    whose subject the parser still found). A noun of its own never has a nominal subject
    unless it is an attribute (*X est une demande*: a copula) or has an article. A word
    with a subordinating mark (*suggère que la France sanctionne …*, parsed flat) stays a
    noun: the parse lost the clause above it, and with it what says whether it happened."""
    children = list(token.children)
    return any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN", "PRON") for c in children) and not any(
        c.dep_ in ("cop", "det", "case", "mark") for c in children
    )


# The relative pronoun object of a verb (le récit qu'elle livre): its noun is the object.
_RELATIVE_OBJECTS = frozenset({"que", "qu'", "qu’"})


def material_object(verb: Token, lexicon: EventLexicon) -> bool:
    """Say whether what a verb sends is aid (des équipes de secours, 50 millions d'euros),
    not a message or an envoy: a word of the aid list in its object's phrase."""
    if any(c.dep_ == "obj" and c.pos_ == "PRON" and c.lower_ not in _RELATIVE_OBJECTS for c in verb.children):
        return True  # a clitic (les donner à l'Ukraine) points back to what was named before
    if any(c.dep_ == "obj" and c.lower_ in _RELATIVE_OBJECTS for c in verb.children):
        # les armes qu'il livre à Kiev / le récit qu'elle livre au Monde: what the relative's
        # noun names is what is sent
        antecedent = verb.head
        return antecedent.lemma_.lower() in lexicon.material or antecedent.lower_ in lexicon.material
    scope = [t for c in verb.children if c.dep_ in ("obj", "obl", "obl:mod") for t in c.subtree]
    scope.extend(verb.doc[verb.i + 1 : verb.i + 6])  # an object the parser hung elsewhere
    return any(t.lemma_.lower() in lexicon.material or t.lower_ in lexicon.material for t in scope)
