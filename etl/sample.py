"""A synthetic, deterministic set of quarterly submissions, shaped like the real ones.

Real submissions hold names, phone numbers and researcher numbers, so they cannot ship with the
code. The pipeline, the dashboard and their tests still need inputs that look and behave like
what consortia send: incremental quarterly reports, Korean headers, dates typed both as Excel
dates and as text, institution names spelled several ways, CP949 and BOM-marked CSV files,
BibTeX with LaTeX accents, acknowledgements printing grant numbers as real papers do (the
consortia's registered numbers, in Korean and English, several to a bracket with shares, with
the IITP support-year prefix, a legacy number beside its RS twin, a number broken over two lines,
other programs' grants), papers reported twice or shared between consortia, a consortium-year
below the student floor and a project with a single university. This module simulates people,
projects, stays and papers over each consortium's life up to LAST_PERIOD and writes them as
`<out>/<consortium_id>/<period>/` folders. The same seed and scale give byte-identical files.

    python -m etl.sample --seed 7 --scale 1 --out data/sample
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import shutil
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

import config
from contract import (
    ARTEFACTS,
    DESTINATIONS,
    DISPATCHES,
    PATENTS,
    PROJECTS,
    STUDENTS,
    SUPPORT,
    TARGETS,
    TRANSFERS,
    Dataset,
)
from etl.grants import twin_of
from etl.sample_industry import Industry, main_number, simulate_industry

Period = tuple[int, int]
Row = dict[str, str | int | date | None]

LAST_PERIOD: Period = (2026, 3)
CREATED = datetime(2026, 1, 1)
ANNUAL_INTAKE = {"MS": 20, "PhD": 8, "integrated": 4}
INTAKE_QUARTER_WEIGHTS = (0.35, 0.15, 0.35, 0.15)  # semesters start in March and September
SLOW_START_FACTOR = 0.4  # the second consortium listed recruits slowly in its first year
PARTNER_COMPANIES = ("naver", "kakao", "upstage", "samsung-electronics")
CSV_ENCODINGS = {"42maru": "cp949", "vaiv": "utf-8-sig"}
DISPATCH_FILE = "파견현황.csv"
PATENT_FILE = "특허.csv"

DEGREE_KO = {"MS": "석사", "PhD": "박사", "integrated": "석박통합"}
STATUS_KO = {"enrolled": "재학", "on_leave": "휴학", "graduated": "졸업", "withdrawn": "중도탈락"}
DESTINATION_KO = {"employed": "취업", "further_study": "진학", "seeking": "미취업",
                  "unknown": "미상"}
TEAMS = ("사업관리팀", "연구지원팀", "AI사업단 운영팀", "산학협력팀")

SURNAMES = (("김", "Kim", 21), ("이", "Lee", 15), ("박", "Park", 8), ("최", "Choi", 5),
            ("정", "Jung", 5), ("강", "Kang", 2), ("조", "Cho", 2), ("윤", "Yoon", 2),
            ("장", "Jang", 2), ("임", "Lim", 2), ("한", "Han", 1), ("오", "Oh", 1),
            ("서", "Seo", 1), ("신", "Shin", 1), ("권", "Kwon", 1), ("황", "Hwang", 1),
            ("안", "Ahn", 1), ("송", "Song", 1), ("홍", "Hong", 1), ("전", "Jeon", 1))
SYLLABLES = (("민", "min"), ("준", "jun"), ("서", "seo"), ("연", "yeon"), ("지", "ji"),
             ("우", "woo"), ("현", "hyun"), ("수", "su"), ("하", "ha"), ("은", "eun"),
             ("도", "do"), ("윤", "yun"), ("예", "ye"), ("진", "jin"), ("성", "seong"),
             ("재", "jae"), ("영", "young"), ("혜", "hye"), ("태", "tae"), ("주", "ju"),
             ("원", "won"), ("동", "dong"), ("소", "so"), ("채", "chae"), ("건", "geon"),
             ("호", "ho"), ("유", "yu"), ("나", "na"), ("희", "hee"), ("경", "kyung"))
FOREIGN_AUTHORS = (r'M{\"u}ller, Jonas', r"Garc{\'\i}a, Sof{\'\i}a", r"Dupont, {\'E}lodie",
                   r"Fern{\'a}ndez, Jos{\'e}", r'Sch{\"o}n, Lena', r"Nov{\'a}k, Petr",
                   "Smith, Emily", "Chen, Wei", "Tanaka, Yuki", "Rossi, Giulia")
FOREIGN_UNIVERSITIES = ("Technical University of Munich", "University of Toronto", "ETH Zurich",
                        "Carnegie Mellon University", "National University of Singapore",
                        "The University of Tokyo", "University of Edinburgh")
OTHER_EMPLOYERS = (("솔트룩스", "58222"), ("스캐터랩", "58222"), ("마음AI", "58222"),
                   ("뤼튼테크놀로지스", "63120"), ("리벨리온", "26110"), ("퓨리오사AI", "26110"),
                   ("삼성SDS", "62021"), ("LG CNS", "62021"), ("한국딥러닝", "62010"),
                   ("크라우드웍스", "63120"), ("루닛", "70113"))
COMPANY_KSIC = {"naver": "63120", "kakao": "63120", "samsung-electronics": "26110",
                "lg-ai-research": "70113", "lg": "70113"}
PROJECT_TOPICS = ("한국어 초거대 언어모델 경량화 및 추론 최적화", "검색증강생성(RAG) 신뢰성 향상",
                  "멀티모달 문서 이해 및 질의응답", "의료 상담 특화 대화형 언어모델",
                  "물류 최적화를 위한 LLM 에이전트", "교통 데이터 분석용 도메인 특화 언어모델",
                  "공공 행정 문서 요약 및 생성", "소셜 빅데이터 기반 트렌드 예측 생성모델")
METHODS = ("{LLM}-Guided Retrieval", "Instruction-Tuned {Korean} {LLM}s",
           "Contrastive Preference Optimization", "{RAG} with Hierarchical Memory",
           "Low-Rank Adaptation", "Mixture-of-Experts Distillation",
           "Chain-of-Thought Verification", "Multimodal Document Encoders")
TASKS = ("Question Answering", "Hallucination Detection", "Long-Context Summarization",
         "Tool Use", "Code Generation", "Named Entity Recognition", "Table Reasoning",
         "Dialogue State Tracking")
DOMAINS = ("{Korean} Legal Documents", "Clinical Notes", "Public Administration",
           "Logistics Planning", "Traffic Incident Reports", "Social Media Trends",
           "Financial Disclosures", "E-commerce Reviews")
TITLE_FORMS = ("{m}: {t} for {d}", "Improving {t} on {d} with {m}",
               "Towards Reliable {t} for {d}", "{m} for {t}: Evidence from {d}")
JOURNALS = (("IEEE Access", "10.1109"), ("Applied Sciences", "10.3390"),
            ("Expert Systems with Applications", "10.1016"), ("Neurocomputing", "10.1016"),
            ("ETRI Journal", "10.4218"), ("Journal of KIISE", "10.5626"),
            (r"Information Processing \& Management", "10.1016"), ("PLOS ONE", "10.1371"))
CONFERENCES = (("Proceedings of the Korea Computer Congress", "10.5626"),
               ("Annual Conference on Human and Language Technology", "10.5626"),
               ("IEEE International Conference on Big Data and Smart Computing", "10.1109"),
               ("Conference on Information and Knowledge Management", "10.1145"),
               ("International Conference on Pattern Recognition", "10.1007"))
TOP_VENUE_DOI_PREFIXES = ("10.18653", "10.1109", "10.1145", "10.1609")
IITP_EN = (r"This work was supported by the Institute of Information \& communications "
           r"Technology Planning \& Evaluation (IITP) grant funded by the Korea government "
           r"(MSIT)")
IITP_KO = ("이 논문은 정부(과학기술정보통신부)의 재원으로 정보통신기획평가원의 지원을 받아 "
           "수행된 연구임")
#: acknowledgements as papers print them: several numbers in one bracket, shares, the IITP
#: support-year prefix, a number broken over two lines, Korean sentences, a supercomputer id
FUNDING_FORMS = (
    IITP_EN + " ({nos})",
    ("This research was supported by the MSIT (Ministry of Science and ICT), Korea, under the "
     "Generative AI Leading Talent Nurturing Project ({prefixed}) supervised by the IITP."),
    IITP_KO + " ({shares_ko})",
    IITP_EN + " (No. {broken}, Generative AI Leading Talent Nurturing Project)",
    (IITP_EN + " ({nos}) and by the KISTI National Supercomputing Center with supercomputing "
     "resources including technical support (KSC-2024-CRE-0187)."),
)
#: numbers of other programs papers also acknowledge: AI graduate schools, NRF basic research
OTHER_GRANTS = ("RS-2019-II190075", "RS-2020-II201361", "2021R1A2C3008370",
                "RS-2023-NR076833", "NRF-2019M3E4A1080146")


# --- calendar ------------------------------------------------------------------------------

def period_of(day: date) -> Period:
    return day.year, (day.month - 1) // 3 + 1


def label(period: Period) -> str:
    return f"{period[0]}-Q{period[1]}"


def first_day(period: Period) -> date:
    return date(period[0], 3 * period[1] - 2, 1)


def last_day(period: Period) -> date:
    year, quarter = period
    return (date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)) \
        - timedelta(days=1)


def periods(first: Period, last: Period = LAST_PERIOD) -> list[Period]:
    return [(y, q) for y in range(first[0], last[0] + 1) for q in range(1, 5)
            if first <= (y, q) <= last]


def day_in(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, (end - start).days))


def add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def semester_start(day: date, back: int = 0) -> date:
    """The March 1 or September 1 on or before `day`, `back` semesters earlier."""
    index = day.year * 2 + (1 if day.month >= 9 else 0) - (1 if day.month < 3 else 0) - back
    return date(index // 2, 9 if index % 2 else 3, 1)


def semester_end(start: date, semesters: int) -> date:
    """Graduation day (Feb 28 or Aug 31) after `semesters` semesters from `start`."""
    index = start.year * 2 + (1 if start.month >= 9 else 0) + semesters
    return date(index // 2, 8, 31) if index % 2 else date(index // 2, 2, 28)


# --- reference data ------------------------------------------------------------------------

@dataclass(frozen=True)
class Institution:
    id: str
    kind: str
    name_ko: str
    name_en: str
    aliases: tuple[str, ...]

    def written(self, rng: random.Random) -> str:
        """The name as a submitter types it: mostly Korean, sometimes English or an alias."""
        return self.name_ko if rng.random() < 0.85 else rng.choice((self.name_en, *self.aliases))

    def latin(self, rng: random.Random) -> str:
        """The name as it appears on a paper: English, or a Latin-script alias."""
        aliases = [a for a in self.aliases if a.isascii()]
        return rng.choice(aliases) if aliases and rng.random() < 0.25 else self.name_en


@dataclass(frozen=True)
class Consortium:
    id: str
    name_ko: str
    lead: Institution
    universities: tuple[Institution, ...]
    start: date
    #: the agreement's grant number; None while unknown (KETI), when papers name projects only
    grant: str | None


@dataclass(frozen=True)
class Reference:
    institutions: dict[str, Institution]
    consortia: tuple[Consortium, ...]
    venues: tuple[tuple[str, tuple[str, ...]], ...]


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_reference(folder: Path = config.REFERENCE_DIR) -> Reference:
    """Institutions, consortia with their universities, and top venues from the CSV files."""
    institutions = {
        r["institution_id"]: Institution(r["institution_id"], r["institution_type"], r["name_ko"],
                                         r["name_en"], tuple(a.strip() for a in r["aliases"]
                                                             .split(";") if a.strip()))
        for r in _rows(folder / "institutions.csv")}
    members = _rows(folder / "consortium_members.csv")
    grants = {r["consortium_id"]: r["grant_number"] for r in _rows(folder / "grants.csv")
              if r["role"] == "agreement"}
    consortia = tuple(
        Consortium(r["consortium_id"], r["name_ko"], institutions[r["lead_institution_id"]],
                   tuple(institutions[m["institution_id"]] for m in members
                         if m["consortium_id"] == r["consortium_id"]
                         and m["member_role"] == "university"),
                   date.fromisoformat(r["start_date"]), grants.get(r["consortium_id"]))
        for r in _rows(folder / "consortia.csv"))
    venues = tuple((r["venue_name"], tuple(a.strip() for a in r["aliases"].split(";") if a))
                   for r in _rows(folder / "top_venues.csv"))
    return Reference(institutions, consortia, venues)


# --- simulated records ---------------------------------------------------------------------

@dataclass
class Student:
    number: str
    name: str
    family_en: str
    given_en: str
    email: str
    phone: str
    orcid: str | None
    university: Institution
    degree: str
    enrolled: date
    start: date
    events: list[tuple[date, str]] = field(default_factory=list)
    awarded: str | None = None

    @property
    def end(self) -> date | None:
        day, status = self.events[-1]
        return day if status in ("graduated", "withdrawn") else None

    def status_on(self, day: date) -> str:
        return [s for d, s in self.events if d <= day][-1]


@dataclass(frozen=True)
class Project:
    number: str
    title: str
    start: date
    end: date
    institutions: tuple[Institution, ...]


@dataclass(frozen=True)
class Dispatch:
    student: Student
    host: str
    start: date
    end: date


@dataclass(frozen=True)
class Destination:
    student: Student
    months: int
    status: str
    organisation: str | None
    ksic: str | None
    observed: date


@dataclass(frozen=True)
class Paper:
    kind: str
    title: str
    authors: tuple[str, ...]
    year: int
    month: int
    venue: str
    doi: str | None
    eprint: str | None
    affiliations: tuple[str, ...]
    numbers: tuple[str, ...]
    funding_form: int
    open_access: bool


@dataclass
class Simulation:
    consortium: Consortium
    students: list[Student] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    dispatches: list[Dispatch] = field(default_factory=list)
    destinations: list[Destination] = field(default_factory=list)
    papers: list[tuple[Period, Paper]] = field(default_factory=list)

    @property
    def first_period(self) -> Period:
        return period_of(self.consortium.start)


def unique_digits(rng: random.Random, taken: set[str], prefix: str = "", width: int = 8) -> str:
    """A random number of `width` digits (leading zeros allowed) not yet in `taken`."""
    while True:
        value = prefix + "".join(str(rng.randrange(10)) for _ in range(width - len(prefix)))
        if value not in taken:
            taken.add(value)
            return value


def orcid(rng: random.Random) -> str:
    """A well-formed ORCID iD with its ISO 7064 mod 11-2 check character."""
    base = rng.choice(("00000001", "00000002", "00000003", "00090000")) \
        + f"{rng.randrange(10 ** 7):07d}"
    total = 0
    for digit in base:
        total = (total + int(digit)) * 2
    check = (12 - total % 11) % 11
    text = base + ("X" if check == 10 else str(check))
    return "-".join(text[i:i + 4] for i in range(0, 16, 4))


def korean_name(rng: random.Random) -> tuple[str, str, str]:
    """(Korean name, family name, given name) with a common romanisation."""
    family_ko, family_en, _ = rng.choices(SURNAMES, weights=[s[2] for s in SURNAMES])[0]
    (a_ko, a_en), (b_ko, b_en) = rng.sample(SYLLABLES, 2)
    return family_ko + a_ko + b_ko, family_en, (a_en + b_en).capitalize()


def plan_life(rng: random.Random, student: Student) -> None:
    """Enrolment, leave, graduation or withdrawal as dated status events."""
    semesters = {"MS": rng.choice((4, 4, 4, 4, 5)), "PhD": rng.randint(8, 10),
                 "integrated": rng.randint(10, 12)}[student.degree]
    if student.degree == "integrated" and rng.random() < 0.1:
        semesters, student.awarded = 4, "MS"
    else:
        student.awarded = "PhD" if student.degree != "MS" else "MS"
    student.events = [(student.start, "enrolled")]
    graduation = semester_end(student.enrolled, semesters)
    while graduation < student.start + timedelta(days=120):
        graduation = semester_end(graduation + timedelta(days=1), 1)
    leave = semester_start(student.start, back=-rng.randint(1, 2))
    if rng.random() < 0.08 and leave < graduation:
        student.events += [(leave, "on_leave"), (add_months(leave, 6), "enrolled")]
        graduation = semester_end(graduation + timedelta(days=1), 1)
    withdrawal = student.start + timedelta(days=rng.randint(90, 600))
    if rng.random() < 0.05 and withdrawal < graduation:
        student.events = [e for e in student.events if e[0] < withdrawal]
        student.events.append((withdrawal, "withdrawn"))
        student.awarded = None
    else:
        student.events.append((graduation, "graduated"))


def new_student(rng: random.Random, taken: set[str], consortium: Consortium, degree: str,
                period: Period) -> Student:
    name, family_en, given_en = korean_name(rng)
    start = day_in(rng, max(first_day(period), consortium.start), last_day(period))
    back = {"MS": rng.choice((0, 0, 1, 1, 2)), "PhD": rng.randint(0, 6),
            "integrated": rng.randint(0, 4)}[degree]
    student = Student(
        number=unique_digits(rng, taken), name=name, family_en=family_en, given_en=given_en,
        email=f"{given_en.lower()}.{family_en.lower()}{rng.randint(1, 99)}@example.ac.kr",
        phone=f"010-{rng.randint(2000, 9999)}-{rng.randint(0, 9999):04d}",
        orcid=orcid(rng) if rng.random() < 0.7 else None,
        university=rng.choice(consortium.universities), degree=degree,
        enrolled=semester_start(start, back), start=start)
    plan_life(rng, student)
    return student


def simulate_students(rng: random.Random, taken: set[str], consortium: Consortium,
                      scale: int, slow_start: bool) -> list[Student]:
    """A steady intake, lumped into the start quarter for months before the consortium began."""
    first = period_of(consortium.start)
    students = []
    for year in range(consortium.start.year, LAST_PERIOD[0] + 1):
        factor = SLOW_START_FACTOR if slow_start and year == consortium.start.year else 1.0
        for degree, per_year in ANNUAL_INTAKE.items():
            for _ in range(round(per_year * scale * factor)):
                quarter = rng.choices((1, 2, 3, 4), weights=INTAKE_QUARTER_WEIGHTS)[0]
                period = max((year, quarter), first)
                if period <= LAST_PERIOD:
                    students.append(new_student(rng, taken, consortium, degree, period))
    return sorted(students, key=lambda s: (s.start, s.number))


def simulate_projects(rng: random.Random, taken: set[str], consortium: Consortium,
                      single_university: bool) -> list[Project]:
    """Two projects for the whole grant, sometimes a third, shorter one that starts later; the
    last one involves a single university where `single_university` is set."""
    count = rng.choice((2, 3))
    end = add_months(consortium.start, 48) - timedelta(days=1)
    topics = rng.sample(PROJECT_TOPICS, count)
    later = periods(period_of(consortium.start))[2:6]
    projects = []
    for index, topic in enumerate(topics):
        start = consortium.start if index < 2 else first_day(rng.choice(later))
        size = 1 if single_university and index == count - 1 else \
            rng.randint(2, min(4, len(consortium.universities)))
        universities = sorted(rng.sample(consortium.universities, size), key=lambda u: u.id)
        number = project_number(rng, taken, start, legacy=index == 2)
        projects.append(Project(number, f"생성AI 기반 {topic} 기술 개발", start,
                                end if index < 2 else add_months(start, 24) - timedelta(days=1),
                                (consortium.lead, *universities)))
    return projects


def simulate_dispatches(rng: random.Random, ref: Reference, sim: Simulation,
                        scale: int) -> list[Dispatch]:
    """Stays at the lead company (sometimes a partner) from program year 2."""
    stays = []
    for year in range(sim.consortium.start.year + 1, LAST_PERIOD[0] + 1):
        for _ in range(rng.randint(4, 6) * scale):
            start = day_in(rng, date(year, 1, 5), date(year, 12, 1))
            length = rng.randint(7, 27) if rng.random() < 0.1 else rng.randint(28, 183)
            end = start + timedelta(days=length - 1)
            busy = {d.student.number for d in stays if d.start <= end and start <= d.end}
            candidates = [s for s in sim.students if s.start <= start and s.number not in busy
                          and s.status_on(start) == s.status_on(end) == "enrolled"]
            if period_of(start) > LAST_PERIOD or not candidates:
                continue
            host = sim.consortium.lead if rng.random() < 0.8 else \
                ref.institutions[rng.choice(PARTNER_COMPANIES)]
            stays.append(Dispatch(rng.choice(candidates), host.written(rng), start, end))
    return sorted(stays, key=lambda d: (d.start, d.student.number))


def destination(rng: random.Random, ref: Reference, sim: Simulation,
                status: str) -> tuple[str | None, str | None]:
    """(organisation, KSIC code) for a graduate's destination."""
    if status == "further_study":
        universities = [i for i in ref.institutions.values() if i.kind == "university"]
        return (rng.choice(FOREIGN_UNIVERSITIES) if rng.random() < 0.15
                else rng.choice(universities).written(rng)), None
    if status != "employed":
        return None, None
    draw = rng.random()
    if draw < 0.45:
        companies = [i for i in ref.institutions.values() if i.kind == "company"]
        company = sim.consortium.lead if draw < 0.2 else rng.choice(companies)
        name, ksic = company.written(rng), COMPANY_KSIC.get(company.id, "58222")
    else:
        name, ksic = rng.choice(OTHER_EMPLOYERS)
    return name, (ksic if rng.random() < 0.92 else None)


