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

SUBMITTED_DATASETS: tuple[Dataset, ...] = (
    STUDENTS, PUBLICATIONS, DISPATCHES, DESTINATIONS, PROJECTS, TARGETS,
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
