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
    "reports": ("발행 보고서", "Reports"),
    "no_snapshots": ("아직 발행된 보고서가 없습니다. "
                     "`python -m reports publish --period 2026-Q3`로 발행합니다.",
                     "No report has been published yet. Publish one with "
                     "`python -m reports publish --period 2026-Q3`."),
    "snapshot": ("보고서", "Snapshot"),
    "snapshot_year": ("{year}년 연간 ({period}까지)", "Year {year} (to {period})"),
    "published_at": ("{created} 발행 · 코드 {code} · {warehouse}",
                     "Published {created} · code {code} · {warehouse}"),
    "downloads": ("내려받기", "Downloads"),
    "internal_edition": ("내부용 (정확한 수치)", "Internal edition (exact figures)"),
    "public_edition": ("공개용 (통계적 노출 제한)", "Public edition (disclosure control)"),
    "manifest": ("매니페스트 (JSON)", "Manifest (JSON)"),
    "kpis_as_of": ("{period} 발행 당시 성과지표", "KPIs as published for {period}"),
    "compare_snapshots": ("보고서 비교", "Compare two snapshots"),
    "compare_with": ("비교할 보고서", "Compare with"),
    "need_two": ("비교하려면 발행된 보고서가 두 개 이상 있어야 합니다.",
                 "Comparing needs at least two published snapshots."),
    "delta": ("증감", "Change"),
    "restated": ("발행 후 수정", "Restated"),
    "restated_value": ("{period} 현재 값", "{period} now"),
    "restated_count": ("{n}개 값이 발행 후 수정되었습니다 (나중 보고서에 담긴 {period} 값이 다름).",
                       "{n} figure(s) changed after publication (the later snapshot holds a "
                       "different value for {period})."),
    "none_restated": ("발행 후 수정된 값이 없습니다.", "No figure changed after publication."),
}


def language() -> str:
    """The language chosen in the sidebar (Korean until chosen)."""
    return st.session_state.get("lang") or DEFAULT_LANGUAGE


def t(key: str, **values: object) -> str:
    """The text for `key` in the current language, with `{placeholders}` filled."""
    korean, english = TEXT[key]
    text = korean if language() == "ko" else english
    return text.format(**values) if values else text
