"""Say what shape a clause or phrase has around an event trigger: its preposition, whether
it is passive or relative, where its subject stands (read by the role reader)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Span, Token

from veille.analysis.lang.fr.words import OF, TO
from veille.analysis.syntax.tense import feature, participle
from veille.analysis.syntax.view import token_view
from veille.analysis.time.attach import in_timexes
from veille.model import Document, Mention, Timex


def case_of(token: Token) -> str | None:
    """Return the preposition that introduces a noun phrase (à, avec, contre, de…), lower-cased."""
    view = token_view(token.doc)  # children, labels and words off the columns: no Token made
    dep, i = view.dep, token.i
    for j in view.children(i):
        if dep[j] in ("case", "mark") and j < i:
            return view.lower[j]
    return None


def on_behalf(token: Token) -> bool:
    """Say whether a phrase is the locution *au nom de* (its head *nom* after *au*): its
    complement is the one the subject acts for (TLFi « nom »: *au nom de*, en représentant),
    never the one the act is done to (*Il a demandé, au nom de l'association, que …*)."""
    return token.lower_ == "nom" and case_of(token) == "au"


def is_relative(token: Token) -> bool:
    relative = ("qui", "que", "qu'", "lequel", "laquelle")
    return "Rel" in feature(token, "PronType") or token.lower_ in relative


def passive(verb: Token) -> bool:
    view = token_view(verb.doc)
    return any(view.dep[j] == "aux:pass" for j in view.children(verb.i))


def object_agents(verb: Token) -> list[Token]:
    """Return the *par* phrases the parser labelled the agent of an active verb, which
    belong to its object (*a dénoncé la gestion du dossier par la ministre*; *a dénoncé la
    décision prise par X*): a verb conjugated with *avoir* and no passive auxiliary has no
    agent, so the phrase after its object is the agent of the act the object names."""
    view = token_view(verb.doc)
    kids = view.children(verb.i)
    if passive(verb) or not any(view.dep[j] == "aux:tense" and view.lemma_lower[j] == "avoir" for j in kids):
        return []
    objects = [j for j in kids if view.dep[j] == "obj" and view.pos[j] == "NOUN"]
    return [view.tokens[j] for j in kids if view.dep[j] == "obl:agent" and objects and objects[0] < j]


def passive_like(verb: Token) -> bool:
    """Say whether a verb is passive: with *être*, or a past participle on a noun (un
    journaliste aspergé de gaz par des policiers; les violences commises par la milice)."""
    if passive(verb) or detached_participle(verb):
        return True
    dep = token_view(verb.doc).dep  # labels and children off the columns: no Token made
    return (
        dep[verb.i] in ("acl", "amod")
        and participle(verb)  # not a present the tagger calls one (l'AFD reproche au MSW …)
        and "Pres" not in feature(verb, "Tense")
        and not any(dep[j] in ("nsubj", "aux", "aux:tense") for j in token_view(verb.doc).children(verb.i))
    )  # not a relative clause the parser hung as acl (que Poutine a accusés)


def passive_voice(verb: Token) -> bool:
    """Say whether a verb is surely passive, so that only a par-agent can act: a passive
    shape without a reflexive clitic (the parser marks the être of a pronominal verb, *se
    sont rencontrés*, as a passive auxiliary)."""
    view = token_view(verb.doc)
    reflexive = any(view.lower[j] in ("se", "s'") for j in view.children(verb.i))
    return passive_like(verb) and not reflexive


# Coordinators after which a bare participle shares the clause of the verb before it
# (Grevisse § 269: the coordinated participles share the auxiliary and the subject).
_COORDINATORS = frozenset({"et", "puis", "mais", "ou"})
_SHARE_SPAN = 30  # words back to the first passive: one clause, not the article


def coordinated_passive_subject(verb: Token) -> Token | None:
    """Return the subject a bare past participle shares with the passive verb it is
    coordinated with (*X a été sanctionné par Y puis condamné par Z*: X undergoes both),
    wherever the parser hung it (a conjunct, or a participle of the agent's noun); None
    when the participle has an auxiliary, a subject or no agent of its own, or no passive
    verb stands before it in its sentence."""
    view = token_view(verb.doc)
    dep, i = view.dep, verb.i
    if not participle(verb) or "Pres" in feature(verb, "Tense"):
        return None
    kids = view.children(i)
    if any(dep[j].startswith(("aux", "nsubj", "expl")) for j in kids):
        return None
    if not any(dep[j] in ("obl:agent", "obl", "obl:mod") and case_of(view.tokens[j]) == "par" for j in kids):
        # the agent tells a passive; without one, an active sharing avoir (a critiqué X et sanctionné Y)
        return None
    before = i - 1
    while before > 0 and view.pos[before] == "ADV":
        before -= 1
    if view.lower[before] not in _COORDINATORS:
        return None
    start = max(verb.sent.start, i - _SHARE_SPAN)
    for j in range(before - 1, start - 1, -1):
        if view.pos[j] == "VERB" and passive(view.tokens[j]):
            subjects = [k for k in view.children(j) if dep[k] == "nsubj:pass" and k < j]
            return view.tokens[subjects[0]] if subjects else None
    return None


def subject_before(verb: Token) -> bool:
    view = token_view(verb.doc)
    return any(view.dep[j] == "nsubj" and j < verb.i for j in view.children(verb.i))


def verb_like(token: Token) -> bool:
    view = token_view(token.doc)
    return any(
        view.dep[j] in ("nsubj", "obl:agent") or view.dep[j].startswith("aux") for j in view.children(token.i)
    )


def detached_participle(verb: Token) -> bool:
    """Say whether a past participle opens a detached phrase that qualifies the subject of
    the clause after it (*Accusé de fraude par la sénatrice X, le cinéaste a démenti*;
    *Reçue jeudi par Y, Anne Morel a plaidé …*): a passive whose undergoer is that subject."""
    return detached_subject(verb) is not None


def detached_subject(verb: Token) -> Token | None:
    """Return the subject a detached participle qualifies, or None."""
    view = token_view(verb.doc)  # labels, words, heads and children off the columns
    dep, i = view.dep, verb.i
    if dep[i] not in ("advcl", "obl:mod", "acl", "xcomp", "ROOT"):
        return None
    if "Part" not in feature(verb, "VerbForm") or "Pres" in feature(verb, "Tense"):
        return None
    if any(
        dep[j].startswith(("nsubj", "aux", "expl")) or view.lower[j] in ("se", "s'") for j in view.children(i)
    ):
        return None
    head = view.tokens[view.head[i]] if view.head[i] != i else _next_root(verb)
    if head is None or view.pos[head.i] not in ("VERB", "AUX") or i > head.i:
        return None
    subject = next((j for j in view.children(head.i) if dep[j] in ("nsubj", "nsubj:pass") and j > i), None)
    if subject is None or "," not in view.text[i + 1 : subject]:
        return None  # a comma closes the phrase before the subject
    return view.tokens[subject]


def _next_root(verb: Token) -> Token | None:
    """Return the root of the piece the parser split off right after a participle that
    opens a sentence (*Reçue jeudi par Y, | la syndicaliste a plaidé*)."""
    if verb.i > 0 and verb.doc[verb.i - 1].text not in (".", "!", "?", "\n") and not verb.is_sent_start:
        return None
    for token in verb.doc[verb.i + 1 : verb.i + 40]:
        if token.text in (".", "!", "?", ";"):
            return None
        if token.dep_ == "ROOT" and token.head.i == token.i:
            return token
    return None


def prepositional(token: Token) -> bool:
    """Tell whether a phrase is opened by a preposition: such a phrase is never the subject,
    whatever the parser labels it (*Selon le quotidien X, le suspect aurait…*: the source of
    a report, read as the subject of *aurait*)."""
    view = token_view(token.doc)
    return any(view.dep[j] == "case" and j < token.i for j in view.children(token.i))


def in_time(token: Token, timexes: Sequence[Timex]) -> bool:
    """Say whether a word lies in a time expression of the document."""
    return in_timexes(timexes, token.idx)


def after_preposition(token: Token, entity_at: Callable[[int], str | None]) -> bool:
    """Say whether the name a word belongs to opens after a preposition (*à New Delhi*:
    the parser may hang *Delhi* alone on the verb, caseless)."""
    found = entity_at(token.idx)
    if found is None:
        return False
    doc, at = token.doc, token.i
    while at > 0 and entity_at(doc[at - 1].idx) == found:
        at -= 1
    return 0 < at < token.i and doc[at - 1].pos_ == "ADP"


def topic_of_noun(token: Token) -> bool:
    """Tell whether a noun trigger is only the topic of another noun (une exposition sur
    les échanges entre X et Y, un rapport sur les frappes): what a work or a debate is about
    is not told as an act that took place."""
    if token.pos_ != "NOUN" or token.head.pos_ != "NOUN" or token.head.i == token.i:
        return False
    return any(c.dep_ == "case" and c.lower_ == "sur" for c in token.children)


def own_date(word: Token, noun: Token) -> bool:
    """Tell whether a time expression below a noun trigger dates that noun, not a clause of
    its own inside the phrase (les discussions, une semaine après une réunion tenue le 30
    décembre: the participle dates the other meeting)."""
    node = word
    while node.head.i != node.i and node.head.i != noun.i:  # Token objects are made anew: compare indexes
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return False
    return True


def aimed(noun: Token) -> bool:
    """Say whether a complement says what an act is against (*mettre en garde X contre toute
    attaque*): a support verb's noun is its object or its *à / en / de* phrase, never that."""
    return any(c.dep_ == "case" and c.lower_ in ("contre", "envers", "sur") for c in noun.children)


def same_case(head: Token, conjunct: Token) -> bool:
    """Say whether a conjunct may belong to its head's phrase: a conjunct with a
    preposition of its own other than the head's belongs to another phrase the parser
    hung there (*une aide de 8 millions d'euros au Kirghizistan et au Tadjikistan*: the
    second country is a recipient like the first, not one of the aid's givers)."""
    own = case_of(conjunct)
    if own is None:
        return True
    theirs = case_of(head)
    for forms in (OF, TO):
        if own in forms:
            return theirs in forms
    return theirs is None or theirs == own


def present_participle(verb: Token) -> bool:
    """Say whether a verb is a present participle adjunct of its clause (*…, exhortant X à*,
    *…, appelant à*): an adverbial one, or one set off by a comma wherever the parser hung it
    (*a-t-il déclaré à la sortie de l'usine, appelant à …*: not *les manifestants appelant*)."""
    if "Part" not in feature(verb, "VerbForm") or "Pres" not in feature(verb, "Tense"):
        return False
    return verb.dep_ == "advcl" or (verb.dep_ == "acl" and verb.i > 0 and verb.doc[verb.i - 1].text == ",")


# The labels by which a word hangs inside the noun phrase of its head (complements,
# appositions, names, a participle, a conjunct: le plan présenté par le ministre X; la
# sécurité et la coopération).
_INSIDE_PHRASE = frozenset(
    {"nmod", "appos", "flat:name", "flat", "amod", "acl", "obl:agent", "obl:arg", "conj"}
)


def comma_relative(verb: Token, timexes: Sequence[Timex] = ()) -> Token | None:
    """Return the antecedent of an object relative set off by a comma (*un plan de sortie
    de crise, que le syndicat a rejeté*; *une médiation de l'OSCE (OSCE), que X a déclinée*):
    the parser often reads its *que* as a conjunction and hangs the clause anywhere (as the
    complement clause of the verb before it, or as an adverbial), but a *que* right after a
    comma, followed by the verb's own subject and no object (a weekday the parser took for
    one aside: ``_bare_day``), opens a relative whose object is the noun phrase the comma closes. Its head
    is found by climbing from the last word before the comma (before a bracket it closes)
    while the words stay inside that phrase."""
    doc, view = verb.doc, token_view(verb.doc)
    kids = view.children(verb.i)
    que = next((j for j in kids if j < verb.i and view.lower[j] in ("que", "qu'")), None)
    if que is None or que < 2 or view.text[que - 1] != ",":
        return None
    if not any(que < j < verb.i and view.dep[j] == "nsubj" for j in kids) or any(
        view.dep[j] == "obj" and j != que and not _bare_day(view.tokens[j], timexes) for j in kids
    ):
        return None
    last = que - 2
    if view.text[last] == ")":  # … de l'Organisation X (OSCE), que …: the phrase before it
        opening = next((j for j in range(last - 1, max(-1, last - 12), -1) if view.text[j] == "("), None)
        last = opening - 1 if opening is not None and opening > 0 else -1
    head = doc[last] if last >= 0 else None
    while head is not None and head.dep_ in _INSIDE_PHRASE and head.head.i < head.i:
        head = head.head
    return head if head is not None and head.pos_ in ("NOUN", "PROPN") else None


def _bare_day(token: Token, timexes: Sequence[Timex]) -> bool:
    """Say whether an object the parser found is a time word: in a time expression, or a
    common noun with no determiner (*a déclinée lundi*), which no object relative has."""
    view = token_view(token.doc)
    if in_time(token, timexes):
        return True
    return view.pos[token.i] == "NOUN" and not any(view.dep[c] == "det" for c in view.children(token.i))


def fronted(phrase: Token, verb: Token) -> bool:
    """Say whether a prepositional phrase is a fronted adjunct set off by a comma before its
    verb (*À Genève, le délégué X a demandé …*; *À Moscou, le ministère russe a proposé …*):
    a verb's à-, avec- or contre-complement follows it (a clitic or a relative pronoun
    stands before it, not a phrase and a comma), so such a phrase is where or when, never
    the party asked, met or promised to."""
    if phrase.i > verb.i:
        return False
    doc = phrase.doc
    end = max(t.i for t in phrase.subtree if t.pos_ != "PUNCT") + 1  # the comma may hang on it
    return end < verb.i and doc[end].text == ","


def bare_address(token: Token, previous: Token | None = None) -> bool:
    """Say whether a word opens an address told without article nor preposition (*a reçu
    l'intersyndicale vendredi rue de Grenelle*, *recevra les syndicats lundi place
    Beauvau*): a lower-case common noun with no determiner before it, followed by its
    name. French places a street in a bare noun phrase (Grevisse, *Le Bon Usage*, the
    complement of place without preposition: *habiter rue de Rivoli*); an object or a
    party always takes a determiner unless it is a proper name (*a reçu Paul Girard*), so
    such a phrase is where, never who."""
    if token.pos_ != "NOUN" or not token.text.islower() or token.i + 1 >= len(token.doc):
        return False
    if previous is not None and previous.pos_ in ("DET", "ADP", "ADJ", "NUM"):
        return False
    if any(c.dep_ in ("det", "case", "nummod") and c.i < token.i for c in token.children):
        return False
    after = token.doc[token.i + 1]
    if after.lower_ in ("de", "du", "des", "d'", "d’"):
        after = token.doc[token.i + 2] if token.i + 2 < len(token.doc) else after
    return after.text[:1].isupper()


def street_parties(
    doc: Document, sentence: Span, places: list[tuple[str, Mention]] | None = None
) -> frozenset[str]:
    """Return the places a sentence names as a bare address (:func:`bare_address`: *a reçu
    les deux camps rue de Valois*): where something happens, so no party of it, whichever
    phrase the parse hung the name on (an object's de-complement, its owner). ``places``:
    ``lowercase_places(doc)``, read once a document by a caller asking of every sentence."""
    found = set()
    tokens = sentence.doc
    for entity_id, mention in lowercase_places(doc) if places is None else places:
        if sentence.start_char <= mention.start < sentence.end_char:
            span = tokens.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and bare_address(span[0], tokens[span[0].i - 1] if span[0].i else None):
                found.add(entity_id)
    return frozenset(found)


def lowercase_places(doc: Document) -> list[tuple[str, Mention]]:
    """Return the mentions of places written with a lower-case first letter (*rue de
    Valois*), each with its entity's id, in the document's order: the only ones
    :func:`street_parties` reads."""
    return [(e.id, m) for e in doc.entities if e.type == "LOC" for m in e.mentions if m.text[:1].islower()]
