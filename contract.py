"""The input contract: what a consortium may submit, as data.

Every dataset, column, Korean header, type, allowed value and personal-data flag is declared
here once. Readers use it to recognise headers, the validator to check values, the pseudonymiser
to know what to hash, and `python -m etl docs` to write docs/input-contract.md. Change the contract
here and everything else follows; never add a column check anywhere else.

It sits beside config.py rather than in etl/: the warehouse's data dictionary describes the raw
tables from it too, and the warehouse never imports the ETL. It imports nothing of the project.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

#: "grant" is one grant number and "grants" free text holding any number of them (etl/grants.py
#: finds them and writes them in canonical form)
ColumnType = Literal["text", "int", "number", "date", "bool", "list", "grant", "grants"]


@dataclass(frozen=True)
class Column:
    """One submitted column: its warehouse name, the header consortia write, and its rules."""

    name: str
    korean: str
    dtype: ColumnType
    description: str
    required: bool = True
    aliases: tuple[str, ...] = ()
    #: canonical code -> labels a submitter may write for it (Korean and English)
    allowed: dict[str, tuple[str, ...]] | None = None
    pattern: str | None = None
    #: personal data: replaced by a keyed hash (`<name>_key`) before anything is written
    personal: bool = False
    #: personal data with no analytic use: dropped after validation, never hashed or stored
    drop: bool = False
    #: the value names an institution that must match the reference list
    institution: bool = False
    min_value: float | None = None
    max_value: float | None = None
    #: reason code for an empty required value
    missing_reason: str = "missing"
    #: name of a normaliser in etl/industry_fields.py that puts the text in one canonical form
    #: (or refuses it with its own reason) before the type is checked
    normalise: str | None = None

    @property
    def headers(self) -> tuple[str, ...]:
        """Every header text that identifies this column, canonical name first."""
        return (self.name, self.korean, *self.aliases)

    @property
    def stored_name(self) -> str:
        """The column's name in the warehouse (hashed personal columns get a `_key` suffix)."""
        return f"{self.name}_key" if self.personal else self.name


@dataclass(frozen=True)
class Dataset:
    """One kind of record a submission may contain, with its natural key."""

    name: str
    korean: str
    description: str
    columns: tuple[Column, ...]
    #: columns that identify a record within one consortium (after hashing)
    key: tuple[str, ...]
    #: sheet or file names (without extension) that hold this dataset
    sources: tuple[str, ...] = field(default_factory=tuple)

    def column(self, name: str) -> Column:
        """The column called `name`."""
        return next(c for c in self.columns if c.name == name)

    @property
    def stored_columns(self) -> tuple[Column, ...]:
        """Columns that reach the warehouse (dropped personal columns excluded)."""
        return tuple(c for c in self.columns if not c.drop)


RESEARCHER_NUMBER = Column(
    "researcher_number", "국가연구자번호", "text",
    "National researcher number (8 digits). Personal: stored only as a keyed hash.",
    aliases=("연구자번호", "researcher_no", "researcher id"), pattern=r"^\d{8}$", personal=True,
)

DEGREE_LEVELS = {
    "MS": ("석사", "석사과정", "master", "masters", "m.s.", "ms"),
    "PhD": ("박사", "박사과정", "doctoral", "ph.d.", "phd"),
    "integrated": ("석박통합", "석박사통합", "통합과정", "integrated", "integrated ms/phd"),
}

