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
    "calendar_view": ("달력 분기", "Calendar quarter"),
    "program_year_view": ("사업연차", "Program year"),
    "compare_by": ("비교 기준", "Compare by"),
    "compare_help": ("컨소시엄마다 시작 연도가 다릅니다. 사업연차로 비교하면 각 컨소시엄의 같은 "
                     "차년도(1차년도는 시작한 해)끼리 나란히 놓습니다.",
                     "Consortia started in different years. By program year, each consortium's "
                     "year N (year 1 is the year it started) is set beside the others' year N."),
    "choose_program_year": ("비교할 사업연차", "Program year to compare"),
    "program_year_as_of": ("{n}차년도 ({period} 기준)", "Year {n} (as of {period})"),
    "year_quarter": ("{n}차년도 {q}분기", "Year {n} Q{q}"),
    "status_matrix": ("컨소시엄별 목표 달성 상태", "Status by consortium and KPI"),
    "no_targets": ("목표가 있는 지표가 없습니다.", "No KPI has a target here."),
    "universities": ("참여 대학", "Universities"),
    "university": ("대학", "University"),
    "projects": ("공동연구과제", "Joint research projects"),
    "project_number": ("과제번호", "Project number"),
    "project_title": ("과제명", "Title"),
    "start_date": ("시작일", "Start"),
    "end_date": ("종료일", "End"),
    "project_count": ("참여 과제 수", "Projects"),
    "university_count": ("참여 대학 수", "Universities"),
    "is_joint": ("공동연구(대학 2곳 이상)", "Joint (2+ universities)"),
    "is_member": ("컨소시엄 참여기관", "Consortium member"),
    "year_ago": ("전년 동기 실적", "A year ago"),
    "yes": ("예", "Yes"),
    "no": ("아니오", "No"),
    "glossary": ("지표 정의", "KPI glossary"),
    "glossary_intro": ("모든 화면의 성과지표는 아래 정의 하나로 계산합니다.",
                       "Every figure in the dashboard is computed from the one definition below."),
    "see_definition": ("정의 보기", "Definition"),
    "selected_kpi": ("선택한 지표", "Selected KPI"),
    "domain": ("분야", "Domain"),
    "domain_all": ("전체", "All"),
    "domain_talent": ("인재 양성", "Talent"),
    "domain_placement": ("진로", "Placement"),
    "domain_research": ("연구 성과", "Research"),
    "domain_program": ("사업 운영", "Program"),
    "search": ("검색", "Search"),
    "search_hint": ("지표 이름, ID 또는 정의로 찾기", "Find by name, id or definition"),
    "no_kpi_matches": ("조건에 맞는 지표가 없습니다. 검색어나 분야를 바꿔 보세요.",
                       "No KPI matches. Try another search or domain."),
    "kpi_id": ("지표 ID", "KPI id"),
    "name_ko": ("국문 이름", "Korean name"),
    "name_en": ("영문 이름", "English name"),
    "numerator": ("분자", "Numerator"),
    "denominator": ("분모", "Denominator"),
    "unit": ("단위", "Unit"),
    "direction": ("좋은 방향", "Direction of good"),
    "direction_up": ("높을수록 좋음", "Higher is better"),
    "direction_down": ("낮을수록 좋음", "Lower is better"),
    "accumulation": ("집계 방식", "How it adds up"),
    "accumulation_flow": ("연간 누적: 연말 예상은 지금까지의 속도로 계산",
                          "Adds up over the year: projected at the pace so far"),
    "accumulation_stock": ("현재 수준: 연말 예상은 현재 값",
                           "Level reached so far: projected at its current value"),
    "accumulation_rate": ("비율: 연말 예상은 현재 값, 분모(n)를 함께 표시",
                          "A share: projected at its current value, shown with its n"),
    "target_rule": ("목표 기준", "Target rule"),
    "target_floor_up": ("공고 최소 기준: {year}차년도부터 연 {target} 이상. 협약 목표가 제출되면 "
                        "그 값으로 대체합니다.",
                        "Call's floor: at least {target} a year from program year {year}; an "
                        "agreed target submitted by the consortium replaces it."),
    "target_floor_down": ("공고 기준: {year}차년도부터 연 {target} 이하. 협약 목표가 제출되면 "
                          "그 값으로 대체합니다.",
                          "Call's ceiling: at most {target} a year from program year {year}; an "
                          "agreed target submitted by the consortium replaces it."),
    "target_none": ("공고 기준 없음. 협약 목표가 제출된 경우에만 상태를 판정합니다.",
                    "No floor in the call: status is decided only where an agreed target is "
                    "submitted."),
    "source": ("자료 출처", "Source"),
    "unit_people": ("명", "people"),
    "unit_projects": ("건(과제)", "projects"),
    "unit_papers": ("편(논문)", "papers"),
    "unit_percent": ("%", "percent"),
    "unit_krw": ("원", "KRW"),
    "unit_months": ("개월", "months"),
    "unit_hours": ("시간", "hours"),
    "unit_count": ("개", "count"),
    "unit_fte": ("FTE(전일제 환산 인원)", "FTE (full-time equivalents)"),
    "unit_person_months": ("인월", "person-months"),
    "unit_universities": ("개(대학)", "universities"),
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


def text_in(language_code: str, key: str, **values: object) -> str:
    """The text for `key` in the given language; for labels formatted outside a script run."""
    korean, english = TEXT[key]
    text = korean if language_code == "ko" else english
    return text.format(**values) if values else text


def t(key: str, **values: object) -> str:
    """The text for `key` in the current language, with `{placeholders}` filled."""
    return text_in(language(), key, **values)
