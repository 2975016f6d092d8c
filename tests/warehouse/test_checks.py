"""The written-down data checks hold on a real load, and each can actually fail.

Every file in warehouse/sql/checks is run against the tiny program's warehouse and must return
no offending row; a build whose data breaks a check is refused and never published.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from warehouse import build
from warehouse.store import current_file

CHECKS = build.check_files()


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_data_check_finds_nothing_wrong(tiny_warehouse: Path, name: str) -> None:
    con = duckdb.connect(str(current_file(tiny_warehouse)), read_only=True)
    try:
        assert build.run_check(con, CHECKS[name]) is None
    finally:
        con.close()


def test_a_broken_identity_fails_its_check_and_the_build(tiny_warehouse: Path,
                                                         tmp_path: Path) -> None:
    copy = tmp_path / "broken.duckdb"
    shutil.copyfile(current_file(tiny_warehouse), copy)
    con = duckdb.connect(str(copy))
    try:
        con.execute("update raw_load set rows_accepted = rows_accepted + 1")
        failure = build.run_check(con, CHECKS["load_counts_add_up"])
        assert failure is not None and failure.offending_rows >= 1
        with pytest.raises(build.BuildError, match="load_counts_add_up"):
            build.build(con)
    finally:
        con.close()


def test_every_catalogue_kpi_has_a_view_and_every_kpi_view_is_queryable(
        tiny_warehouse: Path) -> None:
    from warehouse import catalogue

    con = duckdb.connect(str(current_file(tiny_warehouse)), read_only=True)
    try:
        for entry in catalogue.kpis():
            columns = [c[0] for c in con.execute(f"describe {entry.view}").fetchall()]
            assert columns == ["consortium_id", "period", "value", "numerator", "denominator"]
    finally:
        con.close()
