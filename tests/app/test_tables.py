"""Every table is formatted by unit and labelled in the viewer's language (ui.tables.table).

Counts are whole numbers, rates one decimal with %, KRW with thousands separators, days without a
time, missing values as '–'; a column holding a different KPI per row is written row by row in
that KPI's unit; downloads keep the machine values under the same labels.
"""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest


def render(lang: str) -> AppTest:
    def script() -> None:
        from datetime import date, datetime

        import polars as pl
        import streamlit as st

        from ui.tables import table

        st.session_state["lang"] = st.query_params.get("lang", "ko")
        frame = pl.DataFrame({
            "student_key": ["a1", None], "rows_in": [1200, None],
            "continuing_pct": [25.3333, float("nan")], "fee_krw": [1_250_000, 3],
            "start_date": [datetime(2024, 7, 1), None], "end_date": [date(2025, 1, 2), None],
            "value": [24.0, 66.6667], "unit": ["people", "percent"]})
        table(frame, key="t", name="t", units={"value": "row"}, row_unit="unit")

    app = AppTest.from_function(script)
    app.query_params["lang"] = lang
    return app.run()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_columns_are_formatted_by_unit_and_missing_values_show_a_dash(lang: str) -> None:
    app = render(lang)
    assert not app.exception, app.exception
    [element] = app.dataframe
    config = json.loads(element.proto.columns)
    formats = {name: c.get("type_config", {}) for name, c in config.items()}
    assert formats["rows_in"] == {"type": "number", "format": "%,d"}
    assert formats["continuing_pct"] == {"type": "number", "format": "%.1f%%"}
    assert formats["fee_krw"]["format"] == ("%,d원" if lang == "ko" else "%,d KRW")
    assert formats["start_date"] == {"type": "date", "format": "YYYY-MM-DD"}
    assert element.proto.placeholder == "–"
    value = element.value
    assert value["continuing_pct"].isna().tolist() == [False, True], "NaN shown as missing"
    assert value["start_date"].dtype == value["end_date"].dtype, "a day, without 00:00:00"
    assert value["value"].tolist() == (["24명", "66.7%"] if lang == "ko" else ["24", "66.7%"])
    assert "unit" not in value.columns


def test_labels_come_from_the_data_dictionary_in_the_viewers_language() -> None:
    korean = json.loads(render("ko").dataframe[0].proto.columns)
    english = json.loads(render("en").dataframe[0].proto.columns)
    assert (korean["student_key"]["label"], english["student_key"]["label"]) == (
        "학생 키", "Student key")
    assert korean["start_date"]["label"] == "시작일"
    assert "Keyed hash" in english["student_key"]["help"]
