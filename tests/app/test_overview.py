"""The overview's status matrix and its fair comparison of consortia that started in different
years, in Korean and English, and a shared link that restores every choice on it.

The tiny program (tests/tiny_program.py): vaiv and 42maru both started on 2024-07-01, so program
year 1 is 2024 and the data reaches 2025-Q2.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_pages import chart, metric_values, open_app


@pytest.fixture(autouse=True)
def _warehouse(tiny_warehouse: Path) -> None:
    """Every test here reads the tiny program."""


def matrix_cells(app: AppTest) -> dict[tuple[str, str], str]:
    """(consortium, KPI) -> the status written in the heat-map's cell."""
    heatmap = chart(app, "status-matrix")["data"][0]
    assert heatmap["type"] == "heatmap"
    return {(consortium, name): text
            for consortium, row in zip(heatmap["y"], heatmap["text"], strict=True)
            for name, text in zip(heatmap["x"], row, strict=True)}


@pytest.mark.parametrize(("lang", "vaiv", "kpi_name", "expected"), [
    # 2025-Q2: vaiv's dispatches project to 2 of the agreed 2.5 (80%), 42maru's to 0 of 3
    ("ko", "바이브컴퍼니 컨소시엄", "기업 파견 연구자 수", "주의"),
    ("en", "Vaiv Company consortium", "Dispatched researchers", "At risk"),
])
def test_the_status_matrix_colours_each_consortium_and_kpi(lang: str, vaiv: str, kpi_name: str,
                                                           expected: str) -> None:
    app = open_app({"lang": lang}, "pages/overview.py")
    assert not app.exception, app.exception
    cells = matrix_cells(app)
    assert cells[(vaiv, kpi_name)] == expected
    assert cells[("42Maru consortium" if lang == "en" else "포티투마루 컨소시엄", kpi_name)] == (
        "Behind" if lang == "en" else "미흡")
    assert not any(name == ("Degrees awarded" if lang == "en" else "학위 취득자 수")
                   for _, name in cells), "KPIs without a target are left out"


@pytest.mark.parametrize(("lang", "subheader", "x_label"), [
    ("ko", "바이브컴퍼니 컨소시엄 · 1차년도 (2024-Q4 기준)", "1차년도 3분기"),
    ("en", "Vaiv Company consortium · Year 1 (as of 2024-Q4)", "Year 1 Q3"),
])
def test_comparing_by_program_year_shows_each_consortiums_year(lang: str, subheader: str,
                                                               x_label: str) -> None:
    app = open_app({"lang": lang, "basis": "program_year", "program_year": "1"},
                   "pages/overview.py")
    assert not app.exception, app.exception
    assert subheader in [s.value for s in app.subheader]
    trend = chart(app, "trend-chart")["data"]
    assert x_label in trend[0]["x"]
    assert not any(line["name"] in ("사업 전체", "Program total") for line in trend), (
        "the program as a whole has no program year")


def test_switching_to_program_year_compares_year_ends() -> None:
    app = open_app(page="pages/overview.py")
    # calendar 2025-Q2: vaiv has S2, S3, S6; in its year 1 (2024) S1, S2, S3 and S8
    assert list(metric_values(app).values())[:1] == ["4명"]  # program total first
    app.selectbox(key="basis").set_value("program_year").run()
    assert not app.exception, app.exception
    assert app.selectbox(key="program_year").value == "2", "the latest program year first"
    app.selectbox(key="program_year").set_value("1").run()
    vaiv = [s.value for s in app.subheader].index("바이브컴퍼니 컨소시엄 · 1차년도 (2024-Q4 기준)")
    assert vaiv > 0
    assert app.query_params["basis"] == "program_year"
    assert app.query_params["program_year"] == "1"


def test_a_link_restores_consortium_quarter_basis_language_and_kpi() -> None:
    # every value differs from its default, so each must stay in the URL after the run
    query = {"consortium": ["vaiv"], "period": "2025-Q1", "basis": "program_year",
             "program_year": "1", "lang": "en", "kpi": "acknowledged_publications"}
    app = open_app(query)  # the overview is the page a bare link opens
    assert not app.exception, app.exception
    assert app.sidebar.selectbox(key="period").value == "2025-Q1"
    assert app.sidebar.multiselect(key="consortium").value == ["vaiv"]
    assert app.selectbox(key="basis").value == "program_year"
    assert app.selectbox(key="program_year").value == "1"
    assert app.selectbox(key="kpi").value == "acknowledged_publications"
    assert app.title[0].value == "Generative AI Leading Talent: outcomes"
    subheaders = [s.value for s in app.subheader]
    assert "Vaiv Company consortium · Year 1 (as of 2024-Q4)" in subheaders
    assert not any("42Maru" in s for s in subheaders)
    assert chart(app, "trend-chart")["layout"]["yaxis"]["title"]["text"] == (
        "Acknowledged publications")
    for key, value in query.items():
        # AppTest collapses a one-element list to its value
        expected = value[0] if isinstance(value, list) and len(value) == 1 else value
        assert app.query_params[key] == expected, f"{key} is still in the URL"
