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
    # talent, research, placements and data-quality pages
    "talent": ("인재 양성", "Talent"),
    "research": ("연구 성과", "Research"),
    "placements": ("파견·진로", "Placements"),
    "quality": ("자료 품질", "Data quality"),
    "pipeline": ("참여에서 학위, 진로까지", "From taking part to degree to destination"),
    "pipeline_help": ("각 컨소시엄 시작부터 분기 말까지 누적한 학생 수입니다.",
                      "Students counted from each consortium's start to the quarter's end."),
    "stage": ("단계", "Stage"),
    "students": ("학생 수", "Students"),
    "stage_took_part": ("참여 학생", "Took part"),
    "stage_graduated": ("학위 취득", "Graduated"),
    "stage_due_6m": ("졸업 6개월 도래", "Six months since graduation"),
    "stage_known_6m": ("6개월 진로 파악", "Destination known at 6 months"),
    "stage_employed_or_studying_6m": ("6개월 취업·진학", "Employed or studying at 6 months"),
    "cohorts": ("참여 시작 연도별 코호트", "Cohorts by start year"),
    "cohorts_help": ("지속률 = (참여 중 + 졸업) ÷ 시작 인원(n), 분기 말 기준.",
                     "Continuing = (taking part + graduated) ÷ started (n), at the quarter's end."),
    "start_year": ("참여 시작 연도", "Start year"),
    "cohort_started": ("시작 인원 (n)", "Started (n)"),
    "active": ("참여 중", "Taking part"),
    "graduated": ("졸업", "Graduated"),
    "left_program": ("중도 종료", "Left"),
    "continuing_pct": ("지속률(%)", "Continuing (%)"),
    "venue_tier": ("학술지·학회 등급별 사사 논문", "Acknowledged papers by venue tier"),
    "shares_by_year": ("연도별 논문 비율", "Shares of papers by year"),
    "publication_year": ("발행 연도", "Year"),
    "papers": ("논문 수", "Papers"),
    "papers_n": ("논문 수 (n)", "Papers (n)"),
    "share_pct": ("비율(%)", "Share (%)"),
    "top_venue": ("우수 학술지·학회", "Top venue"),
    "other_venue": ("기타 학술지·학회", "Other venues"),
    "student_first_author": ("학생 제1저자", "Student first author"),
    "student_first_author_pct": ("학생 제1저자 비율(%)", "Student first author (%)"),
    "industry_coauthored": ("산업체 공동저자", "Industry co-author"),
    "industry_coauthored_pct": ("산업체 공동저자 비율(%)", "Industry co-author (%)"),
    "open_access": ("오픈액세스", "Open access"),
    "open_access_pct": ("오픈액세스 비율(%)", "Open access (%)"),
    "research_note": ("학술지 영향력 지수(IF)는 쓰지 않습니다. 우수 학술지·학회는 사업이 관리하는 "
                      "목록을 따르며, 모든 비율 옆에 논문 수(n)를 함께 표시합니다. 분기 말까지 "
                      "발행된 논문이며, 여러 컨소시엄이 함께 낸 논문은 한 번만 셉니다.",
                      "Journal impact factors are not used. Top venues follow the program's own "
                      "list, and every share is shown with its number of papers (n). Papers "
                      "published up to the quarter's end; a paper shared by consortia counts "
                      "once."),
    "dispatches": ("기업 파견 (연초부터 누적)", "Dispatches to companies (year to date)"),
    "chosen_total": ("선택한 컨소시엄 합계", "Chosen consortia together"),
    "people": ("파견 인원", "People"),
    "qualifying_people": ("4주 이상 파견", "4 weeks or more"),
    "person_months": ("파견 인월", "Person-months"),
    "host_companies": ("파견 기업 수", "Host companies"),
    "host": ("파견 기업", "Host company"),
    "destinations": ("졸업생 진로 (졸업 후 6·12개월)", "Graduate destinations at 6 and 12 months"),
    "destinations_help": ("분기 말까지 조사 시점이 도래한 졸업생 전원입니다. 진로 보고가 없으면 "
                          "'미상'으로 셉니다.",
                          "Every graduate whose survey point had come by the quarter's end; a "
                          "graduate without a report counts as unknown."),
    "graduation_year": ("졸업 연도", "Graduation year"),
    "survey_point": ("조사 시점", "Survey point"),
    "months_after": ("졸업 {n}개월", "{n} months"),
    "destination": ("진로", "Destination"),
    "graduates": ("졸업생 수", "Graduates"),
    "dest_ai_industry": ("AI 산업 취업", "Employed, AI industry"),
    "dest_other_industry": ("기타 산업 취업", "Employed, other industry"),
    "dest_employer_unclassified": ("취업(업종 미상)", "Employed, sector unknown"),
    "dest_further_study": ("진학", "Further study"),
    "dest_seeking": ("구직 중", "Seeking work"),
    "dest_unknown": ("미상", "Unknown"),
    "freshness": ("컨소시엄별 제출 현황", "Freshness by consortium"),
    "last_period": ("최근 제출 분기", "Latest quarter"),
    "last_loaded_at": ("최근 적재 시각", "Last loaded"),
    "loads": ("적재 횟수", "Loads"),
    "submitted_by": ("제출자", "Submitted by"),
    "fresh": ("최신", "Up to date"),
    "behind_n": ("{n}개 분기 지연", "{n} quarter(s) behind"),
    "never_submitted": ("제출 없음", "Nothing submitted yet"),
    "completeness": ("자료 완전성", "Completeness"),
    "n": ("n", "n"),
    "meeting": ("해당 수", "Meeting it"),
    "load_history": ("적재 기록", "Loads"),
    "loaded_at": ("적재 시각", "Loaded at"),
    "loaded_by": ("적재자", "Loaded by"),
    "rows_in": ("입력 행", "Rows in"),
    "rows_accepted": ("반영 행", "Rows accepted"),
    "rows_rejected": ("반려 행", "Rows rejected"),
    "outcome": ("결과", "Outcome"),
    "file_name": ("파일", "File"),
    "row_number": ("행", "Row"),
    "header": ("항목", "Column"),
    "value_shown": ("값(개인정보 가림)", "Value (personal data masked)"),
    "reason": ("사유", "Reason"),
    "no_rejections": ("반려된 값이 없습니다.", "No values were rejected."),
    "drilldown": ("지표 근거 기록", "Records behind a KPI"),
    "drilldown_help": ("가명처리된 기록 {n}건입니다. 사람은 암호화된 키로만 표시되며, "
                       "is_counted는 비율의 분자에 포함된 기록입니다.",
                       "{n} pseudonymised records: people appear only as keyed hashes; "
                       "is_counted marks the records in a rate's numerator."),
    "drilldown_analysts_only": ("개별 기록은 분석가와 관리자만 볼 수 있습니다.",
                                "Record-level data is for analysts and administrators."),
}


def language() -> str:
    """The language chosen in the sidebar (Korean until chosen)."""
    return st.session_state.get("lang") or DEFAULT_LANGUAGE


def t(key: str, **values: object) -> str:
    """The text for `key` in the current language, with `{placeholders}` filled."""
    korean, english = TEXT[key]
    text = korean if language() == "ko" else english
    return text.format(**values) if values else text
