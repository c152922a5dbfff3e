"""Hand-built gold files and system Documents for the evaluation tests (no model)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from veille.eval.gold import Gold, parse_gold
from veille.eval.matching import TextIndex
from veille.model import Article, Document, Entity, Event, Mention, Quote, Timex

TEXT = (
    "Mercredi, Emmanuel Macron a rencontré Olaf Scholz à Berlin. "
    "« Nous devons soutenir l'Ukraine jusqu'au bout, sans faiblir », a déclaré le président français. "
    "Macron a accusé la Russie de mentir. Scholz a promis mardi une aide militaire à l'Ukraine. "
    "Selon Le Monde, les discussions ont duré cinq heures. "
    "Mercredi soir, la Russie a rejeté ces accusations de Macron."
)

GOLD: dict[str, Any] = {
    "format": "veille.gold/1",
    "article": {"file": "petit.txt", "date": "2025-12-04", "lang": "fr"},
    "entities": [
        {
            "name": "Emmanuel Macron",
            "type": "PER",
            "qid": "Q3052772",
            "mentions": ["Emmanuel Macron", "Macron"],
            "descriptions": ["le président français"],
        },
        {"name": "Olaf Scholz", "type": "PER", "mentions": ["Olaf Scholz", "Scholz"]},
        {"name": "Berlin", "type": "LOC", "qid": "Q64", "mentions": ["Berlin"]},
        {"name": "Ukraine", "type": "LOC", "qid": "Q212", "mentions": ["Ukraine"]},
        {"name": "Russia", "type": "LOC", "qid": "Q159", "mentions": ["Russie"]},
        {"name": "Le Monde", "type": "ORG", "mentions": ["Le Monde"], "optional": True},
    ],
    "quotes": [
        {
            "text": "Nous devons soutenir l’Ukraine jusqu’au bout, sans faiblir",
            "speaker": "Emmanuel Macron",
            "kind": "direct",
        },
        {
            "text": "les discussions ont duré cinq heures",
            "speaker": "Le Monde",
            "kind": "indirect",
            "optional": True,
        },
    ],
    "timexes": [
        {"text": "Mercredi", "value": "2025-12-03", "occurrence": 1},
        {"text": "mardi", "value": "2025-12-02", "accept": ["2025-12-02", "2025-W49"]},
        {"text": "cinq heures", "value": "PT5H", "type": "DURATION", "optional": True},
        {"text": "Mercredi", "value": "2025-12-03", "occurrence": 2},
    ],
    "events": [
        {
            "type": "CONSULT",
            "source": ["Emmanuel Macron"],
            "target": ["Olaf Scholz"],
            "date": "2025-12-03",
            "location": "Berlin",
            "symmetric": True,
        },
        {"type": "ACCUSE", "source": ["Emmanuel Macron"], "target": ["Russia"]},
        {
            "type": "AID",
            "source": ["Olaf Scholz"],
            "target": ["Ukraine"],
            "accept_types": ["AID", "AGREE"],
            "date": "2025-12-02",
            "date_optional": True,
        },
        {
            "type": "REJECT",
            "source": ["Russia"],
            "target": ["Emmanuel Macron", "Olaf Scholz"],
            "target_any": True,
            "date": "2025-12",
        },
    ],
}

# A form is a string (its first occurrence) or (string, occurrence).
Form = str | tuple[str, int]


class Builder:
    """Build system Documents over TEXT by naming what they found, as a stage would."""

    def __init__(self, text: str = TEXT) -> None:
        self.text = text
        self.index = TextIndex(text)

    def span(self, form: Form) -> tuple[int, int]:
        text, occurrence = (form, 1) if isinstance(form, str) else form
        place = self.index.find(text, occurrence)
        assert place is not None, f"{text!r} (occurrence {occurrence}) not in the test text"
        return place

    def entity(
        self, entity_id: str, name: str, type_: str, forms: list[Form], kb_id: str | None = None
    ) -> Entity:
        mentions = []
        for form in forms:
            start, end = self.span(form)
            mentions.append(Mention(start, end, self.text[start:end]))
        return Entity(entity_id, name, type_, tuple(mentions), kb_id=kb_id)  # type: ignore[arg-type]

    def quote(self, quote_id: str, form: Form, speaker: str | None, kind: str = "direct") -> Quote:
        start, end = self.span(form)
        return Quote(quote_id, kind, self.text[start:end], start, end, speaker=speaker)  # type: ignore[arg-type]

    def timex(self, form: Form, value: str, type_: str = "DATE") -> Timex:
        start, end = self.span(form)
        return Timex(self.text[start:end], start, end, type_, value)  # type: ignore[arg-type]

    def event(
        self, event_id: str, type_: str, source: list[str], target: list[str], date: str | None = None
    ) -> Event:
        return Event(event_id, type_, 0, len(self.text), "—", tuple(source), tuple(target), date=date)

    def doc(
        self,
        entities: list[Entity] = (),
        quotes: list[Quote] = (),  # type: ignore[assignment]
        timexes: list[Timex] = (),
        events: list[Event] = (),
    ) -> Document:  # type: ignore[assignment]
        article = Article(id="petit", text=self.text, date="2025-12-04", source="petit.txt")
        return Document(article, tuple(entities), tuple(quotes), tuple(timexes), tuple(events))

    def perfect_entities(self) -> list[Entity]:
        """Return the entities a perfect system finds in TEXT, linked."""
        return [
            self.entity(
                "e1",
                "Emmanuel Macron",
                "PER",
                ["Emmanuel Macron", "Macron", "le président français"],
                "Q3052772",
            ),
            self.entity("e2", "Olaf Scholz", "PER", ["Olaf Scholz", "Scholz"]),
            self.entity("e3", "Berlin", "LOC", ["Berlin"], "Q64"),
            self.entity("e4", "Ukraine", "LOC", ["l'Ukraine"], "Q212"),
            self.entity("e5", "Russie", "LOC", ["la Russie"], "Q159"),
            self.entity("e6", "Le Monde", "ORG", ["Le Monde"]),
        ]

    def perfect(self) -> Document:
        """Return the Document a perfect system produces for TEXT."""
        return self.doc(
            entities=self.perfect_entities(),
            quotes=[
                self.quote("q1", "Nous devons soutenir l'Ukraine jusqu'au bout, sans faiblir", "e1"),
                self.quote("q2", "les discussions ont duré cinq heures", "e6", "indirect"),
            ],
            timexes=[
                self.timex(("Mercredi", 1), "2025-12-03"),
                self.timex("mardi", "2025-12-02"),
                self.timex("cinq heures", "PT5H", "DURATION"),
                self.timex(("Mercredi", 2), "2025-12-03"),
            ],
            events=[
                self.event("v1", "CONSULT", ["e1"], ["e2"], "2025-12-03"),
                self.event("v2", "ACCUSE", ["e1"], ["e5"], "2025-12-04"),
                self.event("v3", "AID", ["e2"], ["e4"], "2025-12-02"),
                self.event("v4", "REJECT", ["e5"], ["e1"], "2025-12-03"),
            ],
        )


@pytest.fixture
def build() -> Builder:
    return Builder()


@pytest.fixture
def gold() -> Gold:
    return parse_gold(GOLD, Path("petit.gold.json"))


@pytest.fixture
def make_gold() -> Callable[..., Gold]:
    """make_gold(**changes) -> Gold: the small gold with top-level keys replaced."""

    def make(**changes: Any) -> Gold:
        return parse_gold({**GOLD, **changes}, Path("petit.gold.json"))

    return make


@pytest.fixture
def gold_data() -> dict[str, Any]:
    """A deep copy of the small gold's JSON object, free to spoil."""
    return copy.deepcopy(GOLD)
