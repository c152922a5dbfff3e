"""Join a company's name said with and without its legal form (*Valmor SA* … *Valmor*).

A company's registered name ends on its legal form (*Orsen Holding SA*, *Immeubles Laval
inc.*, *Tallis Ltd*), and the press writes it once, usually where the company enters the
story, then drops it (*Orsen Holding a fait savoir …*). The model tags the short form alone,
often as a place or a person (it has never seen the name), and the two stay two entities: the
later descriptions (*l'entreprise*, *la société*) find only the short one, typed wrong, and
skip it.

A name whose last word is a legal form of ``type_evidence.json`` (the French Code de
commerce's SA, SAS, SARL …; Quebec's *inc.*, *ltée*; Ltd, GmbH, plc …) takes in the one other
entity named exactly by the words before it, and the whole is an organisation. Not a person
the text titles (a founder may share the company's name, *Paul Orsen*, but that is a first
name and a surname, not the name before *SA*), and not when two companies of one short name
are written (*Valmor SA* and *Valmor SAS*): the short form is left to neither.
"""

from __future__ import annotations

from veille.analysis.entities.clusters import Cluster
from veille.analysis.entities.typevote import load_evidence
from veille.normal import name_key


def short_form(name: str, legal_forms: frozenset[str]) -> str | None:
    """Return a company's name without its final legal form (Orsen Holding SA → Orsen
    Holding), or None when the name does not end on one or is the legal form alone."""
    words = name.replace(",", " ").split()
    if len(words) < 2 or (words[-1] not in legal_forms and words[-1].rstrip(".") not in legal_forms):
        return None
    return " ".join(words[:-1])


def merge_legal_forms(clusters: list[Cluster]) -> list[Cluster]:
    """Join each short name to the one company named by it and a legal form (module docstring)."""
    legal_forms = load_evidence().legal_forms
    by_short: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        if cluster.group or (cluster.type == "PER" and cluster.roles):
            continue
        shorts = {short_form(m.text, legal_forms) for m in cluster.names}
        for short in shorts:
            if short is None:
                continue
            owners = by_short.setdefault(name_key(short), [])
            if cluster not in owners:
                owners.append(cluster)
    if not by_short:
        return clusters
    gone: set[int] = set()
    for cluster in clusters:
        if cluster.group or cluster.roles or id(cluster) in gone:
            continue
        keys = {name_key(m.text) for m in cluster.names}
        found = {id(o): o for key in keys for o in by_short.get(key, []) if o is not cluster}
        if len(found) != 1:
            continue  # Valmor SA and Valmor SAS: the short form names neither
        owner = next(iter(found.values()))
        if id(owner) in gone or any(short_form(m.text, legal_forms) for m in cluster.names):
            continue
        owner.absorb(cluster)
        owner.type = "ORG"
        gone.add(id(cluster))
    return [c for c in clusters if id(c) not in gone]
