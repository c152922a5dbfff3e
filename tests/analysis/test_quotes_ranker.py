"""The quote speaker ranker: its shipped weights, its choice, and its training set."""

from __future__ import annotations

from pathlib import Path

from veille.analysis.quotes.ranker import FEATURES, Mentioned, Ranker, Situation, features, load_ranker
from veille.model import Entity

ROOT = Path(__file__).resolve().parent.parent.parent


def test_shipped_weights_cover_every_feature() -> None:
    ranker = load_ranker()
    assert len(ranker.weights) == len(FEATURES)
    assert any(w != 0.0 for w in ranker.weights)
    assert 0.0 < ranker.threshold < 1.0


def test_choose_takes_the_best_candidate_and_abstains_below_the_threshold() -> None:
    ranker = Ranker(weights=(1.0,) + (0.0,) * (len(FEATURES) - 1), threshold=0.5)
    good = [1.0] + [0.0] * (len(FEATURES) - 1)
    bad = [-1.0] + [0.0] * (len(FEATURES) - 1)
    assert ranker.choose([("e1", bad), ("e2", good)]) == "e2"
    assert ranker.choose([("e1", bad)]) is None
    assert ranker.choose([]) is None


def test_features_prefer_the_previous_speaker_of_the_right_gender() -> None:
    situation = Situation(start=100, end=140, sentence=3, paragraph=1, previous_speaker="e1", phrase=None,
                          pronoun_gender="f")  # fmt: skip
    mention = Mentioned(10, 20, 1, 0, True, True, False, False)
    her = features(Entity("e1", "Claire Dumont", "PER"), [mention], situation, 2, "f")
    him = features(Entity("e2", "Marc Aubert", "PER"), [mention], situation, 2, "m")
    ranker = load_ranker()
    assert len(her) == len(FEATURES)
    assert ranker.score(her) > ranker.score(him)
