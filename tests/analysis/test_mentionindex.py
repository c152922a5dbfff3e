"""The mention indexes answer as a walk over every cluster's mentions does, in its order."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from veille.analysis.entities.mentionindex import MentionEnds, NameSpans
from veille.model import Mention


@dataclass
class _Cluster:
    mentions: list[Mention] = field(default_factory=list)

    @property
    def names(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind == "name"]


def _clusters(seed: int) -> list[_Cluster]:
    rnd = random.Random(seed)
    clusters = []
    for _ in range(rnd.randint(0, 12)):
        cluster = _Cluster()
        for _ in range(rnd.randint(1, 6)):
            start = rnd.randint(0, 300)
            end = start + rnd.randint(1, 25)
            kind = rnd.choice(["name", "description"])
            cluster.mentions.append(Mention(start, end, "x" * (end - start), kind))
        clusters.append(cluster)
    return clusters


def test_names_within_a_span_come_in_the_clusters_order() -> None:
    for seed in range(200):
        clusters = _clusters(seed)
        index = NameSpans(clusters)
        for start in range(0, 320, 7):
            for end in (start, start + 3, start + 30, start + 120):
                walk = [m for c in clusters for m in c.names if start <= m.start and m.end <= end]
                assert index.within(start, end) == walk


def test_a_mention_ending_within_a_window_before_an_offset() -> None:
    for seed in range(200):
        clusters = _clusters(seed)
        ends = MentionEnds()
        for cluster in clusters:
            for offset in range(0, 340, 5):
                for window in (0, 10, 150):
                    walk = any(0 <= offset - m.end <= window for m in cluster.mentions)
                    assert ends.any_within(cluster, offset, window) == walk
