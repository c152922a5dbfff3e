"""Streaming ingest: the count pass, and a peak memory that does not hold every text."""

from __future__ import annotations

import json
import random
import tracemalloc
from pathlib import Path

import pytest

from veille.runners.ingest import count_inputs, ingest, read_inputs
from veille.settings import Settings

# Common words only, no names: the store's identity linking then has nothing to read back,
# so what the parent holds is the ingest's own doing.
WORDS = (
    "le ministre a rencontré son homologue pour parler de la guerre et de la paix ; selon lui , "
    "les négociations restent difficiles mais un accord reste possible avant l'hiver"
).split()


def write_feed(path: Path, count: int, *, seed: int) -> int:
    """Write ``count`` articles of about 1,500 characters to a JSONL file; return their text size."""
    rng = random.Random(seed)
    size = 0
    with path.open("w", encoding="utf-8") as handle:
        for n in range(count):
            sentences = []
            for _ in range(8):
                words = WORDS[:]
                rng.shuffle(words)
                sentences.append(" ".join(words))
            text = (". ".join(sentences)).capitalize() + "."
            size += len(text)
            day = f"20{10 + n % 15}-{1 + n % 12:02d}-{1 + n % 28:02d}"
            handle.write(json.dumps({"date": day, "text": text}, ensure_ascii=False) + "\n")
    return size


def test_count_inputs_matches_what_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("date 2025-12-04\nUn texte.\n", encoding="utf-8")
    (folder / "sub" / "b.html").write_text("<html><body><p>Un texte.</p></body></html>", encoding="utf-8")
    (folder / "notes.csv").write_text("pas un article", encoding="utf-8")
    # Blank lines, a broken line, and a last line without its newline.
    (folder / "feed.jsonl").write_text(
        '{"id": "1", "date": "2025-12-04", "text": "Un."}\n\n  \n{"id": \n{"id": "3", "text": "Trois."}',
        encoding="utf-8",
    )
    (tmp_path / "empty.jsonl").write_text("", encoding="utf-8")
    inputs = [str(folder), str(tmp_path / "empty.jsonl"), str(tmp_path / "missing.txt")]
    items = list(read_inputs(inputs, default_date="2025-12-04"))
    assert count_inputs(inputs) == len(items) == 7
    assert count_inputs(["-"]) is None  # stdin is read once


def test_count_inputs_reads_long_lines_in_pieces(tmp_path: Path) -> None:
    feed = tmp_path / "big.jsonl"
    line = json.dumps({"text": "mot " * 50_000}) + "\n"  # 200 kB a line: over several reads
    feed.write_text(line * 3 + "\n", encoding="utf-8")
    assert count_inputs([str(feed)]) == 3


def peak_of_ingest(feed: Path, db: Path) -> tuple[int, int]:
    """Return (articles ingested, peak bytes allocated by Python in this process meanwhile)."""
    settings = Settings(stages=("entities",), workers=1, db_path=db)
    tracemalloc.start()
    try:
        summary = ingest([str(feed)], settings)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return summary.ingested, peak


@pytest.mark.slow
@pytest.mark.model
def test_peak_memory_does_not_hold_every_text(tmp_path: Path) -> None:
    # One worker: the model lives in its process, so this process's peak is the reading,
    # the queue of batches in flight, and the writes. Holding every article (as reading
    # the whole input first did) adds at least each text's size per extra article.
    small, large = 100, 400
    write_feed(tmp_path / "warm.jsonl", 4, seed=0)
    peak_of_ingest(tmp_path / "warm.jsonl", tmp_path / "warm.db")  # imports, caches: paid once
    write_feed(tmp_path / "small.jsonl", small, seed=1)
    extra_text = write_feed(tmp_path / "large.jsonl", large, seed=2) * (large - small) // large
    stored_small, peak_small = peak_of_ingest(tmp_path / "small.jsonl", tmp_path / "small.db")
    stored_large, peak_large = peak_of_ingest(tmp_path / "large.jsonl", tmp_path / "large.db")
    assert (stored_small, stored_large) == (small, large)
    # Generous: half the text of the 300 extra articles (about 225 kB); every text held
    # would cost well over their whole size (about 820 kB measured with the old ingest).
    assert peak_large - peak_small < extra_text // 2, (peak_small, peak_large, extra_text)
    assert peak_large < 8 * extra_text, "the peak itself stays a few batches' worth"