def simulate_destinations(rng: random.Random, ref: Reference,
                          sim: Simulation) -> list[Destination]:
    """Where each graduate is 6 and 12 months on, for observations inside the window."""
    found = []
    statuses, weights = ("employed", "further_study", "seeking", "unknown"), (65, 15, 10, 10)
    for student in sim.students:
        if student.events[-1][1] != "graduated":
            continue
        graduated = student.events[-1][0]
        status = rng.choices(statuses, weights=weights)[0]
        organisation, ksic = destination(rng, ref, sim, status)
        for months in (6, 12):
            if months == 12 and status in ("seeking", "unknown") and rng.random() < 0.6:
                status = "employed"
                organisation, ksic = destination(rng, ref, sim, status)
            observed = add_months(graduated, months)
            if period_of(observed) <= LAST_PERIOD:
                found.append(Destination(student, months, status, organisation, ksic, observed))
    return sorted(found, key=lambda d: (d.observed, d.student.number, d.months))


def new_paper(rng: random.Random, ref: Reference, sim: Simulation, period: Period,
              other_numbers: set[str]) -> Paper:
    """One paper: authors, affiliations, venue, identifiers and acknowledged numbers."""
    month = rng.randint(3 * period[1] - 2, 3 * period[1])
    day = date(period[0], month, 15)
    eligible = [s for s in sim.students if s.start <= day]
    student = rng.choice(eligible) if eligible and rng.random() < 0.6 else None
    university = student.university if student else rng.choice(sim.consortium.universities)
    affiliation = university.latin(rng)
    authors: list[tuple[str, str]] = []
    if student:
        authors.append((f"{student.family_en}, {student.given_en}", affiliation))
    for _ in range(rng.randint(3, 6) - len(authors)):
        _, family, given = korean_name(rng)
        home = affiliation if rng.random() < 0.85 else \
            rng.choice(sim.consortium.universities).name_en
        authors.append((f"{family}, {given}", home))
    if rng.random() < 0.4:
        company = sim.consortium.lead if rng.random() < 0.7 else \
            ref.institutions[rng.choice((*PARTNER_COMPANIES, "lg"))]
        authors[-1] = (authors[-1][0], company.latin(rng))
    if rng.random() < 0.1:
        authors[rng.randint(1, len(authors) - 2)] = (rng.choice(FOREIGN_AUTHORS),
                                                     rng.choice(FOREIGN_UNIVERSITIES))
    title = rng.choice(TITLE_FORMS).format(m=rng.choice(METHODS), t=rng.choice(TASKS),
                                           d=rng.choice(DOMAINS))
    kind, venue, prefix = pick_venue(rng, ref)
    doi = f"{prefix}/{venue_code(venue)}.{period[0]}.{rng.randrange(10 ** 5, 10 ** 6)}" \
        if prefix and rng.random() < 0.9 else None
    eprint = f"{period[0] % 100:02d}{month:02d}.{rng.randrange(10 ** 5):05d}" \
        if kind == "misc" else None
    return Paper(kind, title, tuple(a for a, _ in authors), period[0], month, venue, doi, eprint,
                 tuple(dict.fromkeys(f for _, f in authors)),
                 acknowledged(rng, sim, day, other_numbers), rng.randrange(len(FUNDING_FORMS)),
                 kind == "misc" or rng.random() < 0.45)


