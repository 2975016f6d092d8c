"""KPI latency: every KPI view on DuckDB beside the same SQL on SQLite, and what the app reads.

Three figures per KPI, each p50/p95 over `runs` timed runs after one warm-up:
- **view**: `select * from kpi_<id>`, the KPI computed from the warehouse's marts (what each
  load pays to build the scorecard, and what an analyst pays querying the view);
- **SQLite**: the same view SQL, transpiled by sqlglot, over a SQLite copy of the same mart
  tables with an index on (consortium_id, period), as an in-house tool on SQLite would run it;
- **app read**: the one query a page runs for a KPI's trend (`warehouse.queries.trend`), which
  reads the materialised scorecard.
Plus the overview page's whole data fetch (quarters, consortia, the quarter's scorecard and one
trend) through the app's reader, with no Streamlit cache in front.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import duckdb
import sqlglot
from sqlglot import exp

from benchmarks.measure import percentile, timings
from warehouse import catalogue, queries
from warehouse.connection import Reader
from warehouse.kpi_sql import view_sql
from warehouse.store import current_file


@dataclass(frozen=True)
class KpiFigures:
    """One KPI at one scale, in milliseconds."""

    kpi_id: str
    view_p50: float
    view_p95: float
    sqlite_p50: float
    sqlite_p95: float
    app_p50: float
    app_p95: float
    #: rows of the tables the view reads (what the SQLite copy holds for it)
    rows_read: int = 0

    @property
    def sqlite_ratio(self) -> float:
        """How many times slower SQLite is than DuckDB on the view (p50)."""
        return self.sqlite_p50 / self.view_p50


def _ms(values: list[float]) -> tuple[float, float]:
    return percentile(values, 0.5) * 1000, percentile(values, 0.95) * 1000


def kpi_sql(kpi_id: str) -> str:
    """The KPI's view definition, as the build creates it."""
    return view_sql(catalogue.kpi(kpi_id))


def _expand_grouping_sets(tree: exp.Expression) -> exp.Expression:
    """Rewrite `group by grouping sets (...)` (which SQLite lacks) as a union of group-bys.

    In the select list, a column grouped in some sets but not in this one reads as NULL, as
    grouping sets define; joins and filters are left as they are.
    """
    for select in list(tree.find_all(exp.Select)):
        group = select.args.get("group")
        sets = group.find(exp.GroupingSets) if group else None
        if sets is None:
            continue
        members = [list(s.expressions) if isinstance(s, exp.Tuple) else [s.this]
                   for s in sets.expressions]
        grouped = {c.sql() for columns in members for c in columns}
        parts = []
        for columns in members:
            kept = {c.sql() for c in columns}
            part = select.copy()
            part.set("group", exp.Group(expressions=[c.copy() for c in columns]))
            for projection in part.expressions:
                for column in list(projection.find_all(exp.Column)):
                    if column.sql() in grouped - kept:
                        column.replace(exp.Null())
            parts.append(part)
        union = parts[0]
        for part in parts[1:]:
            union = exp.union(union, part, distinct=False)
        if select is tree:
            return union
        select.replace(union)
    return tree


def to_sqlite(duckdb_sql: str) -> str:
    """A KPI view's SQL in SQLite's dialect."""
    tree = sqlglot.parse_one(duckdb_sql, read="duckdb")
    return _expand_grouping_sets(tree).sql(dialect="sqlite")


def tables_read(sql: str) -> set[str]:
    """Tables a statement reads (its own CTE names excluded)."""
    tree = sqlglot.parse_one(sql, read="duckdb")
    ctes = {cte.alias for cte in tree.find_all(exp.CTE)}
    return {t.name for t in tree.find_all(exp.Table)} - ctes


def copy_to_sqlite(con: duckdb.DuckDBPyConnection, tables: set[str], out: Path) -> None:
    """The given warehouse tables in a new SQLite file, indexed like a careful tool would."""
    out.unlink(missing_ok=True)
    lite = sqlite3.connect(out)
    for table in sorted(tables):
        relation = con.sql(f"select * from {table}")
        columns = relation.columns
        lite.execute(f"create table {table} ({', '.join(columns)})")
        values = [_sqlite_value(c, t) for c, t in zip(columns, relation.types, strict=True)]
        rows = con.execute(f"select {', '.join(values)} from {table}").fetchall()
        lite.executemany(f"insert into {table} values ({', '.join('?' * len(columns))})", rows)
        if {"consortium_id", "period"} <= set(columns):
            lite.execute(f"create index {table}_slice on {table} (consortium_id, period)")
    lite.commit()
    lite.close()


def _sqlite_value(column: str, kind: object) -> str:
    """Dates as ISO text, booleans as 0/1, lists as text: what SQLite can hold."""
    name = str(kind).upper()
    if name.startswith(("DATE", "TIMESTAMP")):
        return f"strftime({column}, '%Y-%m-%d')"
    if name == "BOOLEAN":
        return f"cast({column} as integer)"
    if name.endswith("[]"):
        return f"cast({column} as varchar)"
    return column


def _fetch(con: duckdb.DuckDBPyConnection | sqlite3.Connection, sql: str) -> None:
    con.execute(sql).fetchall()


def measure_kpis(warehouse_dir: Path, work: Path, runs: int) -> list[KpiFigures]:
    """Every catalogue KPI: view, SQLite and app read latencies."""
    path = current_file(warehouse_dir)
    assert path is not None
    con = duckdb.connect(str(path), read_only=True)
    sources = {k.id: kpi_sql(k.id) for k in catalogue.kpis()}
    needed = set().union(*(tables_read(sql) for sql in sources.values()))
    lite_path = work / "marts.sqlite"
    copy_to_sqlite(con, needed, lite_path)
    lite = sqlite3.connect(lite_path)
    reader = Reader(warehouse_dir)
    figures = []
    for kpi_id, sql in sources.items():
        lite_sql = to_sqlite(sql)
        view = _ms(timings(partial(_fetch, con, sql), runs, warmup=1))
        on_sqlite = _ms(timings(partial(_fetch, lite, lite_sql), runs, warmup=1))
        app = _ms(timings(partial(queries.trend, kpi_id, None, reader), runs, warmup=1))
        rows = sum(con.execute(f"select count(*) from {table}").fetchone()[0]
                   for table in tables_read(sql))
        figures.append(KpiFigures(kpi_id, *view, *on_sqlite, *app, rows))
    reader.close()
    lite.close()
    con.close()
    return figures


def overview_fetch(warehouse_dir: Path, runs: int) -> tuple[float, float]:
    """p50/p95 ms of everything the overview page reads for its latest quarter."""
    reader = Reader(warehouse_dir)
    first_kpi = catalogue.kpis()[0].id

    def fetch() -> None:
        latest = queries.periods(reader)[-1]
        queries.consortia(reader)
        queries.scorecard(latest, None, reader)
        queries.trend(first_kpi, None, reader)

    result = _ms(timings(fetch, runs, warmup=1))
    reader.close()
    return result