STUDENTS = Dataset(
    "students", "참여학생",
    "Masters and PhD students taking part in the consortium's joint research. Resubmitting a "
    "student (same researcher number) in a later period updates the record.",
    columns=(
        RESEARCHER_NUMBER,
        Column("name", "성명", "text", "Full name. Personal: dropped after validation.",
               required=False, aliases=("이름",), drop=True),
        Column("name_en", "영문성명", "text",
               "Name as written on papers (e.g. 'Gildong Hong'); hashed so that a paper's first "
               "author can be matched to a student without storing the name.",
               required=False, aliases=("영문명", "english name"), personal=True),
        Column("email", "이메일", "text", "E-mail. Personal: dropped after validation.",
               required=False, aliases=("e-mail", "전자우편"), drop=True),
        Column("phone", "연락처", "text", "Phone number. Personal: dropped after validation.",
               required=False, aliases=("전화번호", "휴대전화"), drop=True),
        Column("orcid", "ORCID", "text", "ORCID iD (0000-0000-0000-000X); stored hashed.",
               required=False, aliases=("orcid id",),
               pattern=r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$", personal=True),
        Column("institution", "소속기관", "text", "University, matched to the reference list.",
               aliases=("소속대학", "대학", "university"), institution=True),
        Column("degree_program", "학위과정", "text", "Degree programme.",
               aliases=("과정", "degree"), allowed=DEGREE_LEVELS),
        Column("enrolment_date", "입학일", "date", "Date of entry to the degree programme.",
               aliases=("입학일자", "enrollment_date")),
        Column("participation_start", "참여시작일", "date",
               "First day of participation in the consortium's research.",
               aliases=("참여 시작일", "participation start")),
        Column("participation_end", "참여종료일", "date",
               "Last day of participation; empty while still participating.",
               required=False, aliases=("참여 종료일", "participation end")),
        Column("status", "학적상태", "text", "Enrolment status at the end of the period.",
               aliases=("상태", "학적"),
               allowed={"enrolled": ("재학", "재학중", "enrolled", "active"),
                        "on_leave": ("휴학", "on leave", "leave"),
                        "graduated": ("졸업", "graduated"),
                        "withdrawn": ("중도탈락", "제적", "자퇴", "withdrawn", "dropped out")}),
        Column("graduation_date", "졸업일", "date", "Date the degree was awarded.",
               required=False, aliases=("졸업일자", "학위취득일")),
        Column("degree_awarded", "취득학위", "text",
               "Degree awarded at graduation (an integrated student may leave with an MS).",
               required=False, aliases=("학위",),
               allowed={"MS": DEGREE_LEVELS["MS"], "PhD": DEGREE_LEVELS["PhD"]}),
    ),
    key=("researcher_number_key",),
    sources=("students", "참여학생", "참여인력", "학생"),
)

PUBLICATIONS = Dataset(
    "publications", "논문",
    "Papers that acknowledge one of the consortium's projects. Sent as a reference tool's "
    "export (BibTeX, RIS, Web of Science, OpenAlex or Crossref JSON), or as a sheet.",
    columns=(
        Column("title", "논문제목", "text", "Title of the paper.", aliases=("제목", "title")),
        Column("year", "발행연도", "int", "Year of publication.", aliases=("연도", "게재연도"),
               min_value=2000, max_value=2100),
        Column("month", "발행월", "int", "Month of publication, if known.", required=False,
               aliases=("게재월",), min_value=1, max_value=12),
        Column("venue", "게재지", "text", "Journal or conference.",
               aliases=("학술지명", "학술대회명", "journal", "booktitle")),
        Column("doi", "DOI", "text", "Digital Object Identifier, any common spelling.",
               required=False),
        Column("arxiv_id", "arXiv", "text", "arXiv identifier, e.g. 2401.05678.",
               required=False, aliases=("arxiv id", "eprint")),
        Column("authors", "저자", "list",
               "Authors in order, separated by ';' (BibTeX: 'and'). Public, but stored hashed.",
               aliases=("저자명", "author"), personal=True),
        Column("affiliations", "저자소속", "list",
               "Institutions of the authors, separated by ';'.", required=False,
               aliases=("소속", "affiliation")),
        Column("is_open_access", "오픈액세스", "bool", "Whether the paper is open access.",
               required=False, aliases=("OA", "open access")),
        Column("acknowledged_projects", "사사과제번호", "grants",
               "The paper's acknowledgement as printed, or its grant numbers: every grant "
               "number in it is found, in any format (RS-2024-00397085, IITP-2026-RS-..., "
               "2022-0-00077, 2021R1A2C3008370, 10-digit NTIS), with a share printed after it. "
               "Stored as the canonical numbers found.",
               aliases=("사사", "사사문구", "과제번호", "funding", "acknowledgement",
                        "acknowledgements", "funding text"),
               missing_reason="no_grant_number"),
    ),
    key=("publication_ref",),
    sources=("publications", "논문", "논문실적"),
)

DISPATCH_ORGS = "Company that hosts the researcher, matched to the reference list."

DISPATCHES = Dataset(
    "dispatches", "파견",
    "Researchers dispatched to a company. One row per stay.",
    columns=(
        RESEARCHER_NUMBER,
        Column("name", "성명", "text", "Full name. Personal: dropped after validation.",
               required=False, aliases=("이름",), drop=True),
        Column("host_organisation", "파견기관", "text", DISPATCH_ORGS,
               aliases=("파견기업", "host"), institution=True),
        Column("start_date", "파견시작일", "date", "First day at the company.",
               aliases=("시작일",)),
        Column("end_date", "파견종료일", "date", "Last day at the company; empty if ongoing.",
               required=False, aliases=("종료일",)),
    ),
    key=("researcher_number_key", "host_organisation", "start_date"),
    sources=("dispatches", "파견", "파견현황", "파견실적"),
)

DESTINATIONS = Dataset(
    "destinations", "졸업생진로",
    "Where graduates are 6 and 12 months after graduation.",
    columns=(
        RESEARCHER_NUMBER,
        Column("months_after_graduation", "조사시점", "int",
               "Months after graduation at which the destination was observed (6 or 12).",
               aliases=("조사시점(개월)",),
               allowed={"6": ("6", "6개월"), "12": ("12", "12개월")}),
        Column("destination_status", "진로상태", "text", "What the graduate was doing.",
               aliases=("진로",),
               allowed={"employed": ("취업", "employed"),
                        "further_study": ("진학", "further study"),
                        "seeking": ("미취업", "구직중", "seeking", "unemployed"),
                        "unknown": ("미상", "확인불가", "unknown")}),
        Column("organisation", "기관명", "text", "Employer or university, if any.",
               required=False, aliases=("취업처", "진학처", "employer")),
        Column("ksic_code", "KSIC", "text", "Korean Standard Industrial Classification code "
               "of the employer (e.g. 58222, 70113).", required=False,
               aliases=("업종코드", "산업분류코드"), pattern=r"^[A-U]?\d{2,5}$"),
    ),
    key=("researcher_number_key", "months_after_graduation"),
    sources=("destinations", "졸업생진로", "진로", "취업현황"),
)

PROJECTS = Dataset(
    "projects", "공동연구과제",
    "Joint research projects run by the consortium.",
    columns=(
        Column("project_number", "과제번호", "grant",
               "The project's grant number in any format (RS-2024-00397085, RS-2022-II220077, "
               "2022-0-00077, 2021R1A2C3008370, 10-digit NTIS); stored in canonical form. It joins "
               "the grant register: papers acknowledging it count for the consortium from the "
               "project's start.",
               aliases=("NTIS 과제번호", "과제고유번호", "grant number")),
        Column("title", "과제명", "text", "Title of the project.", aliases=("연구과제명",)),
        Column("start_date", "시작일", "date", "First day of the project.",
               aliases=("과제시작일",)),
        Column("end_date", "종료일", "date", "Last day of the project.", required=False,
               aliases=("과제종료일",)),
        Column("institutions", "참여기관", "list",
               "Participating universities and companies, separated by ';'.",
               aliases=("참여대학",), institution=True),
    ),
    key=("project_number",),
    sources=("projects", "공동연구과제", "과제"),
)

TARGETS = Dataset(
    "targets", "목표",
    "Targets agreed with the ministry, overriding the call's floors for a KPI.",
    columns=(
        Column("kpi_id", "지표ID", "text", "KPI id from the catalogue (docs/kpis.md)."),
        Column("program_year", "사업연차", "int", "Program year the target applies to.",
               aliases=("연차",), min_value=1, max_value=10),
        Column("target_value", "목표값", "number", "Target value, in the KPI's unit.",
               aliases=("목표",), min_value=0),
    ),
    key=("kpi_id", "program_year"),
    sources=("targets", "목표", "성과목표"),
)

# --- what the companies give and what the research becomes -----------------------------------

RESEARCHER_NUMBERS_DESCRIPTION = (
    "National researcher numbers (8 digits each), separated by ';'. Personal: stored only as "
    "keyed hashes, the same keys as the students', so they can be matched to students.")
PROJECT_SERVED = Column(
    "project_number", "과제번호", "text",
    "The joint project it serves (its national R&D project number), if any.",
    required=False, aliases=("공동연구과제번호", "관련과제번호"))
FEE_NOTE = "Whole won; '1,200,000원', '120만원' and '1.2억' are read, '1M' or 'about' are not."

SUPPORT = Dataset(
    "support", "산학지원",
    "What a company gave the universities in the quarter: research API use, compute, data, "
    "mentoring or other help, in its native unit, with whom it served and an agreed KRW value. "
    "One row per kind of support and resource; each quarter reports that quarter's support.",
    columns=(
        Column("support_type", "지원유형", "text", "Kind of support.",
               aliases=("지원구분", "type"),
               allowed={"api": ("API", "연구용 API", "api 지원"),
                        "compute": ("컴퓨팅", "컴퓨팅 자원", "GPU", "인프라", "compute"),
                        "data": ("데이터", "데이터셋", "data", "dataset"),
                        "mentoring": ("멘토링", "mentoring", "기술자문"),
                        "other": ("기타", "other")}),
        Column("provider", "제공기관", "text",
               "Company that provided the support, matched to the reference list.",
               aliases=("지원기관", "제공기업"), institution=True),
        Column("start_date", "지원시작일", "date", "First day of the support in the quarter.",
               aliases=("시작일",)),
        Column("end_date", "지원종료일", "date", "Last day of the support, if it ended.",
               required=False, aliases=("종료일",)),
        Column("resource", "지원내용", "text",
               "What was given: the API's model (e.g. EXAONE 3.5), the dataset's name, the "
               "mentoring topic.", aliases=("모델명", "자원명", "resource")),
        Column("gpu_model", "GPU모델", "text",
               "GPU model for compute support; 'H100', 'NVIDIA H100 80GB' and 'h100-sxm' are "
               "one model (H100).", required=False, aliases=("GPU 종류", "gpu"),
               normalise="gpu_model"),
        Column("gpu_cards", "GPU수", "int", "Number of GPU cards, with a quantity in hours or "
               "months per card.", required=False, aliases=("카드수", "GPU 장수"),
               min_value=1, max_value=100_000),
        Column("quantity", "수량", "number", "The amount given, in the unit of the next column.",
               aliases=("지원량", "amount"), min_value=0),
        Column("unit", "단위", "text",
               "Unit of the quantity: API calls or tokens; GPU-hours, or hours or months per "
               "card (with the number of cards); a dataset's gigabytes or items; mentoring hours.",
               aliases=("수량단위",),
               allowed={"calls": ("호출", "호출수", "건", "calls", "requests"),
                        "tokens": ("토큰", "tokens"),
                        "gpu_hours": ("GPU시간", "gpu-hours", "gpu hours", "gpu_hour"),
                        "hours": ("시간", "hours", "h"),
                        "months": ("개월", "월", "months"),
                        "gb": ("GB", "기가바이트"),
                        "items": ("건수", "개", "items", "records")}),
        Column("licence", "라이선스", "text", "Licence under which a dataset was given.",
               required=False, aliases=("license", "이용조건")),
        Column("beneficiary_count", "수혜학생수", "int",
               "Number of students who used the support.", required=False,
               aliases=("수혜인원", "이용학생수"), min_value=0),
        Column("beneficiaries", "수혜연구자번호", "list", RESEARCHER_NUMBERS_DESCRIPTION,
               required=False, aliases=("수혜자 국가연구자번호",), pattern=r"^\d{8}$",
               personal=True),
        Column("value_krw", "지원금액", "number", "Agreed value in won. " + FEE_NOTE,
               required=False, aliases=("환산금액", "금액(원)", "value"), min_value=0,
               normalise="krw"),
        Column("value_basis", "금액구분", "text",
               "Whether the value is the company's in-kind (현물) or cash (현금) share.",
               required=False, aliases=("현물/현금", "basis"),
               allowed={"in_kind": ("현물", "in-kind", "in kind"),
                        "cash": ("현금", "cash")}),
        PROJECT_SERVED,
    ),
    key=("support_type", "provider", "resource", "gpu_model", "start_date"),
    sources=("support", "산학지원", "산학지원현황", "기업지원"),
)

PATENT_OFFICES = {
    "KR": ("한국", "대한민국", "특허청", "KIPO", "kr"), "US": ("미국", "USPTO", "us"),
    "EP": ("유럽", "EPO", "ep"), "JP": ("일본", "JPO", "jp"), "CN": ("중국", "CNIPA", "cn"),
    "PCT": ("PCT", "WIPO", "국제출원", "pct"), "other": ("기타", "other"),
}

PATENTS = Dataset(
    "patents", "특허",
    "Patents filed or registered from the consortium's research. A patent is one application "
    "(office and application number): filed in one quarter and registered in a later one, it "
    "is sent again with its registration and stays one patent.",
    columns=(
        Column("office", "출원국", "text", "Patent office.", aliases=("출원국가", "관청"),
               allowed=PATENT_OFFICES),
        Column("application_number", "출원번호", "text",
               "Application number: Korean 10-YYYY-NNNNNNN (or its 13-digit form "
               "10YYYYNNNNNNN); a foreign office's number as it prints it.",
               aliases=("application no",), normalise="patent_application"),
        Column("application_date", "출원일", "date", "Filing date.", aliases=("출원일자",)),
        Column("registration_number", "등록번호", "text",
               "Registration number, once registered: Korean 10-NNNNNNN (or its 13-digit form "
               "10NNNNNNN0000).", required=False, aliases=("registration no",),
               normalise="patent_registration"),
        Column("registration_date", "등록일", "date", "Registration date, once registered.",
               required=False, aliases=("등록일자",)),
        Column("title", "발명의명칭", "text", "Title of the invention.",
               aliases=("발명의 명칭", "특허명", "title")),
        Column("applicants", "출원인", "list",
               "Applicant institutions, separated by ';', matched to the reference list.",
               aliases=("권리자",), institution=True),
        Column("inventors", "발명자", "list",
               "Inventors' names, separated by ';'. Personal: stored only as keyed hashes.",
               aliases=("발명자명",), personal=True),
        Column("inventor_numbers", "발명자연구자번호", "list", RESEARCHER_NUMBERS_DESCRIPTION,
               required=False, aliases=("발명자 국가연구자번호",), pattern=r"^\d{8}$",
               personal=True),
        Column("acknowledged_projects", "사사과제번호", "grants",
               "Project numbers in the patent's bibliographic data, in any grant format "
               "(RS-2024-00397085, 2022-0-00077, 10-digit NTIS, ...): a patent counts only for "
               "the grants of the register it names. Stored as the canonical numbers found.",
               aliases=("과제번호", "연구과제번호"), missing_reason="no_grant_number"),
        Column("ipc_codes", "IPC", "list", "IPC classification codes, separated by ';'.",
               required=False, aliases=("IPC분류", "국제특허분류")),
    ),
    key=("office", "application_number"),
    sources=("patents", "특허", "특허실적", "지식재산권"),
)

TRANSFERS = Dataset(
    "transfers", "기술이전·사업화",
    "Technology transfers and commercialisation contracts. One row per contract; a contract "
    "is sent again in each quarter it brings in money, with the amount received that quarter.",
    columns=(
        Column("contract_number", "계약번호", "text",
               "The university's number for the contract (stable across quarters).",
               aliases=("계약 번호", "contract no")),
        Column("contract_date", "계약일", "date", "Date the contract was signed.",
               aliases=("계약일자", "계약체결일")),
        Column("recipient", "기술도입기관", "text", "Organisation that receives the technology.",
               aliases=("기술실시기업", "수요기업", "recipient")),
        Column("recipient_business_number", "사업자등록번호", "text",
               "The recipient's business registration number (NNN-NN-NNNNN, check digit "
               "verified).", aliases=("사업자번호", "brn"),
               normalise="business_registration_number"),
        Column("recipient_size", "기업규모", "text", "Size of the recipient.", required=False,
               allowed={"large": ("대기업", "large"), "medium": ("중견기업", "medium"),
                        "small": ("중소기업", "small", "sme"),
                        "startup": ("스타트업", "벤처", "startup")}),
        Column("is_foreign_recipient", "해외기업", "bool",
               "Whether the recipient is abroad.", required=False, aliases=("국외",)),
        Column("subject_type", "이전대상", "text", "What was transferred.",
               aliases=("이전유형",),
               allowed={"patent": ("특허", "patent"),
                        "software": ("소프트웨어", "SW", "software"),
                        "know_how": ("노하우", "know-how", "기술노하우")}),
        Column("subject", "이전기술명", "text", "Name of the technology transferred.",
               aliases=("기술명",)),
        Column("patent_numbers", "이전특허번호", "list",
               "Application or registration numbers of the patents transferred, separated "
               "by ';'.", required=False, aliases=("특허번호",)),
        Column("deal_type", "계약유형", "text", "Kind of deal.", aliases=("실시권 유형",),
               allowed={"assignment": ("양도", "assignment"),
                        "exclusive_licence": ("전용실시권", "전용실시", "exclusive licence",
                                              "exclusive license"),
                        "non_exclusive_licence": ("통상실시권", "통상실시",
                                                  "non-exclusive licence",
                                                  "non-exclusive license")}),
        Column("fixed_fee_krw", "정액기술료", "number",
               "Fixed fee agreed, in won. " + FEE_NOTE, required=False,
               aliases=("정액기술료(원)",), min_value=0, normalise="krw"),
        Column("running_royalty", "경상기술료", "text",
               "Running royalty as agreed (e.g. 'net sales 3%').", required=False,
               aliases=("경상기술료율",)),
        Column("received_krw", "징수액", "number",
               "Amount received in the quarter, in won. " + FEE_NOTE, required=False,
               aliases=("수령액", "기술료 징수액"), min_value=0, normalise="krw"),
        Column("service", "적용서비스", "text",
               "The service or product the technology went into, once it has.",
               required=False, aliases=("적용 제품·서비스", "사업화 제품")),
        PROJECT_SERVED,
    ),
    key=("contract_number",),
    sources=("transfers", "기술이전", "기술이전·사업화", "기술이전사업화", "사업화"),
)

ARTEFACTS = Dataset(
    "artefacts", "공개성과물",
    "Models, datasets, code and demos released openly. One row per release (its URL); send it "
    "again with downloads or stars observed on a later date if wanted.",
    columns=(
        Column("artefact_type", "성과물유형", "text", "Kind of release.", aliases=("유형",),
               allowed={"model": ("모델", "model"),
                        "dataset": ("데이터셋", "데이터", "dataset"),
                        "code": ("코드", "소스코드", "code", "software"),
                        "demo": ("데모", "demo", "서비스 데모")}),
        Column("name", "성과물명", "text", "Name of the release.", aliases=("이름", "name")),
        Column("url", "URL", "text", "Where it is published (https://...).",
               aliases=("링크", "주소"), normalise="url"),
        Column("licence", "라이선스", "text", "Licence.", required=False,
               aliases=("license",)),
        Column("release_date", "공개일", "date", "Date of first public release.",
               aliases=("공개일자", "배포일")),
        PROJECT_SERVED,
        Column("downloads", "다운로드수", "int", "Downloads as observed on the date below.",
               required=False, aliases=("다운로드",), min_value=0),
        Column("stars", "스타수", "int", "Stars or likes as observed on the date below.",
               required=False, aliases=("스타", "좋아요"), min_value=0),
        Column("observed_date", "관측일", "date", "Date the downloads or stars were read.",
               required=False, aliases=("조회일",)),
    ),
    key=("url",),
    sources=("artefacts", "공개성과물", "공개 성과물", "성과물"),
)

INDUSTRY_DATASETS: tuple[Dataset, ...] = (SUPPORT, PATENTS, TRANSFERS, ARTEFACTS)

SUBMITTED_DATASETS: tuple[Dataset, ...] = (
    STUDENTS, PUBLICATIONS, DISPATCHES, DESTINATIONS, PROJECTS, TARGETS, *INDUSTRY_DATASETS,
)


CONSORTIA = Dataset(
    "consortia", "컨소시엄", "Consortia in the program (kept by the ministry).",
    columns=(
        Column("consortium_id", "컨소시엄ID", "text", "Short stable id, e.g. 'vaiv'.",
               pattern=r"^[a-z0-9-]+$"),
        Column("name_ko", "컨소시엄명", "text", "Korean name."),
        Column("name_en", "영문명", "text", "English name."),
        Column("lead_institution_id", "주관기관ID", "text", "Lead company (institutions)."),
        Column("start_date", "사업시작일", "date", "Start of the consortium's agreement; program "
               "year 1 is the calendar year of this date."),
        Column("source", "출처", "text", "Where the facts come from.", required=False),
    ),
    key=("consortium_id",),
    sources=("consortia",),
)

INSTITUTIONS = Dataset(
    "institutions", "기관", "Universities, companies and public bodies, with ROR ids where known.",
    columns=(
        Column("institution_id", "기관ID", "text", "Short stable id.", pattern=r"^[a-z0-9-]+$"),
        Column("ror_id", "ROR", "text", "Research Organization Registry id.", required=False,
               pattern=r"^0[a-z0-9]{6}\d{2}$"),
        Column("institution_type", "기관유형", "text", "Kind of institution.",
               allowed={"university": ("university", "대학"), "company": ("company", "기업"),
                        "public_research": ("public_research", "출연연"),
                        "government": ("government", "정부")}),
        Column("name_ko", "기관명", "text", "Korean name."),
        Column("name_en", "영문기관명", "text", "English name."),
        Column("aliases", "별칭", "list", "Other names submitters write, separated by ';'.",
               required=False),
        Column("city", "소재지", "text", "City.", required=False),
        Column("source", "출처", "text", "Where the record comes from.", required=False),
    ),
    key=("institution_id",),
    sources=("institutions",),
)

CONSORTIUM_MEMBERS = Dataset(
    "consortium_members", "컨소시엄 참여기관", "Which institutions belong to which consortium.",
    columns=(
        Column("consortium_id", "컨소시엄ID", "text", "Consortium (consortia)."),
        Column("institution_id", "기관ID", "text", "Institution (institutions)."),
        Column("member_role", "역할", "text", "Role in the consortium.",
               allowed={"lead": ("lead", "주관"), "university": ("university", "참여대학"),
                        "partner": ("partner", "협력기업")}),
        Column("research_domain", "연구분야", "text", "Domain the member works on.",
               required=False),
    ),
    key=("consortium_id", "institution_id"),
    sources=("consortium_members",),
)

TOP_VENUES = Dataset(
    "top_venues", "우수학술지·학회", "The versioned list of top venues the program recognises.",
    columns=(
        Column("venue_list_version", "목록버전", "text", "Version of the list."),
        Column("venue_id", "학회ID", "text", "Short stable id."),
        Column("venue_name", "학회명", "text", "Full name."),
        Column("aliases", "별칭", "list", "Other names, separated by ';'.", required=False),
        Column("field", "분야", "text", "Research field.", required=False),
    ),
    key=("venue_list_version", "venue_id"),
    sources=("top_venues",),
)

AI_INDUSTRY_KSIC = Dataset(
    "ai_industry_ksic", "AI 산업 업종코드",
    "The versioned list of KSIC codes the program counts as the AI industry. An employer counts "
    "when its KSIC code (section letter ignored) starts with a listed code. A working list of "
    "the program until an official AI-industry classification is adopted.",
    columns=(
        Column("ksic_list_version", "목록버전", "text", "Version of the list."),
        Column("ksic_code", "KSIC", "text", "KSIC code (2 to 5 digits) counted as AI industry.",
               pattern=r"^\d{2,5}$"),
        Column("name_ko", "업종명", "text", "Korean name of the code."),
        Column("name_en", "영문업종명", "text", "English name of the code."),
        Column("source", "출처", "text", "Classification and revision the code comes from."),
    ),
    key=("ksic_list_version", "ksic_code"),
    sources=("ai_industry_ksic",),
)

GRANT_SCHEMES = {
    "rs": ("rs", "integrated RS", "통합 RS"),
    "rs_iitp": ("rs_iitp", "RS re-numbered IITP", "RS IITP 이관"),
    "rs_nrf": ("rs_nrf", "RS NRF", "RS NRF 이관"),
    "iitp_legacy": ("iitp_legacy", "legacy IITP", "IITP 구 과제번호"),
    "nrf_legacy": ("nrf_legacy", "legacy NRF", "NRF 구 과제번호"),
    "ntis": ("ntis", "NTIS", "NTIS 과제번호"),
}

GRANTS = Dataset(
    "grants", "과제번호 등록부",
    "The grant register: every grant number a consortium may be credited for, kept by the "
    "ministry. A paper counts for a consortium when one of the numbers it acknowledges, or a "
    "registered alias, is in that consortium's register and valid at the paper's date. Joint "
    "projects' numbers from the submitted projects join the register by themselves.",
    columns=(
        Column("consortium_id", "컨소시엄ID", "text", "Consortium (consortia).",
               pattern=r"^[a-z0-9-]+$"),
        Column("grant_number", "과제번호", "grant", "The grant number in canonical form "
               "(RS-2024-00397085, RS-2022-II220077, 2022-0-00077, 2021R1A2C3008370, "
               "1711152445)."),
        Column("scheme", "번호체계", "text", "Numbering scheme of the grant number.",
               allowed=GRANT_SCHEMES),
        Column("role", "역할", "text", "What the grant is to the consortium.",
               allowed={"agreement": ("agreement", "협약과제", "consortium agreement"),
                        "joint_project": ("joint_project", "공동연구과제", "joint project"),
                        "sub_project": ("sub_project", "세부과제", "sub-project")}),
        Column("valid_from", "유효시작일", "date", "First day papers may count for this grant; "
               "empty: from the start.", required=False),
        Column("valid_to", "유효종료일", "date", "Last day papers may count for this grant; "
               "empty: open-ended.", required=False),
        Column("aliases", "다른 번호", "grants", "Other printed numbers of the same grant (a "
               "legacy number and its RS twin), separated by ';'.", required=False),
        Column("source", "출처", "text", "Where the number comes from, and whether the ministry "
               "has confirmed it."),
    ),
    key=("consortium_id", "grant_number"),
    sources=("grants",),
)

REFERENCE_DATASETS: tuple[Dataset, ...] = (CONSORTIA, INSTITUTIONS, CONSORTIUM_MEMBERS, TOP_VENUES,
                                           AI_INDUSTRY_KSIC, GRANTS)


def dataset_for_source(stem: str) -> Dataset | None:
    """The dataset a sheet or file name (without extension) holds, if any."""
    wanted = stem.strip().lower()
    for dataset in SUBMITTED_DATASETS:
        if wanted in (s.lower() for s in dataset.sources):
            return dataset
    return None
