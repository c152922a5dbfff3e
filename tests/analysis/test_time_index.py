"""The time stage's per-document indexes answer as a walk over every expression does."""

from __future__ import annotations

import random

from veille.analysis.time.attach import _dated_between, day_value, in_timexes
from veille.model import Article, Document, Timex


def _timexes(seed: int) -> tuple[Timex, ...]:
    rnd = random.Random(seed)
    out = []
    for _ in range(rnd.randint(0, 10)):
        start = rnd.randint(0, 200)
        end = start + rnd.randint(0, 20)  # empty ones too
        kind = rnd.choice(["DATE", "TIME", "DURATION"])
        value = rnd.choice(["2024-05-03", "2024-05-03TEV", "2024-05", "P3D", "PAST_REF", "2024-W19"])
        out.append(Timex("x" * (end - start), start, end, kind, value, anchored=rnd.random() < 0.8))  # type: ignore[arg-type]
    return tuple(out)


def test_an_offset_in_a_time_expression() -> None:
    for seed in range(300):
        timexes = _timexes(seed)
        for offset in range(0, 230, 3):
            walk = any(t.start <= offset < t.end for t in timexes)
            assert in_timexes(timexes, offset) == walk
            assert in_timexes(list(timexes), offset) == walk  # not a document's: walked


def test_the_dated_expressions_between_two_offsets_in_the_documents_order() -> None:
    for seed in range(300):
        doc = Document(article=Article(id="a", text="x" * 250), timexes=_timexes(seed))
        for start in range(0, 220, 9):
            for end in (start, start + 5, start + 60):
                walk = [
                    (t, day_value(t.value))
                    for t in doc.timexes
                    if t.type in ("DATE", "TIME") and t.anchored and start <= t.start < end
                    if day_value(t.value) is not None
                ]
                assert _dated_between(doc, start, end) == walk
