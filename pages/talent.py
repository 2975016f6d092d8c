"""Talent: students from taking part to a degree to a destination, cohorts and continuation."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import data
from ui.charts import bar_figure, funnel_figure
from ui.drilldown import kpi_drilldown
from ui.filters import consortium_names, current, reporting_ids
from ui.i18n import t
from ui.tables import table
from ui.widgets import domain_cards, empty_state

KPIS = ("active_students", "active_ms_students", "active_phd_students", "student_fte",
        "degrees_awarded", "continuation_rate")

filters = current()
consortia = data.consortia()
st.title(t("talent"))
st.caption(t("as_of", period=filters.period))

pipeline = data.talent_pipeline(filters.period, filters.consortium_ids)
if not filters.consortium_ids or pipeline["students"].max() == 0:
    empty_state()
    st.stop()

board = data.scorecard(filters.period, filters.consortium_ids)
domain_cards(board, KPIS, filters.consortium_ids, reporting_ids(consortia),
             consortium_names(consortia))

st.subheader(t("pipeline"))
st.caption(t("pipeline_help"))
stages = {stage: t(f"stage_{stage}") for stage in pipeline["stage"].to_list()}
st.plotly_chart(funnel_figure(list(stages.values()), pipeline["students"].to_list()),
                key="pipeline-chart")
table(pipeline.with_columns(pl.col("stage").replace_strict(stages)),
      {"stage": "stage", "students": "students"},
      name=f"talent-pipeline-{filters.period}", key="pipeline")

st.subheader(t("cohorts"))
st.caption(t("cohorts_help"))
cohorts = data.talent_cohorts(filters.period, filters.consortium_ids)
series = {"active": t("active"), "graduated": t("graduated"), "left_program": t("left_program")}
st.plotly_chart(bar_figure(cohorts, "start_year", series, t("students")), key="cohort-chart")
table(cohorts.with_columns(pl.col("continuing_pct").round(1)), {
    "start_year": "start_year", "started": "cohort_started", "active": "active",
    "graduated": "graduated", "left_program": "left_program", "continuing_pct": "continuing_pct"},
    name=f"talent-cohorts-{filters.period}", key="cohorts")

kpi_drilldown(KPIS, "talent")
