"""The KPI SQL is reviewable: `python -m warehouse show-kpi <id>` prints what the warehouse runs,
and docs/kpis.md (every KPI's declaration and SQL) is current.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from warehouse import store
from warehouse.__main__ import main
from warehouse.kpi_docs import KPI_DOC, render_kpi_docs


def test_committed_kpi_docs_are_up_to_date() -> None:
    assert KPI_DOC.read_text(encoding="utf-8") == render_kpi_docs(), \
        "run `python -m warehouse docs` and commit docs/kpis.md"


def test_show_kpi_prints_the_sql_of_the_view_the_warehouse_holds(
        tiny_warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show-kpi", "continuation_rate"]) == 0
    printed = capsys.readouterr().out
    con = duckdb.connect(str(store.current_file(tiny_warehouse)), read_only=True)
    try:
        shown = con.sql(printed).order("consortium_id, period").pl()
        held = con.sql("select * from kpi_continuation_rate").order("consortium_id, period").pl()
    finally:
        con.close()
    assert shown.height > 0
    assert shown.equals(held)


def test_show_kpi_names_the_known_ids_when_given_an_unknown_one(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show-kpi", "no_such_kpi"]) == 2
    assert "active_students" in capsys.readouterr().err
