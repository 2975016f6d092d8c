"""The industry page shows the tiny program's support and flow in both languages, drills down
to one consortium and to each kind of record, and offers downloads beside every table.

Figures are the hand-worked ones of tests/warehouse/test_industry_queries.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from shown import shown
from streamlit.testing.v1 import AppTest

DASHBOARD = str(Path(__file__).resolve().parents[2] / "dashboard.py")
PAGE = "pages/industry.py"


@pytest.fixture(autouse=True)
def _warehouse(tiny_warehouse: Path) -> None:
    """Every test here reads the tiny program."""


def open_page(query: dict[str, str | list[str]] | None = None) -> AppTest:
    app = AppTest.from_file(DASHBOARD, default_timeout=60)
    for key, value in (query or {}).items():
        app.query_params[key] = value
    app.run()
    app.switch_page(PAGE).run()
    assert not app.exception, app.exception
    return app


def sankey(app: AppTest) -> dict:
    figures = [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]
    return next(f["data"][0] for f in figures if f["data"][0]["type"] == "sankey")


@pytest.mark.parametrize(("lang", "title", "patents"), [
    ("ko", "산학협력", "특허 (3)"), ("en", "Industry collaboration", "Patents (3)")])
def test_the_page_draws_the_flow_with_counts_in_both_languages(lang: str, title: str,
                                                                patents: str) -> None:
    app = open_page({"lang": lang})
    assert app.title[0].value == title
    flow = sankey(app)
    assert patents in flow["node"]["label"]
    # projects -> papers 3, patents 3, releases 2; patents -> transfers 1; transfers -> services 1
    assert sorted(flow["link"]["value"]) == [1, 1, 2, 3, 3]


def test_support_drills_down_to_one_consortium_quarter_by_quarter() -> None:
    app = open_page()
    rows = shown(app.dataframe[0]).to_dict("records")
    assert {(r["제공기관"], r["현물 (원)"], r["GPU 시간"]) for r in rows} == \
        {("포티투마루", 1_000_000, 0)}
    app.selectbox(key="industry_focus").set_value("vaiv").run()
    rows = shown(app.dataframe[0]).to_dict("records")
    assert {(r["기준 분기"], r["제공기관"], r["현물 (원)"], r["GPU 시간"]) for r in rows} == \
        {("2025-Q2", "바이브컴퍼니", 2_500_000, 400), ("2025-Q2", "네이버", 0, 0)}
    assert app.query_params["industry_focus"] == "vaiv"


def test_a_link_opens_the_chosen_consortium_and_records_in_english() -> None:
    app = open_page({"lang": "en", "industry_focus": "vaiv", "records": "transfers"})
    rows = shown(app.dataframe[0]).to_dict("records")
    assert {r["Provider"] for r in rows} == {"Vaiv Company", "Naver"}
    transfers = app.dataframe[2].value.to_dict("records")
    assert [(r["contract_number"], r["patent_ids"]) for r in transfers] == \
        [("KU-2025-001", "KR:10-2025-0001111")]


def test_each_kind_of_record_can_be_listed_and_downloaded() -> None:
    app = open_page()
    app.selectbox(key="records").set_value("artefacts").run()
    assert {r["url"] for r in app.dataframe[2].value.to_dict("records")} == \
        {"https://huggingface.co/vaiv/tiny-ko", "https://github.com/42maru/rag42"}
    labels = [button.label for button in app.get("download_button")]
    # support, flow and records tables, and the KPI drill-down's records (local mode: admin)
    assert labels.count("CSV 내려받기") == 4 and labels.count("Excel 내려받기") == 4


def test_a_quarter_before_any_support_shows_an_empty_state_while_papers_already_flow(
        ) -> None:
    app = open_page({"period": "2024-Q4", "consortium": ["vaiv"], "lang": "en"})
    assert app.info, "the support section says there is nothing yet"
    flow = sankey(app)
    assert flow["link"]["value"] == [2], "B1 and B2, vaiv's papers of 2024"


def metrics(app: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


def test_the_industry_kpis_show_as_cards_here_and_on_the_overview() -> None:
    cards = metrics(open_page({"lang": "en"}))
    # the program total: P1 once, the US application, P3; KU-2025-001
    assert cards["Patents filed"].startswith("3") and cards["Technology transfers"].startswith("1")
    assert "GPU-hours delivered" in cards and "Company in-kind support" in cards
    overview = AppTest.from_file(DASHBOARD, default_timeout=60)
    overview.query_params["lang"] = "en"
    overview.run()
    assert not overview.exception
    assert metrics(overview)["Open artefacts released"].startswith("2")
