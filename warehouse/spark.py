"""The same KPI SQL on Apache Spark, over the open lake.

The KPI layer (warehouse/sql/kpi/kpi_<id>.sql, one file per catalogue KPI) is written once in
DuckDB's dialect and transpiled with sqlglot for Spark; the marts it reads come from the lake
that `export_lake` writes. `tests/warehouse/test_spark_equality.py` runs every KPI on both
engines and requires identical results, because sqlglot can mistranslate silently.

Locally this starts Spark in `local[2]` mode with its files kept under a scratch folder; to use a
cluster, pass `master` (e.g. "spark://host:7077" or "yarn") and a lake path the cluster can read
(e.g. an s3a:// or hdfs:// URI holding the exported lake).
"""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl
import sqlglot

from warehouse import catalogue
from warehouse.build import SQL_DIR, kpi_union_sql
from warehouse.lake import read_catalogue

LOG4J = """rootLogger.level = error
rootLogger.appenderRef.stdout.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %m%n
logger.context.name = org.apache.spark.sql.catalyst.util.SQLQueryContextLogger
logger.context.level = off
"""


def to_spark_sql(duckdb_sql: str) -> str:
    """One DuckDB statement in Spark's dialect."""
    return sqlglot.transpile(duckdb_sql, read="duckdb", write="spark")[0]


def start_spark(scratch: Path, master: str = "local[2]"):
    """A Spark session whose temporary files stay under `scratch`."""
    from pyspark.sql import SparkSession

    scratch.mkdir(parents=True, exist_ok=True)
    log_config = scratch / "log4j2.properties"
    log_config.write_text(LOG4J, encoding="utf-8")
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    java_options = f"-Djava.io.tmpdir={scratch} -Dlog4j2.configurationFile=file:{log_config}"
    return (SparkSession.builder.master(master).appName("outcomes-kpis")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
            .config("spark.sql.warehouse.dir", str(scratch / "spark-warehouse"))
            .config("spark.local.dir", str(scratch / "spark-local"))
            .config("spark.driver.memory", "1g")
            .config("spark.driver.extraJavaOptions", java_options)
            .getOrCreate())


def register_lake(spark, lake: Path) -> list[str]:
    """Every lake table as a Spark temporary view; returns the table names."""
    tables = sorted(read_catalogue(lake)["tables"])
    for table in tables:
        spark.read.option("basePath", str(lake / table)).parquet(str(lake / table)) \
            .createOrReplaceTempView(table)
    return tables


def kpi_values(spark, lake: Path) -> pl.DataFrame:
    """Every catalogue KPI computed by Spark from the lake, as `kpi_value` rows."""
    register_lake(spark, lake)
    for entry in catalogue.kpis():
        sql = (SQL_DIR / "kpi" / f"{entry.view}.sql").read_text(encoding="utf-8")
        spark.sql(f"create or replace temporary view {entry.view} as {to_spark_sql(sql)}")
    result = spark.sql(to_spark_sql(kpi_union_sql()))
    return pl.from_arrow(result.toArrow())
