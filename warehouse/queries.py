"""The one query module: every question the app and the reports ask of the warehouse.

Figures come from the `kpi_*` views only; labels (consortium names, the quarters with data) come
from the `dim_*` views. Each function returns a polars frame and takes plain values that are
bound as parameters, never formatted into SQL. Functions are cheap to call; caching belongs to
the caller (the app caches per warehouse version in ui/data.py).
"""

from __future__ import annotations

import polars as pl

from warehouse.connection import Reader, reader

PROGRAM = "ALL"


def _reader(source: Reader | None) -> Reader:
    return source or reader()


def consortia(source: Reader | None = None) -> pl.DataFrame:
    """Consortia with their names, lead company, start date and how far their data reaches."""
    return _reader(source).frame(
        "select consortium_id, name_ko, name_en, lead_name_ko, lead_name_en, start_date, "
        "start_year, data_until_date, last_loaded_at from dim_consortium order by start_date, "
        "consortium_id")


def periods(source: Reader | None = None) -> list[str]:
    """Every quarter with data anywhere in the program, oldest first."""
    frame = _reader(source).frame(
        "select period from dim_consortium_period where consortium_id = ? order by period",
        [PROGRAM])
    return frame["period"].to_list()


def catalogue(source: Reader | None = None) -> pl.DataFrame:
    """The KPI catalogue as loaded into the warehouse, in display order."""
    return _reader(source).frame("select * from kpi_catalogue order by display_order")


def scorecard(period: str, consortium_ids: list[str] | None = None,
              source: Reader | None = None) -> pl.DataFrame:
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
          source: Reader | None = None) -> pl.DataFrame:
    """One KPI quarter by quarter (year-to-date values) for the chosen consortia and 'ALL'."""
    wanted = [*(consortium_ids or []), PROGRAM]
    return _reader(source).frame(
        "select kpi_id, consortium_id, period, calendar_year, quarter, program_year, value, "
        "numerator, denominator, target_value, projected_value, status from kpi_scorecard "
        "where kpi_id = ? and (? or list_contains(?, consortium_id)) "
        "order by consortium_id, period",
        [kpi_id, consortium_ids is None, wanted])


def consortium_history(consortium_id: str, source: Reader | None = None) -> pl.DataFrame:
    """Every KPI of one consortium in every quarter, for its page and year-on-year change."""
    return _reader(source).frame(
        "select * from kpi_scorecard where consortium_id = ? order by display_order, period",
        [consortium_id])


def schema_columns(source: Reader | None = None) -> pl.DataFrame:
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
