"""The whole KPI catalogue on DuckDB and on Spark, over the same data, timed side by side.

Loads a submission folder (default: the shipped sample) into a scratch warehouse, exports the
lake, then times computing every KPI (the `kpi_value` union) with DuckDB from the warehouse's
marts and with Spark (local[2]) from the lake; each figure is the median of --runs runs, and
the two results are checked equal. Usage:
    python -m benchmarks.spark_vs_duckdb [--submissions DIR] [--runs 3]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import tempfile
import time
from pathlib import Path

import duckdb

import config
from etl.load import load
from warehouse.build import kpi_union_sql
from warehouse.lake import export_lake
from warehouse.spark import kpi_values, start_spark
from warehouse.store import current_file


def timed(action, runs: int) -> tuple[float, object]:
    """Median seconds of `runs` calls, and the last result."""
    seconds, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = action()
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds), result


def main() -> None:
    """Load, export, time both engines, print a table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--submissions", type=Path, default=config.SAMPLE_DIR)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="engines-"))
    load(args.submissions, loaded_by="bench", directory=work / "warehouse")
    source = current_file(work / "warehouse")
    export_seconds, _ = timed(lambda: export_lake(work / "lake", source), 1)
    con = duckdb.connect(str(source), read_only=True)
    union = kpi_union_sql()
    duck_seconds, duck = timed(lambda: con.sql(union).pl(), args.runs)
    started = time.perf_counter()
    spark = start_spark(work / "scratch")
    start_seconds = time.perf_counter() - started
    spark_seconds, result = timed(lambda: kpi_values(spark, work / "lake"), args.runs)
    spark.stop()
    rows = con.execute("select sum(rows_in) from raw_load").fetchone()[0]
    same = duck.sort(["kpi_id", "consortium_id", "period"]).select("value").equals(
        result.sort(["kpi_id", "consortium_id", "period"]).select("value"))
    print(f"machine: {platform.machine()}, Python {platform.python_version()}, "
          f"DuckDB {duckdb.__version__}")
    print(f"submitted rows {rows}, KPI rows {duck.height}, results identical: {same}")
    print(f"| engine | all KPIs (median of {args.runs}) | note |")
    print("|---|---|---|")
    print(f"| DuckDB | {duck_seconds * 1000:.1f} ms | from the warehouse's materialised marts |")
    print(f"| Spark local[2] | {spark_seconds * 1000:.1f} ms | from the lake; session start "
          f"{start_seconds:.1f} s, lake export {export_seconds:.1f} s |")


if __name__ == "__main__":
    main()
