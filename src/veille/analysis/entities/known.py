"""Give a description of an office to the person the KB says held it on the article date.

The resolve stage attaches *le chef de l'État* to a person only when the text gave that
person the title. News often names the holder bare (*Emmanuel Macron a reçu …*) and
describes them later by the office (*le chef de l'État a ajouté …*, *la première
ministre*). Once linked, the KB tells who held which office on the article's date: a
description left unattached goes to the one linked person of the article who held that
office then (or, for *l'ancien président*, who held it before and no longer does).

Guards, each for a way this goes wrong: another person of the article who ever held the
office (the text may be telling their time: *le chef de l'État* in a piece on Hollande
written under Macron), a person whose title in the text has the same class (a club's
*président*), and a holder not named before the description (a description refers back).
"""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Doc

from veille.analysis.entities.rolenouns import RoleLexicon, role_key
from veille.analysis.entities.roles import TitlePhrase, description_at
from veille.analysis.lang.fr import countries
from veille.analysis.syntax.view import token_view
from veille.kb.format import KBEntity, KBRole
from veille.kb.offices import match_office
from veille.kb.store import KB
from veille.model import Document, Entity, Mention
from veille.normal import fold

_FORMER = ("ex-", "ancien", "ancienne")


def describe_known_holders(doc: Document, parsed: Doc, kb: KB, lexicon: RoleLexicon) -> Document:
    """Return the document with office descriptions given to their KB holders."""
    date = doc.article.date
    people = [
        (e, k) for e in doc.entities if e.type == "PER" and e.kb_id and (k := kb.get(e.kb_id)) is not None
    ]
    if not people or not date:
        return doc
    covered = {i for e in doc.entities for m in e.mentions for i in range(m.start, m.end)}
    # Titles the text gives (a KB role has dates): the class of each, per person.
    # A linked person's text title that is an office the KB knows is weighed by the KB
    # check below; any other (président du club) is someone else the description may mean.
    text_titles = {
        e.id: [(title_class(r.title, lexicon), r) for r in e.roles if r.start is None and r.end is None]
        for e in doc.entities
        if e.type == "PER"
    }
    added: dict[str, list[Mention]] = {}
    view = token_view(parsed)
    for i in lexicon.start_positions(parsed):
        if view.idx[i] in covered:
            continue
        token = view.tokens[i]
        phrase = description_at(parsed, token.i, lexicon)
        if phrase is None or _before_name(parsed, phrase.end):
            continue
        start, end = phrase.chars(parsed)
        if start in covered or parsed[phrase.head].idx in covered:
            continue  # a name inside (des États-Unis) is fine; a description already given is not
        named = _country_complement(parsed, phrase)
        # The title without its demonym, a qualifier or its country (l'ex-président démocrate,
        # le président des États-Unis → président); a complement stays (chef de l'État).
        words = list(phrase.role.words)  # folded, without ex-: l'ex-président → president
        rest = parsed[phrase.complement : phrase.end]
        if not named and len(rest) and fold(rest[0].text) in ("de", "du", "des", "d'"):
            words += [t.text for t in rest]
        title = " ".join(words)
        former = any(fold(t.text).startswith(_FORMER) for t in parsed[phrase.start : phrase.head + 1])
        of = phrase.country or named
        office, length = match_office(title, of)
        if not length:
            continue  # an office the KB can't name
        year = None if former else _look_back(doc.article.text, start, date, people, office, of)
        if year is not None:
            # A paragraph dated in the past (le 27 février 2016, …) tells its own time: the
            # office is the one held that year, and only a sole holder that year is meant.
            holders = [
                e
                for e, k in people
                if any(_same_office(r, office, of) and _held_in(r, year) for r in k.roles)
                and any(m.end <= start for m in e.mentions)
            ]
            others = holders
        else:
            holders = [
                e
                for e, k in people
                if any(_same_office(r, office, of) and _held(r, date, former) for r in k.roles)
                and any(m.end <= start for m in e.mentions)
            ]
            # Present: any other holder, past or present, may be meant (an article on
            # Hollande's time); past: any other past holder.
            others = [
                e
                for e, k in people
                if any(_same_office(r, office, of) and (not former or _held(r, date, True)) for r in k.roles)
            ]
        if len(holders) != 1:
            continue
        if len(others) > 1 and _last_before(holders[0], start) <= max(
            _last_before(e, start) for e in others if e is not holders[0]
        ):
            continue  # another holder was named more recently: the text may mean them
        rivals = [
            e
            for e, titles in text_titles.items()
            if e != holders[0].id
            and any(cls == phrase.role.cls and match_office(r.title, r.of)[0] != office for cls, r in titles)
        ]
        if rivals:
            continue  # someone else has a title of that kind in the text (a club's président)
        form = fold(doc.article.text[start:end])
        if year is not None and any(
            fold(m.text) == form
            for e in doc.entities
            if e is not holders[0]
            for m in (*e.mentions, *added.get(e.id, ()))
        ):
            # A look back whose wording another person of the article already holds (a
            # piece that visits 2016 then 2008, le chef de l'État in each): a form is keyed
            # by its text, so the wording stays with its first holder rather than tie two.
            continue
        mention = Mention(start, end, doc.article.text[start:end], "description")
        added.setdefault(holders[0].id, []).append(mention)
        covered.update(range(start, end))
    if not added:
        return doc
    entities = tuple(
        dataclasses.replace(e, mentions=tuple(sorted((*e.mentions, *added[e.id]), key=_position)))
        if e.id in added
        else e
        for e in doc.entities
    )
    return dataclasses.replace(doc, entities=entities)


