"""Scores of hand-built Documents against a small hand-written gold (DESIGN.md §8)."""

from __future__ import annotations

import dataclasses

import pytest

from veille.eval.scores import score_document, total


def test_perfect_system_scores_one_everywhere(gold, build):
    result = score_document(gold, build.perfect())
    metrics = result.scores.metrics()
    assert metrics.pop("entities.merges") == 0
    assert metrics == {name: 1.0 for name in metrics}
    assert result.errors == {}


def test_empty_system_finds_nothing(gold, build):
    metrics = score_document(gold, build.doc()).scores.metrics()
    for layer in ("entities", "quotes", "timexes", "events"):
        assert metrics[f"{layer}.recall"] == 0.0
        assert metrics[f"{layer}.precision"] is None  # nothing proposed: undefined, not perfect
        assert metrics[f"{layer}.f1"] == 0.0
    assert metrics["entities.variant_recall"] == 0.0


def test_merging_two_people_is_caught(gold, build):
    perfect = build.perfect()
    merged = build.entity(
        "e1",
        "Emmanuel Macron",
        "PER",
        ["Emmanuel Macron", "Macron", "le président français", "Olaf Scholz", "Scholz"],
    )
    entities = (merged, *[e for e in perfect.entities if e.id not in ("e1", "e2")])
    result = score_document(gold, dataclasses.replace(perfect, entities=entities))
    scores = result.scores
    assert scores.merges == 1
    assert result.errors["entities.merged"] == ["Emmanuel Macron = Emmanuel Macron + Olaf Scholz"]
    # Scholz is no longer found, and none of his forms count as variants.
    assert scores.entities.recall == pytest.approx(4 / 5)
    assert scores.variants.right == 3 + 0 + 1 + 1 + 1
    assert scores.variants.total == 3 + 2 + 1 + 1 + 1
    assert result.errors["entities.missed"] == ["Olaf Scholz"]


def test_a_form_split_into_a_second_entity_lowers_variant_recall_only(gold, build):
    perfect = build.perfect()
    macron = build.entity("e1", "Emmanuel Macron", "PER", ["Emmanuel Macron", "le président français"])
    stray = build.entity("e9", "Macron", "PER", ["Macron"])
    entities = (macron, stray, *perfect.entities[1:])
    scores = score_document(gold, dataclasses.replace(perfect, entities=entities)).scores
    assert scores.variants.value == pytest.approx(7 / 8)
    assert scores.entities.recall == 1.0
    assert scores.entities.precision == 1.0  # the split entity still maps to a gold entity
    assert scores.merges == 0


def test_unmatched_person_is_a_false_positive_but_misc_is_not(gold, build):
    perfect = build.perfect()
    wrong = build.entity("e9", "Mercredi", "ORG", [("Mercredi", 1)])
    misc = build.entity("e10", "accusations", "MISC", ["accusations"])
    result = score_document(gold, dataclasses.replace(perfect, entities=(*perfect.entities, wrong, misc)))
    # Five entities map to required gold ones; Le Monde maps to an optional one and does not count.
    assert result.scores.entities.precision == pytest.approx(5 / 6)
    assert result.errors["entities.false_positives"] == ["Mercredi (ORG)"]


def test_optional_items_count_neither_way(gold, build):
    perfect = build.perfect()
    without_optional = dataclasses.replace(
        perfect,
        entities=perfect.entities[:5],
        quotes=perfect.quotes[:1],
        timexes=tuple(t for t in perfect.timexes if t.text != "cinq heures"),
    )
    with_optional = score_document(gold, perfect).scores.metrics()
    assert score_document(gold, without_optional).scores.metrics() == with_optional


def test_an_optional_gold_item_never_takes_a_system_item_from_a_required_one(make_gold, build):
    # The optional gold quote comes first and matches the one system quote as well as the
    # required one does; the required one must still get it.
    quote = "Nous devons soutenir l’Ukraine jusqu’au bout, sans faiblir"
    gold = make_gold(
        quotes=[
            {"text": quote, "speaker": "Olaf Scholz", "kind": "direct", "optional": True},
            {"text": quote, "speaker": "Emmanuel Macron", "kind": "direct"},
        ]
    )
    system_quote = build.quote("q1", "Nous devons soutenir l'Ukraine jusqu'au bout, sans faiblir", "e1")
    doc = build.doc(entities=build.perfect_entities(), quotes=[system_quote])
    scores = score_document(gold, doc).scores
    assert (scores.quotes.found, scores.quotes.correct, scores.quotes.system) == (1, 1, 1)
    assert scores.speakers.value == 1.0


def test_wrong_speaker_and_kind_lower_their_accuracies_not_the_match(gold, build):
    perfect = build.perfect()
    quote = dataclasses.replace(perfect.quotes[0], speaker="e2", kind="mixed")
    result = score_document(gold, dataclasses.replace(perfect, quotes=(quote,)))
    assert result.scores.quotes.recall == 1.0
    assert result.scores.speakers.value == 0.0
    assert result.scores.quote_kinds.value == 0.0
    # End to end, a quote with the wrong speaker is worth nothing: found, but not attributed.
    assert result.scores.attributed.f1 == 0.0
    assert result.scores.metrics()["quotes.end_to_end_f1"] == 0.0
    assert result.errors["quotes.wrong_speaker"] == [
        "Nous devons soutenir l’Ukraine jusqu’au bout, sans faiblir: Olaf Scholz instead of Emmanuel Macron"
    ]


