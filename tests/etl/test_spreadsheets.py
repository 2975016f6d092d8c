"""Spreadsheets are read as consortia really keep them.

A workbook may hold several dataset sheets next to notes, English or Korean headers below a
title, trailing blank rows, and dates typed three ways (date cells, Excel serial numbers, text
such as 2025.03.02 or 2025. 3. 2.); each sheet is read into its dataset, rows keep the numbers
Excel shows, and every date form means the same day. CSV in UTF-8, UTF-8 with BOM, CP949 and
Excel's UTF-16 "Unicode text" is detected without being told.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
import xlsxwriter

from contract import DISPATCHES
from etl.files import read_file
from etl.problems import FileProblem
from etl.readers import ROW, read_csv, read_xlsx
from etl.reference import read_reference
from etl.validate import Context, validate

CONTEXT = Context(period_end=date(2025, 6, 30),
                  institution_index=read_reference().institution_index, kpi_ids=frozenset())
ENGLISH_STUDENT_HEADERS = ["Researcher Number", "Name", "Institution", "Degree Program",
                           "Enrollment Date", "Participation Start", "Status"]


def english_workbook(path: Path) -> Path:
    """Students and dispatches in English, a notes sheet first, dates typed every way."""
    book = xlsxwriter.Workbook(str(path))
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    book.add_worksheet("Notes").write(0, 0, "Prepared by the consortium office")
    students = book.add_worksheet("Students")
    students.write(0, 0, "Participating students, 2025 Q2")
    students.write(1, 0, "Source: registrar")
    students.write_row(3, 0, ENGLISH_STUDENT_HEADERS)
    students.write_row(4, 0, ["10000001", "Kim Minjun", "Korea University", "Masters"])
    students.write_datetime(4, 4, datetime(2025, 3, 2), day)
    students.write_string(4, 5, "2025.03.02")
    students.write(4, 6, "enrolled")
    students.write_row(5, 0, ["10000002", "Lee Seoyeon", "고려대학교", "PhD"])
    students.write_number(5, 4, 45718)
    students.write_string(5, 5, "2025. 3. 2.")
    students.write(5, 6, "재학")
    students.write_row(6, 0, ["10000003", "Park Jiho", "Korea Univ.", "석사", "20250302",
                              "2025년 3월 2일", "active"])
    for blank_row in range(7, 12):
        students.write_blank(blank_row, 0, None, day)
    dispatches = book.add_worksheet("dispatches")
    dispatches.write_row(0, 0, ["researcher_number", "host", "start_date", "end_date"])
    dispatches.write_number(1, 0, 10000002)
    dispatches.write(1, 1, "VAIV Company")
    dispatches.write_datetime(1, 2, datetime(2025, 4, 1), day)
    dispatches.write_string(1, 3, "2025-05-30")
    book.close()
    return path


def test_every_dataset_sheet_is_read_and_other_sheets_are_ignored(tmp_path: Path) -> None:
    tables = read_xlsx(english_workbook(tmp_path / "report.xlsx"))
    assert [(t.dataset.name, t.sheet) for t in tables] == [("students", "Students"),
                                                           ("dispatches", "dispatches")]


def test_english_headers_below_a_title_keep_excel_row_numbers_without_blank_rows(
        tmp_path: Path) -> None:
    students = read_xlsx(english_workbook(tmp_path / "report.xlsx"))[0]
    assert students.frame[ROW].to_list() == [5, 6, 7]
    assert students.frame["name"].to_list() == ["Kim Minjun", "Lee Seoyeon", "Park Jiho"]


def test_date_cells_excel_serials_and_text_dates_mean_the_same_day(tmp_path: Path) -> None:
    students, dispatches = read_xlsx(english_workbook(tmp_path / "report.xlsx"))
    checked = validate(students, CONTEXT)
    assert checked.rejections.height == 0, checked.rejections.to_dicts()
    assert set(checked.accepted["enrolment_date"]) == {date(2025, 3, 2)}
    assert set(checked.accepted["participation_start"]) == {date(2025, 3, 2)}
    assert checked.accepted["degree_program"].to_list() == ["MS", "PhD", "MS"]
    trip = validate(dispatches, CONTEXT).accepted.row(0, named=True)
    assert trip["researcher_number"] == "10000002", "a number cell keeps its digits"
    assert (trip["start_date"], trip["end_date"]) == (date(2025, 4, 1), date(2025, 5, 30))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949", "euc-kr"])
def test_csv_encodings_korean_excel_saves_are_detected(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "파견현황.csv"
    text = ("2025년 2분기 파견 현황,,,,\n"
            f"{','.join(c.korean for c in DISPATCHES.columns)}\n"
            "10000002,김철수,바이브컴퍼니,2025.04.01,2025.05.30\n,,,,\n,,,,\n")
    path.write_bytes(text.encode(encoding))
    table = read_csv(path, DISPATCHES)
    assert table.frame[ROW].to_list() == [3]
    assert table.frame.row(0, named=True)["host_organisation"] == "바이브컴퍼니"
    assert table.frame.row(0, named=True)["name"] == "김철수"


def test_excel_unicode_text_is_read_as_tab_separated_utf16(tmp_path: Path) -> None:
    path = tmp_path / "dispatches.txt"
    text = ("\t".join(c.korean for c in DISPATCHES.columns) + "\r\n"
            "10000002\t김철수\t바이브컴퍼니\t2025-04-01\t\r\n")
    path.write_bytes(text.encode("utf-16"))
    [table] = read_file(path, None)
    assert table.frame.row(0, named=True)["host_organisation"] == "바이브컴퍼니"


@pytest.mark.parametrize(("name", "content", "code"), [
    ("dispatches.csv", b"", "empty_file"),
    ("dispatches.csv", "국가연구자번호;파견기관\n".encode(), "no_header"),
    ("students.xls", b"\xd0\xcf\x11\xe0", "unknown_format"),
    ("students.xlsx", b"PK\x03\x04 not really a workbook", "corrupt_xlsx"),
])
def test_files_that_cannot_be_read_stop_with_their_reason(tmp_path: Path, name: str,
                                                          content: bytes, code: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(FileProblem) as problem:
        read_file(path, None)
    assert problem.value.code == code and problem.value.file_name.startswith(name)
