"""The app's only door to the warehouse: cached calls to warehouse.queries.

Each script run pins the live warehouse version once (`pin_version`, called by dashboard.py) and
every query of that run reads that version, so one screen never mixes two loads even if a load
publishes mid-run. Results are cached per version, so the next run after a publish shows the new
data and stale results are never served. The read-only reader is one resource per server, and so
is the SQL workbench's sandbox (warehouse/sandbox.py), whose queries read the pinned version too.
Pages import from here, never from warehouse directly.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from config import SqlLimits
from ui.session import session_allows
from warehouse import queries, records, store
from warehouse.connection import PinnedReader, Reader, WarehouseMissing
from warehouse.sandbox import QueryResult, Sandbox
from warehouse.saved_queries import SavedQuery
from warehouse.saved_queries import saved_queries as saved_query_library
from warehouse.sql_guard import not_permitted

__all__ = ["WarehouseMissing", "catalogue", "column_labels", "consortia", "consortium_history",
           "consortium_projects", "consortium_universities", "dispatch_hosts", "dispatch_summary",
           "freshness", "gpu_hours_by_model", "graduate_destinations", "industry_flow",
           "industry_records",
           "industry_support", "kpi_records", "load_history", "periods",
           "pin_version", "program_year_scorecard", "publications_by_year", "rejected_rows",
           "run_sql", "saved_queries", "schema", "scorecard", "sql_limits", "talent_cohorts",
           "talent_pipeline", "trend", "version", "version_label"]

PINNED = "warehouse_version"


@st.cache_resource
def _reader() -> Reader:
    return Reader()


def pin_version() -> str:
    """Fix the version this run reads; raises WarehouseMissing before the first load."""
    st.session_state[PINNED] = _reader().version()
    return st.session_state[PINNED]


def version() -> str:
    """The version this run reads."""
    return st.session_state.get(PINNED) or pin_version()


def version_label() -> str:
    """The version as people read it: when it was published (UTC)."""
    return store.version_label(version())


def _at(warehouse_version: str) -> PinnedReader:
    return _reader().at(warehouse_version)


def _ids(consortium_ids: list[str] | None) -> tuple[str, ...] | None:
    return tuple(consortium_ids) if consortium_ids is not None else None


@st.cache_data(show_spinner=False, max_entries=32)
def _consortia(warehouse_version: str) -> pl.DataFrame:
    return queries.consortia(_at(warehouse_version))


@st.cache_data(show_spinner=False, max_entries=32)
def _periods(warehouse_version: str) -> list[str]:
    return queries.periods(_at(warehouse_version))


@st.cache_data(show_spinner=False, max_entries=32)
def _catalogue(warehouse_version: str) -> pl.DataFrame:
    return queries.catalogue(_at(warehouse_version))


@st.cache_data(show_spinner=False, max_entries=256)
def _scorecard(warehouse_version: str, period: str,
               consortium_ids: tuple[str, ...] | None) -> pl.DataFrame:
    ids = list(consortium_ids) if consortium_ids is not None else None
    return queries.scorecard(period, ids, _at(warehouse_version))


@st.cache_data(show_spinner=False, max_entries=256)
def _trend(warehouse_version: str, kpi_id: str,
           consortium_ids: tuple[str, ...] | None) -> pl.DataFrame:
    ids = list(consortium_ids) if consortium_ids is not None else None
    return queries.trend(kpi_id, ids, _at(warehouse_version))


@st.cache_data(show_spinner=False, max_entries=64)
def _consortium_history(warehouse_version: str, consortium_id: str) -> pl.DataFrame:
    return queries.consortium_history(consortium_id, _at(warehouse_version))


@st.cache_data(show_spinner=False, max_entries=128)
def _program_year_scorecard(warehouse_version: str, program_year: int, as_of: str,
                            consortium_ids: tuple[str, ...] | None) -> pl.DataFrame:
    ids = list(consortium_ids) if consortium_ids is not None else None
    return queries.program_year_scorecard(program_year, as_of, ids, _at(warehouse_version))


@st.cache_data(show_spinner=False, max_entries=64)
def _consortium_projects(warehouse_version: str, consortium_id: str,
                         period: str) -> pl.DataFrame:
    return queries.consortium_projects(consortium_id, period, _at(warehouse_version))


@st.cache_data(show_spinner=False, max_entries=64)
def _consortium_universities(warehouse_version: str, consortium_id: str,
                             period: str) -> pl.DataFrame:
    return queries.consortium_universities(consortium_id, period, _at(warehouse_version))


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
    return _scorecard(version(), period, _ids(consortium_ids))


def trend(kpi_id: str, consortium_ids: list[str] | None) -> pl.DataFrame:
    """One KPI by quarter."""
    return _trend(version(), kpi_id, _ids(consortium_ids))


def consortium_history(consortium_id: str) -> pl.DataFrame:
    """Every KPI of one consortium in every quarter."""
    return _consortium_history(version(), consortium_id)


def program_year_scorecard(program_year: int, as_of: str,
                           consortium_ids: list[str] | None) -> pl.DataFrame:
    """All KPIs of each consortium in its program year N, as of a quarter."""
    return _program_year_scorecard(version(), program_year, as_of, _ids(consortium_ids))


def consortium_projects(consortium_id: str, period: str) -> pl.DataFrame:
    """The consortium's projects running in the year up to `period`."""
    return _consortium_projects(version(), consortium_id, period)


