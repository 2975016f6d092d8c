"""Screen pieces of the SQL workbench: a result with its notices, quick chart and downloads, the
saved-query library and the schema browser.

Results arrive as warehouse.sandbox.QueryResult; nothing here runs SQL. Downloads are built only
when clicked (Streamlit's deferred download data), so a 100,000-row result costs nothing until
someone asks for it, and they hold every row the query returned, not just the rows on screen.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime

import polars as pl
import streamlit as st

from config import SqlLimits
from ui.charts import CHART_KINDS, chart_axes, default_chart, quick_chart
from ui.i18n import language, t
from ui.tables import table
from warehouse.sandbox import QueryResult
from warehouse.saved_queries import SavedQuery

EXPORTS = {"csv": ("download_csv", "text/csv"),
           "parquet": ("download_parquet", "application/vnd.apache.parquet"),
           "xlsx": ("download_xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")}


def _flat(frame: pl.DataFrame) -> pl.DataFrame:
    """Lists and structs as text, for CSV and Excel, which hold only flat values.

    Converted in this thread, not by a callback inside polars (see presentation.format.relabelled).
    """
    nested = [n for n, dtype in frame.schema.items() if dtype.is_nested()]
    return frame.with_columns(
        pl.Series(n, [None if v is None else str(v) for v in frame[n].to_list()], pl.String)
        for n in nested)


def export_bytes(frame: pl.DataFrame, fmt: str) -> bytes:
    """The frame as a CSV (UTF-8 with BOM, for Korean Excel), Parquet or Excel file."""
    buffer = io.BytesIO()
    if fmt == "csv":
        return ("\ufeff" + _flat(frame).write_csv()).encode("utf-8")
    if fmt == "parquet":
        frame.write_parquet(buffer)
    elif fmt == "xlsx":
        _flat(frame).write_excel(buffer, autofit=frame.height <= 10_000)
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    return buffer.getvalue()


def _deferred(frame: pl.DataFrame, fmt: str) -> Callable[[], bytes]:
    return lambda: export_bytes(frame, fmt)


def downloads(frame: pl.DataFrame) -> None:
    """CSV, Parquet and Excel downloads of the whole result."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for column, (fmt, (label, mime)) in zip(st.columns(len(EXPORTS)), EXPORTS.items(),
                                           strict=True):
        column.download_button(t(label), data=_deferred(frame, fmt), mime=mime,
                               file_name=f"query-{stamp}.{fmt}", key=f"sql-download-{fmt}",
                               icon=":material/download:", on_click="ignore")


def _keep_valid(key: str, options: list[str]) -> None:
    if key in st.session_state and st.session_state[key] not in options:
        del st.session_state[key]


def chart(frame: pl.DataFrame) -> None:
    """A quick chart of the result, with its type and axes to choose."""
    plain, numeric = chart_axes(frame)
    if frame.height == 0 or not numeric:
        st.caption(t("sql_no_chart"))
        return
    kind, x, y = default_chart(frame)
    for key, options, default in (("chart_kind", list(CHART_KINDS), kind),
                                  ("chart_x", plain, x), ("chart_y", numeric, y)):
        _keep_valid(key, options)
        st.session_state.setdefault(key, default)
    left, middle, right = st.columns(3)
    kind = left.selectbox(t("chart_kind"), CHART_KINDS, key="chart_kind",
                          format_func=lambda k: t(f"chart_{k}"))
    x = middle.selectbox(t("chart_x"), plain, key="chart_x")
    y = right.selectbox(t("chart_y"), numeric, key="chart_y")
    st.plotly_chart(quick_chart(frame, kind, x, y), key="sql-chart")


def result(outcome: QueryResult, limits: SqlLimits) -> None:
    """A query's rows with count, time and cap notices, or why it did not run."""
    if outcome.problem is not None:
        show = st.warning if outcome.problem.kind in ("timeout", "busy") else st.error
        show(outcome.problem.message(language()), icon=":material/block:")
        if outcome.problem.detail:
            st.code(outcome.problem.detail, language=None)
        return
    frame = outcome.frame
    assert frame is not None
    st.caption(t("sql_rows", rows=frame.height, seconds=outcome.elapsed_s))
    if outcome.truncated:
        st.warning(t("sql_row_cap", cap=frame.height), icon=":material/content_cut:")
    if frame.height == 0:
        st.info(t("sql_no_rows"), icon=":material/info:")
        return
    if frame.height > limits.display_rows:
        st.info(t("sql_display_cap", shown=limits.display_rows, rows=frame.height),
                icon=":material/info:")
    table(frame.head(limits.display_rows), key="sql-result",
          titles={c: c for c in frame.columns})  # a query's own column names, as written
    downloads(frame)
    with st.expander(t("sql_chart"), expanded=True):
        chart(frame)


def saved_library(queries: tuple[SavedQuery, ...], on_pick: Callable[[SavedQuery], None]
                  ) -> None:
    """One button per saved query: a click loads it into the editor and runs it."""
    lang = language()
    for query in queries:
        st.button(query.title(lang), help=query.description(lang), key=f"saved-{query.id}",
                  on_click=on_pick, args=(query,), width="stretch")


def schema_browser(schema: pl.DataFrame) -> None:
    """Pick a table or view; see its description and its columns with types."""
    relations = schema.select("relation_name", "relation_kind", "relation_description").unique(
        "relation_name", maintain_order=True)
    kinds = dict(zip(relations["relation_name"], relations["relation_kind"], strict=True))
    chosen = st.selectbox(t("sql_relation"), list(kinds), key="schema_relation",
                          format_func=lambda name: f"{name} ({kinds[name]})")
    about = relations.filter(pl.col("relation_name") == chosen).item(0, "relation_description")
    if about:
        st.caption(about)
    table(schema.filter(pl.col("relation_name") == chosen),
          {"column_name": "column", "data_type": "data_type", "column_description": "description"},
          key="schema-columns")
