"""Give a title to the person who holds it in the organisation its complement names.

A report titles a person once with the organisation said one way, and later describes the
person with the same office and the organisation said another way: by its acronym, its
name, or its category noun (*Le président historique du club doubiste, Michel R., …* ¶ *Le
président du RCB, lui, se dit serein*; *le président de l'établissement, Paul M.* ¶ *Le
président de l'université a reçu …*; *le directeur général de Valdor SA, X* ¶ *le directeur
général du groupe*). The description step (``titles.add_descriptions``) compares the two
complements as words (*club doubiste* against *rcb*) and finds nobody; this step, run once
the organisations have their category nouns (``categories.py``), compares what they name.

1. The organisation a title's complement names is the organisation whose name or
   description stands in it (*du RCB*, *de l'université* once that is the university's
   description), else, for a category noun (*du club doubiste*, *de l'établissement*), the
   organisation of a kind the noun accepts named last before it, within about three
   sentences (as ``categories.py`` reads *le club* alone).
2. A later definite description with such a complement, covered by no mention, not past
   (*l'ancien président du club* is someone else), goes to the one person whose role of
   the same class (``roles.tsv``) names the same organisation, whose gender fits, and who
   was named within the description window; two such people leave it to nobody.
"""

from __future__ import annotations

from spacy.tokens import Doc

from veille.analysis.entities import salience
from veille.analysis.entities.categories import accepts, category_at
from veille.analysis.entities.clusters import Cluster
from veille.analysis.entities.referents import Referents, org_kind
from veille.analysis.entities.rolenouns import RoleLexicon
from veille.analysis.entities.roles import TitlePhrase, description_at
from veille.analysis.entities.titles import _former
from veille.analysis.lang.fr.words import ARTICLES, OF
from veille.analysis.parse import doc_text
from veille.model import Mention
from veille.normal import word_key

_SKIPPED = OF | {"d’"}  # de l'établissement, du club: the preposition before the noun
_WINDOW = 600  # characters: a category noun looks back about three sentences for its organisation


def add_titles_by_organisation(
    clusters: list[Cluster], parsed: Doc, lexicon: RoleLexicon, referents: Referents
) -> None:
    """Give a description whose complement names an organisation to that organisation's
    holder of the office (module docstring)."""
    orgs = [c for c in clusters if c.type == "ORG" and not c.group and c.names]
    if not orgs:
        return
    kinds = {id(c): org_kind(c, referents) for c in orgs}
    spans = sorted((m.start, m.end, c) for c in orgs for m in c.mentions)
    by_ref = {f"@{id(c)}": c for c in orgs}
    text = doc_text(parsed)

    def named_in(start: int, end: int) -> Cluster | None:
        inside = {id(c): c for s, e, c in spans if start <= s and e <= end}
        if len(inside) == 1:
            return next(iter(inside.values()))
        if inside:
            return None
        return _by_category(parsed, start, end, (orgs, kinds, spans), referents)

    held: list[tuple[Cluster, str, Cluster]] = []
    for person in clusters:
        if person.type != "PER" or person.group:
            continue
        for fact in person.roles:
            if _former(fact.role.title):
                continue  # l'ancien président du club holds it no more
            if fact.role.of and (org := by_ref.get(fact.role.of)) is not None:
                held.append((person, fact.cls, org))
        for mention in person.mentions:
            if mention.kind != "description" or _former(mention.text):
                continue
            phrase = _phrase_in(parsed, mention.start, mention.end, lexicon)
            if phrase is not None and phrase.complement < phrase.end:
                org = named_in(parsed[phrase.complement].idx, mention.end)
                if org is not None:
                    held.append((person, phrase.role.cls, org))
    if not held:
        return
    # A person's mention blocks the phrase; an organisation's inside it is its complement.
    occupied = [(m.start, m.end) for c in clusters if c.type == "PER" for m in c.mentions]
    for i in lexicon.start_positions(parsed):
        phrase = description_at(parsed, i, lexicon)
        if phrase is None or phrase.possessive or phrase.complement >= phrase.end:
            continue
        start, end = phrase.chars(parsed)
        if any(s < end and start < e for s, e in occupied) or _former(text[start:end]):
            continue
        org = named_in(parsed[phrase.complement].idx, end)
        if org is None:
            continue
        holders = {
            id(p): p
            for p, cls, o in held
            if o is org
            and (cls == phrase.role.cls or cls in phrase.role.covers)
            and (phrase.gender is None or p.gender in (None, phrase.gender))
            and any(0 <= start - m.end <= salience.DESCRIPTION_WINDOW for m in p.names)
        }
        if len(holders) == 1:
            holder = next(iter(holders.values()))
            holder.mentions.append(Mention(start, end, text[start:end], "description"))
            occupied.append((start, end))


def _phrase_in(parsed: Doc, start: int, end: int, lexicon: RoleLexicon) -> TitlePhrase | None:
    """Return the title phrase a person's description mention holds (its first role noun)."""
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    for token in span:
        if lexicon.starts(token):
            return description_at(parsed, token.i, lexicon, definite_only=False)
    return None


def _by_category(
    parsed: Doc,
    start: int,
    end: int,
    known: tuple[list[Cluster], dict[int, str | None], list[tuple[int, int, Cluster]]],
    referents: Referents,
) -> Cluster | None:
    """Return the organisation a complement's category noun names (du club doubiste: the
    club named last before it), or None."""
    orgs, kinds, spans = known
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    i = span.start
    while i < span.end and (parsed[i].lower_ in _SKIPPED or parsed[i].lower_ in ARTICLES):
        i += 1
    if i >= span.end:
        return None
    category, _end = category_at(parsed, i, referents)
    if category is None:
        return None
    last: dict[int, int] = {}
    for _s, e, c in spans:
        if e <= start and start - e <= _WINDOW and accepts(category, kinds[id(c)]):
            last[id(c)] = max(last.get(id(c), -1), e)
    if not last:
        return None
    candidates = [c for c in orgs if id(c) in last]
    # The noun the text glued to one of them names it again (du groupe nantais Vendelis …
    # Le président du groupe), whatever else is nearer (a fund named in between).
    text = doc_text(parsed)
    said = [c for c in candidates if any(_glued(text, m.start, category.words[0]) for m in c.names)]
    if len(said) == 1:
        return said[0]
    nearest = max(last, key=lambda k: last[k])
    return next(c for c in candidates if id(c) == nearest)


def _glued(text: str, start: int, noun: str) -> bool:
    """Tell whether a category noun stands among the three words before a name (le groupe
    nantais Vendelis)."""
    return noun in word_key(text[max(0, start - 40) : start]).split()[-3:]
