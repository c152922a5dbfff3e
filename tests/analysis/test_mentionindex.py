"""The mention indexes answer as a walk over every cluster's mentions does, in its order."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from veille.analysis.entities.mentionindex import NamedWithin, NameSpans, indexed_entity_at
from veille.analysis.syntax.mentions import MentionIndex, Spans
from veille.model import Article, Document, Entity, Mention


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


def _walked_entity_at(doc: Document, start: int, end: int) -> Entity | None:
    best: tuple[int, Entity] | None = None
    for entity in doc.entities:
        for m in entity.mentions:
            fits = (start <= m.start and m.end <= end) or (m.start <= start and end <= m.end)
            if fits and (best is None or m.end - m.start > best[0]):
                best = (m.end - m.start, entity)
    return best[1] if best else None


def test_the_entity_at_a_stretch_is_the_walks_longest_first_mention() -> None:
    for seed in range(150):
        rnd = random.Random(seed)
        entities = []
        for n, cluster in enumerate(_clusters(seed)):
            entities.append(Entity(f"e{n}", f"E{n}", rnd.choice(["PER", "ORG"]), tuple(cluster.mentions)))
        doc = Document(article=Article(id="a", text="x" * 400), entities=tuple(entities))
        for start in range(0, 330, 6):
            for end in (start, start + 2, start + 11, start + 40):
                assert indexed_entity_at(doc, start, end) is _walked_entity_at(doc, start, end)


def test_a_mention_inside_another_entitys_is_the_walks_answer() -> None:
    for seed in range(150):
        entities = [Entity(f"e{n}", f"E{n}", "LOC", tuple(c.mentions)) for n, c in enumerate(_clusters(seed))]
        index = MentionIndex(Document(article=Article(id="a", text="x" * 400), entities=tuple(entities)))
        for entity in entities:
            for m in entity.mentions:
                walk = any(
                    o.start < m.start and m.end <= o.end
                    for e in entities
                    if e.id != entity.id
                    for o in e.mentions
                )
                assert index.inside_another(m.start, m.end, entity.id) == walk


def test_a_stretch_overlaps_a_span_where_the_walk_finds_one() -> None:
    for seed in range(150):
        spans = [(m.start, m.end) for c in _clusters(seed) for m in c.mentions]
        index = Spans(spans)
        for start in range(0, 330, 4):
            for end in (start, start + 1, start + 9, start + 60):
                assert index.overlap(start, end) == any(s < end and start < e for s, e in spans)


def test_the_clusters_named_within_a_window_are_the_walks_in_its_order() -> None:
    for seed in range(150):
        clusters = _clusters(seed)
        index = NamedWithin(clusters)
        for offset in range(0, 340, 5):
            for window in (0, 10, 150):
                walk = [c for c in clusters if any(0 <= offset - m.end <= window for m in c.mentions)]
                assert index.clusters(offset, window) == walk
