"""The link stage on cities: a name only one KB entry bears links alone; a homonym needs its
country named in the article; a person never links to a place. Documents built by hand."""

from __future__ import annotations

import pytest

from veille.analysis.entities.link import link_document
from veille.kb import open_kb
from veille.model import Article, Document, Entity, Mention


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    patch = pytest.MonkeyPatch()
    patch.setenv("VEILLE_CACHE_DIR", str(tmp_path_factory.mktemp("kbcache_places")))
    yield open_kb()
    patch.undo()


def _linked(kb, text: str, entities: list[tuple[str, str]]) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    """Link a document whose entities are (type, name), each named once in text."""
    built = []
    for n, (kind, name) in enumerate(entities, start=1):
        start = text.index(name)
        mention = Mention(start, start + len(name), name, "name")
        built.append(Entity(id=f"e{n}", name=name, type=kind, mentions=(mention,)))  # type: ignore[arg-type]
    doc = Document(article=Article(id="t", text=text, date="2025-12-04"), entities=tuple(built))
    return {e.name: e.kb_id for e in link_document(doc, kb).entities}


def test_unambiguous_cities_link_without_their_country(kb) -> None:  # type: ignore[no-untyped-def]
    text = "Des heurts ont eu lieu à Toulouse, à Grenoble et à Rabat, puis à Casablanca."
    got = _linked(
        kb, text, [("LOC", "Toulouse"), ("LOC", "Grenoble"), ("LOC", "Rabat"), ("LOC", "Casablanca")]
    )
    assert got == {"Toulouse": "Q7880", "Grenoble": "Q1289", "Rabat": "Q3551", "Casablanca": "Q7903"}


def test_a_homonym_needs_its_country(kb) -> None:  # type: ignore[no-untyped-def]
    alone = _linked(kb, "Le cortège a défilé à Valence.", [("LOC", "Valence")])
    assert alone == {"Valence": None}
    in_france = _linked(
        kb, "En France, le cortège a défilé à Valence.", [("LOC", "France"), ("LOC", "Valence")]
    )
    assert in_france["Valence"] == "veille:loc:valence"
    in_spain = _linked(
        kb, "En Espagne, le cortège a défilé à Valence.", [("LOC", "Espagne"), ("LOC", "Valence")]
    )
    assert in_spain["Valence"] == "Q8818"


def test_french_names_and_english_aliases_of_world_cities(kb) -> None:  # type: ignore[no-untyped-def]
    text = "De Bombay à Canton, puis Munich et Alep."
    got = _linked(kb, text, [("LOC", "Bombay"), ("LOC", "Canton"), ("LOC", "Munich"), ("LOC", "Alep")])
    assert got == {"Bombay": "Q1156", "Canton": "Q16572", "Munich": "Q1726", "Alep": "Q41183"}


def test_a_person_with_a_city_name_stays_unlinked(kb) -> None:  # type: ignore[no-untyped-def]
    assert _linked(kb, "Nancy a répondu aux questions.", [("PER", "Nancy")]) == {"Nancy": None}


def test_a_country_named_like_its_capital_links_to_the_country(kb) -> None:  # type: ignore[no-untyped-def]
    """Luxembourg, Monaco, Singapour: the state and its capital bear one name; the tie goes to
    the state. A homonym between two countries' cities (Valence) still stays unlinked."""
    text = "Des comptes au Luxembourg, à Monaco et à Singapour, et un bureau à Valence."
    got = _linked(
        kb, text, [("LOC", "Luxembourg"), ("LOC", "Monaco"), ("LOC", "Singapour"), ("LOC", "Valence")]
    )
    assert got == {"Luxembourg": "Q32", "Monaco": "Q235", "Singapour": "Q334", "Valence": None}


def test_a_capital_named_as_its_country_in_english_links_to_the_capital(kb) -> None:  # type: ignore[no-untyped-def]
    """Mexico is the capital's French name and the country's English one; in French the
    country is le Mexique, so the tie goes to the city (Q1489), and le Mexique stays Q96."""
    text = "Mexico réclame les pièces. Le Mexique a saisi l'Unesco."
    got = _linked(kb, text, [("LOC", "Mexico"), ("LOC", "Mexique")])
    assert got == {"Mexico": "Q1489", "Mexique": "Q96"}
