"""Reports: what is new, what a later load put out of date, each snapshot's files and KPIs as
published, and two snapshots compared."""

from __future__ import annotations

import polars as pl
import streamlit as st

from presentation.format import relabelled
from ui import snapshots
from ui.filters import url_selectbox
from ui.i18n import language, t
from ui.releases import out_of_date_notice, whats_new
from ui.tables import table
from ui.widgets import card_grid, empty_state
from warehouse.catalogue import kpi, kpi_ids

lang = language()
st.title(t("reports"))
listed = {s.id: s for s in snapshots.listed()}
if not listed:
    st.info(t("no_snapshots"), icon=":material/description:")
    st.stop()


def snapshot_label(snapshot_id: str) -> str:
    """'2026-Q3', or 'Year 2026 (to 2026-Q3)' for a yearly snapshot."""
    snapshot = listed[snapshot_id]
    if snapshot.manifest.get("kind") == "year":
        return t("snapshot_year", year=snapshot_id, period=snapshot.period)
    return snapshot_id


def consortium_name(names: pl.DataFrame, consortium_id: str) -> str:
    """A consortium's name as the snapshot froze it."""
    if consortium_id == "ALL":
        return t("program_total")
    row = names.filter(pl.col("consortium_id") == consortium_id)
    return row.item(0, f"name_{lang}") if row.height else consortium_id


whats_new(snapshots.feed_entries(),
          lambda i: snapshot_label(i) if i in listed else i)
out_of_date_notice(snapshots.out_of_date(list(listed.values())))

chosen = listed[url_selectbox(t("snapshot"), list(listed), "snapshot",
                              format_func=snapshot_label)]
manifest = chosen.manifest
st.caption(t("published_at", created=manifest["created_at"],
             code=manifest["code_version"][:12], warehouse=manifest["warehouse_version"]))

st.subheader(t("downloads"))
for edition in ("internal", "public"):
    st.markdown(f"**{t(f'{edition}_edition')}**")
    artefacts = [a for a in snapshots.ARTEFACTS if a[0] == edition]
    for column, (_, name, kind, file_language) in zip(st.columns(len(artefacts)), artefacts,
                                                      strict=True):
        path = chosen.file(f"{edition}/{name}")
        column.download_button(f"{kind} · {file_language.upper()}", data=path.read_bytes,
                               file_name=f"{chosen.id}-{edition}-{name}",
                               key=f"download-{edition}-{name}", on_click="ignore",
                               icon=":material/download:", disabled=not path.is_file())
st.download_button(t("manifest"), data=chosen.file("manifest.json").read_bytes,
                   file_name=f"{chosen.id}-manifest.json", key="download-manifest",
                   on_click="ignore", icon=":material/data_object:")

st.subheader(t("kpis_as_of", period=chosen.period))
frozen = snapshots.as_of(chosen).filter(pl.col("kpi_id").is_in(list(kpi_ids())))
program = frozen.filter(pl.col("consortium_id") == "ALL").sort("display_order")
if program.height == 0:
    empty_state()
else:
    card_grid(list(program.iter_rows(named=True)))

st.subheader(t("compare_snapshots"))
others = [i for i in listed if i != chosen.id]
if not others:
    st.info(t("need_two"), icon=":material/compare_arrows:")
    st.stop()
other = listed[url_selectbox(t("compare_with"), others, "compare", format_func=snapshot_label)]
compared = snapshots.compare(chosen, other).filter(pl.col("kpi_id").is_in(list(kpi_ids())))
if compared.height == 0:
    empty_state()
    st.stop()
older_period, newer_period = compared.item(0, "older_period"), compared.item(0, "newer_period")
names = snapshots.consortia(chosen)
restated = int(compared["restated"].sum())
if restated:
    st.warning(t("restated_count", n=restated, period=older_period), icon=":material/history:")
else:
    st.caption(t("none_restated"))
table(compared.with_columns(
    relabelled(compared, "kpi_id", lambda k: kpi(k).name(lang)),
    relabelled(compared, "kpi_id", lambda k: kpi(k).unit).alias("unit"),
    relabelled(compared, "consortium_id", lambda c: consortium_name(names, c))),
    {"kpi_id": "kpi", "consortium_id": "consortium", "value_older": None, "value_newer": None,
     "delta": "delta", "older_period_now": None, "restated": "restated"},
    units={c: "row" for c in ("value_older", "value_newer", "delta", "older_period_now")},
    row_unit="unit", key="snapshot-comparison",
    titles={"value_older": older_period, "value_newer": newer_period,
            "older_period_now": t("restated_value", period=older_period)})
