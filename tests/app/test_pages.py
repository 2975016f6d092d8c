"""Every page renders the tiny program without an exception, in Korean and English, and reacts.

AppTest runs the real dashboard.py (navigation, sidebar, pages) against the real warehouse built
from the tiny program; URL query parameters are set the way a shared link would set them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from shown import shown
from streamlit.testing.v1 import AppTest

from ui.navigation import PAGES as REGISTERED

DASHBOARD = str(Path(__file__).resolve().parents[2] / "dashboard.py")
PAGES = [spec.path for spec in REGISTERED]


def open_app(query: dict[str, str | list[str]] | None = None,
             page: str | None = None) -> AppTest:
    app = AppTest.from_file(DASHBOARD, default_timeout=60)
    for key, value in (query or {}).items():
        app.query_params[key] = value
    app.run()
    if page:
        app.switch_page(page).run()
    return app


@pytest.fixture(autouse=True)
def _warehouse(tiny_warehouse: Path) -> None:
    """Every test here reads the tiny program."""


def metric_values(app: AppTest) -> dict[str, str]:
    """Label -> value of the first metric with each label (program totals come first)."""
    values: dict[str, str] = {}
    for metric in app.metric:
        values.setdefault(metric.label, metric.value)
    return values


@pytest.mark.parametrize("page_path", PAGES)
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_page_renders_without_exception(page_path: str, lang: str) -> None:
    app = open_app({"lang": lang}, page_path)
    assert not app.exception, app.exception
    assert app.title, "the page shows its title"


def test_overview_shows_the_program_totals_of_the_latest_quarter() -> None:
    app = open_app()
    values = metric_values(app)
    assert values["참여 학생 수"] == "4명"
    assert values["사사 논문 수"] == "1편"
    assert "2025-Q2 기준 (연초부터 누적)" in [c.value for c in app.caption]


def test_english_labels_and_units_follow_the_language_switch() -> None:
    app = open_app({"lang": "en"})
    values = metric_values(app)
    assert values["Active students"] == "4"
    assert values["Employment or further study at 6 months"] == "100.0%"


def test_another_quarter_shows_that_quarters_figures() -> None:
    assert metric_values(open_app())["학위 취득자 수"] == "0명"
    assert metric_values(open_app({"period": "2024-Q4"}))["학위 취득자 수"] == "2명"


def chart(app: AppTest, key: str) -> dict:
    """The plotly figure drawn with `key`, as the browser receives it."""
    found = [c for c in app.get("plotly_chart") if c.key == key]
    assert len(found) == 1, f"one chart {key!r} expected"
    return json.loads(found[0].proto.spec)


def trend_axis_title(app: AppTest) -> str:
    return chart(app, "trend-chart")["layout"]["yaxis"]["title"]["text"]


def test_choosing_another_kpi_redraws_the_trend() -> None:
    app = open_app(page="pages/overview.py")
    assert trend_axis_title(app) == "참여 학생 수"
    app.selectbox(key="kpi").set_value("acknowledged_publications").run()
    assert not app.exception
    assert trend_axis_title(app) == "사사 논문 수"


def test_a_link_with_query_parameters_restores_the_same_view() -> None:
    app = open_app({"period": "2024-Q4", "consortium": ["vaiv"], "lang": "en"})
    assert app.sidebar.selectbox(key="period").value == "2024-Q4"
    assert app.sidebar.multiselect(key="consortium").value == ["vaiv"]
    subheaders = [s.value for s in app.subheader]
    assert "Vaiv Company consortium · Year 1" in subheaders
    assert not any("42Maru" in s for s in subheaders)


def test_consortium_page_switches_consortium() -> None:
    app = open_app({"focus": "vaiv", "period": "2025-Q2"}, "pages/consortium.py")
    assert app.title[0].value == "바이브컴퍼니 컨소시엄"
    assert metric_values(app)["기업 파견 연구자 수"] == "1명"
    app.selectbox(key="focus").set_value("42maru").run()
    assert app.title[0].value == "포티투마루 컨소시엄"
    assert metric_values(app)["기업 파견 연구자 수"] == "0명"


def test_consortium_page_offers_its_scorecard_for_download() -> None:
    app = open_app({"focus": "vaiv"}, "pages/consortium.py")
    labels = [b.label for b in app.get("download_button")]
    assert labels[:2] == ["CSV 내려받기", "Excel 내려받기"]


def test_english_scorecard_table_names_kpis_and_statuses_in_english() -> None:
    app = open_app({"lang": "en"})
    table = shown(app.dataframe[-1])
    assert "Active students" in set(table["KPI"]), table["KPI"].unique()
    assert set(table["Status"].dropna()) <= {"On track", "At risk", "Behind", "No target",
                                             "No data"}
    assert not any("참여" in str(name) for name in table["KPI"])


def test_pages_never_run_python_callbacks_inside_polars() -> None:
    """Labels are looked up in the script's thread (presentation.format.relabelled): a callback
    inside a polars expression runs on polars' worker threads, which cannot see the session's
    language and deadlock when the callback queries a frame while other sessions keep the pool
    busy."""
    root = Path(DASHBOARD).parent
    folders = ("pages", "ui", "reports", "presentation")
    offenders = [str(path.relative_to(root)) for folder in folders
                 for path in sorted((root / folder).rglob("*.py"))
                 if "map_elements(" in path.read_text(encoding="utf-8")
                 or "map_batches(" in path.read_text(encoding="utf-8")]
    assert offenders == []
