"""Read the roles of a noun trigger and of places as targets.

A noun trigger is either an act named after its author (*le soutien du PSG*, *les
sanctions du Canada contre la Russie*: the *de*-complement acts) or the nominalisation of a
transitive verb (*l'arrestation de X par la police*, *le bombardement des écoles par
l'aviation*, *les violences commises par la milice*: the *de*-complement undergoes, the
*par*-agent acts). Without a named agent in the phrase, the subject of the governing verb
acts when the noun is its direct complement (*Quito a décidé le rappel de son
ambassadeur*), not when it sits in an adjunct (*en raison d'une condamnation*).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from veille.analysis.events.authors import national
from veille.analysis.events.lexicon import load_event_lexicon
from veille.analysis.events.placements import placed_roles
from veille.analysis.events.shape import case_of, in_time, passive
from veille.analysis.events.slots import CONSTRUCTION_SLOTS
from veille.analysis.events.spans import clause_window, linear_complement
from veille.analysis.lang.fr.countries import demonym
from veille.analysis.lang.fr.words import ARTICLES, CONTRACTED, CONTRACTED_PLURAL, OF
from veille.analysis.syntax.tense import feature
from veille.analysis.syntax.view import token_view

if TYPE_CHECKING:
    from veille.analysis.events.roles import RoleReader

# How a nominalisation may hang on the verb whose subject then acts: its direct object or
# argument (décider le rappel, procéder à l'arrestation), or the passive subject.
_GOVERNED = frozenset({"obj", "obl:arg", "xcomp", "nsubj:pass"})
_TARGET_CASES = frozenset({"à", "au", "aux", "en", "dans", "sur", "contre", "vers"})
_SCOPE = 40
# appeler à la grève, au boycott contre X: the caller leads the protest it calls (the
# factivity rule drops every other act under appeler); not a support verb, since
# *appeler X au dialogue* is a request of its own.
_CALLS = frozenset({"appeler"})
_NEAR_WORDS = 8  # an object's phrase right after its verb
_SPECIAL_SLOTS = frozenset({"obj", "objdirect", "ccomp", "recip", "loc", "entre"}) | CONSTRUCTION_SLOTS


# Verbs whose present participle after an act names its target (French press usage:
# une enquête visant, des frappes ciblant); dictionary sense "avoir pour cible".
_AIMING = frozenset({"viser", "cibler"})
# How the parse hangs the de-phrase of *obtenir de X une N* on the verb.
_SOURCE_DEPS = frozenset({"obl:arg", "obl", "obl:mod", "obj", "iobj"})


def par_agent(reader: RoleReader, noun: Token) -> list[str]:
    """Return the entities of a noun's *par*-complement (le bombardement par l'aviation)."""
    for child in noun.children:
        if child.dep_ in ("nmod", "obl:agent", "obl") and case_of(child) == "par":
            found = reader.group(child) or national(reader, child)  # par l'aviation éthiopienne
            if found:
                return found
    # The parser often hangs the par-phrase on the verb (à cause de l'invasion de X par Y).
    found = participle_agent(reader, noun) or linear_complement(
        noun, ("par",), reader.index.entity_at, reader.doc.timexes
    )
    # A national body's par-phrase hung deeper in the phrase (de Kessala par l'aviation X).
    pars = (t.head for t in noun.subtree if t.dep_ == "case" and t.lower_ == "par" and t.head != noun)
    return found or next((f for h in pars if (f := national(reader, h))), [])


def participle_agent(reader: RoleReader, noun: Token) -> list[str]:
    """Return the *par*-agent of a participle on a noun (les violences commises par la
    milice, la réunion convoquée par le ministre). A participle of judgement or of taking a
    side (*jugée « excessive » par X*, *contesté par X*, *salué par X*) names who comments
    on the thing, not its author or holder: its agent is skipped."""
    view = token_view(noun.doc)  # children and labels off the columns: no Token made
    dep = view.dep
    commenting = reader.judging_verbs | reader.evaluating_verbs
    for child in view.child_tokens(noun.i):
        if dep[child.i] not in ("acl", "amod") or "Part" not in feature(child, "VerbForm"):
            continue
        if view.lemma_lower[child.i] in commenting:
            continue  # le plan, contesté par la CGT: the CGT comments, it is not the author
        for inner in view.child_tokens(child.i):
            # (menée mardi par X: after a time word the parser labels the agent obl:mod)
            if dep[inner.i] in ("obl:agent", "obl", "obl:mod", "nmod") and case_of(inner) == "par":
                found = reader.group(inner) or national(reader, inner)  # commises par l'armée X
                if found:
                    return found
    return []


def act_agent(reader: RoleReader, noun: Token) -> list[str]:
    """Return the author of an act a noun names when it can have one (the *par*-agent of
    *le bombardement de X par Y*, the country of *les frappes russes*), else []."""
    if noun.lemma_.lower() not in reader.patient_nouns:
        return []
    return par_agent(reader, noun) or national(reader, noun)


def agent_complements(noun: Token) -> list[Token]:
    """Return the phrases the parser hung on the *par*-agent of a participle on a noun
    trigger, which complement the noun (*les violences commises par X contre Y*: contre Y)."""
    view = token_view(noun.doc)  # children, labels and tags off the columns: no Token made
    dep, tokens = view.dep, view.tokens
    if view.pos[noun.i] != "NOUN":
        return []
    return [
        tokens[inner]
        for child in view.children(noun.i)
        if dep[child] == "acl" and "Part" in feature(tokens[child], "VerbForm")
        for agent in view.children(child)
        if dep[agent] == "obl:agent"
        for inner in view.children(agent)
        if dep[inner] == "nmod"
    ]


def target_place(reader: RoleReader, node: Token) -> list[str]:
    """Return a place an armed act is aimed at: a LOC entity in an à, en, dans, sur, contre
    or vers phrase of the trigger's phrase or clause (un raid dans le nord de l'Irak)."""
    if node.pos_ != "NOUN":
        # bombardé le village de Kourtéyé: the place that owns the object is the target
        for child in node.children:
            if child.dep_ == "obj" and child.pos_ == "NOUN":
                found = next((e for e in reader.owner(child) if reader.types.get(e) == "LOC"), None)
                if found is not None:
                    return [found]
    scope = node.subtree if node.pos_ == "NOUN" else (t for c in node.children for t in c.subtree)
    for count, token in enumerate(scope):
        if count > _SCOPE:
            break
        if case_of(token) not in _TARGET_CASES:
            continue
        found = reader.index.entity_at(token.idx)
        if found is None:
            found = next((e for e in reader.owner(token) if reader.types.get(e) == "LOC"), None)
        if found is not None and reader.types.get(found) == "LOC":
            return [found]
    return _place_after(reader, node) if node.pos_ != "NOUN" else []


def _place_after(reader: RoleReader, verb: Token) -> list[str]:
    """Return the place the first noun phrase after a verb names or belongs to (*pilonne la
    ville de Kharkiv*), read from the word order when the parse lost the verb's object."""
    previous: Token | None = None
    for token in clause_window(verb)[:_NEAR_WORDS]:
        if token.i <= verb.i:
            continue
        found = reader.index.entity_at(token.idx)
        if found is not None:
            return [found] if reader.types.get(found) == "LOC" else []
        owner = token.lower_ in OF and previous is not None and previous.pos_ == "NOUN"
        if token.pos_ not in ("DET", "NOUN", "ADJ", "NUM") and not owner:
            return []  # not a bare noun phrase (au-delà d'Israël, à Gaza): no object here
        previous = token
    return []


