"""Attach the article's amounts (money, quantities) to the AID and SANCTION events they measure."""

from __future__ import annotations

import dataclasses

from veille.model import Amount, Event

_AMOUNT_TYPES = frozenset({"AID", "SANCTION"})


def attach_amounts(events: tuple[Event, ...], amounts: tuple[Amount, ...]) -> tuple[Event, ...]:
    """Attach each amount to the nearest AID or SANCTION trigger of its sentence."""

    if not amounts:
        return events
    attached: dict[str, list[int]] = {}
    for index, amount in enumerate(amounts):
        candidates = [
            e for e in events
            if e.type in _AMOUNT_TYPES and e.start <= amount.start < e.end and e.trigger_start is not None
        ]  # fmt: skip
        if candidates:
            nearest = min(candidates, key=lambda e: abs((e.trigger_start or 0) - amount.start))
            attached.setdefault(nearest.id, []).append(index)
    return tuple(
        dataclasses.replace(e, amounts=tuple(attached[e.id])) if e.id in attached else e for e in events
    )
