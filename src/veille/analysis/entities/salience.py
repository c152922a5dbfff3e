"""Give a trade description that no titled person holds (le pêcheur, la syndicaliste, le
prévenu) to the person the discourse is about.

The press names a person, then calls them by what they do or are, though no apposition gave
that trade: *Le président de la fédération, Paul Le Goff, a fait appel. « … », a assuré le
pêcheur*; *Le tribunal a condamné Marc Riou, 29 ans. Le prévenu restera en détention*. The
role table's class of *pêcheur* (``fisher``) is no role the text gave anyone, so the matching
of ``titles.add_descriptions`` finds no holder. This step reads such a description as
a reference to the most salient person of its gender, ranked as centering theory ranks the
entities of a discourse (Grosz, Joshi and Weinstein 1995, *Centering: a framework for
modeling the local coherence of discourse*, Computational Linguistics 21(2)): the nearest
sentence that names a fitting person wins, and within it the subject before any other role.

1. Only the classes that say what someone does or is count (``trade_classes`` of
   ``entity_rules.json``): a post (*le directeur*, *le maire*) may be held by someone the
   text never names, and a relation (*le père*, *son avocate*, *l'adversaire*) names
   someone else than the person it is said of.
2. The description is definite (*le*, *la*, *l'*, *ce*), not past (*l'ancien gendarme*),
   is no apposition before a name, its complement names no person (*le fils de Jean Riou*
   is another man), and no restrictive relative follows it (*le syndicaliste qui
   l'interpellait* is picked out by the clause, not by the discourse).
3. If anyone of the description's gender holds the class (an apposition gave it), the
   description is ``add_descriptions``' business, and this step leaves it.
4. The candidates are the people with a mention in the description's sentence before it or
   in the three sentences before, in its paragraph, whose gender and country fit. The
   nearest such sentence decides; with two candidates there, the one that is a clause's
   subject wins, else the one that is a direct object (centering's ranking: subject, object,
   others; Brennan, Friedman and Pollard 1987); with two of the best rank, nobody. A
   paragraph that opens with a quotation, the description in its incise (*X a marqué.* ¶
   *« … », a confié l'attaquant*), continues the paragraph before: the search goes on
   into it.
   A coach or a referee is never a player's position, nor the reverse
   (``sport_staff``, ``sport_players``).
5. A later description of the same class goes to the same person (*le prévenu … l'accusé*,
   *la sprinteuse … l'athlète* are not: two classes), however far the text has moved on.
6. A person the text titles with a post (*le procureur de la République, X*; the
   ``OFFICES`` of ``titles.py``) is referred back to by that post, not by an epithet of
   age (*le jeune homme*, *la jeune femme*: ``_STATUS``): when the salient person is such
   an official (*Le procureur, X, a ouvert une information. Selon l'autopsie, le jeune
   homme présentait …*), the description goes to nobody rather than to the official. A
   trade may be an official's (a mayor who fishes is *le pêcheur*): tried for every trade
   class, it lost seven descriptions of the open sets for one wrong merge.

Disjoint reference (``apart``, also read by ``titles.add_descriptions``): a description and
a name that are two arguments of one verb, or inside two arguments of it, name two people
(*L'élu landais accuse le président Dutreuil*: the élu is not Dutreuil; *Le ministre a reçu
Paul Girard*). This is binding theory's condition C (Chomsky 1981, *Lectures on Government
and Binding*): a full noun phrase is not bound by another in its own clause. A name inside a
clause of its own (a relative, a subordinate) is not counted: *le député, qui a rencontré
Paul Girard, …* says nothing, nor does a name outside the quotation that holds the
description (*« … relève du ministre », ajoute un proche de X*: two voices, two clauses).
A noun predicate with its copula heads a clause as a verb does: a description inside its
complement is someone else than its subject (*Son gérant, Paul Garnier, est le parrain de
la fille du prévenu*: the prévenu is not Garnier); the predicate itself (*X est le gérant*)
is no complement of itself and stays free. The salient-person search skips such a name too.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from functools import cache

from spacy.tokens import Doc, Span, Token

from veille.analysis.entities.clusters import Cluster
from veille.analysis.entities.rolenouns import RoleLexicon
from veille.analysis.entities.roles import TitlePhrase, description_at
from veille.analysis.lang.fr import tables
from veille.analysis.lang.fr.words import INDEFINITE, POSSESSIVES, RELATIVE_PRONOUNS
from veille.analysis.parse import doc_text
from veille.analysis.syntax.tense import feature
from veille.analysis.syntax.view import token_view
from veille.model import Mention
from veille.normal import fold

# The dependencies that make a noun phrase an argument (or adjunct) of its clause's verb.
# Characters a role description looks back for its holder: a few paragraphs (resolve, posts).
DESCRIPTION_WINDOW = 1500
_ARGUMENTS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:arg", "obl:mod", "obl:agent"})
_SENTENCES_BACK = 3  # a trade epithet refers to someone named in the last few sentences
_SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
_SUBJECT = 2  # the rank of a clause's subject (_rank)
# Determiners that do not refer back by themselves (un pêcheur, son avocat).
_NOT_REFERRING = INDEFINITE | POSSESSIVES
_OPENING_MARKS = ("«", "“", '"')
# Classes that describe a person by age or life stage, never an official's post (rule 6).
_STATUS = frozenset({"young"})
_CLOSING_MARKS = ("»", "”", '"')


@cache
def _sport_sides() -> tuple[frozenset[str], frozenset[str]]:
    """Return the role classes of a team's staff and officials, and of its players."""
    rules = tables.read_json("entity_rules.json")
    return frozenset(rules["sport_staff"]), frozenset(rules["sport_players"])


