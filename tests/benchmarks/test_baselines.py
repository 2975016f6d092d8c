"""The benchmark baselines compute the same thing as the product, so a speed ratio means something.

A baseline that silently drops rows or answers a different question would make any comparison
meaningless. These tests check that the SQLite baseline returns exactly the DuckDB values for
every catalogue KPI on the tiny program (grouping sets rewritten as unions included), and that
the three loaders read the same number of rows from the same submissions. Nothing here times
anything: the figures live in docs/benchmarks.md.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import duckdb

from benchmarks.loaders import duckdb_raw, pandas_sqlite
from benchmarks.measure import percentile, run_child
from benchmarks.query_bench import copy_to_sqlite, kpi_sql, tables_read, to_sqlite
from etl.sample_bulk import generate
from warehouse import catalogue
from warehouse.store import current_file


def rounded(rows: list[tuple]) -> list[tuple]:
    return sorted((c, p, None if v is None else round(float(v), 9)) for c, p, v in rows)


def test_sqlite_gives_the_duckdb_value_of_every_kpi(tiny_warehouse: Path, later_warehouse: Path,
                                                   tmp_path: Path) -> None:
    sources = {k.id: kpi_sql(k.id) for k in catalogue.kpis()}
    query = "select consortium_id, period, value from ({})"
    with_values = set()
    # the later-quarter program is where the 12-month KPIs have graduates to count
    for name, warehouse in (("tiny", tiny_warehouse), ("later", later_warehouse)):
        con = duckdb.connect(str(current_file(warehouse)), read_only=True)
        copy_to_sqlite(con, set().union(*map(tables_read, sources.values())),
                       tmp_path / f"{name}.sqlite")
        lite = sqlite3.connect(tmp_path / f"{name}.sqlite")
        for kpi_id, sql in sources.items():
            duck = rounded(con.execute(query.format(sql)).fetchall())
            assert rounded(lite.execute(query.format(to_sqlite(sql))).fetchall()) == duck, kpi_id
            if any(v for _, _, v in duck):
                with_values.add(kpi_id)
        con.close()
    assert with_values == set(sources)  # a KPI that is zero everywhere would prove nothing


def test_grouping_sets_become_a_union_with_the_ungrouped_column_null() -> None:
    sql = to_sqlite("select coalesce(a, 'ALL') as a, b, count(*) as n from t "
                    "left join u on u.a = t.a group by grouping sets ((a, b), (b))")
    assert "GROUPING SETS" not in sql.upper() and "UNION ALL" in sql.upper()
    assert "COALESCE(NULL, 'ALL')" in sql.upper() and "u.a = t.a" in sql


def test_every_loader_reads_every_submitted_row(tmp_path: Path) -> None:
    generate(tmp_path / "in", scale=1)
    raw = duckdb_raw(tmp_path / "in", tmp_path / "raw.duckdb")
    lite = pandas_sqlite(tmp_path / "in", tmp_path / "raw.sqlite")
    child = run_child("benchmarks.loaders", "etl", str(tmp_path / "in"), str(tmp_path / "wh"))
    product = json.loads(child.output.strip().splitlines()[-1])["rows"]
    lines = sum(len(p.read_text(encoding="utf-8").splitlines()) - 1
                for p in (tmp_path / "in").rglob("*.csv"))
    assert raw == lite == product == lines
    assert child.peak_mb > 50  # the child's own peak memory, read from the kernel


def test_percentiles_are_observed_values_by_nearest_rank() -> None:
    values = [0.4, 0.1, 0.3, 0.2, 0.5]
    assert percentile(values, 0.5) == 0.3
    assert percentile(values, 0.95) == 0.5  # with five runs the p95 is the slowest
    assert percentile([float(v) for v in range(1, 101)], 0.95) == 95.0
    assert percentile([7.0], 0.95) == 7.0


def test_the_kpi_table_says_where_sqlite_wins_on_a_small_input() -> None:
    from benchmarks.results import _kpi_detail

    figures = {"view_p50": 4.0, "view_p95": 5.0, "sqlite_p50": 2.0, "sqlite_p95": 3.0,
               "app_p50": 1.0, "app_p95": 2.0, "rows_read": 120}
    rows = _kpi_detail({"kpis": [{**figures, "kpi_id": "small", "sqlite_ratio": 0.5},
                                 {**figures, "kpi_id": "large", "sqlite_ratio": 12.0}]})
    small, large = (next(r for r in rows if f"| {name} |" in r) for name in ("small", "large"))
    assert "SQLite faster: small input" in small and "| 120 |" in small
    assert "SQLite faster" not in large
