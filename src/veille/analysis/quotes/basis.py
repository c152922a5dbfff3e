"""Say on what ground the rules chose a speaker: a name, a description, a pronoun, a continuation.

The rules are certain where the speaker phrase names its entity; a description resolved by
proximity, a pronoun or a continuation is a guess the ranker may weigh (ranker.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from veille.analysis.lang.fr.words import SUBJECT_PRONOUNS

if TYPE_CHECKING:
    from veille.analysis.quotes.context import QuoteContext
    from veille.analysis.quotes.speakers import Speaker

BASES = ("named", "described", "pronoun", "continuation", "created")


def rule_basis(ctx: QuoteContext, speaker: Speaker | None) -> str | None:
    """Return the ground of the rules' choice (one of BASES), or None when they found no speaker."""
    if speaker is None or speaker.entity is None:
        return None
    if speaker.start < 0:
        return "continuation"
    phrase = ctx.text[speaker.start : speaker.end].strip().lower()
    if speaker.pronoun or phrase in SUBJECT_PRONOUNS or phrase in ("lui", "eux"):
        return "pronoun"
    if speaker.entity in {e.id for e in ctx.resolver.created.values()}:
        return "created"
    entity = ctx.resolver.entity(speaker.entity)
    if speaker.named or (
        entity is not None
        and any(m.kind == "name" and speaker.start <= m.start < speaker.end for m in entity.mentions)
    ):
        return "named"
    return "described"