def pick_venue(rng: random.Random, ref: Reference) -> tuple[str, str, str | None]:
    """(entry type, venue name, DOI prefix or None for preprints)."""
    if rng.random() < 0.08:
        name, aliases = rng.choice(ref.venues)
        kind = "article" if "Transactions" in name else "inproceedings"
        return kind, rng.choice((name, *aliases)), rng.choice(TOP_VENUE_DOI_PREFIXES)
    draw = rng.random()
    if draw < 0.2:
        return "misc", "arXiv", None
    venue, prefix = rng.choice(JOURNALS if draw < 0.55 else CONFERENCES)
    return ("article" if draw < 0.55 else "inproceedings"), venue, prefix


def venue_code(venue: str) -> str:
    return "".join(w[0] for w in venue.split() if w[0].isalpha()).lower()


def project_number(rng: random.Random, taken: set[str], start: date, *, legacy: bool) -> str:
    """An integrated RS number, or a legacy IITP number (printed with its RS twin) for a
    project carried over from an older program."""
    if legacy:
        return f"{start.year - 2}-0-0{unique_digits(rng, taken, '', 4)}"
    return f"RS-{start.year}-{unique_digits(rng, taken, '00', 8)}"


def acknowledged(rng: random.Random, sim: Simulation, day: date,
                 other_numbers: set[str]) -> tuple[str, ...]:
    """The grant and/or a running project; ~5% name only other programs' grants."""
    if rng.random() < 0.05:
        return (rng.choice(OTHER_GRANTS),)
    running = [p.number for p in sim.projects if p.start <= day]
    draw = rng.random()
    if draw < 0.4 or not running:
        return (main_number(sim),)
    project = rng.choice(running)
    return (project,) if draw < 0.7 or sim.consortium.grant is None else \
        (sim.consortium.grant, project)





