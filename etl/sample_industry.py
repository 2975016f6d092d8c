"""The industry side of the synthetic sample: what companies give and what research becomes.

Called by `etl.sample` for each simulated consortium after its students and projects exist, so
beneficiaries and inventors are the consortium's own students. Each quarter the lead company
gives research API tokens, GPU time and mentoring (and now and then a dataset), valued in won as
an in-kind share; patents are filed from the second quarter and about half are registered four
to six quarters later (sent again with the registration); some technology is transferred to
companies, paid in one or two instalments and sometimes taken into a service; models, datasets
and code are released openly. Values are written the ways officers write them: '24,000,000원',
'2400만원', 'NVIDIA H100 80GB', a 13-digit patent number, a URL without https. A separate random
stream keeps the rest of the sample unchanged when this part changes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Protocol

from etl.industry_fields import brn_check_digit

Period = tuple[int, int]
Row = dict[str, str | int | date | None]

APIS = {"vaiv": ("SUPERVAIV API", "Vaiv 검색증강 API"), "42maru": ("LLM42 API", "RAG42 API"),
        "lg-ai": ("EXAONE 3.5 API", "EXAONE Deep API"), "nc-ai": ("VARCO LLM API",
                                                                 "VARCO Vision API"),
        "keti": ("KETI 휴먼 파운데이션 모델 API",)}
GPUS = {"vaiv": ("A100", "NVIDIA A100 80GB"), "42maru": ("H100", "NVIDIA H100 80GB"),
        "lg-ai": ("H100", "h100-sxm", "NVIDIA H100 SXM5 80GB"), "nc-ai": ("H200", "NVIDIA H200"),
        "keti": ("L40S", "NVIDIA L40S 48GB")}
HUB_ORGS = {"vaiv": "vaiv-ai", "42maru": "42maru", "lg-ai": "LGAI-EXAONE", "nc-ai": "NCSOFT",
            "keti": "KETI-AI"}
MENTORING_TOPICS = ("모델 경량화 실무 자문", "RAG 서비스화 자문", "데이터 구축 가이드",
                    "연구 결과 제품화 검토", "에이전트 평가 체계 자문")
DATASETS = ("한국어 대화 말뭉치", "도메인 질의응답 데이터", "멀티모달 문서 데이터",
            "합성 지시문 데이터")
DATA_LICENCES = ("연구용 비공개 라이선스", "CC BY-NC 4.0", "기관 내부 이용 약정")
PATENT_TOPICS = ("대규모 언어모델의 추론 비용 절감 방법", "검색증강 생성의 환각 검출 장치 및 방법",
                 "멀티모달 문서 질의응답 시스템", "에이전트 기반 작업 계획 생성 방법",
                 "한국어 지시문 데이터 자동 생성 방법", "게임 콘텐츠 생성을 위한 멀티모달 모델",
                 "물리 환경 인식 기반 로봇 제어용 언어모델", "개인화 대화 모델의 학습 방법")
PROFESSORS = ("김교수", "이교수", "박교수", "최교수", "정교수", "강교수")
RECIPIENTS = ("(주)에이아이랩", "(주)딥인사이트", "(주)스마트로지스", "(주)메디브레인",
              "(주)모빌리티에이아이", "(주)게임크래프트", "(주)리걸테크", "(주)에듀지능")
SERVICES = ("AI 상담 챗봇", "문서 요약 서비스", "물류 경로 최적화 서비스", "의료 상담 보조 앱",
            "게임 NPC 대화 엔진", "사내 지식검색 서비스")
ARTEFACT_NAMES = ("KoRAG", "Ko-Instruct", "DocVQA-ko", "AgentBench-ko", "Lite-LLM", "HalluCheck")
LICENCES = ("Apache-2.0", "MIT", "CC-BY-4.0", "CC-BY-NC-4.0")
HOURS_PER_MONTH = 730


class Simulation(Protocol):
    """What this module reads of etl.sample's simulated consortium (it does not import it)."""

    consortium: Any
    students: list[Any]
    projects: list[Any]


def first_day(period: Period) -> date:
    """The quarter's first day."""
    return date(period[0], 3 * period[1] - 2, 1)


def last_day(period: Period) -> date:
    """The quarter's last day."""
    year, quarter = period
    return (date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)) \
        - timedelta(days=1)


def main_number(sim: Simulation) -> str:
    """The number a consortium's outputs name first: its grant, or while that is unknown, its
    first joint project's number."""
    return sim.consortium.grant or sim.projects[0].number


def periods_after(period: Period, window: list[Period], quarters: int) -> Period | None:
    """The quarter `quarters` after `period`, if the window reaches it."""
    index = window.index(period) + quarters
    return window[index] if index < len(window) else None


def _won(rng: random.Random, amount: int) -> str:
    """An amount as officers write it."""
    forms = [f"{amount:,}원", f"{amount:,}", str(amount)]
    if amount % 10_000 == 0:
        forms.append(f"{amount // 10_000}만원")
    return rng.choice(forms)


