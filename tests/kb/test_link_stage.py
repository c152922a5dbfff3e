"""The link stage: hand-built documents for the decisions, the seed through the full pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.analysis.entities.link import link_document
from veille.kb import open_kb
from veille.model import Article, Document, Entity, Mention, Role


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    patch = pytest.MonkeyPatch()
    patch.setenv("VEILLE_CACHE_DIR", str(tmp_path_factory.mktemp("kbcache")))
    yield open_kb()
    patch.undo()


def _doc(text: str, entities: list[tuple[str, str, list[str]]], date: str = "2025-12-04",
         roles: dict[str, tuple[Role, ...]] | None = None) -> Document:  # fmt: skip
    """Build a document whose entity n has the given type and name mentions (found in text)."""
    built = []
    for n, (kind, name, forms) in enumerate(entities, start=1):
        mentions = []
        for form in forms:
            start = text.index(form)
            mentions.append(Mention(start, start + len(form), form, "name"))
        built.append(Entity(id=f"e{n}", name=name, type=kind, mentions=tuple(mentions),  # type: ignore[arg-type]
                            roles=(roles or {}).get(f"e{n}", ())))  # fmt: skip
    return Document(article=Article(id="t", text=text, date=date), entities=tuple(built))


def _links(doc: Document) -> dict[str, str | None]:
    return {e.name: e.kb_id for e in doc.entities}


def test_names_typos_and_transliterations_link(kb) -> None:  # type: ignore[no-untyped-def]
    text = "Vladuimir Poutine a vu Volodymyr Zelenskyy à Kiyv puis l'Otan à Bruxelles et aux Etats-Unis."
    doc = _doc(text, [("PER", "Vladuimir Poutine", ["Vladuimir Poutine"]),
                      ("PER", "Volodymyr Zelenskyy", ["Volodymyr Zelenskyy"]),
                      ("LOC", "Kiyv", ["Kiyv"]), ("LOC", "Otan", ["Otan"]),
                      ("LOC", "Bruxelles", ["Bruxelles"]),
                      ("LOC", "Etats-Unis", ["Etats-Unis"])])  # fmt: skip
    assert _links(link_document(doc, kb)) == {
        "Vladuimir Poutine": "Q7747", "Volodymyr Zelenskyy": "Q3874799", "Kiyv": "Q1899",
        "Otan": "Q7184", "Bruxelles": "Q239", "Etats-Unis": "Q30",
    }  # fmt: skip


def test_a_linked_person_gets_country_and_the_role_held_that_day(kb) -> None:  # type: ignore[no-untyped-def]
    text = "Andrii Sybiha a parlé."
    linked = link_document(_doc(text, [("PER", "Andrii Sybiha", ["Andrii Sybiha"])]), kb).entities[0]
    assert linked.kb_id == "veille:per:andrii-sybiha" and linked.country == "UKR"
    assert Role("ministre des Affaires étrangères", "UKR", "2024-09-05", None) in linked.roles
    earlier = link_document(_doc(text, [("PER", "Andrii Sybiha", ["Andrii Sybiha"])], date="2023-05-01"), kb)
    assert earlier.entities[0].roles == ()  # not minister yet


def test_a_surname_alone_links_only_when_the_news_uses_it_alone(kb) -> None:  # type: ignore[no-untyped-def]
    text = "Poutine et Erdogan ont parlé ; la famille Cooper a un compte en Angleterre."
    doc = _doc(text, [("PER", "Poutine", ["Poutine"]), ("PER", "Erdogan", ["Erdogan"]),
                      ("PER", "Cooper", ["Cooper"]), ("LOC", "Angleterre", ["Angleterre"])])  # fmt: skip
    assert _links(link_document(doc, kb)) == {
        "Poutine": "Q7747", "Erdogan": "Q39259", "Cooper": None, "Angleterre": "Q21",
    }  # fmt: skip


def test_a_surname_links_when_the_text_gives_the_role(kb) -> None:  # type: ignore[no-untyped-def]
    text = "La ministre britannique des Affaires étrangères, Cooper, a parlé."
    role = (Role("ministre britannique des Affaires étrangères", None),)
    doc = _doc(text, [("PER", "Cooper", ["Cooper"])], roles={"e1": role})
    assert _links(link_document(doc, kb)) == {"Cooper": "veille:per:yvette-cooper"}


def test_nil_for_unknown_people_and_other_types(kb) -> None:  # type: ignore[no-untyped-def]
    text = "Jean Dupont, Andrew Cooper et Manchester United ont joué à Victoria contre Lens."
    doc = _doc(text, [("PER", "Jean Dupont", ["Jean Dupont"]), ("PER", "Andrew Cooper", ["Andrew Cooper"]),
                      ("ORG", "Manchester United", ["Manchester United"]), ("LOC", "Victoria", ["Victoria"]),
                      ("ORG", "Lens", ["Lens"])])  # fmt: skip
    assert set(_links(link_document(doc, kb)).values()) == {None}


def test_a_person_is_never_linked_to_a_place(kb) -> None:  # type: ignore[no-untyped-def]
    text = "Nice a parlé."
    assert _links(link_document(_doc(text, [("PER", "Nice", ["Nice"])]), kb)) == {"Nice": None}


def test_misc_full_name_takes_the_kb_type(kb) -> None:  # type: ignore[no-untyped-def]
    text = "Recep Tayyip Erdogan a parlé."
    linked = link_document(_doc(text, [("MISC", "Recep Tayyip Erdogan", ["Recep Tayyip Erdogan"])]), kb)
    assert (linked.entities[0].kb_id, linked.entities[0].type) == ("Q39259", "PER")


def test_a_title_alone_links_by_the_office_query(kb) -> None:  # type: ignore[no-untyped-def]
    text = "Le ministre ukrainien des Affaires étrangères a parlé."
    entity = Entity(id="e1", name="ministre ukrainien des Affaires étrangères", type="PER",
                    mentions=(Mention(0, 42, text[0:42], "description"),),
                    roles=(Role("ministre ukrainien des Affaires étrangères", "UKR"),))  # fmt: skip
    doc = Document(article=Article(id="t", text=text, date="2025-12-04"), entities=(entity,))
    assert link_document(doc, kb).entities[0].kb_id == "veille:per:andrii-sybiha"


SEED_PEOPLE = {
    "Andrii Sybiha": ("veille:per:andrii-sybiha", "foreign_minister", "UKR"),
    "Yvette Cooper": ("veille:per:yvette-cooper", "foreign_minister", "GBR"),
    "Margus Tsahkna": ("veille:per:margus-tsahkna", "foreign_minister", "EST"),
    "Elina Valtonen": ("veille:per:elina-valtonen", "foreign_minister", "FIN"),
    "Yuri Ushakov": ("veille:per:iouri-ouchakov", "foreign_policy_adviser", "RUS"),
    "Rustem Umerov": ("veille:per:roustem-oumerov", "chief_negotiator", "UKR"),
    "Steve Witkoff": ("veille:per:steve-witkoff", "envoy", "USA"),
    "Jared Kushner": ("veille:per:jared-kushner", "envoy", "USA"),
}


@pytest.mark.model
def test_seed_every_gold_qid_and_the_eight_people(pipeline) -> None:  # type: ignore[no-untyped-def]
    from veille.eval.gold import load_gold
    from veille.eval.matching import map_entities
    from veille.ingest import read_sources
    from veille.kb.offices import office_key

    examples = Path(__file__).resolve().parents[2] / "examples"
    (article,) = read_sources([str(examples / "seed.txt")])
    doc = pipeline.analyze(article)
    gold = load_gold(examples / "seed.gold.json")
    mapped = map_entities(gold, doc)
    for index, gold_entity in enumerate(gold.entities):
        system = doc.entity(mapped.main.get(index, ""))
        if gold_entity.qid and not gold_entity.optional:
            assert system is not None and system.kb_id == gold_entity.qid, gold_entity.name
        if gold_entity.name in SEED_PEOPLE:
            kb_id, office, of = SEED_PEOPLE[gold_entity.name]
            assert system is not None and system.kb_id == kb_id, gold_entity.name
            assert (office, of) in {(office_key(r.title, r.of), r.of) for r in system.roles}, gold_entity.name
