"""The warehouse as an open lake: Parquet files any engine can read, plus a small catalogue.

`python -m warehouse export-lake <dir>` writes every raw table and every materialised mart and
KPI table of the live warehouse as Parquet, partitioned by consortium (and quarter where a table
has one), with `lake.json` describing tables, columns, partitions and a content hash of each
partition. Re-exporting after a load rewrites only the partitions whose content changed and
removes partitions that no longer exist, so a lake mirrored elsewhere moves little data.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from warehouse.store import current_file

CATALOGUE = "lake.json"
EMPTY_FILE = "empty.parquet"
PARTITION_COLUMNS = ("consortium_id", "period")
SKIPPED_TABLES = {"raw_build_info", "raw_reference_version"}


@dataclass
class LakeReport:
    """What an export wrote, kept and removed."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def _tables(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[str, str]]]:
    rows = con.execute(
        "select table_name, column_name, data_type from duckdb_columns() "
        "where schema_name = 'main' and table_name in "
        "(select table_name from duckdb_tables() where schema_name = 'main') "
        "order by table_name, column_index").fetchall()
    tables: dict[str, list[tuple[str, str]]] = {}
    for table, column, data_type in rows:
        if table not in SKIPPED_TABLES:
            tables.setdefault(table, []).append((column, data_type))
    return tables


def _partition_dir(table: str, keys: dict[str, str]) -> str:
    return "/".join([table, *(f"{k}={v}" for k, v in keys.items())])


def _partitions(con: duckdb.DuckDBPyConnection, table: str,
                by: list[str]) -> list[tuple[dict[str, str], str, int]]:
    """Each partition's key values, content hash (order-independent) and row count."""
    keys = ", ".join(by) if by else "null"
    group = f"group by {keys}" if by else ""
    rows = con.execute(
        f"select {keys}, md5(string_agg(md5(cast(t as varchar)), '' "
        f"order by md5(cast(t as varchar)))), count(*) from {table} t {group}").fetchall()
    return [({c: str(v) for c, v in zip(by, row[:len(by)], strict=True)}, row[-2], row[-1])
            for row in rows if row[-1]]


def _write_partition(con: duckdb.DuckDBPyConnection, table: str, keys: dict[str, str],
                     target: Path) -> None:
    where = " and ".join(f"{column} = ?" for column in keys) or "true"
    columns = ", ".join(f'"{c}"' for c in _data_columns(con, table, list(keys)))
    data = con.sql(f"select {columns} from {table} where {where} order by all",
                   params=list(keys.values()) or None).to_arrow_table()
    folder = target / _partition_dir(table, keys)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    pq.write_table(data, folder / "part-0.parquet", compression="zstd")


def _mark_empty(con: duckdb.DuckDBPyConnection, table: str, target: Path, empty: bool) -> None:
    """An empty table is one Parquet file with its columns and no rows, so engines see it."""
    marker = target / table / EMPTY_FILE
    if empty:
        marker.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(con.sql(f"select * from {table} limit 0").to_arrow_table(), marker)
    else:
        marker.unlink(missing_ok=True)


def _data_columns(con: duckdb.DuckDBPyConnection, table: str, keys: list[str]) -> list[str]:
    names = [r[0] for r in con.execute(
        "select column_name from duckdb_columns() where schema_name = 'main' "
        "and table_name = ? order by column_index", [table]).fetchall()]
    return [n for n in names if n not in keys]


def export_lake(target: Path, warehouse_file: Path | None = None) -> LakeReport:
    """Write (or bring up to date) the lake in `target` from the live warehouse."""
    source = warehouse_file or current_file()
    if source is None:
        raise FileNotFoundError("no warehouse to export: load data first")
    target.mkdir(parents=True, exist_ok=True)
    previous = _read_catalogue(target)
    catalogue: dict[str, dict] = {"source": source.name, "tables": {}}
    report = LakeReport()
    con = duckdb.connect(str(source), read_only=True)
    try:
        for table, columns in _tables(con).items():
            by = [c for c in PARTITION_COLUMNS if c in dict(columns)]
            old = previous.get("tables", {}).get(table, {}).get("partitions", {})
            entry = {"columns": [{"name": n, "type": t} for n, t in columns],
                     "partition_by": by, "partitions": {}}
            for keys, content, rows in _partitions(con, table, by):
                path = _partition_dir(table, keys)
                entry["partitions"][path] = {"rows": rows, "content_md5": content}
                same = old.get(path, {}).get("content_md5") == content
                if same and (target / path / "part-0.parquet").exists():
                    report.unchanged.append(path)
                else:
                    _write_partition(con, table, keys, target)
                    report.written.append(path)
            _mark_empty(con, table, target, empty=not entry["partitions"])
            for path in set(old) - set(entry["partitions"]):
                shutil.rmtree(target / path, ignore_errors=True)
                report.removed.append(path)
            catalogue["tables"][table] = entry
    finally:
        con.close()
    for table in set(previous.get("tables", {})) - set(catalogue["tables"]):
        shutil.rmtree(target / table, ignore_errors=True)
        report.removed.append(table)
    (target / CATALOGUE).write_text(json.dumps(catalogue, indent=1, sort_keys=True),
                                    encoding="utf-8")
    return report


def _read_catalogue(target: Path) -> dict:
    path = target / CATALOGUE
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def read_catalogue(target: Path) -> dict:
    """The lake's catalogue: tables, columns, partition columns and partitions."""
    return _read_catalogue(target)
