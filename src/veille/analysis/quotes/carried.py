"""Take up an organisation by a singular pronoun: *« … », précise le château de Versailles.
« … », ajoute-t-il*; *La chambre régionale des comptes doit rendre son rapport. Selon elle, …*.

French refers back to an organisation with *il* or *elle* by the grammatical gender of the
noun that names it (le château, le ministère: il; la préfecture, la chaîne X: elle), as it
does to a person. The pronoun resolver looks for people only; this module says when an
organisation is the better antecedent: it is the speaker just quoted, no person of the
pronoun's gender is named since, and a determiner or the noun of one of its mentions shows
the pronoun's gender. An organisation whose gender nothing shows (a bare name: Renault,
Harrow's) is left to the person rules. An organisation that is merely the subject of the
sentence before is not taken up (measured on tests/gold9: *Pour X, la direction « … ». Elle
accuse …*, *Le PS l'a exclu. Lui n'en démord pas* are the person's).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from veille.analysis.lang.fr.morphology import noun_gender_guess
from veille.analysis.quotes.phrases import phrase_gender
from veille.analysis.syntax.tense import feature
from veille.model import Entity

if TYPE_CHECKING:
    from veille.analysis.quotes.speakers import SpeakerResolver

# spaCy's morphological gender values, as the resolver's genders.
_GENDERS = {"Fem": "f", "Masc": "m"}


def organisation_gender(resolver: SpeakerResolver, entity: Entity, before: int) -> str | None:
    """Return the grammatical gender that the mentions of an organisation before ``before``
    show, the nearest mention that shows one first: the determiner before it or opening it
    (le château de Versailles, la préfecture du Rhône, du ministère; the category noun before
    a name: la chaîne Bradley's), else the gender the parser gives its first noun, else the
    one its suffix shows (lang.fr.morphology)."""
    parsed = resolver.parsed
    # The entity's own mentions: an organisation the quote stage made for a speaker has no
    # place in the resolver's index.
    for mention in sorted(entity.mentions, key=lambda m: m.start, reverse=True):
        s, e = mention.start, mention.end
        if e > before or mention.kind == "pronoun":
            continue
        first = max(bisect.bisect_right(resolver._token_starts, s) - 1, 0)
        if first > 0 and parsed[first - 1].pos_ == "NOUN" and parsed[first].pos_ == "PROPN":
            first -= 1  # l'agence | Harrow's, la chaîne | Bradley's: the category noun before the name
            s = parsed[first].idx
        words = [parsed[first].lower_] if parsed[first].pos_ == "DET" else []
        if not words and first > 0 and parsed[first - 1].pos_ in ("DET", "ADP"):
            words = [parsed[first - 1].lower_]  # la | préfecture …: the mention starts at the noun
        shown = phrase_gender(words)
        if shown is None:
            noun = next((t for t in parsed[first : first + 3] if t.pos_ == "NOUN" and t.idx < e), None)
            values = feature(noun, "Gender") if noun is not None else ()
            shown = _GENDERS.get(values[0]) if len(values) == 1 else None
            if shown is None and noun is not None:
                shown = noun_gender_guess(noun.text)  # l'agence: the parser gives no gender
        if shown is not None:
            return shown
    return None


def organisation_antecedent(
    resolver: SpeakerResolver,
    start: int,
    gender: str,
    recent: str | None,
    recent_end: int,
    person_start: int,
) -> Entity | None:
    """Return the organisation a singular pronoun at ``start`` takes up, else None: the
    previous quotation's speaker when no person was named since it (``person_start`` is
    where the person the rules chose is named, -1 for none) and its gender is the
    pronoun's, taken up by an inverted pronoun (an incise that goes on quoting, also in the
    next paragraph) or within its paragraph."""
    previous = resolver.entity(recent)
    inverted = resolver.text[max(start - 1, 0) : start] == "-"  # ajoute-t-il, a-t-elle précisé
    if (
        previous is not None
        and previous.type in ("ORG", "LOC")  # a place quoted speaks as its institution
        and person_start < recent_end
        and (inverted or "\n" not in resolver.text[recent_end:start])
        and organisation_gender(resolver, previous, start) == gender
    ):
        return previous
    return None


def subject_organisation(
    resolver: SpeakerResolver, start: int, index: int, gender: str, person_start: int, recent_end: int
) -> Entity | None:
    """Return the organisation a singular pronoun at ``start`` takes up as the subject of its
    sentence or the one before, in its paragraph, with no person named and nothing quoted
    since, of the pronoun's gender (La commission électorale a rejeté ces accusations. Dans un
    communiqué, elle affirme que « … »), else None."""
    # Not lui (a person's stress), not an incise (… suspendra son agrément, a-t-il prévenu: the
    # organisation is the reported clause's subject): a plain il or elle after a space.
    found = resolver._salient_subject(start, index, ("ORG",), None, 1)
    if found is None:
        return None
    organisation, at = found
    if at < max(person_start, recent_end) or "\n" in resolver.text[at:start]:
        return None
    opening = resolver.parsed[max(bisect.bisect_right(resolver._token_starts, at) - 1, 0)].sent[0].idx
    if any(entity.type == "PER" and opening <= s < start for s, _e, _m, entity in resolver.mentions[:index]):
        return None  # Léa Chabrol, elle, a une idée : l'association demandera … prévient-elle
    return organisation if organisation_gender(resolver, organisation, start) == gender else None
