"""Fixtures of the browser tests (imported by ``test_browser.py``): a store built with ``run_corpus`` from
stories written here, a real uvicorn serving ``eventwire.serve.create_app`` on 127.0.0.1 (a free port, in a
thread), and headless Chromium from the system (Debian's ``chromium``) driven by Playwright.

Every page gets a router that lets through only requests to the server and records (and aborts) any
other, serves the pages with the CSP ``default-src 'self'`` (stricter than the server's), and collectors
of console errors and page errors.  Tests skip, saying why, only when Playwright or
a Chromium binary cannot be found.  The fixtures are defined as ``<name>_fixture`` with
``name="<name>"``, so that the test module imports them without its parameters shadowing the names.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
# the page is served with this policy in the tests, stricter than the server's (no 'unsafe-inline' styles):
# a violation shows as a console error, which the tests fail on
STRICT_CSP = "default-src 'self'"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--mute-audio",
]

# (id, story date, agency, text): a meeting reported by two agencies (one event, two mentions), arrests,
# protests and a criticism in other countries and months, so that filters visibly change every view.
STORIES = [
    (
        "baku-azertac",
        "2024-03-12",
        "AZERTAC",
        "Azerbaijan's Foreign Minister Jeyhun Bayramov met with Turkish Defense Minister Yasar Guler in Baku on "
        "Tuesday. The Turkish minister praised the close cooperation between the two countries.",
    ),
    (
        "baku-trend",
        "2024-03-13",
        "Trend",
        "Azerbaijan's Foreign Minister Jeyhun Bayramov met with Turkish Defense Minister Yasar Guler in Baku on "
        "Tuesday, officials said.",
    ),
    (
        "ganja-police",
        "2024-03-20",
        "Turan",
        "Police in Ganja arrested three protesters after clashes near the city hall, the Azerbaijani Interior "
        "Ministry said.",
    ),
    (
        "tbilisi-police",
        "2024-04-20",
        "Civil.ge",
        "Georgian police arrested twelve protesters in Tbilisi on Saturday after clashes near the parliament.",
    ),
    (
        "paris-farmers",
        "2024-05-02",
        "AFP",
        "Thousands of farmers protested against the French government in Paris on Thursday.",
    ),
    (
        "moscow-lavrov",
        "2024-06-06",
        "TASS",
        "Russian Foreign Minister Sergei Lavrov criticized the United States in Moscow on Thursday.",
    ),
    ("nairobi-police", "2024-06-25", "Reuters", "Kenyan police fired tear gas at demonstrators in Nairobi on Tuesday."),
    (
        "ankara-visit",
        "2024-07-09",
        "Anadolu",
        "Turkish President Recep Tayyip Erdogan hosted Azerbaijani President Ilham Aliyev in Ankara on Tuesday.",
    ),
    ("delhi-talks", "2024-10-07", "PTI", "Indian and Chinese diplomats held talks in New Delhi on Monday."),
]


def _chromium() -> str | None:
    for c in (
        os.environ.get("EVENTWIRE_CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        shutil.which("google-chrome"),
    ):
        if c and os.path.isfile(c) and os.access(c, os.X_OK):
            return c
    return None


@pytest.fixture(scope="module", name="browser_store")
def browser_store_fixture(tmp_path_factory: pytest.TempPathFactory, coder: Any) -> Path:
    """A store coded from STORIES with ``run_corpus`` (the same path as ``eventwire run``), with the test
    session's loaded coder (tests/conftest.py)."""
    from eventwire.runner import run_corpus

    d = tmp_path_factory.mktemp("browser-store")
    corpus = d / "stories.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": i, "date": day, "source": agency, "title": text[:40], "text": text}) + "\n"
            for i, day, agency, text in STORIES
        ),
        encoding="utf-8",
    )
    db = d / "events.duckdb"
    stats = run_corpus([str(corpus)], str(db), coder=coder, count=False)
    assert stats.coded == len(STORIES) and stats.mentions > 0
    return db


@pytest.fixture(scope="module", name="live_server")
def live_server_fixture(browser_store: Path, coder: Any) -> Iterator[str]:
    """``eventwire.serve.create_app`` over the store, served by uvicorn on 127.0.0.1:<free port>."""
    uvicorn = pytest.importorskip("uvicorn")
    from eventwire.serve import create_app

    app = create_app(str(browser_store), coder=coder)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="uvicorn-browser-tests", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)


@pytest.fixture(scope="module", name="browser")
def browser_fixture() -> Iterator[Any]:
    """Headless system Chromium (Playwright's own browser download is not used)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install playwright; the browser is the system chromium)")
    exe = _chromium()
    if exe is None:
        pytest.skip("no chromium binary found (apt-get install chromium, or set EVENTWIRE_CHROMIUM)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@dataclass
class Watched:
    """A page with what it did: console errors, uncaught exceptions, requests allowed and blocked."""

    page: Any
    base: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    server_csp: list[str] = field(default_factory=list)  # the server's CSP header of each page loaded

    def assert_clean(self) -> None:
        assert self.blocked == [], f"requests to other hosts than the server: {self.blocked}"
        assert self.page_errors == [], f"uncaught errors: {self.page_errors}"
        assert self.console_errors == [], f"console errors: {self.console_errors}"


@pytest.fixture(name="watched")
def watched_fixture(browser: Any, live_server: str) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, service_workers="block")
    context.set_default_timeout(15_000)
    page = context.new_page()
    w = Watched(page, live_server)
    server = urlsplit(live_server).netloc

    def route(r: Any) -> None:
        url = r.request.url
        parts = urlsplit(url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != server:
            w.blocked.append(url)
            r.abort("blockedbyclient")
        elif r.request.resource_type == "document":
            w.requests.append(url)
            resp = r.fetch()
            w.server_csp.append(resp.headers.get("content-security-policy", ""))
            r.fulfill(response=resp, headers={**resp.headers, "content-security-policy": STRICT_CSP})
        else:
            w.requests.append(url)
            r.continue_()

    context.route("**/*", route)
    page.on(
        "console",
        lambda m: (
            w.console_errors.append(f"{m.type}: {m.text} @ {m.location}") if m.type in ("error", "assert") else None
        ),
    )
    page.on("pageerror", lambda e: w.page_errors.append(str(e)))
    try:
        yield w
    finally:
        context.close()


def save_screenshot(page: Any, name: str) -> Path:
    """A full-page PNG in tests/serve/artifacts/ (git-ignored by the .gitignore written there)."""
    ARTIFACTS.mkdir(exist_ok=True)
    ignore = ARTIFACTS / ".gitignore"
    if not ignore.exists():
        ignore.write_text("*\n")
    out = ARTIFACTS / name
    page.mouse.move(0, 0)  # no hover highlight in the picture
    page.screenshot(path=str(out), full_page=True)
    return out
