"""The baseline: checks list every metric below its floor; raising never lowers a floor."""

from __future__ import annotations

import json

import pytest

from veille.errors import SettingsError
from veille.eval.baseline import below_floor, floor_of, floors_for, raise_baseline, raise_floors, write_floors


def test_every_failing_metric_is_listed():
    metrics = {"entities.f1": 0.5, "quotes.f1": 0.2, "events.f1": None, "entities.merges": 3}
    floors = {"entities.f1": 0.5, "quotes.f1": 0.3, "events.f1": 0.1, "entities.merges": 2}
    assert below_floor(metrics, floors) == [
        "entities.merges: 3 above its ceiling 2",
        "events.f1: 0.000 below its floor 0.10",
        "quotes.f1: 0.200 below its floor 0.30",
    ]
    assert below_floor(metrics, {"entities.f1": 0.5, "events.f1": 0.0}) == []


def test_a_floor_for_an_unknown_metric_fails():
    assert below_floor({}, {"quotes.f2": 0.1}) == ["quotes.f2: unknown metric (floor 0.1)"]


def test_floors_are_rounded_down():
    assert floor_of(0.29, "quotes.f1") == 0.29
    assert floor_of(0.8299, "quotes.f1") == 0.82
    assert floor_of(None, "quotes.f1") == 0.0
    assert floor_of(2, "entities.merges") == 2


def test_a_ratio_short_of_its_decimal_in_binary_passes_the_floor_it_earned():
    value = 0.7999999999999999  # an F1 of 0.8 as floating point sums give it
    earned = floor_of(value, "quotes.end_to_end_f1")
    assert earned == 0.8
    assert below_floor({"quotes.end_to_end_f1": value}, {"quotes.end_to_end_f1": earned}) == []
    assert below_floor({"quotes.end_to_end_f1": 0.7999}, {"quotes.end_to_end_f1": 0.8}) != []


def test_raising_never_lowers_a_floor_nor_raises_a_ceiling():
    floors = {"entities.f1": 0.6, "quotes.f1": 0.3, "entities.merges": 2}
    metrics = {"entities.f1": 0.55, "quotes.f1": 0.456, "entities.merges": 4, "events.f1": 0.1}
    assert raise_floors(metrics, floors) == {
        "entities.f1": 0.6,
        "quotes.f1": 0.45,
        "entities.merges": 2,
        "events.f1": 0.1,
    }
    assert raise_floors({"entities.merges": 1}, floors)["entities.merges"] == 1


def test_writing_a_set_keeps_the_others(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"comment": "floors", "sets": {"seed": {"quotes.f1": 0.1}}}), encoding="utf-8")
    write_floors(path, "dev", {"quotes.f1": 0.2})
    assert floors_for(path, "seed") == {"quotes.f1": 0.1}
    assert floors_for(path, "dev") == {"quotes.f1": 0.2}
    assert json.loads(path.read_text(encoding="utf-8"))["comment"] == "floors"
    with pytest.raises(SettingsError, match="no set 'other'"):
        floors_for(path, "other")


def test_a_run_with_failed_articles_raises_nothing(tmp_path):
    path = tmp_path / "baseline.json"
    raise_baseline(path, "seed", {"quotes.f1": 0.5, "entities.merges": 2})
    with pytest.raises(SettingsError, match="analysis failed on 1 article"):
        raise_baseline(path, "seed", {"quotes.f1": 0.0, "entities.merges": 0}, failed=1)
    assert floors_for(path, "seed") == {"entities.merges": 2, "quotes.f1": 0.5}
