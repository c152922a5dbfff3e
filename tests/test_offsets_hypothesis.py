"""Offsets stay honest: cleaning invariants on generated messy input, and every span of an
analysis slices the cleaned text to its recorded text (generated input, the seed, the dev set)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veille.analysis.clean import clean_text
from veille.ingest.text import article_id, parse_text
from veille.model import Article, Document

WORDS = [
    "le", "la", "les", "président", "ministre", "a", "déclaré", "mercredi", "jeudi", "à", "Kyiv", "Moscou",
    "l'OTAN", "l’Ukraine", "aujourd’hui", "négociations", "cessez-le-feu", "été", "Noël", "des", "millions",
    "d'euros", "500", "2022", "dollars", "selon", "lui", "a-t-elle", "ajouté", "Européens", "Russes",
]  # fmt: skip
NAMES = ["Vladimir Poutine", "Emmanuel Macron", "Elina Valtonen", "Donald", "Steve Witkoff", "Mark Rutte"]
GLUED = ["Donald.doivent", "Trump.Il", "Kyiv.mercredi", "lemonde.fr", "M.le"]
PUNCTUATION = [".", ",", ";", ":", "!", "?", "…", "«", "»", "“", "”", '"', "'", "’", "(", ")", "-", "—"]
SPACING = [" ", "  ", "\n", "\n\n", "\n\n\n\n", "\r\n", "\r\n\r\n", "\r", "\t", "\u00a0", "\u202f", " \n \n "]
# Invisible characters, lone combining accents, odd line breaks and spaces, a control character.
ODD = ["\u200b", "\ufeff", "\u00ad", "e\u0301", "\u0301", "\u0327", "\u2028", "\u2029", "\x0c", "\x07"]
ODD += ["\u2003"]

tokens = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(NAMES),
    st.sampled_from(GLUED),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(SPACING),
    st.sampled_from(ODD),
    st.text(alphabet=st.characters(codec="utf-8", categories=["L", "P", "Zs", "N"]), max_size=6),
)
messy = st.lists(tokens, max_size=60).map("".join)
# Text that the pipeline can run on: messy, but mostly words, with at least one sentence.
prose_tokens = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(NAMES), st.sampled_from(PUNCTUATION), st.sampled_from(SPACING)
)
prose = st.lists(prose_tokens, min_size=3, max_size=40).map(lambda parts: " ".join(parts) + ".")


@settings(max_examples=300, deadline=None)
@given(messy)
def test_clean_text_invariants(raw: str) -> None:
    text, paragraphs = clean_text(raw)
    assert "\n\n\n" not in text
    assert "\r" not in text
    for paragraph in paragraphs:
        chunk = text[paragraph.start : paragraph.end]
        assert chunk, "a paragraph is never empty"
        assert chunk == chunk.strip()
        assert "\n" not in chunk
        # Every space is a plain space (no-break, thin, em spaces and stray breaks normalised).
        assert all(c == " " or not c.isspace() for c in chunk), repr(chunk)
    # Paragraphs tile the text, separated by exactly one break.
    assert "\n\n".join(text[p.start : p.end] for p in paragraphs) == text
    # Cleaning its own output changes nothing: article.text can be cleaned again safely.
    assert clean_text(text) == (text, paragraphs)


def assert_offsets_honest(doc: Document) -> None:
    text = doc.article.text
    for entity in doc.entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text, (entity.id, mention)
    for quote in doc.quotes:
        assert text[quote.start : quote.end] == quote.text, quote
        if quote.speaker_mention is not None:
            span = quote.speaker_mention
            assert text[span.start : span.end] == span.text, quote
    for timex in doc.timexes:
        assert text[timex.start : timex.end] == timex.text, timex
    for amount in doc.amounts:
        assert text[amount.start : amount.end] == amount.text, amount
    for event in doc.events:
        assert 0 <= event.start <= event.end <= len(text), event
        if event.trigger_start is not None and event.trigger_end is not None:
            assert text[event.trigger_start : event.trigger_end] == event.trigger, event
    for paragraph in doc.article.paragraphs:
        assert text[paragraph.start : paragraph.end].strip()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(prose, min_size=1, max_size=4).map("\n\n".join))
def test_every_span_of_an_analysis_of_generated_text_slices_to_its_text(pipeline, raw: str) -> None:  # type: ignore[no-untyped-def]
    doc = pipeline.analyze(
        Article(id=article_id("2025-12-04", raw), text=raw, date="2025-12-04", source="gen")
    )
    assert_offsets_honest(doc)


def test_every_span_of_the_seed_and_the_dev_articles_slices_to_its_text(
    pipeline, seed_text: str, dev_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    articles = [parse_text(seed_text, source="seed.txt")]
    articles += [
        parse_text(p.read_text(encoding="utf-8"), source=p.name) for p in sorted(dev_dir.glob("*.txt"))
    ]
    documents = list(pipeline.analyze_many(articles))
    assert all(isinstance(doc, Document) for doc in documents), [
        d for d in documents if not isinstance(d, Document)
    ]
    for doc in documents:
        assert isinstance(doc, Document)
        assert_offsets_honest(doc)
    seed = documents[0]
    assert isinstance(seed, Document)
    assert "Donald" in {m.text for e in seed.entities for m in e.mentions}
