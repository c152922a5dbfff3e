"""The learned party choice of bare triggers: candidates, features, choice, training script.

Sentences are invented (names, places and plots of our own).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from veille.analysis.events.partyfeatures import FEATURES, Pair
from veille.analysis.events.partyrank import SWITCH, PartyRanker, Proposed, load_ranker, ranked_roles
from veille.model import Document

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.model


def _bare(analyze: Callable[[str], Document], text: str) -> list[Proposed]:
    """Run the pipeline on a passage and return the bare triggers the ranker was shown."""
    ranker = load_ranker()
    ranker.collect = []
    try:
        analyze(text)
        return list(ranker.collect)
    finally:
        ranker.collect = None


def _value(pair: Pair, name: str) -> float:
    return pair.features[FEATURES.index(name)]


def test_shipped_table_loads_and_names_only_known_features() -> None:
    table = json.loads((ROOT / "src/veille/analysis/lang/fr/data/event_party_ranker.json").read_text("utf-8"))
    assert set(table["weights"]) <= set(FEATURES)
    ranker = load_ranker()
    assert len(ranker.weights) == len(FEATURES)
    assert 0.0 < ranker.threshold <= 1.0


def test_best_pair_needs_the_threshold() -> None:
    up = [0.0] * len(FEATURES)
    up[FEATURES.index("actor_subject")] = 1.0
    weights = tuple(2.0 if name == "actor_subject" else 0.0 for name in FEATURES)
    pairs = [Pair("e1", "e2", [0.0] * len(FEATURES)), Pair("e2", "e1", up)]
    assert PartyRanker(weights, 0.8).best(pairs) == pairs[1]  # p = 0.88
    assert PartyRanker(weights, 0.9).best(pairs) is None
    assert PartyRanker(weights, 0.5).best([]) is None


# The actor named in the sentence before, the act a noun or a verb the role rules leave bare.
_BARE = [
    ("La ministre Ana Quispe est arrivée mardi à Lima. Elle doit y signer un accord avec le Pérou.",
     "accord", "Ana Quispe", "Pérou"),
    ("La sénatrice Claire Vannier a quitté Bruxelles lundi. Elle a ensuite obtenu un entretien avec "
     "le commissaire Jonas Berg.", "entretien", "Claire Vannier", "Jonas Berg"),
    ("Les troupes du Valdor ont franchi la frontière dimanche. Le Karistan a dénoncé une attaque "
     "menée sans sommation.", "dénoncé", "Karistan", "Valdor"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "word", "actor", "recipient"), _BARE)
def test_a_bare_trigger_is_shown_with_the_pairs_of_its_paragraph(  # type: ignore[no-untyped-def]
    analyze, text: str, word: str, actor: str, recipient: str
) -> None:
    bare = [b for b in _bare(analyze, text) if b.token.text == word]
    assert bare, "an accepted trigger with no rule's parties is shown to the ranker"
    proposed = bare[0]
    assert proposed.pairs and len(proposed.events) == len(proposed.pairs)
    assert all(p.actor != p.recipient for p in proposed.pairs)
    assert all(len(p.features) == len(FEATURES) for p in proposed.pairs)


@pytest.mark.parametrize(("text", "word", "actor", "recipient"), _BARE)
def test_the_shipped_weights_rank_the_right_pair_first(  # type: ignore[no-untyped-def]
    analyze, text: str, word: str, actor: str, recipient: str
) -> None:
    # The ranking, not the decision: the shipped threshold (1.0) adds no event (docs/events.md).
    ranker = load_ranker()
    ranker.collect = []
    try:
        doc = analyze(text)
        bare = [b for b in ranker.collect if b.token.text == word]
    finally:
        ranker.collect = None
    names = {e.id: e.name for e in doc.entities}
    best = max(bare[0].pairs, key=lambda p: ranker.probability(p.features))
    assert (names[best.actor], names[best.recipient]) == (actor, recipient)


@pytest.mark.parametrize(
    "text",
    [
        # hard negatives: a single party, nobody to pair it with
        "Le ministre Marc Delorme a déploré un accord mal négocié.",
        "La présidente Leïla Ben Salem a signé le texte après une longue rencontre.",
        "Une attaque a visé la caserne dans la nuit, selon le ministre Paul Aubrac.",
    ],
)
def test_a_trigger_with_one_party_gets_no_pairs(analyze, text: str) -> None:  # type: ignore[no-untyped-def]
    assert all(b.pairs for b in _bare(analyze, text))  # shown only with two parties or more
    assert not [b for b in _bare(analyze, text) if b.token.lemma_ in ("accord", "rencontre", "attaque")]


def test_the_shipped_ranker_leaves_the_rules_events_unchanged(analyze) -> None:  # type: ignore[no-untyped-def]
    # Off (threshold 1): a bare trigger stays without an event.
    text = _BARE[0][0]
    assert load_ranker().threshold >= 1.0
    assert not [e for e in analyze(text).events if e.trigger == "accord"]


def test_a_candidate_of_the_sentence_before_says_so(analyze) -> None:  # type: ignore[no-untyped-def]
    text = "La ministre Ana Quispe est arrivée mardi à Lima. Elle doit y signer un accord avec le Pérou."
    bare = [b for b in _bare(analyze, text) if b.token.text == "accord"]
    assert bare
    flags = {_value(p, "actor_previous_sentence") for p in bare[0].pairs}
    assert flags == {0.0, 1.0}


@pytest.mark.parametrize(
    "text",
    [
        # hard negatives: a feared, a negated and a threatened act get no learned parties
        "La Géorgie craint que l'Arménie ne signe un accord avec la Turquie.",
        "Le ministre Paul Aubrac n'a pas signé d'accord avec le préfet Louis Verdier.",
        "Le Valdor menace de frapper le Karistan si la frontière reste fermée.",
    ],
)
def test_an_unreal_act_is_not_shown(analyze, text: str) -> None:  # type: ignore[no-untyped-def]
    shown = {b.token.lemma_ for b in _bare(analyze, text)}
    assert not shown & {"accord", "signer", "frapper"}


def test_the_setting_turns_the_ranker_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SWITCH, "off")
    # switched off, the ranker returns at once, before it reads any argument
    assert ranked_roles(None, None, None, None, None, None, [], None) is None  # type: ignore[arg-type]


def _write(tmp_path: Path, name: str, text: str, people: list[str], events: list[dict[str, object]]) -> Path:
    (tmp_path / f"{name}.txt").write_text(f"date 2025-03-04\n\n{text}\n", encoding="utf-8")
    gold = {
        "format": "veille.gold/1",
        "article": {"file": f"{name}.txt", "date": "2025-03-04"},
        "entities": [{"name": n, "type": "PER", "mentions": [n]} for n in people],
        "events": events,
    }
    path = tmp_path / f"{name}.gold.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_training_script_builds_and_labels_rows_on_two_invented_articles(tmp_path: Path) -> None:
    # In its own process (as the detector's script test): fitting leaves long-lived objects.
    golds = [
        _write(
            tmp_path, "b1",
            "La ministre Ana Quispe est arrivée mardi à Lima. Elle doit y signer un accord avec Raúl Vera, "
            "son homologue.",
            ["Ana Quispe", "Raúl Vera"],
            [{"type": "AGREE", "source": ["Ana Quispe"], "target": ["Raúl Vera"]}],
        ),
        _write(
            tmp_path, "b2",
            "Le président Luis Carranza a reçu jeudi Pablo Ortiz. La rencontre a duré deux heures.",
            ["Luis Carranza", "Pablo Ortiz"],
            [{"type": "CONSULT", "source": ["Luis Carranza"], "target": ["Pablo Ortiz"]}],
        ),
    ]  # fmt: skip
    out = tmp_path / "weights.json"
    script = ROOT / "scripts" / "train_event_parties.py"
    command = [sys.executable, str(script), "--golds", *map(str, golds), "--out", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    table = json.loads(out.read_text("utf-8"))
    assert set(table["weights"]) == set(FEATURES)
    report = table["leave_one_article_out"]
    assert report["articles"] == 2 and report["pairs"] >= 2
    assert 0.0 < table["threshold"] <= 1.0
