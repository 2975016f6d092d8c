"""The SQL workbench page runs a query, shows refusals and errors, offers downloads of the whole
result, loads saved queries in one click and browses the schema, in Korean and English.

AppTest runs the real dashboard.py against the tiny program's warehouse; the query reaches the
page through the URL (`sql=`) the way a shared link brings it, or through the editor and button.
Tests that interact after opening use Korean: AppTest drops the sidebar's language choice on a
rerun (see tests/app/test_pages.py).
"""

from __future__ import annotations

import io
from pathlib import Path

import polars as pl
import pytest
from shown import shown
from streamlit.testing.v1 import AppTest

from ui.workbench import export_bytes

DASHBOARD = str(Path(__file__).resolve().parents[2] / "dashboard.py")
PAGE = "pages/sql.py"
STUDENTS_PER_CONSORTIUM = ("select consortium_id, count(*) as students from fct_participation "
                           "group by consortium_id order by consortium_id")


@pytest.fixture(autouse=True)
def _warehouse(tiny_warehouse: Path) -> None:
    """Every test here reads the tiny program."""


def open_workbench(query: dict[str, str] | None = None) -> AppTest:
    app = AppTest.from_file(DASHBOARD, default_timeout=90)
    for key, value in (query or {}).items():
        app.query_params[key] = value
    app.run()
    app.switch_page(PAGE).run()
    assert not app.exception, app.exception
    return app


def shown_frame(app: AppTest) -> pl.DataFrame:
    """The result table (the editor's column comes before the schema browser's)."""
    return pl.from_pandas(app.dataframe[0].value)


def test_a_shared_link_runs_its_query_on_opening() -> None:
    app = open_workbench({"sql": STUDENTS_PER_CONSORTIUM})
    assert shown_frame(app).rows() == [("42maru", 1), ("vaiv", 5)]
    assert any(c.value.startswith("2행 · ") for c in app.caption)
    assert app.get("plotly_chart"), "a quick chart of the result"


def test_typing_a_query_and_pressing_run_shows_rows_and_puts_the_query_in_the_url() -> None:
    app = open_workbench()
    assert len(app.dataframe) == 1, "only the schema browser's table before a run"
    app.session_state["sql"] = "select count(*) as degrees from fct_degree"  # as typed
    app.run()
    app.button(key="sql_run").click().run()
    assert not app.exception, app.exception
    assert shown_frame(app)["degrees"].to_list() == [2]
    assert any(c.value.startswith("1행 · ") for c in app.caption)
    assert app.query_params["sql"] == "select count(*) as degrees from fct_degree"


def test_a_write_is_refused_with_a_clear_message() -> None:
    app = open_workbench({"sql": "drop table raw_student"})
    assert [e.value for e in app.error] == [
        "DROP 문장은 실행할 수 없습니다(객체를 지우는 문장(DDL)). 이 작업대는 조회(SELECT, "
        "WITH, DESCRIBE, SUMMARIZE, SHOW)만 실행합니다."]
    assert not app.get("download_button")


def test_a_mistake_shows_the_explanation_and_duckdbs_own_message() -> None:
    app = open_workbench({"sql": "select * from no_such_table", "lang": "en"})
    assert app.error[0].value.startswith("A table, column or function of that name")
    assert "no_such_table" in app.code[0].value


def test_the_result_is_offered_as_csv_parquet_and_excel_holding_every_row() -> None:
    app = open_workbench({"sql": "select range as n, 'ê' || range as label from range(1500)"})
    labels = [b.proto.label for b in app.get("download_button")]
    assert labels == ["CSV 내려받기", "Parquet 내려받기", "Excel 내려받기"]
    assert shown_frame(app).height == 1000
    assert any("1,500행이 모두" in i.value for i in app.info)
    frame = app.session_state["sql_result"].frame
    assert frame.height == 1500
    csv = export_bytes(frame, "csv")
    assert csv.startswith("\ufeff".encode())
    assert pl.read_csv(csv[3:]).equals(frame)
    assert pl.read_parquet(io.BytesIO(export_bytes(frame, "parquet"))).equals(frame)
    assert pl.read_excel(io.BytesIO(export_bytes(frame, "xlsx"))).equals(frame)


def test_a_saved_query_loads_and_runs_in_one_click() -> None:
    app = open_workbench()
    app.button(key="saved-degrees_by_year").click().run()
    assert not app.exception, app.exception
    assert app.session_state["sql"].startswith("-- title_ko: 연도·학위별 학위 취득자")
    assert app.session_state["sql_seed"] == app.session_state["sql"], "the editor shows it"
    assert shown_frame(app).rows() == [("vaiv", 2024, "MS", 2)]
    assert app.query_params["sql"].startswith("-- title_ko:")


def test_the_schema_browser_shows_columns_types_and_descriptions() -> None:
    app = open_workbench()
    app.selectbox(key="schema_relation").set_value("fct_degree").run()
    columns = pl.from_pandas(shown(app.dataframe[-1]))
    assert columns.columns == ["열", "형식", "설명"]
    assert columns.row(0)[:2] == ("consortium_id", "VARCHAR")
    assert columns["설명"].null_count() == 0
    assert "Degrees awarded to participating students." in [c.value for c in app.caption]


def _run_sql_as(role: str) -> None:
    """A script that calls the workbench's door as a viewer of `role` (AppTest runs it)."""
    import streamlit as st

    from ui import data

    st.session_state["viewer_role"] = role
    outcome = data.run_sql("select 42 as answer")
    st.text(outcome.problem.message("en") if outcome.problem else str(outcome.frame.item()))


@pytest.mark.parametrize(("role", "shown"), [
    ("leadership", "The SQL workbench is for analysts and administrators only."),
    ("analyst", "42"),
])
def test_only_analysts_and_administrators_get_queries_run(role: str, shown: str) -> None:
    app = AppTest.from_function(_run_sql_as, args=(role,), default_timeout=60).run()
    assert not app.exception, app.exception
    assert [t.value for t in app.text] == [shown]


def test_the_editor_completes_the_live_warehouses_tables_views_and_columns() -> None:
    from ui.sql_editor import completions
    from warehouse import queries

    offered = {(c["value"], c["meta"]) for c in completions(queries.schema_columns())}
    assert {("kpi_active_students", "view"), ("raw_student", "table"),
            ("student_key", "column")} <= offered
    assert ("no_such_table", "table") not in offered