def _between_on_verb(reader: RoleReader, noun: Token) -> list[str]:
    """Return the parties of an *entre* phrase in the clause of the verb a noun trigger is
    the subject or object of (*Un accord a été signé mardi entre X et Y*; *une rencontre a
    eu lieu lundi à Genève entre X et son homologue Y*): the verb only tells that the act
    took place, its *entre* phrase names who took part. The parser hangs that phrase on any
    word of the clause, so it is read from the word order, inside the verb's subtree."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubj:pass", "obj") or verb.pos_ not in ("VERB", "AUX"):
        return []
    inside = {t.i for t in verb.subtree}
    for word in verb.doc[noun.i + 1 : verb.sent.end]:
        if word.lower_ != "entre" or word.dep_ != "case" or word.head.i not in inside:
            continue
        if _qualifies_a_thing(reader, noun, word):
            return []  # une déclaration sur les corridors entre Anvers et Rotterdam: the corridors'
        heads = [word.head, *(t for t in word.head.subtree if t.dep_ == "conj")]
        return list(dict.fromkeys(e for h in heads for e in reader.group(h)))
    return []


def _qualifies_a_thing(reader: RoleReader, noun: Token, between: Token) -> bool:
    """Say whether an *entre* phrase follows another common noun than the trigger, past its
    adjectives (*les corridors ferroviaires entre A et B*, *la frontière entre A et B*): it
    says what joins that thing, not who took part in the act. A day (*signé mardi entre*)
    and a place (*à Genève entre*) leave the phrase to the verb."""
    before = between.i - 1
    while before > noun.i and between.doc[before].pos_ == "ADJ":
        before -= 1
    word = between.doc[before]
    return (
        before > noun.i
        and word.pos_ == "NOUN"
        and not in_time(word, reader.doc.timexes)
        and reader.index.entity_at(word.idx) is None  # à La Paz entre: a place named, tagged a noun
    )


# Nouns that set an act beside or before an event they name (*ont signé en marge de la
# réunion un accord*, *à la veille du sommet*): the clause's subject did something else
# there, so it is not the event's party (the event is not told, only its occasion).
_FRAMING = frozenset({"marge", "veille"})
_DEFINITE_CASES = CONTRACTED | CONTRACTED_PLURAL  # du, des, au, aux: the article inside the preposition


def lends_subject(reader: RoleReader, noun: Token, governor: Token, inverting: frozenset[str]) -> bool:
    """Say whether the subject of the verb above a noun trigger is the noun's actor: only
    a support verb's (mener des frappes, apporter son soutien; G. Gross 1996) or an
    inverting verb's (recevoir l'aide de X), and only when no adjective of nationality names
    the act's own author (la frappe israélienne, l'aide européenne) and the noun is not
    the complement of another trigger noun's support verb (mettre son veto à l'aide)."""
    lemma = governor.lemma_.lower()
    if any(c.dep_ == "amod" and c.i > noun.i and demonym(c.text) is not None for c in noun.children):
        return False
    if lemma in _FRAMING:
        return False  # en marge de la réunion, à la veille du sommet: the act is beside it
    nested = governor.pos_ == "NOUN" and governor.dep_ == "nmod" and governor.head.pos_ == "NOUN"
    if nested and _definite(noun):
        # le mécanisme de surveillance de la trêve, le comité de suivi du cessez-le-feu: a
        # definite act two nouns down names one already known, which the thing is about;
        # the clause's subject runs the thing, it does not do the act.
        return False
    if governor.pos_ != "VERB" or lemma in inverting or lemma == "objet":
        return True  # a noun above (à l'issue d'une rencontre): the chain climbs to its verb
    if lemma not in reader.light_verbs and lemma not in _CALLS:
        return False
    # The verb's own object carries it (mis son veto à l'aide): not this noun's verb.
    objects = [c for c in governor.children if c.dep_ == "obj" and c.pos_ == "NOUN" and c.i < noun.i]
    return noun.dep_ == "obj" or all(in_time(c, reader.doc.timexes) for c in objects)


def _definite(noun: Token) -> bool:
    """Say whether a noun is determined by a definite article (*la trêve*, *du cessez-le-feu*)."""
    return any(
        (c.dep_ == "det" and c.lower_ in ARTICLES) or (c.dep_ == "case" and c.lower_ in _DEFINITE_CASES)
        for c in noun.children
    )


def obtained_from(reader: RoleReader, noun: Token, governor: Token) -> list[str]:
    """Return the party an act is obtained from (*obtenir de X une N*): the *de*-phrase of
    *obtenir* told before its object is the source of what is obtained, so X does the act
    (TLFi « obtenir »: « obtenir qqc. de qqn », se faire accorder par lui). A *de*-phrase
    after the object hangs on the noun and is read there (*obtenir le soutien de X*)."""
    if governor.lemma_.lower() != "obtenir" or noun.dep_ != "obj":
        return []
    for child in governor.children:
        if child.i < noun.i and child.dep_ in _SOURCE_DEPS and _source_case(child):
            return [e for e in reader.group(child) if reader.can_act(e)]
    return []


def _source_case(phrase: Token) -> bool:
    """Say whether a phrase opens with *de* (the parse tags *de l'Allemagne* as a partitive
    determiner, *du Conseil* as a case)."""
    return any(c.i < phrase.i and c.dep_ in ("case", "det") and c.lower_ in OF for c in phrase.children)


def _phrase_tail(noun: Token) -> list[Token]:
    """Return the last words of a fixed phrase a noun trigger opens (*fin de non-recevoir*,
    *mise en demeure*): the parser hangs the phrase's complement on its last word (*une fin
    de non-recevoir à la CGT*: à la CGT under non-recevoir). A common noun or verb right
    after the trigger, with only a preposition between."""
    doc = noun.doc
    return [
        child
        for child in noun.children
        if child.dep_ in ("acl", "nmod")
        and child.pos_ in ("NOUN", "VERB")
        and noun.i + 1 < child.i <= noun.i + 3
        and all(doc[j].pos_ in ("ADP", "SCONJ") for j in range(noun.i + 1, child.i))
    ]


def noun_roles(
    reader: RoleReader,
    noun: Token,
    chain: list[Token],
    slots: tuple[str, ...],
    actor_de: bool,
    inverting: frozenset[str],
    actor_par: bool = False,
) -> tuple[list[str], list[str], int | None]:
    """Read a noun trigger: *discussions entre A, B et C*, *le soutien du PSG*, *une plainte
    contre X* told by the verb's subject, inverted by *recevoir*, *l'arrestation de X par Y*."""
    placed = placed_roles(reader, noun, load_event_lexicon().placing_verbs)
    if placed is not None:
        return placed  # placer X en garde à vue: the verb's subject and object
    actors: list[str] = []
    recipients: list[str] = []
    depth: int | None = None
    kids = token_view(noun.doc).child_tokens(noun.i)  # the noun's children, no Token made
    for child in kids if "entre" in slots else ():
        if case_of(child) == "entre":
            between = next((c for c in child.children if c.lower_ == "entre"), None)
            if between is not None and _qualifies_a_thing(reader, noun, between):
                return [], [], None  # une déclaration sur les corridors entre A et B: the corridors'
            parties = reader.group(child)
            if any("Yes" in d.morph.get("Poss", []) for d in child.children if d.dep_ == "det"):
                # *accueillir des discussions entre ses deux voisins*: the owner of *ses* (the
                # subject above, the host) is by construction none of the parties.
                owner = set(reader.actors_of_verb(chain)[0]) if chain else set()
                parties = [p for p in parties if p not in owner]
            if len(parties) >= 2:
                return parties[:1], parties[1:], 0
            # The talks are the others' (between two sides the text does not both name):
            # neither a host nor the subject above is a party of them.
            return [], [], None
    parties = _between_on_verb(reader, noun) if "entre" in slots else []
    if len(parties) >= 2:
        return parties[:1], parties[1:], 0
    if actor_par:
        actors = par_agent(reader, noun)
        depth = 0 if actors else None
    elif actor_de:
        direct = [c for c in kids if c.dep_ in ("nmod", "obl:agent") and case_of(c) == "par"]
        actors = next((found for c in direct for found in [reader.group(c)] if found), [])
        if not actors and "par" not in slots:
            # l'attaque perpétrée par X; a meeting's convener (convoquée par) is its host instead
            actors = participle_agent(reader, noun)
        depth = 0 if actors else None
        if actors:
            slots = (*slots, "de")  # l'attaque de Kiev par la Russie: the de-complement undergoes
        for child in () if actors else kids:
            if child.dep_ == "nmod" and case_of(child) in OF:
                # A place that is not a country is where it happens (les entretiens du Kremlin).
                actors = [a for a in reader.group(child) if reader.can_act(a)]
                if actors:
                    depth = 0
                    break
    if not actors:
        actors = national(reader, noun)  # une frappe américaine: the United States strike
        depth = 0 if actors else depth
    governor = noun.head if noun.dep_ not in ("nsubj", "ROOT") else None
    if governor is not None and governor.lemma_ == "objet" and governor.head != governor:
        governor = governor.head  # faire l'objet d'une plainte
    if actor_par and (noun.dep_ not in _GOVERNED or (governor and governor.lemma_ not in reader.light_verbs)):
        # en raison d'une condamnation, ralentir le financement: the subject did not do it;
        # a support or decision verb's subject does (décider le rappel, procéder à l'arrestation).
        governor = None
    if governor is not None and not actors and not lends_subject(reader, noun, governor, inverting):
        # a condamné la frappe israélienne contre le Qatar, a mis son veto à l'aide
        # européenne: the act has an author of its own, not the subject of the verb above.
        governor = None
    inverted = governor is not None and (
        governor.lemma_ in inverting
        or noun.head.lemma_ in inverting
        or any(c.dep_ == "obj" and c.lemma_ in inverting for c in governor.children)
    )
    if inverted and governor is not None:
        source = obtained_from(reader, noun, governor)
        if source:  # obtenir de la Cour une condamnation de X: the Court condemns X
            own = reader.owner(noun) if "de" in slots else []
            return source, own or reader.subject(governor, agent=False) or [], 0
        return actors, reader.subject(governor, agent=False) or [], depth
    if governor is not None and passive(governor) and governor.pos_ != "NOUN":
        # A passive light verb (Meta a été mis à l'amende par la CNIL): the par-agent
        # acts on the passive subject.
        agent = reader.subject(governor, agent=True)
        if agent:
            return agent, reader.object(governor), 0
    verb_depth: int | None = None
    if governor is not None:
        found_actors, found_depth = reader.actors_of_verb(chain[1:])
        verb_depth = None if found_depth is None else found_depth + 1
        if not actors:
            actors, depth = found_actors, verb_depth
    # A participle of aim after the noun names its target (une enquête visant X, des
    # sanctions ciblant Y): the participle's object, as a contre-phrase would.
    for child in kids:
        if child.dep_ == "acl" and child.lemma_.lower() in _AIMING:
            aimed = [p for c in child.children if c.dep_ == "obj" for p in reader.group(c)]
            if aimed:
                return actors, aimed, depth
    # The complement may hang from the noun or from the verbs of its clause
    # (instituer une plainte … contre le juge, attached to décider).
    # Every slot in the parse first, then in the word order: a parsed en-phrase beats a
    # later à-phrase the word order reaches (la visite de X en Chine, …, à la Cité).
    scope = [*chain[: (verb_depth or 1) + 1], *_phrase_tail(noun)]
    for linear in (False, True):
        prepositions = tuple(s for s in slots if s not in _SPECIAL_SLOTS)
        if linear and prepositions:
            # The nearest phrase of any of the row's prepositions (la visite de X en Chine).
            recipients = linear_complement(noun, prepositions, reader.index.entity_at, reader.doc.timexes)
            if recipients:
                return actors, recipients, depth
        for slot in slots:
            for node in scope:
                if node != noun and slot in ("obj", "de"):
                    continue  # the patient of a nominalisation is its own de-complement
                recipients = reader.by_slot(node, slot, linear)
                if recipients:
                    return actors, recipients, depth
    if governor is not None and case_of(noun) in OF and governor.lemma_.lower() in reader.light_verbs:
        # assurer Vilnius de son soutien: a support verb whose noun is its de-phrase gives
        # the noun its own object as the recipient (G. Gross 1996: the noun's argument raised);
        # not a noun aimed at (mettre en garde X contre toute incursion).
        recipients = reader.by_slot(governor, "objdirect", True)
    return actors, recipients, depth
