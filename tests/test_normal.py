"""The one name normaliser: its properties, and the cases that used to disagree."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from veille.normal import fold, name_key, strip_article, word_key

_ACCENTS = str.maketrans("eaiouc", "éàîôùç")
_APOSTROPHES = ("'", "’", "ʼ", "`")


@given(st.text())
def test_every_key_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
    assert word_key(word_key(text)) == word_key(text)
    assert name_key(name_key(text)) == name_key(text) or name_key(text).split()[0] in (
        "l",
        "le",
        "la",
        "les",
        "the",
    )


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1))
def test_keys_ignore_case_and_accents(text: str) -> None:
    assert name_key(text.upper()) == name_key(text) == name_key(text.translate(_ACCENTS))


@given(st.sampled_from(_APOSTROPHES), st.text(alphabet="abcdefghij", min_size=2))
def test_keys_ignore_the_apostrophe_style(apostrophe: str, word: str) -> None:
    assert name_key(f"l{apostrophe}{word}") == name_key(f"l'{word}") == word


@given(
    st.sampled_from(["le", "la", "les", "l'", "Le", "LES", "The"]), st.text(alphabet="abcdefgh", min_size=2)
)
def test_name_keys_ignore_a_leading_article(article: str, word: str) -> None:
    sep = "" if article.endswith("'") else " "
    assert name_key(f"{article}{sep}{word} x") == name_key(f"{word} x")


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("L'OTAN", "Otan"),
        ("l’OTAN", "OTAN"),
        ("États-Unis", "Etats Unis"),
        ("Kyiv (Ukraine)", "Kyiv Ukraine"),
        ("Niinistö", "Niinisto"),
        ("Les Républicains", "républicains"),
        ("« Poutine »", "Poutine"),
    ],
)
def test_spellings_of_one_name_share_a_key(left: str, right: str) -> None:
    assert name_key(left) == name_key(right)


@pytest.mark.parametrize(("left", "right"), [("Laval", "Val"), ("Lecornu", "Le Cornu"), ("Kiyv", "Kyiv")])
def test_different_names_keep_different_keys(left: str, right: str) -> None:
    assert name_key(left) != name_key(right)


def test_a_lone_article_is_a_word() -> None:
    assert strip_article("la") == "la"
    assert name_key("La") == "la"
    assert word_key("chef de l'État") == "chef de l etat"
