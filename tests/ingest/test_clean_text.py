"""Cleaning: paragraphs, headings, glued tokens, apostrophes, spaces; quotation marks kept."""

from __future__ import annotations

from pathlib import Path

from veille.analysis.clean import clean_text
from veille.ingest.text import parse_text


def _paragraphs(raw: str) -> list[tuple[str, bool]]:
    text, paragraphs = clean_text(raw)
    return [(text[p.start : p.end], p.heading) for p in paragraphs]


def test_blank_line_runs_become_one_paragraph_break() -> None:
    text, _ = clean_text("Premier paragraphe.\n\n\n\n  \n\t\nSecond paragraphe.\n\n")
    assert text == "Premier paragraphe.\n\nSecond paragraphe."


def test_crlf_cr_and_unicode_separators_are_line_breaks() -> None:
    assert clean_text("Un.\r\n\r\nDeux.\r\rTrois.\u2029Quatre.")[0] == "Un.\n\nDeux.\n\nTrois.\n\nQuatre."


def test_a_hard_wrapped_sentence_is_joined_but_a_new_line_starting_a_sentence_is_not() -> None:
    raw = "Le ministre a déclaré que les\nnégociations reprendraient.\nLa Russie a refusé."
    assert _paragraphs(raw) == [
        ("Le ministre a déclaré que les négociations reprendraient.", False),
        ("La Russie a refusé.", False),
    ]


def test_headings_are_short_lines_without_final_punctuation() -> None:
    raw = (
        "Les Européens renforcent leur aide\n\n"
        "La réunion a duré cinq heures.\n\n"
        '"Résilience"\n\n'
        "« Nous partirons demain. »\n\n"
        "Se tourner vers Airbnb « pour faire face à l'augmentation du coût de la vie »\n\n"
        "et une ligne en minuscules"
    )
    assert [heading for _text, heading in _paragraphs(raw)] == [True, False, True, False, True, False]


def test_glued_name_is_split_but_addresses_and_abbreviations_are_not() -> None:
    text, _ = clean_text(
        "Steve Witkoff et Jared Kushner, gendre de Donald.doivent partir. Voir Lemonde.fr et M.le maire."
    )
    assert "Donald doivent" in text
    assert "Lemonde.fr" in text and "M.le maire" in text


def test_apostrophes_become_ascii_but_quotation_marks_stay() -> None:
    raw = 'L’OTAN a dit « non », puis “peut-être” et "jamais" ; c‘est aujourd’hui.'
    text, _ = clean_text(raw)
    assert text == "L'OTAN a dit « non », puis “peut-être” et \"jamais\" ; c'est aujourd'hui."


def test_no_break_and_thin_spaces_become_plain_spaces_and_runs_collapse() -> None:
    text, _ = clean_text("Il a dit\u00a0: «\u202fnon\u202f»\u2009!   Fin\t\tdu\u2003texte.")
    assert text == "Il a dit : « non » ! Fin du texte."


def test_invisible_and_control_characters_go_without_breaking_accents() -> None:
    text, _ = clean_text("e\u200b\u0301t\u00e9\u00ad \x07fin\ufeff.")
    assert text == "été fin."


def test_seed_cleaning(seed_text: str) -> None:
    article = parse_text(seed_text, source="seed.txt")
    text, paragraphs = clean_text(article.text)
    assert text.startswith("L'Ukraine et ses alliés européens ont accusé mercredi")
    assert "Donald doivent" in text and "Donald.doivent" not in text
    assert "\n\n\n" not in text
    headings = [text[p.start : p.end] for p in paragraphs if p.heading]
    assert headings == [
        "Les émissaires américains rencontrent les responsables ukrainiens",
        "Les Européens renforcent leur aide à l'Ukraine",
    ]
    assert '"cesser de faire perdre du temps au monde"' in text


# Headings of the dev articles, found by reading them (intertitles, not ledes).
DEV_HEADINGS = {
    "fr-002": ["Apparence de justice"],
    "fr-005": ["Céréales, légumes et plantes ornementales", "Thème récurrent", "Deux initiatives"],
    "fr-010": ["Un point c'est tout pour les Red Devils", "Arsenal se donne de l'air"],
    "fr-015": ['"Résilience"'],
    "fr-021": ["Se tourner vers Airbnb « pour faire face à l'augmentation du coût de la vie »"],
    "fr-023": ["Des soldats américains déployés dans le Nord-Est syrien"],
    "fr-033": ["Un risque accru de vague Belharra", "Sauver les huîtres du banc d'Arguin, avant Noël",
               "Beaucoup de plages fermées"],
}  # fmt: skip


def test_dev_articles_clean_to_tidy_paragraphs_with_their_headings(dev_dir: Path) -> None:
    for path in sorted(dev_dir.glob("*.txt")):
        article = parse_text(path.read_text(encoding="utf-8"), source=path.name)
        text, paragraphs = clean_text(article.text)
        assert "\n\n\n" not in text and "\r" not in text and "\u00a0" not in text
        assert "’" not in text, path.name
        assert text.count("«") == article.text.count("«") and text.count("»") == article.text.count("»")
        for paragraph in paragraphs:
            chunk = text[paragraph.start : paragraph.end]
            assert chunk and chunk == chunk.strip() and "\n" not in chunk
        headings = [text[p.start : p.end] for p in paragraphs if p.heading]
        assert headings == DEV_HEADINGS.get(path.stem, []), path.name
        assert clean_text(text) == (text, paragraphs), path.name
