"""Read an organ of a named organisation as that organisation.

*la commission de discipline de la FFR a suspendu le joueur*, *le conseil d'administration du
musée Vernadet a refusé*, *le bureau politique du parti Avenir a exclu*: the organ names no
entity of its own, and its act is the organisation's (an annotator codes the federation, the
museum, the party). The organ nouns are ``org_organs.tsv`` (the organs French law gives
companies, associations, federations and assemblies); an adjective of ``assembly_adjectives.tsv``
names the assembly as a de-complement would (*la commission d'enquête sénatoriale* → Sénat).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from veille.analysis.events.shape import case_of
from veille.analysis.lang.fr import tables
from veille.analysis.lang.fr.words import OF
from veille.normal import fold

if TYPE_CHECKING:
    from veille.analysis.events.roles import RoleReader

# How many de-complements to walk down: la commission (1) de discipline (2) de la FFR.
_DEPTH = 2


@cache
def organ_nouns() -> frozenset[str]:
    """Return the head nouns of ``org_organs.tsv``."""
    return frozenset(row[0].strip() for _n, row in tables.read_rows("org_organs.tsv", 1))


@cache
def assembly_adjectives() -> dict[str, str]:
    """Return ``assembly_adjectives.tsv``: adjective lemma → the folded name of its assembly."""
    rows = tables.read_rows("assembly_adjectives.tsv", 2)
    return {row[0].strip(): fold(row[1].strip()) for _n, row in rows}


def organ_owner(reader: RoleReader, head: Token) -> list[str]:
    """Return the organisation an organ phrase belongs to (*la commission de discipline de
    la FFR* → FFR), read in its de-complements, or an empty list.

    Only an organisation (ORG) owns an organ here: *le conseil municipal de Vannes* names a
    town's council, an institution named by its place that the unnamed parties read
    (``parties.UnnamedParties``), and *le comité de soutien de Paul Girard* is no act of
    Paul Girard's.
    """
    if head.lemma_.lower() not in organ_nouns() and head.lower_ not in organ_nouns():
        return []
    frontier = [head]
    assembly = _assembly(reader, head)
    if assembly:
        return assembly  # la commission d'enquête sénatoriale: the Senate's
    for _ in range(_DEPTH):
        nxt: list[Token] = []
        for token in frontier:
            for child in token.children:
                if child.dep_ != "nmod" or child.i < head.i or case_of(child) not in OF:
                    continue
                found = reader.index.entity_at(child.idx)
                if found is not None:
                    if reader.types.get(found) == "ORG":
                        return [found]
                    return []  # a person's or a place's organ: not read here
                nxt.append(child)
        frontier = nxt
    return []


def _assembly(reader: RoleReader, head: Token) -> list[str]:
    """Return the assembly an adjective on the organ or on its de-complement names (*la
    commission d'enquête sénatoriale* → Sénat), when the document names it as an
    organisation; else an empty list."""
    nodes = [head, *(c for c in head.children if c.dep_ == "nmod" and c.i > head.i and case_of(c) in OF)]
    wanted = {
        assembly
        for node in nodes
        for c in node.children
        if c.dep_ == "amod" and (assembly := assembly_adjectives().get(c.lemma_.lower())) is not None
    }
    if not wanted:
        return []
    return [
        e.id
        for e in reader.doc.entities
        if e.type == "ORG" and (fold(e.name) in wanted or any(fold(m.text) in wanted for m in e.mentions))
    ][:1]
