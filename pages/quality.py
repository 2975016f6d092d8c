"""Data quality: how fresh each consortium's data is, how complete, and what the loads rejected.

Every figure leadership reads depends on these; a consortium that has not sent its quarter, or
whose papers lack DOIs, is visible here before it distorts a comparison elsewhere.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import data
from ui.charts import bar_figure
from ui.drilldown import kpi_drilldown
from ui.filters import consortium_names, current
from ui.i18n import language, t
from ui.tables import table
from ui.widgets import empty_state
from warehouse.catalogue import kpi

KPIS = ("orcid_coverage", "doi_coverage", "destination_coverage_6m", "destination_coverage_12m")

filters, lang = current(), language()
consortia = data.consortia()
names = consortium_names(consortia)
st.title(t("quality"))
st.caption(t("as_of", period=filters.period))
if not filters.consortium_ids:
    empty_state()
    st.stop()

st.subheader(t("freshness"))
fresh = data.freshness(filters.period, filters.consortium_ids)
lag = {n: t("fresh") if n == 0 else t("behind_n", n=n)
       for n in fresh["quarters_behind"].drop_nulls().unique().to_list()}
table(fresh.with_columns(
    pl.col("consortium_id").replace_strict(names),
    pl.col("quarters_behind").replace_strict(lag, default=t("never_submitted"),
                                             return_dtype=pl.String)),
    {"consortium_id": "consortium", "quarters_behind": "status", "last_period": "last_period",
     "last_loaded_at": "last_loaded_at", "last_submitted_by": "submitted_by", "loads": "loads"},
     name=f"freshness-{filters.period}", key="freshness")

st.subheader(t("completeness"))
board = data.scorecard(filters.period, filters.consortium_ids).filter(
    pl.col("kpi_id").is_in(KPIS) & pl.col("consortium_id").is_in(filters.consortium_ids))
kpi_names = {k: kpi(k).name(lang) for k in KPIS}
if board.height == 0:
    empty_state()
else:
    wide = (board.with_columns(pl.col("kpi_id").replace_strict(kpi_names))
            .pivot(on="kpi_id", index="consortium_id", values="value")
            .with_columns(pl.col("consortium_id").replace_strict(names)))
    st.plotly_chart(bar_figure(wide, "consortium_id",
                               {n: n for n in kpi_names.values() if n in wide.columns},
                               t("share_pct"), stacked=False), key="completeness-chart")
    table(board.sort("consortium_id", "display_order").with_columns(
        pl.col("consortium_id").replace_strict(names), pl.col("kpi_id").replace_strict(kpi_names),
        pl.col("value").round(1)),
        {"consortium_id": "consortium", "kpi_id": "kpi", "value": "share_pct",
         "numerator": "meeting", "denominator": "n"}, units={"value": "percent"},
         name=f"completeness-{filters.period}", key="completeness")

st.subheader(t("load_history"))
table(data.load_history(filters.consortium_ids).with_columns(
    pl.col("consortium_id").replace_strict(names)),
    {"consortium_id": "consortium", "period": "period", "loaded_at": "loaded_at",
     "submitted_by": "submitted_by", "loaded_by": "loaded_by", "rows_in": "rows_in",
     "rows_accepted": "rows_accepted", "rows_rejected": "rows_rejected",
     "outcome": "outcome"},
     name="loads", key="loads")

st.subheader(t("load_rejections"))
rejected = data.rejected_rows(filters.consortium_ids)
if rejected.height == 0:
    st.success(t("no_rejections"), icon=":material/check_circle:")
else:
    table(rejected.with_columns(
        pl.col("consortium_id").replace_strict(names),
        pl.col("reason_ko" if lang == "ko" else "reason_en").alias("reason")),
        {"consortium_id": "consortium", "period": "period", "file_name": "file_name",
         "row_number": "row_number", "header": "header", "value_shown": "value_shown",
         "reason": "reason"},
         name="rejected-values", key="rejected")

st.subheader(t("not_counted"))
st.caption(t("not_counted_help"))
not_counted = data.publications_not_counted(filters.consortium_ids, filters.period)
if not_counted.height == 0:
    st.success(t("all_counted"), icon=":material/check_circle:")
else:
    reasons = {code: t(code) for code in ("not_in_register", "outside_validity")}
    table(not_counted.with_columns(
        pl.col("consortium_id").replace_strict(names),
        pl.col("not_counted_reason").replace_strict(reasons, default=None)),
        {"consortium_id": "consortium", "title": "paper_title",
         "publication_year": "publication_year", "grant_numbers_found": "grant_numbers_found",
         "not_counted_reason": "reason", "first_reported_period": "period"},
        name="papers-not-counted", key="not-counted")

kpi_drilldown(KPIS, "quality")
