"""The REST API over a store built from the example articles: every endpoint, every error path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from veille.api.config import MAX_PAGE, ServerConfig
from veille.store.db import connect
from veille.store.queries import find_entities, search
from veille.web.app import create_app

SEED_ID = "dc07d68e7a1a0c61"


def assert_error(response: Any, status: int, code: str) -> dict[str, Any]:
    """Every 4xx and 5xx carries exactly {"error": {"code", "message"}}."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code and body["error"]["message"]
    return body


def entity_id(client: TestClient, name: str) -> int:
    items = client.get("/api/entities", params={"q": name}).json()["items"]
    return int(items[0]["id"])


# --- reads ---------------------------------------------------------------------------------------


def test_health_counts_the_store(client: TestClient) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok" and body["counts"]["articles"] == 2


def test_articles_list_filters_and_pages(client: TestClient) -> None:
    items = client.get("/api/articles").json()["items"]
    assert [a["date"] for a in items] == ["2025-12-04", "2025-11-20"]  # latest first
    assert {a["source"] for a in items} == {"seed.txt", "hostile.txt"}
    assert [
        a["source"] for a in client.get("/api/articles", params={"q": "negociations"}).json()["items"]
    ] == ["seed.txt"]
    assert client.get("/api/articles", params={"since": "2025-12"}).json()["items"][0]["source"] == "seed.txt"
    assert [
        a["source"] for a in client.get("/api/articles", params={"until": "2025-11"}).json()["items"]
    ] == ["hostile.txt"]
    assert client.get("/api/articles", params={"source": "hostile.txt"}).json()["items"][0]["quotes"] == 1
    first = client.get("/api/articles", params={"limit": 1}).json()
    assert first["next_offset"] == 1 and first["limit"] == 1
    second = client.get("/api/articles", params={"limit": 1, "offset": 1}).json()
    assert second["next_offset"] is None
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_article_is_the_full_document(client: TestClient) -> None:
    body = client.get(f"/api/articles/{SEED_ID}").json()
    assert body["schema"] == "veille.analysis/1" and body["article"]["id"] == SEED_ID
    assert {"entities", "quotes", "timexes", "events", "amounts"} <= set(body)
    # The CLI's id prefixes work too.
    assert client.get(f"/api/articles/{SEED_ID[:8]}").json()["article"]["id"] == SEED_ID


def test_entities_by_any_variant_type_and_country(client: TestClient) -> None:
    items = client.get("/api/entities", params={"q": "Vladuimir Poutine"}).json()["items"]
    assert items[0]["name"] == "Vladimir Poutine" and "Poutine" in items[0]["variants"]
    assert all(
        e["type"] == "PER" for e in client.get("/api/entities", params={"type": "per"}).json()["items"]
    )
    russians = client.get("/api/entities", params={"country": "rus", "type": "PER"}).json()["items"]
    assert "Vladimir Poutine" in [e["name"] for e in russians]
    assert all(e["country"] == "RUS" for e in russians)


def test_entity_record_quotes_and_events(client: TestClient) -> None:
    putin = entity_id(client, "Poutine")
    body = client.get(f"/api/entities/{putin}").json()
    record = body["entity"]
    assert record["kb_id"] == "Q7747" and record["first_seen"] == record["last_seen"] == "2025-12-04"
    assert record["roles"] and record["roles"][0]["title"] == "président"
    assert record["events_as_recipient"] >= 1
    assert body["quotes_per_week"] == [["2025-W49", record["quotes"]]]
    quotes = client.get(f"/api/entities/{putin}/quotes").json()["items"]
    assert len(quotes) == record["quotes"] and all(q["speaker_id"] == putin for q in quotes)
    as_recipient = client.get(f"/api/entities/{putin}/events", params={"role": "recipient"}).json()["items"]
    assert as_recipient and all(putin in e["target_ids"] for e in as_recipient)
    as_actor = client.get(f"/api/entities/{putin}/events").json()["items"]
    assert all(putin in e["actor_ids"] for e in as_actor)


def test_quotes_by_speaker_variant_kind_period_and_words(client: TestClient) -> None:
    valtonen = client.get("/api/quotes", params={"speaker": "valtonen"}).json()["items"]
    assert valtonen and {q["speaker"] for q in valtonen} == {"Elina Valtonen"}
    assert all(
        q["kind"] == "direct" for q in client.get("/api/quotes", params={"kind": "direct"}).json()["items"]
    )
    assert client.get("/api/quotes", params={"since": "2025-12-05"}).json()["items"] == []
    hits = client.get("/api/quotes", params={"q": "cessez-le-feu"}).json()["items"]
    assert hits and all("cessez-le-feu" in q["text"] for q in hits)
    page_1 = client.get("/api/quotes", params={"limit": 2}).json()
    page_2 = client.get("/api/quotes", params={"limit": 2, "offset": 2}).json()
    assert page_1["next_offset"] == 2
    assert not {q["id"] for q in page_1["items"]} & {q["id"] for q in page_2["items"]}


