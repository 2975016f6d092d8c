"""Bad rows reach the quarantine with their reasons, through a real load, and nothing else does.

One submission carries the mistakes data officers make: a student listed twice, dates that do
not exist (30 February, month 13, 29 February 2025), text that a spreadsheet would run as a
formula, graduation before enrolment, and institutions the reference list does not know. The
test loads it into a real warehouse and checks the quarantine, the counts, and that the
readable report lists the unknown institution names for the ministry to add.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from contract import DISPATCHES, PROJECTS, STUDENTS, Dataset
from etl.load import LoadReport, load
from etl.report import print_report, write_journal
from warehouse import queries
from warehouse.connection import Reader

GOOD = {"researcher_number": "10000001", "name": "김민준", "phone": "+82-10-1234-5678",
        "institution": "고려대학교", "degree_program": "석사", "enrolment_date": "2025-03-02",
        "participation_start": "2025-03-03", "status": "재학"}
STUDENT_ROWS = [  # row 2 is the first data row below the header
    GOOD,
    {**GOOD, "name": "김민준 (again)"},
    {**GOOD, "researcher_number": "10000002", "enrolment_date": "2025-02-30"},
    {**GOOD, "researcher_number": "10000003", "enrolment_date": "2025.13.01"},
    {**GOOD, "researcher_number": "10000004", "institution": '=HYPERLINK("http://x","고려대")'},
    {**GOOD, "researcher_number": "10000005", "institution": "Hogwarts University"},
    {**GOOD, "researcher_number": "10000006", "institution": "Hogwarts University"},
    {**GOOD, "researcher_number": "10000007", "status": "졸업", "graduation_date": "2024-08-31"},
    {**GOOD, "researcher_number": "10000008", "participation_start": "2025-02-29"},
]
EXPECTED_STUDENT_REASONS = {
    (3, "researcher_number", "duplicate_key"),
    (4, "enrolment_date", "not_date"),
    (5, "enrolment_date", "not_date"),
    (6, "institution", "formula"),
    (7, "institution", "unknown_institution"),
    (8, "institution", "unknown_institution"),
    (9, "graduation_date", "graduation_before_enrolment"),
    (10, "participation_start", "not_date"),
}


def write_csv(path: Path, dataset: Dataset, rows: list[dict[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([c.korean for c in dataset.columns])
    writer.writerows([[row.get(c.name, "") for c in dataset.columns] for row in rows])
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> tuple[LoadReport, Path]:
    base = tmp_path_factory.mktemp("rejections")
    folder = base / "vaiv" / "2025-Q2"
    folder.mkdir(parents=True)
    (folder / "submission.toml").write_text(
        'consortium_id = "vaiv"\nperiod = "2025-Q2"\nsubmitted_by = "사업관리팀"\n',
        encoding="utf-8")
    write_csv(folder / "students.csv", STUDENTS, STUDENT_ROWS)
    write_csv(folder / "projects.csv", PROJECTS, [
        {"project_number": "1711201101", "title": "LLM 공동연구", "start_date": "2024-07-01",
         "institutions": "바이브컴퍼니; 없는대학교"}])
    write_csv(folder / "dispatches.csv", DISPATCHES, [
        {"researcher_number": "10000001", "host_organisation": "@SUM(1+1)",
         "start_date": "2025-04-01"}])
    report = load(base / "vaiv", loaded_by="test", directory=base / "data" / "warehouse")
    journal = write_journal(report, base / "data" / "loads")
    return report, journal


def quarantine(report: LoadReport) -> set[tuple]:
    reader = Reader(report.warehouse_file.parent)
    try:
        rows = queries.rejected_rows(report.results[0].load_id, reader)
    finally:
        reader.close()
    return {(r["file_name"], r["row_number"], r["column_name"], r["reason_code"])
            for r in rows.iter_rows(named=True)}


def test_every_mistake_is_quarantined_at_its_row_with_its_reason(loaded) -> None:
    report, _ = loaded
    assert report.ok and report.warehouse_file is not None
    found = quarantine(report)
    assert {(r, c, reason) for f, r, c, reason in found if f == "students.csv"} == \
        EXPECTED_STUDENT_REASONS
    assert ("projects.csv", 2, "institutions", "unknown_institution") in found
    assert ("dispatches.csv", 2, "host_organisation", "formula") in found


def test_only_the_good_row_is_accepted_and_counts_add_up(loaded) -> None:
    report, _ = loaded
    [result] = report.results
    reader = Reader(report.warehouse_file.parent)
    try:
        [row] = queries.load_history(reader).to_dicts()
    finally:
        reader.close()
    assert (row["rows_in"], row["rows_accepted"], row["rows_rejected"]) == (11, 1, 10)
    assert row["rows_in"] == row["rows_accepted"] + row["rows_rejected"] == result.rows_in


def test_a_phone_number_starting_with_plus_is_not_taken_for_a_formula(loaded) -> None:
    report, _ = loaded
    assert not any(c == "phone" for _, _, c, _ in quarantine(report))


def test_the_readable_report_lists_unknown_institutions_for_the_ministry(
        loaded, capsys: pytest.CaptureFixture[str]) -> None:
    report, journal = loaded
    text = (journal / "report.md").read_text(encoding="utf-8")
    section = text.split("## 기준 목록에 없는 기관")[1].split("\n## ")[0]
    assert "| Hogwarts University | 2 |" in section and "| 없는대학교 | 1 |" in section
    assert "바이브컴퍼니" not in section and "고려대" not in section
    summary = json.loads((journal / "summary.json").read_text(encoding="utf-8"))
    assert summary["unknown_institutions"] == {"Hogwarts University": 2, "없는대학교": 1}
    print_report(report)
    assert "Hogwarts University (2), 없는대학교 (1)" in capsys.readouterr().out


def test_personal_values_of_rejected_rows_are_not_in_the_journal(loaded) -> None:
    _, journal = loaded
    written = "".join(p.read_text(encoding="utf-8") for p in journal.iterdir())
    assert "10000002" not in written and "김민준" not in written
