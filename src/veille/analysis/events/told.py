"""Read the side of a meeting the text told in the sentence before, when a demonstrative
noun takes the meeting up again.

News tells who spoke or met, then takes the meeting up by a demonstrative noun that names
only the other side: *« On a une crise sociale », fustige le syndicaliste X sur le perron
du ministère. La tonalité de ce premier rendez-vous avec la ministre Y contraste …* (REAL
dev2). The demonstrative (*ce*, *cette*, *ces*) says the meeting is known (Riegel, Pellat
and Rioul, *Grammaire méthodique du français*, the anaphoric demonstrative); the side the
noun leaves out is the one who spoke of it in the sentence before: the speaker of a
quotation there (the press tells a reaction at the door, then the meeting). Only a meeting
(a CONSULT noun of the trigger table) with its other side named is read so, and the
speaker must differ from that side. A sentence before without a quotation gives nothing
(*Le syndicat a publié un communiqué. Cet entretien avec la ministre …*: who met her is
not told).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from veille.analysis.events.lexicon import load_event_lexicon
from veille.analysis.lang.fr.words import DEMONSTRATIVES

if TYPE_CHECKING:
    from veille.analysis.events.roles import RoleReader

_PARTIES = frozenset({"PER", "ORG", "LOC"})


def told_side(reader: RoleReader, noun: Token, recipients: list[str]) -> list[str]:
    """Return the side of a meeting taken up by a demonstrative noun that the sentence
    before tells (rules in the module doc), else []."""
    row = load_event_lexicon().nouns.get(noun.lemma_.lower())
    if row is None or row.type != "CONSULT" or not recipients:
        return []
    if not any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in noun.children):
        return []
    sentence = noun.sent
    if sentence.start == 0:
        return []
    before = noun.doc[sentence.start - 1].sent
    speakers = [
        q.speaker for q in reader.doc.quotes
        if q.speaker and before.start_char <= q.start < before.end_char
    ]  # fmt: skip
    return [a for a in speakers[:1] if a not in recipients and reader.types.get(a) in _PARTIES]
