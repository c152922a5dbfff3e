"""The pages, server-side: each renders, links to its JSON, escapes article text, and errors as HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from veille.api.config import ServerConfig
from veille.web.app import create_app

SEED_ID = "dc07d68e7a1a0c61"  # examples/seed.txt's id: a hash of its date and text


def entity_id(client: TestClient, name: str) -> int:
    return int(client.get("/api/entities", params={"q": name}).json()["items"][0]["id"])


def json_link(html: str) -> str:
    found = re.search(r'<a class="json" href="([^"]+)"', html)
    assert found, "the page has no link to its JSON"
    return found.group(1).replace("&amp;", "&")


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/articles",
        "/articles?q=negociations",
        f"/articles/{SEED_ID}",
        "/entities",
        "/entities?q=poutine&type=PER",
        "/events",
        "/events?type=ACCUSE&actor=Poutine&since=2025-12",
        "/search?q=negociations",
        "/search",
    ],
)
def test_page_renders_and_its_json_answers(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    if path != "/search":  # an empty search shows no data
        assert client.get(json_link(response.text)).status_code == 200


def test_entity_page_and_its_json(client: TestClient) -> None:
    putin = entity_id(client, "Poutine")
    html = client.get(f"/entities/{putin}").text
    assert "Vladimir Poutine" in html and "wikidata.org/wiki/Q7747" in html
    assert json_link(html) == f"/api/entities/{putin}"
    assert '<svg class="chart"' in html


def test_article_page_escapes_hostile_text(client: TestClient) -> None:
    hostile = client.get("/api/articles", params={"source": "hostile.txt"}).json()["items"][0]["id"]
    html = client.get(f"/articles/{hostile}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html


def test_search_page_lists_what_the_api_finds(client: TestClient) -> None:
    html = client.get("/search", params={"q": "cessez-le-feu"}).text
    api = client.get("/api/search", params={"q": "cessez-le-feu"}).json()
    for quote in api["quotes"]:
        assert f"/articles/{quote['sources'][0]['article']}" in html
    assert "<mark>" in html  # the matched words are highlighted in snippets


def test_missing_pages_answer_html_errors(client: TestClient) -> None:
    for path in ("/nowhere", "/articles/nothing-here", "/entities/999999"):
        response = client.get(path)
        assert response.status_code == 404 and "text/html" in response.headers["content-type"]
        assert "not_found" in response.text
    assert client.get("/entities/abc").status_code == 422


def test_analyze_page_highlights_a_pasted_text(client: TestClient) -> None:
    assert 'name="text"' in client.get("/analyze").text
    text = "Lena Forsberg a déclaré mardi : « Nous ne céderons pas sur le budget, jamais. »"
    html = client.post("/analyze", data={"text": text, "date": "2025-03-06"}).text
    assert 'class="quote' in html and 'data-speaker="Lena Forsberg"' in html
    assert 'class="tval">2025-03-04<' in html
    refused = client.post("/analyze", data={"text": "  ", "date": "2025-13-01"})
    assert refused.status_code == 422 and 'class="error"' in refused.text


def test_article_links_only_web_addresses(store_copy: Path) -> None:
    app = create_app(ServerConfig(db_path=store_copy))
    with TestClient(app) as local:
        for url, shown in (("javascript:alert(1)", False), ("https://example.org/a", True)):
            text = f"Lena Forsberg a parlé mardi à Oslo ({url})."
            stored = local.post("/api/articles", json={"text": text, "date": "2025-03-06", "url": url}).json()
            html = local.get(f"/articles/{stored['id']}").text
            assert (f'href="{url}"' in html) is shown
