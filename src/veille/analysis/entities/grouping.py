"""Group the found name mentions into entities, one per normalised name.

The last step of the entity finder (find.py): mentions whose names read the same (after
``normal.word_key``, an English title's article aside) become one entity; a name said with
both genders is two people; the entity's type is the vote of its mentions in running text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from veille.model import Entity, Gender, Mention
from veille.normal import word_key

if TYPE_CHECKING:
    from veille.analysis.entities.find import Candidate


def group_mentions(found: list[tuple[Candidate, Mention]]) -> tuple[Entity, ...]:
    """Group mentions with the same normalised text into one entity each, in text order."""
    # M. Vasseur and Mme Vasseur are two people: a name said with both genders is split by
    # them (a bare Vasseur then stays apart, being either).
    said: dict[tuple[str, bool], set[Gender]] = {}
    for candidate, mention in found:
        if candidate.gender and candidate.label == "PER":
            said.setdefault((_group_key(mention.text), candidate.group), set()).add(candidate.gender)
    groups: dict[tuple[str, bool, str], list[tuple[Candidate, Mention]]] = {}
    for candidate, mention in sorted(found, key=lambda item: item[1].start):
        key = (_group_key(mention.text), candidate.group)
        split = len(said.get(key, ())) > 1
        said_as = (candidate.gender or "") if split else ""
        groups.setdefault((*key, said_as), []).append((candidate, mention))
    entities = []
    for n, members in enumerate(groups.values(), start=1):
        first = members[0][0]
        # A name in a heading set in capitals (VAL DE LOIRAC) is labelled at random by the
        # model: the mentions in running text vote when there are any.
        voters = [c for c, m in members if not _in_capitals(m.text)] or [c for c, _ in members]
        labels = [c.label for c in voters]
        # The most frequent label wins; the model often tags one of three Arsenal as ORG.
        label = max(dict.fromkeys(labels), key=labels.count)
        if any(c.label == "PER" and c.gender and not c.group for c, _ in members):
            label = "PER"  # one 'M. Soubie' outweighs the model's places for 'Soubie'
        gender = next((c.gender for c, _ in members if c.gender), None)
        entities.append(
            Entity(
                id=f"e{n}",
                name=members[0][1].text,
                type=label,  # type: ignore[arg-type]
                mentions=tuple(m for _, m in members),
                country=first.country if first.group or label == "MISC" else None,
                gender=gender,
                group=first.group,
            )
        )
    return tuple(entities)


def _in_capitals(text: str) -> bool:
    """Tell whether a name of several words is set in capitals, as in a heading."""
    return len(text.split()) >= 2 and text.isupper()


def _group_key(text: str) -> str:
    """Return the key mentions are grouped by: an English title's article is not part of it
    (The Wall Street Journal and Wall Street Journal are one paper)."""
    key = word_key(text)
    return key[4:] if key.startswith("the ") and len(key) > 4 else key