def _other_side(cluster: Cluster, phrase: TitlePhrase) -> bool:
    """Tell whether a person holds a sports role on the other side of the one described: a
    coach or a referee is no player (« … », sourit l'entraîneur X. Le demi d'ouverture …)."""
    staff, players = _sport_sides()
    held = {fact.cls for fact in cluster.roles}
    return (phrase.role.cls in players and bool(held & staff)) or (
        phrase.role.cls in staff and bool(held & players)
    )


@cache
def trade_classes() -> frozenset[str]:
    """Return the role classes that name a person by trade or status (entity_rules.json)."""
    return frozenset(tables.read_json("entity_rules.json")["trade_classes"])


def add_salient_trades(
    clusters: list[Cluster],
    parsed: Doc,
    lexicon: RoleLexicon,
    titles: set[int],
    offices: Collection[str] = (),
) -> None:
    """Give each unheld trade description to the salient person before it (module rules);
    the salient person titled with one of ``offices`` gets none (rule 6)."""
    classes = trade_classes()
    holders: list[tuple[Cluster, set[str]]] | None = None  # read at the first description
    chosen_for: dict[str, Cluster] = {}  # the class -> the person an earlier description went to
    covered = titles | {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
    people = [c for c in clusters if c.type == "PER" and not c.group]
    text = doc_text(parsed)
    for token, phrase, start, end in uncovered_descriptions(parsed, lexicon, classes, covered):
        if holders is None:  # the roles as on entering: nothing above changes them
            holders = [(c, _held(c)) for c in clusters]
        if any(c.type == "PER" and phrase.role.cls in held and _fits(c, phrase) for c, held in holders):
            continue  # rule 3 (a woman titled réalisatrice does not hold le cinéaste)
        if not _referring(parsed, phrase, text):
            continue
        # Rule 5: a second description of the class goes where the first went (le prévenu … l'accusé).
        earlier = chosen_for.get(phrase.role.cls)
        chosen = (
            earlier
            if earlier and _fits(earlier, phrase)
            else salient_person(people, parsed, token.sent, start, phrase)
        )
        if phrase.role.cls in _STATUS and chosen not in (None, earlier) and _official(chosen, offices):
            continue  # rule 6 (le procureur X … le jeune homme: the victim, not X)
        if chosen is not None:
            chosen.mentions.append(Mention(start, end, text[start:end], "description"))
            covered.update(range(start, end))
            chosen_for[phrase.role.cls] = chosen


def _held(cluster: Cluster) -> set[str]:
    """Return the role classes a cluster holds, and those its roles imply."""
    return {f.cls for f in cluster.roles} | {k for f in cluster.roles for k in f.implies}


def uncovered_descriptions(
    parsed: Doc, lexicon: RoleLexicon, classes: Collection[str], covered: set[int]
) -> Iterator[tuple[Token, TitlePhrase, int, int]]:
    """Yield each description of one of ``classes`` whose characters no mention or title
    covers, with its token, start and end; ``covered`` is read as the caller grows it."""
    view = token_view(parsed)
    tokens, idx = view.tokens, view.idx
    for i in lexicon.start_positions(parsed):
        token, offset = tokens[i], idx[i]
        if offset in covered:
            continue
        phrase = description_at(parsed, token.i, lexicon)
        if phrase is None or phrase.role.cls not in classes:
            continue
        start, end = phrase.chars(parsed)
        if not any(i in covered for i in range(start, end)):
            yield token, phrase, start, end


def _referring(parsed: Doc, phrase: TitlePhrase, text: str) -> bool:
    """Tell whether a description may refer back by itself (rule 2)."""
    first = parsed[phrase.start]
    if first.lower_ in _NOT_REFERRING or "ancien" in text[first.idx : parsed[phrase.head].idx]:
        return False
    if any(t.pos_ == "NOUN" for t in parsed[phrase.start + 1 : phrase.head]):
        return False  # the role word qualifies another noun (le commandement militaire)
    if parsed[phrase.head].pos_ in ("VERB", "AUX"):
        return False  # matched without accents: l'accuse (a clitic and a verb) is no accusé
    if phrase.end < len(parsed) and fold(parsed[phrase.end].text) in RELATIVE_PRONOUNS:
        return False  # a restrictive relative picks someone out (le syndicaliste qui l'interpellait)
    after = phrase.end + (1 if phrase.end < len(parsed) and parsed[phrase.end].text == "," else 0)
    if after < len(parsed) and parsed[after].pos_ == "PROPN" and parsed[after].text[:1].isupper():
        return False  # an apposition before a name: add_titles read it
    complement = parsed[phrase.complement : phrase.end]
    return not any(t.ent_type_ == "PER" or (t.pos_ == "PROPN" and t.text[:1].isupper()) for t in complement)


def salient_person(
    people: list[Cluster],
    parsed: Doc,
    sentence: Span,
    start: int,
    phrase: TitlePhrase,
    back: int = _SENTENCES_BACK,
) -> Cluster | None:
    """Return the person the description refers to, or None when the discourse does not say
    (rule 4); ``back`` sentences before the description's are searched."""
    sentences = token_view(parsed).sentences
    at = next(k for k, s in enumerate(sentences) if s.start == sentence.start)
    # A subject description is someone else than a non-subject name of its own sentence
    # (après avoir servi Tom Arbeloa, le milieu a marqué): it continues the topic before.
    as_subject = _is_subject(parsed, start, parsed[phrase.end - 1].idx + 1)
    end = phrase.chars(parsed)[1]
    text = doc_text(parsed)
    crossed = False
    # The sentences of a quotation that opens the description's paragraph are one voice, the
    # one named before it (« J'ai cru… Ils criaient… », raconte la commerçante): not counted.
    free = _quoted_sentences(text, sentences, at, start)
    for k in range(at, max(-1, at - back - free - 1), -1):
        low, high = sentences[k].start_char, min(sentences[k].end_char, start)
        if k < at and _paragraph_between(text, sentences[k], sentences[k + 1]):
            # A new paragraph may bring a new topic: the search stays in its own, unless
            # that paragraph opens with a quotation whose incise the description is (« … »,
            # a confié l'attaquant): the quote gives the voice of the one named just before.
            if crossed or not _opens_with_quote(text, sentences[k + 1].start_char, start):
                return None
            crossed = True
        here: dict[int, tuple[Cluster, int]] = {}  # cluster -> its best rank in the sentence
        for cluster in people:
            if not _fits(cluster, phrase) or _other_side(cluster, phrase):
                continue
            for mention in cluster.mentions:
                if low <= mention.start and mention.end <= high:
                    rank = _rank(parsed, mention.start, mention.end)
                    if k == at and ((as_subject and rank < _SUBJECT) or apart(parsed, start, end, cluster)):
                        continue
                    seen = here.get(id(cluster), (cluster, 0))
                    here[id(cluster)] = (cluster, max(seen[1], rank))
        if not here:
            continue
        if len(here) == 1:
            return next(iter(here.values()))[0]
        # The best-ranked person wins, the subject before the object before any other
        # (le tribunal a condamné Marc Riou pour le meurtre de Paul Sarre. L'accusé …);
        # two people of the best rank leave it open.
        best = max(rank for _c, rank in here.values())
        ranked = [c for c, rank in here.values() if rank == best]
        return ranked[0] if len(ranked) == 1 and best > 0 else None
    return None


def _quoted_sentences(text: str, sentences: list[Span], at: int, start: int) -> int:
    """Count the sentences before sentence ``at`` in its paragraph when that paragraph opens
    with a quotation closed before the description (its incise)."""
    k = at
    while k > 0 and not _paragraph_between(text, sentences[k - 1], sentences[k]):
        k -= 1
    return at - k if _opens_with_quote(text, sentences[k].start_char, start) else 0


def _official(cluster: Cluster | None, offices: Collection[str]) -> bool:
    """Tell whether the text titles a person with one of ``offices`` (le procureur, le maire)."""
    return cluster is not None and any(fact.cls in offices for fact in cluster.roles)


def _fits(cluster: Cluster, phrase: TitlePhrase) -> bool:
    """Tell whether nothing the text says of a person contradicts the description: its
    gender (la syndicaliste), its country (le milliardaire américain is not Xi Jinping)."""
    if phrase.gender and cluster.gender and phrase.gender != cluster.gender:
        return False
    if phrase.country is None:
        return True
    known = {cluster.country} | {fact.role.of for fact in cluster.roles}
    known = {code for code in known if code and not code.startswith("@")}
    return not known or phrase.country in known


def _opens_with_quote(text: str, paragraph: int, start: int) -> bool:
    """Tell whether the paragraph that holds a description opens with a quotation mark,
    the description coming after the quotation's close (its incise)."""
    opening = text[paragraph:start].lstrip()
    return opening[:1] in _OPENING_MARKS and any(mark in opening[1:] for mark in _CLOSING_MARKS)


def _paragraph_between(text: str, first: Span, second: Span) -> bool:
    """Tell whether a line break separates two sentences (spaCy may put it in either)."""
    last = first.start_char + len(text[first.start_char : first.end_char].rstrip())
    opening = text[second.start_char : second.end_char]
    return "\n" in text[last : second.start_char + len(opening) - len(opening.lstrip())]


def _rank(parsed: Doc, start: int, end: int) -> int:
    """Rank a mention as centering ranks the entities of an utterance: a subject (2), a
    direct object (1), anything else (0)."""
    if _is_subject(parsed, start, end):
        return _SUBJECT
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None:
        return 0
    root = span.root
    while root.dep_ in ("conj", "flat:name") and root.head is not root:
        root = root.head
    return 1 if root.dep_ == "obj" else 0


def _is_subject(parsed: Doc, start: int, end: int) -> bool:
    """Tell whether a mention's head is a clause's subject."""
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ == "conj" and root.head is not root:
        root = root.head  # Paul Marec et Jean Tanguy: both are the subject
    # An infinitive clause has no subject of its own (après avoir salué Tom X: the model
    # may call Tom the subject of salué).
    verb = root.head
    infinitive = "Inf" in feature(verb, "VerbForm") or any(
        "Inf" in feature(child, "VerbForm") for child in verb.children if child.dep_.startswith("aux")
    )
    return root.dep_ in _SUBJECTS and not infinitive


def apart(parsed: Doc, start: int, end: int, cluster: Cluster) -> bool:
    """Tell whether a description (characters start..end) and a name of the person lie in two
    arguments of one verb, so that the description is someone else (disjoint reference)."""
    span = parsed.char_span(start, end, alignment_mode="expand")
    top = _clause_argument(span.root) if span is not None else None
    if span is None or top is None or not (top.dep_ in _ARGUMENTS or _predicate_complement(top)):
        return False
    text = doc_text(parsed)
    for mention in cluster.names:
        if not (top.sent.start_char <= mention.start < top.sent.end_char) or start <= mention.start < end:
            continue
        if _quoted(text, start) != _quoted(text, mention.start):
            continue  # a quotation and its incise are two voices (« … du ministre », ajoute un proche de X)
        named = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
        if named is not None and _argument_of(named.root, top, span):
            return True
    return False


def _clause_argument(token: Token) -> Token | None:
    """Return the dependent of the nearest verb above a token that holds it (the token itself,
    or the noun phrase it is a complement of: contre la candidate in une plainte contre la
    candidate), or None at the root. A noun predicate with its copula heads a clause too: a
    complement of it is read as an argument (X est le parrain de la fille du prévenu)."""
    while token.head.i != token.i:
        if _clause_head(token.head):
            return token
        token = token.head
    return None


def _clause_head(token: Token) -> bool:
    """Tell whether a token heads a clause: a verb, or a noun predicate with its copula."""
    return token.pos_ in ("VERB", "AUX") or (
        token.pos_ in ("NOUN", "PROPN") and any(child.dep_ == "cop" for child in token.children)
    )


def _predicate_complement(top: Token) -> bool:
    """Tell whether a clause's dependent is a complement of its noun predicate (de la fille in
    X est le parrain de la fille du prévenu)."""
    return top.dep_ == "nmod" and top.head.pos_ != "VERB" and _clause_head(top.head)


def _argument_of(token: Token, top: Token, description: Span) -> bool:
    """Tell whether a token lies in another argument of the verb than ``top`` (the one that
    holds the description), without crossing a clause of its own on the way up."""
    verb = top.head
    while token.head.i != token.i:
        if token.head.i == verb.i:
            return token.i != top.i and (token.dep_ in _ARGUMENTS or token.dep_ == "conj")
        if description.start <= token.head.i < description.end or _clause_head(token.head):
            return False  # inside the description, or inside a clause of its own
        token = token.head
    return False


def _quoted(text: str, position: int) -> bool:
    """Tell whether a position lies inside a quotation opened in its paragraph."""
    depth = 0
    for char in text[text.rfind("\n", 0, position) + 1 : position]:
        if char in ("«", "“"):
            depth += 1
        elif char in ("»", "”"):
            depth = max(depth - 1, 0)
        elif char == '"':
            depth = 0 if depth else 1
    return depth > 0
