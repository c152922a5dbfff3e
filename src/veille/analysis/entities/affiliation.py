"""Give a leader's title of an organisation to the one person the text ties to it.

News often names a union's or a party's leader by what the person does for the body, not
by the title: *« Nous ne signerons pas », prévient Paul Marchal, au nom de la FSE* or *Paul
Marchal (FSE)*, and later picks the person up by the office: *le secrétaire général de la
FSE a quitté la réunion*. No apposition gave the title, so ``titles.add_descriptions``
finds no holder. Speaking in the name of a body, or being given as its member, ties the
person to it; a leader's title of that body (secrétaire général, président, porte-parole,
dirigeant, patron, chef, numéro un: the lexicon's leading classes) is the tied person's when
the person is the only one the text ties to the body.

1. A tie: a person's name followed by *, au nom de* / *, pour* / *, de* + the organisation's
   name (*Paul Marchal, au nom de la FSE*; *a dit Anne Roux, de la CGT*) or by the
   organisation's name in brackets (*Paul Marchal (FSE)*).
2. The description: a definite title of a leading class whose complement names that
   organisation (*le secrétaire général de la FSE*), after the tied person's first mention,
   not an apposition before a name, not possessive, not past (*l'ancien président de la
   FSE* may be anyone), covered by no person's mention.
3. Exactly one person is tied to the organisation, the description's gender fits, and no
   other person holds a title of the organisation in the text (*Marc Denis, président de
   la FSE* is then the president meant, or the text has two leaders to choose from).

Two people who speak for one union (*Paul M. et Anne R., au nom de la FSE*, or each in a
paragraph of their own) leave the title to nobody.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from veille.analysis.entities.clusters import Cluster
from veille.analysis.entities.rolenouns import RoleLexicon
from veille.analysis.entities.roles import description_at
from veille.analysis.parse import doc_text
from veille.model import Mention
from veille.normal import word_key

# The classes of roles.tsv that name who leads a body (not a member: délégué, militant).
_LEADS = frozenset({"leader", "leader_party", "chief", "secretary_general", "director", "spokesperson"})
# What ties a name to the organisation that follows (the organisation's name must start
# right where the match ends).
_OF = r"(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|d['’]|de\s+)"
_TIE = re.compile(rf"\s*\(\s*|,\s*(?:au\s+nom\s+{_OF}|pour\s+(?:la\s+|le\s+|l['’]|les\s+)?|{_OF})")
_LIST = re.compile(r"\s*(?:,|et)\s*|\s*,\s*et\s*")
_FORMER = re.compile(r"\b(?:ex-|ancien(?:ne)?\b)", re.IGNORECASE)


def add_affiliated_leaders(clusters: list[Cluster], parsed: Doc, lexicon: RoleLexicon) -> None:
    """Give *le secrétaire général de la FSE* to the one person tied to the FSE."""
    text = doc_text(parsed)
    orgs = [c for c in clusters if c.type == "ORG"]
    if not orgs:
        return
    org_at = {m.start: c for c in orgs for m in c.names}
    tied: dict[int, list[Cluster]] = {}  # id of the organisation → the people tied to it
    person_at = {m.end: c for c in clusters if c.type == "PER" for m in c.names}
    for person in (c for c in clusters if c.type == "PER" and not c.group):
        for mention in person.names:
            org = _tie(text, mention.end, org_at)
            if org is None:
                continue
            # Paul M. et Luc R., au nom de la FSE: the tie holds for every name of the list.
            party, start = [person], mention.start
            while (other := _listed_before(text, start, person_at)) is not None:
                party.append(other[0])
                start = other[1]
            for member in party:
                if member not in tied.setdefault(id(org), []):
                    tied[id(org)].append(member)
    if not tied:
        return
    people = [m for c in clusters if c.type == "PER" for m in c.mentions]
    for i in lexicon.start_positions(parsed):
        phrase = description_at(parsed, i, lexicon)
        if (
            phrase is None
            or phrase.role.cls not in _LEADS
            or phrase.possessive
            or phrase.complement >= phrase.end
        ):
            continue
        start, end = phrase.chars(parsed)
        if _FORMER.search(text[start:end]) or _before_name(parsed, phrase.end):
            continue
        if any(m.start < end and start < m.end for m in people):
            continue  # a person's mention covers it already (or it is someone's apposition)
        low = parsed[phrase.complement].idx
        org = next((org_at[p] for p in sorted(org_at) if low <= p < end), None)
        if org is None or len(tied.get(id(org), [])) != 1:
            continue
        holder = tied[id(org)][0]
        if phrase.gender and holder.gender and phrase.gender != holder.gender:
            continue
        if not any(m.end <= start for m in holder.mentions):
            continue  # a description refers back
        keys = {word_key(m.text) for m in org.names}
        if any(c is not holder and _titled_by(c, keys) for c in clusters if c.type == "PER"):
            continue
        # The organisation's whole name ends the description (le président de la Fédération
        # des éleveurs), where the title's complement stopped at its capitalised word.
        end = max([end, *(m.end for m in org.names if low <= m.start < end)])
        holder.mentions.append(Mention(start, end, text[start:end], "description"))
        people.append(holder.mentions[-1])


def _tie(text: str, position: int, org_at: dict[int, Cluster]) -> Cluster | None:
    """Return the organisation a name at ``position`` is tied to, or None."""
    match = _TIE.match(text, position)
    if match is None or match.end() == position:
        return None
    org = org_at.get(match.end())
    if org is None:
        return None
    if match.group(0).lstrip().startswith("("):
        name_end = next(m.end for m in org.names if m.start == match.end())
        return org if text[name_end : name_end + 1] == ")" else None
    return org


def _listed_before(text: str, position: int, person_at: dict[int, Cluster]) -> tuple[Cluster, int] | None:
    """Return the person named just before a name in a list (X, Y et Z) and where it starts."""
    for end, person in person_at.items():
        if end <= position and _LIST.fullmatch(text, end, position):
            return person, min(m.start for m in person.names if m.end == end)
    return None


def _titled_by(cluster: Cluster, keys: set[str]) -> bool:
    """Tell whether a person holds a title whose complement names the organisation."""
    for fact in cluster.roles:
        named = fact.named or ""
        if any(key and (named == key or named.endswith(" " + key)) for key in keys):
            return True
    return False


def _before_name(parsed: Doc, i: int) -> bool:
    """Tell whether a name follows token i, perhaps after a comma (le président, Jean X)."""
    i += 1 if i < len(parsed) and parsed[i].text == "," else 0
    return i < len(parsed) and parsed[i].text[:1].isupper() and parsed[i].pos_ == "PROPN"
