"""One consortium: every KPI against its target and a year ago, its universities and projects.

The universities and projects are those of the year so far (as the KPIs count them); every table
can be downloaded.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from presentation.format import format_date, relabelled
from ui import data
from ui.charts import trend_figure
from ui.filters import consortium_label, current, url_selectbox
from ui.i18n import language, t
from ui.tables import table
from ui.widgets import card_grid, empty_state, status_text
from warehouse.catalogue import kpi


def yes_no(column: str) -> pl.Expr:
    """A boolean column as 예/아니오 or Yes/No."""
    return pl.when(pl.col(column)).then(pl.lit(t("yes"))).otherwise(pl.lit(t("no")))


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
scorecard = (now.join(year_ago, on=["kpi_id", "calendar_year", "quarter"], how="left")
             .sort("display_order")
             .with_columns((pl.col("value") - pl.col("value_year_ago")).alias("change")))
st.subheader(t("scorecard"))
table(scorecard.with_columns(relabelled(now, "kpi_id", lambda k: kpi(k).name(lang)),
                             relabelled(now, "kpi_id", lambda k: kpi(k).unit).alias("unit"),
                             relabelled(now, "status", status_text)),
      {"kpi_id": "kpi", "value": "value", "target_value": "target",
       "projected_value": "projection", "status": "status", "value_year_ago": "year_ago",
       "change": "yoy"},
      units={c: "row" for c in ("value", "target_value", "projected_value", "value_year_ago",
                                "change")},
      row_unit="unit", name=f"{consortium_id}-{filters.period}", key="consortium-scorecard")

for title, frame, columns in [
    ("universities", data.consortium_universities(consortium_id, filters.period),
     {f"name_{lang}": "university", "project_count": "project_count",
      "is_member": "is_member"}),
    ("projects", data.consortium_projects(consortium_id, filters.period),
     {"project_number": "project_number", "title": "project_title",
      "start_date": "start_date", "end_date": "end_date",
      f"universities_{lang}": "universities", "is_joint": "is_joint"}),
]:
    st.subheader(t(title))
    if frame.height == 0:
        empty_state()
        continue
    flags = [yes_no(c).alias(c) for c in ("is_member", "is_joint") if c in columns]
    table(frame.with_columns(flags), columns, units={"project_number": "text"},
          name=f"{consortium_id}-{filters.period}-{title}", key=f"consortium-{title}")

st.subheader(t("trend"))
chosen = url_selectbox(t("choose_kpi"), now["kpi_id"].to_list(), "focus_kpi",
                       format_func=lambda k: kpi(k).name(lang))
series = history.filter(pl.col("kpi_id") == chosen)
labels = {consortium_id: consortium_label(consortia, consortium_id), "target": t("target")}
st.plotly_chart(trend_figure(series, labels, kpi(chosen).name(lang)), key="consortium-trend")
