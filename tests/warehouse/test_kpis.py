"""Every KPI computed on the tiny program equals the value worked out by hand from its rows.

The tiny program (tests/tiny_program.py): vaiv reports 2024-Q4 and 2025-Q2, 42maru 2025-Q2; both
started 2024-07-01, so 2024 is program year 1 (two quarters) and 2025 program year 2. Values are
year to date, so a 2025-Q2 value covers 1 January to 30 June 2025. A second warehouse holds
the same program one quarter later (vaiv's 2025-Q3, `write_later_quarter`), for the KPIs that
need graduates 12 months out and for targets set at the status rule's boundaries. Every KPI in
the catalogue has at least one hand-worked value here; a new KPI without one fails the suite.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from warehouse import build, queries, store
from warehouse.catalogue import kpi_ids
from warehouse.connection import Reader


@pytest.fixture(scope="module")
def reader(tiny_warehouse: Path) -> Reader:
    source = Reader(tiny_warehouse)
    yield source
    source.close()


@pytest.fixture(scope="module")
def later(later_warehouse: Path) -> Reader:
    source = Reader(later_warehouse)
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
    # FTE = days of participation from 1 January to the quarter's end / days in the year
    ("student_fte", "vaiv", "2024-Q4", (62 + 122 + 78 + 62) / 366, "S1 1 Jul-31 Aug 62 days, "
     "S2 1 Sep-31 Dec 122, S3 15 Oct-31 Dec 78, S8 62; 2024 has 366 days"),
    ("student_fte", "vaiv", "2025-Q2", (181 + 171 + 121) / 365, "S2 1 Jan-30 Jun 181 days, "
     "S3 1 Jan-20 Jun 171 (withdrew), S6 2 Mar-30 Jun 121"),
    ("student_fte", "42maru", "2025-Q2", 121 / 365, "M1 2 Mar-30 Jun 121 days"),
    ("student_fte", "ALL", "2025-Q2", (181 + 171 + 121 + 121) / 365, "vaiv's 473 + 42maru's 121"),
    ("continuation_rate", "vaiv", "2025-Q1", 100.0, "S2 and S3 taking part on 1 January, both "
     "still on 31 March -> 2 of 2"),
    ("continuation_rate", "vaiv", "2025-Q2", 50.0, "S2 and S3 on 1 January; S3 withdrew on "
     "20 June -> 1 of 2"),
    ("dispatch_person_months", "vaiv", "2025-Q2", 12 * (61 + 11 + 16) / 365, "S2 at Vaiv "
     "1 Apr-31 May 61 days, S3 at Naver (a company) 10-20 Jun 11, S6 ongoing 15-30 Jun 16"),
    ("dispatch_person_months", "vaiv", "2024-Q4", 0, "no dispatch in 2024"),
    ("ai_industry_share", "vaiv", "2025-Q2", 100.0, "S1 at Naver, KSIC 63120 on the list; S8's "
     "destination is unknown, so no code -> 1 of 1"),
    ("consortium_hire_rate", "vaiv", "2025-Q2", 0.0, "S1 employed at Naver, not a vaiv member "
     "-> 0 of 1"),
    ("student_first_author_share", "vaiv", "2024-Q4", 100.0, "B1 first author Kim Minjun = S1, "
     "B2 Lee Seoyeon = S2 -> 2 of 2"),
    ("student_first_author_share", "42maru", "2025-Q2", 0.0, "B4's first author Park Jiho is "
     "vaiv's S3, not a 42maru student -> 0 of 1"),
    ("student_first_author_share", "ALL", "2025-Q2", 100.0, "B4 once program-wide, S3 first "
     "-> 1 of 1"),
    ("industry_coauthorship_share", "vaiv", "2024-Q4", 50.0, "B1 lists Vaiv Company; B2 no "
     "affiliation -> 1 of 2"),
    ("industry_coauthorship_share", "vaiv", "2025-Q2", 0.0, "B4 lists two universities only "
     "-> 0 of 1"),
    ("open_access_share", "vaiv", "2024-Q4", 50.0, "B1 open, B2 not -> 1 of 2"),
    ("open_access_share", "vaiv", "2025-Q2", 0.0, "B4 does not say, so counts as not open "
     "-> 0 of 1"),
    ("orcid_coverage", "vaiv", "2024-Q4", 25.0, "S1, S2, S3, S8 active; only S3's latest record "
     "has an ORCID -> 1 of 4"),
    ("orcid_coverage", "vaiv", "2025-Q2", 100 / 3, "S2, S3, S6 active; S3 has one -> 1 of 3"),
    ("orcid_coverage", "ALL", "2025-Q2", 25.0, "S2, S3, S6 and M1 -> 1 of 4"),
    ("doi_coverage", "vaiv", "2024-Q4", 50.0, "B1 has a DOI, B2 only an arXiv id -> 1 of 2"),
    ("doi_coverage", "42maru", "2025-Q2", 100.0, "B4 -> 1 of 1"),
    ("participating_universities", "vaiv", "2024-Q4", 3, "KU and SNU in 1711201101, Yonsei in "
     "1711201102; the lead company is not a university"),
    ("participating_universities", "42maru", "2025-Q2", 2, "Pusan and SKKU"),
    ("participating_universities", "ALL", "2025-Q2", 5, "3 + 2, none shared"),
    # industry (tests/tiny_program.py, 2025-Q2): vaiv gives 1,000,000 API tokens (500,000 won in
    # kind) and 4 H100 cards x 100 hours (2,000,000 won), Naver mentors 10 hours; 42maru gives
    # 200,000 API calls (1,000,000 won). P1 (filed 10 March) is reported by both and names a grant
    # of each; vaiv's US application names its project 1711201101; 42maru's P3 its 1711201201.
    ("gpu_hours_delivered", "vaiv", "2025-Q2", 400, "4 cards x 100 hours (NVIDIA H100 80GB)"),
    ("gpu_hours_delivered", "42maru", "2025-Q2", 0, "API calls only"),
    ("gpu_hours_delivered", "vaiv", "2024-Q4", 0, "no support sent in 2024"),
    ("api_tokens_delivered", "ALL", "2025-Q2", 1_000_000, "vaiv's tokens; 42maru's are calls"),
    ("mentoring_hours", "vaiv", "2025-Q2", 10, "Naver's mentoring for vaiv"),
    ("support_value_krw", "vaiv", "2025-Q2", 2_500_000, "'500000원' + 2,000,000, both in kind"),
    ("support_value_krw", "ALL", "2025-Q2", 3_500_000, "vaiv's 2,500,000 + 42maru's 1,000,000"),
    ("patents_filed", "vaiv", "2025-Q2", 2, "P1 (RS-2024-00397085) and the US application "
     "(1711201101)"),
    ("patents_filed", "42maru", "2025-Q2", 2, "P1 (also names 1711201201) and P3"),
    ("patents_filed", "ALL", "2025-Q2", 3, "P1 once program-wide, the US application, P3"),
    ("patents_filed_abroad", "ALL", "2025-Q2", 1, "the US application"),
    ("patents_registered", "ALL", "2025-Q2", 0, "none registered yet"),
    ("technology_transfers", "vaiv", "2025-Q2", 1, "KU-2025-001, a licence of P1"),
    ("technology_transfers", "42maru", "2025-Q2", 0, "none"),
    ("transfer_fees_krw", "ALL", "2025-Q2", 10_000_000, "KU-2025-001's fixed fee '10000000원'"),
    ("outcomes_in_services", "vaiv", "2025-Q2", 1, "KU-2025-001 went into 'AI 상담 챗봇'"),
    ("open_artefacts_released", "ALL", "2025-Q2", 2, "vaiv's model and 42maru's code"),
    ("gpu_hours_per_student_fte", "vaiv", "2025-Q2", 400 / ((181 + 171 + 121) / 365),
     "400 GPU-hours over vaiv's student FTE (see student_fte)"),
    ("gpu_hours_per_student_fte", "42maru", "2025-Q2", 0, "no compute for M1"),
    ("api_tokens_per_active_student", "vaiv", "2025-Q2", 1_000_000 / 3, "S2, S3, S6 active"),
    ("api_tokens_per_active_student", "ALL", "2025-Q2", 1_000_000 / 4, "4 active students"),
]

# The same program one quarter later: vaiv's 2025-Q3 adds S2's graduation (28 Feb 2025) with a
# 6-month destination at the lead company, S8's corrected 6-month destination (a bank) and the
# 12-month destinations of S1 (employed) and S8 (not employed), both due on 31 Aug 2025.
LATER_HAND_WORKED = [
    ("employment_rate_12m", "vaiv", "2025-Q3", 50.0, "S1 employed, S8 not -> 1 of 2"),
    ("employment_rate_12m", "vaiv", "2025-Q2", None, "12-month survey dates fall in August"),
    ("destination_coverage_12m", "vaiv", "2025-Q3", 100.0, "S1 and S8 due and known -> 2 of 2; "
     "S2's falls in 2026"),
    ("ai_industry_share", "vaiv", "2025-Q3", 200 / 3, "S1 63120 and S2 58222 on the list, S8 "
     "64110 (bank) not -> 2 of 3"),
    ("consortium_hire_rate", "vaiv", "2025-Q3", 100 / 3, "S2 at (주)바이브컴퍼니, the lead; S1 "
     "Naver and S8 a bank -> 1 of 3"),
    ("employment_rate_6m", "vaiv", "2025-Q3", 100.0, "S1, S2 and S8 all employed -> 3 of 3"),
    ("degrees_awarded", "vaiv", "2025-Q3", 1, "S2's PhD on 28 Feb 2025"),
    ("patents_registered", "vaiv", "2025-Q3", 1, "P1, filed in March, registered 20 August"),
    ("patents_filed", "vaiv", "2025-Q3", 2, "P1 and the US application: P1 sent again "
     "registered is still one patent"),
]


def _ids(cases: list[tuple]) -> list[str]:
    return [f"{k}-{c}-{p}" for k, c, p, _, _ in cases]


def expect(expected: float | None) -> object:
    """Exact for None, to the 9th digit for numbers (day counts divide into long fractions)."""
    return None if expected is None else pytest.approx(expected, rel=1e-9)


@pytest.mark.parametrize(("kpi_id", "consortium_id", "period", "expected", "why"), HAND_WORKED,
                         ids=_ids(HAND_WORKED))
def test_kpi_value_matches_the_hand_worked_value(reader: Reader, kpi_id: str,
                                                 consortium_id: str, period: str,
                                                 expected: float, why: str) -> None:
    assert value(reader, kpi_id, consortium_id, period)["value"] == expect(expected), why


@pytest.mark.parametrize(("kpi_id", "consortium_id", "period", "expected", "why"),
                         LATER_HAND_WORKED, ids=_ids(LATER_HAND_WORKED))
def test_kpi_value_a_quarter_later_matches_the_hand_worked_value(
        later: Reader, kpi_id: str, consortium_id: str, period: str, expected: float | None,
        why: str) -> None:
    assert value(later, kpi_id, consortium_id, period)["value"] == expect(expected), why


def test_every_catalogue_kpi_has_a_hand_worked_value() -> None:
    worked = {k for k, _, _, expected, _ in HAND_WORKED + LATER_HAND_WORKED
              if expected is not None}
    assert worked == kpi_ids(), f"missing: {sorted(kpi_ids() - worked)}"


def test_rates_carry_their_numerator_and_denominator(reader: Reader) -> None:
    row = value(reader, "destination_coverage_6m", "vaiv", "2025-Q2")
    assert (row["numerator"], row["denominator"]) == (1, 2)
    row = value(reader, "orcid_coverage", "vaiv", "2025-Q2")
    assert (row["numerator"], row["denominator"]) == (1, 3)


def test_fte_shows_participation_months_over_twelve(reader: Reader) -> None:
    row = value(reader, "student_fte", "42maru", "2025-Q2")
    # M1: 121 days of 365 -> 12 x 121 / 365 months
    assert row["numerator"] == pytest.approx(12 * 121 / 365)
    assert row["denominator"] == 12


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


@pytest.mark.parametrize(("kpi_id", "expected", "why"), [
    ("active_students", "on_track", "3 = agreed target 3: reaching the target is on track"),
    ("active_phd_students", "at_risk", "2 just under the target 2.001"),
    ("active_ms_students", "at_risk", "1 = 80% of 1.25 exactly: the at-risk floor is inclusive"),
    ("participating_universities", "behind", "3 < 80% of 3.76 = 3.008"),
])
def test_status_rule_at_agreed_targets_on_its_boundaries(later: Reader, kpi_id: str,
                                                         expected: str, why: str) -> None:
    assert value(later, kpi_id, "vaiv", "2025-Q2")["status"] == expected, why


def test_restated_destinations_change_earlier_quarters(later: Reader) -> None:
    # S8's 6-month destination is known in the later state: 2 of 2 now, was 1 of 2
    assert value(later, "destination_coverage_6m", "vaiv", "2025-Q2")["value"] == 100.0


def test_status_rule_for_lower_is_better_at_its_boundaries(later_warehouse: Path,
                                                            tmp_path: Path) -> None:
    # No KPI of the catalogue is lower-is-better yet, so the rule's 'down' branch is exercised
    # on a copy of the warehouse with four KPIs turned around and their targets set at its
    # boundaries: on track up to the target, at risk up to target / 80%, behind above.
    copy = tmp_path / "turned.duckdb"
    shutil.copy(store.current_file(later_warehouse), copy)
    targets = {"active_students": 3, "active_phd_students": 1.6, "active_ms_students": 0.999,
               "participating_universities": 2.39}
    with duckdb.connect(str(copy)) as con:
        for kpi_id, target in targets.items():
            con.execute("update raw_kpi_catalogue set direction = 'down' where kpi_id = ?",
                        [kpi_id])
            con.execute("update raw_target set target_value = ? where kpi_id = ?",
                        [target, kpi_id])
        build.create_views(con)
        status = dict(con.execute(
            "select kpi_id, status from kpi_scorecard where consortium_id = 'vaiv' "
            "and period = '2025-Q2' and list_contains(?, kpi_id)", [list(targets)]).fetchall())
    assert status == {
        "active_students": "on_track",  # 3 = target 3
        "active_phd_students": "at_risk",  # 2 = 1.6 / 0.8 exactly: the limit is inclusive
        "active_ms_students": "at_risk",  # 1 just over 0.999
        "participating_universities": "behind",  # 3 > 2.39 / 0.8 = 2.9875
    }
