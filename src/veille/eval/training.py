"""Say which annotated articles a learned model may train on, and refuse the rest.

The held-out dev2 articles (d2-025 and after) and the blind sets (tests/gold15, tests/gold17,
tests/gold18) measure how veille does on news nobody tuned on: no training script, and no error listing,
may read them. The speaker ranker, the event detector and the quote tally all ask here.
"""

from __future__ import annotations

import re
from pathlib import Path

HELD_OUT_FIRST = 25  # dev2 d2-025 and after are the held-out check
# tests/gold3 was blind until the fifth session, tests/gold7 until the sixth, tests/gold9 until
# the seventh, tests/gold10 until the eighth and tests/gold12 until the ninth; each was then
# opened for error study (docs/evaluation.md).
BLIND_FOLDERS = ("gold15", "gold17", "gold18")
# The project's own gold sets a model may learn from (the blind sets never).
TRAINING_FOLDERS = (
    "tests/gold",
    "tests/gold2",
    "tests/gold3",
    "tests/gold4",
    "tests/gold5",
    "tests/gold6",
    "tests/gold7",
    "tests/gold8",
    "tests/gold9",
    "tests/gold10",
    "tests/gold11",
    "tests/gold12",
    "tests/gold13",
    "tests/gold14",
)


def allowed(path: Path) -> bool:
    """Return False for a held-out dev2 article or a file of a blind set."""
    if any(part in BLIND_FOLDERS for part in path.resolve().parts):
        return False
    number = re.match(r"d2-(\d+)", path.name)
    return number is None or int(number.group(1)) < HELD_OUT_FIRST


def training_golds(shared: Path, root: Path) -> list[Path]:
    """Return the gold files of ``shared`` (../shared) and repository ``root`` a model may learn from."""
    golds = [shared / "examples/seed.gold.json"]
    golds += sorted((shared / "corpus/dev").glob("*.gold.json"))
    golds += sorted(p for p in (shared / "corpus/dev2").glob("d2-*.gold.json") if allowed(p))
    for folder in TRAINING_FOLDERS:
        golds += sorted((root / folder).glob("*.gold.json"))
    return golds
