"""De-duplication of event mentions into real-world events."""

from __future__ import annotations

import pytest

from eventwire.errors import StoreError
from eventwire.store import DedupParams, deduplicate, event_mentions, find, write_batch


def _meeting(mk, sid, date, *, swap=False, sentence="The two ministers met.", agency=None, location=None, cameo="040"):
    a, b = mk.actor("Bayramov", "AZE", "GOV"), mk.actor("Lavrov", "RUS", "GOV")
    if swap:
        a, b = b, a
    st = mk.story(sid, f"text of {sid}", date=date, agency=agency)
    return st, mk.record(sid, date, a, b, cameo=cameo, sentence=sentence, location=location)


def _write(store, items):
    write_batch(store, [s for s, _ in items], [r for _, r in items])


def test_three_reports_of_one_meeting_make_one_event(mem_store, mk):
    items = [
        _meeting(mk, "a", "2021-03-16", sentence="Bayramov met Lavrov in Moscow.", agency="AZERTAC"),
        _meeting(
            mk, "b", "2021-03-16", swap=True, sentence="Lavrov held talks with Bayramov.", agency="TASS", cameo="043"
        ),
        _meeting(
            mk, "c", "2021-03-16", sentence="The two ministers conferred on Tuesday.", agency="Reuters", cameo="042"
        ),
    ]
    _write(mem_store, items)
    assert deduplicate(mem_store) == {"mentions": 3, "events": 1}
    ev = find(mem_store).to_pylist()
    assert len(ev) == 1
    e = ev[0]
    assert (e["mentions"], e["stories"], e["sources"]) == (3, 3, 3)
    assert e["source_names"] == ["AZERTAC", "Reuters", "TASS"]
    assert str(e["first_report"]) == str(e["last_report"]) == "2021-03-16"
    # the raw mentions stay queryable and linked
    linked = event_mentions(mem_store, e["event_id"])
    assert sorted(linked.column("story_id").to_pylist()) == ["a", "b", "c"]
    assert find(mem_store, level="mentions").num_rows == 3


def test_two_meetings_on_different_days_stay_two_events(mem_store, mk):
    _write(
        mem_store, [_meeting(mk, "a", "2021-03-16"), _meeting(mk, "b", "2021-03-16"), _meeting(mk, "c", "2021-03-20")]
    )
    deduplicate(mem_store)
    ev = find(mem_store).to_pylist()
    assert [e["mentions"] for e in ev] == [2, 1]
    assert [str(e["date"]) for e in ev] == ["2021-03-16", "2021-03-20"]


def test_window_chains_a_late_report_and_is_tunable(mem_store, mk):
    _write(mem_store, [_meeting(mk, "a", "2021-03-16"), _meeting(mk, "b", "2021-03-17")])
    deduplicate(mem_store)
    e = find(mem_store).to_pylist()
    assert len(e) == 1 and str(e[0]["date"]) == "2021-03-16" and str(e[0]["date_last"]) == "2021-03-17"
    deduplicate(mem_store, DedupParams(window_days=0))  # changed parameters: everything re-clustered
    assert find(mem_store).num_rows == 2


def test_different_roots_and_dyads_are_different_events(mem_store, mk):
    a, b, c = mk.actor("Baku", "AZE"), mk.actor("Moscow", "RUS"), mk.actor("Yerevan", "ARM")
    recs = [
        mk.record("s1", "2021-03-16", a, b, cameo="040"),
        mk.record("s2", "2021-03-16", a, b, cameo="190"),
        mk.record("s3", "2021-03-16", a, c, cameo="040"),
        mk.record("s4", "2021-03-16", b, a, cameo="046"),
    ]
    write_batch(mem_store, [], recs)
    deduplicate(mem_store)
    assert sorted(find(mem_store).column("mentions").to_pylist()) == [1, 1, 2]
    deduplicate(mem_store, DedupParams(directed=True))
    assert find(mem_store).num_rows == 4


def test_location_countries_must_agree(mem_store, mk):
    a, b = mk.actor("Ankara", "TUR"), mk.actor("Athens", "GRC")
    recs = [
        mk.record("s1", "2021-03-16", a, b, cameo="190", location=mk.place("Aleppo", "SYR")),
        mk.record("s2", "2021-03-16", a, b, cameo="190", location=mk.place("Tripoli", "LBY")),
        mk.record("s3", "2021-03-16", a, b, cameo="190", location=None),
    ]
    write_batch(mem_store, [], recs)
    deduplicate(mem_store)
    assert sorted(find(mem_store).column("mentions").to_pylist()) == [1, 2]
    deduplicate(mem_store, DedupParams(location="ignore"))
    assert find(mem_store).column("mentions").to_pylist() == [3]


def test_undated_mentions_are_events_of_their_own(mem_store, mk):
    a, b = mk.actor("Ankara", "TUR"), mk.actor("Athens", "GRC")
    write_batch(mem_store, [], [mk.record("s1", None, a, b), mk.record("s2", None, a, b)])
    assert deduplicate(mem_store)["events"] == 2


def test_incremental_equals_full_and_changed_story_reclusters(mem_store, mk):
    _write(mem_store, [_meeting(mk, "a", "2021-03-16"), _meeting(mk, "b", "2021-03-16")])
    deduplicate(mem_store)
    _write(mem_store, [_meeting(mk, "c", "2021-03-17"), _meeting(mk, "d", "2021-03-25")])
    deduplicate(mem_store)
    incremental = find(mem_store).select(["event_id", "mentions", "date"]).to_pylist()
    # story b changes: now it reports a meeting a week later
    _write(mem_store, [_meeting(mk, "b", "2021-03-24")])
    assert find(mem_store).num_rows == 1  # the event b was in is gone until re-clustering
    deduplicate(mem_store)
    after = find(mem_store).select(["mentions", "date"]).to_pylist()
    assert [(e["mentions"], str(e["date"])) for e in after] == [(2, "2021-03-16"), (2, "2021-03-24")]
    deduplicate(mem_store, full=True)
    assert find(mem_store).select(["mentions", "date"]).to_pylist() == after
    assert [e["mentions"] for e in incremental] == [3, 1]


def test_event_ids_are_stable_across_runs(mem_store, mk):
    items = [_meeting(mk, "a", "2021-03-16"), _meeting(mk, "b", "2021-03-16")]
    _write(mem_store, items)
    deduplicate(mem_store)
    first = find(mem_store).column("event_id").to_pylist()
    _write(mem_store, items)
    deduplicate(mem_store)
    assert find(mem_store).column("event_id").to_pylist() == first


def test_bad_parameters_are_refused():
    with pytest.raises(StoreError, match="code level"):
        DedupParams(code_level="verb")
    with pytest.raises(StoreError, match="window"):
        DedupParams(window_days=-1)
