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
