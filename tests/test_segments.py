"""Long stories are coded in segments whose records read as records of the whole story."""

from __future__ import annotations

from typing import Any

from eventwire import segments
from eventwire.ingest.normalize import normalize
from eventwire.record import validate
from eventwire.story import Story

SENTENCES = (
    "Police arrested three protesters in Ganja. ",
    "Russia criticized the decision of the Georgian government. ",
    "The Turkish president praised Azerbaijan for its restraint.\n\n",
)


def test_cuts_fall_on_paragraphs_then_sentences_then_spaces() -> None:
    text = ("One two three. Four five six.\n\n" * 40).strip()
    starts = segments.cut_points(text, 100)
    assert all(text[s - 2 : s] == "\n\n" for s in starts[1:])
    flat = "word " * 200
    assert all(flat[s - 1] == " " for s in segments.cut_points(flat, 64)[1:])
    solid = "x" * 1000  # nothing to cut at: hard cuts of the full size
    assert segments.cut_points(solid, 300) == [0, 300, 600, 900]


def test_the_records_of_a_segmented_story_are_those_of_the_whole_story(coder: Any) -> None:
    text = "".join(SENTENCES[i % 3] for i in range(60)).strip()
    story = Story(id="long", text=text)
    whole, rejects = coder.code_batch([story])
    assert not rejects and whole
    pieces = segments.split([story], size=700)
    assert len(pieces) > 3 and "".join(p.text for p in pieces) == text
    joiner = segments.Joiner()
    joined = []
    for piece in pieces:
        (a,) = list(coder.analyze_batch([piece], []))
        joined.extend(joiner.records(a.story, a.records, a.doc))
    for rec in joined:
        validate(rec)
        ev = rec["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["text"]
        trig = ev["trigger"]
        assert text[trig["start"] : trig["end"]] == trig["text"]
        for side in ("source", "target"):
            actor = rec.get(side)
            if actor and actor.get("start") is not None:
                assert normalize(text[actor["start"] : actor["end"]]) == normalize(actor["text"])
    # the same sentences and events as coding the story whole (these sentences need no context)
    key = [(r["sentence_index"], r["cameo"], r["evidence"]["trigger"]["start"], r["event_id"]) for r in whole]
    assert sorted(key) == sorted(
        (r["sentence_index"], r["cameo"], r["evidence"]["trigger"]["start"], r["event_id"]) for r in joined
    )


def test_record_ids_computed_from_records_match_the_coder(coder: Any) -> None:
    records, _ = coder.code_batch([Story(id="s", text="".join(SENTENCES))])
    assert records and all(segments.record_id(r) == r["event_id"] for r in records)


def test_short_stories_are_coded_whole_and_rejects_come_once_per_story() -> None:
    short = [Story(id="a", text="Police arrested protesters."), Story(id="b", text="Russia criticized Georgia.")]
    assert list(segments.groups(short)) == [short]
    from eventwire.story import Reject

    rejects = [Reject("x", "r", "E203", "long"), Reject("x", "r", "E203", "long"), Reject("y", "r", "E114")]
    assert [r.origin for r in segments.one_reject_per_story(rejects)] == ["x", "y"]
