"""The description ranker: its shipped weights, its features, and what it attaches or leaves
open on invented sentences (a definite description the rule steps leave unattached)."""

from __future__ import annotations

from typing import Any

import pytest

from veille.analysis.entities.descfeatures import FEATURES, Anaphor, Evidence, features
from veille.analysis.entities.descranker import load_ranker
from veille.analysis.lang.fr.tables import read_json
from veille.analysis.logistic import Logistic
from veille.model import Mention


def test_shipped_weights_name_every_feature_in_the_module_order() -> None:
    table = read_json("description_ranker.json")
    assert list(table["weights"]) == list(FEATURES)
    ranker = load_ranker()
    assert len(ranker.weights) == len(FEATURES)
    assert table["chosen_threshold"] <= ranker.threshold  # off (1.01), or on at chosen or above
    assert 0.5 <= table["chosen_threshold"] <= 1.0


def _trained() -> Logistic:
    """The shipped weights at the cross-validated threshold (the ranker switched on)."""
    table = read_json("description_ranker.json")
    return Logistic(load_ranker().weights, float(table["chosen_threshold"]))


def _evidence(**given: Any) -> Evidence:
    base: dict[str, Any] = dict(
        last_sentence=2,
        last_paragraph=1,
        salience=2,
        subject_of_previous_sentence=False,
        same_noun_said=False,
        same_class=False,
        has_title=False,
        name_holds_noun=False,
        complement_agrees=False,
        complement_differs=False,
        gender=None,
        entity_type="PER",
    )
    return Evidence(**(base | given))


def test_features_prefer_the_person_already_called_by_the_noun() -> None:
    anaphor = Anaphor(300, 311, "le ministre", "ministre", None, "m", 3, 1, role=True)
    titled_evidence, other_evidence = _evidence(same_noun_said=True, gender="m"), _evidence(last_sentence=3)
    every = [other_evidence, titled_evidence]  # the other one named more recently
    titled = features(anaphor, titled_evidence, 1, every)
    other = features(anaphor, other_evidence, 0, every)
    assert len(titled) == len(FEATURES)
    assert _trained().score(titled) > _trained().score(other)


def test_a_ranker_below_its_threshold_attaches_nothing() -> None:
    ranker = Logistic(weights=(0.0,) * len(FEATURES), threshold=0.9)
    assert ranker.score([1.0] * len(FEATURES)) == 0.5 < ranker.threshold


def _owner(doc: Any, text: str, phrase: str) -> str | None:
    start = text.index(phrase)
    return next(
        (e.name for e in doc.entities for m in e.mentions if m.start == start and m.kind == "description"),
        None,
    )


def _titled(text: str, name: str, title: str, cls: str, area: str | None) -> Any:
    """A man named in the text with one title read (its class and area as roles.tsv gives)."""
    from veille.analysis.entities.clusters import RoleFact
    from veille.model import Role

    cluster = _cluster(text, name, gender="m")
    cluster.roles.append(RoleFact(Role(title), cls, area))
    return cluster


def _cluster(text: str, name: str, **given: Any) -> Any:
    from veille.analysis.entities.clusters import Cluster
    from veille.model import Mention

    start = text.index(name)
    return Cluster([Mention(start, start + len(name), name, "name")], "PER", **given)


def _attach(nlp: Any, text: str, clusters: list[Any]) -> None:
    from veille.analysis.entities.descranker import attach_descriptions
    from veille.analysis.entities.referents import load_referents
    from veille.analysis.entities.rolenouns import load_roles

    attach_descriptions(clusters, nlp(text), [0], load_roles(), load_referents(), ranker=_trained())


