"""Every KPI computed by Apache Spark over the lake equals DuckDB's, row for row.

The KPI SQL is written once (DuckDB dialect) and transpiled for Spark by sqlglot, which can
mistranslate silently, so this runs the whole catalogue on the shipped sample on both engines.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pytest

import config
from etl.load import load
from warehouse import catalogue
from warehouse.lake import export_lake
from warehouse.store import current_file

pytest.importorskip("pyspark")

KEYS = ["kpi_id", "consortium_id", "period"]


@pytest.fixture(scope="module")
def sample_lake(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, pl.DataFrame]:
    """The shipped sample's warehouse exported as a lake, and DuckDB's KPI values."""
    work = tmp_path_factory.mktemp("spark")
    load(config.SAMPLE_DIR, loaded_by="test", directory=work / "warehouse")
    source = current_file(work / "warehouse")
    export_lake(work / "lake", source)
    con = duckdb.connect(str(source), read_only=True)
    try:
        expected = con.sql("select * from kpi_value").pl()
    finally:
        con.close()
    return work, expected


def test_spark_computes_every_kpi_exactly_as_duckdb(sample_lake) -> None:
    from warehouse.spark import kpi_values, start_spark

    work, expected = sample_lake
    spark = start_spark(work / "scratch")
    try:
        actual = kpi_values(spark, work / "lake")
    finally:
        spark.stop()
    assert set(actual["kpi_id"].unique()) == {k.id for k in catalogue.kpis()}
    assert actual.height == expected.height
    joined = expected.join(actual, on=KEYS, how="full", suffix="_spark", coalesce=True)
    for column in ("value", "numerator", "denominator"):
        left, right = pl.col(column), pl.col(f"{column}_spark")
        differs = (left.is_null() != right.is_null()) | ((left - right).abs() > 1e-9)
        mismatches = joined.filter(differs.fill_null(False))
        assert mismatches.height == 0, mismatches.head(10)
