"""Queries: filters, aggregations and rankings over events and mentions."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.errors import StoreError
from eventwire.store import Filters, aggregate, deduplicate, find, top_actors, top_dyads, write_batch


@pytest.fixture
def store(mem_store, mk):
    aze, rus, ukr = mk.actor("Baku", "AZE", "GOV"), mk.actor("Moscow", "RUS", "GOV"), mk.actor("Kyiv", "UKR")
    mil = mk.actor("Russian troops", "RUS", "MIL")
    rows = [
        ("s1", "2021-01-05", aze, rus, "040", "Baku and Moscow held talks on trade."),
        ("s2", "2021-01-05", rus, aze, "042", "Moscow hosted the Azerbaijani envoy."),
        ("s3", "2021-01-20", rus, aze, "057", "Moscow signed a pact with Baku."),
        ("s4", "2021-02-03", mil, ukr, "190", "Russian troops shelled a Kyiv suburb."),
        ("s5", "2021-02-10", ukr, rus, "111", "Kyiv criticised Moscow over the strike."),
        ("s6", "2021-03-01", ukr, None, "010", "Kyiv issued a statement on reform."),
    ]
    recs = [mk.record(sid, d, s, t, cameo=c, sentence=text) for sid, d, s, t, c, text in rows]
    write_batch(mem_store, [], recs)
    deduplicate(mem_store)
    return mem_store


def ids(tbl):
    return sorted(tbl.column("story_id").to_pylist())


def test_filters_on_mentions(store):
    f = Filters
    assert ids(find(store, f(dyad="AZE-RUS"), level="mentions")) == ["s1"]
    assert ids(find(store, f(dyad="AZE-RUS", undirected=True), level="mentions")) == ["s1", "s2", "s3"]
    assert ids(find(store, f(dyad="RUSMIL-UKR"), level="mentions")) == ["s4"]
    assert ids(find(store, f(actor="RUSGOV"), level="mentions")) == ["s1", "s2", "s3", "s5"]
    assert ids(find(store, f(country="UKR"), level="mentions")) == ["s4", "s5", "s6"]
    assert ids(find(store, f(sector="MIL"), level="mentions")) == ["s4"]
    assert ids(find(store, f(cameo="04"), level="mentions")) == ["s1", "s2"]
    assert ids(find(store, f(root="19"), level="mentions")) == ["s4"]
    assert ids(find(store, f(quad=4), level="mentions")) == ["s4"]
    assert ids(find(store, f(plover="consult"), level="mentions")) == ["s1", "s2"]
    assert ids(find(store, f(text="KYIV"), level="mentions")) == ["s4", "s5", "s6"]
    assert ids(find(store, f(date_from=dt.date(2021, 1, 10), date_to=dt.date(2021, 2, 5)), level="mentions")) == [
        "s3",
        "s4",
    ]


def test_filters_on_events(store):
    talks = find(store, Filters(dyad="AZE-RUS", undirected=True, root="04")).to_pylist()
    assert len(talks) == 1 and talks[0]["mentions"] == 2
    assert find(store, Filters(text="pact")).column("cameo").to_pylist() == ["057"]


def test_monthly_dyad_aggregate(store):
    rows = aggregate(store, Filters(undirected=True), by="month").to_pylist()
    got = {
        (str(r["period"]), r["dyad"], r["quad_class"]): (r["events"], r["mentions"], r["goldstein_sum"]) for r in rows
    }
    assert got[("2021-01-01", "AZE-RUS", 1)][:2] == (2, 3)  # talks (2 reports) and the pact
    # Goldstein counts once per event (its representative mention: 040 or 042), not once per report
    assert got[("2021-01-01", "AZE-RUS", 1)][2] in (pytest.approx(1.0 + 8.0), pytest.approx(1.9 + 8.0))
    assert got[("2021-02-01", "RUS-UKR", 4)][:2] == (1, 1)
    assert [k for k in got if k[0] == "2021-03-01"] == [("2021-03-01", "----UKR", 1)]  # no target: ---
    directed = aggregate(store, by="month", level="mentions", quad=False).to_pylist()
    jan = {r["dyad"]: r["events"] for r in directed if str(r["period"]) == "2021-01-01"}
    assert jan == {"AZE-RUS": 1, "RUS-AZE": 2}
    weekly = aggregate(store, by="week", level="mentions", dyad=False, quad=False)
    assert sum(weekly.column("events").to_pylist()) == 6


def test_rankings(store):
    top = top_actors(store, level="mentions", by="country").to_pylist()
    assert top[0] == {"actor": "RUS", "events": 5, "goldstein_sum": pytest.approx(top[0]["goldstein_sum"])}
    dyads = top_dyads(store, Filters(undirected=True), level="mentions").to_pylist()
    assert dyads[0]["dyad"] == "AZE-RUS" and dyads[0]["events"] == 3 and dyads[0]["cooperation"] == 3


def test_bad_filters_are_clear(store):
    with pytest.raises(StoreError, match="two actor codes"):
        find(store, Filters(dyad="AZE"))
    with pytest.raises(StoreError, match="not an actor code"):
        find(store, Filters(actor="azerbaijan"))
    with pytest.raises(StoreError, match="period"):
        aggregate(store, by="fortnight")
