"""Give an elected-office description that no titled person holds (l'élu landais, la
conseillère régionale, le député de la Creuse) to the person in politics named just before.

Political reporting names a councillor or an MP once, by a title of the group or the
opposition they lead or by no title at all, and calls them in the next sentence by their
elected office: *Pour le chef de file de l'opposition, Paul X, … L'élu landais accuse …*;
*« … », a dénoncé la présidente du groupe Écologie, Anne Y. La conseillère régionale
reproche …*; *Le groupe d'opposition, emmené par Yves Z, … estime le conseiller municipal*.
No apposition gave the office, so ``titles.add_descriptions`` finds no holder, and the
salience of trades (``salience.py``) leaves posts alone, since a post may be held by someone
the text never names. Here a post is read as a reference to the person of the sentence
before, on stricter terms than a trade:

1. The description's class is a political post (``political_posts`` of
   ``entity_rules.json``: élu, conseiller municipal, député, sénateur, chef de file,
   candidat); it is definite, not past, not an apposition before a name, not followed by a
   restrictive relative, and its complement names no person (a constituency may follow:
   *le député de la Creuse*).
2. Nobody of its gender holds the class by a title (then ``add_descriptions`` decides, and
   abstains with two holders), unless that holder is an argument of the description's own
   verb (*L'élu accuse le président X*: disjoint reference, ``salience.apart``).
3. The candidates are the people in politics: titled by an office of politics
   (``political_posts``, a mayor, a minister) or as the head of a political body
   (``political_bodies``: *la présidente du groupe X*, *le président de la région*),
   followed by a party label in brackets (*Antoine X (Renaissance, Haute-Savoie)*, the
   press's mark of a politician, whatever the title: *le rapporteur de la commission*), or
   with no title at all (*emmené par Yves Z*). A prefect, a judge or a union officer is not
   an elected member.
4. The description's own sentence before it and the one sentence before count, in its
   paragraph (centering's ranking decides between two people, ``salience.salient_person``;
   two people of one rank leave it open); the quotation that opens the paragraph, whose
   incise the description is, counts as one voice as for trades.
5. The same post said in those sentences of someone unnamed (*Paul X a écrit au député. Le
   député lui a répondu*) is the one the description continues: nobody.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from veille.analysis.entities import salience
from veille.analysis.entities.clusters import Cluster, RoleFact
from veille.analysis.entities.rolenouns import RoleLexicon
from veille.analysis.entities.roles import TitlePhrase
from veille.analysis.lang.fr import tables
from veille.analysis.lang.fr.words import INDEFINITE, POSSESSIVES, RELATIVE_PRONOUNS
from veille.analysis.parse import doc_text
from veille.analysis.syntax.view import token_view
from veille.model import Mention
from veille.normal import fold

_BACK = 1  # sentences: a post refers to the person of the sentence before, no farther
# Offices of politics besides the posts themselves: a mayor or a minister is in politics.
_OFFICE_CLASSES = frozenset({"mayor", "deputy_mayor", "minister", "head_gov", "head_of_state", "governor"})


@cache
def _rules() -> tuple[frozenset[str], frozenset[str]]:
    """Return the political post classes and the first words of political bodies."""
    rules = tables.read_json("entity_rules.json")
    return frozenset(rules["political_posts"]), frozenset(rules["political_bodies"])


def add_political_posts(clusters: list[Cluster], parsed: Doc, lexicon: RoleLexicon) -> None:
    """Give each unheld political post description to the person in politics named in the
    sentence before it (module rules)."""
    posts, _bodies = _rules()
    # A place or an organisation in the complement leaves the post free (le député de la Somme).
    covered = {
        i
        for c in clusters
        for m in c.mentions
        if m.kind != "name" or c.type == "PER"
        for i in range(m.start, m.end)
    }
    people = [c for c in clusters if c.type == "PER" and not c.group]
    labelled = _party_labelled(clusters, doc_text(parsed))
    politicians = [c for c in people if id(c) in labelled or _in_politics(c)]
    text = doc_text(parsed)
    unnamed: list[tuple[int, str]] = []  # the post descriptions seen that no title covers
    for token, phrase, start, end in salience.uncovered_descriptions(parsed, lexicon, posts, covered):
        # Rule 5: the same post said just before of someone unnamed (Paul X a écrit au
        # député. Le député …) is the one this description continues.
        earlier = [
            at for at, cls in unnamed if cls == phrase.role.cls and _since_sentence_before(parsed, token, at)
        ]
        unnamed.append((start, phrase.role.cls))
        if earlier or not _referring(parsed, phrase, text):
            continue
        if any(_holds(c, phrase, start) and not salience.apart(parsed, start, end, c) for c in people):
            continue  # rule 2: add_descriptions' business
        free = [c for c in politicians if not salience.apart(parsed, start, end, c)]
        chosen = salience.salient_person(free, parsed, token.sent, start, phrase, back=_BACK)
        if chosen is not None:
            chosen.mentions.append(Mention(start, end, text[start:end], "description"))
            covered.update(range(start, end))


def _since_sentence_before(parsed: Doc, token: Token, at: int) -> bool:
    """Tell whether a character lies in the sentence before the token's, or in its own."""
    view = token_view(parsed)
    sentences, k = view.sentences, view.sentence_numbers[token.i]
    return sentences[max(k - 1, 0)].start_char <= at < token.idx


