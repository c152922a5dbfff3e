"""Read a Swiss canton's code in brackets after a commune (*Villnachern (AG)*) as the canton.

The Swiss press locates a commune by its canton's official abbreviation in brackets: *la
centrale nucléaire de Villnachern (AG)*, *Evolène (VS)*. The model tags the code an
organisation, and the acronym step read it as the acronym of the noun phrase before it (*la
centrale nucléaire de Villnachern* became a description of *AG*: a wrong merge of a plant and a
canton). A code of ``swiss_cantons.tsv`` (ISO 3166-2:CH) alone in brackets right after a
capitalised word is the canton: no acronym of what comes before (``bracketed_canton``), a
place, and the same entity as the canton's French name where the text writes it (*en
Argovie*).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from veille.analysis.entities.clusters import Cluster
from veille.analysis.lang.fr import tables
from veille.analysis.parse import doc_text
from veille.normal import word_key


@cache
def canton_names() -> dict[str, str]:
    """Return the cantons' French names by their codes (AG → Argovie)."""
    return {row["code"]: row["name"] for row in tables.read_records("swiss_cantons.tsv")}


def bracketed_canton(parsed: Doc, i: int) -> bool:
    """Tell whether token i opens '(XX)' with a canton's code right after a capitalised word."""
    return (
        i >= 1
        and i + 2 < len(parsed)
        and parsed[i].text == "("
        and parsed[i + 1].text in canton_names()
        and parsed[i + 2].text == ")"
        and parsed[i - 1].text[:1].isupper()
    )


def merge_canton_codes(clusters: list[Cluster], parsed: Doc) -> list[Cluster]:
    """Make each bracketed canton code a place, joined to the canton's name when written."""
    text = doc_text(parsed)
    names = canton_names()
    by_name = {word_key(m.text): c for c in clusters for m in c.names if c.type == "LOC"}
    gone: set[int] = set()
    for cluster in clusters:
        codes = {m.text for m in cluster.names}
        if len(codes) != 1 or (code := next(iter(codes))) not in names:
            continue
        if not all(_in_brackets(text, m.start, m.end) for m in cluster.names):
            continue
        cluster.type = "LOC"
        canton = by_name.get(word_key(names[code]))
        if canton is not None and canton is not cluster:
            name = canton.longest
            canton.absorb(cluster)
            canton.preferred = canton.preferred or name  # Soleure, not SO
            gone.add(id(cluster))
    return [c for c in clusters if id(c) not in gone]


def _in_brackets(text: str, start: int, end: int) -> bool:
    return text[max(0, start - 1) : start] == "(" and text[end : end + 1] == ")"
