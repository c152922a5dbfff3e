"""A negated system event is not an event: it neither matches nor counts as a false positive."""

from __future__ import annotations

from pathlib import Path

from veille.eval.gold import load_gold
from veille.eval.scores import score_document
from veille.model import Article, Document, Entity, Event, Mention

TEXT = "La France n'a pas livré d'armes à l'Ukraine. Le Canada a livré des armes à l'Ukraine."


def test_negated_events_are_left_out(tmp_path: Path) -> None:
    gold_file = tmp_path / "a.gold.json"
    gold_file.write_text(
        '{"format": "veille.gold/1", "article": {"file": "a.txt", "date": "2025-12-04", "lang": "fr"},'
        ' "entities": [{"name": "France", "type": "LOC", "mentions": ["France"]},'
        ' {"name": "Ukraine", "type": "LOC", "mentions": ["Ukraine"]},'
        ' {"name": "Canada", "type": "LOC", "mentions": ["Canada"]}],'
        ' "quotes": [], "timexes": [],'
        ' "events": [{"type": "AID", "source": ["Canada"], "target": ["Ukraine"]}]}',
        encoding="utf-8",
    )
    gold = load_gold(gold_file)
    entities = (
        Entity("e1", "France", "LOC", (Mention(3, 9, "France"),)),
        Entity(
            "e2", "Ukraine", "LOC", (Mention(TEXT.index("Ukraine"), TEXT.index("Ukraine") + 7, "Ukraine"),)
        ),
        Entity("e3", "Canada", "LOC", (Mention(TEXT.index("Canada"), TEXT.index("Canada") + 6, "Canada"),)),
    )
    negated = Event("v1", "AID", 0, 44, "livré", ("e1",), ("e2",), negated=True)
    asserted = Event("v2", "AID", 45, len(TEXT), "livré", ("e3",), ("e2",))
    doc = Document(Article("a", TEXT, "2025-12-04"), entities, events=(negated, asserted))
    events = score_document(gold, doc).scores.events
    assert (events.gold, events.found, events.system, events.correct) == (1, 1, 1, 1)
