"""The page breakdowns on the tiny program equal what its rows give when worked out by hand.

People in the tiny program (tests/tiny_program.py): vaiv has S1 and S8 (MS, took part from July
2024, graduated 31 August 2024), S2 (PhD, from September 2024), S3 (integrated, from 15 October
2024, withdrew 20 June 2025) and S6 (MS, from March 2025); 42maru has M1 (MS, from March 2025).
S1 was employed at Naver (KSIC 63120, on the AI-industry list) six months on; S8's destination is
unknown. Papers: B1 (NeurIPS, Nov 2024, open access, Vaiv Company co-author, first author S1),
B2 (arXiv, Dec 2024, first author S2) for vaiv; B4 (ACL, May 2025, first author S3) shared by
vaiv and 42maru. Dispatches in 2025: S2 61 days and S6 16 days (to 30 June) at Vaiv Company,
S3 11 days at Naver.
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


def test_the_pipeline_narrows_from_taking_part_to_a_destination(reader: Reader) -> None:
    frame = queries.talent_pipeline("2025-Q2", None, reader)
    # six took part; S1 and S8 graduated; both reached six months (28 Feb 2025); only S1's
    # destination is known, and S1 is employed
    assert dict(frame.iter_rows()) == {"took_part": 6, "graduated": 2, "due_6m": 2,
                                       "known_6m": 1, "employed_or_studying_6m": 1}


def test_the_pipeline_counts_only_what_had_happened_by_the_quarters_end(reader: Reader) -> None:
    frame = queries.talent_pipeline("2024-Q4", None, reader)
    # S6 and M1 start in 2025; the six-month point of S1 and S8 is in February 2025
    assert dict(frame.iter_rows()) == {"took_part": 4, "graduated": 2, "due_6m": 0,
                                       "known_6m": 0, "employed_or_studying_6m": 0}


def test_cohorts_follow_the_year_students_started(reader: Reader) -> None:
    rows = {r["start_year"]: r for r in
            queries.talent_cohorts("2025-Q2", None, reader).iter_rows(named=True)}
    # 2024: S1, S8 graduated, S2 still active, S3 withdrew in June 2025 -> 3 of 4 continue
    assert (rows[2024]["started"], rows[2024]["active"], rows[2024]["graduated"],
            rows[2024]["left_program"], rows[2024]["continuing_pct"]) == (4, 1, 2, 1, 75.0)
    # 2025: S6 and M1, both active
    assert (rows[2025]["started"], rows[2025]["active"], rows[2025]["continuing_pct"]) == (
        2, 2, 100.0)


def test_a_student_who_withdraws_later_is_still_active_at_an_earlier_quarter(
        reader: Reader) -> None:
    rows = queries.talent_cohorts("2024-Q4", ["vaiv"], reader).to_dicts()
    assert [(r["start_year"], r["active"], r["left_program"]) for r in rows] == [(2024, 2, 0)]


def test_publications_by_year_count_each_shared_paper_once(reader: Reader) -> None:
    rows = {r["publication_year"]: r for r in
            queries.publications_by_year("2025-Q2", None, reader).iter_rows(named=True)}
    # 2024: B1 and B2; B1 is at a top venue, open access and co-authored with Vaiv Company
    assert (rows[2024]["papers"], rows[2024]["top_venue_papers"],
            rows[2024]["student_first_author_papers"], rows[2024]["industry_coauthored_pct"],
            rows[2024]["open_access_pct"]) == (2, 1, 2, 50.0, 50.0)
    # 2025: B4 once although both consortia report it; its first author is vaiv's student S3
    assert (rows[2025]["papers"], rows[2025]["top_venue_papers"],
            rows[2025]["student_first_author_pct"], rows[2025]["open_access_papers"]) == (
        1, 1, 100.0, 0)


def test_a_paper_counts_a_student_first_author_only_for_that_students_consortium(
        reader: Reader) -> None:
    rows = queries.publications_by_year("2025-Q2", ["42maru"], reader).to_dicts()
    assert [(r["publication_year"], r["papers"], r["student_first_author_papers"])
            for r in rows] == [(2025, 1, 0)]


def test_dispatch_summary_counts_people_months_and_host_companies(reader: Reader) -> None:
    rows = {r["consortium_id"]: r for r in
            queries.dispatch_summary("2025-Q2", None, reader).iter_rows(named=True)}
    assert set(rows) == {"vaiv", "ALL"}
    vaiv = rows["vaiv"]
    # S2, S3 and S6; only S2 stayed 28 days or more; Vaiv Company and Naver
    assert (vaiv["people"], vaiv["qualifying_people"], vaiv["host_companies"]) == (3, 1, 2)
    assert vaiv["person_months"] == pytest.approx(12 * (61 + 11 + 16) / 365)


def test_dispatch_hosts_split_person_months_by_company(reader: Reader) -> None:
    rows = {r["host_institution_id"]: r for r in
            queries.dispatch_hosts("2025-Q2", ["vaiv"], reader).iter_rows(named=True)}
    assert rows["vaiv"]["people"] == 2
    assert rows["vaiv"]["person_months"] == pytest.approx(12 * (61 + 16) / 365)
    assert (rows["naver"]["people"], rows["naver"]["host_name_ko"]) == (1, "네이버")


def test_no_dispatches_give_no_rows(reader: Reader) -> None:
    assert queries.dispatch_summary("2025-Q2", ["42maru"], reader).height == 0
    assert queries.dispatch_hosts("2024-Q4", None, reader).height == 0


def test_graduate_destinations_add_up_to_the_graduates_due(reader: Reader) -> None:
    rows = queries.graduate_destinations("2025-Q2", None, reader).to_dicts()
    # S1 at Naver (AI industry), S8 unknown; the 12-month point (31 Aug 2025) is not reached
    assert [(r["graduation_year"], r["months_after_graduation"], r["destination_group"],
             r["graduates"]) for r in rows] == [(2024, 6, "ai_industry", 1),
                                                (2024, 6, "unknown", 1)]
    assert queries.graduate_destinations("2024-Q4", None, reader).height == 0


def test_freshness_shows_each_consortiums_latest_quarter_and_lag(reader: Reader) -> None:
    rows = {r["consortium_id"]: r for r in
            queries.freshness("2025-Q2", ["vaiv"], reader).iter_rows(named=True)}
    # the 2025 consortia have sent nothing yet and are listed anyway; 42maru was not chosen
    assert set(rows) == {"vaiv", "lg-ai", "nc-ai", "keti"}
    assert (rows["vaiv"]["last_period"], rows["vaiv"]["loads"],
            rows["vaiv"]["quarters_behind"]) == ("2025-Q2", 2, 0)
    assert (rows["lg-ai"]["last_period"], rows["lg-ai"]["loads"],
            rows["lg-ai"]["quarters_behind"]) == (None, 0, None)
