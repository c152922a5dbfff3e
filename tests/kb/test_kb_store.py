"""The KB format, the SQLite build and cache, names, offices and the office query (no model)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from veille.cli import main
from veille.errors import InputError
from veille.kb import corpus_key, open_kb, store, who_held
from veille.kb.format import KBRole, merge_entities, parse_entity, read_kb
from veille.kb.names import demonym_forms, surname_of, translit_key
from veille.kb.query import parse_title, search
from veille.kb.store import build_kb, shipped_paths


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory, monkeypatch_module: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    return open_kb()


@pytest.fixture(scope="module")
def monkeypatch_module(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    patch = pytest.MonkeyPatch()
    patch.setenv("VEILLE_CACHE_DIR", str(tmp_path_factory.mktemp("kbcache")))
    yield patch
    patch.undo()


@pytest.mark.parametrize(
    ("variants", "same"),
    [
        (["Zelensky", "Zelenskyy", "Zelenskiy", "Zelenski"], True),
        (["Kyiv", "Kiyv"], True),
        (["Ouchakov", "Ushakov"], True),
        (["Poutine", "Putin"], False),  # French spelling adds an e: an alias, not a key, joins them
        (["Kyiv", "Kiev"], False),
    ],
)
def test_transliteration_variants_share_a_key(variants: list[str], same: bool) -> None:
    assert (len({translit_key(v) for v in variants}) == 1) is same


def test_surnames_keep_their_particles() -> None:
    assert surname_of("Ursula von der Leyen") == "von der Leyen"
    assert surname_of("Jean-Yves Le Drian") == "Le Drian"
    assert surname_of("Poutine") is None


def test_demonym_forms() -> None:
    assert demonym_forms("ukrainien") == ["ukrainien", "ukrainienne", "ukrainiennes", "ukrainiens"]
    assert demonym_forms("russe") == ["russe", "russes"]
    assert "finlandaise" in demonym_forms("finlandais")


@pytest.mark.parametrize(
    ("start", "end", "date", "held"),
    [
        ("2024-09-05", None, "2025-12-04", True),
        ("2024-09-05", None, "2024-09-04", False),
        ("2020-03-04", "2024-09-05", "2024-09-05", False),  # the successor holds it on the day
        ("2020-03-04", "2024-09-05", "2024-09-04", True),
        ("2025-05", None, "2025-05-01", True),
        ("2025", None, "2024-12-31", False),
        (None, "2019", "2019-12-31", True),
    ],
)
def test_role_dates(start: str | None, end: str | None, date: str, held: bool) -> None:
    assert KBRole("ministre", "UKR", start, end).active_on(date) is held


def test_bad_lines_say_where_and_why(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    line = '{"id": "Q1", "type": "PER", "name": {"fr": "X"}, "country": "Ukraine"}\n'
    bad.write_text(line, encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:1.*ISO 3166"):
        list(read_kb([bad]))
    with pytest.raises(InputError, match="bad id"):
        parse_entity({"id": "Poutine", "type": "PER", "name": {"fr": "P"}}, "x")
    with pytest.raises(InputError, match="YYYY"):
        roles = [{"title": "t", "start": "hier"}]
        parse_entity({"id": "Q1", "type": "PER", "name": "P", "roles": roles}, "x")


def test_later_lines_extend_and_replace_lets_a_user_correct() -> None:
    base = parse_entity({"id": "Q9", "type": "PER", "name": {"fr": "A B"}, "roles": [{"title": "roi"}]}, "a")
    more = parse_entity({"id": "Q9", "type": "PER", "name": {"fr": "A B"}, "aliases": {"fr": ["B"]}}, "b")
    fixed = parse_entity(
        {"id": "Q9", "type": "PER", "name": {"fr": "A B"}, "replace": True, "roles": [{"title": "pape"}]}, "c"
    )
    assert merge_entities([base, more])["Q9"].aliases["fr"] == ("B",)
    assert merge_entities([base, more])["Q9"].roles[0].title == "roi"
    assert [r.title for r in merge_entities([base, more, fixed])["Q9"].roles] == ["pape"]


def test_shipped_kb_parses_and_loads_fast(kb) -> None:  # type: ignore[no-untyped-def]
    entities = list(read_kb(shipped_paths()))
    assert len(entities) > 500
    started = time.perf_counter()
    reopened = open_kb()
    assert len(reopened) == len(kb)
    # Not a timing assertion on analysis: the budget for loading the shipped KB is 2 s.
    assert time.perf_counter() - started < 2.0


def test_every_un_permanent_member_and_organisation_is_there(kb) -> None:  # type: ignore[no-untyped-def]
    for name, qid in [("Chine", "Q148"), ("États-Unis", "Q30"), ("Royaume-Uni", "Q145"), ("Russie", "Q159"),
                      ("France", "Q142"), ("OTAN", "Q7184"), ("ONU", "Q1065"), ("UE", "Q458"),
                      ("FMI", "Q7804"), ("OMS", "Q7817"), ("OPEP", "Q7795"),
                      ("Pays-Bas", "Q55")]:  # fmt: skip
        assert qid in [e.id for e, _how, _score in search(name, kb)], name
    assert [e.id for e, _h, _s in search("G7", kb)] == ["veille:org:g7"]


@pytest.mark.parametrize(
    ("name", "qid"),
    [("Kiyv", "Q1899"), ("Kiev", "Q1899"), ("Zelenskyy", "Q3874799"), ("Zelenski", "Q3874799"),
     ("Poutine", "Q7747"), ("Otan", "Q7184"), ("Etats-Unis", "Q30"), ("Pékin", "Q956")],
)  # fmt: skip
def test_search_finds_variants(kb, name: str, qid: str) -> None:  # type: ignore[no-untyped-def]
    assert search(name, kb)[0][0].id == qid


def test_search_fuzzy_finds_a_typo(kb) -> None:  # type: ignore[no-untyped-def]
    hits = search("Vladuimir Poutine", kb)
    assert hits[0][0].id == "Q7747" and hits[0][1] == "fuzzy"


def test_fuzzy_answers_the_same_with_its_letters_kept_or_fetched(kb, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    # A letter's aliases are kept once fetched, within a bound on the rows kept in all;
    # past it, each ask fetches them again: the answers are the same either way.
    keys = [translit_key(name) for name in ("Vladuimir Poutine", "Emanuel Macron", "Olaf Scholtz")]
    fetched = store.KB(kb.path)
    monkeypatch.setattr(store, "_MAX_KEPT_ROWS", 0)
    assert [store.KB.fuzzy.__wrapped__(fetched, key) for key in keys] == [kb.fuzzy(key) for key in keys]
    assert not fetched._by_letter  # nothing kept past the bound
    assert any(kb.fuzzy(key) for key in keys)


@pytest.mark.parametrize(
    ("title", "of", "who"),
    [
        ("le ministre ukrainien des Affaires étrangères", None, "Andrii Sybiha"),
        ("la ministre britannique des Affaires étrangères", None, "Yvette Cooper"),
        ("ministre des Affaires étrangères", "EST", "Margus Tsahkna"),
        ("la ministre finlandaise des Affaires étrangères", None, "Elina Valtonen"),
        ("le conseiller du président russe pour les Affaires étrangères", None, "Iouri Ouchakov"),
        ("le principal négociateur ukrainien", None, "Roustem Oumerov"),
        ("l'envoyé du président américain", None, "Steve Witkoff"),
        ("le secrétaire général de l'OTAN", None, "Mark Rutte"),
        ("le président russe", None, "Vladimir Poutine"),
        ("le dirigeant ukrainien", None, "Volodymyr Zelensky"),
        ("le chancelier allemand", None, "Friedrich Merz"),
        ("le chef de la diplomatie américaine", None, "Marco Rubio"),
    ],
)
def test_office_query_on_the_seed_date(kb, title: str, of: str | None, who: str) -> None:  # type: ignore[no-untyped-def]
    holders = [e.label for e in who_held(title, of, "2025-12-04", kb=kb)]
    assert who in holders


def test_office_query_is_dated(kb) -> None:  # type: ignore[no-untyped-def]
    assert [e.label for e in who_held("ministre des Affaires étrangères", "UKR", "2023-01-01", kb=kb)] == [
        "Dmytro Kouleba"
    ]
    assert [e.label for e in who_held("ministre des Affaires étrangères", "GBR", "2025-01-01", kb=kb)] == [
        "David Lammy"
    ]
    assert who_held("ministre des Affaires étrangères", "TUV", "2025-12-04", kb=kb) == []


def test_parse_title_keeps_an_office_named_after_an_organisation(kb) -> None:  # type: ignore[no-untyped-def]
    assert parse_title("le président de la Commission européenne", kb) == ("commission_president", None)
    assert parse_title("le secrétaire général de l'ONU", kb) == ("secretary_general", "Q1065")


def test_user_file_extends_the_starter_kb(tmp_path: Path, monkeypatch_module) -> None:  # type: ignore[no-untyped-def]
    user = tmp_path / "mine.jsonl"
    lines = [
        {"format": "veille.kb/1", "extends": "starter"},
        {"id": "veille:per:jean-dupont", "type": "PER", "name": {"fr": "Jean Dupont"},
         "roles": [{"title": "maire", "of": "FRA", "start": "2020-07-03"}]},
    ]  # fmt: skip
    user.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    mine = open_kb(user)
    assert mine.get("veille:per:jean-dupont") is not None
    assert mine.get("Q7747") is not None


def test_corpus_key() -> None:
    assert corpus_key("Q7747", "Poutine") == "Q7747"
    assert corpus_key(None, "Zelenskyy") == corpus_key(None, "Zelensky")


def test_build_kb_checks_builds_and_copies(tmp_path: Path, monkeypatch_module) -> None:  # type: ignore[no-untyped-def]
    kb, count = build_kb(None, tmp_path / "out" / "kb.sqlite")
    assert count == len(kb) > 100
    assert (tmp_path / "out" / "kb.sqlite").stat().st_size > 0


def test_kb_lookup_formats(monkeypatch_module, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    assert main(["kb", "lookup", "Kiyv", "--format", "json"]) == 0
    (entry,) = [e for e in json.loads(capsys.readouterr().out) if e["id"] == "Q1899"]
    assert entry["type"] == "LOC" and entry["match"] and 0 < entry["score"] <= 1
    assert main(["kb", "lookup", "Kiyv", "--format", "jsonl"]) == 0
    assert "Q1899" in [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()]
    # Nothing found: an empty array for scripts, the reason on stderr, exit 1.
    assert main(["kb", "lookup", "Personne Inventée", "--format", "json"]) == 1
    out, err = capsys.readouterr()
    assert json.loads(out) == [] and "no KB entry" in err
    office = ["--office", "ministre des Affaires étrangères", "--of", "UKR", "--date", "2025-12-04"]
    assert main(["kb", "lookup", *office, "--format", "json"]) == 0
    (holder,) = json.loads(capsys.readouterr().out)
    assert holder["match"] == "office" and holder["roles_on_date"]
