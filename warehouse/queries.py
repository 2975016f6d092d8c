"""The one query module: every question the app and the reports ask of the warehouse.

Figures come from the `kpi_*` views only; labels (consortium names, the quarters with data) come
from the `dim_*` views, and the lists behind a figure (a consortium's projects and universities)
from the `fct_*` marts the KPI views count. Each function returns a polars frame and takes plain
values that are bound as parameters, never formatted into SQL. Functions are cheap to call;
caching belongs to the caller (the app caches per warehouse version in ui/data.py).
"""

from __future__ import annotations

import polars as pl

from warehouse.connection import FrameSource, reader

PROGRAM = "ALL"


def _reader(source: FrameSource | None) -> FrameSource:
    return source or reader()


def consortia(source: FrameSource | None = None) -> pl.DataFrame:
    """Consortia with their names, lead company, start date and how far their data reaches."""
    return _reader(source).frame(
        "select consortium_id, name_ko, name_en, lead_name_ko, lead_name_en, start_date, "
        "start_year, data_until_date, last_loaded_at from dim_consortium order by start_date, "
        "consortium_id")


def periods(source: FrameSource | None = None) -> list[str]:
    """Every quarter with data anywhere in the program, oldest first."""
    frame = _reader(source).frame(
        "select period from dim_consortium_period where consortium_id = ? order by period",
        [PROGRAM])
    return frame["period"].to_list()


def catalogue(source: FrameSource | None = None) -> pl.DataFrame:
    """The KPI catalogue as loaded into the warehouse, in display order."""
    return _reader(source).frame("select * from kpi_catalogue order by display_order")


def scorecard(period: str, consortium_ids: list[str] | None = None,
              source: FrameSource | None = None) -> pl.DataFrame:
    """Every KPI's value, target, projection and status in one quarter.

    `consortium_ids` limits the consortia shown; the program-wide row ('ALL') is always included.
    """
    wanted = [*(consortium_ids or []), PROGRAM]
    return _reader(source).frame(
        "select * from kpi_scorecard where period = ? "
        "and (? or list_contains(?, consortium_id)) "
        "order by display_order, consortium_id",
        [period, consortium_ids is None, wanted])


def trend(kpi_id: str, consortium_ids: list[str] | None = None,
          source: FrameSource | None = None) -> pl.DataFrame:
    """One KPI quarter by quarter (year-to-date values) for the chosen consortia and 'ALL'."""
    wanted = [*(consortium_ids or []), PROGRAM]
    return _reader(source).frame(
        "select kpi_id, consortium_id, period, calendar_year, quarter, program_year, value, "
        "numerator, denominator, target_value, projected_value, status from kpi_scorecard "
        "where kpi_id = ? and (? or list_contains(?, consortium_id)) "
        "order by consortium_id, period",
        [kpi_id, consortium_ids is None, wanted])


def program_year_scorecard(program_year: int, as_of: str,
                           consortium_ids: list[str] | None = None,
                           source: FrameSource | None = None) -> pl.DataFrame:
    """Every KPI of each consortium in its program year `program_year`, as of a quarter.

    Consortia start in different years, so a fair comparison sets each one's year N beside the
    others' year N: the row is its latest quarter in that program year up to `as_of` (the
    year-end quarter once the year is over). The program-wide row has no program year.
    """
    return _reader(source).frame(
        "select * exclude (recency) from ("
        "select *, row_number() over (partition by consortium_id, kpi_id "
        "order by period desc) as recency from kpi_scorecard "
        "where program_year = ? and period <= ? and consortium_id <> ? "
        "and (? or list_contains(?, consortium_id))"
        ") where recency = 1 order by display_order, consortium_id",
        [program_year, as_of, PROGRAM, consortium_ids is None, consortium_ids or []])


def consortium_projects(consortium_id: str, period: str,
                        source: FrameSource | None = None) -> pl.DataFrame:
    """The consortium's projects running in the year up to `period`, with their universities."""
    return _reader(source).frame(
        "with projects as (select * from fct_project_period where consortium_id = ? "
        "and period = ?), "
        "members as (select project_key, consortium_id, period, "
        "unnest(university_ids) as institution_id from projects), "
        "named as (select members.project_key, "
        "string_agg(universities.name_ko, ', ' order by universities.name_ko) as universities_ko, "
        "string_agg(universities.name_en, ', ' order by universities.name_en) as universities_en "
        "from members inner join fct_university_period as universities "
        "on universities.consortium_id = members.consortium_id "
        "and universities.period = members.period "
        "and universities.institution_id = members.institution_id "
        "group by members.project_key) "
        "select projects.project_number, projects.title, projects.start_date, "
        "projects.end_date, projects.university_count, projects.is_joint, "
        "named.universities_ko, named.universities_en "
        "from projects left join named on named.project_key = projects.project_key "
        "order by projects.start_date, projects.project_number",
        [consortium_id, period])


def consortium_universities(consortium_id: str, period: str,
                            source: FrameSource | None = None) -> pl.DataFrame:
    """Universities in the consortium's projects of the year up to `period`, with counts."""
    return _reader(source).frame(
        "select universities.institution_id, universities.name_ko, universities.name_en, "
        "universities.project_count, members.institution_id is not null as is_member "
        "from fct_university_period as universities "
        "left join dim_consortium_member as members "
        "on members.consortium_id = universities.consortium_id "
        "and members.institution_id = universities.institution_id "
        "where universities.consortium_id = ? and universities.period = ? "
        "order by universities.project_count desc, universities.name_ko",
        [consortium_id, period])


def consortium_history(consortium_id: str, source: FrameSource | None = None) -> pl.DataFrame:
    """Every KPI of one consortium in every quarter, for its page and year-on-year change."""
    return _reader(source).frame(
        "select * from kpi_scorecard where consortium_id = ? order by display_order, period",
        [consortium_id])


def load_history(source: FrameSource | None = None) -> pl.DataFrame:
    """Every successful load, newest first: who, when, which slice, counts and outcome."""
    return _reader(source).frame(
        "select load_id, consortium_id, period, submitted_by, loaded_by, loaded_at, "
        "rows_in, rows_accepted, rows_rejected, outcome from raw_load "
        "order by loaded_at desc, consortium_id, period")


def rejected_rows(load_id: str | None = None, source: FrameSource | None = None) -> pl.DataFrame:
    """Quarantined values with their reasons, for one load or all of them."""
    return _reader(source).frame(
        "select load_id, consortium_id, period, dataset, file_name, sheet, row_number, "
        "column_name, header, value_shown, reason_code, reason_en, reason_ko "
        "from raw_rejected_row where (? is null or load_id = ?) "
        "order by consortium_id, period, file_name, row_number, column_name",
        [load_id, load_id])


def scorecard_until(period: str, source: FrameSource | None = None) -> pl.DataFrame:
    """Every KPI row of every consortium and the program up to and including one quarter."""
    return _reader(source).frame(
        "select * from kpi_scorecard where period <= ? "
        "order by display_order, consortium_id, period", [period])


def build_info(source: FrameSource | None = None) -> dict:
    """When the warehouse was built, from which SQL, and the newest load it holds."""
    frame = _reader(source).frame(
        "select build.code_fingerprint, build.built_at, "
        "(select max(last_loaded_at) from dim_consortium) as data_loaded_at "
        "from raw_build_info as build")
    return frame.row(0, named=True) if frame.height else {}
