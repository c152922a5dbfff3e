"""Give a bare *la rébellion*, *les rebelles* to the one armed movement the article calls so.

News about an armed conflict names the rebel movement once with its category noun glued to
it (*les rebelles du Front patriotique du Kivu*, *la rébellion du MRK*) and then by the noun
alone (*l'armée accuse les rebelles d'avoir violé la trêve*, *la rébellion exige une
amnistie*). TLFi « rébellion »: « ensemble des rebelles »; the plural *les rebelles* names
the same body, as the gold guide annotates it (a description of the movement). The noun goes
to that movement only when the article has glued it to one organisation and no other:
two movements (*les rebelles du FPK* … *les rebelles de l'UFE*) leave it open; a place after
the noun (*les rebelles de l'Aïr*) is a region, not a movement; a bare noun qualified
otherwise (*les rebelles touaregs*, *les rebelles de la région*) or part of a person's title
(*le responsable politique de la rébellion*, a mention already) is left alone; *des rebelles*
(some of them) is no description.
"""

from __future__ import annotations

from spacy.tokens import Doc

from veille.analysis.entities.clusters import Cluster
from veille.analysis.lang.fr.words import ARTICLES, OF_TOKENS
from veille.analysis.parse import doc_text
from veille.analysis.syntax.view import token_view
from veille.model import Mention

# The movement's nouns with the definite determiners each takes (aux: à + les).
_NOUNS = {"rébellion": ("la",), "rebelles": ("les", "aux")}
_ARTICLES = ARTICLES | {"l’"}


def add_rebel_descriptions(clusters: list[Cluster], parsed: Doc) -> None:
    """Add each bare *la rébellion* / *les rebelles* as a description of the one
    organisation the article glued that noun to."""
    view = token_view(parsed)
    at = [k for k, lower in enumerate(view.lower) if lower in _NOUNS and k > 0]
    if not at:
        return
    orgs = [c for c in clusters if c.type == "ORG" and c.names]
    told: set[int] = set()
    for k in at:
        owner = _glued(view.lower, parsed, k, orgs)
        if owner is not None:
            told.add(id(owner))
    if len(told) != 1:
        return
    movement = next(c for c in orgs if id(c) in told)
    covered = [(m.start, m.end) for c in clusters for m in c.mentions]
    text = doc_text(parsed)
    for k in at:
        det = view.lower[k - 1]
        if det not in _NOUNS[view.lower[k]]:
            continue  # des rebelles: some of them; une rébellion: another one
        after = k + 1 < len(parsed)
        if after and (
            view.pos[k + 1] == "ADJ" or (view.lower[k + 1] in OF_TOKENS and _noun_after(view.pos, k + 1))
        ):
            continue  # les rebelles touaregs, la rébellion du MRK (the glued form, read above)
        start = view.idx[k - 1] if det != "aux" else view.idx[k]
        end = view.idx[k] + len(view.text[k])
        if any(s < end and start < e for s, e in covered):
            continue  # le responsable politique de la rébellion: a person's title
        movement.mentions.append(Mention(start, end, text[start:end], "description"))


def _glued(lower: list[str], parsed: Doc, k: int, orgs: list[Cluster]) -> Cluster | None:
    """Return the organisation named right after the noun at k and its de (les rebelles du
    FPK, la rébellion du Mouvement …), or None."""
    j = k + 1
    if j >= len(parsed) or lower[j] not in OF_TOKENS:
        return None
    j += 1
    if j < len(parsed) and lower[j] in _ARTICLES:
        j += 1
    if j >= len(parsed):
        return None
    start = parsed[j].idx
    return next((c for c in orgs if any(m.start == start for m in c.names)), None)


def _noun_after(pos: list[str], j: int) -> bool:
    """Tell whether a noun or a name follows the de at j (de la région, du FPK), not a verb
    (accusés d'avoir …)."""
    for p in pos[j + 1 : j + 3]:
        if p in ("NOUN", "PROPN"):
            return True
        if p not in ("DET",):
            return False
    return False
