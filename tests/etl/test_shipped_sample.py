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

CONSORTIA = {"vaiv", "42maru", "lg-ai", "nc-ai", "keti"}


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> dict:
    directory = tmp_path_factory.mktemp("shipped") / "warehouse"
    report = load(config.SAMPLE_DIR, loaded_by="test", directory=directory)
    reader = Reader(directory)
    try:
        latest = queries.periods(reader)[-1]
        board = queries.scorecard(latest, None, reader)
        support = reader.frame("select consortium_id, min(period) as first_period, "
                               "count(*) filter (where support_type = 'compute') as compute "
                               "from fct_support group by consortium_id")
        starts = reader.frame("select consortium_id, start_date from dim_consortium")
        patents = reader.frame("select count(*) as n from fct_patent where is_acknowledged")
    finally:
        reader.close()
    return {"report": report, "latest": latest, "board": board, "support": support,
            "starts": starts, "patents": patents}


def test_the_shipped_sample_loads_without_a_rejected_row(shipped: dict) -> None:
    report, board = shipped["report"], shipped["board"]
    assert report.ok
    assert sum(r.rows_rejected for r in report.results) == 0
    assert sum(r.rows_in for r in report.results) > 500
    assert shipped["latest"] == "2026-Q3"
    active = {r["consortium_id"]: r["value"] for r in board.iter_rows(named=True)
              if r["kpi_id"] == "active_students"}
    assert set(active) == CONSORTIA | {"ALL"}
    assert all(v > 0 for v in active.values())
    assert active["ALL"] == sum(v for k, v in active.items() if k != "ALL")



def test_every_consortium_reports_industry_support_from_its_first_quarter(shipped: dict) -> None:
    support, starts = shipped["support"], shipped["starts"]
    # the 2025 consortia from 2025-Q4
    first = dict(support.select("consortium_id", "first_period").iter_rows())
    start = {c: f"{d.year}-Q{(d.month - 1) // 3 + 1}" for c, d in starts.iter_rows()}
    assert first == start and set(first) == CONSORTIA
    assert all(n > 0 for n in support["compute"])
    assert shipped["patents"]["n"].item() > 5


def test_every_sample_consortium_has_targets_for_most_kpis_with_a_mix_of_statuses(
        shipped: dict) -> None:
    consortia = shipped["board"].filter(pl.col("consortium_id") != "ALL")
    for consortium_id, rows in consortia.group_by("consortium_id"):
        targeted = rows.filter(pl.col("target_value").is_not_null()).height
        assert targeted >= 0.75 * len(kpis()), (consortium_id, targeted)
    statuses = Counter(consortia["status"].to_list())
    assert {"on_track", "at_risk", "behind"} <= set(statuses)
    assert statuses["on_track"] > statuses["behind"], "mostly on track, not mostly failing"
