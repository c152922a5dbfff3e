"""The shared syntax and French layers: one tense reader, one clause reader, one morphology."""

from __future__ import annotations

import pytest

from veille.analysis.lang.fr.morphology import infinitive_guesses, is_future_form
from veille.analysis.syntax.tense import direction, is_conditional, is_future

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("form", "lemma", "future"),
    [
        ("rencontrera", "rencontrer", True),
        ("rencontrerons", "rencontrer", True),
        ("rencontrerez", "rencontrer", True),
        ("rencontreront", "rencontrer", True),
        ("recevra", "recevoir", True),
        ("sera", "être", True),
        ("rencontra", "rencontrer", False),  # passé simple
        ("déclarons", "déclarer", False),  # present of a verb whose stem ends in r
        ("ouvrez", "ouvrir", False),
        ("entrons", "entrer", False),
    ],
)
def test_future_endings_tell_the_future_from_its_look_alikes(form: str, lemma: str, future: bool) -> None:
    assert is_future_form(form, lemma) is future


@pytest.mark.parametrize(
    ("form", "infinitive"),
    [("données", "donner"), ("avertissant", "avertir"), ("considère", "considérer"), ("affirmé", "affirmer")],
)
def test_infinitive_guesses_include_the_regular_infinitive(form: str, infinitive: str) -> None:
    assert infinitive in infinitive_guesses(form)


@pytest.mark.parametrize(
    ("sentence", "verb", "expected"),
    [
        ("Nous rencontrerons le ministre jeudi.", "rencontrerons", "future"),
        ("Le ministre a rencontré son homologue jeudi.", "rencontré", "past"),
        ("Les deux ministres doivent se rencontrer jeudi.", "rencontrer", "future"),
        ("La délégation est arrivée mercredi.", "arrivée", "past"),
        ("Le ministre rencontre son homologue aujourd'hui.", "rencontre", "nearest"),
        # a conditional the tagger calls an imperfect, and the imperfects of -rer verbs
        ("Le ministre viendrait à Rennes mardi.", "viendrait", "future"),
        ("Il espérait une victoire mardi.", "espérait", "past"),
        ("Le match durait depuis mardi.", "durait", "past"),
    ],
)
def test_one_tense_reader(nlp, sentence: str, verb: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    token = next(t for t in nlp(sentence) if t.text == verb)
    assert direction(token) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Les bibliothèques resteront fermées jusqu'à mardi.", "future"),
        ("Les gymnases demeureront fermés jusqu'à lundi.", "future"),
        ("La route est restée coupée jusqu'à lundi.", "past"),
    ],
)
def test_a_predicative_participle_takes_its_verbs_tense(nlp, sentence: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    # the predicate of rester, demeurer (the parser's xcomp) tells a state at that verb's
    # time; read alone, as a bare participle, it would be past
    token = next(t for t in nlp(sentence) if t.dep_ == "xcomp" and "Part" in t.morph.get("VerbForm"))
    assert direction(token) == expected


def test_a_first_person_future_is_planned_in_events(analyze) -> None:  # type: ignore[no-untyped-def]
    # -rons and -rez futures were read as the future by the time stage only; one reader now.
    doc = analyze("« Nous rencontrerons Volodymyr Zelensky jeudi », a déclaré Emmanuel Macron.")
    consults = [e for e in doc.events if e.type == "CONSULT"]
    assert consults and all(e.modality == "planned" for e in consults)


def test_is_future_reads_the_tagger_and_the_endings(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Elle recevra la délégation et nous signerons l'accord.")
    assert is_future(next(t for t in doc if t.text == "recevra"))
    assert is_future(next(t for t in doc if t.text == "signerons"))


def test_caps_heading_tense_is_read_on_its_words() -> None:
    from veille.analysis.syntax.tense import caps_direction, is_all_caps

    assert is_all_caps("LA PISCINE DE VARENNES ROUVRIRA LUNDI")
    assert not is_all_caps("La piscine ROUVRIRA lundi")
    assert caps_direction("LA PISCINE DE VARENNES ROUVRIRA LUNDI") == "future"
    assert caps_direction("LE MAIRE A DÉMISSIONNÉ MARDI") == "past"
    assert caps_direction("GRÈVE DES CONTRÔLEURS CE SAMEDI") == "nearest"  # no verb: the present


def test_a_planning_participle_points_ahead() -> None:
    from veille.analysis.syntax.tense import after_planning_participle

    assert after_planning_participle("La réunion, prévue le ")
    assert after_planning_participle("le concert a été reporté au ")
    assert after_planning_participle("un vote programmé pour ")
    assert not after_planning_participle("Le maire a signé le ")


def test_a_planning_participle_after_avoir_is_a_compound_past() -> None:
    from veille.analysis.syntax.tense import after_planning_participle

    # the verb of a compound past: the time right after it is the act's own
    assert not after_planning_participle("La préfecture a convoqué ")
    assert not after_planning_participle("Le conseil l'a reporté ")
    assert not after_planning_participle("les élus avaient fixé ")
    # a link word names the date it set; no avoir, the participle is a schedule
    assert after_planning_participle("La préfecture a convoqué pour ")
    assert after_planning_participle("le syndic a reporté au ")
    assert after_planning_participle("La commission, convoquée ")
    assert after_planning_participle("le vote a été reporté ")


@pytest.mark.parametrize(
    ("sentence", "verb", "conditional"),
    [
        ("Le président dissoudrait l'Assemblée en cas de défaite.", "dissoudrait", True),
        ("Le syndicat déclarerait la grève si la direction refusait.", "déclarerait", True),
        ("Le ministre déclarait alors que rien ne changerait.", "déclarait", False),
        ("Les pêcheurs espéraient une aide de la région.", "espéraient", False),
    ],
)
def test_is_conditional_reads_the_endings_when_the_tagger_says_imperfect(
    nlp, sentence: str, verb: str, conditional: bool
) -> None:  # type: ignore[no-untyped-def]
    token = next(t for t in nlp(sentence) if t.text == verb)
    assert is_conditional(token) is conditional
