"""Which annotated articles a learned model or an error listing may read."""

from __future__ import annotations

from pathlib import Path

from veille.eval.training import allowed, training_golds


def test_held_out_dev2_and_blind_sets_are_refused(tmp_path: Path) -> None:
    assert allowed(tmp_path / "corpus/dev2/d2-024.gold.json")
    assert not allowed(tmp_path / "corpus/dev2/d2-025.gold.json")
    assert allowed(tmp_path / "tests/gold3/conseil.gold.json")  # opened in the fifth session
    assert allowed(tmp_path / "tests/gold7/recif.gold.json")  # opened in the sixth session
    assert allowed(tmp_path / "tests/gold9/b3-01-sommet.gold.json")  # opened in the seventh session
    assert allowed(tmp_path / "tests/gold10/b4-01-x.gold.json")  # opened in the eighth session
    assert not allowed(tmp_path / "tests/gold15/b6-01-x.gold.json")
    assert allowed(tmp_path / "tests/gold12/b5-01-x.gold.json")  # opened in the ninth session
    assert not allowed(tmp_path / "tests/gold17/b7-01-x.gold.json")
    assert allowed(tmp_path / "tests/gold5/evt-mekong.gold.json")


def test_training_golds_read_only_the_allowed_folders(tmp_path: Path) -> None:
    shared, root = tmp_path / "shared", tmp_path / "repo"
    for folder in (shared / "corpus/dev2", root / "tests/gold5", root / "tests/gold15"):
        folder.mkdir(parents=True)
    for name in ("d2-003", "d2-031"):
        (shared / "corpus/dev2" / f"{name}.gold.json").write_text("{}", encoding="utf-8")
    (root / "tests/gold5/a.gold.json").write_text("{}", encoding="utf-8")
    (root / "tests/gold15/b.gold.json").write_text("{}", encoding="utf-8")
    names = {p.name for p in training_golds(shared, root)}
    assert {"d2-003.gold.json", "a.gold.json"} <= names
    assert not names & {"d2-031.gold.json", "b.gold.json"}
