"""The per-document indexes of the quote, resolve and event steps answer as the walks they
replace do (random spans and mentions, every offset asked)."""

from __future__ import annotations

import random

from veille.analysis.quotes.marks import Stretches


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