_YEAR = re.compile(r"(?<![\d,.])(1[89]\d\d|20\d\d)(?![\d,.]\d)")


def paragraph_year(text: str, position: int) -> tuple[str, int] | None:
    """Return the last year written in the paragraph before a position, and where it ends.

    A year stands alone (le 27 février 2016, en 2008), not inside an amount (12 000 euros)
    or a longer number.
    """
    start = text.rfind("\n", 0, position) + 1
    found = list(_YEAR.finditer(text, start, position))
    return (found[-1].group(1), found[-1].end()) if found else None


def _look_back(
    text: str, position: int, date: str, people: list[tuple[Entity, KBEntity]], office: str, of: str | None
) -> str | None:
    """Return the past year a paragraph tells at a position, or None to read the article's date.

    The paragraph comes back to the present when the office's holder on the article date is
    named after the year (conseiller de X de 2007 à 2010 … sous Macron … le chef de l'État).
    """
    found = paragraph_year(text, position)
    if found is None or found[0] >= date[:4]:
        return None
    year, after = found
    for entity, known in people:
        if any(_same_office(r, office, of) and _held(r, date, False) for r in known.roles) and any(
            after <= m.start < position for m in entity.mentions
        ):
            return None
    return year


def _last_before(entity: Entity, position: int) -> int:
    """Return where the entity's last mention before a position ends (-1: none)."""
    return max((m.end for m in entity.mentions if m.end <= position), default=-1)


def _position(mention: Mention) -> tuple[int, int]:
    return mention.start, mention.end


def title_class(title: str, lexicon: RoleLexicon) -> str | None:
    """Return the role class of a title string (ministre des Armées → minister), or None."""
    words = [fold(w) for w in title.replace("'", "' ").replace("’", "' ").split()]
    if not words:
        return None
    for role in lexicon.by_first.get(role_key(words[0]), ()):
        if tuple([role_key(words[0]), *words[1 : len(role.words)]]) == role.words:
            return role.cls
    return None


def _same_office(role: KBRole, office: str, of: str | None) -> bool:
    return match_office(role.title, role.of)[0] == office and (of is None or role.of == of)


def _held_in(role: KBRole, year: str) -> bool:
    """Tell whether a KB role was held at some time in a year (either end may fall in it)."""
    return (role.start is None or role.start[:4] <= year) and (role.end is None or role.end[:4] >= year)


def _held(role: KBRole, date: str, former: bool) -> bool:
    """Tell whether a KB role fits the description's tense: held on the date, or (for
    l'ancien président) ended before it."""
    if not former:
        return role.active_on(date)
    return role.end is not None and role.end[: len(date)] < date and not role.active_on(date)


def _country_complement(parsed: Doc, phrase: TitlePhrase) -> str | None:
    """Return the country a complement names (le président des États-Unis → USA), or None."""
    words = [t.text for t in parsed[phrase.complement : phrase.end]]
    while words and fold(words[0]) in ("de", "du", "des", "d'", "l'", "la", "le", "les"):
        words = words[1:]
    return countries.country_code(" ".join(words)) if words else None


def _before_name(parsed: Doc, i: int) -> bool:
    """Tell whether a name follows token i, perhaps after a comma (le ministre, Jean X)."""
    if i < len(parsed) and parsed[i].text == ",":
        i += 1
    return i < len(parsed) and parsed[i].text[:1].isupper() and parsed[i].pos_ == "PROPN"
