"""``veille kb import-wikidata`` on a small dump written here in Wikidata's real layout."""

from __future__ import annotations

import bz2
import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from veille.cli import main
from veille.kb import open_kb, who_held
from veille.kb.format import read_kb
from veille.kb.wikidata import import_wikidata


def _snak(prop: str, value: Any) -> dict[str, Any]:
    if isinstance(value, str) and value.startswith("Q"):
        datavalue = {"value": {"entity-type": "item", "numeric-id": int(value[1:]), "id": value},
                     "type": "wikibase-entityid"}  # fmt: skip
    else:
        datavalue = {"value": value, "type": "string"}
    return {"snaktype": "value", "property": prop, "datavalue": datavalue}


def _time(prop: str, day: str, precision: int = 11) -> dict[str, Any]:
    return {"snaktype": "value", "property": prop, "datavalue": {"value": {
        "time": f"+{day}T00:00:00Z", "timezone": 0, "before": 0, "after": 0, "precision": precision,
        "calendarmodel": "http://www.wikidata.org/entity/Q1985727"}, "type": "time"}}  # fmt: skip


def _claim(prop: str, value: Any, qualifiers: dict[str, Any] | None = None) -> dict[str, Any]:
    claim: dict[str, Any] = {"mainsnak": _snak(prop, value), "type": "statement", "rank": "normal"}
    if qualifiers:
        claim["qualifiers"] = qualifiers
    return claim


def _item(
    qid: str,
    fr: str,
    en: str,
    claims: dict[str, list[dict[str, Any]]],
    aliases: dict[str, list[str]] | None = None,
) -> dict[str, Any]:
    return {
        "type": "item", "id": qid,
        "labels": {"fr": {"language": "fr", "value": fr}, "en": {"language": "en", "value": en}},
        "descriptions": {}, "aliases": {lang: [{"language": lang, "value": v} for v in values]
                                         for lang, values in (aliases or {}).items()},
        "claims": claims, "sitelinks": {},
    }  # fmt: skip


ITEMS = [
    _item("Q159", "Russie", "Russia", {"P31": [_claim("P31", "Q3624078")], "P298": [_claim("P298", "RUS")]}),
    _item("Q212", "Ukraine", "Ukraine", {"P31": [_claim("P31", "Q6256")], "P298": [_claim("P298", "UKR")]}),
    # The person comes before the positions, as in the real dump, where order is by id.
    _item(
        "Q7747",
        "Vladimir Poutine",
        "Vladimir Putin",
        {
            "P31": [_claim("P31", "Q5")],
            "P27": [_claim("P27", "Q159")],
            "P21": [_claim("P21", "Q6581097")],
            "P39": [
                _claim("P39", "Q218295", {"P580": [_time("P580", "2012-05-07")]}),
                _claim(
                    "P39",
                    "Q1370482",
                    {"P580": [_time("P580", "2008-05-08")], "P582": [_time("P582", "2012-05-07")]},
                ),
            ],
        },
        aliases={"fr": ["Poutine"], "en": ["Putin"]},
    ),
    _item("Q100", "Jean Sans-Poste", "John No-Post", {"P31": [_claim("P31", "Q5")]}),
    _item(
        "Q101",
        "Andrii Sybiha",
        "Andrii Sybiha",
        {
            "P31": [_claim("P31", "Q5")],
            "P27": [_claim("P27", "Q212")],
            "P39": [_claim("P39", "Q2000", {"P580": [_time("P580", "2024-09-05")]})],
        },
    ),
    _item(
        "Q218295",
        "président de la Fédération de Russie",
        "President of Russia",
        {"P31": [_claim("P31", "Q4164871")], "P1001": [_claim("P1001", "Q159")]},
    ),
    _item(
        "Q1370482",
        "président du gouvernement de la Fédération de Russie",
        "Prime Minister of Russia",
        {"P31": [_claim("P31", "Q4164871")], "P1001": [_claim("P1001", "Q159")]},
    ),
    _item(
        "Q2000",
        "ministre des Affaires étrangères de l'Ukraine",
        "Minister of Foreign Affairs of Ukraine",
        {"P31": [_claim("P31", "Q4164871")], "P1001": [_claim("P1001", "Q212")]},
    ),
    _item(
        "Q7184",
        "Organisation du traité de l'Atlantique nord",
        "NATO",
        {"P31": [_claim("P31", "Q484652")]},
        aliases={"fr": ["OTAN"]},
    ),
    _item(
        "Q1899",
        "Kyiv",
        "Kyiv",
        {"P31": [_claim("P31", "Q5119")], "P17": [_claim("P17", "Q212")]},
        aliases={"en": ["Kiev"]},
    ),
    _item("Q42", "Cheval", "Horse", {"P31": [_claim("P31", "Q16521")]}),
]


