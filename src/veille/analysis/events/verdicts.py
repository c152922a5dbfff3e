"""Read the party a court's ruling answers: the one who prosecuted or sued.

PLOVER codes a conviction as SANCTION court → convicted and a rejected claim as REJECT
court → claimant. An acquittal (*relaxer*, *acquitter*) names the acquitted as its object,
but what the court rejects is the accusation of the one who brought it: *Le tribunal a
relaxé l'éditeur X, poursuivi pour injure par la députée Y* is REJECT tribunal → Y. The
accuser is told on the object, as the *par*-agent of a participle of prosecution
(*poursuivi par Y*, *attaqué en diffamation par Y*) or as the subject of a relative clause
(*X, que le parquet de Z accusait de …*). Table slot ``accusateur`` (plover_triggers.tsv).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from veille.analysis.events.authors import national

if TYPE_CHECKING:
    from veille.analysis.events.roles import RoleReader

# The dependents that carry the object's name: the noun itself, an apposed name.
_NAMED = ("appos", "flat:name")
# Where the parser puts a par-agent: on the participle, or on one of its complements.
_AGENT = ("obl:agent", "obl", "obl:arg", "nmod")


def accuser_of_object(reader: RoleReader, verb: Token) -> list[str]:
    """Return the one who prosecuted the object of a ruling verb, or []."""
    objects = [c for c in verb.children if c.dep_ in ("obj", "nsubj:pass")]
    for obj in objects:
        # 1. A par-agent anywhere in a participle on the object: the parser hangs *par la
        #    députée Y* on the participle or on its complement (poursuivi pour injure).
        participles = [c for n in (obj, *obj.children) if n.dep_ in ("obj", *_NAMED) for c in n.children]
        for participle in participles:
            if participle.dep_ != "acl" or "Part" not in participle.morph.get("VerbForm", []):
                continue
            for token in participle.subtree:
                if token.dep_ in _AGENT and any(
                    c.dep_ == "case" and c.lower_ == "par" for c in token.children
                ):
                    found = reader.group(token) or national(reader, token)
                    if found:
                        return found
    # 2. A relative clause on the object (X, que le parquet accusait de …), which the parser
    #    also hangs on the ruling verb as a complement clause opened by *que*.
    clauses = [c for o in objects for n in (o, *o.children) if n.dep_ in ("obj", *_NAMED) for c in n.children]
    clauses += [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    for clause in clauses:
        if clause.dep_ in ("acl:relcl", "ccomp") and any(c.lower_ == "que" for c in clause.children):
            subject = reader.subject(clause, agent=False)
            if subject:
                return subject
    return []
