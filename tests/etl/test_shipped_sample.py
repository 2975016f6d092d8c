"""The shipped sample loads cleanly and gives every consortium its KPIs: what `make run` shows."""

from __future__ import annotations

from pathlib import Path

import config
from etl.load import load
from warehouse import queries
from warehouse.connection import Reader


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
    finally:
        reader.close()
    assert latest == "2026-Q3"
    active = {r["consortium_id"]: r["value"] for r in board.iter_rows(named=True)
              if r["kpi_id"] == "active_students"}
    assert set(active) == {"vaiv", "42maru", "lg-ai", "nc-ai", "keti", "ALL"}
    assert all(v > 0 for v in active.values())
    assert active["ALL"] == sum(v for k, v in active.items() if k != "ALL")
