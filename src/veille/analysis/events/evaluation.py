"""Read accusations told as evaluation: a speaker who judges a named party, or its act,
with a negative evaluative word (PLOVER ACCUSE/disapprove: criticize, condemn, decry).

Three constructions, each bounded to one clause:

- a verb of judgement with a predicate adjective or noun: *la députée a jugé
  « irresponsable » la décision de la préfète*, *a qualifié le projet du maire de
  dangereux* (the parser hangs the *de*-predicate inside the object), *a qualifié de
  « mascarade » le scrutin organisé par X* → the verb's subject accuses the party of its
  object;
- a copular clause in a quotation or an opinion clause: *« La gestion du dossier par le
  ministre est indigne »*, *pour la sénatrice, la réforme du gouvernement est
  inacceptable* → the quotation's speaker (quotes stage) or the *pour*/*selon* party
  accuses the party of the subject;
- a verb of misconduct in the same reported speech: *selon la syndicaliste, le préfet a
  « menti »* → the speaker accuses the subject.

The verb of judgement may be told in the passive, its judge the *par*-agent (*l'offre de
X, jugée « hostile » par Y*; *le plan de X a été jugé « dangereux » par Y* → Y accuses X),
or in a relative clause on what it judges (*le décret de X, que Y juge « injuste »*; *X a
signé un décret que Y juge « injuste »*: an antecedent with no party of its own is the
act of the subject of the verb it is the object of) → Y accuses X.

The party of a phrase is its entity, else its *par*-agent (*la gestion par le ministre*),
else its owner (*la décision de la préfète*), else the country of an adjective of
nationality, on a noun of a body (*la police turque*) or of an act or a decision (*la
décision lituanienne*). The words come from ``evaluation_fr.tsv`` (sources: SOURCES.md).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from veille.analysis.events.authors import adjective_country, national
from veille.analysis.events.blame import blames
from veille.analysis.events.failures import failures
from veille.analysis.events.inaction import inactions
from veille.analysis.events.labels import labelling_verb, nested_predicate
from veille.analysis.events.lexicon import EventLexicon
from veille.analysis.events.nominal import participle_agent
from veille.analysis.events.roles import RoleReader, Roles
from veille.analysis.syntax.tense import negated
from veille.analysis.syntax.view import token_view
from veille.model import Document

_OPINION = ("pour", "selon", "d'après")
_NOUN_LINKS = frozenset({"obj", "nsubj", "nsubj:pass", "obl", "obl:mod", "obl:arg"})
_EVALUATIVE_TAGS = ("ADJ", "NOUN", "PROPN", "VERB")
_HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN"})


def _nominal(token: Token) -> bool:
    """Say whether a word heads a noun phrase: a noun, a name, or an adjective or participle
    with a determiner, which French uses as a noun (*les sous-entendus de X*, *les proches de
    X*) and the tagger leaves an adjective."""
    if token.pos_ in ("NOUN", "PROPN"):
        return True
    return token.pos_ == "ADJ" and any(c.dep_ == "det" for c in token.children)


def _case(token: Token) -> str | None:
    for child in token.children:
        if child.dep_ == "case" and child.i < token.i:
            return child.lower_
    return None


class EvaluationReader:
    """Find evaluative accusations in one document."""

    def __init__(self, doc: Document, reader: RoleReader, lexicon: EventLexicon) -> None:
        self.doc = doc
        self.reader = reader
        self.lexicon = lexicon
        self.quotes = [(q.start, q.end, q.speaker) for q in doc.quotes if q.speaker]

    def party(self, head: Token) -> list[str]:
        """Return the party a phrase names or whose act it names."""
        found = self.reader.group(head)
        if found:
            return found
        for child in head.children:
            if child.dep_ in ("nmod", "obl:agent", "obl") and _case(child) == "par":
                found = self.reader.group(child) or national(self.reader, child)  # par les autorités X
                if found:
                    return found
        # l'accord conclu par X: the agent of the participle on the judged act
        found = participle_agent(self.reader, head)
        return found or self.reader.owner(head) or national(self.reader, head) or self.national_act(head)

    def national_act(self, head: Token) -> list[str]:
        """Return the country an adjective of nationality names as the author of an act or a
        decision (*la décision lituanienne*, *les accusations françaises*: a noun of the
        trigger table or of ``authored_nouns``, as objects.authored_act reads it), or []."""
        lemma = head.lemma_.lower()
        nouns, authored = self.lexicon.nouns, self.lexicon.authored_nouns
        if lemma not in nouns and lemma not in authored and head.lower_ not in authored:
            return []
        return adjective_country(self.reader, head)

    def de_predicate(self, word: Token) -> Token | None:
        """Return the judging verb whose *de*-predicate a word is, when the parser hung it
        inside the verb's object (*qualifier X de « dangereux »*: a predicate of the object,
        Grevisse § 306), or None."""
        return nested_predicate(word, self.lexicon.judging_verbs)

    def speaker(self, token: Token) -> list[str]:
        """Return the speaker of the quotation that holds a word, or []."""
        for start, end, speaker in self.quotes:
            if start <= token.idx < end and speaker is not None:
                return [speaker]
        return []

    def opinion_holder(self, predicate: Token) -> list[str]:
        """Return the party of an opinion clause on a predicate (*pour X, …*, *selon X*)."""
        for child in predicate.children:
            if child.dep_.startswith("obl") and _case(child) in _OPINION and child.i < predicate.i:
                found = self.reader.group(child)
                if found:
                    return found
        return []

    def clause_party(self, node: Token) -> list[str]:
        """Return the party that acts in a *que*-clause a judgement bears on (*juger
        « inacceptable » que X ait ignoré les élus*, *il est inadmissible que X ignore les
        élus*: the completive clause is the judged act, its subject the actor), or []. A
        passive clause's subject undergoes the act (*que l'État n'ait pas été prévenu*): no
        one is judged."""
        for clause in node.children:
            if clause.dep_ not in ("ccomp", "csubj"):  # its verb may be tagged an adjective
                continue
            if not any(c.dep_ == "mark" and c.lower_ in ("que", "qu'") for c in clause.children):
                continue
            subjects = [c for c in clause.children if c.dep_ == "nsubj"]
            found = next((p for s in subjects for p in [self.party(s)] if p), [])
            if found:
                return found
        return []

    def passive_judgement(self, verb: Token) -> tuple[list[str], list[str]] | None:
        """Return (judge, judged) for a verb of judgement told in the passive, or None when it
        has no *par*-agent: the agent judges, the passive subject or the noun the participle
        qualifies is judged (*le plan de X a été jugé « dangereux » par Y*; *l'offre de X,
        jugée « hostile » par Y*): the agent complement of a passive names who acts, here
        who judges."""
        agents = [c for c in verb.children if c.dep_ in ("obl:agent", "obl") and _case(c) == "par"]
        if not agents:
            return None
        nouns = [c for c in verb.children if c.dep_ == "nsubj:pass"]
        if verb.dep_ in ("acl", "amod") and verb.head.pos_ in ("NOUN", "PROPN"):
            nouns.append(verb.head)
        # Not self.party: the judging participle's own agent would come back as the judged.
        judged = next(
            (
                p
                for n in nouns
                for p in [self.reader.group(n) or self.reader.owner(n) or national(self.reader, n)]
                if p
            ),
            [],
        )
        return self.party(agents[0]), judged

    def judged(self, word: Token) -> tuple[list[str], list[str]] | None:
        """Return (judge, judged) for a negative word, or None when it judges nobody here."""
        verb = self.de_predicate(word)
        if verb is not None:  # qualifié le projet du ministre de « dangereux »
            objects = [c for c in verb.children if c.dep_ == "obj"]
            judged = next((p for o in objects for p in [self.party(o)] if p), [])
            return self.reader.subject(verb, agent=False) or self.speaker(word), judged
        judged_object = object_attribute(word, self.lexicon.judging_verbs)
        if judged_object is not None:  # a jugé la décision de X « inacceptable »
            verb = judged_object.head
            return self.reader.subject(verb, agent=False) or self.speaker(word), self.party(judged_object)
        head = word.head
        for _ in range(3):  # qualifié d'« inacceptable »: the parser hangs it on the marks
            if head.pos_ not in ("PUNCT", "ADP") or head.head == head:
                break
            head = head.head
        if head != word.head and head.pos_ == "NOUN" and head.dep_ == "obj":
            verb = head.head  # … and the marks on the object: the object is what is judged
            if verb.lemma_.lower() in self.lexicon.judging_verbs:
                return self.reader.subject(verb, agent=False) or self.speaker(word), self.party(head)
        if head.lemma_.lower() in self.lexicon.judging_verbs and word.dep_ in (
            "xcomp", "obj", "obl", "obl:mod", "obl:arg", "advmod", "amod", "acl"
        ):  # fmt: skip
            passive = self.passive_judgement(head)
            if passive is not None:  # le projet de X, jugé « dangereux » par Y
                return passive
            objects = [c for c in head.children if c.dep_ in _NOUN_LINKS - {"nsubj"} and c != word]
            objects.extend(c for c in word.children if c.dep_ in ("nsubj", "obj"))
            # jugé « irresponsable » l'accord …: the parser hangs the object on the adjective
            objects.extend(c for c in word.children if c.dep_ == "nmod" and _case(c) is None and c.i > word.i)
            # qualifié de « mensonge » l'argument de X: the object read as the noun's apposition
            objects.extend(c for c in word.children if c.dep_ == "appos" and c.i > word.i)
            # le décret du ministre, que la sénatrice juge « injuste »: the relative's antecedent
            antecedent = relative_antecedent(head)
            objects.extend(antecedent)
            judged = next((p for o in objects if _nominal(o) for p in [self.party(o)] if p), [])
            if not judged:  # a jugé « inacceptable » que X ait ignoré les élus
                judged = self.clause_party(head)
            if not judged and antecedent and antecedent[0].dep_ == "obj":
                # X a signé un décret que Y juge « injuste »: the act's author is judged
                judged = self.reader.subject(antecedent[0].head, agent=False) or []
            judge = self.reader.subject(head, agent=False) or self.speaker(word)
            return judge, judged
        if word.lower_ in self.lexicon.insult_words or word.lemma_.lower() in self.lexicon.insult_words:
            return None  # a noun of insult accuses only as the predicate of traiter X de, qualifier X de
        if word.pos_ == "VERB" and not any(c.dep_ == "cop" for c in word.children):
            # A verb of misconduct in reported speech (selon X, le préfet a « menti »): the
            # speaker or opinion holder accuses its subject; told by the narrator, no one.
            subjects = [c for c in word.children if c.dep_ == "nsubj"]
            judged = next((p for s in subjects for p in [self.party(s)] if p), [])
            return self.opinion_holder(word) or self.speaker(word), judged
        if any(c.dep_ == "cop" for c in word.children):
            subjects = [c for c in word.children if c.dep_ in ("nsubj", "nsubj:pass")]
            judged = next((p for s in subjects for p in [self.party(s)] if p), [])
            if not subjects:  # il est inadmissible que X ignore les élus
                judged = self.clause_party(word)
            judge = self.opinion_holder(word) or self.speaker(word)
            return judge, judged
        return None


def object_attribute(word: Token, judging_verbs: frozenset[str]) -> Token | None:
    """Return the object of a verb of judgement whose attribute an adjective is, when the
    adjective follows the object and ends it (*a jugé la décision de X « inacceptable »*,
    *trouve la réforme de X injuste*: the attribute of the object, Grevisse § 300), or None.
    The parser hangs such an adjective on the object, or on the last noun or name inside
    it, as an epithet, an apposition or a name's part (``amod``, ``appos``, ``flat:name``;
    an adjective it tags a noun, as a bare ``nmod``). A judgement the verb denies (*n'a pas
    jugé la décision de X inacceptable*) accuses no one, nor does a participle, which tells
    the state the object was found in (*ont trouvé le portail de X forcé*)."""
    links = ("amod", "appos", "flat:name", "nmod")
    if word.pos_ not in ("ADJ", "NOUN") or word.dep_ not in links or word.head.i > word.i:
        return None
    if _case(word) is not None:
        return None
    noun = word.head
    for _ in range(4):  # la décision du préfet Paul Girard: up through the object's nouns
        if noun.dep_ not in ("nmod", "appos", "flat:name") or noun.head.i > noun.i:
            break
        noun = noun.head
    verb = noun.head
    if noun.dep_ != "obj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in judging_verbs:
        return None
    if negated(verb, [verb]):
        return None
    last = max(t.i for t in noun.subtree if not t.is_punct)
    return noun if last == word.i else None


def relative_antecedent(verb: Token) -> list[Token]:
    """Return the antecedent of a relative clause whose object pronoun is *que* (*le décret,
    que X juge « injuste »*: the object pronoun stands for the noun the clause follows), or
    []: the noun the clause hangs on when *que* opens the verb's own clause."""
    if verb.dep_ not in ("acl:relcl", "acl") or verb.head.pos_ not in ("NOUN", "PROPN"):
        return []
    opened = any(
        c.lower_ in ("que", "qu'") and c.i < verb.i and c.dep_ in ("mark", "obj") for c in verb.children
    )
    return [verb.head] if opened else []


