"""The industry page's questions give the tiny program's hand-worked answers.

The tiny program's 2025-Q2 industry records (tests/tiny_program.py): vaiv gives API tokens
(500,000 won in kind) and 4 H100 cards x 100 hours (2,000,000 won in kind), Naver mentors for
10 hours; 42maru gives 200,000 API calls (1,000,000 won in kind). Patent P1 is reported by both
consortia (it names a project of each), so it is one patent program-wide; vaiv also files a US
application, 42maru P3. P1 is licensed and taken into a service. Each consortium releases one
artefact. Acknowledged papers up to 2025-Q2: B1, B2 and B4 (B4 shared).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from warehouse import queries
from warehouse.connection import Reader


@pytest.fixture(scope="module")
def reader(tiny_warehouse: Path) -> Iterator[Reader]:
    opened = Reader(tiny_warehouse)
    yield opened
    opened.close()


def links(frame) -> dict[tuple[str, str], int]:
    return {(r["source_stage"], r["target_stage"]): r["records"]
            for r in frame.iter_rows(named=True)}


def test_support_is_shown_per_company_and_quarter_in_native_units_and_won(reader) -> None:
    rows = {(r["consortium_id"], r["provider_institution_id"]): r for r in
            queries.industry_support("2025-Q2", None, reader).iter_rows(named=True)}
    assert set(rows) == {("vaiv", "vaiv"), ("vaiv", "naver"), ("42maru", "42maru")}
    vaiv = rows[("vaiv", "vaiv")]
    assert (vaiv["period"], vaiv["in_kind_krw"], vaiv["cash_krw"], vaiv["gpu_hours"],
            vaiv["api_tokens"], vaiv["is_lead_provider"]) == \
        ("2025-Q2", 500_000 + 2_000_000, 0, 4 * 100, 1_000_000, True)
    naver = rows[("vaiv", "naver")]
    assert (naver["mentoring_hours"], naver["in_kind_krw"], naver["is_lead_provider"]) == \
        (10, 0, False)
    assert rows[("42maru", "42maru")]["api_calls"] == 200_000


def test_nothing_is_shown_before_the_support_began(reader) -> None:
    assert queries.industry_support("2024-Q4", None, reader).height == 0


def test_the_flow_counts_each_output_once_across_consortia(reader) -> None:
    assert links(queries.industry_flow("2025-Q2", None, reader)) == {
        ("projects", "papers"): 3, ("projects", "patents"): 3, ("projects", "artefacts"): 2,
        ("patents", "transfers"): 1, ("projects", "transfers"): 0,
        ("transfers", "services"): 1}


def test_the_flow_of_one_consortium_holds_only_its_outputs(reader) -> None:
    assert links(queries.industry_flow("2025-Q2", ["42maru"], reader)) == {
        ("projects", "papers"): 1, ("projects", "patents"): 2, ("projects", "artefacts"): 1,
        ("patents", "transfers"): 0, ("projects", "transfers"): 0,
        ("transfers", "services"): 0}


def test_records_match_inventors_to_the_consortiums_own_students(reader) -> None:
    patents = queries.industry_records("patents", "2025-Q2", None, reader)
    counted = {(r["consortium_id"], r["patent_id"]): r["student_inventor_count"]
               for r in patents.iter_rows(named=True)}
    # S3 (vaiv) invented P1: a student of vaiv, not of 42maru; M1 invented P3 for 42maru
    assert counted == {("vaiv", "KR:10-2025-0001111"): 1, ("vaiv", "US:US 19/000111"): 0,
                       ("42maru", "KR:10-2025-0001111"): 0,
                       ("42maru", "KR:10-2025-0002222"): 1}
    transfers = queries.industry_records("transfers", "2025-Q2", ["vaiv"], reader)
    assert transfers.select("fixed_fee_krw", "received_to_date_krw", "service",
                            "patent_ids").row(0) == \
        (10_000_000, 5_000_000, "AI 상담 챗봇", ["KR:10-2025-0001111"])


def test_unknown_record_kinds_are_refused(reader) -> None:
    with pytest.raises(ValueError, match="unknown industry record kind"):
        queries.industry_records("people", "2025-Q2", None, reader)


def test_gpu_hours_break_down_by_model_and_add_up_to_the_kpi(reader) -> None:
    rows = queries.gpu_hours_by_model("2025-Q2", ["vaiv"], reader).rows()
    # 'NVIDIA H100 80GB' was sent; it is the H100
    assert rows == [("ALL", "H100", 400), ("vaiv", "H100", 400)]
