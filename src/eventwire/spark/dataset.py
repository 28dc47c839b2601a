"""The Parquet dataset ``spark-run`` writes: one folder per store table, swapped in only when complete.

    DIR/mentions/year=2024/month=3/part-*.parquet    the store's ``mentions`` (partitioned by event date)
    DIR/events/year=2024/month=3/part-*.parquet      de-duplicated ``events`` (partitioned by event date)
    DIR/event_mentions/  DIR/stories/  DIR/rejects/  the other tables
    DIR/_eventwire.json                              what wrote it (version, de-duplication parameters)

Every table of a run is first written under ``DIR/_staging-<id>/``; when all are written, each table
folder replaces the old one by a rename (through Hadoop's FileSystem, so HDFS and object stores work as
the local disk does).  A job that fails leaves the old tables as they were and no partial folder among them;
undated rows go to the partition ``year=__HIVE_DEFAULT_PARTITION__`` (read back as a null year).
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from .._version import __version__
from ..errors import error
from ..store.arrow import DATASET_TABLES, PARTITION_COLUMNS, PARTITIONED

INFO = "_eventwire.json"


class HadoopFS:
    """The few Hadoop FileSystem calls the swap needs (exists, rename, delete, write a small file)."""

    def __init__(self, spark: Any, root: str) -> None:
        self._jvm = spark.sparkContext._jvm
        conf = spark.sparkContext._jsc.hadoopConfiguration()
        self._fs = self.path(root).getFileSystem(conf)

    def path(self, p: str) -> Any:
        return self._jvm.org.apache.hadoop.fs.Path(p)

    def exists(self, p: str) -> bool:
        return bool(self._fs.exists(self.path(p)))

    def rename(self, src: str, dst: str) -> None:
        if not self._fs.rename(self.path(src), self.path(dst)):
            raise OSError(f"rename {src} -> {dst} failed")

    def delete(self, p: str) -> None:
        self._fs.delete(self.path(p), True)

    def mkdirs(self, p: str) -> None:
        self._fs.mkdirs(self.path(p))

    def write_text(self, p: str, text: str) -> None:
        out = self._fs.create(self.path(p), True)
        try:
            out.write(bytearray(text.encode("utf-8")))
        finally:
            out.close()


def join(root: str, *parts: str) -> str:
    return "/".join([root.rstrip("/"), *parts])


def read_table(spark: Any, out: str, name: str) -> Any | None:
    """Table ``name`` of the dataset at ``out`` as a DataFrame (without the partition columns), or ``None``."""
    fs = HadoopFS(spark, out)
    where = join(out, name)
    if not fs.exists(where):
        return None
    df = spark.read.option("basePath", where).parquet(where)
    return df.drop(*[c for c in PARTITION_COLUMNS if c in df.columns]) if name in PARTITIONED else df


def write_dataset(spark: Any, out: str, tables: dict[str, Any], info: dict[str, Any]) -> None:
    """Write ``tables`` (name → DataFrame with the columns of ``DATASET_TABLES[name]``) to ``out``: staged
    first, then each table folder swapped in by rename; ``info`` goes to ``_eventwire.json``."""
    from pyspark.sql import functions as F

    from .types import spark_type

    fs = HadoopFS(spark, out)
    run = uuid.uuid4().hex[:12]
    staging = join(out, f"_staging-{run}")
    old = join(out, f"_old-{run}")
    try:
        fs.mkdirs(staging)
        for name, df in tables.items():
            schema = DATASET_TABLES[name]
            df = df.select(*[F.col(f.name).cast(spark_type(f.type)).alias(f.name) for f in schema])
            w = df
            if name in PARTITIONED:
                w = df.withColumn("year", F.year("date")).withColumn("month", F.month("date"))
                w.write.mode("overwrite").partitionBy(*PARTITION_COLUMNS).parquet(join(staging, name))
            else:
                w.write.mode("overwrite").parquet(join(staging, name))
        fs.write_text(join(staging, INFO), json.dumps({"eventwire_version": __version__, **info}, sort_keys=True))
    except BaseException:
        fs.delete(staging)
        raise
    try:
        fs.mkdirs(old)
        for name in [*tables, INFO]:
            if fs.exists(join(out, name)):
                fs.rename(join(out, name), join(old, name))
            fs.rename(join(staging, name), join(out, name))
    except Exception as e:  # noqa: BLE001 - Py4J and OS errors alike
        raise error("E546", path=out, reason=f"{e}; the new tables are kept in {staging}") from e
    fs.delete(old)
    fs.delete(staging)
