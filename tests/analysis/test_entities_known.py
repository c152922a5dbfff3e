"""Office descriptions given to the KB's holder on the article date (entities/known.py).

Invented sentences about real office holders (the starter KB knows them): the text names
the person bare and describes them later by the office.
"""

from __future__ import annotations

from typing import Any

import pytest

from veille.model import Article, Document


def _run(pipeline: Any, text: str, date: str) -> Document:
    return pipeline.analyze(Article(id="known", text=text, date=date, source="test"))


def _descriptions(doc: Document, name: str) -> set[str]:
    entity = next(e for e in doc.entities if e.name == name)
    return {m.text for m in entity.mentions if m.kind == "description"}


def _owners(doc: Document, form: str) -> list[str]:
    return [e.name for e in doc.entities for m in e.mentions if m.text == form]


@pytest.mark.model
def test_present_office_goes_to_the_holder_on_the_date(linking_pipeline: Any) -> None:
    text = "Emmanuel Macron a reçu les syndicats lundi. Le chef de l'État a promis une réponse rapide."
    doc = _run(linking_pipeline, text, "2025-12-04")
    assert "Le chef de l'État" in _descriptions(doc, "Emmanuel Macron")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "date"),
    [
        # With a past holder named, the text may be telling his time: no one gets it.
        (
            "Emmanuel Macron a reçu François Hollande lundi. Le chef de l'État a promis une réponse rapide.",
            "2025-12-04",
        ),
        # 2012 saw two French presidents: the year alone does not say which one is meant.
        (
            "En 2012, Nicolas Sarkozy et François Hollande se sont affrontés. Le chef de l'État a perdu.",
            "2024-03-02",
        ),
    ],
)
def test_two_possible_holders_leave_the_office_open(linking_pipeline: Any, text: str, date: str) -> None:
    doc = _run(linking_pipeline, text, date)
    assert _owners(doc, "Le chef de l'État") == []


@pytest.mark.model
def test_former_office_goes_to_the_past_holder(linking_pipeline: Any) -> None:
    text = "Donald Trump a publié un long message. L'ancien président des États-Unis accuse la justice."
    doc = _run(linking_pipeline, text, "2023-05-02")
    assert "L'ancien président des États-Unis" in _descriptions(doc, "Donald Trump")


@pytest.mark.model
def test_a_dated_paragraph_gives_the_office_to_that_year_s_holder(linking_pipeline: Any) -> None:
    """A look back (le 12 mars 2015, …) means the office held then, not on the article date."""
    text = (
        "Le salon de l'agriculture ouvre samedi à Paris.\n\n"
        "Le 12 mars 2015, François Hollande visite une ferme à Rodez. "
        "Des éleveurs huent le chef de l'État pendant la visite."
    )
    doc = _run(linking_pipeline, text, "2024-03-02")
    assert "le chef de l'État" in _descriptions(doc, "François Hollande")


@pytest.mark.model
def test_a_year_in_an_amount_does_not_date_the_paragraph(linking_pipeline: Any) -> None:
    """Numbers are no dates: 2 015 euros leaves the article's date, whose holder is Macron."""
    text = "Emmanuel Macron a reçu les syndicats lundi. Le chef de l'État a promis 2 015 euros par foyer."
    doc = _run(linking_pipeline, text, "2025-12-04")
    assert "Le chef de l'État" in _descriptions(doc, "Emmanuel Macron")
