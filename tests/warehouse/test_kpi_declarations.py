"""A KPI is one catalogue entry: its view and its records come from the declaration alone.

A test catalogue (the real one plus the entries below, written to a temporary file and chosen
with OUTCOMES_KPI_CATALOGUE) is built into a copy of the tiny program's warehouse: a count, a
rate, KPIs over a mart with dates (quarter, trailing 12 months, at the quarter's end) and a
hand-written KPI, each with a value worked out by hand from the tiny program
(tests/warehouse/test_kpis.py says who is who), and records that add up to it.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import polars as pl
import pytest

import config
from warehouse import build, catalogue, kpi_sql, store
from warehouse.records import kpi_records

REAL_CATALOGUE = config.PROJECT_ROOT / "warehouse" / "catalogue.toml"
EXTRA = """
[[kpi]]
id = "students_with_orcid"
domain = "talent"
name_ko = "ORCID 보유 학생 수"
name_en = "Students with an ORCID iD"
definition_ko = "ORCID가 있는 참여 학생 수."
definition_en = "Active students with an ORCID iD."
numerator = "active students with an ORCID iD"
unit = "people"
direction = "up"
accumulation = "stock"
source = "students (참여학생)"

[kpi.figure]
mart = "fct_student_period"
count_distinct = "student_key"
filter = "has_orcid"

[[kpi]]
id = "phd_share"
domain = "talent"
name_ko = "박사과정 비율"
name_en = "PhD share of active students"
definition_ko = "참여 학생 중 박사과정(석박통합 포함) 비율."
definition_en = "Of the active students, the share on the PhD track."
numerator = "active students on the PhD track"
denominator = "active students"
unit = "percent"
direction = "up"
accumulation = "rate"
source = "students (참여학생)"

[kpi.figure]
mart = "fct_student_period"
count_distinct = "student_key"
numerator = "degree_level = 'PhD'"

[[kpi]]
id = "degrees_in_quarter"
domain = "talent"
name_ko = "분기 학위 취득자 수"
name_en = "Degrees awarded in the quarter"
definition_ko = "해당 분기에 학위를 취득한 학생 수."
definition_en = "Degrees awarded in the quarter alone."
numerator = "graduations dated in the quarter"
unit = "people"
direction = "up"
accumulation = "flow"
source = "students (참여학생)"

[kpi.figure]
mart = "fct_degree"
count = "student_key"
date = "graduation_date"
window = "quarter"

[[kpi]]
id = "degrees_last_12_months"
domain = "talent"
name_ko = "최근 12개월 학위 취득자 수"
name_en = "Degrees awarded in the last 12 months"
definition_ko = "분기 말까지 12개월 동안 학위를 취득한 학생 수."
definition_en = "Degrees awarded in the 12 months to the quarter's end."
numerator = "graduations dated in the 12 months to the quarter's end"
unit = "people"
direction = "up"
accumulation = "stock"
source = "students (참여학생)"

[kpi.figure]
mart = "fct_degree"
count = "student_key"
date = "graduation_date"
window = "trailing_12_months"

[[kpi]]
id = "researchers_at_companies"
domain = "talent"
name_ko = "분기 말 기업 파견 중인 연구자 수"
name_en = "Researchers at a company at the quarter's end"
definition_ko = "분기 말에 기업에 파견 중인 연구자 수."
definition_en = "Researchers on a company dispatch on the quarter's last day."
numerator = "people whose company stay covers the quarter's last day"
unit = "people"
direction = "up"
accumulation = "stock"
source = "dispatches (파견)"

[kpi.figure]
mart = "fct_dispatch"
count_distinct = "person_key"
filter = "is_company_host"
date = "start_date"
end_date = "end_date"
window = "at_period_end"

[[kpi]]
id = "months_per_student"
domain = "talent"
name_ko = "학생당 참여 개월"
name_en = "Participation months per active student"
definition_ko = "참여 학생 한 명당 평균 참여 개월 수."
definition_en = "Participation months of the year so far per active student."
numerator = "participation months"
denominator = "active students"
unit = "count"
direction = "up"
accumulation = "stock"
source = "students (참여학생)"

