"""The query module's lists and comparisons return what the tiny program's rows say.

Both tiny consortia started on 2024-07-01, so program year 1 is 2024 (2024-Q3 and 2024-Q4) and
program year 2 is 2025; the tiny program's data reaches 2025-Q2.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from warehouse import queries
from warehouse.connection import Reader


@pytest.fixture(scope="module")
def reader(tiny_warehouse: Path) -> Reader:
    source = Reader(tiny_warehouse)
    yield source
    source.close()


def test_program_year_comparison_takes_each_consortiums_year_end(reader: Reader) -> None:
    board = queries.program_year_scorecard(1, "2025-Q2", None, reader)
    assert set(board["period"]) == {"2024-Q4"}, "year 1 ended with 2024-Q4 for both"
    assert set(board["consortium_id"]) == {"vaiv", "42maru"}, "no program-wide row"
    students = board.filter(board["kpi_id"] == "active_students")
    assert dict(zip(students["consortium_id"], students["value"], strict=True)) == {
        "vaiv": 4, "42maru": 0}  # S1, S2, S3, S8; M1 starts in 2025


def test_program_year_comparison_stops_at_the_quarter_chosen(reader: Reader) -> None:
    assert set(queries.program_year_scorecard(1, "2024-Q3", None, reader)["period"]) == {
        "2024-Q3"}
    assert queries.program_year_scorecard(2, "2024-Q4", None, reader).height == 0


def test_program_year_comparison_keeps_to_the_consortia_chosen(reader: Reader) -> None:
    board = queries.program_year_scorecard(2, "2025-Q2", ["42maru"], reader)
    assert set(board["consortium_id"]) == {"42maru"}
    assert board.height == len(set(board["kpi_id"])), "one row per KPI"


def test_consortium_projects_list_their_universities(reader: Reader) -> None:
    projects = queries.consortium_projects("vaiv", "2025-Q2", reader)
    assert projects["project_number"].to_list() == ["1711201101", "1711201102"]
    assert projects["universities_ko"].to_list() == ["고려대학교, 서울대학교", "연세대학교"]
    assert projects["is_joint"].to_list() == [True, False]


def test_consortium_universities_count_their_projects(reader: Reader) -> None:
    universities = queries.consortium_universities("42maru", "2025-Q2", reader)
    assert universities["name_en"].to_list() == ["Pusan National University",
                                                 "Sungkyunkwan University"]
    assert universities["project_count"].to_list() == [1, 1]
    assert universities["is_member"].all()
