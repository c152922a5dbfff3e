"""Golden cases for quotations: tests/golden/quotes/cases.jsonl.

Each line is a short French passage and every quotation a careful reader finds in it (kind,
exact text without the marks, speaker as a name the document gives the speaker entity, cue
lemma, and where a case tests how the rules find it, the speaker phrase as ``mention``),
written by reading, not from the system's output. Cases with no quotation are the
known false positives: nicknames, titles, scare quotes, croire alone, poursuivre.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from veille.model import Document, Quote

CASES_FILE = Path(__file__).resolve().parent.parent / "golden" / "quotes" / "cases.jsonl"
CASES = [json.loads(line) for line in CASES_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]


def normal(name: str) -> str:
    """Return a name without a leading article and case, as DESIGN.md §8 matches them
    (L'Équipe and Équipe are the same speaker)."""
    return re.sub(r"^(?:l['’]|les? |la )", "", name.strip().lower())


def speaker_names(doc: Document, quote: Quote) -> set[str]:
    """Return the normalised names and mention texts of a quote's speaker entity (empty when none)."""
    entity = doc.entity(quote.speaker) if quote.speaker else None
    if entity is None:
        return set()
    return {normal(name) for name in (entity.name, *(m.text for m in entity.mentions))}


def test_cases_cover_every_construction() -> None:
    notes = " ".join(case["note"] for case in CASES)
    for construction in (
        "after", "before", "a-t-elle", "affirme-t-il", "following sentence", "continuation",
        "several sentences", "two paragraphs", "unbalanced", "nested", "mixed", "selon",
        "d'après", "que", "gerund", "incise", "description", "countries", "nickname",
        "title", "scare", "croire", "interview", "previous paragraph",
        "same surname", "lawyer", "polling institute", "newspaper", "son adversaire",
        "long title", "participle", "explique l'élu", "hyphenated", "colon",
    ):  # fmt: skip
        assert construction in notes, construction
    assert len(CASES) >= 60


@pytest.mark.model
@pytest.mark.parametrize("case", CASES, ids=[case["note"] for case in CASES])
def test_quotes_golden(analyze, case) -> None:  # type: ignore[no-untyped-def]
    doc = analyze(case["text"], case["date"])
    found = [(q.kind, q.text, q.cue) for q in doc.quotes]
    assert len(doc.quotes) == len(case["quotes"]), found
    for quote, want in zip(doc.quotes, case["quotes"], strict=True):
        assert quote.text == want["text"], found
        assert quote.kind == want["kind"], found
        assert doc.article.text[quote.start : quote.end] == quote.text
        if want["speaker"] is None:
            assert quote.speaker is None
        else:
            assert normal(want["speaker"]) in speaker_names(doc, quote), (want, quote, doc.entities)
        if "cue" in want:
            assert quote.cue == want["cue"], found
        if "mention" in want:  # the rules found the speaker's phrase (the ranker gives none)
            assert quote.speaker_mention is not None, found
            assert quote.speaker_mention.text == want["mention"], quote.speaker_mention


@pytest.mark.model
def test_pronoun_speaker_gets_a_pronoun_mention(analyze) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La ministre finlandaise, Elina Valtonen, était à Bruxelles. "
        "« Il faut un cessez-le-feu », a-t-elle déclaré."
    )
    doc = analyze(text)
    (quote,) = doc.quotes
    entity = doc.entity(quote.speaker or "")
    assert entity is not None and "Elina Valtonen" in {entity.name, *(m.text for m in entity.mentions)}
    pronouns = [m for m in entity.mentions if m.kind == "pronoun"]
    assert [m.text for m in pronouns] == ["elle"]
    assert text[pronouns[0].start : pronouns[0].end] == "elle"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "elle"