[kpi.figure]
sql = "kpi_months_per_student.sql"
mart = "fct_student_period"
sum = "participation_months"
"""

HAND_WRITTEN = """-- Participation months per active student: a mean, which no declaration gives.
with periods as (
    select * from dim_consortium_period
    where consortium_id <> 'ALL'
),

students as (
    select * from fct_student_period
),

final as (
    select
        coalesce(periods.consortium_id, 'ALL') as consortium_id,
        periods.period,
        sum(students.participation_months) / nullif(count(distinct students.student_key), 0)
            as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator
    from periods
    left join students
        on students.consortium_id = periods.consortium_id
        and students.period = periods.period
    group by grouping sets ((periods.consortium_id, periods.period), (periods.period))
)

select * from final
"""

# (kpi, consortium, quarter, value worked out by hand, records counted, why)
HAND_WORKED = [
    ("students_with_orcid", "vaiv", "2024-Q4", 1, 1, "S1, S2, S3, S8 active; only S3 has one"),
    ("phd_share", "vaiv", "2025-Q2", 200 / 3, 3, "S2 PhD, S3 integrated, S6 Masters -> 2 of 3"),
    ("phd_share", "ALL", "2025-Q2", 50.0, 4, "and 42maru's M1, a Masters student -> 2 of 4"),
    ("degrees_in_quarter", "vaiv", "2024-Q3", 2, 2, "S1 and S8 graduated on 31 August 2024"),
    ("degrees_in_quarter", "vaiv", "2024-Q4", 0, 0, "nobody graduated in Q4"),
    ("degrees_last_12_months", "vaiv", "2025-Q2", 2, 2, "1 July 2024 to 30 June 2025: S1, S8"),
    ("researchers_at_companies", "vaiv", "2025-Q2", 1, 1, "S6's stay from 15 June is ongoing; "
     "S2 left on 31 May, S3 on 20 June"),
    ("researchers_at_companies", "vaiv", "2025-Q1", 0, 0, "no stay began before April"),
    ("months_per_student", "42maru", "2025-Q2", 12 * 121 / 365, 1, "M1 2 Mar-30 Jun 121 days"),
]


class Connection:
    """A FrameSource over one open DuckDB connection."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def frame(self, sql: str, params: list | None = None) -> pl.DataFrame:
        return self.con.sql(sql, params=params or None).pl()


