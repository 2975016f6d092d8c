"""Every KPI computed on the tiny program equals the value worked out by hand from its rows.

The tiny program (tests/tiny_program.py): vaiv reports 2024-Q4 and 2025-Q2, 42maru 2025-Q2; both
started 2024-07-01, so 2024 is program year 1 (two quarters) and 2025 program year 2. Values are
year to date, so a 2025-Q2 value covers 1 January to 30 June 2025.
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


def value(reader: Reader, kpi_id: str, consortium_id: str, period: str) -> dict:
    frame = queries.trend(kpi_id, [consortium_id], reader)
    rows = frame.filter((frame["consortium_id"] == consortium_id) & (frame["period"] == period))
    assert rows.height == 1, f"expected one {kpi_id} row for {consortium_id} {period}"
    return rows.row(0, named=True)


# (kpi, consortium, quarter, value worked out by hand, why)
HAND_WORKED = [
    ("active_students", "vaiv", "2024-Q3", 3, "S1, S8 from July, S2 from September; S3 starts "
     "in October; the two rejected rows never count"),
    ("active_students", "vaiv", "2024-Q4", 4, "S1, S2, S3, S8"),
    ("active_students", "vaiv", "2025-Q2", 3, "S2, S3, S6; S1 and S8 left in August 2024"),
    ("active_students", "42maru", "2025-Q2", 1, "M1"),
    ("active_students", "ALL", "2025-Q2", 4, "3 + 1, nobody in both"),
    ("active_ms_students", "vaiv", "2024-Q4", 2, "S1, S8"),
    ("active_phd_students", "vaiv", "2024-Q4", 2, "S2 (PhD) and S3 (integrated)"),
    ("active_ms_students", "vaiv", "2025-Q2", 1, "S6"),
    ("degrees_awarded", "vaiv", "2024-Q4", 2, "S1 and S8 graduated 2024-08-31"),
    ("degrees_awarded", "vaiv", "2025-Q2", 0, "nobody graduated in 2025"),
    ("dispatched_researchers", "vaiv", "2025-Q2", 1, "S2 61 days; S3 11 days; S6 ongoing, "
     "16 days by 30 June"),
    ("dispatched_researchers", "vaiv", "2024-Q4", 0, "no dispatch in 2024"),
    ("active_joint_projects", "vaiv", "2024-Q4", 1, "1711201101 has two universities; "
     "1711201102 only one"),
    ("active_joint_projects", "ALL", "2025-Q2", 2, "one per consortium"),
    ("acknowledged_publications", "vaiv", "2024-Q4", 2, "B1 (grant) and B2 (project); B3 "
     "acknowledges another number"),
    ("acknowledged_publications", "vaiv", "2024-Q3", 0, "B1 is November, B2 December"),
    ("acknowledged_publications", "vaiv", "2025-Q2", 1, "B4; B1 resent but published in 2024"),
    ("acknowledged_publications", "42maru", "2025-Q2", 1, "B4 with the DOI spelled otherwise"),
    ("acknowledged_publications", "ALL", "2025-Q2", 1, "B4 is shared: once program-wide"),
    ("top_venue_publications", "vaiv", "2024-Q4", 1, "B1 at NeurIPS"),
    ("top_venue_publications", "vaiv", "2025-Q2", 1, "B4 at ACL, by its full name"),
    ("employment_rate_6m", "vaiv", "2025-Q2", 100.0, "S1 employed; S8 unknown is left out"),
    ("destination_coverage_6m", "vaiv", "2025-Q2", 50.0, "S1 known, S8 unknown"),
]


@pytest.mark.parametrize(("kpi_id", "consortium_id", "period", "expected", "why"), HAND_WORKED,
                         ids=[f"{k}-{c}-{p}" for k, c, p, _, _ in HAND_WORKED])
def test_kpi_value_matches_the_hand_worked_value(reader: Reader, kpi_id: str,
                                                 consortium_id: str, period: str,
                                                 expected: float, why: str) -> None:
    assert value(reader, kpi_id, consortium_id, period)["value"] == expected, why


def test_rates_carry_their_numerator_and_denominator(reader: Reader) -> None:
    row = value(reader, "destination_coverage_6m", "vaiv", "2025-Q2")
    assert (row["numerator"], row["denominator"]) == (1, 2)


def test_a_rate_with_nobody_due_has_no_value_and_no_data_status(reader: Reader) -> None:
    row = value(reader, "employment_rate_6m", "vaiv", "2024-Q4")
    assert row["value"] is None
    assert row["status"] == "no_data"


def test_program_years_follow_each_consortiums_start(reader: Reader) -> None:
    assert value(reader, "active_students", "vaiv", "2024-Q4")["program_year"] == 1
    assert value(reader, "active_students", "vaiv", "2025-Q2")["program_year"] == 2


def test_the_calls_floor_applies_from_its_program_year(reader: Reader) -> None:
    assert value(reader, "active_students", "vaiv", "2024-Q4")["target_value"] == 24
    assert value(reader, "dispatched_researchers", "vaiv", "2024-Q4")["target_value"] is None
    assert value(reader, "dispatched_researchers", "42maru", "2025-Q2")["target_value"] == 3


def test_an_agreed_target_overrides_the_calls_floor(reader: Reader) -> None:
    assert value(reader, "dispatched_researchers", "vaiv", "2025-Q2")["target_value"] == 2.5


def test_flow_kpis_project_the_run_rate_to_year_end(reader: Reader) -> None:
    # one dispatch in two quarters of four -> two by year end
    assert value(reader, "dispatched_researchers", "vaiv", "2025-Q2")["projected_value"] == 2
    # program year 1 has only two quarters (start 2024-07-01): Q4 is the whole year
    assert value(reader, "acknowledged_publications", "vaiv", "2024-Q4")["projected_value"] == 2


def test_stock_kpis_project_their_current_value(reader: Reader) -> None:
    assert value(reader, "active_students", "vaiv", "2025-Q2")["projected_value"] == 3


@pytest.mark.parametrize(("kpi_id", "consortium_id", "expected", "why"), [
    ("acknowledged_publications", "vaiv", "on_track", "projection 2 = target 2"),
    ("dispatched_researchers", "vaiv", "at_risk", "projection 2 = 80% of target 2.5"),
    ("dispatched_researchers", "42maru", "behind", "projection 0 < 80% of 3"),
    ("active_joint_projects", "vaiv", "behind", "1 < 80% of 2"),
    ("degrees_awarded", "vaiv", "no_target", "the call sets no floor"),
])
def test_status_rule_at_its_boundaries(reader: Reader, kpi_id: str, consortium_id: str,
                                       expected: str, why: str) -> None:
    assert value(reader, kpi_id, consortium_id, "2025-Q2")["status"] == expected, why
