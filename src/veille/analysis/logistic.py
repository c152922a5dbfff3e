"""A logistic regression read from a small JSON table, shared by the learned rankers.

The quote speaker ranker (quotes/ranker.py) and the description ranker
(entities/descranker.py) both score a candidate's feature vector with weights trained by a
script and stored by feature name, and keep the best candidate above a threshold. The
scoring lives here so that neither layer imports the other.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Self


@dataclass(frozen=True)
class Logistic:
    """Weights in the order of a feature tuple, and the threshold a score must reach."""

    weights: tuple[float, ...]
    threshold: float

    @classmethod
    def from_table(cls, table: dict[str, object], names: tuple[str, ...]) -> Self:
        """Build it from the JSON table (weights by feature name, in the order of ``names``;
        a missing one is 0)."""
        weights = table.get("weights", {})
        assert isinstance(weights, dict)
        threshold = table.get("threshold", 0.5)
        assert isinstance(threshold, (int, float))
        return cls(tuple(float(weights.get(name, 0.0)) for name in names), float(threshold))

    def score(self, vector: list[float]) -> float:
        """Return the probability that a candidate with this feature vector is the right one."""
        z = sum(w * x for w, x in zip(self.weights, vector, strict=True))
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
