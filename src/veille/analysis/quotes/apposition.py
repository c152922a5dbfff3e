"""Find a name apposed after a comma to a speaker's description.

French news names a speaker by a description first and the name after a comma: *Selon le
secrétaire général du CMC, le Maltais Joseph Farrugia, …*; *Selon le syndicat majoritaire,
la CGT, …*; *Le syndicat des producteurs, la Coordination laitière, dénonce …*. The name is
the speaker, and the phrase of *selon* runs to its end.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from veille.analysis.lang.fr.words import OF_TOKENS
from veille.model import Entity, Mention

# A determiner and at most two words (a demonym, a title: le Maltais, la juge) before an
# apposed person's name; group 1 holds the words, empty for an organisation's determiner.
_LEAD = re.compile(r"(?:[Ll]['’]|[Ll][ae] |[Ll]es )((?:[\w-]+ ){0,2})")
# How far after the comma an apposed name may start.
_WITHIN_CHARS = 40
# What may follow the name: a party or an acronym in brackets (Claire Vasseur (RN)), then a
# comma or the end of the phrase.
_CLOSED = re.compile(r"(\s*\([^()]{1,40}\))?\s*(?:,.*)?", re.S)

# A comma and a determiner (or none) right before an apposed name (…, la Coordination X).
_COMMA_BEFORE = re.compile(r",\s*(?:l['’]|la |le |les )?$")

MentionsIn = Callable[[int, int], list[tuple[int, int, Mention, Entity]]]


def apposed_end(text: str, mentions_in: MentionsIn, after: int, limit: int) -> int | None:
    """Return the end of the person's or organisation's name apposed at ``after`` (just past
    the comma and a title of address) and closed by a comma or ``limit``, else None."""
    for s, e, mention, entity in mentions_in(after, min(limit, after + _WITHIN_CHARS)):
        closed = _CLOSED.fullmatch(text, e, limit)
        if s < after or entity.type not in ("PER", "ORG") or closed is None:
            continue
        if mention.kind != "name":
            # Selon l'accusation, le banquier belge, âgé de 61 ans, faisait transiter …: a
            # description after the comma is the reported clause's subject, not a name apposed
            continue
        end = closed.end(1) if closed.group(1) else e  # the brackets belong to the name
        if s == after:
            return end
        lead = _LEAD.fullmatch(text, after, s)
        if lead is not None and (entity.type == "PER" or not lead.group(1)):
            return end
    return None


def apposed_organisations(text: str, inside: list[tuple[int, int, Mention, Entity]]) -> set[str]:
    """Return the ids of the organisations named right after a comma (and a determiner) in
    a speaker phrase: *Son groupe, Union pour l'Aquitaine*, whose description is theirs."""
    return {
        entity.id
        for s, _e, mention, entity in inside
        if mention.kind == "name" and entity.type == "ORG" and _COMMA_BEFORE.search(text[max(0, s - 6) : s])
    }


def in_complement(text: str, head: int, offset: int) -> bool:
    """Return True for a name in a de-complement of the head noun at ``head`` (l'avocat de
    Jean Morel), not one apposed after a comma (which names the speaker itself)."""
    between = text[head:offset]
    if "," in between:
        return False
    return re.search(r"\b(?:de|du|des|d['’])\s*(?:l['’]|la |le |les )?$", between) is not None


# Between a person noun and the organisation that qualifies it: lower-case adjectives only
# (le conseiller municipal PS), no comma, no de-complement.
_QUALIFIERS = re.compile(r"[a-zàâçéèêëîïôûùüœ'’-]+(?:\s+[a-zàâçéèêëîïôûùüœ-]+)?\s+")


def affiliation(text: str, head: int, offset: int) -> bool:
    """Return True for an organisation written right after a person noun, as an adjective
    (le magistrat PLR, le conseiller municipal PS): the party the person belongs to."""
    between = text[head:offset]
    if _QUALIFIERS.fullmatch(between) is None:
        return False
    return not OF_TOKENS & set(between.split())
