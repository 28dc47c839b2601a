"""The dashboard in a real browser: headless system Chromium (Playwright) against a real uvicorn on 127.0.0.1.

Checks: the page loads with no console error and no request to any host but the server; filtering by an
actor changes the timeline and the table (and back/forward restore the views); clicking a timeline bar or a
place filters; clicking an event highlights its trigger, source and target in the evidence; the "code a
text" box codes a ministers' meeting as CAMEO 04x.  A screenshot of each test's page is saved in
tests/serve/artifacts/.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from .conftest_browser import (  # noqa: F401 - the fixtures browser, browser_store, live_server, watched
    STRICT_CSP,
    Watched,
    browser_fixture,
    browser_store_fixture,
    live_server_fixture,
    save_screenshot,
    watched_fixture,
)

pytestmark = pytest.mark.slow

PANELS = ("#timeline", "#map", "#dyads", "#events")
MEETING = (
    "Azerbaijan's Foreign Minister Jeyhun Bayramov met with Turkish Defense Minister Yasar Guler in Ankara on Monday."
)


def ready(w: Watched, must: str = "") -> None:
    """Wait until the page has rendered the current URL and every panel has answered for it (its
    data-query contains ``must``)."""
    w.page.wait_for_function("document.body.dataset.rendered === location.search")
    has = f"[data-query*='{must}']" if must else ""
    for sel in PANELS:
        w.page.wait_for_selector(f"{sel}[data-state=ready]{has}", state="attached")


def query(w: Watched) -> dict[str, list[str]]:
    return parse_qs(urlsplit(w.page.url).query)


def timeline(w: Watched) -> tuple[int, str]:
    el = w.page.locator("#timeline")
    return int(el.get_attribute("data-total") or 0), el.get_attribute("data-periods") or ""


def table_rows(w: Watched) -> list[list[str]]:
    return [
        r.split("\t")
        for r in w.page.locator("#events tbody tr").evaluate_all(
            "rows => rows.map(r => [...r.cells].map(c => c.textContent.trim()).join('\\t'))"
        )
    ]


def test_page_loads_offline_without_errors(watched: Watched) -> None:
    w, page = watched, watched.page
    resp = page.goto(w.base + "/")
    assert resp is not None and resp.status == 200
    assert w.server_csp and all("default-src 'self'" in c for c in w.server_csp), w.server_csp
    assert resp.headers["content-security-policy"] == STRICT_CSP  # what the page ran under
    ready(w)
    assert page.locator("#map path.country").count() > 100  # the vendored world outlines
    assert page.locator("#map circle.place").count() >= 5  # Baku, Ganja, Tbilisi, Paris, Moscow, ...
    assert page.locator("#timeline .bar[data-count]:not([data-count='0'])").count() >= 4
    assert page.locator("#dyads tbody tr").count() >= 3
    assert page.locator("#events tbody tr").count() >= 8
    # everything came from the server, and only from it
    assert w.requests and all(u.startswith(w.base + "/") for u in w.requests), w.requests
    assert any("/static/vendor/" in u for u in w.requests)
    save_screenshot(page, "dashboard-home.png")
    w.assert_clean()


def test_actor_filter_changes_timeline_and_table(watched: Watched) -> None:
    w, page = watched, watched.page
    page.goto(w.base + "/")
    ready(w)
    total0, periods0 = timeline(w)
    rows0 = table_rows(w)

    # autocomplete from /api/v1/actors, then apply
    actor = page.locator("#filters input[name=actor]")
    actor.fill("AZ")
    page.wait_for_selector("#actor-codes option[value^='AZE']", state="attached")
    actor.fill("AZE")
    actor.press("Enter")
    ready(w, "actor=AZE")
    assert query(w)["actor"] == ["AZE"]
    total1, periods1 = timeline(w)
    rows1 = table_rows(w)
    assert 0 < total1 < total0 and periods1 != periods0
    assert 0 < len(rows1) < len(rows0)
    assert all("AZE" in r[1] or "AZE" in r[2] for r in rows1), rows1
    assert page.locator("#chips .chip[data-key=actor]").count() == 1

    # the view is in the URL: back restores the unfiltered views, forward the filtered ones
    page.go_back()
    page.wait_for_function("!location.search.includes('actor=')")
    ready(w)
    assert timeline(w) == (total0, periods0) and len(table_rows(w)) == len(rows0)
    assert actor.input_value() == ""
    page.go_forward()
    ready(w, "actor=AZE")
    assert timeline(w) == (total1, periods1)

    # clicking a timeline bar filters to its period
    bar = page.locator("#timeline .bar[role=button]").first
    period = bar.get_attribute("data-period")
    bar.click()
    ready(w, f"from={period}")
    q = query(w)
    assert q["from"] == [period] and q["to"][0] >= period and q["actor"] == ["AZE"]
    assert all(period <= r[0] <= q["to"][0] for r in table_rows(w))

    # clicking a place filters by it
    page.goto(w.base + "/")
    ready(w)
    page.locator("#map circle.place[data-place='Tbilisi']").click()
    ready(w, "place=Tbilisi")
    rows = table_rows(w)
    assert rows and all("Tbilisi" in r[4] for r in rows), rows
    save_screenshot(page, "dashboard-filtered.png")
    w.assert_clean()


def test_table_pages_with_the_cursor(watched: Watched) -> None:
    w, page = watched, watched.page
    page.goto(w.base + "/?size=5")
    ready(w)
    assert "limit=5" in (page.locator("#events").get_attribute("data-query") or "")
    ids = lambda: page.locator("#events tbody tr").evaluate_all("rows => rows.map(r => r.dataset.eventId)")  # noqa: E731
    first = ids()
    assert len(first) == 5
    page.locator("#events button.next").click()
    page.wait_for_selector("#events[data-state=ready][data-page='2']", state="attached")
    second = ids()
    assert second and not set(first) & set(second)
    assert len(first) + len(second) == int(page.locator("#timeline").get_attribute("data-total") or 0)
    assert page.locator("#events button.next").is_disabled()
    dates = [r[0] for r in table_rows(w)]
    assert dates == sorted(dates, reverse=True)  # newest first, across pages too
    page.locator("#events button.prev").click()
    page.wait_for_selector("#events[data-state=ready][data-page='1']", state="attached")
    assert ids() == first
    w.assert_clean()


def test_event_evidence_highlights_trigger(watched: Watched) -> None:
    w, page = watched, watched.page
    page.goto(w.base + "/?actor=AZEGOV&root=04")
    ready(w, "root=04")
    row = page.locator("#events tbody tr", has_text="Consult").first
    row.click()
    page.wait_for_selector("#evidence[data-state=ready]")
    assert "event=" in page.url
    ev = page.locator("#evidence")
    main = ev.locator(".evidence-main")
    assert main.locator("mark.hl-trigger").inner_text() == "met"
    assert "Bayramov" in main.locator("mark.hl-source").inner_text()
    assert "Guler" in main.locator("mark.hl-target").inner_text()
    # the meeting was reported by two agencies: one event, both mentions with their own highlighted sentence
    assert ev.locator("li.mention").count() == 2
    assert ev.locator("li.mention mark.hl-trigger").all_inner_texts() == ["met", "met"]
    assert re.search(r"\bbaku-azertac\b", ev.inner_text()) and re.search(r"\bbaku-trend\b", ev.inner_text())
    assert ev.locator(".facts").get_by_text("asserted").count() >= 1  # the modality
    trace = ev.locator(".trace").inner_text()  # the explain trace
    assert "met" in trace and len(trace.splitlines()) > 1, trace
    # closing the panel is a history step too
    ev.locator("button.close").click()
    page.wait_for_selector("#evidence[data-state=closed]", state="attached")
    assert "event=" not in page.url
    w.assert_clean()


def test_code_a_text_shows_meeting_as_04x(watched: Watched) -> None:
    w, page = watched, watched.page
    page.goto(w.base + "/")
    ready(w)
    box = page.locator("#code")
    box.locator("textarea").fill(MEETING)
    box.locator("input[name=date]").fill("2024-05-06")
    box.locator("button[type=submit]").click()
    page.wait_for_selector("#code[data-state=ready]", timeout=60_000)  # the server loads its coder once
    meeting = box.locator("tr.code-event[data-cameo^='04']")
    assert meeting.count() >= 1, box.inner_text()
    assert re.match(r"04\d*", meeting.first.locator("td.cameo code").inner_text())
    assert "met" in box.locator(".coded-text mark.hl-trigger").all_inner_texts()
    # nothing was stored: the table still holds the one meeting of the store (two mentions)
    assert page.locator("#events tbody tr", has_text="Consult").count() == 1
    page.locator("#events tbody tr", has_text="Consult").click()
    page.wait_for_selector("#evidence[data-state=ready]")
    page.locator("#events tbody tr.selected").scroll_into_view_if_needed()
    save_screenshot(page, "dashboard.png")  # docs/dashboard.png is one of these
    w.assert_clean()
