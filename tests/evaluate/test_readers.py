"""The gold readers on small fixtures written for these tests (tests/fixtures/eval), and their errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.errors import EvalError
from eventwire.evaluate import read_gold
from eventwire.evaluate.gold import GoldEvent

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "eval"


def test_plover_gsr_reader():
    g = read_gold(FIX / "plover_gsr_small.json", "plover-gsr")
    assert g.kind == "plover" and g.format == "plover-gsr"
    assert [s.id for s in g.sentences] == [
        "TEST-AGREE-0001",
        "TEST-DEMAND-0001",
        "TEST-FIGHT-0001",
        "TEST-INVESTIGATE-0001",
    ]  # DOCUMENT record skipped
    agree, demand, fight, inv = g.sentences
    assert agree.date == dt.date(2021, 3, 4)
    assert agree.events == [
        GoldEvent(plover="AGREE", sources=("NOR", "DNK"), targets=(), source_spans=((0, 9), (14, 20)))
    ]  # target "" → none; where the actors' words are: the span scores
    assert demand.events[0].plover == "REQUEST"  # old label mapped
    assert demand.events[0].sources == ("CHL",) and demand.events[0].targets == ("PER",)
    assert fight.events[0].plover == "ASSAULT" and fight.events[0].target_spans == ((37, 46),)
    assert inv.events[0].plover == "ACCUSE" and inv.events[0].targets == () and inv.date is None


def test_petr_reader():
    g = read_gold(FIX / "petr_small.xml", "petr")
    assert g.kind == "cameo"
    assert [s.id for s in g.sentences] == ["FIX-01", "FIX-02", "FIX-03", "FIX-06"]
    assert g.skipped == 2  # FIX-04 (error=) and FIX-05 (only a non-CAMEO code)
    assert g.skipped_events == 1
    one, two, three, six = g.sentences
    assert one.text == "The Finnish president travelled to Tallinn to see the Estonian government on Monday."
    assert one.date == dt.date(2020, 1, 10)
    assert one.events == [GoldEvent(cameo="042", root="04", sources=("FIN",), targets=("ESTGOV",))]
    # the commented coding is ignored, the duplicate collapses: two directions remain
    assert [(e.sources, e.targets, e.cameo) for e in two.events] == [
        (("PRT",), ("ESP",), "0311"),
        (("ESP",), ("PRT",), "0311"),
    ]
    assert three.events == [] and three.date == dt.date(2020, 1, 12)  # noevents; YYMMDD date
    assert "&" in three.text
    assert six.events[0].sources == () and six.events[0].targets == ("MLTCRM",)  # null source


def test_penta_tsv_reader():
    g = read_gold(FIX / "penta_small.tsv", "penta-tsv")
    assert g.kind == "penta"
    assert [s.events[0].penta for s in g.sentences] == [0, 1, 2, 3, 4]
    assert all(not s.text.endswith(("\r", "\t")) for s in g.sentences)
    assert g.sentences[2].origin.endswith(":4")  # line numbers count the blank line


def test_jsonl_reader():
    g = read_gold(FIX / "gold_small.jsonl", "jsonl")
    assert g.kind == "cameo"
    assert [s.id for s in g.sentences] == ["j1", "j2", "L5", "j4"]
    j1, j2, j3, j4 = g.sentences
    assert j1.date == dt.date(2022, 6, 7)
    assert j1.events == [GoldEvent(cameo="173", root="17", sources=("KENCOP",), targets=("UGABUS",))]
    assert len(j2.events) == 2
    assert j3.events == []
    assert j4.events == [GoldEvent(root="11", sources=("LVA",), targets=("PRK", "PRKGOV"))]


@pytest.mark.parametrize(
    ("fmt", "content", "fragment"),
    [
        ("jsonl", '{"text": "A sentence.", "events": [{"cameo": "999"}]}\n', ":1"),
        ("jsonl", '{"text": "A sentence."}\n', ":1"),
        ("jsonl", '{"text": "Ok.", "events": []}\n{"text": "Bad", "events": [{"root": "21"}]}\n', ":2"),
        ("jsonl", '{"text": "Ok.", "events": [], "date": "May 5"}\n', ":1"),
        ("jsonl", "not json\n", ":1"),
        ("penta-tsv", "One sentence.\t1\nAnother sentence.\t7\n", ":2"),
        ("penta-tsv", "No tab on this line\n", ":1"),
        ("plover-gsr", '[{"id": "x1", "event": "AGREE"}]', "record 0 (x1)"),
        ("plover-gsr", '[{"id": "x1", "event": "TELEPORT", "text": "A sentence."}]', "record 0 (x1)"),
        ("plover-gsr", '{"id": "x1"}', "plover"),
        ("plover-gsr", '[{"id": "x1", "event": "AGREE", "text": "A.", "source": {"code": "USA"}}]', "record 0"),
        (
            "petr",
            '<Sentences>\n<Sentence id="P1" date="20200101"/>\n<EventCoding eventcode="04x" />\n'
            "<Text>Hi.</Text>\n</Sentences>\n",
            ":2 (P1)",
        ),
        (
            "petr",
            '<Sentences>\n<Sentence id="P2" date="20200101"/>\n<EventCoding eventcode="042" />\n</Sentences>\n',
            ":2 (P2)",
        ),
    ],
)
def test_bad_gold_files_name_file_and_record(tmp_path, fmt, content, fragment):
    p = tmp_path / f"bad.{fmt}"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(EvalError) as e:
        read_gold(p, fmt)
    assert str(p) in str(e.value) and fragment in str(e.value)
    assert e.value.code.startswith("E6")


def test_missing_file_unknown_format_and_empty_gold(tmp_path):
    with pytest.raises(EvalError, match="not found"):
        read_gold(tmp_path / "nope.jsonl", "jsonl")
    (tmp_path / "g.jsonl").write_text("# only a comment\n", encoding="utf-8")
    with pytest.raises(EvalError, match="unknown gold format"):
        read_gold(tmp_path / "g.jsonl", "csv")
    with pytest.raises(EvalError, match="no scorable sentence"):
        read_gold(tmp_path / "g.jsonl", "jsonl")


def test_shared_dev_sets_read(shared):
    """The real dev files parse (counts as their READMEs give them)."""
    d = shared / "data"
    assert len(read_gold(d / "plover_gsr" / "PLOVER_GSR_CAMEO.json", "plover-gsr").sentences) == 322
    assert len(read_gold(d / "conflibert_cameo_test" / "cameo_class_test.tsv", "penta-tsv").sentences) == 451
    petr = read_gold(d / "upetrarch_petr2_gsr" / "PETR2_GSR_validation.xml", "petr")
    assert len(petr.sentences) == 77 and sum(not s.events for s in petr.sentences) == 12


def test_penta_tsv_with_its_token_tag_file_gives_actor_spans():
    g = read_gold(FIX / "penta_small.tsv", "penta-tsv", spans=FIX / "penta_small.conll")
    words = [
        ([s.text[a:b] for a, b in s.events[0].source_spans], [s.text[a:b] for a, b in s.events[0].target_spans])
        for s in g.sentences
    ]
    assert words[0] == (["Officials in Quito"], [])
    assert words[1] == (["The two governments"], ["The two governments"])  # reciprocal: both sides
    assert words[4] == (["Rebels"], ["two guards"])
    assert [s.events[0].penta for s in g.sentences] == [0, 1, 2, 3, 4]


@pytest.mark.parametrize(
    ("conll", "needle"),
    [
        ("Officials B-S\n\nThe B-R\n", "2 sentences, but the gold file has 5"),
        ("Officials B-X\n", ":1"),
    ],
)
def test_a_token_tag_file_that_does_not_fit_is_an_error(tmp_path, conll, needle):
    p = tmp_path / "tags.conll"
    p.write_text(conll, "utf-8")
    with pytest.raises(EvalError) as e:
        read_gold(FIX / "penta_small.tsv", "penta-tsv", spans=p)
    assert e.value.code == "E612" and needle in str(e.value)


def test_a_token_that_is_not_the_next_word_is_an_error(tmp_path):
    good = (FIX / "penta_small.conll").read_text("utf-8")
    p = tmp_path / "tags.conll"
    p.write_text(good.replace("Quito", "Lima", 1), "utf-8")
    with pytest.raises(EvalError) as e:
        read_gold(FIX / "penta_small.tsv", "penta-tsv", spans=p)
    assert e.value.code == "E612" and "'Lima'" in str(e.value) and "tags.conll:3" in str(e.value)


def test_spans_go_only_with_penta_tsv():
    with pytest.raises(EvalError) as e:
        read_gold(FIX / "petr_small.xml", "petr", spans=FIX / "penta_small.conll")
    assert e.value.code == "E611"