def test_events_by_type_actor_recipient_place_and_period(client: TestClient) -> None:
    accuse = client.get("/api/events", params={"type": "accuse"}).json()["items"]
    assert accuse and {e["type"] for e in accuse} == {"ACCUSE"}
    by_vasseur = client.get("/api/events", params={"actor": "Vasseur"}).json()["items"]
    assert [e["targets"] for e in by_vasseur] == [["Marc Delorme"]]
    to_putin = client.get("/api/events", params={"recipient": "Poutine"}).json()["items"]
    assert to_putin and all("Vladimir Poutine" in e["targets"] for e in to_putin)
    assert client.get("/api/events", params={"until": "2025-11-30"}).json()["items"][0]["actors"] == [
        "Claire Vasseur"
    ]
    assert client.get("/api/events", params={"place": "Atlantide"}).json()["items"] == []
    words = client.get("/api/events", params={"q": "prefete"}).json()["items"]
    assert [e["actors"] for e in words] == [["Claire Vasseur"]]
    located = [e for e in client.get("/api/events", params={"limit": 200}).json()["items"] if e["location"]]
    for event in located:
        found = client.get("/api/events", params={"place": event["location"]}).json()["items"]
        assert all(e["location"] == event["location"] for e in found)


def test_graph_nodes_and_edges(client: TestClient) -> None:
    graph = client.get("/api/graph").json()
    ids = {n["id"] for n in graph["nodes"]}
    assert graph["edges"] and all(e["source"] in ids and e["target"] in ids for e in graph["edges"])
    only = client.get("/api/graph", params={"type": "ACCUSE", "actor": "Vasseur"}).json()
    assert [(e["type"], e["count"]) for e in only["edges"]] == [("ACCUSE", 1)]


def test_search_gives_the_cli_results_plus_entities(client: TestClient, built_store: Path) -> None:
    body = client.get("/api/search", params={"q": "negociations"}).json()
    conn = connect(built_store, readonly=True)
    try:
        cli = search(conn, "negociations", limit=20)
        entities = find_entities(conn, name="poutine", top=20)
    finally:
        conn.close()
    assert [a["id"] for a in body["articles"]] == [a.id for a in cli["articles"]]
    assert [q["id"] for q in body["quotes"]] == [q.id for q in cli["quotes"]]
    assert "\x02" not in str(body)  # the store's match markers stay out of JSON
    people = client.get("/api/search", params={"q": "poutine"}).json()["entities"]
    assert [e["id"] for e in people] == [e.id for e in entities]


# --- errors: one shape for every 4xx and 5xx ----------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/api/nowhere", 404, "not_found"),
        ("/api/articles/no-such-article", 404, "not_found"),
        ("/api/entities/999999", 404, "not_found"),
        ("/api/entities/999999/quotes", 404, "not_found"),
        ("/api/entities/999999/events", 404, "not_found"),
        ("/api/entities/abc", 422, "invalid_request"),
        ("/api/articles?limit=0", 422, "invalid_request"),
        (f"/api/articles?limit={MAX_PAGE + 1}", 422, "invalid_request"),
        ("/api/quotes?offset=-1", 422, "invalid_request"),
        ("/api/quotes?offset=10001", 422, "invalid_request"),
        ("/api/quotes?since=yesterday", 422, "invalid_request"),
        ("/api/quotes?kind=shouted", 422, "invalid_request"),
        ("/api/events?type=HUG", 422, "invalid_request"),
        ("/api/entities?type=ALIEN", 422, "invalid_request"),
        ("/api/entities?country=R", 422, "invalid_request"),
        ("/api/entities/1/events?role=bystander", 422, "invalid_request"),
        ("/api/graph?limit=5000", 422, "invalid_request"),
        ("/api/search", 422, "invalid_request"),
        ("/api/search?q=", 422, "invalid_request"),
    ],
)
def test_read_errors(client: TestClient, path: str, status: int, code: str) -> None:
    assert_error(client.get(path), status, code)


def test_wrong_method_and_bad_json(client: TestClient) -> None:
    refused = client.delete("/api/articles")
    assert_error(refused, 405, "method_not_allowed")
    assert refused.headers["allow"] == "GET, POST"
    assert_error(
        client.post("/api/analyze", content=b"{not json", headers={"content-type": "application/json"}),
        422,
        "invalid_request",
    )
    assert_error(client.post("/api/analyze", json={"text": "   "}), 422, "invalid_request")
    assert_error(
        client.post("/api/analyze", json={"text": "Bonjour.", "date": "2025-02-30"}), 422, "invalid_request"
    )
    assert_error(client.post("/api/analyze", json={}), 422, "invalid_request")


