"""Every saved query runs in the sandbox on the tiny program and gives the rows worked out by hand.

The tiny program (tests/tiny_program.py): vaiv reports 2024-Q4 and 2025-Q2 (students S1, S8
graduated MS at Korea University on 2024-08-31; S2 PhD at SNU; S3 integrated at Yonsei, resent
in 2025-Q2 as withdrawn on 2025-06-20 with an ORCID iD; S6 MS at Kookmin from 2025-03-02),
42maru reports 2025-Q2 (M1, MS at Pusan). Papers B1, B2 (vaiv, 2024), B4 (2025, reported by
both). Dispatches in 2025: S2 61 days at Vaiv, S3 11 days at Naver, S6 from 15 June at Vaiv,
still running at vaiv's data end of 30 June (16 days).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from warehouse.sandbox import Sandbox
from warehouse.saved_queries import saved_queries, saved_query

MONTH_DAYS = 365.25 / 12


@pytest.fixture(scope="module")
def sandbox(tiny_warehouse: Path) -> Iterator[Sandbox]:
    source = Sandbox(tiny_warehouse)
    yield source
    source.close()


def run(sandbox: Sandbox, query_id: str) -> pl.DataFrame:
    result = sandbox.run(saved_query(query_id).sql)
    assert result.ok, result.problem
    return result.frame


def rows(frame: pl.DataFrame, *columns: str) -> list[tuple]:
    return frame.select(columns).rows()


def check_students_by_university_degree(frame: pl.DataFrame) -> None:
    assert rows(frame, "consortium_id", "university_en", "degree_program", "students",
                "graduated", "enrolled", "withdrawn") == [
        ("42maru", "Pusan National University", "MS", 1, 0, 1, 0),
        ("vaiv", "Kookmin University", "MS", 1, 0, 1, 0),
        ("vaiv", "Korea University", "MS", 2, 2, 0, 0),  # S1 and S8 graduated
        ("vaiv", "Seoul National University", "PhD", 1, 0, 1, 0),
        ("vaiv", "Yonsei University", "integrated", 1, 0, 0, 1),  # S3 resent as withdrawn
    ]  # the two rejected rows (bad number, unknown university) never count


def check_dispatch_months_by_host(frame: pl.DataFrame) -> None:
    assert rows(frame, "host_institution_id", "stays", "people", "person_months",
                "people_four_weeks_or_more") == [
        ("vaiv", 2, 2, round((61 + 16) / MONTH_DAYS, 2), 1),  # S2 61 days, S6 16 so far
        ("naver", 1, 1, round(11 / MONTH_DAYS, 2), 0),  # S3 11 days
    ]


def check_publications_shared_across_consortia(frame: pl.DataFrame) -> None:
    assert rows(frame, "publication_id", "title", "consortia", "consortium_ids") == [
        ("doi:10.1000/s1", "Shared Work Across Consortia", 2, ["42maru", "vaiv"])]


def check_graduates_not_yet_traced(frame: pl.DataFrame) -> None:
    # S8 is 'unknown' at 6 months (due 2025-02-28); S1 is employed; the 12-month dates
    # (2025-08-31) lie after vaiv's data end of 2025-06-30
    assert rows(frame, "consortium_id", "degree_awarded", "months_after_graduation",
                "survey_date") == [("vaiv", "MS", 6, date(2025, 2, 28))]
    assert len(frame["student_key"].item()) > 8, "a pseudonymised key, not a number"


def check_scorecard_latest_quarter(frame: pl.DataFrame) -> None:
    assert set(frame["period"]) == {"2025-Q2"}
    dispatch = frame.filter(pl.col("consortium_id") == "vaiv",
                            pl.col("kpi_id") == "dispatched_researchers").row(0, named=True)
    assert (dispatch["value"], dispatch["target_value"], dispatch["target_source"]) == \
        (1, 2.5, "agreed")
    coverage = frame.filter(pl.col("consortium_id") == "vaiv",
                            pl.col("kpi_id") == "destination_coverage_6m").row(0, named=True)
    assert (coverage["value"], coverage["n"]) == (50, 2)


def check_rejected_rows_by_reason(frame: pl.DataFrame) -> None:
    assert rows(frame, "consortium_id", "period", "dataset", "column_name", "reason_code",
                "rejections") == [
        ("vaiv", "2024-Q4", "students", "institution", "unknown_institution", 1),
        ("vaiv", "2024-Q4", "students", "researcher_number", "bad_format", 1),
    ]


def check_load_history(frame: pl.DataFrame) -> None:
    # rows in: vaiv 2024-Q4 6 students + 2 projects + 3 papers; 2025-Q2 2 students (S6, S3
    # resent) + 2 destinations + 3 dispatches + 2 papers + 2 targets + 7 industry records;
    # 42maru 1 student + 1 project + 1 paper + 4 industry records
    assert rows(frame, "consortium_id", "period", "rows_in", "rows_accepted", "rows_rejected",
                "rejected_pct") == [
        ("42maru", "2025-Q2", 7, 7, 0, 0.0),
        ("vaiv", "2024-Q4", 11, 9, 2, 18.2),
        ("vaiv", "2025-Q2", 18, 18, 0, 0.0),
    ]


def check_joint_projects(frame: pl.DataFrame) -> None:
    assert rows(frame, "consortium_id", "project_number", "university_count", "is_joint",
                "universities_ko") == [
        ("42maru", "1711201201", 2, True, ["부산대학교", "성균관대학교"]),
        ("vaiv", "1711201101", 2, True, ["고려대학교", "서울대학교"]),
        ("vaiv", "1711201102", 1, False, ["연세대학교"]),
    ]


def check_degrees_by_year(frame: pl.DataFrame) -> None:
    assert rows(frame, "consortium_id", "graduation_year", "degree_awarded", "degrees") == [
        ("vaiv", 2024, "MS", 2)]


def check_publication_profile_by_year(frame: pl.DataFrame) -> None:
    # vaiv 2024: B1 (open access, NeurIPS, Vaiv co-author, first author S1) and B2 (closed,
    # arXiv, no company, first author S2); 2025: B4 (ACL, first author S3, a vaiv student)
    assert rows(frame, "consortium_id", "publication_year", "papers", "open_access",
                "top_venue", "industry_coauthored", "student_first_author") == [
        ("42maru", 2025, 1, 0, 1, 0, 0),
        ("vaiv", 2024, 2, 1, 1, 1, 2),
        ("vaiv", 2025, 1, 0, 1, 0, 1),
    ]


def check_data_completeness(frame: pl.DataFrame) -> None:
    # S3's resent row brings an ORCID iD (1 of vaiv's 5 students); B2 has only an arXiv id
    assert rows(frame, "consortium_id", "students", "with_orcid", "orcid_pct", "papers",
                "with_doi", "graduates_due", "destination_known", "destination_known_pct") == [
        ("42maru", 1, 0, 0.0, 1, 1, 0, 0, None),
        ("vaiv", 5, 1, 20.0, 3, 2, 2, 1, 50.0),
    ]


def check_active_students_by_quarter(frame: pl.DataFrame) -> None:
    assert rows(frame, "consortium_id", "period", "ms_students", "phd_students",
                "students") == [
        ("42maru", "2025-Q1", 1, 0, 1),  # M1 from 2025-03-02
        ("42maru", "2025-Q2", 1, 0, 1),
        ("vaiv", "2024-Q3", 2, 1, 3),  # S1, S8 and S2; S3 starts in October
        ("vaiv", "2024-Q4", 2, 2, 4),
        ("vaiv", "2025-Q1", 1, 2, 3),  # S6, S2, S3
        ("vaiv", "2025-Q2", 1, 2, 3),
    ]


CHECKS = {name.removeprefix("check_"): check for name, check in globals().items()
          if name.startswith("check_")}


def test_the_library_holds_at_least_ten_saved_queries_each_with_a_hand_worked_case() -> None:
    ids = [q.id for q in saved_queries()]
    assert len(ids) >= 10
    assert sorted(ids) == sorted(CHECKS)


def test_every_saved_query_has_titles_and_descriptions_in_both_languages() -> None:
    for query in saved_queries():
        assert query.title("ko") != query.title("en")
        assert query.description("ko") and query.description("en")


@pytest.mark.parametrize("query_id", sorted(CHECKS))
def test_saved_query_gives_the_hand_worked_rows(sandbox: Sandbox, query_id: str) -> None:
    CHECKS[query_id](run(sandbox, query_id))
