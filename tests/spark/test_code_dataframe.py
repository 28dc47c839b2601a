"""``code_dataframe``: any DataFrame of stories → event mentions (the store's mention schema) and rejects, with
the same ingest and the same batch function as ``eventwire code``."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.ingest.records import record_to_story
from eventwire.pipeline import Coder
from eventwire.spark import CoderConfig, code_dataframe
from eventwire.spark.types import spark_schema
from eventwire.store.arrow import MENTIONS

STORIES = [
    ("d1", "2024-05-06", "ANKARA, May 6 (AFP) - Turkey's foreign minister met his Greek counterpart in Athens."),
    ("d2", "2024-05-07", "Egyptian police arrested two Israeli tourists in Cairo on Tuesday."),
    ("d3", None, "The French president praised Germany for its help after the floods."),
    ("d4", "2024-05-07", "   "),
    ("d5", "not a date", "Armenia accused Azerbaijan of shelling border villages."),
]


def _frame(spark: Any) -> Any:
    return spark.createDataFrame(STORIES, "doc_id string, published string, body string")


def test_mentions_have_the_store_schema_and_match_the_coder(spark: Any, coder: Coder) -> None:
    coded = code_dataframe(_frame(spark), text="body", id="doc_id", date="published", partitions=2).persist()
    mentions = coded.mentions
    assert mentions.schema == spark_schema(MENTIONS)
    got = sorted((r["mention_id"], r["story_id"], r["cameo"], r["source_code"]) for r in mentions.collect())
    stories = [
        record_to_story({"id": i, "date": d, "text": t}, origin_file="x", origin_line=None) for i, d, t in STORIES
    ]
    records, _ = coder.code_batch([s for s in stories if not hasattr(s, "reason")])
    want = sorted((r["event_id"], r["story_id"], r["cameo"], (r["source"] or {}).get("code")) for r in records)
    assert got == want and len(got) >= 3


def test_rejected_rows_come_out_in_the_rejects_frame(spark: Any) -> None:
    coded = code_dataframe(_frame(spark), text="body", id="doc_id", date="published").persist()
    rejects = {r["id"]: (r["code"], r["reason"]) for r in coded.rejects.collect()}
    assert set(rejects) == {"d4", "d5"}
    assert rejects["d4"][0] == "E110"  # empty text
    assert rejects["d5"][0] == "E121"  # a date that is not a date
    assert coded.stories.count() == 3


def test_the_coder_config_travels_to_the_workers(spark: Any) -> None:
    cfg = CoderConfig(model="no_such_spacy_pipeline_xyz", batch_size=2)
    coded = code_dataframe(_frame(spark), text="body", id="doc_id", date="published", config=cfg)
    with pytest.raises(Exception, match=r"\[E20\d\].*no_such_spacy_pipeline_xyz"):
        coded.mentions.count()
