"""The talent, research, placements and data-quality pages show the tiny program's figures in
both languages, fall back to an empty state when a filter leaves nothing, offer downloads beside
every table, and give record-level drill-downs to analysts but not to leadership.

Figures are the hand-worked ones of tests/warehouse/test_page_queries.py. Roles: without sign-in
the app runs in local mode (an administrator); other roles are set by replacing who the session
says is looking, so the real dashboard, navigation and sidebar still run.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from shown import shown
from streamlit.testing.v1 import AppTest

from ui import session

DASHBOARD = str(Path(__file__).resolve().parents[2] / "dashboard.py")
TITLES = {"pages/talent.py": ("인재 양성", "Talent"),
          "pages/research.py": ("연구 성과", "Research"),
          "pages/placements.py": ("파견·진로", "Placements"),
          "pages/quality.py": ("자료 품질", "Data quality")}


@pytest.fixture(autouse=True)
def _warehouse(tiny_warehouse: Path) -> None:
    """Every test here reads the tiny program."""


def open_page(page: str, query: dict[str, str | list[str]] | None = None) -> AppTest:
    app = AppTest.from_file(DASHBOARD, default_timeout=60)
    for key, value in (query or {}).items():
        app.query_params[key] = value
    app.run()
    app.switch_page(page).run()
    assert not app.exception, app.exception
    return app


def as_role(monkeypatch: pytest.MonkeyPatch, role: str) -> None:
    viewer = session.Viewer(email=f"{role}@msit.go.kr", role=role, local_mode=False,
                            signed_in=True)
    monkeypatch.setattr(session, "current_viewer", lambda: viewer)


def chart(app: AppTest, index: int = 0) -> dict:
    return json.loads(app.get("plotly_chart")[index].proto.spec)


def downloads(app: AppTest) -> list[str]:
    return [button.label for button in app.get("download_button")]


def table(app: AppTest, index: int) -> list[dict]:
    return shown(app.dataframe[index]).to_dict("records")


@pytest.mark.parametrize("page", list(TITLES))
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_each_page_draws_charts_and_offers_downloads_beside_every_table(page: str,
                                                                        lang: str) -> None:
    app = open_page(page, {"lang": lang})
    assert app.title[0].value == TITLES[page][0 if lang == "ko" else 1]
    assert app.get("plotly_chart"), "the page draws a chart"
    assert len(downloads(app)) == 2 * len(app.dataframe) > 0
    expected = {"ko": "CSV 내려받기", "en": "Download CSV"}[lang]
    assert expected in downloads(app)


def test_talent_funnel_and_cohorts_show_the_hand_worked_counts() -> None:
    app = open_page("pages/talent.py")
    funnel = chart(app)["data"][0]
    assert funnel["x"] == [6, 2, 2, 1, 1]
    assert funnel["y"][0] == "참여 학생"
    cohorts = table(app, 1)
    assert [(r["참여 시작 연도"], r["시작 인원 (n)"], r["지속률(%)"]) for r in cohorts] == [
        (2024, 4, 75.0), (2025, 2, 100.0)]


def test_talent_pipeline_in_english_names_its_stages_in_english() -> None:
    app = open_page("pages/talent.py", {"lang": "en"})
    assert chart(app)["data"][0]["y"] == [
        "Took part", "Graduated", "Six months since graduation",
        "Destination known at 6 months", "Employed or studying at 6 months"]


def test_research_shows_n_beside_every_share_and_no_impact_factor() -> None:
    app = open_page("pages/research.py", {"lang": "en"})
    rows = table(app, 0)
    assert [(r["Year"], r["Papers (n)"], r["Open access (%)"]) for r in rows] == [
        (2024, 2, 50.0), (2025, 1, 0.0)]
    shares = chart(app, 1)["data"]
    assert all(trace["text"] == ["n = 2", "n = 1"] for trace in shares)
    assert "impact factor" not in " ".join(str(c) for c in shown(app.dataframe[0]).columns)


def test_choosing_one_consortium_narrows_the_research_page() -> None:
    app = open_page("pages/research.py", {"consortium": ["42maru"]})
    rows = table(app, 0)
    assert [(r["발행 연도"], r["논문 수 (n)"], r["학생 제1저자"]) for r in rows] == [(2025, 1, 0)]
    assert app.subheader[0].value == "포티투마루 컨소시엄"


def test_placements_show_dispatches_and_destinations() -> None:
    app = open_page("pages/placements.py", {"consortium": ["vaiv"]})
    dispatches = table(app, 0)
    assert (dispatches[0]["파견 인원"], dispatches[0]["4주 이상 파견"],
            dispatches[0]["파견 기업 수"]) == (3, 1, 2)
    destinations = table(app, 2)
    assert [(r["조사 시점"], r["진로"], r["졸업생 수"]) for r in destinations] == [
        ("졸업 6개월", "AI 산업 취업", 1), ("졸업 6개월", "미상", 1)]


def test_quality_lists_a_consortium_that_has_sent_nothing() -> None:
    app = open_page("pages/quality.py", {"lang": "en"})
    freshness = {r["Consortium"]: r["Status"] for r in table(app, 0)}
    assert freshness == {"42Maru consortium": "Up to date",
                         "Vaiv Company consortium": "Up to date",
                         "LG AI Research consortium": "Nothing submitted yet",
                         "NC AI consortium": "Nothing submitted yet",
                         "KETI consortium": "Nothing submitted yet"}
    rejected = table(app, 3)
    assert len(rejected) == 2, "the two rows the tiny program gets wrong"


def test_quality_lists_papers_acknowledging_grants_not_in_the_register() -> None:
    app = open_page("pages/quality.py", {"lang": "en"})
    assert "Papers acknowledging grants not in the register" in [s.value for s in app.subheader]
    listed = table(app, 4)
    assert [(r["Title"], r["Grant numbers found"], r["Reason"]) for r in listed] == [
        ("Not Ours", "2019M3E4A1080146", "Not in the register")]


@pytest.mark.parametrize("page", ["pages/talent.py", "pages/research.py",
                                  "pages/placements.py"])
def test_a_quarter_without_data_for_the_chosen_consortium_shows_an_empty_state(
        page: str) -> None:
    app = open_page(page, {"consortium": ["42maru"], "period": "2024-Q4"})
    assert [i.value for i in app.info] == [
        "선택한 조건에 해당하는 자료가 없습니다. 컨소시엄이나 분기를 바꿔 보세요."]
    assert not app.get("plotly_chart") and not app.dataframe


def test_quality_with_no_consortium_chosen_shows_an_empty_state() -> None:
    app = open_page("pages/quality.py", {"consortium": ["nobody"], "lang": "en"})
    assert [i.value for i in app.info] == [
        "Nothing matches this selection. Try another consortium or quarter."]
    assert not app.dataframe


def test_analysts_get_the_records_behind_a_kpi_with_downloads(monkeypatch) -> None:
    as_role(monkeypatch, "analyst")
    app = open_page("pages/talent.py")
    records = shown(app.dataframe[-1])
    assert "집계 포함" in records.columns and "학생 키" in records.columns
    assert len(records) == 4, "active students in 2025-Q2: S2, S3, S6 and M1"
    assert len(downloads(app)) == 2 * 3, "pipeline, cohorts and records"
    app.selectbox(key="talent_kpi").set_value("continuation_rate").run()
    records = shown(app.dataframe[-1])
    # S2 and S3 took part on 1 January 2025; only S2 still does at 30 June
    assert sorted(records["집계 포함"].tolist()) == [False, True]


def test_leadership_sees_no_records_and_no_record_downloads(monkeypatch) -> None:
    as_role(monkeypatch, "leadership")
    app = open_page("pages/talent.py")
    assert all("is_counted" not in d.value.columns for d in app.dataframe)
    assert len(downloads(app)) == 2 * 2, "pipeline and cohorts only"
    assert any("분석가와 관리자만" in c.value for c in app.caption)


def test_record_rows_are_refused_below_analyst_even_when_a_page_asks() -> None:
    def script() -> None:
        import streamlit as st

        from ui import data

        st.session_state["viewer_role"] = "leadership"
        data.kpi_records("active_students", "2025-Q2", None)

    app = AppTest.from_function(script, default_timeout=60).run()
    assert "record-level data is for analysts" in app.exception[0].message
