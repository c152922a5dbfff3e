"""The per-document indexes of the quote, resolve and event steps answer as the walks they
replace do (random spans and mentions, every offset asked)."""

from __future__ import annotations

import random
import re

from veille.analysis.entities.abbreviations import _WordPlaces
from veille.analysis.entities.clusters import Cluster
from veille.analysis.entities.orgwords import NamedAt
from veille.analysis.quotes.marks import MarkedSpan, MarkOrder, Stretches
from veille.analysis.syntax.mentions import MentionIndex
from veille.model import Article, Document, Entity, Mention


def test_an_offset_is_in_the_stretches_as_in_any_span() -> None:
    for seed in range(300):
        rnd = random.Random(seed)
        spans = []
        for _ in range(rnd.randint(0, 10)):
            start = rnd.randint(0, 200)
            spans.append((start, start + rnd.randint(-3, 40)))  # empty and nested spans too
        stretches = Stretches(spans)
        for offset in range(-2, 250):
            assert (offset in stretches) == any(s <= offset < e for s, e in spans), (seed, offset)


def _walk_cluster_at(pool: list[Cluster], position: int) -> Cluster | None:
    """The walk NamedAt replaces: the first cluster of the pool with a name there."""
    for cluster in pool:
        if any(m.start == position and m.kind == "name" for m in cluster.mentions):
            return cluster
    return None


def test_the_cluster_named_at_an_offset_is_the_walks_first_in_any_pool() -> None:
    for seed in range(200):
        rnd = random.Random(seed)
        clusters = []
        for _ in range(rnd.randint(0, 10)):
            mentions = []
            for _ in range(rnd.randint(1, 4)):
                start = rnd.randint(0, 60)  # few offsets: several clusters named at one
                mentions.append(Mention(start, start + 5, "xxxxx", rnd.choice(["name", "description"])))
            clusters.append(Cluster(mentions, rnd.choice(["PER", "ORG", "LOC"])))
        index = NamedAt(clusters)
        pool = [c for c in clusters if rnd.random() < 0.6]
        pool += [c for c in clusters if c not in pool and rnd.random() < 0.3]  # appended later
        for position in range(0, 70):
            assert index.first(clusters, position) is _walk_cluster_at(clusters, position)
            assert index.first(pool, position) is _walk_cluster_at(pool, position)


def test_a_words_places_are_where_its_bounded_pattern_matches() -> None:
    alphabet = ["ANSM", "OFAG", "Brav-M", "ANSMé", "l'", " ", "-", "_", "(", ")", "é", "3", "\n", "ONU"]
    for seed in range(300):
        rnd = random.Random(seed)
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40)))
        places = _WordPlaces(text)
        for word in ("ANSM", "OFAG", "Brav-M", "ONU", "ANS"):
            expected = [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", text)]
            assert places.places(word) == expected, (seed, word, text)


def test_a_words_places_are_the_same_searched_or_indexed() -> None:
    # The first words asked are found by substring search, the later ones in the index of
    # every word: both must answer as the bounded pattern does, words in a longer word too.
    alphabet = ["ANSM", "ANS", "MANS", "l'", " ", "-", "_", "é", "3", "\n", "(", "ONU", "ONUé"]
    words = ("ANS", "ANSM", "ONU", "MANS", "ANSMANS", "é", "3", "ONUé", "l", "_", "ANS", "ONU")
    for seed in range(300):
        rnd = random.Random(seed)
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40)))
        places = _WordPlaces(text)
        for word in words:  # more than the searched ones: the last are read off the index
            expected = [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", text)]
            assert places.places(word) == expected, (seed, word, text)


def test_the_entities_named_before_an_offset_come_as_the_walk_back_meets_them() -> None:
    for seed in range(200):
        rnd = random.Random(seed)
        entities = []
        for n in range(rnd.randint(0, 8)):
            starts = [rnd.randint(0, 80) for _ in range(rnd.randint(1, 4))]
            mentions = tuple(Mention(s, s + 4, "xxxx", "name") for s in starts)
            entities.append(Entity(f"e{n % 5}", "xxxx", "PER", mentions))  # an id twice too
        doc = Document(Article("a", "x" * 100, "2024-06-01"), entities=tuple(entities))
        index = MentionIndex(doc)
        for offset in range(0, 90):
            walked: list[Entity] = []
            for start, _end, _mention, entity in reversed(index.items):
                if start < offset and entity.id not in {e.id for e in walked}:
                    walked.append(entity)
            assert [id(e) for e in index.named_before(offset)] == [id(e) for e in walked], (seed, offset)


def test_a_locution_stem_is_tested_as_a_walk_over_the_locution_verbs() -> None:
    from veille.analysis.quotes.lexicon import CueLexicon

    lexicon = CueLexicon.load()
    verbs = list(lexicon._locutions)
    # Each locution verb's prefixes and forms (a short word, an empty one, words of no locution).
    words = {v[:n] for v in verbs for n in range(6)} | {"", "a", "Y", "mé", "zzz", "Mettant", "FAISAIT"}
    for word in sorted(words):
        stem = word.lower()[:3]
        assert (stem in lexicon._locution_stems) == any(v.startswith(stem) for v in verbs), word


def test_the_marks_overlapping_or_closed_before_an_offset_are_the_walks() -> None:
    for seed in range(300):
        rnd = random.Random(seed)
        marks, at = [], 0
        for _ in range(rnd.randint(0, 6)):
            at += rnd.randint(0, 6)
            close = at + rnd.randint(2, 8)
            marks.append(MarkedSpan(at, close if rnd.random() < 0.8 else None, at + 1, close))
            at = close + 1 if seed % 3 else at + rnd.randint(0, 4)  # every third overlapping
        order = MarkOrder(marks)
        for start in range(0, 60):
            previous = [m for m in marks if m.outer_end <= start]
            assert order.last_closed_by(start) is (previous[-1] if previous else None)
            for end in range(start, start + 12):
                walked = [m for m in marks if m.open < end and m.outer_end > start]
                assert order.overlapping(start, end) == walked
