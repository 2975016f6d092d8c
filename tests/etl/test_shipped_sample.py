"""The shipped sample loads cleanly and gives every consortium its KPIs: what `make run` shows.

Its consortia have agreed targets for most KPIs, some met and some not, so the overview's status
heat-map has something to say.
"""

from __future__ import annotations

from collections import Counter

import polars as pl
import pytest

import config
from etl.load import load
from warehouse import queries
from warehouse.catalogue import kpis
from warehouse.connection import Reader


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> dict:
    directory = tmp_path_factory.mktemp("shipped") / "warehouse"
    report = load(config.SAMPLE_DIR, loaded_by="test", directory=directory)
    reader = Reader(directory)
    try:
        latest = queries.periods(reader)[-1]
        board = queries.scorecard(latest, None, reader)
    finally:
        reader.close()
    return {"report": report, "latest": latest, "board": board}


def test_the_shipped_sample_loads_without_a_rejected_row(shipped: dict) -> None:
    report, board = shipped["report"], shipped["board"]
    assert report.ok
    assert sum(r.rows_rejected for r in report.results) == 0
    assert sum(r.rows_in for r in report.results) > 500
    assert shipped["latest"] == "2026-Q3"
    active = {r["consortium_id"]: r["value"] for r in board.iter_rows(named=True)
              if r["kpi_id"] == "active_students"}
    assert set(active) == {"vaiv", "42maru", "lg-ai", "ALL"}
    assert all(v > 0 for v in active.values())
    assert active["ALL"] == sum(v for k, v in active.items() if k != "ALL")


def test_every_sample_consortium_has_targets_for_most_kpis_with_a_mix_of_statuses(
        shipped: dict) -> None:
    consortia = shipped["board"].filter(pl.col("consortium_id") != "ALL")
    for consortium_id, rows in consortia.group_by("consortium_id"):
        targeted = rows.filter(pl.col("target_value").is_not_null()).height
        assert targeted >= 0.75 * len(kpis()), (consortium_id, targeted)
    statuses = Counter(consortia["status"].to_list())
    assert {"on_track", "at_risk", "behind"} <= set(statuses)
    assert statuses["on_track"] > statuses["behind"], "mostly on track, not mostly failing"
