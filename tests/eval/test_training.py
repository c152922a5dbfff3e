"""Which annotated articles a learned model or an error listing may read."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest

from veille.eval.training import BLIND_FOLDERS, allowed, chosen_threshold, training_golds

ROOT = Path(__file__).resolve().parents[2]


def test_held_out_dev2_and_blind_sets_are_refused(tmp_path: Path) -> None:
    assert allowed(tmp_path / "corpus/dev2/d2-024.gold.json")
    assert not allowed(tmp_path / "corpus/dev2/d2-025.gold.json")
    assert allowed(tmp_path / "tests/gold3/conseil.gold.json")  # opened in the fifth session
    assert allowed(tmp_path / "tests/gold7/recif.gold.json")  # opened in the sixth session
    assert allowed(tmp_path / "tests/gold9/b3-01-sommet.gold.json")  # opened in the seventh session
    assert allowed(tmp_path / "tests/gold10/b4-01-x.gold.json")  # opened in the eighth session
    assert allowed(tmp_path / "tests/gold15/b6-01-x.gold.json")  # opened in the eleventh session
    assert allowed(tmp_path / "tests/gold12/b5-01-x.gold.json")  # opened in the ninth session
    assert allowed(tmp_path / "tests/gold17/b7-01-x.gold.json")  # opened in the twelfth session
    assert allowed(tmp_path / "tests/gold18/g18-01-x.gold.json")  # opened in the thirteenth session
    assert allowed(tmp_path / "tests/gold19/g19-01-x.gold.json")  # opened in the fourteenth session
    assert allowed(tmp_path / "tests/gold20/g20-01-x.gold.json")  # opened in the fifteenth session
    assert allowed(tmp_path / "tests/gold21/g21-01-x.gold.json")  # opened in the sixteenth session
    assert allowed(tmp_path / "tests/gold22/g22-01-x.gold.json")  # opened in the seventeenth session
    assert allowed(tmp_path / "tests/gold23/g23-01-x.gold.json")  # opened in the eighteenth session
    assert allowed(tmp_path / "tests/gold24/g24-01-x.gold.json")  # opened in the nineteenth session
    assert allowed(tmp_path / "tests/gold25/g25-01-x.gold.json")  # opened in the twentieth session
    assert allowed(tmp_path / "tests/gold26/g26-01-x.gold.json")  # opened in the twenty-first session
    assert allowed(tmp_path / "tests/gold27/g27-01-x.gold.json")  # opened in the twenty-second session
    assert not allowed(tmp_path / "tests/gold28/g28-01-x.gold.json")
    assert not allowed(tmp_path / "tests/gold29/g29-01-x.gold.json")
    assert not allowed(tmp_path / "tests/gold36/g36-01-x.gold.json")
    assert not allowed(tmp_path / "tests/gold40/g40-01-x.gold.json")
    assert not allowed(tmp_path / "tests/gold43/g43-01-x.gold.json")
    assert allowed(tmp_path / "tests/gold5/evt-mekong.gold.json")


def test_training_golds_read_only_the_allowed_folders(tmp_path: Path) -> None:
    shared, root = tmp_path / "shared", tmp_path / "repo"
    for folder in (shared / "corpus/dev2", root / "tests/gold5", root / "tests/gold28"):
        folder.mkdir(parents=True)
    for name in ("d2-003", "d2-031"):
        (shared / "corpus/dev2" / f"{name}.gold.json").write_text("{}", encoding="utf-8")
    (root / "tests/gold5/a.gold.json").write_text("{}", encoding="utf-8")
    (root / "tests/gold28/b.gold.json").write_text("{}", encoding="utf-8")
    names = {p.name for p in training_golds(shared, root)}
    assert {"d2-003.gold.json", "a.gold.json"} <= names
    assert not names & {"d2-031.gold.json", "b.gold.json"}


@pytest.mark.parametrize(
    "name",
    [
        "train_speakers",
        "train_events",
        "train_event_parties",
        "train_descriptions",
        "train_entity_keeper",
        "train_entity_typer",
        "train_entity_merger",
    ],
)
def test_no_training_script_reads_held_out_or_blind_files(tmp_path: Path, name: str) -> None:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    shared = tmp_path / "shared"
    dev2 = shared / "corpus/dev2"
    dev2.mkdir(parents=True)
    for n in (1, 24, 25, 36):
        (dev2 / f"d2-{n:03d}.gold.json").write_text("{}", encoding="utf-8")
    golds = script.training_golds(shared)
    names = {p.name for p in golds}
    assert "d2-024.gold.json" in names and not names & {"d2-025.gold.json", "d2-036.gold.json"}
    assert not any(part in BLIND_FOLDERS for p in golds for part in p.parts)
    for refused in (dev2 / "d2-031.gold.json", tmp_path / "tests/gold28/x.gold.json"):
        with pytest.raises(SystemExit, match="held-out or blind"):
            script.collect([refused])  # given by hand (--golds), still refused


def test_a_threshold_is_chosen_only_with_enough_right_added_events() -> None:
    rules = Counter(gold=100, found=50, system=60)
    curve = {
        0.1: Counter(gold=100, found=58, system=80, added=20, gained=8),  # right 0.40 of the time
        0.2: Counter(gold=100, found=56, system=66, added=6, gained=6),  # 6 of 6: kept
        0.3: Counter(gold=100, found=51, system=61, added=1, gained=1),  # 1 of 1 measures nothing
    }
    assert chosen_threshold(curve, rules) == 0.2
    del curve[0.2]
    assert chosen_threshold(curve, rules) == 1.0  # none qualifies: the learned part stays off


def test_speaker_rows_are_collected_with_the_stage_ids(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The keeper renumbers the entities it keeps after the quote stage recorded its speakers'
    # ids: a training run that reads stage ids off the analysis must run without it.
    from types import SimpleNamespace

    import veille.analysis.pipeline
    import veille.eval.harness
    from veille.eval import training

    class Stage:
        collect: list[object] | None = None

    class FakePipeline:
        def __init__(self) -> None:
            self.keeper: object | None = "keeper"
            self.stages = [("quotes", Stage())]

        def analyze(self, article: object) -> object | None:
            return self.keeper

    monkeypatch.setattr(veille.analysis.pipeline, "Pipeline", FakePipeline)
    monkeypatch.setattr(
        veille.eval.harness, "load_cases", lambda golds: [SimpleNamespace(article=None, gold=None)]
    )
    gold = tmp_path / "tests/gold3/conseil.gold.json"
    kept = [doc for _p, _g, doc, _r in training.collected([gold], Stage)]
    alone = [doc for _p, _g, doc, _r in training.collected([gold], Stage, same_ids=True)]
    assert kept == ["keeper"]
    assert alone == [None]
