"""Readers take files as consortia send them and refuse unreadable files with one clear message.

Covered: an xlsx whose header is not on the first row and whose headers are Korean, CSV in UTF-8
with a BOM and in CP949, BibTeX with LaTeX accents and braces, and the whole-file problems (a
truncated xlsx, missing required columns, bytes in no Korean encoding, an unknown dataset).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import xlsxwriter

from contract import DISPATCHES, STUDENTS
from etl.files import read_file
from etl.grants import find
from etl.problems import FileProblem
from etl.publication_readers import read_publication_file
from etl.readers import ROW, decode_text, read_csv, read_xlsx

HEADER = ",".join(c.korean for c in DISPATCHES.columns)
ROW_TEXT = "10000002,김철수,바이브컴퍼니,2025-04-01,2025-05-31"


def test_xlsx_header_is_found_below_a_title_and_rows_keep_their_sheet_numbers(
        tmp_path: Path) -> None:
    path = tmp_path / "students.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("참여학생")
    sheet.write(0, 0, "2025년 2분기 참여학생 현황")
    sheet.write_row(3, 0, ["국가연구자번호", "소속기관", "학위과정", "입학일", "참여시작일",
                           "학적상태"])
    sheet.write_row(4, 0, ["10000001", "고려대학교", "석사", "2025.03.02", "2025-03-04", "재학"])
    sheet.write_row(6, 0, ["10000002", "서울대", "박사", "2025-03-02", "2025-03-04", "재학"])
    book.close()
    [table] = read_xlsx(path)
    assert table.dataset is STUDENTS and table.sheet == "참여학생"
    assert table.frame[ROW].to_list() == [5, 7]
    assert table.frame["institution"].to_list() == ["고려대학교", "서울대"]
    assert table.frame["name"].to_list() == [None, None]


def test_csv_in_cp949_and_utf8_with_bom_read_the_same(tmp_path: Path) -> None:
    text = f"{HEADER}\n{ROW_TEXT}\n"
    cp949, bom = tmp_path / "a.csv", tmp_path / "b.csv"
    cp949.write_bytes(text.encode("cp949"))
    bom.write_bytes(text.encode("utf-8-sig"))
    first, second = read_csv(cp949, DISPATCHES), read_csv(bom, DISPATCHES)
    assert first.frame.equals(second.frame)
    assert first.frame["host_organisation"].to_list() == ["바이브컴퍼니"]


def test_bytes_in_no_korean_encoding_stop_the_file(tmp_path: Path) -> None:
    with pytest.raises(FileProblem) as problem:
        decode_text(b"\xff\xff\xff\x81\x00", "bad.csv")
    assert problem.value.code == "undecodable"


def test_a_truncated_xlsx_is_one_clear_file_problem(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("참여학생").write(0, 0, "x")
    book.close()
    path.write_bytes(path.read_bytes()[:200])
    with pytest.raises(FileProblem) as problem:
        read_file(path, None)
    assert problem.value.code == "corrupt_xlsx"
    assert "broken.xlsx" in str(problem.value)


def test_missing_required_columns_are_named_in_both_languages(tmp_path: Path) -> None:
    path = tmp_path / "dispatches.csv"
    path.write_text("국가연구자번호,파견기관\n10000002,네이버\n", encoding="utf-8")
    with pytest.raises(FileProblem) as problem:
        read_file(path, None)
    assert problem.value.code == "missing_columns"
    assert "파견시작일" in problem.value.message_ko and "start_date" in problem.value.message_en


def test_a_csv_named_after_no_dataset_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "misc.csv"
    path.write_text(f"{HEADER}\n", encoding="utf-8")
    with pytest.raises(FileProblem) as problem:
        read_file(path, None)
    assert problem.value.code == "unknown_dataset"


def test_bibtex_accents_braces_and_project_numbers_are_decoded(tmp_path: Path) -> None:
    path = tmp_path / "papers.bib"
    path.write_text(
        "@article{a,\n title = {{LLM} Tables for M{\\\"u}ller},\n"
        " author = {M{\\\"u}ller, J{\\'e}r{\\^o}me and Kim, Minjun},\n year = {2025},\n"
        " month = jun,\n journal = {TACL},\n doi = {10.1/X},\n"
        " funding = {IITP (No. RS-2024-00397085, RS-2024-0000000); 2022R1A2C},\n"
        " acknowledgements = {정보통신기획평가원의 지원을 받아 수행된 연구임 (No. RS-2024-\n"
        "   00360227)},\n annote = {KISTI KSC-2022-CRE-0312; NRF-2019M3E4A1080146}\n}\n",
        encoding="utf-8")
    frame = read_publication_file(path)
    row = frame.row(0, named=True)
    assert row["title"] == "LLM Tables for Müller"
    assert row["authors"] == "Jérôme Müller; Minjun Kim"
    assert row["month"] == "6"
    found = find(row["acknowledged_projects"])
    assert found.numbers == ("RS-2024-00397085", "RS-2024-00360227", "2019M3E4A1080146")
    assert found.malformed == ("RS-2024-0000000",)


def test_ntis_project_numbers_are_ten_digits_exactly() -> None:
    assert find("No. 17112010011 and 1711201001, 171120100").numbers == ("1711201001",)
    assert find(None).numbers == ()
