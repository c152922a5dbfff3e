"""Give a title said before its holder is named (la préfète … la préfète du Var, X) to the
person the next sentences name with it.

A lead often speaks of an office before it names the holder: *La manifestation avait été
interdite jeudi par la préfète. Selon la préfète du Var, Claire Dumas, …*; *Le maire a refusé
de commenter. Joint mardi, le maire de Lanvéoc, Paul Riou, a dit …*. The description looks
back for its holder (``titles.add_descriptions``) and finds nobody: the holder is named after
it. Such a forward reference (a cataphora) is read only where the text leaves no doubt:

1. the description is definite (*le*, *la*, *l'*; not *un*, not a possessive, whose holder is
   someone else's), not past (*l'ancien maire*), not right before a name (a title: read by
   ``add_titles``), not before a restrictive relative (*la journaliste qui enquêtait*: the
   clause picks her out), and nobody named before it holds its class (then it refers back,
   or to nobody when two did);
2. the first title of that class after it, within about 800 characters and in its
   paragraph or one of the next two (a lead, then the first paragraphs), is given to a
   person by apposition (*la préfète du Var, Claire Dumas*), with a gender that fits;
3. the description's complement, if it has one, is in that title (*le maire* for *le maire de
   Lanvéoc*, not *le maire de Brest*);
4. nobody else in the article holds the class (two prefects: nobody).

A description in the article's opening (its headline, or the first sentence of the lead:
``lede.opening_end``) names the article's subject, whom the body may name much later and
after a byline or a standfirst (*Manille convoque l'ambassadeur chinois* ¶ … five paragraphs
on … *a remis à l'ambassadeur Zhou Weiming une note*): there rule 2 keeps no window (the
holder's first title anywhere after it), and a bare title before the name (*l'ambassadeur
X*, no complement of its own) agrees with any complement of the description (*l'ambassadeur
de Chine*). Rules 1, 3 (for a title with a complement) and 4 hold as they are.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from veille.analysis.entities.clusters import Cluster
from veille.analysis.entities.rolenouns import RoleLexicon
from veille.analysis.entities.roles import TitlePhrase, description_at
from veille.analysis.lang.fr.words import ARTICLES, RELATIVE_PRONOUNS
from veille.analysis.parse import doc_text
from veille.analysis.syntax.view import token_view
from veille.model import Mention
from veille.normal import fold

_AHEAD = 800  # characters: the holder is named within a few sentences after
_PARAGRAPHS_AHEAD = 2  # … and in its paragraph or the next two (a lead, then its first paragraph)
_BREAK = re.compile(r"\n\s*")


def add_forward_titles(clusters: list[Cluster], parsed: Doc, lexicon: RoleLexicon, opening: int = 0) -> None:
    """Give each unattached definite title to the one holder named right after it (module
    rules); ``opening`` is where the article's headline and lead sentence end (0: none)."""
    text = doc_text(parsed)
    covered = {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
    taken = read_phrases(clusters)
    people = [c for c in clusters if c.type == "PER" and not c.group]
    view = token_view(parsed)
    tokens, words, idx = view.tokens, view.text, view.idx
    added: list[Mention] = []
    for after in lexicon.start_positions(parsed):  # an article, then a word a role noun may start at
        if after == 0:
            continue
        token, word, offset = tokens[after - 1], words[after - 1], idx[after - 1]
        if offset in covered or word.lower().replace("’", "'") not in ARTICLES:
            continue
        phrase = description_at(parsed, token.i + 1, lexicon)
        if phrase is None or phrase.start != token.i or not forward_candidate(parsed, phrase, text):
            continue
        start, end = phrase.chars(parsed)
        opens = end <= opening  # the article's subject, named anywhere below
        if any(i in (taken if opens else covered) for i in range(start, end)):
            continue
        holders = [c for c in people if _holds(c, phrase)]
        if len(holders) != 1 or any(m.end <= start and m not in added for m in holders[0].mentions):
            continue  # rules 1 and 4: named before (it refers back) or two holders
        holder = holders[0]
        limit = len(text) if opens else min(len(text), end + _AHEAD)
        title = _first_title(holder, phrase, text, end, limit)
        if title is None:
            continue
        if not _complement_in(parsed, phrase, title.text) and not (opens and _bare(phrase, title.text)):
            continue
        if not opens and len(_BREAK.findall(text, end, title.start)) > _PARAGRAPHS_AHEAD:
            # rule 2: the title is in the same paragraph or the next two; the breaks are
            # counted up to the title, not to the window's end (a headline, then a lead
            # of short paragraphs, has more than two breaks in 800 characters).
            continue
        mention = Mention(start, end, text[start:end], "description")
        holder.mentions.append(mention)
        added.append(mention)  # a headline's title, then the lead's: both look forward
        covered.update(range(start, end))
        taken.update(range(start, end))


def read_phrases(clusters: list[Cluster]) -> set[int]:
    """Return the characters of the phrases read already: a person's mentions and every
    description. A place or a body named in a title's complement (l'ambassadeur de Chine, le
    cofondateur de Mediapart) is that thing's name, not a reading of the phrase."""
    return {
        i
        for c in clusters
        for m in c.mentions
        if c.type == "PER" or m.kind != "name"
        for i in range(m.start, m.end)
    }


def forward_candidate(parsed: Doc, phrase: TitlePhrase, text: str) -> bool:
    """Tell whether a description may refer forward (rule 1)."""
    if (
        phrase.possessive
        or not phrase.definite
        or "ancien" in fold(text[parsed[phrase.start].idx : parsed[phrase.head].idx])
    ):
        return False
    if parsed[phrase.head].pos_ in ("VERB", "AUX"):
        return False
    if phrase.end < len(parsed) and fold(parsed[phrase.end].text) in RELATIVE_PRONOUNS:
        return False  # la journaliste qui enquêtait sur X: the clause picks her out, not the next title
    after = phrase.end + (1 if phrase.end < len(parsed) and parsed[phrase.end].text == "," else 0)
    return not (after < len(parsed) and parsed[after].text[:1].isupper() and parsed[after].pos_ == "PROPN")


def _holds(cluster: Cluster, phrase: TitlePhrase) -> bool:
    """Tell whether a person holds the description's class with a gender that fits."""
    if phrase.gender and cluster.gender and phrase.gender != cluster.gender:
        return False
    return any(
        fact.cls == phrase.role.cls or fact.cls in phrase.role.covers
        for fact in cluster.roles
        if not fact.hidden
    )


def _first_title(holder: Cluster, phrase: TitlePhrase, text: str, end: int, limit: int) -> Mention | None:
    """Return the holder's first title mention between the description and the limit, when
    it names the description's role noun (la préfète … la préfète du Var)."""
    noun = fold(" ".join(phrase.role.words))
    found = sorted(
        (m for m in holder.mentions if m.kind == "description" and end <= m.start and m.end <= limit),
        key=lambda m: m.start,
    )
    if not found or holder_named_before(holder, found[0].start, end):
        return None
    return found[0] if noun in fold(found[0].text) else None


def holder_named_before(holder: Cluster, title: int, end: int) -> bool:
    """Tell whether the holder's name comes between the description and the title (then the
    title is no apposition that introduces them, and the description stays unread)."""
    return any(end <= m.start < title for m in holder.names)


def _bare(phrase: TitlePhrase, title: str) -> bool:
    """Tell whether a title is its role noun alone (l'ambassadeur before a name), which says
    nothing against the description's complement."""
    return fold(title).endswith(fold(" ".join(phrase.role.words)))


def _complement_in(parsed: Doc, phrase: TitlePhrase, title: str) -> bool:
    """Tell whether the description's complement, if any, is part of the title (rule 3)."""
    if phrase.complement >= phrase.end:
        return True
    complement = doc_text(parsed)[
        parsed[phrase.complement].idx : parsed[phrase.end - 1].idx + len(parsed[phrase.end - 1])
    ]
    return fold(complement) in fold(title)
