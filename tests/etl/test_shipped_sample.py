"""The shipped sample loads cleanly and gives every consortium its KPIs: what `make run` shows."""

from __future__ import annotations

from pathlib import Path

import config
from etl.load import load
from warehouse import queries
from warehouse.connection import Reader

CONSORTIA = {"vaiv", "42maru", "lg-ai", "nc-ai", "keti"}


def test_the_shipped_sample_loads_without_a_rejected_row(tmp_path: Path) -> None:
    directory = tmp_path / "warehouse"
    report = load(config.SAMPLE_DIR, loaded_by="test", directory=directory)
    assert report.ok
    assert sum(r.rows_rejected for r in report.results) == 0
    assert sum(r.rows_in for r in report.results) > 500
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
    assert latest == "2026-Q3"
    active = {r["consortium_id"]: r["value"] for r in board.iter_rows(named=True)
              if r["kpi_id"] == "active_students"}
    assert set(active) == CONSORTIA | {"ALL"}
    assert all(v > 0 for v in active.values())
    assert active["ALL"] == sum(v for k, v in active.items() if k != "ALL")
    # every consortium reports industry support from its first quarter (2025 ones from 2025-Q4)
    first = dict(support.select("consortium_id", "first_period").iter_rows())
    start = {c: f"{d.year}-Q{(d.month - 1) // 3 + 1}" for c, d in starts.iter_rows()}
    assert first == start and set(first) == CONSORTIA
    assert all(n > 0 for n in support["compute"])
    assert patents["n"].item() > 5