def _referring(parsed: Doc, phrase: TitlePhrase, text: str) -> bool:
    """Tell whether a post description may refer back by itself (rule 1)."""
    first = parsed[phrase.start]
    if first.lower_ in INDEFINITE | POSSESSIVES or "ancien" in fold(
        text[first.idx : parsed[phrase.head].idx]
    ):
        return False
    if phrase.end < len(parsed) and fold(parsed[phrase.end].text) in RELATIVE_PRONOUNS:
        return False  # l'élu qui a porté plainte: the clause picks him out
    after = phrase.end + (1 if phrase.end < len(parsed) and parsed[phrase.end].text == "," else 0)
    if after < len(parsed) and parsed[after].pos_ == "PROPN" and parsed[after].text[:1].isupper():
        return False  # an apposition before a name: add_titles read it
    if phrase.end < len(parsed) and parsed[phrase.end].lower_ in ("et", "ou"):
        return False  # les élus et les agents: a coordination is a group
    return not any(t.ent_type_ == "PER" for t in parsed[phrase.complement : phrase.end])


def _holds(cluster: Cluster, phrase: TitlePhrase, start: int) -> bool:
    """Tell whether a person of fitting gender, named in the paragraphs before the
    description, holds the post by a title."""
    if phrase.gender and cluster.gender and phrase.gender != cluster.gender:
        return False
    if not any(0 <= start - m.end <= salience.DESCRIPTION_WINDOW for m in cluster.mentions):
        return False  # a holder named later is someone else, as in add_descriptions
    cls = phrase.role.cls
    return any(f.cls == cls or f.cls in phrase.role.covers or cls in f.implies for f in cluster.roles)


def _party_labelled(clusters: list[Cluster], text: str) -> set[int]:
    """Return the people whose name the text follows with a party label in brackets
    (Antoine X (Renaissance, Haute-Savoie); Paul Y (LR)): the French press marks politicians so."""
    starts = {m.start for c in clusters if c.type == "ORG" for m in c.names}
    labelled = set()
    for cluster in clusters:
        for mention in cluster.names if cluster.type == "PER" else ():
            opening = text.find("(", mention.end, mention.end + 3)
            if opening >= 0 and not text[mention.end : opening].strip() and opening + 1 in starts:
                labelled.add(id(cluster))
    return labelled


def _in_politics(cluster: Cluster) -> bool:
    """Tell whether a person is in politics by the text (rule 3): no title at all, or one
    of a political office or over a political body."""
    return not cluster.roles or any(_political(f) for f in cluster.roles)


def _political(fact: RoleFact) -> bool:
    posts, bodies = _rules()
    if fact.cls in posts or fact.cls in _OFFICE_CLASSES:
        return True
    words = (fact.complement or fact.named or "").split()
    return bool(words) and words[0] in bodies
