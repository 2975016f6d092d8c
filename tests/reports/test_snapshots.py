"""Published snapshots read back as published, and two compare with restatements flagged.

A restatement is a figure for an old quarter that changed after that quarter was published (a
consortium resent its data). The tiny program's snapshots come from one warehouse, so nothing is
restated between them; a copy whose frozen scorecard is altered stands in for a later warehouse.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl

from reports import snapshots
from reports.snapshots import SCORECARD, Snapshot, as_of, compare


def row(frame: pl.DataFrame, kpi_id: str, consortium_id: str) -> dict:
    rows = frame.filter((pl.col("kpi_id") == kpi_id) & (pl.col("consortium_id") == consortium_id))
    assert rows.height == 1
    return rows.row(0, named=True)


def test_as_of_gives_the_snapshots_own_quarter(published: dict) -> None:
    frame = as_of(published["older"])
    assert frame["period"].unique().to_list() == ["2024-Q4"]
    assert row(frame, "active_students", "vaiv")["value"] == 4


def test_comparing_two_snapshots_gives_kpi_deltas(published: dict) -> None:
    frame = compare(published["older"], published["newer"])
    vaiv = row(frame, "active_students", "vaiv")
    assert (vaiv["value_older"], vaiv["value_newer"], vaiv["delta"]) == (4, 3, -1)
    assert (vaiv["older_period"], vaiv["newer_period"]) == ("2024-Q4", "2025-Q2")
    assert not frame["restated"].any(), "one warehouse: nothing changed after publication"


def test_the_order_of_the_two_snapshots_does_not_matter(published: dict) -> None:
    assert compare(published["newer"], published["older"]).equals(
        compare(published["older"], published["newer"]))


def test_a_figure_changed_after_publication_is_flagged_as_restated(
        published: dict, tmp_path: Path) -> None:
    newer = published["newer"]
    copy = tmp_path / "newer"
    shutil.copytree(newer.path, copy)
    frozen = pl.read_parquet(copy / SCORECARD)
    resent = (pl.col("kpi_id") == "degrees_awarded") & (pl.col("consortium_id") == "vaiv") & (
        pl.col("period") == "2024-Q4")
    frozen.with_columns(pl.when(resent).then(3.0).otherwise(pl.col("value")).alias("value")
                        ).write_parquet(copy / SCORECARD)
    later = Snapshot(newer.id, copy, newer.manifest)
    frame = compare(published["older"], later)
    restated = frame.filter(pl.col("restated"))
    assert restated.select("kpi_id", "consortium_id").rows() == [("degrees_awarded", "vaiv")]
    assert restated.item(0, "value_older") == 2 and restated.item(0, "older_period_now") == 3


def test_a_missing_snapshot_opens_as_none(published: dict) -> None:
    assert snapshots.open_snapshot("1999-Q1") is None
    assert snapshots.open_snapshot(".versions") is None