def simulate_papers(rng: random.Random, ref: Reference, sim: Simulation, scale: int,
                    other_numbers: set[str]) -> list[tuple[Period, Paper]]:
    """About 30 papers a year from the consortium's second quarter, ~5% reported twice."""
    window = periods(sim.first_period)
    papers = [(p, new_paper(rng, ref, sim, p, other_numbers))
              for p in window[1:] for _ in range(rng.randint(5, 10) * scale)]
    repeatable = [(period, paper) for period, paper in papers if period < window[-1]]
    for period, paper in rng.sample(repeatable, min(len(repeatable), round(len(papers) * 0.05))):
        later = [p for p in window if p > period][:2]
        papers.append((rng.choice(later), paper))
    return papers


def spelled_doi(rng: random.Random, doi: str) -> str:
    """The same DOI as people write it: bare, as a URL, or upper-cased with 'doi:'."""
    forms = (doi, f"https://doi.org/{doi}", f"doi:{doi.upper()}")
    return rng.choices(forms, weights=(50, 30, 20))[0]


def share_papers(rng: random.Random, sims: list[Simulation]) -> None:
    """Copy ~3% of papers into a second consortium's report, acknowledging both grants."""
    entries = [(sim, index) for sim in sims for index in range(len(sim.papers))]
    wanted = round(len(entries) * 0.03)
    for source, index in rng.sample(entries, len(entries)):
        period, paper = source.papers[index]
        hosts = [s for s in sims if s is not source and period in periods(s.first_period)[1:]]
        if wanted <= 0:
            break
        if not hosts or paper.doi is None:
            continue
        wanted -= 1
        host = rng.choice(hosts)
        numbers = tuple(dict.fromkeys((*paper.numbers, main_number(host))))
        source.papers[index] = (period, replace(paper, numbers=numbers))
        extra = rng.choice(host.consortium.universities).latin(rng)
        affiliations = tuple(dict.fromkeys((*paper.affiliations, extra)))
        host.papers.append((period, replace(paper, numbers=numbers, affiliations=affiliations)))