def business_number(rng: random.Random) -> str:
    """A well-formed business registration number with its check digit."""
    first = f"{rng.randint(101, 899)}{rng.randint(81, 88)}{rng.randrange(10 ** 4):04d}"
    return f"{first[:3]}-{first[3:5]}-{first[5:]}{brn_check_digit(first)}"


@dataclass
class Patent:
    office: str
    number: str
    filed: date
    title: str
    applicants: str
    inventors: str
    inventor_numbers: str
    projects: str
    registration: str | None = None
    registered: date | None = None


@dataclass
class Industry:
    """Every row of the four datasets, by the quarter that reports it."""

    support: dict[Period, list[Row]] = field(default_factory=dict)
    patents: dict[Period, list[Row]] = field(default_factory=dict)
    transfers: dict[Period, list[Row]] = field(default_factory=dict)
    artefacts: dict[Period, list[Row]] = field(default_factory=dict)


def _support(rng: random.Random, sim: Simulation, first: date, last: date, active: list,
             quarter_index: int) -> list[Row]:
    consortium = sim.consortium
    lead = consortium.lead.written(rng)
    rows: list[Row] = []
    for api in APIS.get(consortium.id, (f"{consortium.lead.name_en} API",)):
        tokens = max(1, len(active)) * rng.randint(2, 20) * 100_000
        users = rng.sample(active, min(len(active), rng.randint(3, 8))) if active else []
        listed = rng.random() < 0.5 and users
        rows.append({"support_type": "API", "provider": lead, "start_date": first,
                     "end_date": last, "resource": api, "quantity": tokens, "unit": "토큰",
                     "beneficiary_count": None if listed else len(users),
                     "beneficiaries": ";".join(s.number for s in users) if listed else None,
                     "value_krw": _won(rng, tokens // 1000 * 20), "value_basis": "현물",
                     "project_number": main_number(sim)})
    cards = rng.choice((4, 8, 8, 16))
    gpu = rng.choice(GPUS.get(consortium.id, ("H100",)))
    compute: Row = {"support_type": "컴퓨팅", "provider": lead, "start_date": first,
                    "end_date": last, "resource": "연구용 GPU 클러스터", "gpu_model": gpu,
                    "beneficiary_count": max(1, len(active) // 2),
                    "value_krw": _won(rng, cards * 3 * 2_500_000), "value_basis": "현물"}
    if rng.random() < 0.5:
        compute |= {"gpu_cards": cards, "quantity": 3, "unit": "개월"}
    else:
        compute |= {"quantity": cards * 3 * HOURS_PER_MONTH * rng.randint(60, 95) // 100,
                    "unit": "GPU시간"}
    rows.append(compute)
    rows.append({"support_type": "멘토링", "provider": lead, "start_date": first,
                 "end_date": last, "resource": rng.choice(MENTORING_TOPICS),
                 "quantity": rng.randint(8, 40), "unit": "시간",
                 "beneficiary_count": rng.randint(3, max(3, len(active)))})
    if quarter_index % 4 == 0:
        rows.append({"support_type": "데이터", "provider": lead, "start_date": first,
                     "resource": f"{rng.choice(DATASETS)} v{quarter_index // 4 + 1}",
                     "quantity": rng.randint(5, 200), "unit": "GB",
                     "licence": rng.choice(DATA_LICENCES), "beneficiary_count": len(active),
                     "value_krw": _won(rng, rng.randint(2, 20) * 5_000_000),
                     "value_basis": "현물"})
    return rows


def _new_patent(rng: random.Random, sim: Simulation, period: Period,
                serials: set[str]) -> Patent:
    filed = date(period[0], 3 * period[1] - 2, 1) + timedelta(days=rng.randint(0, 85))
    eligible = [s for s in sim.students if s.start <= filed] or sim.students
    student = rng.choice(eligible)
    office = rng.choices(("KR", "US", "PCT"), weights=(85, 10, 5))[0]
    while True:
        serial = f"{rng.randint(1, 199_999):07d}"
        if serial not in serials:
            serials.add(serial)
            break
    number = {"KR": f"10-{filed.year}-{serial}", "US": f"US 19/{serial[1:4]},{serial[4:]}",
              "PCT": f"PCT/KR{filed.year}/{serial[1:]}"}[office]
    if office == "KR" and rng.random() < 0.3:
        number = number.replace("-", "")
    applicants = [student.university.written(rng)]
    if rng.random() < 0.5:
        applicants.append(sim.consortium.lead.written(rng))
    running = [p.number for p in sim.projects if p.start <= filed]
    projects = main_number(sim) if rng.random() < 0.5 or not running else \
        rng.choice(running)
    return Patent(office, number, filed, rng.choice(PATENT_TOPICS), "; ".join(applicants),
                  "; ".join([student.name, *rng.sample(PROFESSORS, rng.randint(1, 2))]),
                  student.number if rng.random() < 0.7 else "", projects)


def _patent_row(rng: random.Random, patent: Patent) -> Row:
    registration = patent.registration
    if registration and rng.random() < 0.3:
        registration = registration.replace("-", "") + "0000"
    return {"office": patent.office, "application_number": patent.number,
            "application_date": patent.filed, "registration_number": registration,
            "registration_date": patent.registered, "title": patent.title,
            "applicants": patent.applicants, "inventors": patent.inventors,
            "inventor_numbers": patent.inventor_numbers or None,
            "acknowledged_projects": patent.projects, "ipc_codes": "G06N 3/08"}


def simulate_industry(rng: random.Random, sim: Simulation, window: list[Period],
                      scale: int) -> Industry:
    """Every industry record of one simulated consortium over its quarters in `window`."""
    industry = Industry()
    serials: set[str] = set()
    released = 0
    filed: list[Patent] = []
    org = HUB_ORGS.get(sim.consortium.id, sim.consortium.id)
    for index, period in enumerate(window):
        first, last = max(first_day(period), sim.consortium.start), last_day(period)
        active = [s for s in sim.students
                  if s.start <= last and (s.end is None or s.end >= first)]
        industry.support[period] = _support(rng, sim, first, last, active, index)
        patents = industry.patents.setdefault(period, [])
        for _ in range(rng.choices((0, 1, 2), weights=(30, 45, 25))[0] * scale if index else 0):
            patent = _new_patent(rng, sim, period, serials)
            filed.append(patent)
            patents.append(_patent_row(rng, patent))
            later = periods_after(period, window, rng.randint(4, 6))
            if patent.office == "KR" and later and rng.random() < 0.5:
                patent.registration = f"10-{rng.randint(2_700_000, 2_899_999)}"
                patent.registered = first_day(later) + timedelta(days=rng.randint(0, 80))
                industry.patents.setdefault(later, []).append(_patent_row(rng, patent))
        for _ in range(rng.choices((0, 1), weights=(55, 45))[0] * scale if index >= 2 else 0):
            _transfer(rng, sim, industry, period, window, filed)
        artefacts = industry.artefacts.setdefault(period, [])
        for _ in range(rng.choices((0, 1, 2), weights=(25, 45, 30))[0] * scale if index else 0):
            released += 1
            artefacts.append(_artefact(rng, sim, period, org, released))
    return industry


def _transfer(rng: random.Random, sim: Simulation, industry: Industry, period: Period,
              window: list[Period], filed: list[Patent]) -> None:
    signed = first_day(period) + timedelta(days=rng.randint(0, 80))
    kind = rng.choices(("특허", "소프트웨어", "노하우"), weights=(50, 30, 20))[0]
    patent = rng.choice(filed) if kind == "특허" and filed else None
    if kind == "특허" and patent is None:
        kind = "소프트웨어"
    fee = rng.randint(5, 50) * 1_000_000
    first_share = fee if rng.random() < 0.5 else fee // 2
    row: Row = {
        "contract_number": f"{sim.consortium.id.upper()}-TT-{period[0]}-"
                           f"{sum(len(r) for r in industry.transfers.values()) + 1:03d}",
        "contract_date": signed, "recipient": rng.choice(RECIPIENTS),
        "recipient_business_number": business_number(rng),
        "recipient_size": rng.choice(("중소기업", "중소기업", "스타트업", "중견기업")),
        "is_foreign_recipient": "N", "subject_type": kind,
        "subject": patent.title if patent else f"{rng.choice(PATENT_TOPICS)} 소프트웨어",
        "patent_numbers": patent.number if patent else None,
        "deal_type": rng.choices(("통상실시권", "전용실시권", "양도"), weights=(70, 20, 10))[0],
        "fixed_fee_krw": _won(rng, fee),
        "running_royalty": "순매출액의 2%" if rng.random() < 0.3 else None,
        "received_krw": _won(rng, first_share),
        "service": rng.choice(SERVICES) if rng.random() < 0.6 else None,
        "project_number": main_number(sim)}
    industry.transfers.setdefault(period, []).append(row)
    later = periods_after(period, window, 1)
    if first_share < fee and later:
        industry.transfers.setdefault(later, []).append(
            {**row, "received_krw": _won(rng, fee - first_share)})


def _artefact(rng: random.Random, sim: Simulation, period: Period, org: str, serial: int) -> Row:
    kind = rng.choices(("모델", "데이터셋", "코드", "데모"), weights=(35, 25, 30, 10))[0]
    name = f"{rng.choice(ARTEFACT_NAMES)}-{serial}"
    url = {"모델": f"huggingface.co/{org}/{name}",
           "데이터셋": f"https://huggingface.co/datasets/{org}/{name}",
           "코드": f"https://github.com/{org}/{name.lower()}",
           "데모": f"https://{org.lower()}.example.ai/demo/{name.lower()}"}[kind]
    if kind != "모델" and rng.random() < 0.2:
        url = url.removeprefix("https://")
    released = first_day(period) + timedelta(days=rng.randint(0, 60))
    observed = kind in ("모델", "데이터셋")
    return {"artefact_type": kind, "name": name, "url": url,
            "licence": rng.choice(LICENCES), "release_date": released,
            "project_number": main_number(sim),
            "downloads": rng.randint(50, 5000) if observed else None,
            "stars": rng.randint(0, 200) if observed else None,
            "observed_date": last_day(period) if observed else None}
