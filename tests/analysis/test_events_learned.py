"""The learned event detector: proposals, features, shipped weights and the training script.

Sentences are invented (names, places and plots of our own).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from veille.analysis.events.features import FEATURES, Candidate, Neighbours, proposals
from veille.analysis.events.learned import Detector, load_detector
from veille.analysis.events.lexicon import load_event_lexicon
from veille.model import Document

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.model


def _proposals(analyze: Callable[[str], Document], text: str) -> list[Candidate]:
    """Run the pipeline on a passage and return the detector's proposals for it."""
    detector = load_detector()
    detector.collect = []
    try:
        analyze(text)
        return [c for _doc, _found, batch in detector.collect for c in batch]
    finally:
        detector.collect = None


def _value(candidate: Candidate, name: str) -> float:
    return candidate.features[FEATURES.index(name)]


def test_shipped_weights_load_and_cover_every_feature() -> None:
    table = json.loads((ROOT / "src/veille/analysis/lang/fr/data/event_detector.json").read_text("utf-8"))
    assert set(table["weights"]) <= set(FEATURES)
    detector = load_detector()
    assert len(detector.weights) == len(FEATURES)
    assert 0.0 < detector.threshold <= 1.0
    p = detector.probability([0.0] * len(FEATURES))
    assert 0.0 < p < 1.0


def test_an_unlisted_verb_is_read_through_its_nearest_row(nlp) -> None:  # type: ignore[no-untyped-def]
    # admonester is not in the trigger table; its vector is near the table's verbs of blame.
    lexicon = load_event_lexicon()
    assert "admonester" not in lexicon.verbs
    token = next(t for t in nlp("La ministre a admonesté le maire.") if t.lemma_.startswith("admonest"))
    near = proposals(token, Neighbours(lexicon, nlp.vocab))
    assert "ACCUSE" in {row.type for _cos, _margin, row in near}


def test_an_unlisted_act_between_two_parties_is_proposed_with_its_parties(analyze) -> None:  # type: ignore[no-untyped-def]
    text = "La ministre bolivienne Ana Quispe a admonesté mardi le gouverneur chilien Tomás Ibarra."
    found = [c for c in _proposals(analyze, text) if c.token.lemma_.startswith("admonest")]
    assert found, "the verb between two named persons is proposed"
    accuse = [c for c in found if c.event.type == "ACCUSE"]
    assert accuse
    # Every ordered pair of the two persons is proposed; the subject's pair says so.
    subject_first = [c for c in accuse if _value(c, "actor_subject") == 1.0]
    assert subject_first and all(_value(c, "recipient_object") == 1.0 for c in subject_first)
    assert all(_value(c, "past") == 1.0 for c in accuse)


def test_a_feared_act_is_not_proposed(analyze) -> None:  # type: ignore[no-untyped-def]
    # craindre que: the act has not happened (the rules drop it too).
    text = "La Géorgie craint que l'Arménie ne sermonne la Turquie."
    assert not [c for c in _proposals(analyze, text) if c.token.lemma_.startswith("sermon")]


def test_a_negated_act_is_not_proposed(analyze) -> None:  # type: ignore[no-untyped-def]
    text = "Le ministre Paul Aubrac n'a pas admonesté le préfet Louis Verdier."
    assert not [c for c in _proposals(analyze, text) if c.token.lemma_.startswith("admonest")]


def test_a_hypothetical_act_says_so_in_its_features(analyze) -> None:  # type: ignore[no-untyped-def]
    # A modal conditional: the syntax layer reads the clause as hypothetical. (A bare
    # conditional, *admonesterait*, the tagger of the model reads as an imperfect.)
    text = "La ministre Ana Quispe pourrait admonester le gouverneur Tomás Ibarra."
    found = [c for c in _proposals(analyze, text) if c.token.lemma_.startswith("admonest")]
    assert found and all(_value(c, "hypothetical") == 1.0 for c in found)


def test_an_announced_act_says_so_in_its_features(analyze) -> None:  # type: ignore[no-untyped-def]
    text = "La ministre Ana Quispe va admonester le gouverneur Tomás Ibarra."
    found = [c for c in _proposals(analyze, text) if c.token.lemma_.startswith("admonest")]
    assert found and all(_value(c, "planned") == 1.0 for c in found)


