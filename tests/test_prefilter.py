"""The trigger pre-filter: sentences without a possible trigger word skip the models, and nothing else changes."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest

from eventwire import prefilter
from eventwire.config import resolve_prefilter
from eventwire.prefilter import TriggerFilter, split
from eventwire.story import Story


@pytest.fixture(scope="module")
def tf(coder) -> TriggerFilter:
    return TriggerFilter(coder.nlp, coder.events.needed_lemmas)


@pytest.fixture(scope="module")
def on(coder, tf):
    """The session's coder with the pre-filter on (same model, same tables)."""
    c = copy.copy(coder)
    c.prefilter = tf
    return c


@pytest.fixture(scope="module")
def off(coder):
    c = copy.copy(coder)
    c.prefilter = None
    return c


def _kept(tf: TriggerFilter, text: str) -> list[tuple[str, bool]]:
    doc = tf.nlp.make_doc(text)
    spans = split(doc)
    return [(doc[s:e].text.strip(), k) for (s, e), k in zip(spans, tf.candidates(doc, spans), strict=True)]


def test_the_trigger_vocabulary_is_the_loaded_tables(coder, tf) -> None:
    assert tf.triggers == coder.events.needed_lemmas
    # a light verb with no frame of its own whose event nouns are all triggers adds nothing: "was" of "was on
    # strike" is a trigger of the coder but a sentence needs "strike" anyway
    p = coder.events.patterns
    assert ("be", "strike") in p.light and "be" in coder.events.trigger_lemmas and not tf.could_trigger("was")
    # a word the tables gain is a trigger of a filter built from them, with its inflections
    grown = TriggerFilter(coder.nlp, set(coder.events.needed_lemmas) | {"weather"})
    assert not tf.could_trigger("weather") and grown.could_trigger("weather") and grown.could_trigger("weathers")


def test_keeps_sentences_with_a_verb_an_event_noun_or_a_light_verb(coder, tf) -> None:
    p = coder.events.patterns
    assert "arrest" in p.verbs and "summit" in p.nouns and ("hold", "agreement") in p.light
    kept = _kept(
        tf,
        "Police arrested three men in Ganja. The summit ended late. They held an agreement ceremony. "
        "The weather was mild and sunny.",
    )
    assert [k for _, k in kept] == [True, True, True, False]


def test_inflected_and_capitalised_triggers_are_found(tf) -> None:
    for word in ("arrested", "Arrests", "MET", "praising", "talks", "condemned", "signs"):
        assert tf.could_trigger(word), word
    for word in ("weather", "mild", "sunny", "the", "99.321", "**"):
        assert not tf.could_trigger(word), word


def test_split_keeps_abbreviations_and_closing_quotes_in_the_sentence(nlp) -> None:
    doc = nlp.make_doc('The U.S. envoy arrived. "We will talk," he said. Then the talks began.')
    assert [doc[s:e].text.strip() for s, e in split(doc)] == [
        "The U.S. envoy arrived.",
        '"We will talk," he said.',
        "Then the talks began.",
    ]


def test_a_skipped_sentence_is_one_token_and_the_text_stays_the_story(on, tf) -> None:
    text = "Egypt condemned the bombing.\n\nThe weather was mild and sunny. Cairo praised the police."
    a = on.analyze(Story(id="p1", text=text))
    assert a.doc.text == text
    assert prefilter.stats(a.doc).skipped_sentences == 1
    (i, n), *_ = prefilter.skipped(a.doc)
    tok = a.doc[i]
    assert tok.text == "The weather was mild and sunny." and n == 7 and tok.pos_ == "X" and tok.is_sent_start
    assert [s.text.strip() for s in a.doc.sents][1] == "The weather was mild and sunny."


