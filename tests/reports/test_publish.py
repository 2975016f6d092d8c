"""Publishing freezes exactly what the warehouse holds, reproducibly, and never in place.

The tiny program is published once per test run (tests/conftest.py `published`: the year 2024,
that is 2024-Q4, then the quarter 2025-Q2). These tests check the manifest against the warehouse
it was published from and against the files on disk, that publishing the same quarter again
gives identical KPI values and file hashes in a new folder, and that the command refuses what it
must refuse with a useful message.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest

from reports import snapshots
from reports.__main__ import main
from reports.manifest import sha256
from reports.publish import NoData, publish, resolve
from warehouse import queries
from warehouse.connection import Reader
from warehouse.snapshot import relation_until

TINY_QUARTERS = ["2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2"]


@pytest.fixture(autouse=True)
def _live_warehouse(tiny_warehouse: Path) -> None:
    """The command line reads the configured warehouse: the tiny program's."""


@pytest.fixture(scope="module")
def reader(published: dict) -> Reader:
    source = Reader(published["warehouse"])
    yield source
    source.close()


def test_the_manifest_holds_every_kpi_value_of_the_quarter_as_the_warehouse_has_it(
        published: dict, reader: Reader) -> None:
    manifest = published["newer"].manifest
    live = queries.scorecard("2025-Q2", None, reader)
    expected = {(r["kpi_id"], r["consortium_id"]): (r["value"], r["denominator"], r["status"])
                for r in live.iter_rows(named=True)}
    frozen = {(r["kpi_id"], r["consortium_id"]): (r["value"], r["denominator"], r["status"])
              for r in manifest["kpis"]}
    assert frozen == expected
    assert manifest["period"] == "2025-Q2"
    assert manifest["warehouse_version"] == reader.version()


def test_row_counts_match_the_warehouse_and_the_parquet_files(published: dict,
                                                              reader: Reader) -> None:
    snapshot = published["newer"]
    counts = snapshot.manifest["row_counts"]
    assert {"kpi_scorecard", "kpi_catalogue", "dim_consortium"} <= set(counts)
    for relation, rows in counts.items():
        assert rows == relation_until(reader, relation, "2025-Q2").height, relation
        frame = pl.read_parquet(snapshot.file(f"internal/data/{relation}.parquet"))
        assert frame.height == rows, relation


def test_the_frozen_scorecard_stops_at_the_snapshots_quarter(published: dict) -> None:
    periods = snapshots.scorecard(published["older"])["period"].unique().sort().to_list()
    assert periods == ["2024-Q3", "2024-Q4"]


def test_no_relation_with_a_person_key_leaves_the_warehouse(published: dict) -> None:
    for path in published["newer"].path.rglob("*.parquet"):
        assert not any(c.endswith("_key") for c in pl.read_parquet_schema(path)), path.name


def test_every_file_is_listed_with_its_sha256(published: dict) -> None:
    snapshot = published["newer"]
    on_disk = {p.relative_to(snapshot.path).as_posix() for p in snapshot.path.rglob("*")
               if p.is_file()} - {"manifest.json"}
    assert set(snapshot.manifest["files"]) == on_disk
    for relative, entry in snapshot.manifest["files"].items():
        assert sha256(snapshot.file(relative)) == entry["sha256"], relative
    for edition in ("internal", "public"):
        for name in ("report-ko.html", "report-en.html", "report-ko.pdf", "report-en.pdf",
                     "kpis-ko.xlsx", "kpis-en.xlsx"):
            assert f"{edition}/{name}" in on_disk


def test_the_code_version_is_the_git_commit(published: dict) -> None:
    head = (Path(__file__).resolve().parents[2] / ".git")
    version = published["newer"].manifest["code_version"]
    assert len(version.removesuffix("-dirty")) == 40 or not head.exists()


def test_a_year_means_its_fourth_or_latest_quarter() -> None:
    assert resolve(TINY_QUARTERS, year=2024) == ("2024-Q4", "year", "2024")
    assert resolve(TINY_QUARTERS, year=2025) == ("2025-Q2", "year", "2025")


def test_a_period_without_data_says_which_quarters_there_are() -> None:
    with pytest.raises(NoData, match="no data for 2030-Q1: the warehouse has quarters "
                                     "2024-Q3 to 2025-Q2"):
        resolve(TINY_QUARTERS, period="2030-Q1")
    with pytest.raises(NoData, match="no data for 2031"):
        resolve(TINY_QUARTERS, year=2031)


def test_the_command_explains_a_period_without_data(published: dict,
                                                    capsys: pytest.CaptureFixture) -> None:
    assert main(["publish", "--period", "2030-Q1", "--quiet"]) == 1
    error = capsys.readouterr().err
    assert "no data for 2030-Q1" in error and "python -m etl load" in error


def test_the_command_rejects_a_malformed_period(published: dict,
                                                capsys: pytest.CaptureFixture) -> None:
    assert main(["publish", "--period", "2025Q2"]) == 2
    assert "2026-Q3" in capsys.readouterr().err


def test_publishing_a_published_year_again_is_refused_without_replace(
        published: dict, capsys: pytest.CaptureFixture) -> None:
    assert main(["publish", "--year", "2024"]) == 1
    error = capsys.readouterr().err
    assert "snapshot 2024 was already published" in error and "--replace" in error
    assert snapshots.open_snapshot("2024").path == published["older"].path


def test_republishing_gives_identical_values_and_hashes_in_a_new_folder(
        published: dict, tmp_path: Path) -> None:
    # into a private copy: the session's snapshots are shared by every test and worker
    root = tmp_path / "snapshots"
    shutil.copytree(published["root"], root, symlinks=True)
    first = snapshots.open_snapshot("2025-Q2", root)
    assert first is not None and first.manifest == published["newer"].manifest
    steps: list[str] = []
    second = publish(period="2025-Q2", replace=True, directory=root,
                     warehouse=published["warehouse"], progress=steps.append)
    assert second.path != first.path, "a snapshot is never changed in place"
    assert (first.path / "manifest.json").is_file(), "the replaced version is kept"
    assert snapshots.open_snapshot("2025-Q2", root).path == second.path
    assert snapshots.open_snapshot("2025-Q2", published["root"]).path == \
        published["newer"].path
    for key in ("kpis", "row_counts", "files", "code_version", "warehouse_version"):
        assert second.manifest[key] == first.manifest[key], key
    assert [s.split("]")[0] for s in steps] == [f"[{i}/7" for i in range(1, 8)]
    assert any("rendering" in s and "charts" in s for s in steps)


def test_snapshots_are_listed_newest_quarter_first(published: dict) -> None:
    assert [s.id for s in snapshots.list_snapshots()] == ["2025-Q2", "2024"]
    assert published["older"].manifest["kind"] == "year"
