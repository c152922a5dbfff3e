"""Every analysis stage by name, in the order the pipeline runs them, and the plan that
pulls in what a requested stage needs.

Order matters: resolution needs entities, quotes and events need resolved entities and
resolved time expressions, events attach amounts. Each stage says so in its ``requires``;
``plan`` checks it.
"""

from __future__ import annotations

from collections.abc import Iterable

from veille.analysis.amounts import AmountStage
from veille.analysis.entities.find import EntityStage
from veille.analysis.entities.link import LinkStage
from veille.analysis.entities.resolve import ResolveStage
from veille.analysis.events.stage import EventStage
from veille.analysis.quotes.stage import QuoteStage
from veille.analysis.stages import Stage
from veille.analysis.time.stage import TimeStage
from veille.errors import SettingsError

STAGES: dict[str, type[Stage]] = {
    "entities": EntityStage,
    "resolve": ResolveStage,
    "link": LinkStage,
    "time": TimeStage,
    "quotes": QuoteStage,
    "amounts": AmountStage,
    "events": EventStage,
}


def plan(names: Iterable[str] | None = None, stages: dict[str, type[Stage]] = STAGES) -> list[str]:
    """Return the stages to run, in running order: the ones asked for (every stage when
    ``names`` is None) and every stage that assigns a layer they require.

    Raise SettingsError, in one line, for an unknown stage name or a layer that no stage
    assigns before the stage that requires it.
    """
    wanted = list(stages) if names is None else list(dict.fromkeys(names))
    unknown = [name for name in wanted if name not in stages]
    if unknown:
        raise SettingsError(f"unknown stage(s) {', '.join(unknown)}; known: {', '.join(stages)}")
    providers = {layer: name for name, cls in stages.items() for layer in cls.assigns}
    chosen: set[str] = set()
    pending = list(wanted)
    while pending:
        name = pending.pop()
        if name in chosen:
            continue
        chosen.add(name)
        for layer in stages[name].requires:
            if layer not in providers:
                raise SettingsError(f"stage {name!r} requires {layer!r}, which no stage assigns")
            pending.append(providers[layer])
    order = [name for name in stages if name in chosen]
    made: set[str] = set()
    for name in order:
        missing = [layer for layer in stages[name].requires if layer not in made]
        if missing:
            raise SettingsError(f"stage {name!r} runs before the stage that assigns {', '.join(missing)}")
        made.update(stages[name].assigns)
    return order
