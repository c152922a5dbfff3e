"""Quotation marks and the cue lexicon, without the model."""

from __future__ import annotations

from veille.analysis.clean import clean_text
from veille.analysis.quotes.indirect import VERB_COMPLEMENT
from veille.analysis.quotes.lexicon import CueLexicon
from veille.analysis.quotes.marks import find_marked_spans
from veille.analysis.quotes.phrases import head_noun


def spans(raw: str) -> list[str]:
    text, paragraphs = clean_text(raw)
    return [s.text(text) for s in find_marked_spans(text, paragraphs)]


def test_pairs_every_kind_of_mark() -> None:
    assert spans('« un » puis “deux” puis "trois".') == ["un", "deux", "trois"]


def test_nested_marks_stay_inside_the_outer_quote() -> None:
    assert spans("« Il a dit “non” et « jamais » », a-t-il ajouté.") == ["Il a dit “non” et « jamais »"]


def test_unclosed_quote_closes_at_paragraph_end() -> None:
    assert spans("Il a dit : « nous partirons\n\nLe vote a lieu jeudi.") == ["nous partirons"]


def test_quote_reopened_in_next_paragraph_continues() -> None:
    raw = "Il a dit : « Premier paragraphe.\n\n« Second paragraphe. »"
    assert spans(raw) == ["Premier paragraphe.\n\n« Second paragraphe."]


def test_stray_closing_mark_and_empty_quote_never_fail() -> None:
    assert spans("Un » perdu et « » vide.") == []


def test_cue_lexicon_finds_inflected_forms() -> None:
    lexicon = CueLexicon.load()
    assert "avertir" in lexicon.candidates("avertissant")
    assert "considérer" in lexicon.candidates("considère")
    assert "dire" in lexicon.candidates("dit")
    assert "affirmer" in lexicon.candidates("affirme-t-il")
    assert lexicon.cues["croire"].scope == "incise"
    assert lexicon.cues["poursuivre"].scope == "incise"
    assert "surnommé" in lexicon.word_class("blocker")


def test_straight_quote_opening_a_word_nests_inside_a_straight_quotation() -> None:
    raw = '"Voir l\'exposition "Les Jardins du Nord" ouvrir enfin est une joie", a dit Anne Roux.'
    assert spans(raw) == ['Voir l\'exposition "Les Jardins du Nord" ouvrir enfin est une joie']


def test_straight_quotes_side_by_side_stay_apart() -> None:
    assert spans('Il a répondu "oui" puis "non".') == ["oui", "non"]


def test_reversed_marks_pair_as_a_quotation() -> None:
    assert spans("Il a lancé »Nous irons jusqu'au bout« devant la presse.") == ["Nous irons jusqu'au bout"]


def test_spaced_reversed_marks_before_an_incise_pair_as_a_quotation() -> None:
    text = "Le maire a répondu. » Nous avons tout essayé pour sauver l'usine «, a-t-il déclaré."
    assert spans(text) == ["Nous avons tout essayé pour sauver l'usine"]


def test_a_closing_mark_then_an_opening_one_stay_two_quotations() -> None:
    text = "« Nous irons au bout », a-t-il dit. » Le ministre parle d'une « erreur »."
    assert "erreur" in spans(text)


def test_role_and_organisation_nouns_come_from_the_entity_tables() -> None:
    lexicon = CueLexicon.load()
    assert {"gendarme", "syndicaliste"} <= lexicon.word_class("person")
    assert {"collectif", "juridiction"} <= lexicon.word_class("org")


def test_closing_mark_with_no_opener_before_an_incise_opens_at_the_paragraph() -> None:
    assert spans("Nous irons jusqu'au bout de ce combat », a déclaré Marc Roux.") == [
        "Nous irons jusqu'au bout de ce combat"
    ]


def test_a_description_is_read_by_its_noun_after_a_prenominal_adjective() -> None:
    # le grand chef, la petite commerçante: the short adjectives French puts before the noun
    # (the phrase as speakers.py passes it, past its determiner)
    assert head_noun("grand chef") == "chef"
    assert head_noun("petite commerçante du quartier") == "commerçante"
    assert head_noun("chef de l'État") == "chef"


def test_a_verb_with_a_complement_after_its_object_closes_no_sentence_as_an_incise() -> None:
    # …, accuse la SNTF d'avoir « … »: the verb's de-infinitive follows its object
    assert VERB_COMPLEMENT.match(" d'avoir « ignoré les alertes »")
    assert VERB_COMPLEMENT.match(" de ne pas respecter le contrat")
    # …, a précisé la SNTF à l'AFP.: an incise closing its sentence
    assert not VERB_COMPLEMENT.match(" à l'AFP.")
    assert not VERB_COMPLEMENT.match(" de Lyon, mardi.")