def write_dump(path: Path) -> Path:
    """Write ITEMS as Wikidata does: "[", one entity a line with a trailing comma, "]"."""
    lines = ["[\n"] + [json.dumps(item, ensure_ascii=False) + ",\n" for item in ITEMS[:-1]]
    lines += [json.dumps(ITEMS[-1], ensure_ascii=False) + "\n", "]\n"]
    data = "".join(lines).encode("utf-8")
    if path.name.endswith(".gz"):
        path.write_bytes(gzip.compress(data))
    elif path.name.endswith(".bz2"):
        path.write_bytes(bz2.compress(data))
    else:
        path.write_bytes(data)
    return path


@pytest.mark.parametrize("name", ["latest-all.json", "latest-all.json.gz", "latest-all.json.bz2"])
def test_import_keeps_people_with_positions_organisations_and_places(tmp_path: Path, name: str) -> None:
    dump = write_dump(tmp_path / name)
    out = tmp_path / "wikidata.jsonl"
    seen: list[int] = []
    counts = import_wikidata(dump, out, lambda done, total: seen.append(done))
    assert counts == {"PER": 2, "ORG": 1, "LOC": 3, "read": len(ITEMS)}
    assert seen and seen[-1] == dump.stat().st_size
    entities = {e.id: e for e in read_kb([out])}
    assert set(entities) == {"Q7747", "Q101", "Q7184", "Q1899", "Q159", "Q212"}  # no Q100 (no P39), no Q42
    putin = entities["Q7747"]
    assert putin.country == "RUS" and putin.gender == "m"
    assert putin.aliases["fr"] == ("Poutine",)
    roles = {(r.title, r.of, r.start, r.end) for r in putin.roles}
    assert ("président", "RUS", "2012-05-07", None) in roles
    assert entities["Q101"].roles[0].title == "ministre des Affaires étrangères"
    assert entities["Q1899"].country == "UKR"
    assert entities["Q212"].kind == "country" and entities["Q212"].country == "UKR"


def test_imported_kb_answers_the_office_query(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VEILLE_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "wikidata.jsonl"
    import_wikidata(write_dump(tmp_path / "dump.json"), out)
    kb = open_kb(out)
    assert [e.id for e in who_held("président", "RUS", "2025-12-04", kb=kb)] == ["Q7747"]
    minister = who_held("ministre des Affaires étrangères", "UKR", "2025-12-04", kb=kb)
    assert [e.id for e in minister] == ["Q101"]
    assert who_held("président", "RUS", "2010-01-01", kb=kb) == []


def test_cli_import_and_lookup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("VEILLE_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "wd.jsonl"
    assert main(["kb", "import-wikidata", str(write_dump(tmp_path / "d.json.gz")), "--out", str(out)]) == 0
    assert "kept 2 people" in capsys.readouterr().out
    assert main(["kb", "lookup", "Kiev", "--kb", str(out)]) == 0
    assert "Q1899" in capsys.readouterr().out
    assert main(["kb", "lookup", "Personne Inconnue", "--kb", str(out)]) == 1


def test_a_broken_line_is_an_input_error(tmp_path: Path) -> None:
    dump = tmp_path / "broken.json"
    dump.write_text('[\n{"type": "item", "id": "Q1",\n]\n', encoding="utf-8")
    assert main(["kb", "import-wikidata", str(dump), "--out", str(tmp_path / "x.jsonl")]) == 2
