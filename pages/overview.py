"""Overview: the program's totals, each consortium's headline KPIs against targets, the trend."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import data
from ui.charts import trend_figure
from ui.filters import consortium_label, current, url_selectbox
from ui.format import relabelled
from ui.i18n import language, t
from ui.widgets import card_grid, download_buttons, empty_state, status_text
from warehouse.catalogue import kpi, kpis

HEADLINE = ("active_students", "dispatched_researchers", "active_joint_projects",
            "acknowledged_publications", "degrees_awarded", "top_venue_publications",
            "employment_rate_6m")


def headline_rows(rows: pl.DataFrame) -> list[dict]:
    """The headline KPIs' rows, in headline order."""
    by_id = {r["kpi_id"]: r for r in rows.iter_rows(named=True)}
    return [by_id[k] for k in HEADLINE if k in by_id]


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

for consortium_id in filters.consortium_ids:
    rows = board.filter(pl.col("consortium_id") == consortium_id)
    if rows.height == 0:
        continue
    year = rows.item(0, "program_year")
    st.subheader(f"{consortium_label(consortia, consortium_id)} · {t('year_n', n=year)}")
    card_grid(headline_rows(rows))

st.subheader(t("trend"))
kpi_ids = [k.id for k in kpis()]
chosen = url_selectbox(t("choose_kpi"), kpi_ids, "kpi", format_func=lambda k: kpi(k).name(lang))
history = data.trend(chosen, filters.consortium_ids)
labels = {cid: consortium_label(consortia, cid)
          for cid in history["consortium_id"].unique().to_list()}
labels["target"] = t("target")
st.plotly_chart(trend_figure(history, labels, kpi(chosen).name(lang)), key="trend-chart")

st.subheader(t("scorecard"))
table = board.select(
    relabelled(board, "consortium_id", lambda c: consortium_label(consortia, c))
    .alias(t("consortium")),
    relabelled(board, "kpi_id", lambda k: kpi(k).name(lang)).alias(t("kpi")),
    pl.col("value").alias(t("value")), pl.col("target_value").alias(t("target")),
    pl.col("projected_value").alias(t("projection")),
    relabelled(board, "status", status_text).alias(t("status")))
st.dataframe(table, hide_index=True)
download_buttons(table, f"scorecard-{filters.period}", key="scorecard")