def test_speaker_without_entity_is_wrong(gold, build):
    perfect = build.perfect()
    quote = dataclasses.replace(perfect.quotes[0], speaker=None)
    assert score_document(gold, dataclasses.replace(perfect, quotes=(quote,))).scores.speakers.value == 0.0


def test_timexes_match_in_document_order_by_occurrence(gold, build):
    perfect = build.perfect()
    only_second = build.doc(entities=perfect.entities, timexes=[build.timex(("Mercredi", 2), "2025-12-03")])
    result = score_document(gold, only_second)
    assert result.scores.timexes.found == 1
    assert result.errors["timexes.missed"] == ["Mercredi (2025-12-03)", "mardi (2025-12-02)"]


def test_a_system_timex_containing_the_gold_text_matches_a_shorter_one_does_not(gold, build):
    longer = build.doc(timexes=[build.timex("Mercredi soir", "2025-12-03TEV")])
    scores = score_document(gold, longer).scores
    assert scores.timexes.found == 1
    assert scores.timex_values.value == 0.0  # 2025-12-03TEV is neither the value nor accepted
    shorter = build.doc(timexes=[build.timex(("cinq", 1), "PT5H")])
    assert score_document(gold, shorter).scores.timexes.correct == 0


def test_timex_values_accept_alternatives(gold, build):
    accepted = build.doc(timexes=[build.timex("mardi", "2025-W49")])
    assert score_document(gold, accepted).scores.timex_values.value == 1.0
    wrong = build.doc(timexes=[build.timex("mardi", "2025-12-09")])
    result = score_document(gold, wrong)
    assert result.scores.timex_values.value == 0.0
    assert result.errors["timexes.wrong_value"] == ["mardi: 2025-12-09 instead of 2025-12-02"]


def _events(build, *events):
    return build.doc(entities=build.perfect_entities(), events=list(events))


def test_symmetric_events_match_either_way_others_do_not(gold, build):
    reversed_consult = _events(build, build.event("v1", "CONSULT", ["e2"], ["e1"], "2025-12-03"))
    assert score_document(gold, reversed_consult).scores.events.found == 1
    reversed_accuse = _events(build, build.event("v2", "ACCUSE", ["e5"], ["e1"]))
    assert score_document(gold, reversed_accuse).scores.events.found == 0


def test_any_one_listed_recipient_suffices(gold, build):
    scholz = _events(build, build.event("v4", "REJECT", ["e5"], ["e2"], "2025-12-03"))
    scores = score_document(gold, scholz).scores
    assert scores.events.found == 1
    assert scores.event_dates.value == 1.0  # 2025-12-03 starts with the gold month 2025-12
    compound = _events(build, build.event("v4", "REJECT", ["e5", "e3"], ["e3", "e1"]))
    assert score_document(gold, compound).scores.events.found == 1
    nobody = _events(build, build.event("v4", "REJECT", ["e5"], ["e3"]))
    assert score_document(gold, nobody).scores.events.found == 0


def test_accept_types_widen_the_type_only_where_given(gold, build):
    agree = _events(build, build.event("v3", "AGREE", ["e2"], ["e4"]))
    assert score_document(gold, agree).scores.events.found == 1
    support = _events(build, build.event("v3", "SUPPORT", ["e2"], ["e4"]))
    assert score_document(gold, support).scores.events.found == 0
    threaten = _events(build, build.event("v2", "AGREE", ["e1"], ["e5"]))
    assert score_document(gold, threaten).scores.events.found == 0


def test_event_dates_are_right_by_prefix_and_optional_dates_may_be_absent(gold, build):
    events = _events(
        build,
        build.event("v1", "CONSULT", ["e1"], ["e2"], "2025-12-04"),  # wrong day
        build.event("v3", "AID", ["e2"], ["e4"], None),  # date_optional: not counted
        build.event("v4", "REJECT", ["e5"], ["e1"], None),  # required date absent: wrong
    )
    result = score_document(gold, events)
    assert result.scores.events.found == 3
    assert (result.scores.event_dates.right, result.scores.event_dates.total) == (0, 2)


def test_an_event_whose_actor_is_not_found_does_not_match(gold, build):
    entities = [e for e in build.perfect_entities() if e.id != "e1"]
    doc = build.doc(entities=entities, events=[build.event("v2", "ACCUSE", ["e1"], ["e5"])])
    assert score_document(gold, doc).scores.events.found == 0


def test_linking_and_type_accuracy_use_the_main_entity(gold, build):
    perfect = build.perfect()
    unlinked = dataclasses.replace(perfect.entities[2], kb_id="Q1055", type="ORG")
    result = score_document(
        gold, dataclasses.replace(perfect, entities=(*perfect.entities[:2], unlinked, *perfect.entities[3:]))
    )
    assert (result.scores.linking.right, result.scores.linking.total) == (3, 4)
    assert result.scores.entity_types.value == pytest.approx(4 / 5)
    assert result.errors["entities.linking"] == ["Berlin: Q1055 instead of Q64"]


def test_totals_are_micro_averages(gold, build):
    perfect = score_document(gold, build.perfect())
    empty = score_document(gold, build.doc(timexes=[build.timex("Berlin", "2025")]))
    both = total([perfect, empty])
    assert both.timexes.recall == pytest.approx(3 / 6)
    assert both.timexes.precision == pytest.approx(3 / 4)
    assert both.timexes.f1 == pytest.approx(2 * 0.75 * 0.5 / 1.25)
