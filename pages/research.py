"""Research: acknowledged papers by year and venue tier, authorship and open access, with n.

Responsible-metrics rules hold here: no journal impact factors, and every share is shown beside
the number of papers it is a share of.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import data
from ui.charts import bar_figure
from ui.drilldown import kpi_drilldown
from ui.filters import consortium_names, current, reporting_ids
from ui.i18n import t
from ui.tables import table
from ui.widgets import domain_cards, empty_state

KPIS = ("acknowledged_publications", "top_venue_publications", "student_first_author_share",
        "industry_coauthorship_share", "open_access_share")
SHARES = ("student_first_author", "industry_coauthored", "open_access")

filters = current()
consortia = data.consortia()
st.title(t("research"))
st.caption(t("as_of", period=filters.period))

by_year = data.publications_by_year(filters.period, filters.consortium_ids)
if not filters.consortium_ids or by_year.height == 0:
    empty_state()
    st.stop()

board = data.scorecard(filters.period, filters.consortium_ids)
domain_cards(board, KPIS, filters.consortium_ids, reporting_ids(consortia),
             consortium_names(consortia))
st.info(t("research_note"), icon=":material/balance:")

st.subheader(t("venue_tier"))
tiers = by_year.with_columns(
    (pl.col("papers") - pl.col("top_venue_papers")).alias("other_venue_papers"))
st.plotly_chart(bar_figure(tiers, "publication_year",
                           {"top_venue_papers": t("top_venue"),
                            "other_venue_papers": t("other_venue")}, t("papers")),
                key="venue-chart")

st.subheader(t("shares_by_year"))
n_labels = [f"n = {n}" for n in by_year["papers"].to_list()]
st.plotly_chart(bar_figure(by_year, "publication_year",
                           {f"{s}_pct": t(s) for s in SHARES}, t("share_pct"), stacked=False,
                           text={f"{s}_pct": n_labels for s in SHARES}),
                key="shares-chart")
table(by_year.with_columns(pl.col(f"{s}_pct").round(1) for s in SHARES), {
    "publication_year": "publication_year", "papers": "papers_n",
    "top_venue_papers": "top_venue",
    "student_first_author_papers": "student_first_author",
    "student_first_author_pct": "student_first_author_pct",
    "industry_coauthored_papers": "industry_coauthored",
    "industry_coauthored_pct": "industry_coauthored_pct",
    "open_access_papers": "open_access", "open_access_pct": "open_access_pct"},
    name=f"research-by-year-{filters.period}", key="research-by-year")

kpi_drilldown(KPIS, "research")