def _hostile_acts(lexicon: EventLexicon) -> frozenset[str]:
    """Return the nouns of the table's hostile rows (agression, frappe), made once per
    lexicon: a walk of every noun row for each article otherwise."""
    kept = _ACTS.get(id(lexicon))
    if kept is None or kept[0] is not lexicon:  # the entry holds its table: no other can take its id
        acts = frozenset(word for word, row in lexicon.nouns.items() if row.type in _HOSTILE)
        kept = _ACTS[id(lexicon)] = (lexicon, acts)
    return kept[1]


_ACTS: dict[int, tuple[EventLexicon, frozenset[str]]] = {}


def evaluations(
    doc: Document, parsed: Doc, reader: RoleReader, lexicon: EventLexicon
) -> Iterator[tuple[Token, Roles]]:
    """Yield the evaluative words that accuse a named party, with judge and judged."""
    if not lexicon.negative_words:
        return
    evaluation = EvaluationReader(doc, reader, lexicon)
    view = token_view(parsed)
    words = lexicon.negative_words
    # A hostile act's noun as the predicate of a verb of judgement (qualifié la décision
    # d'« agression »: labels.py) judges that act as the evaluative words do.
    acts = _hostile_acts(lexicon)
    # A negative word (its form or its lemma in the list), read off the shared view: most
    # words are not, and every word is asked.
    for i, (pos, lower, lemma) in enumerate(zip(view.pos, view.lower, view.lemma_lower, strict=True)):
        if pos not in _EVALUATIVE_TAGS:
            continue
        if lower not in words and lemma not in words:
            label = pos == "NOUN" and lemma in acts
            if not label or not labelling_verb(view.tokens[i], lexicon.judging_verbs):
                continue
        token = view.tokens[i]
        found = evaluation.judged(token)
        if found is None:
            continue
        judges, judged = found
        judged = [j for j in judged if j not in judges]
        named = [j for j in judges if reader.types.get(j) not in (None, "MISC")]
        targets = [j for j in judged if reader.types.get(j) not in (None, "MISC")]
        if named and targets:
            yield token, Roles(tuple(judges), tuple(judged), None, 0)
    yield from blames(parsed, reader, lexicon)  # tient X pour responsable (blame.py)
    yield from failures(parsed, reader)  # estime que X n'a pas été en mesure de (failures.py)
    yield from inactions(parsed, reader, evaluation.speaker)  # « X n'a rien fait » (inaction.py)