@pytest.mark.model
def test_the_one_minister_named_before_gets_le_ministre(nlp: Any) -> None:
    text = (
        "Paul Girard, ministre de l'Agriculture, a visité une ferme de la Manche mardi. "
        "Les éleveurs réclament des aides depuis des mois. "
        "Le ministre a promis une réponse avant l'été."
    )
    girard = _titled(text, "Paul Girard", "ministre de l'Agriculture", "minister", "agriculture")
    clusters = [girard, _cluster(text, "Manche")]
    clusters[1].type = "LOC"
    _attach(nlp, text, clusters)
    assert [m.text for m in girard.mentions if m.kind == "description"] == ["Le ministre"]


@pytest.mark.model
def test_two_untitled_people_and_a_bare_noun_leave_it_open(nlp: Any) -> None:
    text = (
        "Paul Girard et Marc Aubert ont rencontré les habitants du quartier lundi soir. "
        "La réunion a duré trois heures. "
        "Le responsable a quitté la salle sans un mot."
    )
    clusters = [_cluster(text, "Paul Girard", gender="m"), _cluster(text, "Marc Aubert", gender="m")]
    _attach(nlp, text, clusters)
    assert all(m.kind == "name" for c in clusters for m in c.mentions)


@pytest.mark.model
def test_an_epithet_none_of_the_candidates_titles_holds_rules_it_out(nlp: Any) -> None:
    text = (
        "Luc Marchand, tête de liste écologiste, et Henri Vasseur, candidat de la droite, "
        "ont débattu mardi soir à la mairie. Le public a été nombreux. "
        "Le candidat écologiste a défendu son programme."
    )
    marchand = _titled(text, "Luc Marchand", "tête de liste écologiste", "candidate", None)
    vasseur = _titled(text, "Henri Vasseur", "candidat de la droite", "candidate", None)
    _attach(nlp, text, [marchand, vasseur])
    assert all(m.kind == "name" for m in vasseur.mentions)  # écologiste is not said of him


@pytest.mark.model
def test_a_name_in_the_complement_does_not_hide_the_description(nlp: Any) -> None:
    """Le président de l'Union des boulangers: the union is an entity of its own, its mention
    inside the complement does not make the description a covered phrase."""
    from veille.analysis.entities import descriptions
    from veille.analysis.entities.referents import load_referents
    from veille.analysis.entities.rolenouns import load_roles

    text = (
        "Marc Aubert, président de l'Union des boulangers, a été reçu mardi à la préfecture. "
        "Les artisans dénoncent la hausse du prix de la farine. "
        "Le président de l'Union des boulangers a réclamé un geste de l'État."
    )
    aubert = _titled(text, "Marc Aubert", "président de l'Union des boulangers", "leader", None)
    union = _cluster(text, "Union des boulangers")
    union.type = "ORG"
    second = text.rindex("Union des boulangers")
    union.mentions.append(
        Mention(second, second + len("Union des boulangers"), "Union des boulangers", "name")
    )
    found = descriptions.find([aubert, union], nlp(text), [0], load_roles(), load_referents())
    said = [f for f in found if f.anaphor.text == "Le président de l'Union des boulangers"]
    assert said and said[0].candidates[0][0] is aubert


@pytest.mark.model
def test_a_role_of_several_words_is_said_only_by_a_title_holding_them_all(nlp: Any) -> None:
    """Le président de la République is not the noun said of the one titled président de la
    Fédération des boulangers: a role of several words counts as said only when one title
    holds all its content words; the head alone (le président) still counts."""
    from veille.analysis.entities import descriptions
    from veille.analysis.entities.referents import load_referents
    from veille.analysis.entities.rolenouns import load_roles

    text = (
        "Marc Aubert, président de la Fédération des boulangers, a été reçu mardi à la préfecture. "
        "Les artisans dénoncent la hausse du prix de la farine. "
        "Le président de la République a promis un geste. Le président a salué ce geste."
    )
    aubert = _titled(text, "Marc Aubert", "président de la Fédération des boulangers", "leader", None)
    found = descriptions.find([aubert], nlp(text), [0], load_roles(), load_referents())
    said = {f.anaphor.text: f.candidates[0][1].same_noun_said for f in found}
    assert said["Le président de la République"] is False
    assert said["Le président"] is True
