"""The contract: Document ↔ dict round trips, validation at the door, and the published schema."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veille import model
from veille.errors import InputError, VeilleError
from veille.model import (
    Amount,
    Article,
    Document,
    Entity,
    Event,
    Failure,
    Mention,
    Paragraph,
    Quote,
    Role,
    Span,
    Timex,
)  # fmt: skip
from veille.runners.ingest import read_documents
from veille.schema import build_schema, load_schema, render
from veille.validation import json_path, show

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
    with pytest.raises(InputError, match=r"^schema: expected 'veille.analysis/1', got 'something/2'$"):
        Document.from_dict(data)


Change = Callable[[dict[str, Any]], object]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["entities"][1].update(type="PERSON"),
         "entities[1].type: 'PERSON' is not one of 'PER', 'ORG', 'LOC' or 'MISC'"),
        (lambda d: d["entities"][0]["mentions"][0].update(kind="nickname"), "entities[0].mentions[0].kind: "),
        (lambda d: d["quotes"][0].update(kind="paraphrase"), "quotes[0].kind: 'paraphrase' is not one of"),
        (lambda d: d["timexes"][0].update(start="27"),
         "timexes[0].start: expected a whole number, got a string"),
        (lambda d: d["timexes"][0].update(start=27.5), "timexes[0].start: expected a whole number"),
        (lambda d: d["events"][0].update(negated=1),
         "events[0].negated: expected true or false, got a number"),
        (lambda d: d["events"][0].update(type="HUG"), "events[0].type: 'HUG' is not one of AGREE, CONSULT"),
        (lambda d: d["events"][0].update(source="e2"), "events[0].source: expected a list, got a string"),
        (lambda d: d["article"].pop("text"), "article.text: missing"),
        (lambda d: d.update(entities={"e1": {}}), "entities: expected a list, got an object"),
        (lambda d: d["entities"].append("Moscou"), "entities[2]: expected an object, got a string"),
        (lambda d: d["amounts"][0].update(value="5e8"), "amounts[0].value: "),
        # What a schema cannot say: offsets inside the text, slicing to their text; ids that exist.
        (lambda d: d["entities"][0]["mentions"][0].update(end=500),
         "entities[0].mentions[0]: offsets 0..500 are not inside the text (0..98)"),
        (lambda d: d["entities"][0]["mentions"][0].update(start=1),
         "entities[0].mentions[0].text: 'Vladimir Poutine' is not article.text[1:16]"),
        (lambda d: d["quotes"][0].update(speaker="e9"), "quotes[0].speaker: 'e9' is not the id of an entity"),
        (lambda d: d["events"][0].update(target=["e1", "e7"]),
         "events[0].target[1]: 'e7' is not the id of an entity"),
        (lambda d: d["events"][0].update(amounts=[3]),
         "events[0].amounts[0]: 3 is not the index of an amount"),
    ],
)  # fmt: skip
def test_a_bad_document_is_refused_naming_the_json_path(change: Change, expected: str) -> None:
    data = copy.deepcopy(sample().to_dict())
    change(data)
    with pytest.raises(InputError) as caught:
        Document.from_dict(data, where="export.jsonl:3")
    message = str(caught.value)
    assert message.startswith(f"export.jsonl:3: {expected}")
    assert "\n" not in message and isinstance(caught.value, VeilleError)


def test_several_errors_are_counted_on_the_one_line() -> None:
    data = copy.deepcopy(sample().to_dict())
    data["entities"][0]["type"] = "PERSON"
    data["entities"][1]["type"] = "PLACE"
    data["quotes"][0]["kind"] = "said"
    with pytest.raises(InputError, match=r"^entities\[0\]\.type: .* \(and 2 more errors\)$"):
        Document.from_dict(data)


def test_what_the_contract_allows_is_accepted() -> None:
    data = copy.deepcopy(sample().to_dict())
    data["entities"][0]["nickname"] = "Vova"  # fields may be added (DESIGN.md §2)
    data["amounts"][0]["value"] = 500000000  # a whole number is a number
    del data["entities"][1]["roles"]  # fields with a default may be left out
    doc = Document.from_dict(data)
    assert doc.entities == sample().entities and doc.amounts[0].value == 5e8


def test_not_an_object_is_refused() -> None:
    with pytest.raises(InputError, match=r"expected a veille\.analysis/1 object, got a list"):
        Document.from_dict([1, 2])  # type: ignore[arg-type]


def test_paths_and_values_are_written_for_a_reader() -> None:
    assert json_path(("entities", 3, "mentions", 0, "kind")) == "entities[3].mentions[0].kind"
    assert json_path(()) == ""
    long = show("x" * 500)
    assert len(long) == 40 and long.endswith("…")
    assert show("a\nb") == "'a\\nb'"  # one line, whatever the value holds


def test_an_export_with_a_bad_line_goes_on_past_it(tmp_path: Path) -> None:
    good = sample().to_dict()
    bad = copy.deepcopy(good)
    bad["entities"][0]["type"] = "PERSON"
    export = tmp_path / "export.jsonl"
    lines = [json.dumps(good), json.dumps(bad), "{not json", json.dumps(good)]
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(read_documents(export))
    assert [type(r).__name__ for r in results] == ["Document", "Failure", "Failure", "Document"]
    failure = results[1]
    assert isinstance(failure, Failure) and failure.line == 2
    assert str(failure) == (
        f"{export}:2: not a veille.analysis/1 document: entities[0].type: 'PERSON' is not one of "
        "'PER', 'ORG', 'LOC' or 'MISC'"
    )
    assert str(results[2]).startswith(f"{export}:3: not a veille.analysis/1 document: not JSON: ")


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
        (lambda d: d["entities"][0].update(type="PERSON"), "entities[0].type: 'PERSON' is not one of 'PER'"),
        (lambda d: d["entities"][0]["mentions"][0].update(start="0"), "entities[0].mentions[0].start:"),
        (lambda d: d.update(schema="veille.analysis/2"), "schema: expected 'veille.analysis/1'"),
        (lambda d: d["article"].pop("text"), "article.text: missing"),
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
