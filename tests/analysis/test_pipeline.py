"""The pipeline: stages from settings, the model loaded once, batches that survive a bad article."""

from __future__ import annotations

import dataclasses

import jsonschema
import pytest

from veille.analysis.pipeline import Pipeline
from veille.errors import SettingsError
from veille.ingest.text import parse_text
from veille.model import Article, Document, Failure
from veille.schema import load_schema
from veille.settings import Settings


def test_unknown_stage_is_refused_with_the_known_ones(nlp) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SettingsError, match=r"unknown stage.*nonsense.*known: entities"):
        Pipeline(Settings(stages=("entities", "nonsense")), nlp=nlp)


def test_stages_run_in_registry_order_whatever_the_settings_order(nlp) -> None:  # type: ignore[no-untyped-def]
    from veille.analysis.registry import STAGES

    names = tuple(reversed(STAGES))
    pipeline = Pipeline(Settings(stages=names), nlp=nlp)
    assert [name for name, _ in pipeline.stages] == list(STAGES)


def test_seed_analysis_is_valid_and_its_offsets_are_honest(pipeline, seed_text) -> None:  # type: ignore[no-untyped-def]
    doc = pipeline.analyze(parse_text(seed_text, source="seed.txt"))
    assert doc.article.date == "2025-12-04"
    assert doc.article.text.startswith("L'Ukraine et ses alliés européens")
    jsonschema.validate(doc.to_dict(), load_schema())
    text = doc.article.text
    for entity in doc.entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text
    for item in (*doc.quotes, *doc.timexes, *doc.amounts):
        assert text[item.start : item.end] == item.text
    for event in doc.events:
        if event.trigger_start is not None:
            assert text[event.trigger_start : event.trigger_end] == event.trigger
    names = {m.text for e in doc.entities for m in e.mentions}
    assert {"Vladimir Poutine", "Donald", "OTAN"} <= names
    assert "Mercredi" not in names and "l'OTAN" not in names


def test_headings_are_paragraphs_of_their_own(pipeline, seed_text) -> None:  # type: ignore[no-untyped-def]
    doc = pipeline.analyze(parse_text(seed_text, source="seed.txt"))
    headings = [doc.article.text[p.start : p.end] for p in doc.article.paragraphs if p.heading]
    assert headings == [
        "Les émissaires américains rencontrent les responsables ukrainiens",
        "Les Européens renforcent leur aide à l'Ukraine",
    ]


def test_many_articles_keep_their_order(pipeline) -> None:  # type: ignore[no-untyped-def]
    texts = [f"Emmanuel Macron a rencontré Olaf Scholz à Berlin le {n} mars." for n in range(1, 30)]
    articles = [Article(id=str(n), text=t, date="2024-03-30") for n, t in enumerate(texts)]
    results = list(pipeline.analyze_many(articles))
    assert [r.article.id for r in results if isinstance(r, Document)] == [str(n) for n in range(len(texts))]


class _Exploding:
    """A stage that fails on one article, to show the batch goes on past it."""

    def __call__(self, doc: Document, parsed: object) -> Document:
        if "boum" in doc.article.text:
            raise RuntimeError("boum")
        return doc


def test_a_failing_article_becomes_a_failure_and_the_batch_goes_on(nlp) -> None:  # type: ignore[no-untyped-def]
    pipeline = Pipeline(Settings(stages=("entities",)), nlp=nlp)
    pipeline.stages.append(("exploding", _Exploding()))  # type: ignore[arg-type]
    articles = [
        Article(id="a", text="Paris est calme.", source="a.txt"),
        Article(id="b", text="Tout fait boum à Lyon.", source="b.txt"),
        Article(id="c", text="Marseille aussi.", source="c.txt"),
    ]
    results = list(pipeline.analyze_many(articles))
    assert [type(r).__name__ for r in results] == ["Document", "Failure", "Document"]
    failure = results[1]
    assert isinstance(failure, Failure) and failure.where == "b.txt" and "boum" in failure.reason


def test_analysis_does_not_change_the_input_article(pipeline) -> None:  # type: ignore[no-untyped-def]
    article = Article(
        id="x", text="  Le  président\r\n\r\n\r\nfrançais Emmanuel Macron.  ", date="2024-01-01"
    )
    before = dataclasses.replace(article)
    doc = pipeline.analyze(article)
    assert article == before
    assert doc.article.text == "Le président\n\nfrançais Emmanuel Macron."


def test_stage_names_in_settings_match_the_registry() -> None:
    # --stages is checked against settings.STAGE_NAMES before spaCy loads: keep them equal.
    from veille.analysis.registry import STAGES
    from veille.settings import STAGE_NAMES

    assert tuple(STAGES) == STAGE_NAMES