def test_the_shape_of_the_telling_is_in_the_features(analyze) -> None:  # type: ignore[no-untyped-def]
    # Subject before the verb, object after it: the word lies between its parties, both hung
    # on it; no reporting verb governs the clause.
    text = "La ministre bolivienne Ana Quispe a admonesté mardi le gouverneur chilien Tomás Ibarra."
    found = [c for c in _proposals(analyze, text) if c.token.lemma_.startswith("admonest")]
    subject_first = [c for c in found if _value(c, "actor_subject") == 1.0]
    assert subject_first
    for c in subject_first:
        assert _value(c, "word_between") == 1.0 and _value(c, "pair_attached") == 1.0
        # The actor's mention nearest the word is its name; the recipient's, the description
        # before its name (*le gouverneur chilien*).
        assert _value(c, "actor_named") == 1.0 and _value(c, "recipient_named") == 0.0
        assert _value(c, "actor_pronoun") == 0.0 and _value(c, "recipient_pronoun") == 0.0
        assert _value(c, "under_speech") == 0.0
    reversed_ = [c for c in found if _value(c, "recipient_subject") == 1.0]
    assert reversed_ and all(_value(c, "word_between") == 0.0 for c in reversed_)


def test_reported_speech_and_the_rules_events_are_in_the_features(analyze) -> None:  # type: ignore[no-untyped-def]
    # The rules code the accusation; the unlisted verb of the same sentence is proposed with
    # the sentence's event and the pair the rules already linked.
    text = (
        "Le ministre Paul Aubrac a accusé le préfet Louis Verdier de mensonge et a affirmé que "
        "le préfet Louis Verdier admonestait le ministre Paul Aubrac."
    )
    found = [c for c in _proposals(analyze, text) if c.token.lemma_.startswith("admonest")]
    assert found
    assert all(_value(c, "sentence_event") == 1.0 for c in found)
    assert all(_value(c, "pair_known") == 1.0 for c in found)
    assert all(_value(c, "under_speech") == 1.0 for c in found)
    assert any(_value(c, "same_known") == 1.0 for c in found if c.event.type == "ACCUSE")


def test_choose_keeps_one_proposal_per_word_above_the_threshold(analyze) -> None:  # type: ignore[no-untyped-def]
    text = "La ministre bolivienne Ana Quispe a admonesté mardi le gouverneur chilien Tomás Ibarra."
    found = _proposals(analyze, text)
    assert found
    always = Detector(tuple([0.0] * len(FEATURES)), threshold=0.5)  # every proposal at p = 0.5
    chosen = always.choose(found)
    assert len(chosen) == len({c.token.i for c in found})
    never = Detector(tuple([0.0] * len(FEATURES)), threshold=0.9)
    assert never.choose(found) == []


@pytest.fixture
def tiny_golds(tmp_path: Path) -> Iterator[list[Path]]:
    """Two invented articles with their gold files, for the training script; one file name in
    two folders, as names repeat across the project's gold sets."""
    articles = {
        "a1": (
            "La ministre bolivienne Ana Quispe a admonesté mardi le gouverneur chilien Tomás Ibarra. "
            "Ana Quispe a ensuite rencontré le maire de Sucre, Mario Tapia.",
            [{"type": "ACCUSE", "source": ["Ana Quispe"], "target": ["Tomás Ibarra"]}],
        ),
        "a2": (
            "Le président péruvien Luis Carranza a sermonné lundi le Premier ministre équatorien Raúl Vera. "
            "Luis Carranza a aussi reçu l'ambassadeur Pablo Ortiz.",
            [{"type": "ACCUSE", "source": ["Luis Carranza"], "target": ["Raúl Vera"]}],
        ),
    }
    paths = []
    for folder, (text, events) in articles.items():
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "article.txt").write_text(f"date 2025-03-04\n\n{text}\n", encoding="utf-8")
        people = sorted({n for e in events for n in (*e["source"], *e["target"])})
        gold = {
            "format": "veille.gold/1",
            "article": {"file": "article.txt", "date": "2025-03-04"},
            "entities": [{"name": n, "type": "PER", "mentions": [n]} for n in people],
            "events": events,
        }
        path = tmp_path / folder / "article.gold.json"
        path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    yield paths


def test_the_training_script_runs_on_a_tiny_invented_set(tiny_golds: list[Path], tmp_path: Path) -> None:
    # In its own process: fitting and cross-validating in this one leaves enough long-lived
    # objects to shift the garbage collector's rhythm, and the ingest memory test after it
    # (tests/store) counts uncollected garbage in its peak.
    out = tmp_path / "weights.json"
    script = ROOT / "scripts" / "train_events.py"
    command = [sys.executable, str(script), "--golds", *map(str, tiny_golds), "--out", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    table = json.loads(out.read_text("utf-8"))
    assert set(table["weights"]) == set(FEATURES)
    assert table["leave_one_article_out"]["articles"] == 2