def test_request_size_is_capped(built_store: Path) -> None:
    app = create_app(ServerConfig(db_path=built_store, max_body_bytes=1000))
    with TestClient(app) as small:
        body = assert_error(small.post("/api/analyze", json={"text": "mot " * 400}), 413, "too_large")
        assert "1000 bytes" in body["error"]["message"]

        # A streamed body without a length is counted as it arrives.
        def chunks() -> Any:
            yield b'{"text": "'
            yield b"x" * 2000
            yield b'"}'

        response = small.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"})
        assert_error(response, 413, "too_large")
        # Text over the character cap is refused by validation, before any analysis.
    big = {"text": "a" * 200_001}
    with TestClient(create_app(ServerConfig(db_path=built_store))) as normal:
        assert_error(normal.post("/api/analyze", json=big), 422, "invalid_request")


def test_server_errors_keep_the_shape(built_store: Path, tmp_path: Path) -> None:
    app = create_app(ServerConfig(db_path=built_store))

    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("a bug")

    with TestClient(app, raise_server_exceptions=False) as broken:
        body = assert_error(broken.get("/api/boom"), 500, "internal")
        assert "a bug" not in body["error"]["message"]  # no internals leak
    # The store gone after start-up: 503, same shape.
    gone = tmp_path / "gone.db"
    app = create_app(ServerConfig(db_path=gone))
    gone.unlink()
    with TestClient(app) as missing:
        assert_error(missing.get("/api/articles"), 503, "store_unavailable")


# --- writes ------------------------------------------------------------------------------------------


TEXT = (
    "Lena Forsberg, la ministre suédoise des Finances, a déclaré mardi : « Nous ne céderons pas "
    "sur le budget de la défense. » Elle a rencontré jeudi à Oslo son homologue norvégien."
)


def test_analyze_returns_a_document_and_stores_nothing(client: TestClient) -> None:
    before = client.get("/api/health").json()["counts"]["articles"]
    body = client.post("/api/analyze", json={"text": TEXT, "date": "2025-03-06"}).json()
    assert body["schema"] == "veille.analysis/1" and body["article"]["date"] == "2025-03-06"
    assert any(e["name"] == "Lena Forsberg" for e in body["entities"])
    assert any("budget" in q["text"] for q in body["quotes"])
    assert client.get("/api/health").json()["counts"]["articles"] == before


def test_ingest_on_loopback_without_token(store_copy: Path) -> None:
    with TestClient(create_app(ServerConfig(db_path=store_copy))) as local:
        response = local.post("/api/articles", json={"text": TEXT, "date": "2025-03-06", "source": "wire"})
        assert response.status_code == 201, response.text
        stored = response.json()
        assert stored["outcome"] == "ingested"
        assert local.get(stored["url"]).json()["article"]["source"] == "wire"
        again = local.post("/api/articles", json={"text": TEXT, "date": "2025-03-06", "source": "wire"})
        assert again.status_code == 200 and again.json()["outcome"] == "skipped"
        assert local.get("/api/quotes", params={"speaker": "Forsberg"}).json()["items"]


def test_writes_need_the_token(store_copy: Path) -> None:
    app = create_app(ServerConfig(db_path=store_copy, token="s3cret"))
    with TestClient(app) as guarded:
        article = {"text": TEXT, "date": "2025-03-06", "id": "forsberg-1"}
        assert_error(guarded.post("/api/articles", json=article), 401, "unauthorized")
        assert guarded.post("/api/articles", json=article).headers["www-authenticate"] == "Bearer"
        wrong = {"authorization": "Bearer nope"}
        assert_error(guarded.post("/api/articles", json=article, headers=wrong), 401, "unauthorized")
        right = {"authorization": "Bearer s3cret"}
        response = guarded.post("/api/articles", json=article, headers=right)
        assert response.status_code == 201 and response.json()["id"] == "forsberg-1"
        assert_error(guarded.post("/api/articles", json={**article, "id": "bad id!"}, headers=right), 422,
                     "invalid_request")  # fmt: skip


def test_writes_off_beyond_loopback_without_token(store_copy: Path) -> None:
    app = create_app(ServerConfig(db_path=store_copy, host="0.0.0.0"))
    with TestClient(app) as open_host:
        assert_error(open_host.post("/api/articles", json={"text": TEXT}), 403, "forbidden")
        assert open_host.get("/api/health").status_code == 200  # reads stay open


def test_security_headers_and_no_cors(client: TestClient) -> None:
    for path in ("/api/health", "/", "/api/nowhere", "/static/app.js"):
        response = client.get(path, headers={"origin": "https://elsewhere.example"})
        assert response.headers["x-content-type-options"] == "nosniff"
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "access-control-allow-origin" not in response.headers
    preflight = client.options(
        "/api/articles",
        headers={"origin": "https://elsewhere.example", "access-control-request-method": "POST"},
    )
    assert "access-control-allow-origin" not in preflight.headers


def test_openapi_documents_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/entities", "/api/entities/{entity_id}",
                 "/api/quotes", "/api/events", "/api/search", "/api/analyze", "/api/graph"):  # fmt: skip
        assert path in paths
    assert "post" in paths["/api/articles"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui-bundle.js" in docs.text
    assert "<script>" not in docs.text.replace("<script src", "")  # no inline script
