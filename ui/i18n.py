"""Every label the app shows, in Korean (the default) and English.

Keys are short English phrases; `t(key)` returns the text in the current language. KPI names and
definitions are not here: they come from the KPI catalogue.
"""

from __future__ import annotations

import streamlit as st

LANGUAGES = {"ko": "한국어", "en": "English"}
DEFAULT_LANGUAGE = "ko"

TEXT: dict[str, tuple[str, str]] = {
    "app_title": ("생성AI 선도인재 양성사업 성과", "Generative AI Leading Talent: outcomes"),
    "overview": ("전체 현황", "Overview"),
    "consortium": ("컨소시엄", "Consortium"),
    "consortia": ("컨소시엄", "Consortia"),
    "period": ("기준 분기", "Quarter"),
    "language": ("언어", "Language"),
    "all_consortia": ("전체 컨소시엄", "All consortia"),
    "program_total": ("사업 전체", "Program total"),
    "as_of": ("{period} 기준 (연초부터 누적)", "As of {period} (year to date)"),
    "target": ("목표", "Target"),
    "projection": ("연말 예상", "Year-end projection"),
    "status": ("상태", "Status"),
    "on_track": ("정상", "On track"),
    "at_risk": ("주의", "At risk"),
    "behind": ("미흡", "Behind"),
    "no_target": ("목표 없음", "No target"),
    "no_data": ("자료 없음", "No data"),
    "trend": ("분기별 추이", "Trend by quarter"),
    "kpi": ("성과지표", "KPI"),
    "value": ("실적", "Actual"),
    "program_year": ("사업연차", "Program year"),
    "year_n": ("{n}차년도", "Year {n}"),
    "yoy": ("전년 동기 대비", "Change on a year ago"),
    "scorecard": ("성과지표 현황", "KPI scorecard"),
    "download_csv": ("CSV 내려받기", "Download CSV"),
    "download_xlsx": ("Excel 내려받기", "Download Excel"),
    "no_warehouse": ("아직 적재된 자료가 없습니다. `make run`이 예시 자료를 적재합니다.",
                     "No data has been loaded yet. `make run` loads the sample data."),
    "no_rows": ("선택한 조건에 해당하는 자료가 없습니다. 컨소시엄이나 분기를 바꿔 보세요.",
                "Nothing matches this selection. Try another consortium or quarter."),
    "started": ("{date} 사업 시작", "Started {date}"),
    "data_until": ("{date}까지 제출", "Data until {date}"),
    "lead": ("주관기업", "Lead company"),
    "status_rule": ("상태 판정 기준", "How status is decided"),
    "definition": ("정의", "Definition"),
    "n_of": ("n = {n}", "n = {n}"),
    "choose_kpi": ("지표 선택", "Choose a KPI"),
    "members": ("참여기관", "Member institutions"),
    "calendar_view": ("달력 연도", "Calendar year"),
    "program_year_view": ("사업연차", "Program year"),
    "compare_by": ("비교 기준", "Compare by"),
}


def language() -> str:
    """The language chosen in the sidebar (Korean until chosen)."""
    return st.session_state.get("lang") or DEFAULT_LANGUAGE


def t(key: str, **values: object) -> str:
    """The text for `key` in the current language, with `{placeholders}` filled."""
    korean, english = TEXT[key]
    text = korean if language() == "ko" else english
    return text.format(**values) if values else text