def consortium_universities(consortium_id: str, period: str) -> pl.DataFrame:
    """Universities in the consortium's projects of the year up to `period`."""
    return _consortium_universities(version(), consortium_id, period)


@st.cache_data(show_spinner=False, max_entries=512)
def _breakdown(warehouse_version: str, name: str, period: str,
               consortium_ids: tuple[str, ...] | None) -> pl.DataFrame:
    ids = list(consortium_ids) if consortium_ids is not None else None
    return getattr(queries, name)(period, ids, _at(warehouse_version))


def talent_pipeline(period: str, consortium_ids: list[str] | None) -> pl.DataFrame:
    """Students from taking part to a degree to a destination, as of the quarter's end."""
    return _breakdown(version(), "talent_pipeline", period, _ids(consortium_ids))


def talent_cohorts(period: str, consortium_ids: list[str] | None) -> pl.DataFrame:
    """Students by the year they started, and where they stood at the quarter's end."""
    return _breakdown(version(), "talent_cohorts", period, _ids(consortium_ids))


def publications_by_year(period: str, consortium_ids: list[str] | None) -> pl.DataFrame:
    """Acknowledged papers by year with venue tier, authorship and open-access counts."""
    return _breakdown(version(), "publications_by_year", period, _ids(consortium_ids))


def dispatch_summary(period: str, consortium_ids: list[str] | None) -> pl.DataFrame:
    """People, person-months and host companies of the year's dispatches."""
    return _breakdown(version(), "dispatch_summary", period, _ids(consortium_ids))


def dispatch_hosts(period: str, consortium_ids: list[str] | None) -> pl.DataFrame:
    """The year's dispatches by host company."""
    return _breakdown(version(), "dispatch_hosts", period, _ids(consortium_ids))


def graduate_destinations(period: str, consortium_ids: list[str] | None) -> pl.DataFrame:
    """Graduates by cohort, survey point and destination group."""
    return _breakdown(version(), "graduate_destinations", period, _ids(consortium_ids))


def freshness(period: str, consortium_ids: list[str] | None) -> pl.DataFrame:
    """Each consortium's latest quarter loaded and its lag behind the chosen quarter."""
    return _breakdown(version(), "freshness", period, _ids(consortium_ids))


def industry_support(period: str, consortium_ids: list[str] | None) -> pl.DataFrame:
    """What each company gave each consortium, quarter by quarter up to `period`."""
    return _breakdown(version(), "industry_support", period, _ids(consortium_ids))


def gpu_hours_by_model(period: str, consortium_ids: list[str] | None) -> pl.DataFrame:
    """GPU-hours of the year so far by GPU model, per consortium and 'ALL'."""
    return _breakdown(version(), "gpu_hours_by_model", period, _ids(consortium_ids))


