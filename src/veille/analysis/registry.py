"""Every analysis stage by name, in the order the pipeline runs them.

Order matters: resolution needs entities, quotes and events need resolved entities
and resolved time expressions, events attach amounts.
"""

from __future__ import annotations

from veille.analysis.amounts import AmountStage
from veille.analysis.entities.find import EntityStage
from veille.analysis.entities.link import LinkStage
from veille.analysis.entities.resolve import ResolveStage
from veille.analysis.events.stage import EventStage
from veille.analysis.quotes.stage import QuoteStage
from veille.analysis.stages import Stage
from veille.analysis.time.stage import TimeStage

STAGES: dict[str, type[Stage]] = {
    "entities": EntityStage,
    "resolve": ResolveStage,
    "link": LinkStage,
    "time": TimeStage,
    "quotes": QuoteStage,
    "amounts": AmountStage,
    "events": EventStage,
}
