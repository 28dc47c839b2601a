"""Writing batches: idempotence, replacement of changed stories, rejects, actors, record round trip."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout

from eventwire.store import deduplicate, export, stats, write_batch
from eventwire.store.write import known_hashes, story_hash
from eventwire.story import Reject


def _batch(mk):
    a, b, c = mk.actor("Azerbaijan", "AZE"), mk.actor("the Kremlin", "RUS", "GOV"), mk.actor("Yerevan", "ARM")
    stories = [
        mk.story("s1", "one", date="2021-03-16", agency="AZERTAC"),
        mk.story("s2", "two", date="2021-03-17", agency="TASS"),
        mk.story("s3", "three", date="2021-03-18"),
    ]
    recs = [
        mk.record("s1", "2021-03-16", a, b),
        mk.record("s1", "2021-03-16", b, c, cameo="111", index=1),
        mk.record("s2", "2021-03-17", a, c, cameo="190", location=mk.place("Shusha", "AZE")),
    ]
    return stories, recs


def test_rewriting_a_batch_adds_nothing(mem_store, mk):
    stories, recs = _batch(mk)
    write_batch(mem_store, stories, recs)
    deduplicate(mem_store)
    before = stats(mem_store)
    counts = write_batch(mem_store, stories, recs)
    deduplicate(mem_store)
    assert counts.replaced == 3
    assert stats(mem_store) == before
    assert before["stories"] == 3 and before["mentions"] == 3 and before["events"] == 3


def test_changed_story_replaces_its_own_events(mem_store, mk):
    stories, recs = _batch(mk)
    write_batch(mem_store, stories, recs)
    deduplicate(mem_store)
    new = mk.story("s1", "one, edited", date="2021-03-16")
    rec = mk.record("s1", "2021-03-16", mk.actor("Baku", "AZE"), mk.actor("Tbilisi", "GEO"), cameo="057")
    write_batch(mem_store, [new], [rec])
    deduplicate(mem_store)
    rows = mem_store.execute("SELECT story_id, cameo FROM mentions ORDER BY story_id, cameo")
    assert rows == [("s1", "057"), ("s2", "190")]
    assert mem_store.scalar("SELECT count(*) FROM stories") == 3
    assert known_hashes(mem_store, ["s1", "s9"]) == {"s1": story_hash(new)}
    assert mem_store.scalar("SELECT count(*) FROM actors WHERE story_id = 's1'") == 2


def test_an_edited_whole_file_story_replaces_the_old_one(mem_store, mk):
    old = mk.story("s-old", "first version", date="2021-03-16", origin="/corpus/a.txt")
    write_batch(mem_store, [old], [mk.record("s-old", "2021-03-16", mk.actor("Baku", "AZE"), None)])
    new = mk.story("s-new", "second version", date="2021-03-16", origin="/corpus/a.txt")
    write_batch(mem_store, [new], [])
    assert mem_store.execute("SELECT story_id FROM stories") == [("s-new",)]
    assert mem_store.scalar("SELECT count(*) FROM mentions") == 0


def test_rejects_are_logged_once_and_mark_their_story(mem_store, mk):
    st = mk.story("bad", "x" * 10)
    rej = [
        Reject(origin="a.txt", reason="story has no text", code="E110", story_id="bad"),
        Reject(origin="b.bin", reason="cannot read", code="E101"),
    ]
    write_batch(mem_store, [st], [], rej)
    write_batch(mem_store, [st], [], rej)
    assert mem_store.scalar("SELECT count(*) FROM rejects") == 2
    assert mem_store.execute("SELECT status FROM stories") == [("rejected",)]


def test_records_round_trip_through_the_store(mem_store, mk):
    stories, recs = _batch(mk)
    recs[0]["custom_field"] = {"kept": True}  # additional properties are kept (column ``extra``)
    write_batch(mem_store, stories, recs)
    buf = io.StringIO()
    with redirect_stdout(buf):
        export(mem_store, "jsonl", None, level="mentions")
    back = {r["event_id"]: r for r in map(json.loads, buf.getvalue().splitlines())}
    for r in recs:
        got = back[r["event_id"]]
        assert got == json.loads(json.dumps(r)), r["event_id"]


def test_writes_are_one_transaction(mem_store, mk, monkeypatch):
    stories, recs = _batch(mk)
    import eventwire.store.write as w

    def boom(*a, **k):
        raise RuntimeError("disk went away")

    monkeypatch.setattr(w, "delete_stories", boom)
    write_batch(mem_store, stories[:1], recs[:1])  # no replacement: succeeds
    try:
        write_batch(mem_store, stories, recs)  # replaces s1: fails in the middle
    except RuntimeError:
        pass
    assert mem_store.scalar("SELECT count(*) FROM stories") == 1
    assert mem_store.scalar("SELECT count(*) FROM mentions") == 1


def test_whole_file_stories_match_across_working_directories(mem_store, mk, tmp_path, monkeypatch):
    f = tmp_path / "a.txt"
    f.write_text("x", "utf-8")
    monkeypatch.chdir(tmp_path)
    write_batch(mem_store, [mk.story("s-old", "first version", origin="a.txt")], [])
    write_batch(mem_store, [mk.story("s-new", "second version", origin=str(f))], [])
    assert mem_store.execute("SELECT story_id, origin_file FROM stories") == [("s-new", str(f))]
