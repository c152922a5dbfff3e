"""The trim of a span the model opened on lower-case words, and the type its name gets.

The model's span is set by hand here (the label it would give the whole phrase, often
wrong), so each case tests the trim and its type vote whatever the model tags that day.
Sentences are invented.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Span as SpacySpan

from veille.analysis.entities.find import fix_entity, load_rules


def _fixed(nlp: Any, text: str, phrase: str, label: str) -> list[tuple[str, str]]:
    """Run the entity fixes on the span of ``phrase`` labelled ``label``; return the names."""
    doc = nlp(text)
    start_char = text.index(phrase)
    span = doc.char_span(start_char, start_char + len(phrase))
    assert span is not None, phrase
    found = fix_entity(SpacySpan(doc, span.start, span.end, label=label), load_rules())
    return [(doc[c.start : c.end].text, c.label) for c in found]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "phrase", "label", "expected"),
    [
        # An organisation noun glued before the name: an organisation, whatever the label.
        ("Le média en ligne Orvalis a publié la vidéo jeudi.", "ligne Orvalis", "LOC", [("Orvalis", "ORG")]),
        (
            "Les négociations avec le groupe Veltria reprennent.",
            "groupe Veltria",
            "PER",
            [("Veltria", "ORG")],
        ),
        # A place noun: a place (le village de Kervalan, l'archipel des Glénans).
        ("Le village de Kervalan compte 800 habitants.", "village de Kervalan", "PER", [("Kervalan", "LOC")]),
        ("L'archipel des Glénans a été touché.", "archipel des Glénans", "MISC", [("Glénans", "LOC")]),
        # A locative preposition opening the span: a place.
        (
            "Des renforts ont été envoyés en Basse-Vilaine mardi.",
            "en Basse-Vilaine",
            "MISC",
            [("Basse-Vilaine", "LOC")],
        ),
        # A known first name in a name of two words: a person, after any noun.
        (
            "Le chanteur Paul Arnaud a annulé sa tournée.",
            "chanteur Paul Arnaud",
            "ORG",
            [("Paul Arnaud", "PER")],
        ),
        (
            "La tournée du groupe Paul Arnaud est annulée.",
            "groupe Paul Arnaud",
            "ORG",
            [("Paul Arnaud", "PER")],
        ),
        # A role noun before a name without a known first name: a person.
        (
            "L'ancien footballeur Kerbrat a témoigné.",
            "ancien footballeur Kerbrat",
            "LOC",
            [("Kerbrat", "PER")],
        ),
        # A country: a place, whatever noun stands before it.
        ("Le contrat avec le voisin Pologne a été signé.", "voisin Pologne", "PER", [("Pologne", "LOC")]),
    ],
)
def test_trimmed_span_gets_its_own_type(nlp: Any, text: str, phrase: str, label: str, expected: Any) -> None:
    assert _fixed(nlp, text, phrase, label) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "phrase", "label"),
    [
        # Hard negatives: words that tell nothing about the name glued before it (a storm, an
        # operation, a product): no entity, as before the trim existed.
        ("La tempête Zélie a arraché des toitures.", "tempête Zélie", "MISC"),
        ("L'opération Harmattan a duré six mois.", "opération Harmattan", "MISC"),
        # No capitalised proper noun at the end: nothing to keep.
        ("Le chlorothalonil est interdit.", "chlorothalonil", "MISC"),
    ],
)
def test_uninformative_trim_keeps_no_name(nlp: Any, text: str, phrase: str, label: str) -> None:
    assert _fixed(nlp, text, phrase, label) == []


@pytest.mark.model
def test_complement_noun_does_not_type_the_name(nlp: Any) -> None:
    """Le club de Birmingham: the club is not Birmingham, so club says nothing of its type."""
    assert _fixed(nlp, "Le club de Birmingham a gagné.", "club de Birmingham", "LOC") == [
        ("Birmingham", "LOC")
    ]


@pytest.mark.model
def test_site_noun_splits_firm_and_town(nlp: Any) -> None:
    """L'usine Brenmar de Vitré: the firm and its town, however the model tagged the whole."""
    text = "Les salariés de l'usine Brenmar de Vitré sont en grève."
    assert _fixed(nlp, text, "Brenmar de Vitré", "PER") == [("Brenmar", "ORG"), ("Vitré", "LOC")]
    # Without a site noun before it, 'X de Y' stays one name (Jean de Kervasdoué).
    text = "Selon Jean de Kervasdoué, la réforme échouera."
    assert _fixed(nlp, text, "Jean de Kervasdoué", "PER") == [("Jean de Kervasdoué", "PER")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "first", "second", "expected"),
    [
        # A legal form closes a company's registered name: the span cut after its "de la" runs on.
        (
            "Le barrage appartient aux Forces motrices de la Sarine SA depuis 1962.",
            "Forces motrices de la",
            "Sarine SA",
            ["Forces motrices de la Sarine SA"],
        ),
        # Hard negative: no legal form, two names (the seat of a company is no part of it).
        (
            "Le rachat de Valmor par Dunmore à Lyon a été annoncé.",
            "Valmor",
            "Dunmore",
            ["Valmor", "Dunmore"],
        ),
    ],
)
def test_name_cut_before_legal_form_joined(
    nlp: Any, text: str, first: str, second: str, expected: list[str]
) -> None:
    from veille.analysis.entities.extend import join_split_names

    doc = nlp(text)
    spans = []
    for phrase in (first, second):
        start = text.index(phrase)
        span = doc.char_span(start, start + len(phrase))
        assert span is not None, phrase
        spans.append(SpacySpan(doc, span.start, span.end, label="ORG"))
    doc.ents = spans
    assert [span.text for span in join_split_names(doc)] == expected
