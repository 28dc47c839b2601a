"""Starting Spark for eventwire: a local session that works offline, or the session ``spark-submit`` made.

A local master (``local[N]``) gets the settings measured to work on one machine: the Python workers run
this interpreter (``PYSPARK_PYTHON``), everything binds to 127.0.0.1, Spark's temp, warehouse and local
folders live under one scratch folder, the UI and the console progress bar are off, few shuffle partitions.
JVM options apply only when the first session of the process starts the JVM.

Third-party errors are translated here: no Java, or a JVM that does not start, is ``StoreError`` E542.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from ..errors import error

# settings for every session eventwire starts (Parquet timestamps DuckDB reads as TIMESTAMP, UTC dates)
COMMON_CONF = {
    "spark.sql.session.timeZone": "UTC",
    "spark.sql.parquet.outputTimestampType": "TIMESTAMP_MICROS",
    "spark.sql.sources.partitionOverwriteMode": "dynamic",
    "spark.python.worker.reuse": "true",
    "spark.ui.showConsoleProgress": "false",
    # rows per Arrow batch a Python worker holds: a row of a ``binaryFile`` read is a whole input file
    "spark.sql.execution.arrow.maxRecordsPerBatch": "256",
}
# settings for a local master (one machine)
LOCAL_CONF = {
    "spark.ui.enabled": "false",
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
    "spark.sql.shuffle.partitions": "4",
    "spark.sql.adaptive.enabled": "false",
}


def require_pyspark() -> None:
    """Raise E541 when pyspark (the ``[spark]`` extra) is not installed."""
    try:
        import pyspark  # noqa: F401
    except ImportError as e:
        raise error("E541", reason=str(e)) from e


def find_java() -> str | None:
    """The ``java`` Spark will run: ``$JAVA_HOME/bin/java``, else the first on ``PATH``; ``None`` when none."""
    home = os.environ.get("JAVA_HOME")
    if home:
        p = Path(home, "bin", "java")
        if p.is_file() and os.access(p, os.X_OK):
            return str(p)
    return shutil.which("java")


def is_local(master: str | None) -> bool:
    return master is None or master.startswith("local")


def _configured_master() -> str | None:
    """The master ``spark-submit`` (or ``spark-defaults.conf``) set for this process, if any."""
    from pyspark import SparkConf

    conf = SparkConf()
    return conf.get("spark.master") if conf.contains("spark.master") else None


def get_session(
    master: str | None = None,
    *,
    scratch: str | Path | None = None,
    app_name: str = "eventwire",
    conf: dict[str, str] | None = None,
) -> Any:
    """The active SparkSession, or a new one on ``master`` (default: what ``spark-submit`` set, else
    ``local[*]``).  ``scratch`` is the folder for Spark's temp, warehouse and local files of a local
    session (default: a new temporary folder)."""
    require_pyspark()
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None and master is None:
        return active
    master = master or _configured_master() or "local[*]"
    builder = SparkSession.builder.appName(app_name).master(master)
    settings = dict(COMMON_CONF)
    if is_local(master):
        if find_java() is None:
            raise error("E542", reason="no Java found: install Java 17 or later and put it on PATH or set JAVA_HOME")
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        if scratch:
            base = Path(scratch)
        else:  # a folder of this process: removed when it exits
            base = Path(tempfile.mkdtemp(prefix="eventwire-spark-"))
            atexit.register(shutil.rmtree, base, ignore_errors=True)
        for sub in ("tmp", "local", "warehouse"):
            (base / sub).mkdir(parents=True, exist_ok=True)
        settings.update(LOCAL_CONF)
        settings["spark.local.dir"] = str(base / "local")
        settings["spark.sql.warehouse.dir"] = str(base / "warehouse")
        settings["spark.driver.extraJavaOptions"] = (
            f"-Djava.io.tmpdir={base / 'tmp'} -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
        )
    settings.update(conf or {})
    for k, v in settings.items():
        builder = builder.config(k, v)
    for name in ("SQLQueryContextLogger", "DataFrameQueryContextLogger"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        spark = builder.getOrCreate()
    except Exception as e:  # noqa: BLE001 - Py4J / JVM start-up errors of every kind
        raise error("E542", reason=_first_line(e)) from e
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _first_line(e: BaseException) -> str:
    msg = str(e).strip()
    return msg.splitlines()[0] if msg else type(e).__name__
