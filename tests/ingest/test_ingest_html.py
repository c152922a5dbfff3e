"""HTML pages: main content through trafilatura, title and date from the page."""

from __future__ import annotations

import pytest

from veille.errors import InputError
from veille.ingest.html import declared_charset, parse_html
from veille.ingest.sources import parse_bytes

PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Kyiv : les pourparlers reprennent</title>
<meta property="article:published_time" content="2025-12-03T10:00:00+01:00"></head>
<body><nav><a href="/">Accueil</a> <a href="/monde">Monde</a> <a href="/politique">Politique</a></nav>
<article><h1>Kyiv : les pourparlers reprennent</h1>
<p>Le ministre ukrainien des Affaires étrangères a déclaré mercredi que les discussions reprendraient
à Genève la semaine prochaine, après une longue pause.</p>
<h2>Une rencontre à Genève</h2>
<p>« Nous sommes prêts à discuter », a-t-il ajouté devant la presse,<br>sans donner plus de détails
sur le calendrier des rencontres prévues.</p>
<p>Les Européens ont salué cette annonce et promis de soutenir les efforts diplomatiques en cours.</p>
</article><footer>Tous droits réservés, Le Journal</footer></body></html>"""


def test_main_text_title_and_date_come_from_the_page() -> None:
    article = parse_html(PAGE, source="page.html")
    assert article.title == "Kyiv : les pourparlers reprennent"
    assert article.date == "2025-12-03"
    paragraphs = article.text.split("\n\n")
    assert paragraphs == [
        "Le ministre ukrainien des Affaires étrangères a déclaré mercredi que les discussions reprendraient "
        "à Genève la semaine prochaine, après une longue pause.",
        "Une rencontre à Genève",
        "« Nous sommes prêts à discuter », a-t-il ajouté devant la presse, sans donner plus de détails "
        "sur le calendrier des rencontres prévues.",
        "Les Européens ont salué cette annonce et promis de soutenir les efforts diplomatiques en cours.",
    ]
    assert "Accueil" not in article.text and "droits" not in article.text


def test_a_page_without_a_date_takes_the_default() -> None:
    page = PAGE.replace('<meta property="article:published_time" content="2025-12-03T10:00:00+01:00">', "")
    assert parse_html(page, source="p.html").date is None
    assert parse_html(page, source="p.html", default_date="2025-12-04").date == "2025-12-04"


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Accueil</title></head><body><nav>Menu Monde Sport</nav></body></html>",
        "<html><body></body></html>",
        "<<<>>> <html",
    ],
    ids=["menu-only", "empty-body", "garbage"],
)
def test_a_page_without_article_text_is_refused(page: str) -> None:
    with pytest.raises(InputError, match=r"^dir/p\.html: no article text found in HTML$"):
        parse_html(page, source="p.html", where="dir/p.html")


def test_malformed_html_still_gives_its_text() -> None:
    page = (
        "<html><body><div><p>Le Premier ministre a présenté mardi un plan de relance de l'industrie"
        " <b>sans fermer la balise<p>Les syndicats ont réagi avec prudence à cette annonce du gouvernement"
        " </div></span></body>"
    )
    article = parse_html(page, source="p.html")
    assert "plan de relance" in article.text
    assert "Les syndicats ont réagi" in article.text


def test_a_latin1_page_is_decoded_through_its_declared_charset() -> None:
    page = PAGE.replace(
        '<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    )
    data = page.encode("latin-1")
    assert declared_charset(data) == "iso-8859-1"
    article = parse_bytes(data, "html", source="p.html", where="p.html")
    assert "Affaires étrangères a déclaré" in article.text