def industry_flow(period: str, consortium_ids: list[str] | None) -> pl.DataFrame:
    """Links from joint projects to outputs, transfers and services, with counts."""
    return _breakdown(version(), "industry_flow", period, _ids(consortium_ids))


@st.cache_data(show_spinner=False, max_entries=128)
def _industry_records(warehouse_version: str, kind: str, period: str,
                      consortium_ids: tuple[str, ...] | None) -> pl.DataFrame:
    ids = list(consortium_ids) if consortium_ids is not None else None
    return queries.industry_records(kind, period, ids, _at(warehouse_version))


def industry_records(kind: str, period: str, consortium_ids: list[str] | None) -> pl.DataFrame:
    """Patents, transfers, releases or support records (no person in any of them)."""
    return _industry_records(version(), kind, period, _ids(consortium_ids))


@st.cache_data(show_spinner=False, max_entries=32)
def _load_history(warehouse_version: str) -> pl.DataFrame:
    return queries.load_history(_at(warehouse_version))


@st.cache_data(show_spinner=False, max_entries=32)
def _rejected_rows(warehouse_version: str) -> pl.DataFrame:
    return queries.rejected_rows(None, _at(warehouse_version))


def load_history(consortium_ids: list[str]) -> pl.DataFrame:
    """The chosen consortia's loads, newest first."""
    return _load_history(version()).filter(pl.col("consortium_id").is_in(consortium_ids))


@st.cache_data(show_spinner=False, max_entries=32)
def _publications_not_counted(warehouse_version: str) -> pl.DataFrame:
    return queries.publications_not_counted(source=_at(warehouse_version))


def publications_not_counted(consortium_ids: list[str], period: str) -> pl.DataFrame:
    """The chosen consortia's papers acknowledging grants not in the register, sent by `period`."""
    return _publications_not_counted(version()).filter(
        pl.col("consortium_id").is_in(consortium_ids)
        & (pl.col("first_reported_period") <= period))


def rejected_rows(consortium_ids: list[str]) -> pl.DataFrame:
    """The chosen consortia's quarantined values (personal values are masked by the ETL)."""
    return _rejected_rows(version()).filter(pl.col("consortium_id").is_in(consortium_ids))


@st.cache_data(show_spinner=False, max_entries=128)
def _kpi_records(warehouse_version: str, kpi_id: str, period: str,
                 consortium_ids: tuple[str, ...] | None) -> pl.DataFrame:
    ids = list(consortium_ids) if consortium_ids is not None else None
    return records.kpi_records(kpi_id, period, ids, _at(warehouse_version))


def kpi_records(kpi_id: str, period: str, consortium_ids: list[str] | None) -> pl.DataFrame:
    """The pseudonymised records behind a KPI; analysts and administrators only.

    Checked here as well as on screen, so no page can hand records to a role below analyst.
    """
    if not session_allows("analyst"):
        raise PermissionError("record-level data is for analysts and administrators")
    return _kpi_records(version(), kpi_id, period, _ids(consortium_ids))


@st.cache_resource
def _sandbox() -> Sandbox:
    return Sandbox()


def run_sql(sql: str) -> QueryResult:
    """Run an analyst's query in the sandbox on this run's version (never cached).

    The page registry already keeps other roles off the SQL page; this check keeps the door shut
    should any other screen ever call it.
    """
    if not session_allows("analyst"):
        return QueryResult(sql, None, not_permitted(), False, 0.0, None)
    return _sandbox().run(sql, version())


def sql_limits() -> SqlLimits:
    """The limits the workbench's queries run under."""
    return _sandbox().limits


@st.cache_data(show_spinner=False, max_entries=8)
def _schema(warehouse_version: str) -> pl.DataFrame:
    return queries.schema_columns(_at(warehouse_version))


def schema() -> pl.DataFrame:
    """Every table and view with its columns, types and descriptions."""
    return _schema(version())


def saved_queries() -> tuple[SavedQuery, ...]:
    """The library of saved analyses."""
    return saved_query_library()


@st.cache_data
def column_labels(columns: tuple[str, ...]) -> dict[str, tuple[str, str, str]]:
    """Column -> (Korean label, English label, English description), from the data dictionary."""
    return queries.column_labels(list(columns))
