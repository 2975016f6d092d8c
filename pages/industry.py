"""Industry collaboration: what each company provided, and where the joint research went.

Quarter by quarter, the support each company gave (its agreed KRW value, in-kind and cash, beside
GPU-hours, API tokens and mentoring hours), then the path from joint projects to papers, patents
and open releases, to technology transfers and services, as a flow diagram with counts. Company
KRW values are shown here (a signed-in screen for the ministry); the public report leaves them out.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import data
from ui.charts import bar_figure, sankey_figure, trend_figure
from ui.drilldown import kpi_drilldown
from ui.filters import consortium_label, consortium_names, current, reporting_ids, url_selectbox
from ui.i18n import language, t
from ui.tables import table
from ui.widgets import domain_cards, empty_state

KPIS = ("gpu_hours_delivered", "gpu_hours_per_student_fte", "api_tokens_delivered",
        "api_tokens_per_active_student", "mentoring_hours", "support_value_krw",
        "patents_filed", "patents_filed_abroad", "patents_registered", "technology_transfers",
        "transfer_fees_krw", "outcomes_in_services", "open_artefacts_released")
STAGES = ("projects", "papers", "patents", "artefacts", "transfers", "services")
RECORD_KINDS = ("patents", "transfers", "artefacts", "support")
SUPPORT_COLUMNS = {"period": "period", "provider": "provider", "in_kind_krw": "in_kind_krw",
                   "cash_krw": "cash_krw", "gpu_hours": "gpu_hours", "api_tokens": "api_tokens",
                   "api_calls": "api_calls", "mentoring_hours": "mentoring_hours"}

filters, lang = current(), language()
consortia = data.consortia()
st.title(t("industry"))
st.caption(t("as_of", period=filters.period))

support = data.industry_support(filters.period, filters.consortium_ids)
flow = data.industry_flow(filters.period, filters.consortium_ids)
if not filters.consortium_ids or support.height + flow["records"].sum() == 0:
    empty_state()
    st.stop()

board = data.scorecard(filters.period, filters.consortium_ids)
domain_cards(board, KPIS, filters.consortium_ids, reporting_ids(consortia),
             consortium_names(consortia))

st.subheader(t("industry_support"))
st.caption(t("industry_support_help"))
reporting = [c for c in filters.consortium_ids if c in support["consortium_id"].to_list()]
if not reporting:
    empty_state()
else:
    focus = url_selectbox(t("industry_drill"), reporting, "industry_focus",
                          format_func=lambda c: consortium_label(consortia, c))
    mine = support.filter(pl.col("consortium_id") == focus).with_columns(
        pl.col("provider_name_ko" if lang == "ko" else "provider_name_en").alias("provider"))
    by_quarter = mine.group_by("period").agg(pl.col("in_kind_krw", "cash_krw").sum()) \
        .sort("period")
    st.plotly_chart(bar_figure(by_quarter, "period", {"in_kind_krw": t("in_kind_krw"),
                                                      "cash_krw": t("cash_krw")}, t("krw")),
                    key="support-chart")
    committed = data.trend("support_value_krw", [focus]).filter(
        (pl.col("consortium_id") == focus) & (pl.col("period") <= filters.period))
    st.caption(t("commitment_chart"))
    st.plotly_chart(trend_figure(committed, {focus: consortium_label(consortia, focus),
                                             "target": t("target")}, t("krw")),
                    key="commitment-chart")
    models = data.gpu_hours_by_model(filters.period, [focus]).filter(
        pl.col("consortium_id") == focus)
    if models.height:
        st.caption(t("gpu_by_model"))
        st.plotly_chart(bar_figure(models, "gpu_model", {"gpu_hours": t("gpu_hours")},
                                   t("gpu_hours")), key="gpu-chart")
    table(mine, SUPPORT_COLUMNS, name=f"industry-support-{focus}-{filters.period}",
          key="support")

st.subheader(t("industry_flow"))
st.caption(t("industry_flow_help"))
links = [(r["source_stage"], r["target_stage"], r["records"])
         for r in flow.iter_rows(named=True)]
st.plotly_chart(sankey_figure({s: t(f"stage_{s}") for s in STAGES}, links),
                key="flow-chart")
stage_names = {s: t(f"stage_{s}") for s in STAGES}
table(flow.with_columns(
    (pl.col("source_stage").replace_strict(stage_names) + " → "
     + pl.col("target_stage").replace_strict(stage_names)).alias("link")),
    {"link": "links", "records": "records"}, name=f"industry-flow-{filters.period}", key="flow")

st.subheader(t("industry_records"))
kind = url_selectbox(t("industry_records"), RECORD_KINDS, "records",
                     format_func=lambda k: t(f"records_{k}"))
# lists (a transfer's patents) as text, so the downloads open in any spreadsheet
records = data.industry_records(kind, filters.period, filters.consortium_ids) \
    .with_columns(pl.col(pl.List(pl.String)).list.join("; "))
if records.height == 0:
    empty_state()
else:
    table(records, name=f"industry-{kind}-{filters.period}", key="records")

kpi_drilldown(KPIS, "industry")
