"""Read the direct object of an event verb: the party it acts on.

The parse's object is the usual answer; the numbered cases of :func:`direct_object` say
why a passive's subject, a relative's antecedent, an undergoer set off before the clause,
the owner of a thing (*a dénoncé son projet*) or an act's author (*condamné l'attaque menée
par le Hamas*) stands in for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from veille.analysis.events.authors import adjective_country, national
from veille.analysis.events.control import passive_pronoun, possessor
from veille.analysis.events.lexicon import load_event_lexicon
from veille.analysis.events.nominal import act_agent, par_agent, participle_agent
from veille.analysis.events.shape import (
    after_preposition,
    bare_address,
    case_of,
    comma_relative,
    coordinated_passive_subject,
    detached_subject,
    in_time,
    is_relative,
    object_agents,
    subject_before,
)
from veille.analysis.syntax.tense import feature
from veille.analysis.syntax.view import token_view

if TYPE_CHECKING:
    from veille.analysis.events.roles import RoleReader


def direct_object(reader: RoleReader, verb: Token, owner: bool = True) -> list[str]:
    """Return the direct object: a passive's subject, a relative's antecedent (les alliés,
    que Poutine a accusés), else the object or, when it names no entity and ``owner``
    allows it, its owner (not for *recevoir*: a letter from X is not a visit of X)."""
    view = token_view(verb.doc)  # children, labels and heads off the columns: no Token made
    dep, kids, above = view.dep, view.child_tokens(verb.i), view.tokens[view.head[verb.i]]
    passive = any(dep[c.i] == "aux:pass" for c in kids)
    if (undergoer := coordinated_passive_subject(verb)) is not None:
        # X a été arrêté par Y puis inculpé par Z: X undergoes both, wherever the parser
        # hung the second participle (on Y's noun: not Y)
        return reader.group(undergoer) if view.pos[undergoer.i] != "PRON" else reader.pronoun(undergoer) or []
    if not passive and "Part" in feature(verb, "VerbForm") and any(dep[c.i] == "obl:agent" for c in kids):
        # A bare participle with a par-agent is passive (reste bloquée par Ankara): its
        # subject is the subject of the verb above, or the noun it qualifies.
        if dep[verb.i] == "xcomp":
            for child in view.child_tokens(above.i):
                if dep[child.i] in ("nsubj", "nsubj:pass"):
                    return reader.group(child) or reader.owner(child)
        if dep[verb.i] in ("acl", "amod"):
            return reader.group(above) or reader.owner(above)
    if (antecedent := comma_relative(verb, reader.doc.timexes)) is not None:  # un plan, que X a rejeté
        # A thing's phrase may hold a name that is not its author (une médiation de l'OSCE):
        # only a party named at the phrase's head is the object itself.
        named = reader.index.entity_at(antecedent.idx) is not None
        return reader.group(antecedent) if named else thing_author(reader, antecedent)
    if (undergoer := detached_subject(verb)) is not None:  # Accusé de fraude par X, Y a démenti
        return reader.group(undergoer) if view.pos[undergoer.i] != "PRON" else reader.pronoun(undergoer) or []
    for child in kids:
        if dep[child.i] == "nsubj" and child.i > verb.i and subject_before(verb):
            return reader.group(child)  # the parser's second subject is the object
    subjects = [c for c in kids if passive and dep[c.i] in ("nsubj:pass", "nsubj")]
    for n, child in enumerate(subjects):
        if is_relative(child):  # (l'offre de X, qui a été rejetée par Y: X's offer)
            found = reader.group(above) or thing_author(reader, above, governed=False)
            return found if dep[verb.i].startswith("acl") else []
        if view.pos[child.i] == "PRON":
            return passive_pronoun(reader, verb, child)
        if (
            n + 1 < len(subjects)
            and _restated(child, subjects[n + 1])
            and view.pos[subjects[n + 1].i] == "PROPN"
        ):
            continue  # L'ancien trésorier du club X, Paul R., a été condamné: Paul R., not the club
        # Le bombardement de X par Y a été condamné: the act's author is blamed
        found = (
            act_agent(reader, child) or reader.group(child) or reader.owner(child) or national(reader, child)
        )
        if found:
            return found
        if n + 1 < len(subjects) and _restated(child, subjects[n + 1]):
            continue  # La figure de l'opposition, Marta Villalba, a été arrêtée: the name
        return possessor(reader, verb, child)  # Sa décision a été critiquée par X
    if passive and not subjects and dep[verb.i] == "xcomp":
        # Paul Durand doit être reçu par X: a passive infinitive undergoes for the subject
        # of the verb it complements (raising, subject control), unless that verb has an
        # object to control it
        above_kids = view.child_tokens(above.i)
        raised = [c for c in above_kids if dep[c.i] in ("nsubj", "nsubj:pass") and not is_relative(c)]
        if raised and not any(dep[c.i] in ("obj", "iobj") for c in above_kids):
            return (
                reader.group(raised[0])
                if view.pos[raised[0].i] != "PRON"
                else reader.pronoun(raised[0]) or []
            )
    if passive and dep[verb.i] == "conj" and not subject_before(verb):
        # … a demandé des engagements et sera reçu par X: the coordination shares its subject
        shared = [
            c
            for c in view.child_tokens(above.i)
            if dep[c.i] in ("nsubj", "nsubj:pass") and not is_relative(c)
        ]
        if shared:
            return reader.group(shared[0])
    if (
        dep[verb.i].startswith("acl")
        and any(view.lower[c.i] in ("que", "qu'") and c.i < verb.i for c in kids)
        and any(dep[c.i] == "nsubj" and not is_relative(c) for c in kids)
    ):
        # l'offre de X que Y a refusée (a clause the parser read well: a restated act,
        # X a proposé un plan que Y a rejeté, is senses.restated_act's)
        return reader.group(above) or thing_author(reader, above, governed=False)
    for child in kids:
        # The parser sometimes takes a weekday for the object (accusé mardi Donald Trump)
        # or labels a bare object as an oblique: try each, in order.
        if in_time(child, reader.doc.timexes):
            # A time expression is no object (a reçu lundi les représentants de X), but
            # a name the parser hung on it is (accusé mercredi Khartoum: nmod of mercredi;
            # accusé mercredi les garde-côtes chinois: a national body hung there).
            hung = [
                e for c in view.child_tokens(child.i) if case_of(c) is None
                for e in reader.group(c) or national(reader, c) or (reader.national_owner(c) if owner else [])
            ]  # fmt: skip  # attaqué mercredi les positions de l'armée X: hung on mercredi
            if hung:
                return hung
            continue
        if dep[child.i] == "obj" and case_of(child) in ("de", "d'", "du"):
            continue  # a source, not an object (a reçu de la Suède des avions)
        bare = dep[child.i] in ("obl", "obl:mod") and case_of(child) is None and child.i > verb.i
        if bare and after_preposition(child, reader.index.entity_at):
            continue  # the second word of a place (reçu à New Delhi: Delhi), not an object
        if case_of(child) is None and child.i > verb.i and bare_address(child, child.doc[child.i - 1]):
            continue  # an address (reçu les syndicats lundi place Beauvau): where, not whom
        if (dep[child.i] == "obj" or bare) and view.pos[child.i] != "PRON":
            # condamné l'attaque menée par le Hamas: the act's agent; the owner of an act
            # told by its victim (condamné l'assassinat de X) is not the one blamed.
            if owner and view.lemma_lower[child.i] in reader.patient_nouns:
                found = par_agent(reader, child) or national(reader, child)
                if found:
                    return found
                continue
            found = reader.group(child) or (
                reader.acting_owner(child)
                or national(reader, child)
                or reader.national_owner(child)
                or participle_agent(reader, child)
                or authored_act(reader, verb, child)
                if owner
                else []
            )
            found = found or (possessor(reader, verb, child) if owner and dep[child.i] == "obj" else [])
            if not found and owner and dep[child.i] == "obj":
                # a dénoncé la gestion du dossier par X: the parser hung X's phrase on the verb
                found = [e for a in object_agents(verb) for e in reader.group(a) or national(reader, a)]
            if found:
                return found  # … or whose thing it is (a dénoncé son projet)
            if not owner and dep[child.i] == "obj":
                return []  # (a bare oblique before it is a day: reçu lundi les …)
        if bare and owner and view.lemma[child.i] == "celui":
            # A restatement after a dash or comma (la réforme – celle de la ministre X).
            found = reader.acting_owner(child)
            if found:
                return found
    if dep[verb.i] in ("acl", "amod") and "Part" in feature(verb, "VerbForm"):
        return reader.group(above)  # a participle (la candidature … bloquée par Ankara)
    return []


def thing_author(reader: RoleReader, noun: Token, governed: bool = True) -> list[str]:
    """Return who put forward a thing a relative clause refers back to (*X a proposé une
    médiation, que Y a déclinée*; *le plan présenté par X, que Y a dénoncé*; *l'offre de X,
    que Y a refusée*): refusing or blaming a proposal, plan or offer is refusing or blaming
    its author (PLOVER REJECT: reject a proposal; ACCUSE: criticise an act). The author is
    the subject of the verb of offering or asking whose object the thing is (*une médiation
    de la DRAC* proposed by X is X's offer; answers.asking_verbs: not *signer*, *recevoir*:
    a party to or a receiver of the thing), else its owner, else the par-agent of a
    participle on it; the parser may hang the relative on the last noun of the thing's
    phrase (*un plan de sortie de crise, que …*), so the phrase is climbed.
    ``governed=False`` leaves the governing verb out (senses.restated_act reads it)."""
    from veille.analysis.events.answers import asking_verbs  # (answers imports roles)

    node = noun
    while node.dep_ == "nmod" and node.head.pos_ == "NOUN" and node.head.i < node.i:
        node = node.head  # up to the phrase's head: plan ← sortie ← crise
    governor = node.head
    asked = governor.pos_ == "VERB" and governor.lemma_.lower() in asking_verbs()
    if governed and node.dep_ == "obj" and asked:
        found = reader.subject(governor, agent=True)  # X a proposé une médiation de Z: X's offer
        if found:
            return found
    # Only the thing's own de-complement: a deeper one (une médiation sous l'égide de l'OSCE)
    # names another party than its author.
    return [e for e in reader.owner(node, 1) if reader.can_act(e)] or participle_agent(reader, node)


def authored_act(reader: RoleReader, verb: Token, thing: Token) -> list[str]:
    """Return the country an adjective of nationality names as the author of an act that a
    verb of judging or refusing takes as its object (*rejette les accusations sénégalaises*,
    *a rejeté les propositions américaines*, *salue l'offre canadienne*): refusing or
    blaming an act is refusing or blaming its author (PLOVER REJECT, ACCUSE), and the
    adjective on an act noun names who did it, as on *une frappe américaine*
    (authors.national). Only a noun of the trigger table is an act, or a noun of a stance
    or a decision (``authored_nouns``: *soutient la position indonésienne*, *dénonce les
    pressions chinoises*, *salue la décision allemande*): *rejette les importations
    chinoises*, *dénonce le modèle allemand* name things, not authors."""
    if verb.lemma_.lower() not in reader.judging_verbs:
        return []
    lexicon = load_event_lexicon()
    lemma = thing.lemma_.lower()
    if (
        lemma not in lexicon.nouns
        and lemma not in lexicon.authored_nouns
        and thing.lower_ not in lexicon.authored_nouns
    ):
        return []
    return adjective_country(reader, thing)


def _restated(first: Token, second: Token) -> bool:
    """Say whether a second subject restates the first between commas: the parser takes the
    name in apposition (*La principale figure de l'opposition, Marta Villalba, a été …*) for
    a subject of its own."""
    if second.i <= first.i + 1 or first.doc[second.i - 1].text != ",":
        return False
    # The comma hangs on the first subject or on the verb, as the parser sees fit.
    return first.right_edge.i in (second.i - 2, second.i - 1)


def holder(reader: RoleReader, thing: Token) -> list[str]:
    """Return the par-agent of a participle on a thing when the participle tells who holds
    or runs it (*au navire affrété par l'ONG X*, *aux camps gérés par le Croissant-Rouge*,
    *contre les sociétés détenues par Y*): acting on the thing is acting on its holder. A
    participle that is itself an event of the trigger table tells what the thing underwent
    (*la ville assiégée par les rebelles*, *le convoi visé par l'armée*): its agent is the
    other side, so it gives nothing."""
    verbs = load_event_lexicon().verbs
    for child in token_view(thing.doc).child_tokens(thing.i):
        if child.dep_ in ("acl", "amod") and "Part" in feature(child, "VerbForm"):
            if child.lemma_.lower() in verbs:
                return []
            return par_agent_of(reader, child)
    return []


def par_agent_of(reader: RoleReader, participle: Token) -> list[str]:
    """Return the named *par*-phrase of a participle (its obl:agent or a par-oblique)."""
    for inner in token_view(participle.doc).child_tokens(participle.i):
        if inner.dep_ in ("obl:agent", "obl", "nmod") and case_of(inner) == "par":
            found = reader.group(inner) or national(reader, inner)
            if found:
                return found
    return []
