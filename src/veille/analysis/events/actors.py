"""Read the actor of a verbal trigger from the dependency parse: its subject or par-agent,
an inverted subject clitic, a pronoun's referent, or the subject of the clause above.

:class:`~veille.analysis.events.roles.RoleReader` reads noun phrases as entities and keeps
the whole reading; these functions are the actor half of it, taking the reader for its
mention index, quotations and noun phrases. The numbered rules in :func:`verb_actors` say
why each construction is read as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from veille.analysis.entities.rolenouns import load_roles
from veille.analysis.events.authors import national
from veille.analysis.events.control import controller, infinitive_form
from veille.analysis.events.parties import speaking_parties
from veille.analysis.events.shape import (
    case_of,
    is_relative,
    object_agents,
    passive,
    passive_like,
    passive_voice,
    prepositional,
    present_participle,
    subject_before,
    verb_like,
)
from veille.analysis.events.spans import linear_complement, sentence_head
from veille.analysis.lang.fr.words import OF, SUBJECT_PRONOUNS
from veille.analysis.syntax.tense import feature
from veille.analysis.syntax.view import token_view

if TYPE_CHECKING:
    from veille.analysis.events.roles import RoleReader

# The prepositions of a passive's agent (Grevisse § 322: par, and de after verbs of feeling
# or state); a phrase the parser labels agent under any other (dans, à) is a place or a
# circumstance. None: the parser left the preposition out.
_AGENT_CASES: frozenset[str | None] = frozenset({"par", None}) | OF


def clause_subject(reader: RoleReader, verb: Token, *, agent: bool) -> list[str] | None:
    """Return the actor of a clause, [] when it names nobody, None when it has no subject."""
    if agent:
        found = par_agent(reader, verb)
        if found:
            return found
    kids, dep = (view := token_view(verb.doc)).child_tokens(verb.i), view.dep  # no Token made
    passive = any(dep[c.i] == "aux:pass" for c in kids)
    nominal = [c for c in kids if dep[c.i] == "nsubj" and not prepositional(c)]
    pos = view.pos
    subjects = [c for c in nominal if c.i < verb.i and pos[c.i] != "PRON" and not is_relative(c)]
    if len(subjects) > 1:
        # A coordination the parser read as several subjects (Poutine et Donald Trump
        # doivent …): each names an actor.
        return list(dict.fromkeys(e for c in subjects for e in reader.group(c)))
    for child in kids:
        # nsubj:pass with no passive auxiliary is the parser mistaking an active subject.
        if dep[child.i] in ("nsubj:pass", "expl:subj") and not passive and child.i < verb.i:
            named = reader.group(child) or national(reader, child)  # Elle l'a accusé: mislabelled
            return pronoun_referent(reader, child) if pos[child.i] == "PRON" else named
        if child not in nominal or (child.i > verb.i and subject_before(verb)):
            continue
        if is_relative(child):
            # 2. qui: the relative clause's antecedent does it
            return reader.group(verb.head) if dep[verb.i].startswith("acl") else []
        if pos[child.i] == "PRON":
            return pronoun_referent(reader, child)
        found = reader.group(child) or national(reader, child)
        # A first conjunct the parser cut off (Israël | et le Hamas ont conclu …).
        before = sentence_head(child, reader.index.entity_at)
        return [*(e for e in before if e not in found), *found]
    return None


def inverted_clitic(reader: RoleReader, verb: Token) -> list[str] | None:
    """Return what an inverted subject clitic stands for (*« … », a-t-elle déclaré,
    exhortant X à …*; *estime-t-il*): the parser often takes the quotation before the
    verb for its subject, or hangs the clitic elsewhere, but the hyphenated pronoun
    right after the verb or its auxiliary is the subject. Its resolved mention, else the
    speaker of the quotation it introduces; None without one."""
    doc = verb.doc
    view = token_view(doc)  # the words read off the view: no Span nor Token made for them
    first = min([verb.i, *(j for j in view.children(verb.i) if view.dep[j].startswith("aux"))])
    for k in range(first + 1, min(len(doc), verb.i + 3)):
        if view.pos[k] != "PRON" or view.lower[k].lstrip("-‑") not in SUBJECT_PRONOUNS:
            continue
        if not view.text[k].startswith(("-", "‑")):
            continue
        word = view.tokens[k]
        found = reader.index.entity_at(word.idx) or reader.index.entity_at(word.idx + 1)
        if found is not None:
            return [found]
        for quote in reader.doc.quotes:
            mention = quote.speaker_mention
            if quote.speaker and mention is not None and mention.start <= word.idx + 1 < mention.end:
                return [quote.speaker]
        return None
    return None


def par_agent(reader: RoleReader, verb: Token) -> list[str]:
    """Return the par-agent of a verb: its obl:agent, or for a passive the par-phrase
    the parser hung on a word after the verb (sanctionnée lundi par l'Union européenne)."""
    if object_agents(verb):
        return []  # a dénoncé la gestion du dossier par X: X is the object's agent (shape.object_agents)
    for child in token_view(verb.doc).labelled_children(verb.i, "obl:agent")[:1]:  # no Token made
        if case_of(child) not in _AGENT_CASES:
            break  # rencontré dans les bureaux de la société: a place the parser took for the agent
        # 1. a passive's par-agent does it; a national body's country (par la police turque)
        return reader.group(child) or national(reader, child)
    if passive_like(verb):
        found = linear_complement(verb, ("par",), reader.index.entity_at, reader.doc.timexes)
        return found or _national_agent(reader, verb)
    return []


def _national_agent(reader: RoleReader, verb: Token) -> list[str]:
    """Return the country of a national body in the first *par*-phrase after a passive
    verb, wherever the parser hung it (*a été arrêté lundi par la police turque*)."""
    view = token_view(verb.doc)  # the words read off the columns: no Token made for each
    dep, pos = view.dep, view.pos
    for j in range(verb.i + 1, view.sentences[view.sentence_numbers[verb.i]].end):  # verb.sent
        if dep[j] == "case" and view.lower[j] == "par":
            return national(reader, view.tokens[view.head[j]])
        if view.text[j] in (";", ":") or (pos[j] == "VERB" and dep[j] != "xcomp"):
            return []
    return []


def pronoun_referent(reader: RoleReader, token: Token) -> list[str] | None:
    """Return what a subject pronoun stands for: its resolved mention; the speaker of
    the quotation for je/nous (and for nous the body the speaker holds an office of:
    parties.speaking_parties); else None, so the caller reads the clause above."""
    found = reader.index.entity_at(token.idx)
    if found is not None:
        return [found]
    if token.lower_ in reader.first_person:
        for quote in reader.doc.quotes:
            if quote.start <= token.idx < quote.end and quote.speaker:
                return speaking_parties(reader.doc, quote.speaker, token.lower_)
        return []
    return None


def verb_actors(reader: RoleReader, chain: list[Token]) -> tuple[list[str], int | None]:
    """Return the actors of a verbal trigger and the chain depth where they were found.

    1. the trigger's own subject or par-agent;
    2. an infinitive, coordinated verb or gerund borrows the subject above it;
    3. a pronoun subject (ils allaient …) is read on the clause that announces it.
    """
    if not chain:
        return [], None
    first = chain[0]
    view = token_view(first.doc)  # labels, tags and heads off the columns: no Token made
    dep, pos = view.dep, view.pos
    if (
        dep[first.i] in ("acl", "acl:relcl")
        and infinitive_form(first)
        and pos[view.head[first.i]] in _NOMINAL
    ):
        # accusé l'armée soudanaise d'avoir bombardé, the infinitive hung on the object:
        # the noun does it, never the subject of the clause above; so does a name (X,
        # après avoir rencontré Y, a quitté …: the parser's acl of the subject).
        return reader.group(first.head) or national(reader, first.head), 0
    if (
        dep[first.i] in ("acl", "amod")
        and "Pres" in feature(first, "Tense")
        and pos[view.head[first.i]] == "NOUN"
        and _people(reader, first.head)
    ):
        # des salariés de la CGT demandant à Renault …, une délégation exigeant …: people
        # who act themselves (a role noun, an actor head), not the clause's subject, who
        # received them; an act or a text (une motion demandant …) is its author's
        own = reader.group(first.head)
        return (own, 1) if own else ([], None)
    if dep[first.i] in ("acl", "amod") and passive_voice(first) and not passive(first):
        # A past participle on a noun (un journaliste aspergé de gaz par des policiers):
        # the noun undergoes it, so only a par-agent acts, never the clause above.
        agent = par_agent(reader, chain[0])
        return (agent, 0) if agent else ([], None)
    for depth, node in enumerate(chain):
        if pos[node.i] == "NOUN" and depth > 0 and not verb_like(node):
            continue
        controlled = controller(reader, chain[0], node) if depth == 1 else None
        if controlled:
            return controlled, depth  # accuser X de faire: X does it
        if controlled is not None and any(dep[j] == "obj" for j in view.children(node.i)):
            return [], None  # X does it, but names nobody: never the accuser
        if depth == 0 or (present_participle(chain[0]) and all(pos[n.i] == "NOUN" for n in chain[1:depth])):
            # « … », a-t-elle déclaré, exhortant X à …: the hyphenated clitic, not the
            # quotation the parser also hangs on the cue as a subject.
            inverted = inverted_clitic(reader, node)
            if inverted is not None:
                return inverted, depth
        found = clause_subject(reader, node, agent=depth == 0)
        if found is not None:  # a subject that names nobody stops the climb too
            return found, depth
    main = fronted_main_clause(first)
    if main is not None:  # Après avoir critiqué X, Y a sanctionné Z: the parser's root is the infinitive
        found = clause_subject(reader, main, agent=False)
        return (found, 1) if found else ([], None)
    return [], None


_NOMINAL = frozenset({"NOUN", "PROPN"})
# Prepositions that open an infinitive clause whose subject is the main clause's (Grevisse
# § 907: après avoir fait, avant de faire, pour faire, sans faire, afin de faire).
_CLAUSE_PREPOSITIONS = frozenset({"après", "avant", "pour", "sans", "afin"})


def fronted_main_clause(verb: Token) -> Token | None:
    """Return the finite verb of the main clause a fronted prepositional infinitive belongs
    to when the parser made the infinitive its root and hung the main verb below it (*Après
    avoir critiqué X, Y a sanctionné Z*: sanctionné as an advcl of critiqué); else None."""
    view = token_view(verb.doc)
    if view.head[verb.i] != verb.i or not infinitive_form(verb):
        return None
    kids = view.children(verb.i)
    if not any(
        view.dep[j] in ("mark", "case") and view.lower[j] in _CLAUSE_PREPOSITIONS and j < verb.i for j in kids
    ):
        return None
    for j in kids:
        if j > verb.i and view.dep[j] in ("advcl", "conj", "parataxis") and view.pos[j] in ("VERB", "AUX"):
            if any(view.dep[k] == "nsubj" and k < j for k in view.children(j)):
                return view.tokens[j]
    return None


def _people(reader: RoleReader, noun: Token) -> bool:
    """Say whether a noun names people who may act (*salariés*, *délégation*,
    *manifestants*): a role noun of ``roles.tsv`` or an actor head of the trigger lexicon."""
    lemma = noun.lemma_.lower()
    return lemma in reader.actor_heads or noun.lower_ in reader.actor_heads or load_roles().starts_word(lemma)