def simulate(rng: random.Random, ref: Reference, scale: int) -> list[Simulation]:
    """Everything that happens in every consortium, before it is cut into quarterly reports."""
    taken: set[str] = set()
    numbers: set[str] = {c.grant for c in ref.consortia if c.grant}
    sims = []
    for index, consortium in enumerate(ref.consortia):
        sim = Simulation(consortium)
        sim.students = simulate_students(rng, taken, consortium, scale, index == 1)
        sim.projects = simulate_projects(rng, numbers, consortium,
                                         index == len(ref.consortia) - 1)
        sim.dispatches = simulate_dispatches(rng, ref, sim, scale)
        sim.destinations = simulate_destinations(rng, ref, sim)
        sim.papers = simulate_papers(rng, ref, sim, scale, numbers)
        sims.append(sim)
    share_papers(rng, sims)
    return sims


# --- rows per reporting period -------------------------------------------------------------

def student_rows(rng: random.Random, sim: Simulation, period: Period) -> list[Row]:
    """New participants and anyone whose status changed, as they stand at the quarter's end."""
    end = last_day(period)
    rows = []
    for s in sim.students:
        if not any(period_of(d) == period for d, _ in s.events):
            continue
        status = s.status_on(end)
        left = s.end if s.end and s.end <= end else None
        rows.append({
            "researcher_number": s.number, "name": s.name,
            "name_en": f"{s.given_en} {s.family_en}", "email": s.email, "phone": s.phone,
            "orcid": s.orcid,
            "institution": s.university.written(rng), "degree_program": DEGREE_KO[s.degree],
            "enrolment_date": s.enrolled, "participation_start": s.start,
            "participation_end": left, "status": STATUS_KO[status],
            "graduation_date": left if status == "graduated" else None,
            "degree_awarded": DEGREE_KO[s.awarded] if status == "graduated" and s.awarded
            else None})
    return rows


