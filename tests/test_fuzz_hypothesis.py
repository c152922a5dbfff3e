"""Fuzzing: no input, however broken, gives a traceback; cost stays bounded.

Hypothesis draws random Unicode, broken HTML and JSON Lines for the readers, and random
text for the analysis; fixed cases cover what random drawing rarely reaches: 10⁵ quote
marks, deeply nested quotations, a single 200,000-character line. Example counts are
small so that the whole file runs in well under a minute with the model.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veille.analysis.parse import make_doc
from veille.analysis.pipeline import Pipeline
from veille.ingest.sources import iter_sources
from veille.model import Article, Document, Failure
from veille.settings import Settings

FEW = settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))

HTML_BITS = ["<p>", "</p>", "<div", "<!--", "-->", "<script>", "</script>", "&amp", "&#x", "<br/>",
             "<meta charset=", '"', "«", "»", "<title>", "é", "\x00", "<![CDATA[", "<", ">"]  # fmt: skip
broken_html = st.lists(st.one_of(st.sampled_from(HTML_BITS), st.text(max_size=20)), max_size=60).map("".join)
any_bytes = st.binary(max_size=3000)


def read_all(data: bytes, name: str) -> list[Article | Failure]:
    return [item for _name, item in iter_sources(["-"], stdin=io.BytesIO(data))] if name == "-" else []


@FEW
@given(data=st.one_of(any_bytes, st.text(max_size=2000).map(str.encode), broken_html.map(str.encode)))
def test_readers_never_raise(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    for suffix in (".txt", ".html", ".jsonl"):
        path = folder / f"input{suffix}"
        path.write_bytes(data)
        items = [item for _name, item in iter_sources([str(path)], default_date="2025-06-01")]
        assert items and all(isinstance(item, Article | Failure) for item in items)
        for item in items:
            if isinstance(item, Failure):
                assert "\n" not in item.reason.strip(), "a failure is one line"
    assert all(isinstance(item, Article | Failure) for item in read_all(data, "-"))


@pytest.fixture(scope="module")
def fuzz_pipeline(nlp) -> Pipeline:  # type: ignore[no-untyped-def]
    return Pipeline(Settings(article_seconds=10), nlp=nlp)  # an overrun is a Failure too


def analyse(pipeline: Pipeline, text: str) -> Document | Failure:
    return next(pipeline.analyze_many([Article(id="fuzz", text=text, date="2025-06-01", source="fuzz")]))


def assert_sound(result: Document | Failure) -> None:
    if isinstance(result, Failure):
        assert "\n" not in result.reason
        return
    text = result.article.text
    for entity in result.entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text
    for quote in result.quotes:
        assert 0 <= quote.start <= quote.end <= len(text)


@pytest.mark.model
@FEW
@given(text=st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=1500))
def test_analysis_of_random_unicode(fuzz_pipeline: Pipeline, text: str) -> None:
    assert_sound(analyse(fuzz_pipeline, text))


@pytest.mark.model
@FEW
@given(html=broken_html)
def test_analysis_of_broken_html_text(fuzz_pipeline: Pipeline, html: str) -> None:
    assert_sound(analyse(fuzz_pipeline, f"Léa Morvan a déclaré : « {html} » à Quimper."))


def test_long_runs_without_spaces_tokenize_exactly(nlp) -> None:  # type: ignore[no-untyped-def]
    # 10⁵ quote marks in a row used to cost minutes in the tokenizer (quadratic); now in pieces.
    for text in ("«" * 100_000, '"' * 100_000, "x" * 150 + " « a »\n\n" + "»" * 250 + " fin."):
        doc = make_doc(nlp, text)
        assert doc.text == text
        assert all(len(token.text) <= 100 for token in doc)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "« " * 5_000 + "oui" + " »" * 5_000,  # 10⁴ quote marks, all nested
        "Yann a dit : " + "« Léa a dit " * 300 + "non" + " »" * 300 + ".",
        '"' * 10_000,
        ("la ville de Vannes annonce un accord avec le maire " * 4_000)[:200_000],  # one 200k line
    ],
    ids=["nested-10k", "nested-300-speakers", "10k-straight-quotes", "200k-line"],
)
def test_analysis_of_extreme_texts(fuzz_pipeline: Pipeline, text: str) -> None:
    assert_sound(analyse(fuzz_pipeline, text))


@pytest.mark.model
def test_time_budget_turns_an_overrun_into_a_failure(nlp) -> None:  # type: ignore[no-untyped-def]
    hurried = Pipeline(Settings(article_seconds=1e-6), nlp=nlp)
    results = list(hurried.analyze_many([
        Article(id="a", text="Léa Morvan a parlé à Quimper. " * 40, source="a.txt"),
        Article(id="b", text="Yann Le Goff est parti.", source="b.txt"),
    ]))  # fmt: skip
    assert [type(r) for r in results] == [Failure, Failure]  # the batch went on past the first
    assert results[0].where == "a.txt" and "took more than" in results[0].reason  # type: ignore[union-attr]


def test_too_long_article_is_refused_at_read(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("mot " * 3_000, encoding="utf-8")
    (item,) = [item for _n, item in iter_sources([str(path)], max_chars=10_000)]
    assert isinstance(item, Failure) and "too long" in item.reason