def test_offsets_after_a_skipped_sentence_are_exact(on) -> None:
    text = (
        "The weather in the capital was mild on Monday. Prices of bread were stable.\n\n"
        "Azerbaijan's Foreign Minister Jeyhun Bayramov met Turkish Defense Minister Yasar Guler in Baku. "
        "The weather was mild. Police arrested three protesters in Ganja."
    )
    a = on.analyze(Story(id="p2", text=text, date=dt.date(2024, 3, 12)))
    assert prefilter.stats(a.doc).skipped_sentences == 3
    assert {r["evidence"]["trigger"]["text"] for r in a.records} >= {"met", "arrested"}
    for m in a.actors:
        assert text[m.start : m.end] == m.text
    for rec in a.records:
        ev = rec["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["text"]
        assert text[ev["trigger"]["start"] : ev["trigger"]["end"]] == ev["trigger"]["text"]
        for side in ("source", "target"):
            actor = rec[side]
            if actor:
                assert text[actor["start"] : actor["end"]] == actor["text"]


def test_story_memory_reaches_across_a_skipped_sentence(on, off) -> None:
    text = (
        "Azerbaijan's Foreign Minister Jeyhun Bayramov met Turkish Defense Minister Yasar Guler in Baku. "
        "The weather was mild and sunny all day. Bayramov praised Guler."
    )
    story = Story(id="p3", text=text, date=dt.date(2024, 3, 12))
    a = on.analyze(story)
    assert prefilter.stats(a.doc).skipped_sentences == 1
    praise = [r for r in a.records if r["evidence"]["trigger"]["text"] == "praised"]
    assert praise and praise[0]["source"]["code"] == "AZEGOV" and praise[0]["target"]["code"] == "TURGOVMIL"
    assert praise[0]["sentence_index"] == 2  # the skipped sentence still counts
    assert _records(off, [story]) == _records(on, [story])


STORIES = [
    "Egypt condemned the bombing of a school in Gaza on Tuesday. The weather was mild. Israel denied the claim.",
    "MOSCOW, June 6. /TASS/. Russian President Vladimir Putin met Chinese President Xi Jinping in the Kremlin. "
    "The two leaders signed a trade agreement. Both sides praised the talks.",
    "Police arrested dozens of protesters in Tbilisi on Sunday.\n\nThe protesters demanded new elections. "
    "The rain was heavy in the afternoon.\n\nGeorgia's interior ministry said 40 people were detained.",
    "The dollar was a touch weaker at 99.3. Iran threatened to close the Strait of Hormuz. "
    "Oil prices were higher in Asia. The United States warned Iran against any such step.",
    "Ukraine's president visited Paris on Monday. He thanked France for its support. "
    "It was his third time in Paris this year. French President Emmanuel Macron promised more air defence systems.",
    "Rebels attacked a military convoy near Goma, killing six soldiers, the army said. "
    "The region is rich in minerals. The United Nations called for an immediate ceasefire.",
    "Japan urged China to release a detained businessman. The man is 54 years old. "
    "Tokyo lodged a protest with Beijing's embassy, the foreign ministry said on Friday.",
]


def _records(coder, stories) -> list[str]:
    records, rejects = coder.code_batch(stories)
    assert not rejects
    return sorted(json.dumps(r, sort_keys=True) for r in records)


def test_on_and_off_give_identical_records(on, off) -> None:
    stories = [Story(id=f"v{i}", text=t, date=dt.date(2024, 5, 1 + i)) for i, t in enumerate(STORIES)]
    st = prefilter.Stats()
    for s in stories:
        st.add(prefilter.stats(on.prefilter.prepare(s.text)))
    assert st.skipped_sentences >= 7  # the set exercises the skipping
    got_off, got_on = _records(off, stories), _records(on, stories)
    assert len(got_off) >= 10
    assert got_on == got_off


def test_the_switch_comes_from_argument_environment_or_config(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("EVENTWIRE_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.delenv("EVENTWIRE_PREFILTER", raising=False)
    assert resolve_prefilter() is False
    monkeypatch.setenv("EVENTWIRE_PREFILTER", "on")
    assert resolve_prefilter() is True and resolve_prefilter(False) is False
    monkeypatch.setenv("EVENTWIRE_PREFILTER", "0")
    assert resolve_prefilter() is False
    monkeypatch.delenv("EVENTWIRE_PREFILTER")
    (tmp_path / "on.toml").write_text("prefilter = true\n", "utf-8")
    monkeypatch.setenv("EVENTWIRE_CONFIG", str(tmp_path / "on.toml"))
    assert resolve_prefilter() is True


def test_with_names_a_sentence_that_may_name_or_refer_to_an_actor_is_kept(coder) -> None:
    named = TriggerFilter(coder.nlp, coder.events.needed_lemmas, coder.actors.lexicon.automaton)
    text = "The weather was mild. The police were calm. He was calm. The weather in Baku was mild."
    assert [k for _, k in _kept(named, text)] == [False, True, True, True]
    assert [k for _, k in _kept(TriggerFilter(coder.nlp, coder.events.needed_lemmas), text)] == [False] * 4


def test_code_command_switches_the_prefilter(tmp_path, monkeypatch) -> None:
    from click.testing import CliRunner

    import eventwire.pipeline as pipeline
    from eventwire.cli.main import cli

    asked: list[bool | None] = []

    def spy(explicit: bool | None = None) -> bool:
        asked.append(explicit)
        return resolve_prefilter(explicit)

    monkeypatch.setattr(pipeline, "resolve_prefilter", spy)
    story = tmp_path / "s.txt"
    story.write_text("date 2024-05-02\n\n" + STORIES[2], "utf-8")
    out = {}
    for flag, want in (("--prefilter", True), ("--no-prefilter", False)):
        asked.clear()
        res = CliRunner().invoke(cli, ["code", str(story), flag])
        assert res.exit_code == 0, res.output
        assert asked == [want]
        out[flag] = sorted(line for line in res.output.splitlines() if line.startswith("{"))
    assert out["--prefilter"] and out["--prefilter"] == out["--no-prefilter"]


def test_ordinary_words_are_told_from_possible_names_by_the_lemmatizer_index(tf) -> None:
    # known verbs, adjectives, plurals and derived nouns are ordinary words: a Title-Case headline writes them
    # in lower case for the parser; a bare singular noun may be a place ("Hanoi" is in the noun index too)
    for word in ("bombs", "survivors", "repatriation", "seized", "joint", "offices"):
        assert tf.common_word(word), word
    for word in ("hanoi", "tbilisi", "kenya", "internet"):
        assert not tf.common_word(word), word
