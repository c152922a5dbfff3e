"""attached_date: the date of the time expression attached to a clause, for quotes and events."""

from __future__ import annotations

import pytest

from veille.analysis.clean import clean_article
from veille.analysis.parse import parse_articles
from veille.analysis.time.attach import attached_date, day_value
from veille.analysis.time.stage import TimeStage
from veille.model import Article, Document

pytestmark = pytest.mark.model


def parse(nlp, text: str, date: str | None = "2025-12-04"):  # type: ignore[no-untyped-def]
    article = clean_article(Article(id="case", text=text, date=date, source="test"))
    parsed = next(iter(parse_articles(nlp, [article])))
    return TimeStage()(Document(article=article), parsed), parsed


def token(parsed, word: str) -> int:  # type: ignore[no-untyped-def]
    return next(t.i for t in parsed if t.text == word)


def test_past_weekday_dates_its_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, parsed = parse(nlp, "Les alliés ont accusé mercredi le président russe de feindre l'intérêt.")
    assert attached_date(doc, parsed, token(parsed, "accusé")) == "2025-12-03"


def test_modal_chain_shares_the_date(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, parsed = parse(nlp, "Les émissaires doivent rencontrer le négociateur ukrainien jeudi à Miami.")
    assert attached_date(doc, parsed, token(parsed, "rencontrer")) == "2025-12-04"
    assert attached_date(doc, parsed, token(parsed, "doivent")) == "2025-12-04"


def test_each_clause_gets_its_own_date(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, parsed = parse(nlp, "Le ministre a déclaré jeudi que les troupes avaient attaqué le port mardi.")
    assert attached_date(doc, parsed, token(parsed, "déclaré")) == "2025-12-04"
    assert attached_date(doc, parsed, token(parsed, "attaqué")) == "2025-12-02"


def test_part_of_day_is_cut_to_the_day(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, parsed = parse(nlp, "Mercredi en fin de journée, le président ukrainien a déclaré son soutien.")
    assert [t.value for t in doc.timexes] == ["2025-12-03TEV"]
    assert attached_date(doc, parsed, token(parsed, "déclaré")) == "2025-12-03"


def test_no_time_expression_gives_none(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, parsed = parse(nlp, "Le ministre a rencontré son homologue à Paris.")
    assert attached_date(doc, parsed, token(parsed, "rencontré")) is None


def test_other_sentence_is_not_attached(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, parsed = parse(nlp, "Le sommet a eu lieu mardi. Le ministre a rencontré son homologue à Paris.")
    assert attached_date(doc, parsed, token(parsed, "rencontré")) is None


def test_durations_and_unanchored_values_give_none(nlp) -> None:  # type: ignore[no-untyped-def]
    doc, parsed = parse(nlp, "Les discussions ont duré cinq heures.")
    assert attached_date(doc, parsed, token(parsed, "duré")) is None
    doc, parsed = parse(nlp, "Le ministre a démissionné mardi.", date=None)
    assert attached_date(doc, parsed, token(parsed, "démissionné")) is None


def test_day_value_keeps_day_month_or_year() -> None:
    assert day_value("2025-12-03TEV") == "2025-12-03"
    assert day_value("2015-04-30T05:45") == "2015-04-30"
    assert day_value("2025-12") == "2025-12"
    assert day_value("2022") == "2022"
    assert day_value("2025-W49") is None
    assert day_value("PRESENT_REF") is None
    assert day_value("PT5H") is None


def test_day_value_reads_a_season_or_quarter_as_its_year() -> None:
    # Au printemps 1985, … sont enlevés: the act is dated to its year.
    assert day_value("1985-SP") == "1985"
    assert day_value("2024-Q3") == "2024"
    assert day_value("2023-H1") == "2023"
    assert day_value("2025-W49-WE") is None


def test_a_time_after_a_perfect_infinitive_dates_that_earlier_act(nlp) -> None:  # type: ignore[no-untyped-def]
    # However the parser hangs "fin novembre", it tells when the insult was, not the accusation.
    doc, parsed = parse(
        nlp, "Le maire accuse son adversaire de l'avoir insulté dans une salle de Lyon fin novembre."
    )
    assert attached_date(doc, parsed, token(parsed, "accuse")) is None
    assert attached_date(doc, parsed, token(parsed, "insulté")) == "2025-11"
