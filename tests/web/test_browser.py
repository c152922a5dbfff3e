"""The pages in a real browser: Debian's chromium, driven by Playwright, against a real uvicorn.

The server is `veille serve` in its own process on a free loopback port. Screenshots of the
article, person and events pages go to $VEILLE_SCREENSHOTS (docs/img for the README), else
to the test's temporary folder.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (dev extra)")

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="browser tests need Debian's chromium at /usr/bin/chromium (make test installs it as root: "
    "apt-get install chromium chromium-driver)",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(built_store: Path) -> Iterator[str]:
    """Start `veille serve` on a free loopback port, wait until it answers, stop it after."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", "import sys; from veille.cli import main; sys.exit(main())",
         "serve", "--db", str(built_store), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/api/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    output = process.stdout.read().decode() if process.stdout else ""
                    pytest.fail(f"veille serve did not start: {output[-2000:]}")
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    """A page that fails the test on any dialog, script error, CSP violation or request that
    leaves the server (the pages must work with no network)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    problems: list[str] = []
    tab.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    tab.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    tab.on("console", lambda msg: problems.append(f"console: {msg.text}") if msg.type == "error" else None)
    tab.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((server, "data:"))
            else problems.append(f"request elsewhere: {request.url}")
        ),
    )
    yield tab
    context.close()
    assert problems == []


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("VEILLE_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def entity_url(base: str, name: str) -> str:
    import json

    with urllib.request.urlopen(f"{base}/api/entities?q={urllib.request.quote(name)}") as answer:
        return f"{base}/entities/{json.load(answer)['items'][0]['id']}"


def test_seed_article_highlights_valtonen_and_names_her_on_hover(server: str, page: Any, shots: Path) -> None:
    page.goto(server + "/articles/dc07d68e7a1a0c61")
    quote = page.locator(".quote[data-speaker='Elina Valtonen']").first
    sync_api.expect(quote).to_be_visible()
    assert "cessez-le-feu" in quote.inner_text()
    quote.hover()
    tip = page.locator("#quote-tip")
    sync_api.expect(tip).to_be_visible()
    sync_api.expect(tip).to_contain_text("Elina Valtonen")
    # Time expressions show their resolved value; the events panel lists the events.
    assert page.locator(".timex").count() > 0 and page.locator(
        "#article-text .tval"
    ).first.inner_text().startswith("20")
    assert page.locator("aside .event").count() > 0
    page.screenshot(path=str(shots / "article.png"), full_page=False)
    # A click on the quotation goes to the speaker's page; the keyboard reaches it too.
    quote.click()
    page.wait_for_url("**/entities/*")
    sync_api.expect(page.locator("h1")).to_contain_text("Elina Valtonen")


def test_putin_page_has_his_quotes_and_events(server: str, page: Any, shots: Path) -> None:
    page.goto(entity_url(server, "Poutine"))
    sync_api.expect(page.locator("h1")).to_contain_text("Vladimir Poutine")
    assert page.locator("ol.quotes li.quote-row").count() >= 1
    assert page.locator("ol.events li.event").count() >= 1
    assert page.locator("svg.chart rect").count() >= 1
    assert page.locator("a.json").get_attribute("href").startswith("/api/entities/")
    page.screenshot(path=str(shots / "person.png"), full_page=False)


def test_hostile_article_renders_markup_as_text(server: str, page: Any) -> None:
    page.goto(server + "/articles?q=Valbrune")
    page.locator("ul.rows a").first.click()
    text = page.locator("#article-text")
    sync_api.expect(text).to_contain_text("<script>alert(1)</script>")
    sync_api.expect(text).to_contain_text('"><img src=x onerror=alert(1)>')
    assert page.locator("#article-text script, #article-text img, aside img").count() == 0
    page.wait_for_timeout(300)  # any dialog would have opened by now; the page fixture fails on one


def test_events_graph_draws_nodes(server: str, page: Any, shots: Path) -> None:
    page.goto(server + "/events")
    graph = page.locator("#graph")
    sync_api.expect(graph).to_have_attribute("data-nodes", __import__("re").compile(r"^[1-9]\d*$"))
    assert page.locator("#graph canvas").count() > 0
    assert page.locator("ol.events li.event").count() > 0
    page.screenshot(path=str(shots / "events.png"), full_page=False)


def test_keyboard_reaches_a_quotation_and_shows_its_speaker(server: str, page: Any) -> None:
    page.goto(server + "/articles/dc07d68e7a1a0c61")
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('quote')"):
            break
    else:
        pytest.fail("no quotation is reachable with Tab")
    sync_api.expect(page.locator("#quote-tip")).to_be_visible()


def test_phone_width_and_swagger_docs(server: str, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    outside: list[str] = []
    tab.on("request", lambda request: None if request.url.startswith(server) else outside.append(request.url))
    for path in ("/articles/dc07d68e7a1a0c61", "/entities", "/events", "/search?q=paix", "/analyze", "/"):
        tab.goto(server + path)
        width = tab.evaluate("document.documentElement.scrollWidth")
        assert width <= 400, f"{path} scrolls sideways on a phone ({width}px)"
    tab.goto(server + "/docs")
    sync_api.expect(tab.locator(".swagger-ui .opblock").first).to_be_visible(timeout=15000)
    context.close()
    assert errors == [] and outside == []  # no CDN, no call home: everything from this server