def destination_rows(sim: Simulation, period: Period) -> list[Row]:
    return [{"researcher_number": d.student.number, "months_after_graduation": d.months,
             "destination_status": DESTINATION_KO[d.status], "organisation": d.organisation,
             "ksic_code": d.ksic} for d in sim.destinations if period_of(d.observed) == period]


def project_rows(rng: random.Random, sim: Simulation, period: Period) -> list[Row]:
    wanted = (lambda p: period_of(p.start) <= period) if period == sim.first_period else \
        (lambda p: period_of(p.start) == period)
    return [{"project_number": p.number, "title": p.title, "start_date": p.start,
             "end_date": p.end, "institutions": "; ".join(i.written(rng) for i in p.institutions)}
            for p in sim.projects if wanted(p)]


def dispatch_rows(sim: Simulation, period: Period) -> list[Row]:
    """Stays starting this quarter (end empty if still running) and stays ending this quarter."""
    rows = []
    for d in sim.dispatches:
        if period_of(d.start) == period or period_of(d.end) == period:
            rows.append({"researcher_number": d.student.number, "name": d.student.name,
                         "host_organisation": d.host, "start_date": d.start,
                         "end_date": d.end if d.end <= last_day(period) else None})
    return rows


# --- writers -------------------------------------------------------------------------------

def write_cell(sheet: Worksheet, row: int, col: int, value: str | int | date,
               dates_as_text: bool, date_format: Format) -> None:
    """One value, typed as a submitter's spreadsheet would hold it."""
    if isinstance(value, date) and dates_as_text:
        sheet.write_string(row, col, value.strftime("%Y.%m.%d"))
    elif isinstance(value, date):
        sheet.write_datetime(row, col, datetime(value.year, value.month, value.day), date_format)
    elif isinstance(value, int):
        sheet.write_number(row, col, value)
    else:
        sheet.write_string(row, col, value)


def write_workbook(path: Path, rng: random.Random, sim: Simulation, period: Period) -> None:
    """Students, destinations and projects."""
    write_sheets(path, rng, sim, period, [
        (STUDENTS, student_rows(rng, sim, period)),
        (DESTINATIONS, destination_rows(sim, period)),
        (PROJECTS, project_rows(rng, sim, period))])


def write_sheets(path: Path, rng: random.Random, sim: Simulation, period: Period,
                 sheets: list[tuple[Dataset, list[Row]]]) -> None:
    """One sheet per dataset: a title line, a blank line, headers, then rows."""
    workbook = xlsxwriter.Workbook(str(path), {"in_memory": True})
    workbook.set_properties({"created": CREATED, "author": sim.consortium.lead.name_ko})
    bold = workbook.add_format({"bold": True})
    header = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    dated = workbook.add_format({"num_format": "yyyy-mm-dd"})
    for dataset, rows in sheets:
        sheet = workbook.add_worksheet(dataset.korean)
        title = f"{sim.consortium.name_ko} {period[0]}년 {period[1]}분기 {dataset.korean} 현황"
        sheet.write_string(0, 0, title, bold)
        for col, column in enumerate(dataset.columns):
            sheet.write_string(2, col, column.korean, header)
            sheet.set_column(col, col, 12 if column.dtype == "date" else 16)
        for r, row in enumerate(rows, start=3):
            as_text = rng.random() < 0.1
            for col, column in enumerate(dataset.columns):
                if (value := row.get(column.name)) is not None:
                    write_cell(sheet, r, col, value, as_text, dated)
    workbook.close()


