"""Every table reads at 80 columns (the default terminal) and at 200: nothing cut, prose not a word a line.

The tables are rendered with rich's Console(width=...), from hand-built Documents and figures.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from rich.console import Console
from rich.markup import escape

from veille.cli.bench import print_ingest
from veille.cli.evaluate import print_evaluation
from veille.cli.kb import print_lookup
from veille.cli.render import Column, print_document, print_records
from veille.eval.harness import Evaluation
from veille.eval.scores import ArticleScores, Scores, total
from veille.kb.format import KBEntity, KBRole
from veille.model import Amount, Article, Document, Entity, Event, Mention, Quote, Role, Timex

WIDTHS = (80, 200)

QUOTE = (
    "Nous ne laisserons pas la vallée de la Sorne se vider de ses habitants sans rien faire, et nous "
    "financerons les écoles rurales jusqu'au dernier euro"
)
SENTENCE = "La maire de Ville-sur-Sorne, Claire Dumont, a accusé mardi le préfet Marc Lefèvre de retarder"
TEXT = f"« {QUOTE} », a déclaré Claire Dumont. {SENTENCE} les travaux. Le coût atteint 500 millions d'euros."


def render(draw: Callable[[Console], object], width: int) -> str:
    """Return what ``draw`` prints on a console of this width, as plain text."""
    out = Console(width=width, file=io.StringIO(), record=True, highlight=False, soft_wrap=True)
    draw(out)
    return out.export_text()


def assert_readable(text: str, width: int, values: Sequence[str], prose: Sequence[str] = ()) -> None:
    """Check no line is wider than the terminal, no value is cut, and prose keeps whole phrases."""
    lines = text.splitlines()
    assert lines and max(len(line.rstrip()) for line in lines) <= width
    assert "…" not in text
    words = set(text.split())
    for value in values:
        for word in value.split():
            assert word in words, f"{word!r} of {value!r} is missing or cut at width {width}"
    for passage in prose:
        # Four words running on one line: a column of one or two words a line fails this.
        assert " ".join(passage.split()[:4]) in text, f"{passage[:30]!r} wraps a word a line at {width}"


def document() -> Document:
    dumont = TEXT.index("Claire Dumont")
    lefevre = TEXT.index("Marc Lefèvre")
    ville = TEXT.index("Ville-sur-Sorne")
    quote_at = TEXT.index(QUOTE)
    sentence_at = TEXT.index(SENTENCE)
    amount_at = TEXT.index("500 millions d'euros")
    return Document(
        article=Article(id="a1b2c3d4e5f60718", text=TEXT, date="2026-03-10", source="sorne.txt"),
        entities=(
            Entity(
                "e1",
                "Claire Dumont",
                "PER",
                (Mention(dumont, dumont + 13, "Claire Dumont"),),
                roles=(Role("maire de Ville-sur-Sorne et présidente du syndicat des eaux", "FRA"),),
            ),
            Entity(
                "e2",
                "Marc Lefèvre",
                "PER",
                (Mention(lefevre, lefevre + 12, "Marc Lefèvre"),),
                roles=(Role("préfet", "FRA"),),
            ),
            Entity("e3", "Ville-sur-Sorne", "LOC", (Mention(ville, ville + 15, "Ville-sur-Sorne"),)),
        ),
        quotes=(Quote("q1", "direct", QUOTE, quote_at, quote_at + len(QUOTE), "e1", cue="déclarer"),),
        timexes=(Timex("mardi", TEXT.index("mardi"), TEXT.index("mardi") + 5, "DATE", "2026-03-10"),),
        events=(
            Event(
                "v1",
                "ACCUSE",
                sentence_at,
                sentence_at + len(SENTENCE),
                "accusé",
                ("e1",),
                ("e2",),
                mode="allege",
                date="2026-03-10",
                location="e3",
            ),
        ),
        amounts=(Amount("500 millions d'euros", amount_at, amount_at + 20, 5e8, "EUR", "1e8"),),
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_an_analysis_reads_at_any_width(width: int) -> None:
    text = render(lambda out: print_document(document(), out=out), width)
    assert_readable(
        text,
        width,
        ["Claire Dumont", "Marc Lefèvre", "maire de Ville-sur-Sorne et présidente du syndicat des eaux",
         "ACCUSE/allege", "2026-03-10", "500 millions d'euros", "déclarer", "accusé"],
        prose=[QUOTE],
    )  # fmt: skip


@pytest.mark.parametrize("width", WIDTHS)
def test_scores_read_at_any_width(width: int) -> None:
    article = ArticleScores("sorne", Scores(), {})
    text = render(lambda out: print_evaluation(Evaluation((article,), total([article])), out=out), width)
    assert_readable(text, width, ["layer", "gold", "found", "system", "F1", "entities", "variants", "merges"])


BENCH = [
    {"workers": 1, "articles": 200, "rounds": 3, "analysis_s": 80.12, "ingest_s": 84.5,
     "ingest_range_s": "83.9–86.0", "startup_s": 4.2, "analysis_per_s": 2.5, "steady_per_s": 2.61,
     "ingest_per_s": 2.37, "ingest_vs_analysis": 0.948, "cpu_per_article_ms": 398.2, "busy_cores": 0.99,
     "ingest_parent_ms": 11.3, "failed": 0},
    {"workers": 2, "articles": 200, "rounds": 3, "analysis_s": 50.3, "ingest_s": 54.1,
     "ingest_range_s": "53.0–55.2", "startup_s": 6.1, "analysis_per_s": 3.98, "steady_per_s": 4.4,
     "ingest_per_s": 3.7, "ingest_vs_analysis": 0.93, "cpu_per_article_ms": 470.0, "busy_cores": 1.87,
     "ingest_parent_ms": 12.0, "failed": 0, "speedup_vs_first": 1.56, "analysis_speedup_vs_first": 1.59,
     "steady_speedup_vs_first": 1.69, "cpu_per_article_vs_first": 1.18},
]  # fmt: skip


@pytest.mark.parametrize("width", WIDTHS)
def test_the_ingest_bench_reads_at_any_width(width: int) -> None:
    text = render(lambda out: print_ingest(BENCH, out=out), width)
    figures = [f"{key} {value}" for row in BENCH for key, value in row.items() if key != "workers"]
    assert_readable(text, width, ["1 worker(s)", "2 worker(s)", *figures])


@pytest.mark.parametrize("width", WIDTHS)
def test_kb_lookup_reads_at_any_width(width: int) -> None:
    entity = KBEntity(
        id="veille:per:claire-dumont", type="PER", name={"fr": "Claire Dumont"}, country="FRA",
        roles=(KBRole("maire", "veille:loc:ville-sur-sorne", "2020-07-04"),
               KBRole("présidente du syndicat intercommunal des eaux de la Sorne", "FRA", "2021-01-01")),
    )  # fmt: skip
    text = render(lambda out: print_lookup([(entity, "alias", 0.93)], None, out=out), width)
    assert_readable(
        text, width, ["veille:per:claire-dumont", "Claire Dumont", "alias 0.93", "syndicat", "Sorne"]
    )


def test_the_narrow_layouts_fold_then_go_to_blocks() -> None:
    columns = [Column("day"), Column("who"), Column("text", "main"), Column("source", "extra")]
    rows: list[list[Any]] = [["2026-03-10", "Claire Dumont", QUOTE, "sorne.txt"]]
    wide = render(lambda out: print_records(out, columns, rows), 200)
    assert "source" in wide.splitlines()[1]  # every column has its header
    folded = render(lambda out: print_records(out, columns, rows), 80)
    assert "source: sorne.txt" in folded and "┃ source" not in folded
    blocks = render(lambda out: print_records(out, columns, rows), 40)
    assert blocks.splitlines()[0].split() == ["2026-03-10", "Claire", "Dumont"]  # the keys, on one line
    for text, width in ((wide, 200), (folded, 80), (blocks, 40)):
        assert_readable(text, width, [*rows[0]], prose=[QUOTE])


def test_markup_in_the_text_is_shown_not_obeyed() -> None:
    columns = [Column("who"), Column("text", "main"), Column("source", "extra")]
    rows = [[escape("[bold]X[/bold]"), escape("« [red]attention[/red] »"), escape("[link]")]]
    for width in (200, 80, 30):
        text = render(lambda out, rows=rows: print_records(out, columns, rows), width)
        assert "[bold]X[/bold]" in text and "[red]attention[/red]" in text and "[link]" in text