@pytest.fixture(scope="module")
def extended(tiny_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[
        Connection]:
    """The tiny warehouse rebuilt with the test catalogue in use."""
    folder = tmp_path_factory.mktemp("catalogue")
    test_catalogue = folder / "catalogue.toml"
    # the real catalogue's hand-written views stay where they are: name them by absolute path
    real = REAL_CATALOGUE.read_text(encoding="utf-8").replace(
        'sql = "sql/', f'sql = "{REAL_CATALOGUE.parent}/sql/')
    test_catalogue.write_text(real + EXTRA, encoding="utf-8")
    (folder / "kpi_months_per_student.sql").write_text(HAND_WRITTEN, encoding="utf-8")
    copy = folder / "warehouse.duckdb"
    shutil.copy(store.current_file(tiny_warehouse), copy)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OUTCOMES_KPI_CATALOGUE", str(test_catalogue))
        con = duckdb.connect(str(copy))
        build.build(con)
        yield Connection(con)
        con.close()


@pytest.mark.parametrize(("kpi_id", "consortium_id", "period", "expected", "records", "why"),
                         HAND_WORKED, ids=[f"{k}-{c}-{p}" for k, c, p, *_ in HAND_WORKED])
def test_a_kpi_declared_only_in_a_catalogue_entry_gets_its_view_and_records(
        extended: Connection, kpi_id: str, consortium_id: str, period: str, expected: float,
        records: int, why: str) -> None:
    row = extended.frame("select value, numerator, denominator from kpi_scorecard "
                         "where kpi_id = ? and consortium_id = ? and period = ?",
                         [kpi_id, consortium_id, period]).row(0, named=True)
    assert row["value"] == pytest.approx(expected, rel=1e-9), why
    found = kpi_records(kpi_id, period, None if consortium_id == "ALL" else [consortium_id],
                        extended)
    assert found.height == records, why
    if row["numerator"] is not None:
        assert found["is_counted"].sum() == row["numerator"], why


def test_the_catalogues_own_kpis_are_untouched_by_the_additions(extended: Connection) -> None:
    value = extended.frame("select value from kpi_value where kpi_id = 'active_students' "
                           "and consortium_id = 'ALL' and period = '2025-Q2'").item()
    assert value == 4


def test_counts_read_from_a_rollup_equal_the_records_they_summarise(
        tiny_warehouse: Path) -> None:
    con = duckdb.connect(str(store.current_file(tiny_warehouse)), read_only=True)
    try:
        for entry in catalogue.kpis():
            if entry.figure.counts_from is None:
                continue
            direct = dataclasses.replace(
                entry, figure=dataclasses.replace(entry.figure, counts_from=None))
            rolled, counted = (con.sql(kpi_sql.view_sql(k)).order("consortium_id, period").pl()
                               for k in (entry, direct))
            assert rolled.height > 0
            assert rolled.equals(counted), entry.id
    finally:
        con.close()


@pytest.mark.parametrize(("figure", "complaint"), [
    ('mart = "fct_student_period"\ncount = "student_key"\nsum = "participation_months"',
     "exactly one of"),
    ('mart = "fct_degree"\ncount = "student_key"\nwindow = "quarter"', "needs the record's `date`"),
    ('mart = "fct_student_period"\ncount = "student_key"\ncolour = "blue"',
     "unknown [kpi.figure] keys ['colour']"),
    ('mart = "fct_student_period"\ncount = "student_key"\nnumerator = "has_orcid"',
     "accumulation 'rate' goes with a figure `numerator`"),
])
def test_a_declaration_the_generator_cannot_render_is_refused_by_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, figure: str, complaint: str) -> None:
    entry = EXTRA.split("[kpi.figure]")[0] + f"[kpi.figure]\n{figure}\n"
    path = tmp_path / "catalogue.toml"
    path.write_text(REAL_CATALOGUE.read_text(encoding="utf-8") + entry, encoding="utf-8")
    monkeypatch.setenv("OUTCOMES_KPI_CATALOGUE", str(path))
    with pytest.raises(ValueError, match="students_with_orcid") as error:
        catalogue.kpis()
    assert complaint in str(error.value)



def test_a_kpi_broken_down_by_a_column_of_its_mart_adds_up_to_its_parts(
        tiny_warehouse: Path) -> None:
    con = duckdb.connect(str(store.current_file(tiny_warehouse)), read_only=True)
    try:
        rows = con.sql(kpi_sql.view_sql(catalogue.kpi("active_students"), by="degree_level"))
        found = {(c, p, level): value for c, p, level, value in rows.select(
            "consortium_id, period, degree_level, value").fetchall()}
    finally:
        con.close()
    # vaiv 2024-Q4: S1 and S8 Masters, S2 PhD and S3 integrated; 2025-Q2 program-wide: S6 and
    # 42maru's M1 Masters, S2 and S3 on the PhD track
    assert (found[("vaiv", "2024-Q4", "MS")], found[("vaiv", "2024-Q4", "PhD")]) == (2, 2)
    assert (found[("ALL", "2025-Q2", "MS")], found[("ALL", "2025-Q2", "PhD")]) == (2, 2)


def test_a_breakdown_refuses_what_is_not_a_column_name() -> None:
    with pytest.raises(ValueError, match="active_students"):
        kpi_sql.view_sql(catalogue.kpi("active_students"), by="1; drop table x")


def test_a_file_beside_a_generated_kpi_view_is_refused_not_silently_replaced(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sql = tmp_path / "sql"
    shutil.copytree(build.SQL_DIR, sql)
    (sql / "kpi" / "kpi_active_students.sql").write_text("select 1 as value\n", encoding="utf-8")
    monkeypatch.setattr(build, "SQL_DIR", sql)
    with duckdb.connect() as con, pytest.raises(ValueError, match="kpi_active_students"):
        build.create_views(con)
