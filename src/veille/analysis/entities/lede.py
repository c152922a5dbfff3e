"""Give a title in an article's lead (le cofondateur de Mediapart a déposé plainte) to the
person its headline names.

A news article names its subject in the headline and picks the subject up in the lead by a
description, not by the name again: *Le journaliste Paul Vasseur accuse une élue de
diffamation* ¶ *Le fondateur du site Rivages a déposé plainte …*; *Karine Delmas reçue à
l'Élysée* ¶ *La secrétaire générale de la FSE a exposé ses revendications au chef de
l'État*. The lead's description names an office or a trade that no apposition gave anyone
(the headline said *le journaliste*, or nothing), so ``titles.add_descriptions`` finds no
holder, and it is said before any name in the body, so the salience of trades looks back
into an empty paragraph. The headline is the lead's context, as the sentence before is a
description's elsewhere (the lead continues the headline's centre: Grosz, Joshi and
Weinstein 1995, *Centering*, Computational Linguistics 21(2); the inverted pyramid of news
writing puts the who of the headline in the lead's first sentence).

1. The text opens with a headline: a first paragraph of one line, at most 200 characters,
   that does not end with a full stop (a first paragraph that is a sentence is a lead).
2. The description is in the lead's first sentence (the first sentence of the next
   paragraph, after its dateline: *NANTES, 3 mai (AFP) - …*), is definite, not past, not
   possessive, not right before a name (an apposition: ``add_titles`` read it), not before
   a restrictive relative, and no mention of any entity covers it.
3. No person is named in the lead before it (then that person is the nearer reference, and
   the other steps decide).
4. Exactly one person named in the headline fits it: the gender agrees, the demonym's
   country agrees where both are known, and a person the text already titled by an office
   (a post one person holds at a time: minister, mayor, prefect …; not a past one, *l'ancien
   ministre*) holds the description's class (a titled minister is not *le cofondateur*; a
   trade, *le journaliste X*, says nothing against an office).
5. The person gets the description, not its role: the lead says it once, and a role would
   make the person the holder of every later description of that class (measured on the
   REAL articles: a second *la comédienne* far down gave a complaint to the wrong party).

A headline with two people of the description's gender, or a lead that names someone first,
leaves the description to nobody.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from veille.analysis.entities.cataphora import forward_candidate, read_phrases
from veille.analysis.entities.clusters import Cluster
from veille.analysis.entities.rolenouns import RoleLexicon
from veille.analysis.entities.roles import TitlePhrase, description_at
from veille.analysis.lang.fr.words import ARTICLES
from veille.analysis.parse import doc_text
from veille.analysis.syntax.view import token_view
from veille.model import Mention

_HEADLINE = 200  # characters: a headline is one short line
_PARAGRAPH = re.compile(r"\n\s*\n|\n")
_FORMER = re.compile(r"\b(?:ex-|ancien(?:ne)?\b)", re.IGNORECASE)
# A dateline: a place in capitals, a bracketed region or agency, a date, then a dash
# (NANTES (Loire-Atlantique), 3 mai 2026 (AFP) - …).
DATELINE = re.compile(r"[A-ZÀ-Ý][A-ZÀ-Ý' -]{2,}(?:\s*\([^)\n]{1,40}\))?,[^\n–—]{0,60}?\s[-–—]\s+")


def add_lead_titles(
    clusters: list[Cluster],
    parsed: Doc,
    lexicon: RoleLexicon,
    offices: frozenset[str],
) -> None:
    """Give each fitting title of the lead's first sentence to the one headline person it fits."""
    text = doc_text(parsed)
    bounds = _lead(parsed, text)
    if bounds is None:
        return
    headline_end, lead_start, lead_end = bounds
    people = [c for c in clusters if c.type == "PER" and not c.group]
    headliners = [c for c in people if any(m.end <= headline_end for m in c.names)]
    if not headliners:
        return
    # A name in the complement (de Mediapart) is the organisation's; a person's name or any
    # description there means the phrase is read already.
    covered = read_phrases(clusters)
    view = token_view(parsed)
    for after in lexicon.start_positions(parsed):  # an article, then a word a role noun may start at
        i = after - 1
        if i < 0:
            continue
        word, offset = view.text[i], view.idx[i]
        if offset < lead_start or offset >= lead_end:
            continue
        if offset in covered or word.lower().replace("’", "'") not in ARTICLES:
            continue
        phrase = description_at(parsed, i + 1, lexicon)
        if phrase is None or phrase.start != i or not forward_candidate(parsed, phrase, text):
            continue
        start, end = phrase.chars(parsed)
        if end > lead_end or any(k in covered for k in range(start, end)):
            continue
        if any(lead_start <= m.start < start for c in people for m in c.names):
            continue  # rule 3: a person named first in the lead is nearer
        fitting = [c for c in headliners if _fits(c, phrase, offices)]
        if len(fitting) != 1:
            continue  # rule 4: two headline people of that gender, or none
        holder = fitting[0]
        holder.mentions.append(Mention(start, end, text[start:end], "description"))
        if phrase.gender and not holder.gender:
            holder.gender = phrase.gender
        covered.update(range(start, end))


def opening_end(parsed: Doc) -> int:
    """Return where the article's opening (its headline and the lead's first sentence) ends,
    or 0 when the text opens with no headline (rules 1 and 2)."""
    bounds = _lead(parsed, doc_text(parsed))
    return bounds[2] if bounds is not None else 0


def _lead(parsed: Doc, text: str) -> tuple[int, int, int] | None:
    """Return where the headline ends and where the lead's first sentence starts and ends
    (rules 1 and 2), or None when the text opens with no headline."""
    first = _PARAGRAPH.search(text)
    if first is None:
        return None
    headline = text[: first.start()].strip()
    if not headline or len(headline) > _HEADLINE or headline.endswith("."):
        return None
    lead_start = first.end()
    while lead_start < len(text) and text[lead_start].isspace():
        lead_start += 1
    paragraph_end = _paragraph_end(text, lead_start)
    dateline = DATELINE.match(text, lead_start, paragraph_end)
    if dateline is not None:
        lead_start = dateline.end()  # PARIS, 12 mars (AFP) - …: the lead opens after the dash
    for sentence in parsed.sents:
        if sentence.end_char > lead_start:
            if sentence.start_char < lead_start and dateline is None:
                return None  # the headline and the lead are one sentence to the parser: unsure
            return first.start(), lead_start, min(sentence.end_char, paragraph_end)
    return None


def _paragraph_end(text: str, start: int) -> int:
    found = _PARAGRAPH.search(text, start)
    return found.start() if found is not None else len(text)


def _fits(cluster: Cluster, phrase: TitlePhrase, offices: frozenset[str]) -> bool:
    """Tell whether a headline person may hold a lead's description (rule 4)."""
    if phrase.gender and cluster.gender and phrase.gender != cluster.gender:
        return False
    if phrase.country and cluster.country and phrase.country != cluster.country:
        return False
    # A past office (l'ancien ministre X) leaves the person free for a present one.
    shown = [
        f for f in cluster.roles if not f.hidden and f.cls in offices and not _FORMER.search(f.role.title)
    ]
    return not shown or any(
        f.cls == phrase.role.cls or f.cls in phrase.role.covers or phrase.role.cls in f.implies for f in shown
    )
