"""Reusable screen pieces: KPI cards, status badges, table downloads and empty states."""

from __future__ import annotations

import io
from functools import partial

import polars as pl
import streamlit as st

from presentation.format import format_value
from ui.i18n import language, t
from ui.navigation import GLOSSARY_PAGE
from warehouse.catalogue import kpi, status_rule

STATUS_COLOURS = {"on_track": "green", "at_risk": "orange", "behind": "red",
                  "no_target": "gray", "no_data": "gray"}


def status_text(status: str) -> str:
    """The status in words."""
    return t(status)


def kpi_card(row: dict) -> None:
    """One KPI as a metric: actual, target and status, the definition on hover and a link to it."""
    entry = kpi(row["kpi_id"])
    lang = language()
    target = row.get("target_value")
    delta = None
    if target is not None:
        delta = f"{t('target')} {format_value(target, entry.unit, lang)}"
    rule = status_rule().description_ko if lang == "ko" else status_rule().description_en
    help_text = f"{entry.definition(lang)}\n\n{t('status_rule')}: {rule}"
    with st.container(border=True):
        st.metric(entry.name(lang), format_value(row.get("value"), entry.unit, lang),
                  delta=delta, delta_color="off", delta_arrow="off", help=help_text)
        details = [f":{STATUS_COLOURS[row['status']]}-badge[{status_text(row['status'])}]"]
        if row.get("denominator") is not None:
            details.append(t("n_of", n=f"{row['denominator']:,.0f}"))
        if entry.accumulation == "flow" and target is not None:
            projected = format_value(row.get("projected_value"), entry.unit, lang)
            details.append(f"{t('projection')} {projected}")
        st.caption(" · ".join(details))
        st.page_link(GLOSSARY_PAGE, label=t("see_definition"), icon=":material/menu_book:",
                     query_params={"kpi": entry.id})


def card_grid(rows: list[dict], per_row: int = 4) -> None:
    """KPI cards, `per_row` to a row."""
    for start in range(0, len(rows), per_row):
        for column, row in zip(st.columns(per_row), rows[start:start + per_row], strict=False):
            with column:
                kpi_card(row)


def _excel_bytes(frame: pl.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.write_excel(buffer, autofit=True)
    return buffer.getvalue()


def _csv_text(frame: pl.DataFrame) -> str:
    return "\ufeff" + frame.write_csv()


def download_buttons(frame: pl.DataFrame, name: str, key: str) -> None:
    """CSV (UTF-8 with BOM, so Korean Excel opens it) and Excel downloads of a table.

    The files are written only when a button is clicked: writing every table's workbook on
    every rerun was most of a page's render time, and grows with the table.
    """
    left, right = st.columns(2)
    left.download_button(t("download_csv"), data=partial(_csv_text, frame),
                         file_name=f"{name}.csv", mime="text/csv", key=f"{key}-csv",
                         icon=":material/download:", on_click="ignore")
    right.download_button(t("download_xlsx"), data=partial(_excel_bytes, frame),
                          file_name=f"{name}.xlsx", key=f"{key}-xlsx",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          icon=":material/download:", on_click="ignore")


def empty_state(message_key: str = "no_rows") -> None:
    """A friendly note instead of an empty table or chart."""
    st.info(t(message_key), icon=":material/info:")


def labelled(frame: pl.DataFrame, columns: dict[str, str]) -> pl.DataFrame:
    """The chosen columns, in order, headed by their label (column -> i18n key)."""
    return frame.select([pl.col(column).alias(t(key)) for column, key in columns.items()])


def domain_cards(board: pl.DataFrame, kpi_ids: tuple[str, ...], chosen: list[str],
                 reporting: list[str], names: dict[str, str]) -> None:
    """KPI cards for the chosen consortia: the program total when all are chosen, else each."""
    groups = ["ALL"] if set(chosen) == set(reporting) else chosen
    for consortium_id in groups:
        rows = {r["kpi_id"]: r for r in board.filter(pl.col("consortium_id") == consortium_id)
                .iter_rows(named=True)}
        if not rows:
            continue
        st.subheader(names.get(consortium_id, consortium_id))
        card_grid([rows[k] for k in kpi_ids if k in rows])
