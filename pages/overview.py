"""Overview: the program's totals, each consortium's headline KPIs and status, the trend.

Consortia started in different years, so they can be compared by calendar quarter (everyone as
of the chosen quarter) or by program year (each consortium's year N, as of the chosen quarter);
the choice lives in the URL (`basis=program_year&program_year=1`) like the sidebar's filters.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from presentation.format import relabelled
from ui import data
from ui.charts import status_matrix_figure, trend_figure
from ui.filters import consortium_label, current, url_selectbox
from ui.i18n import language, t, text_in
from ui.tables import table
from ui.widgets import card_grid, empty_state, status_text
from warehouse.catalogue import kpi, kpis

HEADLINE = ("active_students", "dispatched_researchers", "active_joint_projects",
            "acknowledged_publications", "degrees_awarded", "top_venue_publications",
            "employment_rate_6m")
#: what the companies give and what the research becomes (the industry page has the detail)
INDUSTRY_HEADLINE = ("gpu_hours_delivered", "support_value_krw", "patents_filed",
                     "technology_transfers", "outcomes_in_services", "open_artefacts_released")
MODES = ("calendar", "program_year")


def headline_rows(rows: pl.DataFrame, headline: tuple[str, ...] = HEADLINE) -> list[dict]:
    """The headline KPIs' rows, in headline order."""
    by_id = {r["kpi_id"]: r for r in rows.iter_rows(named=True)}
    return [by_id[k] for k in headline if k in by_id]


filters, lang = current(), language()
consortia = data.consortia()
st.title(t("app_title"))
st.caption(t("as_of", period=filters.period))

board = data.scorecard(filters.period, filters.consortium_ids)
program = board.filter(pl.col("consortium_id") == "ALL")
if program.height == 0:
    empty_state()
    st.stop()

st.subheader(t("program_total"))
card_grid(headline_rows(program))
st.subheader(t("industry"))
card_grid(headline_rows(program, INDUSTRY_HEADLINE), per_row=3)

left, right = st.columns(2)
mode = url_selectbox(t("compare_by"), MODES, "basis", container=left,
                     format_func=lambda m: text_in(lang, f"{m}_view"))
compared = board.filter(pl.col("consortium_id") != "ALL")
if mode == "program_year" and compared.height:
    years = [str(y) for y in range(compared["program_year"].max(), 0, -1)]
    year = int(url_selectbox(t("choose_program_year"), years, "program_year", container=right,
                             format_func=lambda y: text_in(lang, "year_n", n=y)))
    compared = data.program_year_scorecard(year, filters.period, filters.consortium_ids)
st.caption(t("compare_help"))

names = {cid: consortium_label(consortia, cid) for cid in ["ALL", *filters.consortium_ids]}
for consortium_id in filters.consortium_ids:
    rows = compared.filter(pl.col("consortium_id") == consortium_id)
    if rows.height == 0:
        continue
    year_n, period = rows.item(0, "program_year"), rows.item(0, "period")
    when = (t("year_n", n=year_n) if mode == "calendar"
            else t("program_year_as_of", n=year_n, period=period))
    st.subheader(f"{names[consortium_id]} · {when}")
    card_grid(headline_rows(rows))

st.subheader(t("status_matrix"))
judged = compared.filter(pl.col("kpi_id").is_in(
    compared.filter(pl.col("target_value").is_not_null())["kpi_id"].implode()))
if judged.height == 0:
    empty_state("no_targets")
else:
    kpi_names = {k.id: k.name(lang) for k in kpis()}
    statuses = {s: t(s) for s in ("on_track", "at_risk", "behind", "no_target", "no_data")}
    st.plotly_chart(status_matrix_figure(judged, names, kpi_names, statuses), key="status-matrix")

st.subheader(t("trend"))
kpi_ids = [k.id for k in kpis()]
chosen = url_selectbox(t("choose_kpi"), kpi_ids, "kpi", format_func=lambda k: kpi(k).name(lang))
history, x_column = data.trend(chosen, filters.consortium_ids), "period"
if mode == "program_year":
    template = text_in(lang, "year_quarter", n="{}", q="{}")
    history = history.filter(pl.col("consortium_id") != "ALL").with_columns(
        pl.format(template, "program_year", "quarter").alias("program_quarter"))
    x_column = "program_quarter"
labels = {**names, "target": t("target")}
st.plotly_chart(trend_figure(history, labels, kpi(chosen).name(lang), x_column),
                key="trend-chart")

st.subheader(t("scorecard"))
table(board.with_columns(
    relabelled(board, "consortium_id", lambda c: names.get(c, c)),
    relabelled(board, "kpi_id", lambda k: kpi(k).name(lang)),
    relabelled(board, "kpi_id", lambda k: kpi(k).unit).alias("unit"),
    relabelled(board, "status", status_text)),
    {"consortium_id": "consortium", "kpi_id": "kpi", "value": "value", "target_value": "target",
     "projected_value": "projection", "status": "status"},
    units={"value": "row", "target_value": "row", "projected_value": "row"}, row_unit="unit",
    name=f"scorecard-{filters.period}", key="scorecard")
