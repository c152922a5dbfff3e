"""The learned entity keeper drops false entities nothing points to (entities/keeper.py).

Documents built by hand over invented texts: a rubric heading in capitals and an author's
closing initials are dropped with the shipped weights; a person with a title, a linked
organisation said twice and any entity a quote or an event points to stay, and the ids are
renumbered with their references.
"""

from __future__ import annotations

import re

from veille.analysis.entities.keeper import (
    FEATURES,
    OtherNames,
    _said,
    drop_false_entities,
    features,
    load_keeper,
)
from veille.analysis.logistic import Logistic
from veille.model import Article, Document, Entity, Event, Mention, Quote, Role

TEXT = (
    "ÉCONOMIE | PÊCHE\n"
    "La coopérative Marelux a fermé mardi. Selon Marelux, « rien n'est perdu », dit Paul Verdier.\n"
    "Le maire Paul Verdier a saisi la préfecture.\n"
    "J. D."
)


def _mention(text: str, occurrence: int = 0) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return Mention(start, start + len(text), text)


def _document(*, quoted: str | None = None, acting: tuple[str, ...] = ()) -> Document:
    entities = (
        Entity("e1", "ÉCONOMIE | PÊCHE", "ORG", (_mention("ÉCONOMIE | PÊCHE"),)),
        Entity("e2", "Marelux", "ORG", (_mention("Marelux"), _mention("Marelux", 1))),
        Entity(
            "e3",
            "Paul Verdier",
            "PER",
            (_mention("Paul Verdier"), _mention("Paul Verdier", 1)),
            roles=(Role("maire"),),
            gender="m",
        ),
        Entity("e4", "J. D.", "PER", (_mention("J. D."),)),
    )
    quotes = (Quote("q1", "direct", "rien n'est perdu", 60, 76, speaker=quoted),) if quoted else ()
    events = (Event("v1", "DEMAND", 100, 140, "saisi", source=acting),) if acting else ()
    return Document(Article(id="k", text=TEXT), entities=entities, quotes=quotes, events=events)


def test_the_feature_vector_follows_the_feature_names() -> None:
    doc = _document()
    vector = features(doc.entities[3], TEXT, OtherNames([]))
    named = dict(zip(FEATURES, vector, strict=True))
    assert named["initials"] == 1.0 and named["type_PER"] == 1.0 and named["bias"] == 1.0


def test_a_rubric_and_closing_initials_are_dropped_and_the_rest_renumbered() -> None:
    doc = drop_false_entities(_document(quoted="e3", acting=("e2",)))
    assert [(e.id, e.name) for e in doc.entities] == [("e1", "Marelux"), ("e2", "Paul Verdier")]
    assert doc.quotes[0].speaker == "e2"
    assert doc.events[0].source == ("e1",)


def test_an_entity_a_quote_points_to_is_kept() -> None:
    doc = drop_false_entities(_document(quoted="e4"))
    assert "J. D." in [e.name for e in doc.entities]
    assert next(q.speaker for q in doc.quotes) == next(e.id for e in doc.entities if e.name == "J. D.")


def test_a_threshold_above_one_switches_it_off() -> None:
    doc = _document()
    assert drop_false_entities(doc, Logistic(tuple(0.0 for _ in FEATURES), 1.01)) is doc


def test_the_shipped_check_keeps_a_person_with_a_title() -> None:
    doc = _document()
    keeper = load_keeper()
    person = doc.entities[2]
    assert (
        keeper.score(features(person, TEXT, OtherNames((None, n) for n in ("ÉCONOMIE | PÊCHE", "Marelux"))))
        < keeper.threshold
    )


def test_the_names_index_finds_what_the_word_bounded_pattern_finds() -> None:
    # Each name against each other, as the pattern (?<!\w)key(?!\w) reads them: a word
    # inside a longer name, not inside a word (Rennes, not Rennesson), nor the name itself.
    names = ["Rennes", "Stade rennais", "Université de Rennes", "Rennesson", "L'Europe", "Europe", "A_B"]
    index = OtherNames((f"e{n}", name) for n, name in enumerate(names))
    for n, name in enumerate(names):
        key = name.lower()
        others = [o.lower() for m, o in enumerate(names) if m != n]
        said = [o for o in others if o != key and re.search(rf"(?<!\w){re.escape(key)}(?!\w)", o)]
        holds = [
            o for o in others if len(o) > 3 and o != key and re.search(rf"(?<!\w){re.escape(o)}(?!\w)", key)
        ]
        assert index.inside_other(f"e{n}", key) == bool(said), name
        assert index.contains_other(f"e{n}", key) == bool(holds), name
    assert index.inside_other("e0", "rennes") and not index.inside_other("e1", "rennais")


def test_a_word_is_said_where_the_word_bounded_pattern_finds_it() -> None:
    # A word of word characters is one of the text's runs of them; another (l'État, M.,
    # Saint-Malo) is looked for with the pattern.
    text = "À Saint-Malo, l'État et M. Le_Gall ont vu rennes et Rennesson 2026."
    for word in (
        "rennes",
        "renne",
        "saint",
        "malo",
        "saint-malo",
        "l'état",
        "état",
        "m.",
        "le_gall",
        "le",
        "2026",
        "06",
    ):
        pattern = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None
        assert _said(word, text) == pattern, word
