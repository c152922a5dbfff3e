"""Read who does the act of an infinitive under a verb of object control.

With *accuser*, *soupçonner*, *féliciter*, *exhorter*, *demander à*, *empêcher* … the
subject of the infinitive is the main verb's object, not its subject: *Edwy Plenel accuse
Maïwenn de l'avoir agressé* → Maïwenn assaulted; and an unresolved object clitic of that
infinitive (*l'*) stands for the main verb's subject (Plenel), since a clitic referring to
the controller itself would be reflexive (*se*). The verbs are the object-control verbs of
French grammar (Grevisse, *Le Bon Usage*, §§ 906-907; Verb∋Net judgment-33, urge-58.1,
order-60, forbid-67): ``events_lexicon.json`` ``object_control``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from veille.analysis.entities.rolenouns import load_roles, role_key
from veille.analysis.events.agreement import clitic_gender, entity_gender
from veille.analysis.events.authors import national
from veille.analysis.events.parties import plural_party
from veille.analysis.events.shape import prepositional
from veille.analysis.lang.fr.countries import capital_country, country_code
from veille.analysis.lang.fr.words import DATIVE_CLITICS, OBJECT_CLITICS, POSSESSIVES, SUBJECT_PRONOUNS
from veille.analysis.syntax.clauses import subject_chain
from veille.analysis.syntax.tense import feature
from veille.model import Event

if TYPE_CHECKING:
    from veille.analysis.events.roles import RoleReader

_LINKS = frozenset({"xcomp", "obl", "obl:arg"})
_PLACE_WORDS = frozenset({"à", "au", "aux", "en", "dans", "vers", "depuis"})
# The parser labels a subject pronoun before a clitic or a modal verb as passive or
# expletive at times (Elle l'a accusé: nsubj:pass; Il doit rencontrer: expl:subj).
_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "expl:subj"})
# Verbs whose il is impersonal (Grevisse § 754: il faut, il s'agit, il semble, il reste).
_IMPERSONAL = frozenset(
    {"falloir", "agir", "sembler", "paraître", "suffire", "rester", "arriver", "manquer", "valoir",
     "importer", "convenir", "exister"}
)  # fmt: skip


def infinitive_form(verb: Token) -> bool:
    """Say whether a verb is an infinitive, past ones included (*de l'avoir agressé*)."""
    if "Inf" in feature(verb, "VerbForm"):
        return True
    return any(c.dep_.startswith("aux") and "Inf" in feature(c, "VerbForm") for c in verb.children)


def controller(reader: RoleReader, infinitive: Token, head: Token) -> list[str] | None:
    """Return the object of an object-control verb over an infinitive (its subject), [] when
    the object names nobody, or None when ``head`` does not control the infinitive's subject."""
    if infinitive.dep_ == "conj" and any(
        c.dep_.startswith("aux") and "Fin" in feature(c, "VerbForm") for c in infinitive.children
    ):
        # X a accusé Y d'avoir visé un navire, et a convoqué Z: a conjunct with a finite
        # auxiliary of its own is a second main clause the parser hung on the infinitive.
        return None
    if head.lemma_ in ("avoir", "être") and "Inf" in feature(head, "VerbForm") and head.head != head:
        # d'avoir piraté X: the parser may take the auxiliary for the infinitive and the
        # participle for its object; the pair is one past infinitive under the verb above.
        infinitive, head = head, head.head
    if infinitive.dep_ not in _LINKS or not infinitive_form(infinitive):
        return None
    if head.lemma_.lower() not in reader.object_control:
        return None
    found = reader.object(head, owner=False) or reader.by_slot(head, "à")
    if not found:
        # accusé l'armée soudanaise d'avoir bombardé: the country of a body's adjective
        found = [e for c in head.children if c.dep_ == "obj" for e in national(reader, c)]
    clitic = next((c for c in head.children if c.dep_ == "obj" and c.lower_ in OBJECT_CLITICS), None)
    if not found and clitic is not None and clitic.i < head.i:
        # X l'accuse d'avoir bombardé Y: the clitic's antecedent does the infinitive's act
        resolved = reader.index.entity_at(clitic.idx)
        found = [resolved] if resolved is not None else antecedent(reader, head, clitic)
    return [e for e in found if e] if found else []


def clitic_object(reader: RoleReader, verb: Token) -> list[str]:
    """Return the main subject an unresolved object clitic of a controlled infinitive
    stands for (*X accuse Y de l'avoir agressé*: l' = X), or []."""
    clitic = next((c for c in verb.children if c.dep_ == "obj" and c.lower_ in OBJECT_CLITICS), None)
    if clitic is None:
        # The parser may tag the clitic as a determiner subject (… les a exhortés): an
        # article glued to the verb or its auxiliary has no noun, so it is the object.
        auxiliaries = {c.i for c in verb.children if c.dep_.startswith("aux")}
        clitic = next(
            (
                c
                for c in verb.children
                if c.lower_ in OBJECT_CLITICS and (c.i + 1 == verb.i or c.i + 1 in auxiliaries)
            ),
            None,
        )
    if clitic is None or reader.index.entity_at(clitic.idx) is not None:
        return []
    head = verb.head
    if controller(reader, verb, head) is not None:
        return reader.subject(head, agent=False) or []
    return antecedent(reader, verb, clitic)


def dative_object(reader: RoleReader, verb: Token) -> list[str]:
    """Return what a dative clitic of a verb stands for (*L'élue lui reproche d'avoir …*,
    *il leur a promis …*): its resolved mention, else the last party named before it. The
    à-complement of a trigger row is a party (the one blamed, asked, promised), so *lui*
    and *leur* there stand for a person or a body, never a thing."""
    # A strong pronoun after a preposition (selon lui, pour elle) is no clitic of the verb.
    clitic = next(
        (
            c for c in verb.children
            if c.lower_ in DATIVE_CLITICS and c.i < verb.i and c.pos_ == "PRON" and not prepositional(c)
        ),
        None,
    )  # fmt: skip
    if clitic is None:
        return []
    found = reader.index.entity_at(clitic.idx)
    if found is not None:
        return [found]
    return antecedent(reader, verb, clitic)


def possessor(reader: RoleReader, verb: Token, thing: Token) -> list[str]:
    """Return whose thing a possessive names on the object of a verb of judgement (*Le
    syndicat a dénoncé son projet*, *Sa décision a été critiquée par X*): the last party
    named before the possessive, other than the verb's actor, as for a clitic. Not for
    persons and bodies (*ses homologues*, *ses troupes*: the possessor is the actor)."""
    if verb.lemma_.lower() not in reader.judging_verbs or reader.index.entity_at(thing.idx) is not None:
        return []
    det = next((c for c in thing.children if c.dep_ == "det" and c.lower_ in POSSESSIVES), None)
    lemma = thing.lemma_.lower()
    if det is None or lemma in reader.actor_heads or role_key(lemma) in load_roles().by_first:
        return []
    return antecedent(reader, verb, det)


def purpose_clitic(clitic: Token) -> bool:
    """Say whether a clitic opens an infinitive of purpose (*pour lui demander*, *afin de
    leur signifier*). Such an infinitive shares its clause's scene: the clitic stands for
    the party the main verb addressed (*a écrit au ministre X pour lui demander …*, *a
    convoqué l'ambassadeur pour lui faire part …*), never for a party of the sentence
    before; when the main clause names that party only by a description (*a écrit à la
    ministre pour lui demander*), the clitic names nobody known."""
    doc = clitic.doc
    before = [doc[i].lower_ for i in range(max(clitic.i - 2, 0), clitic.i)]
    return bool(before) and (before[-1] == "pour" or before == ["afin", "de"])


def antecedent(reader: RoleReader, verb: Token, clitic: Token) -> list[str]:
    """Return the entity an object clitic most likely stands for: the last party named
    before it in its sentence, else in the one before, other than its verb's own subject
    (*a exposé au chef de l'État ses revendications, tout en l'interpellant*); singular
    clitics only (le, la, l'), since *les* may group several parties, and only on verbs
    whose object is always a party (a clitic of *arrêter* may be a penalty)."""
    actors, _ = reader.actors_of_verb(subject_chain(verb))
    sentence = verb.sent
    start, floor = sentence.start_char, sentence.start
    if sentence.start > 0 and not purpose_clitic(clitic):
        # The sentence before too, read after the clitic's own (La députée X l'accuse …,
        # the party named in the sentence before): the nearest party wins.
        before = verb.doc[sentence.start - 1].sent
        start, floor = before.start_char, before.start
    possessive = clitic.lower_ in POSSESSIVES and clitic.dep_ == "det"
    if (
        verb.lemma_.lower() not in reader.party_object
        and clitic.lower_ not in DATIVE_CLITICS
        and not possessive
    ):
        return []
    if clitic.lower_ in ("les", "leur", "leurs"):
        return _plural_antecedent(reader, verb, clitic, actors)
    doc = verb.doc
    mentions = reader.index.within(start, clitic.idx)
    spans = [(lo, hi) for lo, hi, _, entity in mentions if entity.id in actors]
    candidates = []
    for mention_start, _, _, entity in reversed(mentions):
        if entity.id in actors or entity.type == "MISC" or entity.group:
            continue
        if any(lo <= mention_start < hi for lo, hi in spans):
            continue  # a name inside the actor's (le tribunal de Bordeaux … son recours)
        if mention_start < sentence.start_char and _in_relative(doc, mention_start):
            # La CSSF, qui avait mis la BMP à l'amende, est critiquée. X l'accuse …: a name
            # inside a relative clause of the sentence before is background, not the topic
            continue
        if entity.type == "LOC" and _after_place_word(doc, mention_start, floor):
            # where the last act took place (à Rabat), not a party it could stand for; a
            # country is one (a rappelé son ambassadeur au Soudan. … l'accuse)
            if not country_code(entity.name):
                continue
        candidates.append((mention_start, entity.id))
    if (wanted := clitic_gender(clitic)) is not None:
        # l'a félicitée: a feminine party, whatever was named last (agreement.py)
        candidates = [(at, e) for at, e in candidates if _gender_fits(reader, doc, e, wanted)]
    if candidates and candidates[0][0] < sentence.start_char:
        # Named only in the sentence before: its subject is the likelier antecedent than
        # the last name (centering: a subject outranks an object or a complement) …
        topic = _subject_of(reader, verb.doc[sentence.start - 1].sent)
        if topic is None:
            return []  # … Il est détenu, selon son avocate X. Le parquet lui reproche …: not X
        if not possessive and _pronoun_subject(verb):
            # … unless a subject pronoun goes on with it (X a rencontré Y. Elle l'a accusé):
            # the clitic is then another party than the pronoun's
            candidates = [(start, e) for start, e in candidates if e not in topic]
        elif len(topic := [e for e in topic if e not in actors]) == 1:
            if wanted is None or _gender_fits(reader, doc, topic[0], wanted):
                return topic
    return [candidates[0][1]] if candidates else []


def _gender_fits(reader: RoleReader, doc: Doc, entity_id: str, wanted: str) -> bool:
    """Say whether a party may be what a clitic of this gender stands for (no gender known: yes)."""
    entity = reader.doc.entity(entity_id)
    gender = entity_gender(doc, entity) if entity is not None else None
    return gender is None or gender == wanted


def _pronoun_subject(verb: Token) -> bool:
    """Say whether a verb's clause has a subject pronoun (il, elle, ils, elles)."""
    return any(
        c.dep_ in _SUBJECT_DEPS and c.lower_ in SUBJECT_PRONOUNS
        for node in subject_chain(verb)[:2]
        for c in node.children
    )


def _subject_of(reader: RoleReader, sentence: Span) -> list[str] | None:
    """Return the parties the main clause of a sentence has as its subject, a pronoun read
    back; None when that subject is a pronoun that names no party (the topic goes on, unnamed)."""
    subject = next((c for c in sentence.root.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None:
        return []
    pronoun = subject.lower_ in SUBJECT_PRONOUNS
    found = (reader.pronoun(subject) or []) if pronoun else reader.group(subject)
    found = [e for e in found if reader.types.get(e) not in (None, "MISC")]
    return None if pronoun and not found else found


def _in_relative(doc: Doc, offset: int) -> bool:
    """Say whether the word at ``offset`` sits inside a relative clause (under acl:relcl)."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    token = span[0] if span is not None and len(span) else None
    while token is not None and token.head.i != token.i:
        if token.dep_ == "acl:relcl":
            return True
        token = token.head
    return False


def _plural_antecedent(reader: RoleReader, verb: Token, clitic: Token, actors: list[str]) -> list[str]:
    """Return the parties *les* stands for: the last phrase naming two or more parties
    (a coordination or a plural description) in its sentence or the one before, other
    than the verb's subject (*L'UA a appelé les deux pays à la retenue. Son président les
    a exhortés …*)."""
    sentence = verb.sent
    floor = sentence.start
    if sentence.start > 0 and not purpose_clitic(clitic):
        floor = verb.doc[sentence.start - 1].sent.start
    run: list[str] = []  # names joined by et, commas and articles, read backwards
    for index in range(clitic.i - 1, floor - 1, -1):
        token = verb.doc[index]
        entity = reader.index.entity_at(token.idx)
        if entity is not None and entity not in actors and reader.types.get(entity) not in (None, "MISC"):
            if not run and plural_party(reader.doc.entity(entity)):
                return [entity]  # les syndicats … Il les a accusés: one body named in the plural
            if entity not in run:
                run.insert(0, entity)
            continue
        if token.lower_ in ("et", ",") or token.pos_ == "DET":
            continue
        if len(run) >= 2:
            return run
        run = []
        if token.pos_ == "NOUN" and token.dep_ not in ("conj", "appos"):
            group = reader.group(token)
            if _holds_own_subject(reader, token, group):
                return []  # X a convoqué les deux managers: a group read with X in it is misread
            found = [e for e in group if e not in actors and reader.types.get(e) not in (None, "MISC")]
            if len(found) >= 2:
                return found  # a plural description (les deux pays) or a parsed coordination
    return run if len(run) >= 2 else []


def _holds_own_subject(reader: RoleReader, noun: Token, group: list[str]) -> bool:
    """Say whether the parties read for a plural object include its own verb's subject: an
    object is another party than its subject (the same one would be a reflexive, *se*), so
    *Le directeur X a convoqué les deux managers* read as X and another is a misreading."""
    if noun.dep_ != "obj" or noun.head.pos_ != "VERB":
        return False
    subject = reader.subject(noun.head, agent=False) or []
    return any(e in subject for e in group)


def previous_subject(reader: RoleReader, chain: list[Token]) -> tuple[list[str], int]:
    """Return the party a subject pronoun the entity layer left unresolved stands for: the
    subject of the sentence before, in the same paragraph (*Le syndicat Solidaires a tenu un
    congrès lundi. Il a ensuite accusé la ministre …*), agreeing in gender and number; and
    the depth in ``chain`` of the clause the pronoun is the subject of."""
    pronoun = next(
        (
            c
            for node in chain[:3]
            for c in node.children
            if c.dep_ in _SUBJECT_DEPS and c.lower_ in SUBJECT_PRONOUNS
        ),
        None,
    )
    if pronoun is None or reader.index.entity_at(pronoun.idx) is not None or _impersonal(pronoun):
        return [], 0
    sentence = pronoun.sent
    if sentence.start == 0:
        return [], 0
    before = pronoun.doc[sentence.start - 1].sent
    if "\n" in pronoun.doc[sentence.start - 1].text or "\n" in before.text[-2:]:
        return [], 0  # a new paragraph: the discourse may have moved on
    root = before.root
    found = reader.subject(root, agent=True) or (reader.group(root) if root.pos_ in ("NOUN", "PROPN") else [])
    parties = [e for e in found if reader.types.get(e) not in (None, "MISC")]
    plural = pronoun.lower_ in ("ils", "elles")
    if not parties or ((len(parties) > 1) != plural and not (plural and _plural_body(root))):
        return [], 0
    if not plural:
        entity = reader.doc.entity(parties[0])
        wanted = "m" if pronoun.lower_ == "il" else "f"
        if entity is None or (entity.gender is not None and entity.gender != wanted):
            return [], 0
    return parties, next(i for i, node in enumerate(chain) if pronoun.head == node)


def _plural_body(root: Token) -> bool:
    """Say whether a clause's subject is one body told by a plural noun (*Les rebelles du
    FLA contestent …; Ils ont attaqué …*, *les militants de Greenpeace*): *ils* may take it."""
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    return subject is not None and subject.pos_ == "NOUN" and "Plur" in feature(subject, "Number")


def _impersonal(pronoun: Token) -> bool:
    """Say whether a subject *il* is impersonal (*il faut*, *il y a*, *il est temps de*)."""
    if pronoun.lower_ != "il":
        return False
    head = pronoun.head
    if head.lemma_.lower() in _IMPERSONAL or head.pos_ in ("ADJ", "NOUN"):
        return True
    return any(c.lower_ == "y" for c in head.children) and head.lemma_.lower() == "avoir"


def _after_place_word(doc: Doc, offset: int, floor: int) -> bool:
    """Say whether the word at ``offset`` (read from token ``floor`` on) follows a
    preposition of place (à, en, dans)."""
    index = next((t.i for t in doc[floor:] if t.idx >= offset), None)
    if not index:
        return False
    before = doc[index - 1]
    if before.pos_ == "DET" and index > 1:
        before = doc[index - 2]
    return before.lower_ in _PLACE_WORDS


def passive_pronoun(reader: RoleReader, verb: Token, pronoun: Token) -> list[str]:
    """Return who a passive's pronoun subject stands for: its resolved mention; in a
    clause under another (*X s'est rendu à Alger, où il a été reçu par Y*), the subject
    of the clause above; else the subject of the sentence before."""
    found = reader.pronoun(pronoun)
    if found is not None:
        return found
    if verb.head != verb and verb.dep_ in ("acl:relcl", "advcl", "conj", "ccomp"):
        above = verb.head
        # Tokens are rebuilt on each access: compare them, never by `is` (a root is its own head).
        while above.pos_ not in ("VERB", "AUX") and above.head != above:
            above = above.head  # où elle a été reçue, hung on the place: its clause's verb
        return reader.subject(above, agent=False) or []
    return previous_subject(reader, [verb])[0]


def answered_request(
    reader: RoleReader,
    verb: Token,
    earlier: Sequence[Event],
    types: frozenset[str] = frozenset({"REQUEST"}),
    back: int = 2,
    latest: bool = False,
) -> list[str]:
    """Return whom a reaction with no named object answers: the actors of the last event
    of ``types`` told in the two sentences before whose recipient is the reacting party
    or its country (*La CGT a demandé au maire Paul Girard de suspendre le projet. L'élu
    a refusé.* → REJECT Girard → CGT, PLOVER REJECT: reject a request; *L'UE a adopté des
    sanctions contre la Russie. Moscou a dénoncé une « guerre économique »* → ACCUSE
    Moscou → UE). With ``latest`` (a demonstrative: *ces accusations*), only sentences
    with a verb count towards ``back``."""
    actors, _ = reader.actors_of_verb(subject_chain(verb))
    named = {a for a in actors if reader.types.get(a) not in (None, "MISC")}
    countries = {c for a in named for c in [_country_of(reader, a)] if c is not None}
    sentence = verb.sent
    steps = 0
    while steps < back and sentence.start > 0:  # two sentences back unless told otherwise
        sentence = verb.doc[sentence.start - 1].sent
        # ces accusations: a piece the splitter cut off (« alone, a name after a full stop, a
        # blank line) holds no verb, is no sentence of the discourse and does not count.
        steps += not latest or any(t.pos_ in ("VERB", "AUX") for t in sentence)
    floor = sentence.start_char
    for event in reversed(earlier):
        if event.start < floor:
            break
        if event.type not in types or event.negated or named & set(event.source):
            continue
        if latest:
            return list(event.source)  # ces accusations: the last ones told, whoever they aim at
        hit = named & set(event.target) or countries & {_country_of(reader, t) for t in event.target}
        if hit:
            return list(event.source)
    return []


def _country_of(reader: RoleReader, entity_id: str) -> str | None:
    """Return the country a place entity is or stands for (Russie, Moscou → RUS), or None."""
    entity = reader.doc.entity(entity_id)
    if entity is None:
        return None
    if entity.type != "LOC":
        return entity.country  # a person or body of a country (son homologue tadjik)
    return country_code(entity.name) or capital_country(entity.name)
