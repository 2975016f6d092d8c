"""A load rebuilds only what depends on what it changed, and the result is a full rebuild's.

After the tiny program is loaded (a full build), corrections are published incrementally: a
corrected BibTeX file through the whole loader, and a dispatch-only correction of one slice
through the store. Each published version is compared, table by table, with a full rebuild of
the very same raw data; the dispatch correction must leave the publication marts alone, and
the dispatch marts (partitioned by consortium) are rebuilt for its consortium only.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest
from tiny_program import write_tiny_program

from etl.load import load
from warehouse import build, store
from warehouse.store import SUBMITTED_TABLES


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The tiny program loaded once (a full build); the tests publish corrections on top."""
    root = tmp_path_factory.mktemp("incremental")
    submissions = write_tiny_program(root / "submissions")
    directory = root / "warehouse"
    assert load(submissions, loaded_by="test", directory=directory).ok
    return submissions, directory


def table_names(con: duckdb.DuckDBPyConnection, database: str) -> set[str]:
    rows = con.execute("select table_name from duckdb_tables() where database_name = ? "
                       "and schema_name = 'main'", [database]).fetchall()
    return {name for (name,) in rows} - {"raw_build_info"}


def rounded(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """The table's columns, doubles rounded: sums over rows in another order differ in the
    last bit between two full builds too."""
    rows = con.execute("select column_name, data_type from duckdb_columns() "
                       "where database_name = 'incremental' and table_name = ? "
                       "order by column_index", [table]).fetchall()
    return [f'round("{name}", 9) as "{name}"' if kind in ("DOUBLE", "FLOAT") else f'"{name}"'
            for name, kind in rows]


def differences_from_a_full_rebuild(published: Path, scratch: Path) -> dict[str, int]:
    """Rows that differ, per table, between `published` and a full rebuild of its raw data."""
    full = scratch / "full.duckdb"
    shutil.copyfile(published, full)
    con = duckdb.connect(str(full))
    assert build.build(con) is None, "a build without changed tables is a full one"
    con.close()
    con = duckdb.connect()
    con.execute(f"attach '{published}' as incremental (read_only)")
    con.execute(f"attach '{full}' as rebuilt (read_only)")
    names = table_names(con, "incremental")
    assert names == table_names(con, "rebuilt")
    found = {}
    for name in sorted(names):
        columns = ", ".join(rounded(con, name))
        found[name] = con.execute(
            f"select count(*) from ((select {columns} from incremental.{name} except all "
            f"select {columns} from rebuilt.{name}) union all (select {columns} from "
            f"rebuilt.{name} except all select {columns} from incremental.{name}))"
        ).fetchall()[0][0]
    con.close()
    return {name: rows for name, rows in found.items() if rows}


def kpi_values(path: Path) -> pl.DataFrame:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.sql("select * from kpi_value order by all").pl()
    finally:
        con.close()


def test_a_corrected_bibtex_file_published_incrementally_equals_a_full_rebuild(
        loaded: tuple[Path, Path], tmp_path: Path) -> None:
    submissions, directory = loaded
    before = kpi_values(store.current_file(directory))
    bib = submissions / "vaiv" / "2025-Q2" / "publications.bib"
    text = bib.read_text(encoding="utf-8")
    assert "openaccess = {true}" in text
    bib.write_text(text.replace("openaccess = {true}", "openaccess = {false}"), encoding="utf-8")
    report = load(submissions, loaded_by="test", directory=directory)
    assert report.ok and report.warehouse_file is not None
    assert not kpi_values(report.warehouse_file).equals(before), "the correction shows"
    assert differences_from_a_full_rebuild(report.warehouse_file, tmp_path) == {}


def slice_frames(path: Path) -> tuple[str, str, dict[str, pl.DataFrame]]:
    """The submitted rows of the slice with the most dispatch rows, as a load would send them."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        consortium_id, period = con.execute(
            "select consortium_id, period from raw_dispatch group by all "
            "order by count(*) desc, consortium_id, period limit 1").fetchall()[0]
        frames = {dataset: con.sql(f"select * replace ('correction' as load_id) from {table} "
                                   "where consortium_id = $c and period = $p",
                                   params={"c": consortium_id, "p": period}).pl()
                  for dataset, table in SUBMITTED_TABLES.items()}
    finally:
        con.close()
    return consortium_id, period, frames


def test_a_dispatch_correction_rebuilds_the_dispatch_marts_only_and_equals_a_full_rebuild(
        loaded: tuple[Path, Path], tmp_path: Path) -> None:
    _, directory = loaded
    consortium_id, period, frames = slice_frames(store.current_file(directory))
    assert frames["dispatches"].height > 1
    frames["dispatches"] = frames["dispatches"].head(-1)
    with store.new_version(directory) as version:
        version.replace_slice(consortium_id, period, frames)
    assert store.current_file(directory) == version.path
    assert version.changed_tables == {"raw_dispatch", "raw_rejected_row"}
    assert version.changed_consortia == {"raw_dispatch": {consortium_id},
                                         "raw_rejected_row": {consortium_id}}
    assert version.rebuilt is not None
    assert {"fct_dispatch", "fct_dispatch_period", "kpi_value"} <= set(version.rebuilt)
    assert not {"dim_publication", "int_publication_identity", "fct_publication_period",
                "fct_student_period"} & set(version.rebuilt)
    assert differences_from_a_full_rebuild(version.path, tmp_path) == {}


def test_the_same_rows_sent_again_rebuild_nothing(loaded: tuple[Path, Path]) -> None:
    _, directory = loaded
    consortium_id, period, frames = slice_frames(store.current_file(directory))
    with store.new_version(directory) as version:
        version.replace_slice(consortium_id, period, frames)
    assert version.changed_tables == {"raw_rejected_row"}
    assert version.rebuilt == []
