"""The consortium page: its KPIs against a year ago, its universities and projects, downloads,
in Korean and English, and a link that restores the consortium, quarter, language and KPI.

The tiny program's vaiv runs two projects in 2025: 1711201101 with Korea University and Seoul
National University, 1711201102 with Yonsei University alone (not joint).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from shown import shown
from streamlit.testing.v1 import AppTest
from test_pages import chart, open_app

CONSORTIUM = "pages/consortium.py"


@pytest.fixture(autouse=True)
def _warehouse(tiny_warehouse: Path) -> None:
    """Every test here reads the tiny program unless it points elsewhere."""


def table(app: AppTest, column: str) -> list[dict]:
    """The rows of the one table on the page with this column."""
    found = [shown(d) for d in app.dataframe if column in shown(d).columns]
    assert len(found) == 1, f"one table with {column!r} expected"
    return found[0].to_dict("records")


@pytest.mark.parametrize(("lang", "university", "joint", "yes"), [
    ("ko", "대학", "공동연구(대학 2곳 이상)", "예"),
    ("en", "University", "Joint (2+ universities)", "Yes"),
])
def test_universities_and_projects_are_listed_in_both_languages(lang: str, university: str,
                                                                joint: str, yes: str) -> None:
    app = open_app({"lang": lang, "focus": "vaiv"}, CONSORTIUM)
    assert not app.exception, app.exception
    names = [row[university] for row in table(app, university)]
    assert names == (["고려대학교", "서울대학교", "연세대학교"] if lang == "ko" else
                     ["Korea University", "Seoul National University", "Yonsei University"])
    projects = table(app, joint)
    assert [row[joint] for row in projects] == [yes, "아니오" if lang == "ko" else "No"]
    assert projects[0]["과제번호" if lang == "ko" else "Project number"] == "1711201101"


def test_every_table_on_the_page_can_be_downloaded() -> None:
    app = open_app({"focus": "vaiv"}, CONSORTIUM)
    ids = [b.proto.id.split("-", 2)[-1] for b in app.get("download_button")]
    assert ids == [f"consortium-{t}-{kind}" for t in ("scorecard", "universities", "projects")
                   for kind in ("csv", "xlsx")], "every table as CSV and Excel"


def test_the_universities_follow_the_consortium_and_quarter_chosen() -> None:
    app = open_app({"focus": "42maru", "period": "2024-Q3", "lang": "en"}, CONSORTIUM)
    assert not app.exception, app.exception
    universities = table(app, "University")
    assert [row["University"] for row in universities] == ["Pusan National University",
                                                            "Sungkyunkwan University"]


def test_the_change_on_a_year_ago_is_worked_out_per_kpi(later_warehouse: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # One quarter later vaiv has 2025-Q3, and 2024-Q3 a year before it
    monkeypatch.setenv("OUTCOMES_DATA_DIR", str(later_warehouse.parent))
    app = open_app({"focus": "vaiv", "period": "2025-Q3"}, CONSORTIUM)
    assert not app.exception, app.exception
    rows = {row["성과지표"]: row for row in table(app, "전년 동기 대비")}
    # degrees: S2's PhD in 2025; S1 and S8 in August 2024 -> 1 - 2 = -1
    degrees = rows["학위 취득자 수"]
    assert (degrees["실적"], degrees["전년 동기 실적"]) == ("1명", "2명")
    assert rows["학위 취득자 수"]["전년 동기 대비"] == "-1명"
    # papers: B4 in 2025; nothing by 30 September 2024 -> +1
    assert rows["사사 논문 수"]["전년 동기 대비"] == "1편"


def test_a_link_restores_consortium_quarter_language_and_kpi() -> None:
    query = {"focus": "42maru", "period": "2024-Q4", "lang": "en",
             "focus_kpi": "participating_universities"}
    app = open_app(query, CONSORTIUM)
    assert not app.exception, app.exception
    assert app.title[0].value == "42Maru consortium"
    assert app.selectbox(key="focus").value == "42maru"
    assert app.selectbox(key="focus_kpi").value == "participating_universities"
    assert "As of 2024-Q4 (year to date)" in app.caption[0].value
    assert chart(app, "consortium-trend")["layout"]["yaxis"]["title"]["text"] == (
        "Participating universities")
