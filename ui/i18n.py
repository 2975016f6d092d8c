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
    "sql": ("SQL 작업대", "SQL workbench"),
    "sql_intro": ("웨어하우스를 읽기 전용으로 조회합니다: 한 번에 조회문 한 문장, {timeout:g}초 "
                  "제한, 화면에 {display:,}행, 내려받기는 {cap:,}행까지. 조회문은 주소(URL)에 "
                  "담기므로 링크로 공유할 수 있습니다.",
                  "Read-only queries on the warehouse: one query at a time, {timeout:g} s limit, "
                  "{display:,} rows on screen, up to {cap:,} rows in downloads. The query is "
                  "kept in the address, so a link shares it."),
    "sql_editor": ("SQL 조회문", "SQL query"),
    "sql_placeholder": ("SQL을 입력하거나 저장된 조회를 고르세요.",
                        "Type SQL, or pick a saved query."),
    "sql_run": ("실행", "Run"),
    "sql_rows": ("{rows:,}행 · {seconds:.2f}초", "{rows:,} rows · {seconds:.2f} s"),
    "sql_display_cap": ("화면에는 처음 {shown:,}행만 보입니다. 내려받기에는 {rows:,}행이 모두 "
                        "들어 있습니다.", "The first {shown:,} rows are shown; the downloads "
                        "hold all {rows:,}."),
    "sql_row_cap": ("결과가 {cap:,}행을 넘어 잘랐습니다. 조건을 좁히거나 집계하세요.",
                    "The result had more than {cap:,} rows and was cut there; narrow the query "
                    "or aggregate."),
    "sql_no_rows": ("조회 결과가 없습니다(0행).", "The query returned no rows."),
    "sql_detail": ("DuckDB 메시지", "DuckDB's message"),
    "sql_chart": ("빠른 차트", "Quick chart"),
    "sql_no_chart": ("차트를 그리려면 숫자 열이 필요합니다.", "A chart needs a numeric column."),
    "chart_kind": ("차트 종류", "Chart type"),
    "chart_bar": ("막대", "Bar"),
    "chart_line": ("선", "Line"),
    "chart_scatter": ("산점도", "Scatter"),
    "chart_x": ("가로축", "X axis"),
    "chart_y": ("세로축", "Y axis"),
    "sql_saved": ("저장된 조회", "Saved queries"),
    "sql_schema": ("스키마 탐색기", "Schema browser"),
    "sql_relation": ("테이블·뷰", "Table or view"),
    "column": ("열", "Column"),
    "data_type": ("형식", "Type"),
    "description": ("설명", "Description"),
    "download_parquet": ("Parquet 내려받기", "Download Parquet"),
    "sql_result_of_earlier": ("아래 결과는 편집 전 조회문의 결과입니다. 다시 실행하세요.",
                              "The result below is of the query before your edits; run again."),
    "local_mode": ("로컬 모드: 로그인 없이 이 컴퓨터에서만 열립니다",
                   "Local mode: no sign-in, open on this machine only"),
    "local_mode_exposed": (
        "로그인이 설정되지 않은 상태로는 외부 주소에서 열 수 없습니다. "
        ".streamlit/secrets.toml에 [auth]를 설정하거나 localhost에서 실행하세요.",
        "Without sign-in configured the dashboard only serves on localhost. Configure [auth] "
        "in .streamlit/secrets.toml or bind the server to localhost."),
    "sign_in": ("로그인", "Sign in"),
    "sign_out": ("로그아웃", "Sign out"),
    "sign_in_needed": ("성과 자료를 보려면 기관 계정으로 로그인하세요.",
                       "Sign in with your organisation account to see the outcomes."),
    "no_access": ("{email} 계정에는 열람 권한이 없습니다. 사업 담당자에게 권한을 요청하세요.",
                  "{email} has no access yet. Ask the program office to grant a role."),
    "signed_in_as": ("{email} · {role}", "{email} · {role}"),
    "role_leadership": ("간부", "Leadership"),
    "role_analyst": ("분석가", "Analyst"),
    "role_admin": ("관리자", "Administrator"),
    "load_data": ("자료 적재", "Load data"),
    "load_title": ("제출 자료 적재", "Load a submission"),
    "load_help": ("제출 폴더(submission.toml 포함)를 zip으로 올리면 먼저 검사만 합니다. "
                  "'적재하기'를 켜면 검사를 통과한 자료를 한 번에 반영합니다.",
                  "Upload submission folders (each with submission.toml) as a zip: they are "
                  "checked first; switch on 'Load' to publish what passes, all at once."),
    "load_upload": ("제출 자료 zip", "Submission zip"),
    "load_empty": ("zip 파일을 올리면 검사 결과가 여기에 표시됩니다.",
                   "Upload a zip to see the check results here."),
    "load_publish": ("적재하기", "Load"),
    "load_refused": ("받을 수 없는 파일입니다", "Upload refused"),
    "load_rejections": ("반려된 값", "Rejected values"),
    "load_checked": ("검사만 했습니다. 웨어하우스는 바뀌지 않았습니다.",
                     "Checked only: the warehouse is unchanged."),
    "load_published": ("적재를 마쳤습니다: {name}", "Loaded and published: {name}"),
    "load_unchanged": ("바뀐 내용이 없어 그대로 두었습니다.",
                       "Nothing changed: the warehouse is as it was."),
    "load_journal": ("적재 기록: {path}", "Load journal: {path}"),
    "data_version": ("자료 버전 {version} UTC", "Data version {version} UTC"),
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
