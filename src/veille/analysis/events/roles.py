"""Read the actor, recipient and place of an event trigger from the dependency parse.

Roles are entity ids: a parse token is mapped to the entity whose mention covers it
(names, descriptions and pronouns from the entity and resolve stages). The actor of a
verb is read in :mod:`veille.analysis.events.actors`, whose numbered rules say why each
construction is read as it is; recipients and the whole reading are read here.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from veille.analysis.events.actors import (
    clause_subject,
    inverted_clitic,
    par_agent,
    pronoun_referent,
    verb_actors,
)
from veille.analysis.events.aims import threatened_party
from veille.analysis.events.asked import clause_addressee
from veille.analysis.events.authors import act_author, border_party, convener, event_place, national
from veille.analysis.events.control import clitic_object, dative_object, previous_subject
from veille.analysis.events.groups import (
    described_body,
    listed_item,
    listed_persons,
    plural_group,
    repeated_member,
)
from veille.analysis.events.nominal import (
    agent_complements,
    lends_subject,
    noun_roles,
    participle_agent,
    target_place,
)
from veille.analysis.events.objects import direct_object, holder
from veille.analysis.events.organs import organ_owner
from veille.analysis.events.parties import one_side
from veille.analysis.events.passive_asks import passive_addressee
from veille.analysis.events.shape import (
    case_of,
    fronted,
    lowercase_places,
    on_behalf,
    passive,
    passive_like,
    passive_voice,
    same_case,
    street_parties,
)
from veille.analysis.events.slots import CONSTRUCTION_SLOTS, construction_party
from veille.analysis.events.spans import (
    incised_subject,
    left_subject,
    linear_complement,
    linear_object,
    reciprocal,
)
from veille.analysis.events.told import told_side
from veille.analysis.lang.fr.countries import country_code
from veille.analysis.lang.fr.words import OF
from veille.analysis.syntax.clauses import subject_chain
from veille.analysis.syntax.mentions import MentionIndex
from veille.analysis.syntax.tense import feature
from veille.analysis.syntax.view import token_view
from veille.model import Document, Mention

# Subject clitics that follow their verb in an inverted cue (a-t-elle déclaré, estiment-ils).
_CASEOFPS = frozenset({"obl", "obl:arg", "obl:mod", "obl:agent", "nmod", "iobj", "obj"})


@dataclass(frozen=True)
class Roles:
    """Who acts, on whom, and where; ``actor_clause_depth`` is how far up the clause chain
    the actor was found (0: the trigger's own clause)."""

    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    location: str | None = None
    actor_clause_depth: int | None = None


class RoleReader:
    """Map trigger tokens to actor and recipient entities of one document."""

    def __init__(
        self,
        doc: Document,
        parsed: Doc,
        index: MentionIndex,
        actor_heads: frozenset[str],
        first_person: frozenset[str],
        national_heads: frozenset[str] = frozenset(),
        light_verbs: frozenset[str] = frozenset(),
        object_control: frozenset[str] = frozenset(),
        party_object: frozenset[str] = frozenset(),
        patient_nouns: frozenset[str] = frozenset(),
        judging_verbs: frozenset[str] = frozenset(),
        evaluating_verbs: frozenset[str] = frozenset(),
    ) -> None:
        self.doc = doc
        self.parsed = parsed
        self.index = index
        self.actor_heads = actor_heads
        self.first_person = first_person
        self.national_heads = national_heads
        self.light_verbs = light_verbs  # verbs whose subject does a nominalisation they govern
        self.object_control = object_control  # verbs whose object does their infinitive
        self.party_object = party_object  # verbs whose object is always a party
        self.patient_nouns = patient_nouns  # acts whose de-complement undergoes (l'assassinat de X)
        self.judging_verbs = judging_verbs  # verbs that judge another's thing (dénoncer son projet)
        self.evaluating_verbs = evaluating_verbs  # verbs of judgement (juger X excessif)
        self.types = {e.id: e.type for e in doc.entities}
        self._streets: dict[int, frozenset[str]] = {}  # street_parties of each sentence start
        self._places: list[tuple[str, Mention]] | None = None  # lowercase_places, read once

    # -- noun phrases -------------------------------------------------------------------

    def phrase(self, head: Token, depth: int = 0) -> list[str]:
        """Return the entity a noun phrase names: its head's mention, an apposition
        (le ministre …, Andrii Sybiha), or the place a body stands for (le parlement de Turquie)."""
        view = token_view(head.doc)  # words, labels and offsets off the columns: no Token made
        i, dep = head.i, view.dep
        found = self.index.entity_at(view.idx[i])
        if found is not None and self.types.get(found) != "MISC":
            return [found]
        fallback = [found] if found is not None else []
        if found is None and depth <= 1:
            # les deux pays; les syndicats (the unions named before)
            grouped = (
                listed_persons(self, head)
                or plural_group(self, head)
                or described_body(self, head)
                or repeated_member(self, head)  # les rebelles, after les rebelles du X
                or organ_owner(self, head)  # la commission de discipline de la FFR
            )
            if grouped:
                return grouped
        if depth > 2:
            return fallback
        member = view.lower[i] in self.actor_heads or view.lemma_lower[i] in self.actor_heads  # représentants
        for child in view.child_tokens(i):  # no Token made per child
            case, c = case_of(child), child.i
            # (not a conjunct, read by group: les syndicats et la préfète; not a name's hyphen)
            named = (
                self.index.entity_at(view.idx[c])
                if case is None and c > i and dep[c] != "conj" and not view.is_punct[c]
                else None
            )
            if named is not None and named != found:
                return [named]  # a name the parser hung on the head with any label
            if (dep[c] in ("appos", "flat:name", "flat") and case is None) or (
                dep[c] == "nmod" and case is None
            ):  # an "apposition" with a preposition (près d'Adré) is a complement
                inner = self.phrase(child, depth + 1)
            elif dep[c] == "nmod" and case in OF and member:
                # les experts de la Bolivie et du Pérou: every coordinated body
                inner = self.group(child) if depth == 0 else self.phrase(child, depth + 1)
            else:
                continue
            if inner:
                return inner
        # A title the entity stage took for a name (Premier ministre canadien) yields to the
        # person in apposition; alone, it is kept.
        return fallback

    def group(self, head: Token) -> list[str]:
        """Return the entities of a phrase and of the phrases coordinated with it
        (Le Canada, l'Allemagne, la Pologne et les Pays-Bas)."""
        out: list[str] = []
        stack, view = [head], token_view(head.doc)  # children, labels, tags off the columns
        while stack:
            token = stack.pop(0)
            for entity_id in self.phrase(token):
                if entity_id not in out:
                    out.append(entity_id)
            # A conjunct may hang on the last word of a name (Donald Trump et Volodymyr …).
            kids, dep, pos = view.child_tokens(token.i), view.dep, view.pos
            heads = [token, *(c for c in kids if dep[c.i].startswith("flat"))]
            stack.extend(
                c for h in heads for c in view.child_tokens(h.i)
                if dep[c.i] == "conj" and pos[c.i] in ("PROPN", "NOUN", "PRON") and same_case(token, c)
            )  # fmt: skip
            stack.extend(c for c in kids if listed_item(self, token, c))
        return out

    def owner(self, head: Token, depth: int = 0) -> list[str]:
        """Return the entities of a thing's de-complement (l'adhésion de la Finlande → Finlande),
        looking one phrase deeper (l'entrée dans l'Otan de la Finlande)."""
        nmods = token_view(head.doc).labelled_children(head.i, "nmod")  # no Token made
        for child in nmods:
            if case_of(child) in OF:
                # les positions de l'armée malienne: a national body's country owns them
                found = self.group(child)
                if found:
                    return found
        if depth == 0:
            for child in nmods:
                found = self.owner(child, 1)
                if found:
                    return found
        return []

    # -- actors -------------------------------------------------------------------------

    def subject(self, verb: Token, *, agent: bool) -> list[str] | None:
        """Return the actor of a clause (actors.clause_subject)."""
        return clause_subject(self, verb, agent=agent)

    def inverted_subject(self, verb: Token) -> list[str] | None:
        """Return what an inverted subject clitic stands for (actors.inverted_clitic)."""
        return inverted_clitic(self, verb)

    def passive_agent(self, verb: Token) -> list[str]:
        """Return the par-agent of a verb (actors.par_agent)."""
        return par_agent(self, verb)

    def pronoun(self, token: Token) -> list[str] | None:
        """Return what a subject pronoun stands for (actors.pronoun_referent)."""
        return pronoun_referent(self, token)

    def actors_of_verb(self, chain: list[Token]) -> tuple[list[str], int | None]:
        """Return the actors of a verbal trigger and the chain depth where they were found
        (actors.verb_actors)."""
        return verb_actors(self, chain)

    # -- recipients ---------------------------------------------------------------------

    def by_slot(self, node: Token, slot: str, linear: bool = True) -> list[str]:
        """Return the recipients a trigger has in one slot of its table row (``linear``:
        read the word order too when the parse names nobody there)."""
        view = token_view(node.doc)  # children, labels and tags off the columns: no Token made
        noun = view.pos[node.i] == "NOUN"
        if slot in ("obj", "objdirect"):
            found = self.object(node, owner=slot == "obj")
            if not found and not passive(node) and not noun:
                found = clitic_object(self, node)
                found = found or linear_object(node, self.index.entity_at, self.doc.timexes)
            return found
        if slot == "ccomp":
            return self.content(node)
        if slot == "recip":
            return []  # read by :meth:`read` from a compound subject
        if slot in CONSTRUCTION_SLOTS:  # relaxer X, poursuivi par Y; la grève à l'usine X
            return construction_party(self, node, slot)
        if slot in ("loc", "frontière"):  # a place attacked; the neighbour a border names
            return target_place(self, node) if slot == "loc" else border_party(self, node)
        if slot == "par" and noun:
            found = participle_agent(self, node)  # la réunion convoquée par X
            if found:
                return found
        dep, kids = view.dep, view.child_tokens(node.i)
        objects = [c for c in kids if dep[c.i] == "obj" or (dep[c.i] == "nsubj:pass" and passive(node))]
        if noun:
            # l'attaque menée par le Hamas contre Israël: the participle carries the complement
            objects.extend(c for c in kids if dep[c.i] == "acl" and "Part" in feature(c, "VerbForm"))
        # A complement the parser hung on the object (accordé 500 millions … à l'Ukraine).
        candidates = [*kids, *(c for o in objects for c in view.child_tokens(o.i)), *agent_complements(node)]
        for child in candidates:
            if (
                dep[child.i] in _CASEOFPS
                and self._slotcase_of(child) == slot
                and not fronted(child, node)
                and not on_behalf(child)  # au nom de X: X is whom the subject acts for
            ):
                # … au navire affrété par X: a thing a participle gives an agent stands for it
                found = self.group(child) or self.owner(child) or national(self, child)
                found = found or holder(self, child)
                if found:
                    return found
        if slot == "à" and not noun:
            found = dative_object(self, node)  # L'élue lui reproche …: lui is the party
            if found:
                return found
        # The parser may hang the complement on any word after the trigger (avec son
        # homologue … under the weekday before it): read it from the word order.
        return linear_complement(node, (slot,), self.index.entity_at, self.doc.timexes) if linear else []

    def _slotcase_of(self, token: Token) -> str | None:
        case = case_of(token)
        if case in ("au", "aux"):
            return "à"
        if case in OF:
            return "de"
        return case

    def object(self, verb: Token, owner: bool = True) -> list[str]:
        """Return the direct object of a verb (objects.direct_object)."""
        return direct_object(self, verb, owner)

    def content(self, verb: Token) -> list[str]:
        """Return an entity named in a complement clause (avertir que … avec l'Europe)."""
        for child in token_view(verb.doc).labelled_children(verb.i, "ccomp"):  # no Token made
            for token in child.subtree:
                if case_of(token) in ("avec", "contre", "à", "au", "aux") and token.dep_ in _CASEOFPS:
                    found = self.group(token)
                    if found:
                        return found
        return []

    # -- the whole reading --------------------------------------------------------------

    def read(
        self,
        trigger: Token,
        pos: str,
        slots: tuple[str, ...],
        actor_de: bool,
        inverting: frozenset[str],
        actor_par: bool = False,
    ) -> Roles | None:
        """Return the roles of a trigger, or None when it lacks a named actor or recipient.

        ``actor_par``: a nominalisation whose *par*-agent acts and whose *de*-complement
        undergoes (*l'arrestation de X par Y*). A visit's host (*recevoir*, *accueillir*) is
        read as any subject, the actor (docs/events.md, "The host of a visit").
        """
        chain = subject_chain(trigger)
        recipients: list[str] = []
        actors: list[str] = []
        depth: int | None = None
        if pos == "NOUN":
            actors, recipients, depth = noun_roles(
                self, trigger, chain, slots, actor_de, inverting, actor_par
            )
            if recipients and not any(self.types.get(a) != "MISC" for a in actors):
                # ce rendez-vous avec X, after a quotation of Y: Y's meeting (told.py)
                told = told_side(self, trigger, recipients)
                actors, depth = (told, 0) if told else (actors, depth)
        else:  # an incise parts the auxiliary from the verb: the parse lost the subject
            incised = incised_subject(trigger, self.index.entity_at, self.doc.timexes)
            actors, depth = (incised, 0) if incised else self.actors_of_verb(chain)
            if not any(self.types.get(a) != "MISC" for a in actors) and not passive_voice(trigger):
                # 4. the parser lost the subject (a name tagged as a verb): the name just
                # before the verb and its auxiliaries is the subject.
                found = left_subject(trigger, self.index.entity_at, self.doc.timexes)
                # Il a ensuite accusé …; Il doit y rencontrer: the depth of the pronoun's clause
                found, at = (found, 0) if found else previous_subject(self, chain)
                if found:
                    actors, depth = found, at
            if "recip" in slots and passive(trigger) and not act_author(self, trigger):
                # X et Y sont convenus de …: a reciprocal verb conjugated with être (TLFi
                # « convenir » I.A) that the parser reads as a passive; its own subject acts,
                # not the subject of a clause it is coordinated with
                undergoers = token_view(trigger.doc).labelled_children(trigger.i, "nsubj:pass")
                own = [e for c in undergoers for e in self.group(c)]
                actors, depth = (own, 0) if own else (actors, depth)
            if not actors and passive_like(trigger):
                actors, depth = act_author(self, trigger), 0
            if "recip" not in slots and not any(self.types.get(a) != "MISC" for a in actors):
                actors = convener(self, trigger) or actors  # the recipients never change them
                if not any(self.types.get(a) != "MISC" for a in actors):
                    return None  # no named actor, host or not: no event, no slot read
            for slot in slots:
                if slot == "entre":
                    continue
                recipients = self.by_slot(trigger, slot)
                if recipients:
                    break
            # demande à être reçu par X; menace de porter plainte contre X; exige que X publie
            recipients = (
                recipients or passive_addressee(self, trigger) or threatened_party(self, trigger)
                or clause_addressee(self, trigger)
            )  # fmt: skip
        if (
            pos == "NOUN"
            and trigger.dep_ == "obj"
            and not any(self.types.get(a) != "MISC" for a in actors)
            and lends_subject(self, trigger, trigger.head, inverting)
        ):
            # The same for the verb that governs a noun (Washington et Pékin ont repris …).
            actors = left_subject(trigger.head, self.index.entity_at, self.doc.timexes) or actors
        if not any(self.types.get(a) != "MISC" for a in actors):
            actors = convener(self, trigger) or actors  # des centaines ont manifesté, à l'appel de X
        recipients = [r for r in recipients if r not in actors]
        if not recipients and "recip" in slots and len(actors) == 1 and pos != "NOUN":
            # A reciprocal whose coordination the parser broke: the word order has it all.
            before = left_subject(trigger, self.index.entity_at, self.doc.timexes)
            actors = before if len(before) > 1 and actors[0] in before else actors
        if (
            not recipients
            and "recip" in slots
            and len(actors) > 1
            and reciprocal(trigger)
            and not one_side(self.doc, actors)  # « Nous avons eu une discussion », said by X
        ):
            # 5. A reciprocal (Macron et Scholz se sont rencontrés; Israël et le Hamas ont
            # conclu un accord) is one symmetric event: the first party acts, the others receive.
            actors, recipients = actors[:1], actors[1:]
        streets = self.streets(trigger.sent)  # reçu les deux camps rue de Valois
        actors = [a for a in actors if a not in streets]
        recipients = [r for r in recipients if r not in streets]
        # A countable event needs a named actor and recipient; a demonym group alone
        # (les Européens) may ride along but not carry the event.
        if not any(self.types.get(a) != "MISC" for a in actors):
            return None
        if not any(self.types.get(r) != "MISC" for r in recipients):
            return None
        location = event_place(self, trigger, set(actors) | set(recipients))
        return Roles(tuple(actors), tuple(recipients), location, depth)

    def streets(self, sentence: Span) -> frozenset[str]:
        """Return the places a sentence names as a bare address (shape.street_parties), read
        once per sentence: the document is fixed while the reader lives, and a sentence
        holds several triggers."""
        found = self._streets.get(sentence.start)
        if found is None:
            if self._places is None:
                self._places = lowercase_places(self.doc)
            found = self._streets[sentence.start] = street_parties(self.doc, sentence, self._places)
        return found

    def acting_owner(self, head: Token) -> list[str]:
        """Return the owner of a thing when it can act (not the city an agreement is named
        after: l'accord de Paris)."""
        return [e for e in self.owner(head) if self.can_act(e)]

    def national_owner(self, head: Token) -> list[str]:
        """Return the country of a national body a thing belongs to (*a attaqué les positions
        de l'armée malienne*, *a arraisonné un navire de la marine turque*): the body's
        adjective of nationality names the party, as for the body itself (authors.national)."""
        for child in token_view(head.doc).labelled_children(head.i, "nmod"):  # no Token made
            if case_of(child) in OF:
                found = national(self, child)
                if found:
                    return found
        return []

    def told_in_sentence(self, token: Token, entity_id: str) -> list[Mention]:
        """Return the mentions of an entity inside the sentence of a token (none when the
        entity is unknown)."""
        entity = self.doc.entity(entity_id)
        if entity is None:
            return []
        sentence = token.sent
        return [m for m in entity.mentions if sentence.start_char <= m.start < sentence.end_char]

    def can_act(self, entity_id: str) -> bool:
        """Say whether an entity can be the actor of a noun's de-complement: people,
        organisations, countries, and places the resolve stage marked as standing for one."""
        entity = self.doc.entity(entity_id)
        if entity is None or entity.type != "LOC":
            return True
        return country_code(entity.name) is not None or any(m.stands_for for m in entity.mentions)
