"""Every word the reports print, in Korean (the default) and English.

The app's labels (ui/i18n.py) follow the viewer's session; a report is written in one language
chosen when it is rendered, so its labels live here. KPI names and definitions come from the
KPI catalogue, never from here.
"""

from __future__ import annotations

LANGUAGES = ("ko", "en")

LABELS: dict[str, tuple[str, str]] = {
    "title": ("생성AI 선도인재 양성사업 성과 보고서",
              "Generative AI Leading Talent Nurturing Project: outcomes report"),
    "period_quarter": ("{year}년 {quarter}분기 (연초부터 누적)",
                       "{year} Q{quarter} (year to date)"),
    "period_year": ("{year}년 연간 ({period}까지 누적)", "Year {year} (year to date to {period})"),
    "internal": ("내부용: 정확한 수치", "Internal edition: exact figures"),
    "public": ("공개용: 통계적 노출 제한 적용", "Public edition: statistical disclosure control"),
    "snapshot": ("스냅숏", "Snapshot"),
    "data_as_of": ("자료 기준 시각", "Data loaded until"),
    "code_version": ("코드 버전", "Code version"),
    "warehouse_version": ("웨어하우스 버전", "Warehouse version"),
    "contents": ("목차", "Contents"),
    "summary": ("사업 전체 요약", "Program summary"),
    "appendix_history": ("부록: {year}년 분기별 전체 수치",
                         "Appendix: every figure by quarter of {year}"),
    "appendix_period": ("부록: 컨소시엄별 전체 수치", "Appendix: every figure by consortium"),
    "notes": ("읽는 법", "How to read this report"),
    "kpi": ("성과지표", "KPI"),
    "consortium": ("컨소시엄", "Consortium"),
    "period": ("분기", "Quarter"),
    "value": ("실적", "Actual"),
    "target": ("목표", "Target"),
    "projection": ("연말 예상", "Year-end projection"),
    "status": ("상태", "Status"),
    "numerator": ("분자", "Numerator"),
    "denominator": ("분모 (n)", "Denominator (n)"),
    "n": ("n", "n"),
    "definition": ("정의", "Definition"),
    "unit": ("단위", "Unit"),
    "kpi_id": ("지표 ID", "KPI id"),
    "sheet": ("시트", "Sheet"),
    "program_total": ("사업 전체", "Program total"),
    "on_track": ("정상", "On track"),
    "at_risk": ("주의", "At risk"),
    "behind": ("미흡", "Behind"),
    "no_target": ("목표 없음", "No target"),
    "no_data": ("자료 없음", "No data"),
    "n_rate": ("비율의 분모(n)는 {denominator}입니다.",
               "The rate's denominator (n) is {denominator}."),
    "n_count": ("n은 지표 값 자체(건수)입니다.", "n is the value itself (a count)."),
    "reporting": ("이 분기 자료를 제출한 컨소시엄: {names}",
                  "Consortia reporting this quarter: {names}"),
    "missing": ("최종 기한까지 자료를 제출하지 않은 컨소시엄 (이 보고서의 수치에 빠져 있음): "
                "{names}",
                "Consortia that had not submitted by the final deadline (their figures are "
                "missing from this report): {names}"),
    "ytd_note": ("모든 수치는 해당 연도 1월 1일부터 분기 말까지 누적한 값입니다.",
                 "Every figure is year to date: from 1 January to the end of the quarter."),
    "status_rule": ("상태 판정 기준", "How status is decided"),
    "symbols": ("기호", "Symbols"),
    "symbol_small": ("{mark}: 인원이 1 이상 {limit} 미만 (정확한 수는 공개하지 않음)",
                     "{mark}: at least 1 and fewer than {limit} people (exact number withheld)"),
    "symbol_hidden": ("{mark}: 다른 값으로 역산되지 않도록 공개하지 않음",
                      "{mark}: withheld so that a hidden figure cannot be worked out"),
    "symbol_dash": ("–: 자료 없음 (해당 인원이 없음)", "–: no data (nobody to count)"),
    "disclosure_rules": (
        "공개용에서는 인원이 1 이상 {limit} 미만이면 '{mark}'로 표시하고, 분모가 {rate}명 미만인 "
        "비율을 공개하지 않으며, 합계에서 역산할 수 없도록 추가로 값을 가립니다 "
        "(docs/disclosure-control.md).",
        "In the public edition counts of 1 to {small} people are shown as '{mark}', rates over "
        "fewer than {rate} people are withheld, and further cells are withheld so that no hidden "
        "figure can be worked out from a total (docs/disclosure-control.md)."),
    "page": ("쪽", "Page"),
    "other_language": ("English", "한국어"),
    "chart_title": ("{domain}: {unit}", "{domain}: {unit}"),
    "edition": ("판", "Edition"),
    "industry": ("산학협력", "Industry collaboration"),
    "industry_detail": ("산학협력 세부 현황", "Industry collaboration in detail"),
    "industry_flow": ("공동연구에서 성과, 기술이전, 사업화까지 (사업 시작부터 누적 건수)",
                      "From joint projects to outputs, transfers and services (records since "
                      "the start)"),
    "industry_support": ("기업이 제공한 지원 (연초부터 누적)",
                         "What each company provided (year to date)"),
    "industry_note_internal": ("금액은 협약에서 정한 환산액(현물·현금)이며 내부용에만 싣습니다.",
                               "Won values are the agreed values (in-kind and cash), shown in "
                               "the internal edition only."),
    "industry_note_public": ("기업별 금액과 기술료는 내부용에만 싣습니다.",
                             "Company won values and fees are in the internal edition only."),
    "stage_projects": ("공동연구과제", "Joint projects"),
    "stage_papers": ("논문", "Papers"),
    "stage_patents": ("특허", "Patents"),
    "stage_artefacts": ("공개 성과물", "Open releases"),
    "stage_transfers": ("기술이전", "Technology transfers"),
    "stage_services": ("서비스·제품 적용", "Into services and products"),
    "provider": ("제공기관", "Provider"),
    "in_kind_krw": ("현물 (원)", "In-kind (KRW)"),
    "cash_krw": ("현금 (원)", "Cash (KRW)"),
    "gpu_hours": ("GPU 시간", "GPU-hours"),
    "api_tokens": ("API 토큰", "API tokens"),
    "api_calls": ("API 호출", "API calls"),
    "mentoring_hours": ("멘토링 시간", "Mentoring hours"),
    "records": ("건수", "Records"),
    "industry_transfers": ("기술이전 계약 (사업 시작부터 누적)",
                           "Technology-transfer contracts (since the start)"),
    "contracts": ("계약 수", "Contracts"),
    "fixed_fee_krw": ("정액기술료 (원)", "Fixed fees (KRW)"),
    "received_to_date_krw": ("누적 징수액 (원)", "Received to date (KRW)"),
}

