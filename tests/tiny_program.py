"""A tiny, hand-built program whose KPI values are worked out by hand in the tests.

Two consortia of the real reference list (vaiv and 42maru, both starting 2024-07-01), written in
the formats consortia send: an xlsx with a title row and Korean headers, a CP949 CSV and BibTeX,
and in 2025-Q2 their industry records (support, patents, transfers, releases) as CSV files.
Every person is invented. Change a row here and the hand-worked values in the tests must change.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import xlsxwriter

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

Row = dict[str, object]


def student(number: str, name_en: str, university: str, degree: str, enrolled: str,
            start: str, status: str = "재학", end: str = "", graduated: str = "") -> Row:
    """One row of the students sheet, in Korean labels."""
    return {"researcher_number": number, "name": "홍길동", "name_en": name_en,
            "email": f"{number}@example.ac.kr", "phone": "010-1234-5678", "orcid": "",
            "institution": university, "degree_program": degree, "enrolment_date": enrolled,
            "participation_start": start, "participation_end": end, "status": status,
            "graduation_date": graduated, "degree_awarded": "석사" if graduated else ""}


S1_GRADUATED = student("10000001", "Minjun Kim", "고려대학교", "석사", "2022-09-01",
                       "2024-07-01", "졸업", "2024-08-31", "2024-08-31")
S2 = student("10000002", "Seoyeon Lee", "서울대", "박사", "2023-03-01", "2024-09-01")
S3 = student("10000003", "Jiho Park", "Yonsei Univ.", "석박통합", "2024-03-01", "2024.10.15")
S8_GRADUATED = student("10000008", "Yuna Jung", "고려대학교", "석사", "2022-09-01",
                       "2024-07-01", "졸업", "2024-08-31", "2024-08-31")
BAD_NUMBER = student("98Q7", "Bad Number", "고려대학교", "석사", "2024-03-01", "2024-07-01")
BAD_UNIVERSITY = student("10000009", "Nobody", "Unknown University", "석사", "2024-03-01",
                         "2024-07-01")
#: S3 resent in 2025-Q2: withdrawn on 20 June 2025, now with an ORCID iD
S3_WITHDRAWN = {**S3, "status": "중도탈락", "participation_end": "2025-06-20",
                "orcid": "0000-0002-1825-0097"}
S6 = student("10000006", "Hana Choi", "국민대학교", "석사", "2025-03-01", "2025-03-02")
M1 = student("20000001", "Doyun Kang", "부산대학교", "석사", "2025-03-01", "2025-03-02")

B1 = """@inproceedings{b1,
  title = {Scaling {Korean} Language Models},
  author = {Kim, Minjun and Smith, John},
  booktitle = {NeurIPS},
  year = {2024}, month = {11},
  doi = {10.1000/A1},
  affiliation = {Korea University; Vaiv Company},
  funding = {This work was supported by Institute of Information \\& communications Technology
    Planning \\& Evaluation (IITP) grant funded by the Korea government (MSIT) (No. RS-2024-
    00397085, Generative AI Leading Talent Nurturing Project)},
  openaccess = {true}
}
"""
B2 = """@misc{b2,
  title = {Retrieval for M{\\"u}ller Tables},
  author = {Lee, Seoyeon},
  year = {2024}, month = {12},
  eprint = {2410.00001}, archiveprefix = {arXiv},
  journal = {arXiv},
  acknowledgement = {이 논문은 정부(과학기술정보통신부)의 재원으로 정보통신기획평가원의 지원을
    받아 수행된 연구임 (No. 1711201101, 기여율 100\\%)},
  openaccess = {false}
}
"""
B3 = """@article{b3,
  title = {Not Ours},
  author = {Doe, Jane},
  journal = {Journal of Things},
  year = {2024}, month = {10},
  doi = {10.1000/x9},
  funding = {Supported by the National Research Foundation of Korea (NRF-2019M3E4A1080146) and
    the KISTI supercomputer (KSC-2022-CRE-0312)}
}
"""
B4 = """@inproceedings{b4,
  title = {Shared Work Across Consortia},
  author = {Park, Jiho and Kim, Minjun},
  booktitle = {Annual Meeting of the Association for Computational Linguistics},
  year = {2025}, month = {5},
  doi = {https://doi.org/10.1000/S1},
  affiliation = {Yonsei University; Pusan National University},
  funding = {This research was supported by the MSIT, Korea, under the Generative AI Leading
    Talent support program (IITP-2025-RS-2024-00397085, 50\\% \\& IITP-2025-RS-2024-00360227,
    50\\%) supervised by the IITP}
}
"""


#: industry records of 2025-Q2 (CSV files). vaiv: API tokens to S2 and S3, 4 H100 cards x 100
#: hours, Naver's mentoring; patent P1 (filed 10 March 2025, S3 an inventor) licensed to a
#: company for 10,000,000 won (5,000,000 received) and taken into a service; a US application
#: acknowledging a vaiv project; one released model. 42maru: API calls; P1 again (it also names
#: a 42maru project: one patent program-wide) and its own P3; released code.
P1 = {"office": "KR", "application_number": "1020250001111", "application_date": "2025-03-10",
      "title": "검색증강 생성의 환각 검출 방법", "applicants": "고려대학교; 바이브컴퍼니",
      "inventors": "Jiho Park; 김교수", "inventor_numbers": "10000003",
      "acknowledged_projects": "과학기술정보통신부 (No. RS-2024-00397085)"}
VAIV_INDUSTRY: list[tuple[str, Dataset, list[Row]]] = [
    ("산학지원.csv", SUPPORT, [
        {"support_type": "API", "provider": "바이브컴퍼니", "start_date": "2025-04-01",
         "resource": "Vaiv GPT API", "quantity": "1000000", "unit": "토큰",
         "beneficiaries": "10000002;10000003", "value_krw": "500000원", "value_basis": "현물"},
        {"support_type": "컴퓨팅", "provider": "바이브컴퍼니", "start_date": "2025-04-01",
         "end_date": "2025-06-30", "resource": "GPU 클러스터", "gpu_model": "NVIDIA H100 80GB",
         "gpu_cards": "4", "quantity": "100", "unit": "시간", "beneficiary_count": "2",
         "value_krw": "2000000", "value_basis": "현물"},
        {"support_type": "멘토링", "provider": "네이버", "start_date": "2025-05-01",
         "resource": "RAG 서비스화 자문", "quantity": "10", "unit": "시간",
         "beneficiary_count": "3"}]),
    ("특허.csv", PATENTS, [
        P1,
        {"office": "US", "application_number": "US 19/000111", "application_date": "2025-05-01",
         "title": "Hallucination detection", "applicants": "Korea University",
         "inventors": "Jiho Park", "acknowledged_projects": "1711201101"}]),
    ("기술이전.csv", TRANSFERS, [
        {"contract_number": "KU-2025-001", "contract_date": "2025-05-20",
         "recipient": "(주)에이아이랩", "recipient_business_number": "220-81-62517",
         "subject_type": "특허", "subject": "환각 검출 기술", "patent_numbers": "10-2025-0001111",
         "deal_type": "통상실시권", "fixed_fee_krw": "10000000원", "received_krw": "5000000원",
         "service": "AI 상담 챗봇"}]),
    ("공개성과물.csv", ARTEFACTS, [
        {"artefact_type": "모델", "name": "tiny-ko", "url": "huggingface.co/vaiv/tiny-ko",
         "licence": "Apache-2.0", "release_date": "2025-04-15", "downloads": "100",
         "observed_date": "2025-06-30"}]),
]
MARU_INDUSTRY: list[tuple[str, Dataset, list[Row]]] = [
    ("산학지원.csv", SUPPORT, [
        {"support_type": "API", "provider": "포티투마루", "start_date": "2025-04-01",
         "resource": "LLM42 API", "quantity": "200000", "unit": "호출", "beneficiary_count": "1",
         "value_krw": "1000000원", "value_basis": "현물"}]),
    ("특허.csv", PATENTS, [
        {**P1, "acknowledged_projects": "RS-2024-00397085; 1711201201"},
        {**P1, "application_number": "10-2025-0002222", "application_date": "2025-06-01",
         "title": "의료 상담 언어모델", "applicants": "부산대학교", "inventors": "Doyun Kang",
         "inventor_numbers": "20000001", "acknowledged_projects": "1711201201"}]),
    ("공개성과물.csv", ARTEFACTS, [
        {"artefact_type": "코드", "name": "rag42-lite", "url": "https://github.com/42maru/rag42",
         "release_date": "2025-05-05"}]),
]


def _write_xlsx(path: Path, sheets: list[tuple[Dataset, list[Row]]], title: str) -> None:
    workbook = xlsxwriter.Workbook(str(path))
    workbook.set_properties({"created": datetime(2025, 1, 1)})
    for dataset, rows in sheets:
        sheet = workbook.add_worksheet(dataset.korean)
        sheet.write(0, 0, title)
        columns = list(dataset.columns)
        sheet.write_row(2, 0, [c.korean for c in columns])
        for r, row in enumerate(rows, start=3):
            sheet.write_row(r, 0, [str(row.get(c.name, "")) for c in columns])
    workbook.close()


def _write_csv(path: Path, dataset: Dataset, rows: list[Row], encoding: str) -> None:
    lines = [",".join(c.korean for c in dataset.columns)]
    lines += [",".join(str(row.get(c.name, "")) for c in dataset.columns) for row in rows]
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))


def _submission(folder: Path, consortium: str, period: str, students: list[Row],
                destinations: list[Row], projects: list[Row], dispatches: list[Row],
                bibtex: str, targets: list[Row] | None = None,
                industry: list[tuple[str, Dataset, list[Row]]] | None = None) -> Path:
    folder.mkdir(parents=True)
    (folder / "submission.toml").write_text(
        f'consortium_id = "{consortium}"\nperiod = "{period}"\nsubmitted_by = "사업관리팀"\n'
        '[files]\n"파견현황.csv" = "dispatches"\n', encoding="utf-8")
    _write_xlsx(folder / f"참여인력_{period}.xlsx",
                [(STUDENTS, students), (DESTINATIONS, destinations), (PROJECTS, projects)],
                f"{consortium} {period} 현황")
    _write_csv(folder / "파견현황.csv", DISPATCHES, dispatches, "cp949")
    (folder / "publications.bib").write_text(bibtex, encoding="utf-8")
    if targets is not None:
        _write_csv(folder / "targets.csv", TARGETS, targets, "utf-8-sig")
    for name, dataset, rows in industry or []:
        _write_csv(folder / name, dataset, rows, "utf-8-sig")
    return folder


def write_tiny_program(root: Path) -> Path:
    """Write the three submissions under `root` and return it."""
    _submission(
        root / "vaiv" / "2024-Q4", "vaiv", "2024-Q4",
        students=[S1_GRADUATED, S2, S3, S8_GRADUATED, BAD_NUMBER, BAD_UNIVERSITY],
        destinations=[],
        projects=[
            {"project_number": "1711201101", "title": "LLM 공동연구", "start_date": "2024-07-01",
             "end_date": "2027-12-31", "institutions": "바이브컴퍼니; 고려대학교; 서울대학교"},
            {"project_number": "1711201102", "title": "단일 대학 과제", "start_date": "2024-07-01",
             "end_date": "", "institutions": "바이브컴퍼니; 연세대학교"},
        ],
        dispatches=[], bibtex=B1 + B2 + B3)
    _submission(
        root / "vaiv" / "2025-Q2", "vaiv", "2025-Q2",
        students=[S6, S3_WITHDRAWN],
        destinations=[
            {"researcher_number": "10000001", "months_after_graduation": "6",
             "destination_status": "취업", "organisation": "네이버", "ksic_code": "63120"},
            {"researcher_number": "10000008", "months_after_graduation": "6",
             "destination_status": "미상", "organisation": "", "ksic_code": ""},
        ],
        projects=[],
        dispatches=[
            {"researcher_number": "10000002", "host_organisation": "바이브컴퍼니",
             "start_date": "2025-04-01", "end_date": "2025-05-31"},
            {"researcher_number": "10000003", "host_organisation": "네이버",
             "start_date": "2025-06-10", "end_date": "2025-06-20"},
            {"researcher_number": "10000006", "host_organisation": "(주)바이브컴퍼니",
             "start_date": "2025-06-15", "end_date": ""},
        ],
        bibtex=B4 + B1,
        targets=[{"kpi_id": "dispatched_researchers", "program_year": "2", "target_value": "2.5"},
                 {"kpi_id": "acknowledged_publications", "program_year": "2",
                  "target_value": "2"}],
        industry=VAIV_INDUSTRY)
    _submission(
        root / "42maru" / "2025-Q2", "42maru", "2025-Q2",
        students=[M1], destinations=[],
        projects=[{"project_number": "1711201201", "title": "의료 LLM",
                   "start_date": "2024-07-01", "end_date": "",
                   "institutions": "포티투마루; 부산대학교; 성균관대학교"}],
        dispatches=[], bibtex=B4.replace("https://doi.org/10.1000/S1", "10.1000/s1"),
        industry=MARU_INDUSTRY)
    return root


def write_later_quarter(root: Path) -> Path:
    """Add vaiv's 2025-Q3 submission to a tiny program under `root` (a later state of it).

    S2 graduated (PhD) on 28 February 2025 and joined the lead company; S8's 6-month destination
    is corrected to a bank (not an AI-industry code); S1 and S8 report 12-month destinations;
    agreed targets for program year 2 sit at the status rule's boundaries; patent P1, filed in
    2025-Q1, is sent again registered on 20 August 2025. Kept apart from
    `write_tiny_program` so the quarter the app opens on (2025-Q2) stays the latest there.
    """
    s2_graduated = {**S2, "status": "졸업", "participation_end": "2025-02-28",
                    "graduation_date": "2025-02-28", "degree_awarded": "박사"}
    _submission(
        root / "vaiv" / "2025-Q3", "vaiv", "2025-Q3",
        students=[s2_graduated],
        destinations=[
            {"researcher_number": "10000002", "months_after_graduation": "6",
             "destination_status": "취업", "organisation": "(주)바이브컴퍼니",
             "ksic_code": "J58222"},
            {"researcher_number": "10000008", "months_after_graduation": "6",
             "destination_status": "취업", "organisation": "한국은행", "ksic_code": "64110"},
            {"researcher_number": "10000001", "months_after_graduation": "12",
             "destination_status": "취업", "organisation": "솔트룩스", "ksic_code": "58222"},
            {"researcher_number": "10000008", "months_after_graduation": "12",
             "destination_status": "미취업", "organisation": "", "ksic_code": ""},
        ],
        projects=[], dispatches=[], bibtex="",
        industry=[("특허.csv", PATENTS, [{**P1, "registration_number": "1027123450000",
                                         "registration_date": "2025-08-20"}])],
        targets=[{"kpi_id": "active_students", "program_year": "2", "target_value": "3"},
                 {"kpi_id": "active_phd_students", "program_year": "2",
                  "target_value": "2.001"},
                 {"kpi_id": "active_ms_students", "program_year": "2", "target_value": "1.25"},
                 {"kpi_id": "participating_universities", "program_year": "2",
                  "target_value": "3.76"}])
    return root


def write_late_resubmission(root: Path) -> Path:
    """Write 42maru's 2025-Q2 resent with one more PhD student (no ORCID iD) under `root`.

    Loaded after 2025-Q2 was published, it changes that quarter's student counts, FTE and ORCID
    coverage and nothing of 2024: a restatement of the published quarter.
    """
    late_m2 = student("20000002", "Sora Han", "성균관대학교", "박사", "2025-03-01", "2025-04-01")
    _submission(root / "42maru" / "2025-Q2", "42maru", "2025-Q2", students=[M1, late_m2],
                destinations=[], dispatches=[],
                projects=[{"project_number": "1711201201", "title": "의료 LLM",
                           "start_date": "2024-07-01", "end_date": "",
                           "institutions": "포티투마루; 부산대학교; 성균관대학교"}],
                bibtex=B4.replace("https://doi.org/10.1000/S1", "10.1000/s1"),
                industry=MARU_INDUSTRY)
    return root
