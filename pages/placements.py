"""Placements: dispatches to companies this year, and where graduates are 6 and 12 months on."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import data
from ui.charts import bar_figure
from ui.drilldown import kpi_drilldown
from ui.filters import consortium_names, current, reporting_ids
from ui.i18n import language, t
from ui.tables import table
from ui.widgets import domain_cards, empty_state

KPIS = ("dispatched_researchers", "dispatch_person_months", "employment_rate_6m",
        "employment_rate_12m", "ai_industry_share", "consortium_hire_rate")
GROUPS = ("ai_industry", "other_industry", "employer_unclassified", "further_study", "seeking",
          "unknown")

filters, lang = current(), language()
consortia = data.consortia()
names = consortium_names(consortia)
everyone = set(filters.consortium_ids) == set(reporting_ids(consortia))
totals = {**names, "ALL": t("program_total" if everyone else "chosen_total")}
st.title(t("placements"))
st.caption(t("as_of", period=filters.period))

summary = data.dispatch_summary(filters.period, filters.consortium_ids)
destinations = data.graduate_destinations(filters.period, filters.consortium_ids)
if not filters.consortium_ids or summary.height + destinations.height == 0:
    empty_state()
    st.stop()
board = data.scorecard(filters.period, filters.consortium_ids)
domain_cards(board, KPIS, filters.consortium_ids, reporting_ids(consortia), names)

st.subheader(t("dispatches"))
if summary.height == 0:
    empty_state()
else:
    table(summary.with_columns(pl.col("consortium_id").replace_strict(totals),
                                          pl.col("person_months").round(2)),
                     {"consortium_id": "consortium", "people": "people",
                      "qualifying_people": "qualifying_people",
                      "person_months": "person_months", "host_companies": "host_companies"},
                      name=f"dispatches-{filters.period}", key="dispatches")
    hosts = data.dispatch_hosts(filters.period, filters.consortium_ids).with_columns(
        pl.col("host_name_ko" if lang == "ko" else "host_name_en").alias("host"),
        pl.col("person_months").round(2))
    st.plotly_chart(bar_figure(hosts, "host", {"person_months": t("person_months")},
                               t("person_months")), key="hosts-chart")
    table(hosts, {"host": "host", "people": "people",
                             "person_months": "person_months"},
                             name=f"dispatch-hosts-{filters.period}", key="hosts")

st.subheader(t("destinations"))
st.caption(t("destinations_help"))
if destinations.height == 0:
    empty_state()
else:
    labels = {g: t(f"dest_{g}") for g in GROUPS}
    points = {m: t("months_after", n=m) for m in (6, 12)}
    wide = (destinations.group_by("months_after_graduation", "destination_group")
            .agg(pl.col("graduates").sum())
            .pivot(on="destination_group", index="months_after_graduation",
                   values="graduates").fill_null(0).sort("months_after_graduation")
            .with_columns(pl.col("months_after_graduation").replace_strict(points)))
    st.plotly_chart(bar_figure(wide, "months_after_graduation",
                               {g: labels[g] for g in GROUPS if g in wide.columns},
                               t("graduates")), key="destinations-chart")
    table(destinations.with_columns(
        pl.col("months_after_graduation").replace_strict(points),
        pl.col("destination_group").replace_strict(labels)),
        {"graduation_year": "graduation_year", "months_after_graduation": "survey_point",
         "destination_group": "destination", "graduates": "graduates"},
         name=f"destinations-{filters.period}", key="destinations")

kpi_drilldown(KPIS, "placements")
