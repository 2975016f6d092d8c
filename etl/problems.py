"""The two kinds of trouble a submission can have, each told in Korean and English.

A `FileProblem` stops one file (unknown dataset, missing columns, unreadable bytes); a
`RowProblem` rejects one row and is kept in quarantine. Reason codes are stable so tests and the
quarantine table can rely on them; the sentences are for people.
"""

from __future__ import annotations

from dataclasses import dataclass

#: reason code -> (English, Korean) sentence for a rejected value
ROW_REASONS: dict[str, tuple[str, str]] = {
    "missing": ("a required value is empty", "필수 값이 비어 있습니다"),
    "not_integer": ("not a whole number", "정수가 아닙니다"),
    "not_number": ("not a number", "숫자가 아닙니다"),
    "not_date": ("not a valid date (use 2025-03-02, 2025.03.02 or an Excel date)",
                 "올바른 날짜가 아닙니다 (2025-03-02, 2025.03.02 또는 엑셀 날짜)"),
    "not_boolean": ("not yes/no (use Y/N, 예/아니오, true/false)",
                    "예/아니오 값이 아닙니다 (Y/N, 예/아니오, true/false)"),
    "not_allowed": ("not one of the allowed values", "허용된 값이 아닙니다"),
    "bad_format": ("does not have the required format", "형식이 올바르지 않습니다"),
    "out_of_range": ("outside the allowed range", "허용 범위를 벗어났습니다"),
    "formula": ("looks like a spreadsheet formula; send the value, not the formula",
                "수식으로 보입니다. 수식이 아닌 값을 입력하세요"),
    "unknown_institution": ("institution not in the reference list; ask the ministry to add it",
                            "기준 기관 목록에 없는 기관입니다. 담당 부처에 등록을 요청하세요"),
    "after_period": ("dated after the end of the reporting period",
                     "보고기간 종료일 이후의 날짜입니다"),
    "end_before_start": ("ends before it starts", "종료일이 시작일보다 빠릅니다"),
    "graduation_missing": ("status is graduated but the graduation date is empty",
                           "졸업 상태이나 졸업일이 비어 있습니다"),
    "graduation_before_enrolment": ("graduation date is before the enrolment date",
                                    "졸업일이 입학일보다 빠릅니다"),
    "duplicate_key": ("the same record appears earlier in this submission",
                      "같은 기록이 이 제출 자료에 이미 있습니다"),
    "no_identifier": ("a publication needs a DOI, an arXiv id, or a title and year",
                      "논문에는 DOI, arXiv 번호 또는 제목과 연도가 필요합니다"),
    "unknown_kpi": ("not a KPI id of the catalogue", "성과지표 목록에 없는 지표 ID입니다"),
    "bad_patent_number": ("not a patent number of the required form (Korean application "
                          "10-YYYY-NNNNNNN or 13 digits 10YYYYNNNNNNN; registration 10-NNNNNNN "
                          "or 10NNNNNNN0000)",
                          "특허번호 형식이 올바르지 않습니다 (국내 출원 10-YYYY-NNNNNNN 또는 "
                          "13자리 10YYYYNNNNNNN, 등록 10-NNNNNNN 또는 10NNNNNNN0000)"),
    "registration_in_application_column": (
        "a registration number (10-NNNNNNN) in the application number column; write the "
        "application number here and the registration number in its own column",
        "출원번호 열에 등록번호(10-NNNNNNN)가 있습니다. 출원번호를 적고 등록번호는 등록번호 열에 "
        "적으세요"),
    "application_in_registration_column": (
        "an application number (10-YYYY-NNNNNNN) in the registration number column",
        "등록번호 열에 출원번호(10-YYYY-NNNNNNN)가 있습니다"),
    "application_year_mismatch": (
        "the year in the application number is not the filing date's year: is it a 13-digit "
        "registration number (10NNNNNNN0000)?",
        "출원번호의 연도가 출원일의 연도와 다릅니다. 13자리 등록번호(10NNNNNNN0000)가 아닌지 "
        "확인하세요"),
    "registration_incomplete": ("a registration needs both its number and its date",
                                "등록번호와 등록일은 함께 적어야 합니다"),
    "not_krw": ("not an amount in won: write digits (1,200,000 or 1,200,000원; 120만원 and 1.2억 "
                "are read too), not abbreviations such as 1M or words such as 'about'",
                "원 단위 금액이 아닙니다. 1,200,000 또는 1,200,000원처럼 숫자로 적으세요 "
                "(120만원, 1.2억도 됩니다). 1M 같은 약어나 '약' 같은 말은 안 됩니다"),
    "unknown_gpu_model": ("GPU model not recognised; write the model, e.g. H100, A100, L40S, "
                          "RTX 4090",
                          "알 수 없는 GPU 모델입니다. H100, A100, L40S, RTX 4090처럼 모델명을 "
                          "적으세요"),
    "gpu_model_missing": ("compute support needs the GPU model",
                          "컴퓨팅 지원에는 GPU 모델이 필요합니다"),
    "gpu_cards_missing": ("hours or months of compute need the number of GPU cards (or give "
                          "GPU-hours)",
                          "시간·개월 단위 컴퓨팅 지원에는 GPU 수가 필요합니다 (또는 GPU시간으로 "
                          "적으세요)"),
    "value_basis_missing": ("a KRW value needs its basis: in-kind (현물) or cash (현금)",
                            "금액에는 현물 또는 현금 구분이 필요합니다"),
    "not_url": ("not a web address (https://...)", "웹 주소(https://...)가 아닙니다"),
    "observed_date_missing": ("downloads or stars need the date they were observed",
                              "다운로드·스타 수에는 관측일이 필요합니다"),
    "bad_business_number": ("not a valid business registration number (NNN-NN-NNNNN with its "
                            "check digit)",
                            "올바른 사업자등록번호가 아닙니다 (NNN-NN-NNNNN, 검증번호 확인)"),
    "no_grant_number": ("no grant number found in the acknowledgement (e.g. RS-2024-00397085, "
                        "2022-0-00077, 2021R1A2C3008370, 1711152445)",
                        "사사 문구에서 과제번호를 찾지 못했습니다 (예: RS-2024-00397085, "
                        "2022-0-00077, 2021R1A2C3008370, 1711152445)"),
    "malformed_grant_number": ("a grant number has the wrong number of digits; copy it from "
                               "the agreement", "과제번호의 자릿수가 맞지 않습니다. 협약서의 "
                               "번호를 그대로 옮겨 적으세요"),
    "not_grant_number": ("not exactly one grant number in a known format (RS-2024-00397085, "
                         "RS-2022-II220077, 2022-0-00077, 2021R1A2C3008370, 1711152445)",
                         "알려진 형식의 과제번호 하나가 아닙니다 (RS-2024-00397085, "
                         "RS-2022-II220077, 2022-0-00077, 2021R1A2C3008370, 1711152445)"),
    "scheme_mismatch": ("the scheme does not match the grant number's format",
                        "번호체계가 과제번호 형식과 맞지 않습니다"),
}


class FileProblem(Exception):
    """A whole file cannot be used; the submission it belongs to is not loaded."""

    def __init__(self, file_name: str, code: str, message_en: str, message_ko: str) -> None:
        # one line each, whatever a library's error text looked like
        message_en, message_ko = " ".join(message_en.split()), " ".join(message_ko.split())
        super().__init__(f"{file_name}: {message_en}")
        self.file_name = file_name
        self.code = code
        self.message_en = message_en
        self.message_ko = message_ko

    def __str__(self) -> str:
        return f"{self.file_name}: {self.message_ko} / {self.message_en}"


def first_line(error: BaseException) -> str:
    """The first line of an error's text, which is the part a person needs."""
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


@dataclass(frozen=True)
class RowProblem:
    """One rejected value: where it is and why it was refused."""

    file_name: str
    sheet: str | None
    row_number: int
    column: str
    value_shown: str | None
    reason_code: str

    @property
    def reason_en(self) -> str:
        """The reason in English."""
        return ROW_REASONS[self.reason_code][0]

    @property
    def reason_ko(self) -> str:
        """The reason in Korean."""
        return ROW_REASONS[self.reason_code][1]
