"""Merge acronyms into the names they abbreviate, and give a bracketed acronym the noun
phrase it glosses.

Reads the article text (an acronym in brackets after a name, or one in capitals the model
did not tag) and the parse (the noun phrase before '(Centcom)'), because an acronym is a
second name of an organisation the clusters in ``clusters.py`` must learn; the letter tests
are in ``acronyms.py``. Used by the resolve stage (``resolve.py``).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from veille.analysis.entities.acronyms import (
    abridged,
    acronym_forms,
    can_spell,
    club_short,
    is_acronym,
    same_club,
)
from veille.analysis.entities.cantons import bracketed_canton
from veille.analysis.entities.clusters import Cluster
from veille.analysis.entities.names import is_given_name, tokens
from veille.analysis.entities.rolenouns import load_roles
from veille.analysis.entities.roles import noun_phrase_before
from veille.analysis.lang.fr import countries
from veille.analysis.parse import doc_text
from veille.analysis.syntax.view import token_view
from veille.model import Mention
from veille.normal import word_key

_WORD = re.compile(r"\w+")
_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z]{1,9}(?:-[A-Z][A-Za-z]{0,3})?)(?![\w-])")  # (ANSM), (Brav-M)


class _WordPlaces:
    """Where each word of a text starts: the places where ``\\bword\\b`` matches, where a
    search of the whole text per bracketed acronym grew with the square of a long text's
    length. The first few words asked are found by substring search (a text has one or two
    acronyms in brackets; indexing its every word cost more); past them, every word of the
    text is indexed once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._at: dict[str, list[int]] | None = None
        self._searched = 0

    def places(self, word: str) -> list[int]:
        """Return the starts of ``word`` standing alone, in text order."""
        if not _WORD.fullmatch(word):
            return [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", self.text)]
        if self._at is None and self._searched < _SEARCHED_WORDS:
            self._searched += 1
            return self._search(word)
        if self._at is None:
            self._at = {}
            for m in _WORD.finditer(self.text):  # a run of word characters is bounded on both sides
                self._at.setdefault(m.group(), []).append(m.start())
        return self._at.get(word, [])

    def _search(self, word: str) -> list[int]:
        """Return the places of ``word`` as a whole run of word characters (what the index
        holds): each occurrence with no word character right before or right after it."""
        text, size, found = self.text, len(word), []
        at = text.find(word)
        while at >= 0:
            end = at + size
            alone_before = at == 0 or not _WORD.match(text[at - 1])
            if alone_before and (end == len(text) or not _WORD.match(text[end])):
                found.append(at)
            at = text.find(word, at + 1)
        return found


_SEARCHED_WORDS = 8  # words found by substring search before the whole text is indexed


def merge_acronyms(clusters: list[Cluster], text: str) -> list[Cluster]:
    """Merge an acronym into the name it abbreviates.

    1. 'Office fédéral de l'agriculture (OFAG)': the acronym in brackets after a name, when
       its letters can spell it (so that 'pour le Moyen-Orient (Centcom)' does not make
       Centcom a name of the Middle East). The model often misses the acronym itself:
       every occurrence of it in the text becomes a mention.
    2. Otherwise initials that spell it (Union suisse des paysans → USP; AS Vitré → ASV,
       police judiciaire de Vannes → PJ: ``acronyms.acronym_forms``), when only one
       name in the article does. An acronym read as a word and written with one capital
       (Cojo, Paca: ``_word_acronym``) spells as its capitals would.
    """
    by_name = {word_key(m.text): c for c in clusters for m in c.names}
    words = _WordPlaces(text)
    taken = {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
    for cluster in list(clusters):
        if cluster not in clusters or cluster.type == "PER" or cluster.group:
            continue
        for mention in list(cluster.names):
            match = _ACRONYM.match(text, mention.end)
            if match is None or not (
                can_spell(match.group(1), mention.text) or abridged(match.group(1), mention.text)
            ):
                continue
            acronym = match.group(1)
            target = by_name.get(word_key(acronym))
            if target is not None and target is not cluster and target in clusters:
                cluster.absorb(target)
                clusters.remove(target)
            for start in words.places(acronym):
                if start not in taken:
                    cluster.mentions.append(Mention(start, start + len(acronym), acronym, "name"))
                    taken.update(range(start, start + len(acronym)))
    spells: dict[str, frozenset[str]] = {}  # a name's acronyms, read once per name

    def spelled_by(name: str) -> frozenset[str]:
        forms = spells.get(name)
        if forms is None:
            forms = spells[name] = acronym_forms(name) if len(tokens(name)) >= 2 else frozenset()
        return forms

    spelling: dict[str, list[Cluster]] | None = None  # a pass over all per acronym grew squared
    grown: set[Cluster] = set()  # the only clusters whose name changes below (they absorb)
    for cluster in list(clusters):
        name = cluster.longest
        if cluster not in clusters:
            continue
        if not (name.isupper() and 2 <= len(name) <= 6 and " " not in name):
            if not _word_acronym(cluster):
                continue
            name = name.upper()  # Cojo spells as COJO does
        if spelling is None:  # the clusters each form spells, read on the first acronym
            spelling = {}
            for c in clusters:
                for form in spelled_by(c.longest):
                    spelling.setdefault(form, []).append(c)
        found = {*spelling.get(name, ()), *grown}  # each once; only a single one is taken
        spelled = [c for c in found if c in clusters and c is not cluster and c.type != "PER"]
        spelled = [c for c in spelled if name in spelled_by(c.longest)]
        if len(spelled) == 1:
            kind = spelled[0].type
            spelled[0].absorb(cluster)
            if name != cluster.longest:
                spelled[0].type = kind  # Cojo, tagged PER: the body it spells keeps its kind
            grown.add(spelled[0])
            clusters.remove(cluster)
    # 3. A club's or a body's prefix in capitals before its seat (RC Montreval) for the full
    #    name of that seat (Racing Club de Montreval), when one name of the article is so.
    for cluster in [c for c in clusters if c.type != "PER"]:
        if not club_short(cluster.longest):
            continue  # no prefix of capitals: same_club is false for every other name
        full = [
            c
            for c in clusters
            if c is not cluster and c.type != "PER" and same_club(cluster.longest, c.longest)
        ]
        if len(full) == 1 and cluster in clusters:
            full[0].absorb(cluster)
            full[0].type = "ORG"  # a prefix of capitals spelling its words names a body
            clusters.remove(cluster)
    _add_unbracketed_acronyms(clusters, text)
    _merge_acronym_complements(clusters)
    return clusters


def _word_acronym(cluster: Cluster) -> bool:
    """Tell whether a cluster is named only by an acronym read as a word and written with one
    capital, as French typography writes acronyms spoken as words (Lexique des règles
    typographiques en usage à l'Imprimerie nationale: *Unesco*; so *Cojo*, *Paca*): one word of
    four to seven letters, every other letter in lower case, that is no given name, no country
    and no capital, said without a title of address (no gender told)."""
    forms = {m.text for m in cluster.names}
    if len(forms) != 1 or cluster.gender or cluster.group:
        return False
    word = forms.pop()
    return (
        4 <= len(word) <= 7
        and word.isalpha()
        and word[0].isupper()
        and word[1:].islower()
        and not is_given_name(word)
        and not countries.country_code(word)
        and not countries.capital_country(word)
    )


def _merge_acronym_complements(clusters: list[Cluster]) -> None:
    """4. A name whose complement is an acronym (la Commission de l'UA) is the name whose
    complement is spelled out (la Commission de l'Union africaine), the words around it the
    same, when exactly one name of the article is so: the writer shortens the body a name
    depends on as freely as the name itself."""
    for cluster in [c for c in clusters if c.type != "PER" and not c.group]:
        name = cluster.longest.replace("’", "'")
        words = name.replace("'", "' ").split()
        if len(words) < 2:
            continue
        shorts = [w for w in words[1:] if is_acronym(w)]
        if len(shorts) != 1:
            continue
        before, _, after = name.partition(shorts[0])
        if not before.strip() or shorts[0] in after:
            continue
        full = [
            c
            for c in clusters
            if c is not cluster
            and c.type != "PER"
            and not c.group
            and _spells_between(c.longest, before, after, shorts[0])
        ]
        if len(full) == 1 and cluster in clusters:
            full[0].absorb(cluster)
            clusters.remove(cluster)


def _spells_between(name: str, before: str, after: str, acronym: str) -> bool:
    """Tell whether a name is ``before`` + words the acronym spells + ``after``."""
    name = name.replace("’", "'")
    if len(name) <= len(before) + len(after) or not (name.startswith(before) and name.endswith(after)):
        return False
    middle = name[len(before) : len(name) - len(after)].strip()
    return len(middle.split()) >= 2 and acronym in acronym_forms(middle)


_CAPITALS_WORD = re.compile(r"\b[A-Z]{2,6}\b")


def _add_unbracketed_acronyms(clusters: list[Cluster], text: str) -> None:
    """3. An acronym the model did not tag, never glossed in brackets (précise le PNF),
    whose letters are the initials of exactly one organisation named in full in the
    article (Parquet national financier), is a mention of it. Headings set in capitals
    are no acronyms."""
    taken = {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
    orgs = [c for c in clusters if c.type == "ORG" and not c.group]
    # The organisations each acronym spells, read once (the mentions added below are one
    # word each, and spell nothing): a test per organisation for each word in capitals made
    # the step grow with the text times its organisations.
    spelling: dict[str, list[Cluster]] = {}
    for c in orgs:
        forms = frozenset().union(*(acronym_forms(m.text) for m in c.names if len(tokens(m.text)) >= 2))
        for form in forms:
            spelling.setdefault(form, []).append(c)
    for found in _CAPITALS_WORD.finditer(text):
        if found.start() in taken or _in_heading(text, found.start()):
            continue
        acronym = found.group()
        spelled = spelling.get(acronym, [])
        if len(spelled) == 1:
            spelled[0].mentions.append(Mention(found.start(), found.end(), acronym, "name"))
            taken.update(range(found.start(), found.end()))


def _in_heading(text: str, position: int) -> bool:
    """Tell whether a position lies in a line set mostly in capitals (a heading)."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    line = text[start : end if end >= 0 else len(text)]
    letters = [ch for ch in line if ch.isalpha()]
    return sum(ch.isupper() for ch in letters) > len(letters) / 2


def add_bracket_descriptions(clusters: list[Cluster], parsed: Doc) -> None:
    """Give the noun phrase before '(Centcom)' to Centcom when no name there can spell it
    (le commandement militaire américain pour le Moyen-Orient (Centcom))."""
    by_name = {word_key(m.text): c for c in clusters for m in c.names}
    named = {i for c in clusters for m in c.names for i in range(m.start, m.end)}
    text = token_view(parsed).text
    for i in range(1, len(parsed) - 1):
        if text[i] != "(" or not text[i + 1][:1].isupper() or bracketed_canton(parsed, i):
            continue  # Villnachern (AG): a canton's code locates, it is no acronym (cantons.py)
        token = parsed[i]
        target = by_name.get(word_key(token.nbor(1).text))
        if target is None or token.nbor(2).text != ")":
            continue
        if target.type == "LOC":
            continue  # l'université de Tartu (Estonie): a place in brackets locates, it is no acronym
        span = noun_phrase_before(parsed, token.i)
        if span is None or _person_title(parsed, span[0]):
            continue  # la députée (LFI): a person's title with her party's label
        start, end = parsed[span[0]].idx, token.idx
        if start in named:
            continue  # la santé of Organisation mondiale de la santé (OMS): inside the name itself
        phrase = doc_text(parsed)[start:end].rstrip()
        if not can_spell(token.nbor(1).text, phrase.split()[-1]):
            target.mentions.append(Mention(start, start + len(phrase), phrase, "description"))


def _person_title(parsed: Doc, start: int) -> bool:
    """Tell whether a noun phrase opens with a person's title (la députée, le maire)."""
    lexicon = load_roles()
    return start + 1 < len(parsed) and lexicon.match(parsed, start + 1) is not None
