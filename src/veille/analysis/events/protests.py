"""Read whom a protest is aimed at when the clause names no opponent.

PLOVER codes a demonstration, a strike or a sit-in as PROTEST protesters → the group or
authority it is directed at (codebook, PROTEST/demo, strike, obstruct). French news seldom
says *contre X*; it names the target in two other ways, each read here as a table slot
(plover_triggers.tsv):

- ``site``: the place the act is held at belongs to its target (*la grève à l'usine
  Brovex*, *se sont rassemblés devant la préfecture de l'Orne*, *devant les grilles de la
  fonderie X*): a workplace names its firm, a seat of power (préfecture, mairie,
  ambassade) its body, and strikers who are a firm's staff (*les ouvriers de X ont
  débrayé*) their employer; the nouns are ``protest_sites`` of events_lexicon.json;
- ``but``: a purpose clause says what the crowd came to do to whom (*se sont rassemblés …
  pour interpeller le maire X*, *ont défilé pour dénoncer la direction de Y*): its verb is
  a trigger of a verbal act (REQUEST, ACCUSE, REJECT, PROTEST) and its party is the target.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from veille.analysis.events.dating import cut_opening
from veille.analysis.events.lexicon import EventLexicon, Trigger, load_event_lexicon
from veille.analysis.events.shape import case_of
from veille.analysis.syntax.clauses import own_clause

if TYPE_CHECKING:
    from veille.analysis.events.roles import RoleReader

# The prepositions of a place where a crowd stands (à l'usine, devant le siège, sur le site).
_AT = frozenset({"à", "au", "aux", "devant", "sur", "dans"})
# The types of the act a purpose clause may aim at a target (PLOVER verbal conflict).
_AIMED_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "PROTEST"})


def protest_cue(verb: Token) -> bool:
    """Say whether a gathering verb tells a protest (row needs ``demo``): a reflexive
    *se rassembler* whose sentence names a convener (*à l'appel de X*), whose clause is
    against someone (*contre X*) or whose purpose clause is an act aimed at someone (*pour
    dénoncer*, *pour interpeller*). *Les alliés se sont rassemblés derrière X* is a rally of
    support and *les fans se sont rassemblés devant le stade* a crowd: neither is one."""
    if not any(c.lower_ in ("se", "s'") for c in verb.children):
        return False
    words = [w.lower_ for w in verb.sent]
    if any(
        words[i] in ("appel", "initiative") and words[i - 2] in ("à", "sur") for i in range(2, len(words))
    ):
        return True
    if any(case_of(c) == "contre" for c in verb.children):
        return True
    lexicon = load_event_lexicon()
    for clause in verb.children:
        if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "pour" for c in clause.children):
            row = lexicon.verb_trigger(clause.lemma_.lower(), clause.text)
            if row is not None and _aimed(row, lexicon):
                return True
    return False


def _aimed(row: Trigger, lexicon: EventLexicon) -> bool:
    """Say whether a verb's row (or one of its senses) is an act aimed at someone."""
    types = {row.type, *(sense.type for sense in lexicon.senses if sense.lemma == row.lemma)}
    return bool(types & _AIMED_TYPES)


def site_party(reader: RoleReader, node: Token) -> list[str]:
    """Return the firm or body whose site a protest is held at, or []."""
    sites = load_event_lexicon().protest_sites
    words = own_clause(node, with_participles=False) if node.pos_ != "NOUN" else [node, *node.children]
    if node.pos_ == "NOUN" and node.dep_ in ("nsubj", "nsubj:pass"):
        # À l'usine X, la grève … se poursuit: the place is a complement of the noun's verb.
        words += own_clause(node.head, with_participles=False)
    opening = cut_opening(node)
    if opening is not None:  # the same place phrase, cut off by the parser at its comma
        words += [opening.root]
    for word in words:
        lemma = word.lemma_.lower()
        if sites.get(lemma) == "staff" and word.dep_ in ("nsubj", "nsubj:pass") and word.head == node:
            # les ouvriers de Métalor ont débrayé: the strikers' employer
            found = [e for e in reader.owner(word) if reader.types.get(e) == "ORG"]
            if found:
                return found
        if lemma not in sites or sites[lemma] == "staff" or case_of(word) not in _AT:
            continue
        # l'usine Brovex (a name inside the phrase), le siège de X, les grilles de la fonderie X
        found = [e for e in reader.group(word) if reader.types.get(e) == "ORG"]
        for child in () if found else word.children:
            if child.dep_ in ("nmod", "appos", "flat:name"):  # la verrerie Cristalis de Saint-Aubin
                found = [e for e in reader.group(child) if reader.types.get(e) == "ORG"]
                if found:
                    break
        found = found or [e for e in reader.owner(word) if reader.types.get(e) == "ORG"]
        if found:
            return found
        if sites[lemma] == "seat":  # devant la mairie de Lyon: the town's government
            found = reader.group(word) or reader.owner(word)
            if found:
                return found
    return []


def purpose_party(reader: RoleReader, node: Token) -> list[str]:
    """Return the party of a purpose clause whose verb is an act aimed at someone (*pour
    interpeller le maire*, *pour dénoncer la direction de X*), or []."""
    lexicon = load_event_lexicon()
    for clause in node.children:
        if clause.dep_ != "advcl" or clause.pos_ != "VERB":
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "pour" for c in clause.children):
            continue
        row = lexicon.verb_trigger(clause.lemma_.lower(), clause.text)
        # interpeller: an arrest by its row, a request when aimed at an official (its sense)
        if row is None or not _aimed(row, lexicon):
            continue
        for slot in row.recipient:
            if slot in ("obj", "à", "contre", "auprès"):
                found = reader.by_slot(clause, slot, linear=False)
                if found:
                    return found
    return []
