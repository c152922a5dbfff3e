"""The language seam and the stage contract: what runs, and on which articles."""

from __future__ import annotations

import pytest

from veille.analysis.lang.detect import detect_language
from veille.analysis.pipeline import Pipeline
from veille.analysis.registry import STAGES, plan
from veille.errors import SettingsError
from veille.model import Article, Document, Failure
from veille.settings import Settings

ENGLISH = (
    "President Vladimir Putin met the American envoys at the Kremlin on Tuesday. The talks were "
    "described as useful by his adviser, who said that no compromise had been found on the territories "
    "and that the two sides would meet again in the coming weeks."
)
GERMAN = (
    "Der russische Präsident hat am Dienstag die amerikanischen Gesandten im Kreml empfangen. Die "
    "Gespräche seien nützlich gewesen, sagte sein Berater, aber es gebe noch keinen Kompromiss und "
    "die beiden Seiten wollen sich in den kommenden Wochen wieder treffen."
)


@pytest.mark.parametrize(("text", "lang"), [(ENGLISH, "en"), (GERMAN, "de")])
def test_the_language_of_news_prose_is_told(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_a_text_too_short_to_tell_gets_no_language() -> None:
    assert detect_language("Depuis lundi, Kiev.") is None


def test_every_stage_pulls_in_what_it_requires() -> None:
    assert plan(["events"]) == ["entities", "resolve", "time", "quotes", "amounts", "events"]
    assert plan(["link"]) == ["entities", "resolve", "link"]
    assert plan(["time"]) == ["time"]
    assert plan(None) == list(STAGES)


def test_a_requirement_no_stage_assigns_is_refused_in_one_line() -> None:
    class Orphan:
        requires = ("sentiment",)
        assigns = ("opinions",)

    with pytest.raises(SettingsError, match="stage 'orphan' requires 'sentiment', which no stage assigns"):
        plan(["orphan"], {**STAGES, "orphan": Orphan})  # type: ignore[dict-item]


def test_unknown_stages_are_refused_before_the_model_loads() -> None:
    with pytest.raises(SettingsError, match="unknown stage"):
        Pipeline(Settings(stages=("bogus",), model="no_such_model"))


@pytest.mark.model
def test_events_alone_runs_what_events_need(nlp) -> None:  # type: ignore[no-untyped-def]
    pipeline = Pipeline(Settings(stages=("events",)), nlp=nlp)
    doc = pipeline.analyze(
        Article(
            id="a",
            text="Mercredi, l'Ukraine a accusé Vladimir Poutine de saboter les négociations.",
            date="2025-12-04",
        )
    )
    assert [e.type for e in doc.events] == ["ACCUSE"]


@pytest.mark.model
def test_an_english_article_gets_a_clear_failure_and_the_batch_goes_on(pipeline) -> None:  # type: ignore[no-untyped-def]
    articles = [
        Article(id="en", text=ENGLISH, source="putin.txt"),
        Article(
            id="fr", text="Emmanuel Macron a rencontré Olaf Scholz à Berlin mercredi.", date="2025-12-04"
        ),
    ]
    english, french = list(pipeline.pipe(articles))
    assert isinstance(english, Failure)
    assert english.where == "putin.txt"
    assert "English (en)" in english.reason and "--lang fr" in english.reason
    assert isinstance(french, Document) and french.article.lang == "fr"


@pytest.mark.model
def test_lang_forces_the_rules_and_a_label_is_read(nlp) -> None:  # type: ignore[no-untyped-def]
    forced = Pipeline(Settings(lang="fr", stages=("entities",)), nlp=nlp)
    doc = forced.analyze(Article(id="en", text=ENGLISH))
    assert doc.article.lang == "fr"
    labelled = Pipeline(Settings(stages=("entities",)), nlp=nlp).pipe(
        [Article(id="x", text="Bonjour.", lang="de")]
    )
    assert isinstance(next(labelled), Failure)


def test_a_language_without_rules_cannot_be_forced() -> None:
    with pytest.raises(SettingsError, match="no rules for language 'en'"):
        Pipeline(Settings(lang="en"))
