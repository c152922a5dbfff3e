"""The contract: Document ↔ dict round trips, and the published schema matches the model."""

from __future__ import annotations

import json

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veille import model
from veille.model import (
    Amount,
    Article,
    Document,
    Entity,
    Event,
    Mention,
    Paragraph,
    Quote,
    Role,
    Span,
    Timex,
)  # fmt: skip
from veille.schema import build_schema, load_schema, render

TEXT = "Vladimir Poutine a déclaré mercredi : « La paix est loin ». Moscou a dépensé 500 millions d'euros."


def sample() -> Document:
    return Document(
        article=Article(
            id="a1", text=TEXT, date="2025-12-04", source="t.txt", paragraphs=(Paragraph(0, len(TEXT)),)
        ),
        entities=(
            Entity(
                "e1",
                "Vladimir Poutine",
                "PER",
                (Mention(0, 16, "Vladimir Poutine"),),
                kb_id="Q7747",
                country="RUS",
                roles=(Role("président", "RUS"),),
                gender="m",
            ),
            Entity("e2", "Moscou", "LOC", (Mention(60, 66, "Moscou", stands_for="RUS"),)),
        ),
        quotes=(
            Quote(
                "q1", "direct", "La paix est loin", 40, 56, "e1", Span(0, 16, "Vladimir Poutine"), "déclarer"
            ),
        ),
        timexes=(Timex("mercredi", 27, 35, "DATE", "2025-12-03"),),
        events=(Event("v1", "AID", 60, 98, "dépensé", ("e2",), (), date="2025-12-04", date_from="article"),),
        amounts=(Amount("500 millions d'euros", 77, 97, 5e8, "EUR", "1e8"),),
    )


def test_offsets_of_the_sample_slice_to_their_text() -> None:
    doc = sample()
    text = doc.article.text
    for entity in doc.entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text
    for item in (*doc.quotes, *doc.timexes, *doc.amounts):
        assert text[item.start : item.end] == item.text


def test_document_round_trips_through_json() -> None:
    doc = sample()
    data = json.loads(json.dumps(doc.to_dict()))
    assert next(iter(data)) == "schema"
    assert data["schema"] == "veille.analysis/1"
    assert Document.from_dict(data) == doc


def test_from_dict_refuses_other_schemas() -> None:
    data = sample().to_dict()
    data["schema"] = "something/2"
    try:
        Document.from_dict(data)
    except ValueError as error:
        assert "veille.analysis/1" in str(error)
    else:
        raise AssertionError("a foreign schema was accepted")


def test_published_schema_is_generated_from_the_model() -> None:
    """Regenerate with: python -m veille.schema --write"""
    assert load_schema() == json.loads(render())


def test_schema_covers_every_model_field() -> None:
    schema = build_schema()
    for cls in (Article, Paragraph, Entity, Mention, Role, Quote, Span, Timex, Event, Amount):
        properties = schema["$defs"][cls.__name__]["properties"]
        assert set(properties) == set(model.fields_of(cls)), cls.__name__
    assert set(schema["properties"]) == set(model.fields_of(Document))


def test_schema_validates_good_and_rejects_bad_documents() -> None:
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    good = sample().to_dict()
    jsonschema.validate(good, schema)
    for path, value in [
        (("entities", 0, "type"), "CITY"),
        (("quotes", 0, "kind"), "paraphrase"),
        (("events", 0, "type"), "HUG"),
        (("timexes", 0, "start"), "27"),
    ]:
        bad = json.loads(json.dumps(good))
        target = bad
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        validator = jsonschema.Draft202012Validator(schema)
        assert list(validator.iter_errors(bad)), path
    missing = json.loads(json.dumps(good))
    del missing["article"]["text"]
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(missing))


words = st.text(alphabet=st.characters(categories=("L", "N", "P", "Zs")), min_size=1, max_size=30)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    """Documents whose spans are real slices of a generated text."""
    text = draw(st.text(min_size=1, max_size=200))
    n = len(text)

    def span() -> tuple[int, int, str]:
        start = draw(st.integers(0, n - 1))
        end = draw(st.integers(start + 1, n))
        return start, end, text[start:end]

    mentions = tuple(
        Mention(*span(), kind=draw(st.sampled_from(["name", "description", "pronoun"])))
        for _ in range(draw(st.integers(0, 3)))
    )
    entity = Entity(
        "e1",
        draw(words),
        draw(st.sampled_from(["PER", "ORG", "LOC", "MISC"])),
        mentions,
        roles=tuple(
            Role(draw(words), draw(st.none() | st.just("UKR"))) for _ in range(draw(st.integers(0, 2)))
        ),
    )
    s, e, t = span()
    quote = Quote(
        "q1",
        draw(st.sampled_from(["direct", "mixed", "indirect"])),
        t,
        s,
        e,
        speaker=draw(st.none() | st.just("e1")),
        cue=draw(st.none() | words),
    )
    ts, te, tt = span()
    timex = Timex(tt, ts, te, draw(st.sampled_from(["DATE", "TIME", "DURATION", "SET"])), draw(words))
    as_, ae, at = span()
    amount = Amount(at, as_, ae, draw(st.none() | st.floats(allow_nan=False, allow_infinity=False)))
    event = Event("v1", draw(st.sampled_from(model.EVENT_TYPES)), 0, n, t, ("e1",), (), amounts=(0,))
    article = Article("x", text, draw(st.none() | st.dates().map(str)))
    return Document(article, (entity,), (quote,), (timex,), (event,), (amount,))


@settings(max_examples=60, deadline=None)
@given(documents())
def test_generated_documents_round_trip_and_validate(doc: Document) -> None:
    data = json.loads(json.dumps(doc.to_dict()))
    assert Document.from_dict(data) == doc
    jsonschema.validate(data, load_schema())
    text = doc.article.text
    for mention in doc.entities[0].mentions:
        assert text[mention.start : mention.end] == mention.text


def _seed_like_document() -> Document:
    from veille.model import Article, Entity, Mention

    text = "Vladimir Poutine a parlé."
    return Document(
        article=Article(id="a", text=text, date="2025-12-04", lang="fr"),
        entities=(Entity("e1", "Vladimir Poutine", "PER", (Mention(0, 16, "Vladimir Poutine"),)),),
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["entities"][0].update(type="PERSON"), "entities[0].type: Input should be 'PER'"),
        (lambda d: d["entities"][0]["mentions"][0].update(start="0"), "entities[0].mentions[0].start:"),
        (lambda d: d.update(schema="veille.analysis/2"), "schema: expected 'veille.analysis/1'"),
        (lambda d: d["article"].pop("text"), "article.text: Field required"),
        (
            lambda d: d.update(events=[{"id": "v1", "type": "MEET", "start": 0, "end": 1, "trigger": "a"}]),
            "events[0].type",
        ),
    ],
)
def test_documents_are_validated_at_the_door_naming_the_path(change, message) -> None:  # type: ignore[no-untyped-def]
    from veille.model import ContractError

    data = _seed_like_document().to_dict()
    change(data)
    with pytest.raises(ContractError) as caught:
        Document.from_dict(data)
    assert str(caught.value).startswith(message)


def test_a_valid_document_round_trips_and_new_fields_are_ignored() -> None:
    doc = _seed_like_document()
    data = doc.to_dict()
    data["entities"][0]["salience"] = 0.9  # fields may be added to the contract
    assert Document.from_dict(data) == doc
