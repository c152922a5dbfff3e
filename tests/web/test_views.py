"""The article view's cutting of text into marked runs, on hand-built Documents (no model)."""

from __future__ import annotations

from veille.model import Article, Document, Entity, Event, Mention, Paragraph, Quote, Timex
from veille.web.views import blocks_of, events_of, quad_class, week_bars

TEXT = "Anna Berg a dit mardi : « Paul Lind ment. » Fin.\nSecond paragraphe sur Paul Lind."


def at(words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return start, start + len(words)


def document(**extra: object) -> Document:
    first_end = TEXT.index("\n")
    article = Article(
        id="a1",
        text=TEXT,
        date="2025-03-06",
        paragraphs=(Paragraph(0, first_end), Paragraph(first_end + 1, len(TEXT))),
    )
    anna = Entity("e1", "Anna Berg", "PER", mentions=(Mention(*at("Anna Berg"), "Anna Berg"),))
    paul = Entity(
        "e2",
        "Paul Lind",
        "PER",
        mentions=(Mention(*at("Paul Lind"), "Paul Lind"), Mention(*at("Paul Lind", 1), "Paul Lind")),
    )
    quote = Quote("q1", "direct", "Paul Lind ment.", *at("Paul Lind ment."), speaker="e1", cue="dire")
    timex = Timex("mardi", *at("mardi"), "DATE", "2025-03-04")
    return Document(article=article, entities=(anna, paul), quotes=(quote,), timexes=(timex,), **extra)  # type: ignore[arg-type]


def flatten(blocks: list) -> list[list[tuple[str, str | None, str | None]]]:
    return [
        [
            (p.text, r.quote.kind if r.quote else None, p.mark.kind if p.mark else None)
            for r in b.runs
            for p in r.pieces
        ]
        for b in blocks
    ]


def test_text_is_kept_whole_and_marked_in_two_layers() -> None:
    blocks = blocks_of(document(), {"e1": 7})
    first, second = flatten(blocks)
    assert "".join(text for text, _, _ in first) == TEXT.split("\n")[0]
    assert "".join(text for text, _, _ in second) == TEXT.split("\n")[1]
    assert ("Anna Berg", None, "entity") in first
    assert ("mardi", None, "timex") in first
    # The mention inside the quotation is a piece of the quotation's run.
    assert ("Paul Lind", "quote", "entity") in first and (" ment.", "quote", None) in first
    assert ("Paul Lind", None, "entity") in second


def test_quote_links_to_its_speaker_and_carries_hover_text() -> None:
    runs = [r for b in blocks_of(document(), {"e1": 7}) for r in b.runs if r.quote]
    assert len(runs) == 1
    quote = runs[0].quote
    assert quote is not None
    assert (quote.href, quote.speaker, quote.cue, quote.quote_kind) == (
        "/entities/7",
        "Anna Berg",
        "dire",
        "direct",
    )
    assert quote.css == "spk-0"


def test_overlapping_marks_keep_the_longest_first() -> None:
    # A time expression overlapping an entity mention: one layer, so the first and longest wins.
    overlapping = Timex("Anna", 0, 4, "DATE", "2025")
    doc = document()
    doc = Document(
        article=doc.article, entities=doc.entities, quotes=doc.quotes, timexes=(*doc.timexes, overlapping)
    )
    first = flatten(blocks_of(doc, {}))[0]
    assert first[0] == ("Anna Berg", None, "entity")


def test_a_quote_across_paragraphs_is_cut_at_the_break() -> None:
    doc = document()
    long_quote = Quote("q1", "direct", "x", 25, len(TEXT), speaker="e1")
    doc = Document(article=doc.article, entities=doc.entities, quotes=(long_quote,))
    blocks = blocks_of(doc, {})
    assert all(run.quote is not None for run in blocks[1].runs)
    assert "\n" not in "".join(p.text for b in blocks for r in b.runs for p in r.pieces)


def test_no_paragraphs_means_one_per_line() -> None:
    doc = document()
    bare = Document(article=Article(id="a1", text=TEXT), entities=doc.entities)
    assert len(blocks_of(bare, {})) == 2


def test_events_panel_cuts_the_sentence_around_the_trigger() -> None:
    start, end = 0, TEXT.index("Fin.")
    event = Event(
        "v1",
        "ACCUSE",
        start,
        end,
        "dit",
        source=("e1",),
        target=("e2",),
        trigger_start=TEXT.index("dit"),
        trigger_end=TEXT.index("dit") + 3,
        date="2025-03-04",
    )
    (view,) = events_of(document(events=(event,)), {"e2": 9})
    assert view.actors == [("Anna Berg", None)] and view.targets == [("Paul Lind", "/entities/9")]
    assert view.trigger == "dit" and view.before + view.trigger + view.after == TEXT[start:end]
    assert view.quad == "verbal-conflict"


def test_quad_classes_cover_every_plover_type() -> None:
    from veille.model import EVENT_TYPES

    assert {quad_class(t) for t in EVENT_TYPES} == {
        "verbal-cooperation",
        "material-cooperation",
        "verbal-conflict",
        "material-conflict",
    }
    assert quad_class("SOMETHING") == "other"


def test_week_bars_scale_to_the_highest_week() -> None:
    bars = week_bars([("2025-W01", 2), ("2025-W02", 0), ("2025-W03", 4)])
    assert [b["count"] for b in bars] == [2, 0, 4]
    assert bars[2]["height"] == 100 and bars[1]["height"] == 0
    assert week_bars([]) == []
