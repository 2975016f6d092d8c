"""The sidebar filters and page selectors, kept in the URL so that a link reproduces the view.

Each selector starts from its query parameter when a session opens (a shared link) and writes
its value back after every change, using stable ids (`period=2025-Q2`, `consortium=vaiv`,
`lang=en`) rather than display labels, so a link works in either language.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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


def _seed(key: str, options: Sequence[str], multi: bool = False) -> None:
    """On a new session, take the widget's starting value from the URL if it is valid."""
    if key in st.session_state:
        return
    values = [v for v in st.query_params.get_all(key) if v in options]
    if multi and key in st.query_params:
        st.session_state[key] = values
    elif values:
        st.session_state[key] = values[0]


def _publish(key: str, value: str | list[str] | None, default: str | list[str] | None) -> None:
    if value is None or value == default:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = value


def url_selectbox(label: str, options: Sequence[str], key: str,
                  format_func: Callable[[str], str] = str, container=st) -> str:
    """A selectbox whose choice lives in the URL under `key`; the first option is the default."""
    _seed(key, options)
    if key in st.session_state and st.session_state[key] not in options:
        del st.session_state[key]  # e.g. a quarter from an old link that has no data now
    value = container.selectbox(label, options, key=key, format_func=format_func)
    _publish(key, value, options[0] if options else None)
    return value


def url_multiselect(label: str, options: Sequence[str], key: str,
                    format_func: Callable[[str], str] = str, container=st) -> list[str]:
    """A multiselect whose choice lives in the URL; everything is selected by default."""
    _seed(key, options, multi=True)
    if key not in st.session_state:
        st.session_state[key] = list(options)
    value = container.multiselect(label, options, key=key, format_func=format_func)
    _publish(key, list(value), list(options))
    return list(value)


def consortium_label(consortia: pl.DataFrame, consortium_id: str) -> str:
    """The consortium's name in the current language."""
    if consortium_id == "ALL":
        return t("program_total")
    row = consortia.filter(pl.col("consortium_id") == consortium_id)
    if row.height == 0:
        return consortium_id
    return row.item(0, "name_ko" if language() == "ko" else "name_en")


def consortium_names(consortia: pl.DataFrame) -> dict[str, str]:
    """Every consortium's name (and the program total's) in the current language."""
    ids = [*consortia["consortium_id"].to_list(), "ALL"]
    return {cid: consortium_label(consortia, cid) for cid in ids}


def reporting_ids(consortia: pl.DataFrame) -> list[str]:
    """The consortia that have sent data (the ones the sidebar offers)."""
    return consortia.filter(pl.col("data_until_date").is_not_null())["consortium_id"].to_list()


def language_switch() -> str:
    """The language control; it must run before any text is drawn."""
    options = list(LANGUAGES)
    _seed("lang", options)
    if "lang" not in st.session_state:
        st.session_state["lang"] = DEFAULT_LANGUAGE
    st.sidebar.segmented_control("언어 / Language", options=options, key="lang",
                                 format_func=LANGUAGES.__getitem__, required=True)
    _publish("lang", language(), DEFAULT_LANGUAGE)
    return language()


def sidebar_filters(consortia: pl.DataFrame, periods: list[str]) -> Filters:
    """Quarter and consortium selectors; the latest quarter and every consortium by default."""
    period = url_selectbox(t("period"), list(reversed(periods)), "period", container=st.sidebar)
    chosen = url_multiselect(t("consortia"), reporting_ids(consortia), "consortium",
                             format_func=lambda cid: consortium_label(consortia, cid),
                             container=st.sidebar)
    return Filters(language=language(), period=period, consortium_ids=chosen)


def current() -> Filters:
    """The filters chosen on this run (set by dashboard.py before the page runs)."""
    return st.session_state["filters"]


def url_text_area(label: str, key: str, container=st, **options) -> str:
    """A text area whose text lives in the URL under `key` (no parameter while empty).

    A session opened from a link with text under `key` is marked in `<key>_from_link`, so the
    page can act on it (the SQL workbench runs a shared query on opening).
    """
    if key not in st.session_state:
        shared = st.query_params.get(key, "")
        st.session_state[key] = shared
        st.session_state[f"{key}_from_link"] = bool(shared.strip())
    value = container.text_area(label, key=key, **options)
    _publish(key, value, "")
    return value
