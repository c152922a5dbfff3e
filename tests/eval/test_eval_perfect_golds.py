"""A system that finds exactly what each real gold lists scores 1.0 on it (no model).

This checks the harness against every variant the project's golds use (typographic
apostrophes against the cleaned text, occurrences, accepted values, symmetric and
*_any events), on the cleaned text the pipeline really produces.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.analysis.clean import clean_article
from veille.eval.harness import Case, load_cases
from veille.eval.matching import TextIndex, locate_timexes
from veille.eval.scores import score_document
from veille.model import Document, Entity, Event, Mention, Quote, Timex

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def perfect_document(case: Case) -> Document:
    """Return the Document a perfect system would produce: every gold item, at its place."""
    article = clean_article(case.article)
    gold, index, text = case.gold, TextIndex(article.text), article.text
    ids = {entity.name: f"e{i}" for i, entity in enumerate(gold.entities)}
    entities = []
    for entity in gold.entities:
        mentions = []
        for form in entity.forms:
            place = index.find(form)
            assert place is not None, f"{gold.name}: entity form {form!r} not in the cleaned text"
            mentions.append(Mention(place[0], place[1], text[place[0] : place[1]]))
        entities.append(
            Entity(
                ids[entity.name],
                entity.name,
                entity.type,  # type: ignore[arg-type]
                tuple(mentions),
                kb_id=entity.qid,
            )
        )
    quotes = []
    for i, quote in enumerate(gold.quotes):
        place = index.find(quote.text, quote.occurrence or 1)
        assert place is not None, f"{gold.name}: quote {quote.text[:40]!r} not in the cleaned text"
        quotes.append(
            Quote(
                f"q{i}",
                quote.kind,
                text[place[0] : place[1]],
                place[0],
                place[1],  # type: ignore[arg-type]
                speaker=ids[quote.speaker],
            )
        )
    timexes = []
    for timex, place in zip(gold.timexes, locate_timexes(gold, index), strict=True):
        assert place is not None, f"{gold.name}: timex {timex.text!r} not in the cleaned text"
        timexes.append(Timex(text[place[0] : place[1]], place[0], place[1], timex.type, timex.value))  # type: ignore[arg-type]
    events = [
        Event(
            f"v{i}",
            event.type,
            0,
            0,
            "—",
            tuple(ids[n] for n in event.source),
            tuple(ids[n] for n in event.target),
            date=event.date,
        )
        for i, event in enumerate(gold.events)
    ]
    return Document(article, tuple(entities), tuple(quotes), tuple(timexes), tuple(events))


def check_perfect(case: Case) -> None:
    result = score_document(case.gold, perfect_document(case))
    metrics = result.scores.metrics()
    assert metrics.pop("entities.merges") == 0, result.errors
    assert {k: v for k, v in metrics.items() if v not in (1.0, None)} == {}, result.errors
    assert result.errors == {}


def test_a_perfect_system_scores_one_on_the_seed():
    (case,) = load_cases([EXAMPLES / "seed.gold.json"])
    check_perfect(case)


def test_a_perfect_system_scores_one_on_every_dev_article(dev_dir):
    cases = load_cases([dev_dir])
    assert len(cases) == 12
    for case in cases:
        check_perfect(case)


@pytest.mark.parametrize(
    ("folder", "count"),
    [
        ("gold3", 12),
        ("gold7", 12),
        ("gold9", 12),
        ("gold10", 12),
        ("gold12", 12),
        ("gold15", 12),
        ("gold17", 12),
        ("gold18", 10),
        ("gold19", 10),
        ("gold20", 10),
        ("gold21", 10),
        ("gold22", 10),
        ("gold23", 10),
        ("gold24", 10),
        ("gold25", 10),
        ("gold26", 10),
        ("gold27", 10),
        ("gold28", 10),
        ("gold29", 10),
        ("gold36", 10),
        ("gold40", 10),
        ("gold43", 10),
        ("gold37", 10),
        ("gold38", 10),
        ("gold39", 10),
        ("gold41", 10),
        ("gold42", 10),
        ("gold44", 10),
        ("gold45", 10),
        ("gold30", 10),
        ("gold31", 10),
        ("gold32", 10),
        ("gold33", 10),
        ("gold34", 10),
        ("gold35", 10),
    ],
)
def test_a_perfect_system_scores_one_on_every_article_of_the_invented_sets(folder, count):
    # The blind sets' gold files are checked for soundness only (forms in the cleaned text,
    # time expressions placeable, no shared forms), never for the system's errors.
    cases = load_cases([Path(__file__).resolve().parents[1] / folder])
    assert len(cases) == count
    for case in cases:
        check_perfect(case)
