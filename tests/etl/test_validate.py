"""Validation rejects bad values with a reason and keeps every good row.

Each rejected value names its file, sheet, row, column and reason; a row with several problems is
rejected once with every reason listed; rows in = accepted + rejected always; personal values are
never echoed back in a rejection.
"""

from __future__ import annotations

from datetime import date

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from contract import DISPATCHES, STUDENTS, Dataset
from etl.readers import ROW, RawTable
from etl.validate import PERSONAL_VALUE, Context, validate

CONTEXT = Context(period_end=date(2025, 6, 30),
                  institution_index={"고려대학교": "korea-univ", "바이브컴퍼니": "vaiv"},
                  kpi_ids=frozenset({"active_students"}))
GOOD_STUDENT = {"researcher_number": "10000001", "institution": "고려대학교",
                "degree_program": "석사", "enrolment_date": "2025.03.02",
                "participation_start": "45719", "status": "재학"}


def table(dataset: Dataset, rows: list[dict[str, str | None]]) -> RawTable:
    columns = [c.name for c in dataset.columns]
    records = [{ROW: i + 4, **{c: row.get(c) for c in columns}} for i, row in enumerate(rows)]
    schema = {ROW: pl.Int64, **dict.fromkeys(columns, pl.String)}
    return RawTable(dataset, "in.xlsx", "참여학생", pl.DataFrame(records, schema=schema))


def reasons(rows: list[dict[str, str | None]], dataset: Dataset = STUDENTS) -> set[tuple]:
    result = validate(table(dataset, rows), CONTEXT)
    return {(r["row_number"], r["column_name"], r["reason_code"])
            for r in result.rejections.iter_rows(named=True)}


def test_a_good_row_is_typed_with_korean_labels_and_excel_serial_dates() -> None:
    result = validate(table(STUDENTS, [GOOD_STUDENT]), CONTEXT)
    assert result.rejections.height == 0
    row = result.accepted.row(0, named=True)
    assert row["degree_program"] == "MS" and row["status"] == "enrolled"
    assert row["enrolment_date"] == date(2025, 3, 2)
    assert row["participation_start"] == date(2025, 3, 3)  # Excel serial 45719
    assert row["institution_id"] == "korea-univ"


def test_each_problem_is_reported_at_its_row_and_column() -> None:
    found = reasons([
        {**GOOD_STUDENT, "researcher_number": "1234"},
        {**GOOD_STUDENT, "researcher_number": "10000002", "enrolment_date": "2025.02.30"},
        {**GOOD_STUDENT, "researcher_number": "10000003", "institution": "=HYPERLINK(\"x\")"},
        {**GOOD_STUDENT, "researcher_number": "10000004", "degree_program": "학사"},
        {**GOOD_STUDENT, "researcher_number": "10000005", "participation_start": "2025-09-01"},
        {**GOOD_STUDENT, "researcher_number": "10000006", "status": "졸업"},
        {**GOOD_STUDENT, "researcher_number": "10000007", "institution": "없는대학교"},
        {**GOOD_STUDENT, "researcher_number": "10000008", "status": None},
    ])
    assert found == {
        (4, "researcher_number", "bad_format"),
        (5, "enrolment_date", "not_date"),
        (6, "institution", "formula"),
        (7, "degree_program", "not_allowed"),
        (8, "participation_start", "after_period"),
        (9, "graduation_date", "graduation_missing"),
        (10, "institution", "unknown_institution"),
        (11, "status", "missing"),
    }


def test_a_repeated_key_is_rejected_after_its_first_occurrence() -> None:
    assert reasons([GOOD_STUDENT, GOOD_STUDENT]) == {(5, "researcher_number", "duplicate_key")}


def test_a_dispatch_that_ends_before_it_starts_is_rejected() -> None:
    rows = [{"researcher_number": "10000001", "host_organisation": "바이브컴퍼니",
             "start_date": "2025-05-01", "end_date": "2025-04-01"}]
    assert reasons(rows, DISPATCHES) == {(4, "end_date", "end_before_start")}


def test_personal_values_are_not_echoed_in_rejections() -> None:
    result = validate(table(STUDENTS, [{**GOOD_STUDENT, "researcher_number": "12345"}]),
                      CONTEXT)
    assert result.rejections["value_shown"].to_list() == [PERSONAL_VALUE]


text = st.one_of(st.none(), st.text(max_size=12), st.sampled_from(
    ["석사", "박사", "재학", "졸업", "2025-03-02", "2025.13.01", "=1+1", "고려대학교", "45719"]))


@settings(max_examples=60, deadline=None)
@given(bad_rows=st.lists(st.fixed_dictionaries(
    {c.name: text for c in STUDENTS.columns}), max_size=8),
    good_count=st.integers(min_value=0, max_value=5))
def test_arbitrary_rows_are_accepted_or_rejected_with_a_reason_and_good_rows_survive(
        bad_rows: list[dict[str, str | None]], good_count: int) -> None:
    good = [{**GOOD_STUDENT, "researcher_number": f"9{i:07d}"} for i in range(good_count)]
    result = validate(table(STUDENTS, good + bad_rows), CONTEXT)
    rejected_rows = set(result.rejections["row_number"].to_list())
    assert result.accepted.height + len(rejected_rows) == len(good) + len(bad_rows)
    assert all(result.rejections["reason_code"].is_not_null())
    good_numbers = {r["researcher_number"] for r in good}
    accepted_numbers = set(result.accepted["researcher_number"].to_list())
    repeated = {r.get("researcher_number") for r in bad_rows}
    assert good_numbers - repeated <= accepted_numbers
