"""Give *le gendarme de la Bourse*, *le gendarme financier* to the regulator it names.

The press calls a regulator a gendarme (*le gendarme de la Bourse* for the securities
authority, *le gendarme de l'atome*, *le gendarme financier du football français*): the
noun then has a complement or an adjective that says the field it polices. Read as a
person's trade (``roles.tsv``: *gendarme*, class police), it went to the person named last,
often the regulator's own director (*le directeur de l'office, Martin A., … Le gendarme de
l'énergie a demandé …*): a wrong merge of the body and its head.

1. A definite watchdog noun (``watchdog_nouns`` of ``entity_rules.json``) followed by a
   lower-case adjective or a *de* complement that is no name (*de la Bourse* is a field,
   written with a capital by custom; a name of the text is not) is a regulator's
   description; bare (*le gendarme a été blessé*) it stays a police officer's.
2. It goes to the organisation it stands in apposition to (*la DNCG, le gendarme financier
   du football français,*), else to the one public body of the article (a kind of
   ``org_kinds.tsv`` that says the State: public, autorite), else to the one organisation
   named in the ~600 characters before whose kind the text does not tell. Two candidates
   leave it to nobody, and the person steps then leave it too: a phrase read here is no
   trade.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from veille.analysis.entities.clusters import Cluster
from veille.analysis.entities.referents import Referents, org_kind
from veille.analysis.lang.fr import tables
from veille.analysis.lang.fr.words import ARTICLES, OF
from veille.analysis.parse import doc_text
from veille.analysis.syntax.view import token_view
from veille.model import Mention
from veille.normal import word_key

_STATE_KINDS = frozenset({"public", "autorite"})
_WINDOW = 600  # characters: an unknown kind of organisation must be named this close before
_COMPLEMENT_WORDS = 4  # de l'atome, du football français: the field is a short phrase


@cache
def _nouns() -> tuple[tuple[str, ...], ...]:
    """Read the watchdog nouns once, as normalised words (chien de garde → chien, de, garde)."""
    rows = tables.read_json("entity_rules.json")["watchdog_nouns"]
    return tuple(tuple(word_key(row).split()) for row in rows)


@cache
def _first_words() -> frozenset[str] | None:
    """The first words of the watchdog nouns (None if a row has no word: then any start may match)."""
    nouns = _nouns()
    return None if any(not words for words in nouns) else frozenset(words[0] for words in nouns)


def add_watchdogs(clusters: list[Cluster], parsed: Doc, referents: Referents) -> set[int]:
    """Give each regulator's metaphor to its organisation (module docstring); return the
    characters of every such phrase, owned or not, which the person steps leave alone."""
    view = token_view(parsed)
    text = doc_text(parsed)
    orgs = [c for c in clusters if c.type == "ORG" and not c.group and c.names]
    read: set[int] = set()
    state = [c for c in orgs if org_kind(c, referents) in _STATE_KINDS]
    occupied = [(m.start, m.end) for c in clusters for m in c.mentions]
    people = [(m.start, m.end) for c in clusters if c.type == "PER" for m in c.mentions]
    for i, lower in enumerate(view.lower):
        if lower not in ARTICLES or i + 2 >= len(parsed):
            continue
        end = _noun_end(view.lower, i + 1)
        if end is None:
            continue
        end = _field_end(parsed, end, people)
        if end is None:
            continue
        start, stop = view.idx[i], view.idx[end - 1] + len(view.text[end - 1])
        if any(s < stop and start < e for s, e in occupied):
            continue
        read.update(range(start, stop))
        owner = _apposed_to(parsed, i, orgs) or _only(state) or _nearest_unknown(orgs, start, referents)
        if owner is not None:
            owner.mentions.append(Mention(start, stop, text[start:stop], "description"))
            occupied.append((start, stop))
    return read


def _noun_end(lowers: list[str], i: int) -> int | None:
    """Return where a watchdog noun that starts at token i ends, or None."""
    firsts = _first_words()
    if firsts is not None and (i >= len(lowers) or word_key(lowers[i]) not in firsts):
        return None  # asked after every article: the first word alone rules out nearly all
    for words in _nouns():
        if tuple(word_key(w) for w in lowers[i : i + len(words)]) == words:
            return i + len(words)
    return None


def _field_end(parsed: Doc, i: int, people: list[tuple[int, int]]) -> int | None:
    """Return where the field after a watchdog noun ends (financier; de l'atome; du football
    français), or None when there is none (le gendarme a été blessé: a police officer)."""
    end = i
    if end < len(parsed) and parsed[end].pos_ == "ADJ" and parsed[end].text[:1].islower():
        end += 1
    if end < len(parsed) and parsed[end].lower_ in OF | {"d’"}:
        k = end + 1
        if k < len(parsed) and parsed[k].lower_ in ARTICLES:
            k += 1
        if k >= len(parsed) or parsed[k].pos_ not in ("NOUN", "PROPN"):
            return end if end > i else None
        if any(s <= parsed[k].idx < e for s, e in people):
            return end if end > i else None  # le gendarme de Marc Riou: a person's, no field
        k += 1
        while k < len(parsed) and k - end <= _COMPLEMENT_WORDS and parsed[k].pos_ == "ADJ":
            k += 1
        end = k
    return end if end > i else None


def _apposed_to(parsed: Doc, i: int, orgs: list[Cluster]) -> Cluster | None:
    """Return the organisation named right before the phrase and a comma (la DNCG, le …)."""
    if i < 2 or parsed[i - 1].text != ",":
        return None
    before = parsed[i - 2]
    close = before.idx + len(before)
    if before.text == ")":
        close = before.idx + 1
    owners = [c for c in orgs if any(m.end == close or m.end + 1 == close for m in c.names)]
    return owners[0] if len(owners) == 1 else None


def _nearest_unknown(orgs: list[Cluster], start: int, referents: Referents) -> Cluster | None:
    near = [
        c
        for c in orgs
        if org_kind(c, referents) is None and any(0 <= start - m.end <= _WINDOW for m in c.names)
    ]
    return _only(near)


def _only(clusters: list[Cluster]) -> Cluster | None:
    return clusters[0] if len(clusters) == 1 else None
