"""The open lake holds every table, partitioned, and a re-export rewrites only what changed."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow.parquet as pq
from tiny_program import write_tiny_program

from etl.load import load
from warehouse.lake import export_lake, read_catalogue
from warehouse.store import current_file


def test_every_table_is_exported_with_its_rows_and_partitions(tiny_warehouse: Path,
                                                             tmp_path: Path) -> None:
    lake = tmp_path / "lake"
    export_lake(lake, current_file(tiny_warehouse))
    catalogue = read_catalogue(lake)
    con = duckdb.connect(str(current_file(tiny_warehouse)), read_only=True)
    try:
        for table, entry in catalogue["tables"].items():
            rows = con.execute(f"select count(*) from {table}").fetchone()[0]
            files = list((lake / table).rglob("*.parquet"))
            assert sum(pq.read_metadata(f).num_rows for f in files) == rows, table
            assert sum(p["rows"] for p in entry["partitions"].values()) == rows, table
    finally:
        con.close()
    assert catalogue["tables"]["raw_student"]["partition_by"] == ["consortium_id", "period"]
    assert (lake / "raw_student" / "consortium_id=vaiv" / "period=2024-Q4").is_dir()
    assert catalogue["tables"]["kpi_value"]["partition_by"] == ["consortium_id", "period"]


def test_a_re_export_after_a_load_rewrites_only_the_changed_partitions(tmp_path: Path) -> None:
    submissions = write_tiny_program(tmp_path / "submissions")
    directory, lake = tmp_path / "warehouse", tmp_path / "lake"
    load(submissions, loaded_by="test", directory=directory)
    first = export_lake(lake, current_file(directory))
    assert export_lake(lake, current_file(directory)).written == []
    folder = submissions / "vaiv" / "2025-Q2"
    bib = folder / "publications.bib"
    bib.write_text(bib.read_text(encoding="utf-8").replace("Shared Work", "Shared Works"),
                   encoding="utf-8")
    load(folder, loaded_by="test", directory=directory)
    second = export_lake(lake, current_file(directory))
    assert "raw_publication/consortium_id=vaiv/period=2025-Q2" in second.written
    assert "raw_student/consortium_id=42maru/period=2025-Q2" in second.unchanged
    assert "raw_student/consortium_id=vaiv/period=2024-Q4" in second.unchanged
    assert len(second.written) < len(first.written) / 2
