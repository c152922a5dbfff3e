"""Add to the document what attribution found about speakers: the organisations made for
unnamed or unknown speakers, and the pronoun or name mentions of resolved speakers."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from veille.model import Document, Entity, Mention

if TYPE_CHECKING:
    from veille.analysis.quotes.speakers import Speaker


def with_speaker_entities(doc: Document, speakers: list[Speaker], created: dict[str, Entity]) -> Document:
    """Return the document with the organisations made for unknown speaker names that a quote
    kept, speakers typed MISC made persons, and a pronoun mention on each entity a pronoun
    resolved to."""

    used = {s.entity for s in speakers}
    new = tuple(e for e in created.values() if e.id in used and e.mentions)
    if new:
        doc = dataclasses.replace(doc, entities=(*doc.entities, *new))

    # A speaker the entity stages typed MISC (a witness named by a given name) is a person.
    misc = {e.id for e in doc.entities if e.type == "MISC" and e.id in used}
    if misc:
        people = tuple(dataclasses.replace(e, type="PER") if e.id in misc else e for e in doc.entities)
        doc = dataclasses.replace(doc, entities=people)

    extra: dict[str, list[Mention]] = {}
    text = doc.article.text
    for speaker in speakers:
        if (speaker.pronoun or speaker.named) and speaker.entity is not None:
            extra.setdefault(speaker.entity, []).append(
                Mention(
                    speaker.start,
                    speaker.end,
                    text[speaker.start : speaker.end],
                    "pronoun" if speaker.pronoun else "name",
                )
            )
    if not extra:
        return doc
    entities = []
    for entity in doc.entities:
        added = [m for m in extra.get(entity.id, []) if m not in entity.mentions]
        if added:
            mentions = tuple(sorted((*entity.mentions, *added), key=lambda m: m.start))
            entity = dataclasses.replace(entity, mentions=mentions)
        entities.append(entity)
    return dataclasses.replace(doc, entities=tuple(entities))