def write_dispatches(path: Path, sim: Simulation, period: Period) -> None:
    """The dispatch CSV."""
    write_csv(path, sim, DISPATCHES, dispatch_rows(sim, period))


def write_csv(path: Path, sim: Simulation, dataset: Dataset, rows: list[Row]) -> None:
    """A CSV in the encoding this consortium's spreadsheet software saves."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.korean for c in dataset.columns])
    for row in rows:
        values = [row.get(c.name) for c in dataset.columns]
        writer.writerow(["" if v is None else v.isoformat() if isinstance(v, date) else v
                         for v in values])
    encoding = CSV_ENCODINGS.get(sim.consortium.id, "utf-8")
    path.write_bytes(buffer.getvalue().encode(encoding))


def bib_entry(rng: random.Random, paper: Paper, key: str) -> str:
    """One BibTeX entry, as a reference manager exports it."""
    fields = [("title", paper.title), ("author", " and ".join(paper.authors)),
              ("year", str(paper.year)), ("month", str(paper.month))]
    if paper.kind == "misc":
        fields += [("publisher", paper.venue), ("eprint", paper.eprint or ""),
                   ("archiveprefix", "arXiv"), ("primaryclass", "cs.CL")]
    else:
        fields.append(("journal" if paper.kind == "article" else "booktitle", paper.venue))
    if paper.doi:
        fields.append(("doi", spelled_doi(rng, paper.doi)))
    fields += [("affiliation", "; ".join(paper.affiliations)),
               ("funding", acknowledgement(paper)),
               ("openaccess", "true" if paper.open_access else "false")]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{paper.kind}{{{key},\n{body}\n}}\n"


def acknowledgement(paper: Paper) -> str:
    """The paper's funding text in the form drawn for it (BibTeX-escaped)."""
    printed = [printed_number(n) for n in paper.numbers]
    share = 100 // len(printed)
    first = paper.numbers[0]
    return FUNDING_FORMS[paper.funding_form].format(
        nos="; ".join(f"No. {n}" + (f", {share}\\%" if len(printed) > 1 else "")
                      for n in printed),
        prefixed=" \\& ".join(n if n.startswith(("2", "NRF")) else f"IITP-{paper.year}-{n}"
                                for n in printed),
        shares_ko=", ".join(f"No. {n}" + (f", 기여율 {share}\\%" if len(printed) > 1 else "")
                            for n in printed),
        broken=(f"{first[:12]}\n    {first[12:]}" if first.startswith("RS-") else printed[0])
        + "".join(f", No. {n}" for n in printed[1:]))


def printed_number(number: str) -> str:
    """A legacy IITP number is printed with its RS twin (`2022-0-00077 / RS-2022-II220077`)."""
    twin = twin_of(number)
    return f"{number} / {twin}" if twin else number


