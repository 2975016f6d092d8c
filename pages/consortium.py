"""One consortium: every KPI against its target, the change on a year ago, and the trend."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import data
from ui.charts import trend_figure
from ui.filters import consortium_label, current, url_selectbox
from ui.format import format_date, relabelled
from ui.i18n import language, t
from ui.widgets import card_grid, download_buttons, empty_state, status_text
from warehouse.catalogue import kpi

filters, lang = current(), language()
consortia = data.consortia()
choices = filters.consortium_ids or consortia["consortium_id"].to_list()
if not choices:
    empty_state()
    st.stop()
consortium_id = url_selectbox(t("consortium"), choices, "focus",
                              format_func=lambda c: consortium_label(consortia, c))
info = consortia.filter(pl.col("consortium_id") == consortium_id).row(0, named=True)
st.title(consortium_label(consortia, consortium_id))
lead = info["lead_name_ko"] if lang == "ko" else info["lead_name_en"]
st.caption(" · ".join([f"{t('lead')}: {lead}",
                       t("started", date=format_date(info["start_date"], lang)),
                       t("data_until", date=format_date(info["data_until_date"], lang)),
                       t("as_of", period=filters.period)]))

history = data.consortium_history(consortium_id)
now = history.filter(pl.col("period") == filters.period)
if now.height == 0:
    empty_state()
    st.stop()
st.subheader(t("year_n", n=now.item(0, "program_year")))
card_grid(list(now.iter_rows(named=True)))

year_ago = history.select(
    "kpi_id", (pl.col("calendar_year") + 1).alias("calendar_year"), "quarter",
    pl.col("value").alias("value_year_ago"))
table = (now.join(year_ago, on=["kpi_id", "calendar_year", "quarter"], how="left")
         .sort("display_order")
         .select(relabelled(now, "kpi_id", lambda k: kpi(k).name(lang)).alias(t("kpi")),
                 pl.col("value").alias(t("value")), pl.col("target_value").alias(t("target")),
                 pl.col("projected_value").alias(t("projection")),
                 relabelled(now, "status", status_text).alias(t("status")),
                 (pl.col("value") - pl.col("value_year_ago")).alias(t("yoy"))))
st.subheader(t("scorecard"))
st.dataframe(table, hide_index=True)
download_buttons(table, f"{consortium_id}-{filters.period}", key="consortium-scorecard")

st.subheader(t("trend"))
chosen = url_selectbox(t("choose_kpi"), now["kpi_id"].to_list(), "focus_kpi",
                       format_func=lambda k: kpi(k).name(lang))
series = history.filter(pl.col("kpi_id") == chosen)
labels = {consortium_id: consortium_label(consortia, consortium_id), "target": t("target")}
st.plotly_chart(trend_figure(series, labels, kpi(chosen).name(lang)), key="consortium-trend")
