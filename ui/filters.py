"""The sidebar filters, kept in the URL so that a link reproduces the view.

Each widget is bound to a query parameter (`lang`, `period`, `consortium`), so the address bar
always holds the current selection and opening a shared link restores it.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
import streamlit as st

from ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, language, t


@dataclass(frozen=True)
class Filters:
    """What the user chose in the sidebar."""

    language: str
    period: str
    consortium_ids: list[str]


def consortium_label(consortia: pl.DataFrame, consortium_id: str) -> str:
    """The consortium's name in the current language."""
    if consortium_id == "ALL":
        return t("program_total")
    row = consortia.filter(pl.col("consortium_id") == consortium_id)
    if row.height == 0:
        return consortium_id
    return row.item(0, "name_ko" if language() == "ko" else "name_en")


def language_switch() -> str:
    """The language control; it must run before any text is drawn."""
    st.sidebar.segmented_control(
        "언어 / Language", options=list(LANGUAGES), format_func=LANGUAGES.__getitem__,
        default=DEFAULT_LANGUAGE, required=True, key="lang", bind="query-params")
    return language()


def sidebar_filters(consortia: pl.DataFrame, periods: list[str]) -> Filters:
    """Quarter and consortium selectors; the latest quarter and every consortium by default."""
    ids = consortia["consortium_id"].to_list()
    period = st.sidebar.selectbox(t("period"), options=list(reversed(periods)), key="period",
                                  bind="query-params")
    chosen = st.sidebar.multiselect(
        t("consortia"), options=ids, default=ids, key="consortium", bind="query-params",
        format_func=lambda cid: consortium_label(consortia, cid))
    return Filters(language=language(), period=period, consortium_ids=list(chosen))


def current() -> Filters:
    """The filters chosen on this run (set by dashboard.py before the page runs)."""
    return st.session_state["filters"]