def write_bibtex(path: Path, rng: random.Random, papers: list[Paper]) -> None:
    """The quarter's papers under unique author-year-word citation keys."""
    keys: set[str] = set()
    entries = []
    for paper in papers:
        family = "".join(ch for ch in paper.authors[0].split(",")[0] if ch.isalpha()).lower()
        word = "".join(ch for ch in paper.title.split()[0] if ch.isalpha()).lower()
        key = base = f"{family}{paper.year}{word}"
        repeat = 0
        while key in keys:  # a..z, then aa, bb, ...: past 'z', chr() gave '{', not a key
            letter = chr(ord("a") + repeat % 26) * (repeat // 26 + 1)
            key, repeat = f"{base}{letter}", repeat + 1
        keys.add(key)
        entries.append(bib_entry(rng, paper, key))
    path.write_text("\n".join(entries), encoding="utf-8", newline="\n")


def write_manifest(path: Path, sim: Simulation, period: Period, team: str) -> None:
    def quoted(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)

    lines = [f"consortium_id = {quoted(sim.consortium.id)}", f"period = {quoted(label(period))}",
             f"submitted_by = {quoted(f'{sim.consortium.lead.name_ko} {team}')}",
             "", "[files]", f'{quoted(DISPATCH_FILE)} = "dispatches"', ""]
    path.write_text("\n".join(lines), encoding="utf-8", newline="\n")


def write_industry(folder: Path, rng: random.Random, sim: Simulation, industry: Industry,
                   period: Period) -> None:
    """Support, transfers and artefacts as one workbook; patents as a CSV when there are any."""
    write_sheets(folder / f"산학협력_{label(period)}.xlsx", rng, sim, period, [
        (SUPPORT, industry.support.get(period, [])),
        (TRANSFERS, industry.transfers.get(period, [])),
        (ARTEFACTS, industry.artefacts.get(period, []))])
    if patents := industry.patents.get(period):
        write_csv(folder / PATENT_FILE, sim, PATENTS, patents)


def write_consortium(out: Path, rng: random.Random, sim: Simulation, industry: Industry,
                     industry_rng: random.Random) -> None:
    team = rng.choice(TEAMS)
    for period in periods(sim.first_period):
        folder = out / sim.consortium.id / label(period)
        folder.mkdir(parents=True)
        write_manifest(folder / "submission.toml", sim, period, team)
        write_workbook(folder / f"참여인력_{label(period)}.xlsx", rng, sim, period)
        write_dispatches(folder / DISPATCH_FILE, sim, period)
        write_bibtex(folder / "publications.bib", rng, [p for q, p in sim.papers if q == period])
        write_industry(folder, industry_rng, sim, industry, period)


# --- agreed targets --------------------------------------------------------------------------
# Each consortium agrees its targets with the ministry at the start of every program year and
# sends them with that year's first quarterly submission. The plan below is a typical
# consortium's, per program year (None: no target that year); each consortium's ambition varies
# around it. Counts grow with --scale, rates do not. Targets draw on a random generator of their
# own, so adding them changes no other file of the sample.

TARGETS_FILE = "성과목표.csv"
TARGET_PLAN: dict[str, tuple[float | None, ...]] = {
    "active_students": (30, 50, 65, 65), "active_ms_students": (20, 32, 40, 40),
    "active_phd_students": (10, 18, 25, 25), "degrees_awarded": (None, 10, 25, 30),
    "dispatched_researchers": (None, 4, 5, 5), "dispatch_person_months": (None, 12, 16, 18),
    "active_joint_projects": (2, 3, 3, 3), "participating_universities": (3, 4, 4, 4),
    "acknowledged_publications": (12, 30, 36, 40), "top_venue_publications": (1, 3, 4, 5),
    "student_fte": (15, 35, 50, 55), "employment_rate_6m": (None, 80, 80, 85),
    "employment_rate_12m": (None, None, 85, 85), "destination_coverage_6m": (None, 95, 95, 95),
    "destination_coverage_12m": (None, None, 95, 95), "continuation_rate": (90, 95, 95, 95),
    "ai_industry_share": (None, 60, 60, 65), "consortium_hire_rate": (None, 30, 30, 35),
    "student_first_author_share": (50, 60, 60, 65),
    "industry_coauthorship_share": (30, 40, 40, 45), "open_access_share": (50, 60, 60, 65),
    "orcid_coverage": (80, 90, 95, 95), "doi_coverage": (80, 90, 95, 95),
    # the agreement's in-kind commitment (won) and the industry outputs agreed
    "support_value_krw": (75_000_000, 300_000_000, 300_000_000, 300_000_000),
    "patents_filed": (1, 4, 5, 6), "technology_transfers": (None, 1, 2, 2),
    "open_artefacts_released": (1, 4, 5, 6), "outcomes_in_services": (None, 1, 1, 2),
    "gpu_hours_delivered": (10_000, 40_000, 45_000, 45_000),
    "api_tokens_delivered": (100_000_000, 500_000_000, 500_000_000, 500_000_000),
    "mentoring_hours": (20, 80, 100, 100),
}
#: rates are percentages; every other KPI of the plan is a count or an amount
TARGET_RATES = {k for k in TARGET_PLAN if k.endswith(("_rate", "_share", "_coverage"))
                or "_rate_" in k or "_coverage_" in k}


def target_rows(consortium_id: str, program_year: int, scale: int) -> list[Row]:
    """One consortium's agreed targets for one program year."""
    rng = random.Random(f"targets:{consortium_id}:{program_year}")
    ambition = rng.uniform(0.9, 1.15)
    rows: list[Row] = []
    for kpi_id, plan in TARGET_PLAN.items():
        base = plan[min(program_year, len(plan)) - 1]
        if base is None:
            continue
        if kpi_id in TARGET_RATES:
            value = min(100.0, round(base * ambition))
        else:
            value = max(1, round(base * ambition * scale))
        rows.append({"kpi_id": kpi_id, "program_year": program_year, "target_value": value})
    return rows


def write_targets(out: Path, sim: Simulation, scale: int) -> None:
    """The targets file in the first submission of each of the consortium's program years."""
    start = sim.consortium.start.year
    for period in periods(sim.first_period):
        if period != sim.first_period and period[1] != 1:
            continue
        program_year = period[0] - start + 1
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([c.korean for c in TARGETS.columns])
        for row in target_rows(sim.consortium.id, program_year, scale):
            writer.writerow([row[c.name] for c in TARGETS.columns])
        path = out / sim.consortium.id / label(period) / TARGETS_FILE
        path.write_bytes(buffer.getvalue().encode("utf-8-sig"))


def summary(sim: Simulation, industry: Industry) -> dict[str, int]:
    def rows(by_period: dict[Period, list[Row]]) -> int:
        return sum(len(r) for r in by_period.values())

    return {"students": len(sim.students), "publications": len({p for _, p in sim.papers}),
            "publication_entries": len(sim.papers), "dispatches": len(sim.dispatches),
            "destinations": len(sim.destinations), "projects": len(sim.projects),
            "support": rows(industry.support), "patent_entries": rows(industry.patents),
            "transfer_entries": rows(industry.transfers), "artefacts": rows(industry.artefacts)}


def generate(out: Path = config.SAMPLE_DIR, seed: int = 7, scale: int = 1,
             reference_dir: Path = config.REFERENCE_DIR) -> dict[str, dict[str, int]]:
    """Write every consortium's submissions under `out`; return counts per consortium."""
    rng = random.Random(seed)
    # the industry records draw from their own stream, so adding to them leaves the rest as is
    industry_rng = random.Random(f"{seed}-industry")
    ref = load_reference(reference_dir)
    sims = simulate(rng, ref, scale)
    industries = [simulate_industry(industry_rng, sim, periods(sim.first_period), scale)
                  for sim in sims]
    for sim, industry in zip(sims, industries, strict=True):
        shutil.rmtree(out / sim.consortium.id, ignore_errors=True)
        write_consortium(out, rng, sim, industry, industry_rng)
        write_targets(out, sim, scale)
    return {sim.consortium.id: summary(sim, industry)
            for sim, industry in zip(sims, industries, strict=True)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--out", type=Path, default=config.SAMPLE_DIR)
    args = parser.parse_args(argv)
    if args.scale < 1:
        parser.error("--scale must be 1 or more")
    for consortium_id, counts in generate(args.out, args.seed, args.scale).items():
        print(consortium_id, " ".join(f"{k}={v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
