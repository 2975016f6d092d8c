"""The app's only door to the warehouse: cached calls to warehouse.queries.

Results are cached per warehouse version (the live file's name), so a published load is visible
on the next rerun and stale results are never served. The read-only reader is one resource per
server process, and so is the SQL workbench's sandbox (warehouse/sandbox.py). Pages import from
here, never from warehouse directly.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from config import SqlLimits
from warehouse import queries
from warehouse.connection import Reader, WarehouseMissing
from warehouse.sandbox import QueryResult, Sandbox
from warehouse.saved_queries import SavedQuery
from warehouse.saved_queries import saved_queries as saved_query_library

__all__ = ["WarehouseMissing", "catalogue", "consortia", "consortium_history", "periods",
           "run_sql", "saved_queries", "schema", "scorecard", "sql_limits", "trend", "version"]


@st.cache_resource
def _reader() -> Reader:
    return Reader()


def version() -> str:
    """The live warehouse version; raises WarehouseMissing before the first load."""
    return _reader().version()


@st.cache_data(show_spinner=False, max_entries=32)
def _consortia(warehouse_version: str) -> pl.DataFrame:
    return queries.consortia(_reader())


@st.cache_data(show_spinner=False, max_entries=32)
def _periods(warehouse_version: str) -> list[str]:
    return queries.periods(_reader())


@st.cache_data(show_spinner=False, max_entries=32)
def _catalogue(warehouse_version: str) -> pl.DataFrame:
    return queries.catalogue(_reader())


@st.cache_data(show_spinner=False, max_entries=256)
def _scorecard(warehouse_version: str, period: str, consortium_ids: tuple[str, ...] | None
               ) -> pl.DataFrame:
    return queries.scorecard(period, list(consortium_ids) if consortium_ids is not None
                             else None, _reader())


@st.cache_data(show_spinner=False, max_entries=256)
def _trend(warehouse_version: str, kpi_id: str,
           consortium_ids: tuple[str, ...] | None) -> pl.DataFrame:
    return queries.trend(kpi_id, list(consortium_ids) if consortium_ids is not None else None,
                         _reader())


@st.cache_data(show_spinner=False, max_entries=64)
def _consortium_history(warehouse_version: str, consortium_id: str) -> pl.DataFrame:
    return queries.consortium_history(consortium_id, _reader())


def consortia() -> pl.DataFrame:
    """Consortia with names and data coverage."""
    return _consortia(version())


def periods() -> list[str]:
    """Quarters with data, oldest first."""
    return _periods(version())


def catalogue() -> pl.DataFrame:
    """The KPI catalogue in display order."""
    return _catalogue(version())


def scorecard(period: str, consortium_ids: list[str] | None) -> pl.DataFrame:
    """All KPIs in one quarter for the chosen consortia and the program."""
    ids = tuple(consortium_ids) if consortium_ids is not None else None
    return _scorecard(version(), period, ids)


def trend(kpi_id: str, consortium_ids: list[str] | None) -> pl.DataFrame:
    """One KPI by quarter."""
    ids = tuple(consortium_ids) if consortium_ids is not None else None
    return _trend(version(), kpi_id, ids)


def consortium_history(consortium_id: str) -> pl.DataFrame:
    """Every KPI of one consortium in every quarter."""
    return _consortium_history(version(), consortium_id)


@st.cache_resource
def _sandbox() -> Sandbox:
    return Sandbox()


def run_sql(sql: str) -> QueryResult:
    """Run an analyst's query in the sandbox (never cached: each run is fresh)."""
    return _sandbox().run(sql)


def sql_limits() -> SqlLimits:
    """The limits the workbench's queries run under."""
    return _sandbox().limits


@st.cache_data(show_spinner=False, max_entries=8)
def _schema(warehouse_version: str) -> pl.DataFrame:
    return queries.schema_columns(_reader())


def schema() -> pl.DataFrame:
    """Every table and view with its columns, types and descriptions."""
    return _schema(version())


def saved_queries() -> tuple[SavedQuery, ...]:
    """The library of saved analyses."""
    return saved_query_library()
