"""A small, hand-built industry record of one consortium, with the mistakes officers make.

Vaiv reports two quarters. 2025-Q3 comes as one workbook (students, support, patents, transfers,
artefacts; a title line, Korean headers); 2025-Q4 as CSV files, one per dataset. The patent filed
in 2025-Q3 is sent again in 2025-Q4 with its registration; the transfer contract brings in money
in both quarters; the model is sent again with later downloads. Every "BAD_" row is one mistake
of the issue's list and must be quarantined at its row and column with its reason. Every person
and number is invented.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import xlsxwriter

from contract import ARTEFACTS, PATENTS, STUDENTS, SUPPORT, TRANSFERS, Dataset

Row = dict[str, str]
GRANT = "RS-2024-00397085"  # vaiv's grant in data/reference/grants.csv
STUDENT_A = {"researcher_number": "30000001", "name": "한가람", "name_en": "Garam Han",
             "institution": "고려대학교", "degree_program": "박사", "enrolment_date": "2024-03-01",
             "participation_start": "2025-07-01", "status": "재학"}
STUDENT_B = {**STUDENT_A, "researcher_number": "30000002", "name": "이나래",
             "name_en": "Narae Lee", "institution": "서울대학교", "degree_program": "석사"}

API = {"support_type": "API", "provider": "바이브컴퍼니", "start_date": "2025-07-01",
       "resource": "Vaiv GPT API", "quantity": "2,000,000", "unit": "토큰",
       "beneficiaries": "30000001;30000002", "value_krw": "1,200,000원", "value_basis": "현물",
       "project_number": GRANT}
GPU_CARDS = {"support_type": "컴퓨팅", "provider": "바이브컴퍼니", "start_date": "2025-07-01",
             "end_date": "2025-09-30", "resource": "GPU 클러스터 A",
             "gpu_model": "NVIDIA H100 80GB", "gpu_cards": "8", "quantity": "720", "unit": "시간",
             "beneficiary_count": "5", "value_krw": "30,000,000", "value_basis": "현물"}
GPU_HOURS = {**GPU_CARDS, "resource": "GPU 클러스터 B", "gpu_model": "h100-sxm",
             "gpu_cards": "", "quantity": "500", "unit": "GPU시간", "value_krw": "",
             "value_basis": ""}
GPU_MONTHS = {**GPU_CARDS, "resource": "GPU 클러스터 C", "gpu_model": "H100", "gpu_cards": "2",
              "quantity": "1", "unit": "개월", "value_krw": "", "value_basis": ""}
MENTORING = {"support_type": "멘토링", "provider": "네이버", "start_date": "2025-08-01",
             "resource": "RAG 서비스화 자문", "quantity": "12", "unit": "시간",
             "beneficiary_count": "3"}
BAD_FEE = {**API, "resource": "Vaiv GPT API v2", "value_krw": "about 1M"}
BAD_GPU = {**GPU_CARDS, "resource": "GPU 클러스터 D", "gpu_model": "TPU v5"}

PATENT_FILED = {"office": "KR", "application_number": "1020250012345",
                "application_date": "2025-08-04", "title": "검색증강 생성 모델의 환각 검출 방법",
                "applicants": "고려대학교; 바이브컴퍼니", "inventors": "한가람; 김교수",
                "inventor_numbers": "30000001", "acknowledged_projects": GRANT,
                "ipc_codes": "G06N 3/08"}
PATENT_FOREIGN = {"office": "미국", "application_number": "US 19/123,456",
                  "application_date": "2025-09-01", "title": "Hallucination detection",
                  "applicants": "Korea University", "inventors": "Garam Han",
                  "acknowledged_projects": GRANT}
PATENT_OTHER_GRANT = {**PATENT_FILED, "application_number": "10-2025-0099999",
                      "title": "다른 사업의 특허", "acknowledged_projects": "9999999999"}
BAD_WRONG_FORM = {**PATENT_FILED, "application_number": "10-25-12345", "title": "형식 오류"}
BAD_REGISTRATION_AS_APPLICATION = {**PATENT_FILED, "application_number": "10-2712345",
                                   "title": "등록번호를 출원번호 열에"}
BAD_13_DIGIT_REGISTRATION = {**PATENT_FILED, "application_number": "1020240010000",
                             "title": "13자리 등록번호"}
#: Q4 resends the Q3 patent, registered: the same patent, not a second one
PATENT_REGISTERED = {**PATENT_FILED, "application_number": "10-2025-0012345",
                     "registration_number": "1027123450000",
                     "registration_date": "2025-12-01"}

TRANSFER = {"contract_number": "KU-2025-017", "contract_date": "2025-09-10",
            "recipient": "(주)에이아이랩", "recipient_business_number": "220-81-62517",
            "recipient_size": "중소기업", "subject_type": "특허", "subject": "환각 검출 기술",
            "patent_numbers": "10-2025-0012345", "deal_type": "통상실시권",
            "fixed_fee_krw": "20,000,000원", "running_royalty": "매출액 2%",
            "received_krw": "10,000,000원", "project_number": GRANT}
BAD_TRANSFER_FEE = {**TRANSFER, "contract_number": "KU-2025-018", "fixed_fee_krw": "about 1M"}
BAD_BUSINESS_NUMBER = {**TRANSFER, "contract_number": "KU-2025-019",
                       "recipient_business_number": "123-45-67890"}
#: Q4: the second instalment arrives, and the technology is now in a service
TRANSFER_PAID = {**TRANSFER, "received_krw": "1000만원", "service": "AI 상담 챗봇"}

MODEL = {"artefact_type": "모델", "name": "Vaiv-KoRAG-7B", "url": "huggingface.co/vaiv/korag-7b",
         "licence": "Apache-2.0", "release_date": "2025-09-15", "project_number": GRANT,
         "downloads": "1200", "stars": "30", "observed_date": "2025-09-30"}
CODE = {"artefact_type": "코드", "name": "korag", "url": "https://github.com/vaiv/korag",
        "release_date": "2025-09-20"}
BAD_URL = {"artefact_type": "데이터셋", "name": "Ko-RAG-Bench", "url": "추후 공개",
           "release_date": "2025-09-20"}
MODEL_LATER = {**MODEL, "downloads": "5400", "stars": "81", "observed_date": "2025-12-20"}

Q3_SHEETS: list[tuple[Dataset, list[Row]]] = [
    (STUDENTS, [STUDENT_A, STUDENT_B]),
    (SUPPORT, [API, GPU_CARDS, GPU_HOURS, GPU_MONTHS, MENTORING, BAD_FEE, BAD_GPU]),
    (PATENTS, [PATENT_FILED, PATENT_FOREIGN, PATENT_OTHER_GRANT, BAD_WRONG_FORM,
               BAD_REGISTRATION_AS_APPLICATION, BAD_13_DIGIT_REGISTRATION]),
    (TRANSFERS, [TRANSFER, BAD_TRANSFER_FEE, BAD_BUSINESS_NUMBER]),
    (ARTEFACTS, [MODEL, CODE, BAD_URL]),
]
Q4_FILES: list[tuple[str, Dataset, list[Row]]] = [
    ("특허.csv", PATENTS, [PATENT_REGISTERED]),
    ("기술이전.csv", TRANSFERS, [TRANSFER_PAID]),
    ("공개성과물.csv", ARTEFACTS, [MODEL_LATER]),
    ("산학지원.csv", SUPPORT, [{**API, "start_date": "2025-10-01"}]),
]
#: (file, row, column, reason): row 4 is the first data row under the workbook's title line
Q3_REJECTIONS = {
    ("industry_2025-Q3.xlsx", 9, "value_krw", "not_krw"),
    ("industry_2025-Q3.xlsx", 10, "gpu_model", "unknown_gpu_model"),
    ("industry_2025-Q3.xlsx", 7, "application_number", "bad_patent_number"),
    ("industry_2025-Q3.xlsx", 8, "application_number", "registration_in_application_column"),
    ("industry_2025-Q3.xlsx", 9, "application_number", "application_year_mismatch"),
    ("industry_2025-Q3.xlsx", 5, "fixed_fee_krw", "not_krw"),
    ("industry_2025-Q3.xlsx", 6, "recipient_business_number", "bad_business_number"),
    ("industry_2025-Q3.xlsx", 6, "url", "not_url"),
}


def _manifest(folder: Path, period: str) -> None:
    folder.mkdir(parents=True)
    (folder / "submission.toml").write_text(
        f'consortium_id = "vaiv"\nperiod = "{period}"\nsubmitted_by = "산학협력팀"\n',
        encoding="utf-8")


def _write_xlsx(path: Path, sheets: list[tuple[Dataset, list[Row]]]) -> None:
    workbook = xlsxwriter.Workbook(str(path))
    workbook.set_properties({"created": datetime(2025, 1, 1)})
    for dataset, rows in sheets:
        sheet = workbook.add_worksheet(dataset.korean)
        sheet.write(0, 0, f"바이브컴퍼니 컨소시엄 {dataset.korean} 현황")
        sheet.write_row(2, 0, [c.korean for c in dataset.columns])
        for r, row in enumerate(rows, start=3):
            sheet.write_row(r, 0, [row.get(c.name, "") for c in dataset.columns])
    workbook.close()


def _write_csv(path: Path, dataset: Dataset, rows: list[Row]) -> None:
    def quoted(text: str) -> str:
        return f'"{text}"' if "," in text else text

    lines = [",".join(c.korean for c in dataset.columns)]
    lines += [",".join(quoted(row.get(c.name, "")) for c in dataset.columns) for row in rows]
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8-sig"))


def write_industry_program(root: Path) -> Path:
    """Write vaiv's 2025-Q3 workbook and 2025-Q4 CSV files under `root`; return `root`."""
    q3 = root / "vaiv" / "2025-Q3"
    _manifest(q3, "2025-Q3")
    _write_xlsx(q3 / "industry_2025-Q3.xlsx", Q3_SHEETS)
    q4 = root / "vaiv" / "2025-Q4"
    _manifest(q4, "2025-Q4")
    for name, dataset, rows in Q4_FILES:
        _write_csv(q4 / name, dataset, rows)
    return root
