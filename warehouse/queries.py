"""The one query module: every question the app and the reports ask of the warehouse.

Figures come from the `kpi_*` views only; labels (consortium names, the quarters with data) come
from the `dim_*` views. Each function returns a polars frame and takes plain values that are
bound as parameters, never formatted into SQL. Functions are cheap to call; caching belongs to
the caller (the app caches per warehouse version in ui/data.py).
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


def consortium_history(consortium_id: str, source: FrameSource | None = None) -> pl.DataFrame:
    """Every KPI of one consortium in every quarter, for its page and year-on-year change."""
    return _reader(source).frame(
        "select * from kpi_scorecard where consortium_id = ? order by display_order, period",
        [consortium_id])


def schema_columns(source: FrameSource | None = None) -> pl.DataFrame:
    """Every table and view with its columns, types and descriptions, for the schema browser."""
    return _reader(source).frame(
        "with relations as ("
        " select table_name as relation_name, 'table' as relation_kind, comment "
        " from duckdb_tables() where schema_name = 'main' and database_name = current_database()"
        " union all"
        " select view_name, 'view', comment from duckdb_views() where schema_name = 'main' "
        " and database_name = current_database() and not internal) "
        "select relations.relation_name, relations.relation_kind, "
        "relations.comment as relation_description, columns.column_name, columns.data_type, "
        "columns.comment as column_description from relations "
        "inner join duckdb_columns() as columns on columns.table_name = relations.relation_name "
        "and columns.schema_name = 'main' and columns.database_name = current_database() "
        "order by case when relations.relation_name like 'kpi%' then 1 "
        "when relations.relation_name like 'raw%' then 4 "
        "when relations.relation_name like 'stg%' then 3 else 2 end, "
        "relations.relation_name, columns.column_index")


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
