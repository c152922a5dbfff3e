"""Reading gold files: every variant used by the project's golds loads; bad fields are named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from veille.errors import GoldError
from veille.eval.gold import load_gold, parse_gold

ROOT = Path(__file__).resolve().parents[2]


def test_the_seed_gold_loads_with_its_variants():
    gold = load_gold(ROOT / "examples" / "seed.gold.json")
    assert gold.name == "seed"
    assert gold.article.file == "seed.txt" and gold.article.date == "2025-12-04"
    putin = gold.entities[0]
    assert putin.forms == (
        "Vladimir Poutine",
        "Poutine",
        "Vladuimir Poutine",
        "le président russe",
        "le dirigeant russe",
    )
    assert putin.qid == "Q7747"
    assert [t.occurrence for t in gold.timexes if t.text == "mercredi"] == [1, 2]
    evening = [t for t in gold.timexes if "2025-12-03TEV" in t.values]
    assert len(evening) == 1 and evening[0].values == {"2025-12-03", "2025-12-03TEV"}
    assert [t.optional for t in gold.timexes if t.value == "PRESENT_REF"] == [True]  # Jusqu'à présent
    consult = gold.events[6]
    assert consult.symmetric and consult.types == {"CONSULT", "AGREE"} and consult.location == "Miami"
    assert sum(e.optional for e in gold.entities) == 2


def test_every_dev_gold_loads(dev_dir):
    golds = [load_gold(path) for path in sorted(dev_dir.glob("*.gold.json"))]
    assert len(golds) == 12
    assert all(gold.entities for gold in golds)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda g: g["entities"][1].update(type="PERSON"), "entities[1].type"),
        (lambda g: g["entities"][2].update(optinal=True), "entities[2].optinal"),
        (lambda g: g["entities"][0].update(mentions="Macron"), "entities[0].mentions"),
        (lambda g: g["entities"][0].update(qid="7747"), "entities[0].qid"),
        (
            lambda g: g["entities"].append({"name": "Berlin", "type": "LOC", "mentions": ["à Berlin"]}),
            "entities",
        ),
        (lambda g: g["quotes"][0].update(speaker="Angela Merkel"), "quotes[0].speaker"),
        (lambda g: g["quotes"][1].update(kind="reported"), "quotes[1].kind"),
        (lambda g: g["timexes"][0].update(occurrence=0), "timexes[0].occurrence"),
        (lambda g: g["timexes"][1].pop("value"), "timexes[1].value"),
        (lambda g: g["events"][0].update(type="MEET"), "events[0].type"),
        (lambda g: g["events"][1].update(target=[]), "events[1].target"),
        (lambda g: g["events"][2].update(accept_types=["AID", "GIVE"]), "events[2].accept_types[1]"),
        (lambda g: g["events"][0].update(symmetric="yes"), "events[0].symmetric"),
        (lambda g: g["events"][0].update(location="Paris"), "events[0].location"),
        (lambda g: g["article"].update(date="2025-13-45x"), "article.date"),
        (lambda g: g.update(format="veille.gold/2"), "format"),
    ],
)
def test_a_bad_field_raises_gold_error_naming_file_and_field(gold_data, change, field):
    change(gold_data)
    with pytest.raises(GoldError) as caught:
        parse_gold(gold_data, Path("corpus/petit.gold.json"))
    assert str(caught.value).startswith(f"corpus/petit.gold.json: {field}:")


def test_an_unknown_key_lists_the_keys_allowed_there(gold_data):
    gold_data["quotes"][0]["speakr"] = "Emmanuel Macron"
    with pytest.raises(GoldError) as caught:
        parse_gold(gold_data, Path("petit.gold.json"))
    assert str(caught.value) == (
        "petit.gold.json: quotes[0].speakr: unknown key (allowed: text, speaker, kind, optional, occurrence)"
    )
    with pytest.raises(GoldError, match=r"^petit\.gold\.json: expected an object, got a list$"):
        parse_gold([gold_data], Path("petit.gold.json"))


def test_unreadable_gold_files_raise_gold_error(tmp_path):
    broken = tmp_path / "broken.gold.json"
    broken.write_text('{"format": "veille.gold/1",', encoding="utf-8")
    with pytest.raises(GoldError, match=r"broken\.gold\.json: not JSON"):
        load_gold(broken)
    with pytest.raises(GoldError, match="cannot read"):
        load_gold(tmp_path / "absent.gold.json")
    latin = tmp_path / "latin.gold.json"
    latin.write_bytes(json.dumps({"notes": "é"}).encode("utf-8").replace(b"\\u00e9", b"\xe9"))
    with pytest.raises(GoldError, match="not UTF-8"):
        load_gold(latin)