DOMAINS: dict[str, tuple[str, str]] = {
    "talent": ("인재양성", "Talent"),
    "research": ("연구성과", "Research"),
    "placement": ("졸업생 진로", "Placement"),
    "industry": ("산학협력", "Industry collaboration"),
    "program": ("사업운영", "Program"),
}

UNITS: dict[str, tuple[str, str]] = {
    "people": ("명", "people"), "projects": ("건", "projects"), "papers": ("편", "papers"),
    "percent": ("%", "%"), "krw": ("원", "KRW"), "months": ("개월", "months"),
    "hours": ("시간", "hours"), "count": ("건", "count"), "fte": ("FTE", "FTE"),
    "person_months": ("인·월", "person-months"), "universities": ("개교", "universities"),
}


def _pick(pair: tuple[str, str], language: str) -> str:
    return pair[0] if language == "ko" else pair[1]


def label(key: str, language: str, **values: object) -> str:
    """The label for `key` in `language`, with `{placeholders}` filled."""
    text = _pick(LABELS[key], language)
    return text.format(**values) if values else text


def domain_name(domain: str, language: str) -> str:
    """A KPI domain's name (its id when the catalogue gains a domain not named here)."""
    return _pick(DOMAINS[domain], language) if domain in DOMAINS else domain


def unit_name(unit: str, language: str) -> str:
    """A unit's name."""
    return _pick(UNITS[unit], language) if unit in UNITS else unit
