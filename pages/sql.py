"""SQL workbench: analysts' own read-only queries on the warehouse, with the saved-query library
and the schema browser beside the editor.

The query text lives in the URL (`sql=`), so a link shares it, and a link opened with a query
runs it at once. Queries run in the sandbox (warehouse/sandbox.py) through ui/data.py; the page
holds no SQL of its own and never opens a connection.
"""

from __future__ import annotations

import streamlit as st

from ui import data
from ui.filters import url_text_area
from ui.i18n import t
from ui.workbench import result, saved_library, schema_browser
from warehouse.saved_queries import SavedQuery

RESULT = "sql_result"
RUN_NEXT = "sql_run_next"


def pick_saved(query: SavedQuery) -> None:
    """Load a saved query into the editor and run it on this rerun."""
    st.session_state["sql"] = query.sql
    st.session_state[RUN_NEXT] = True


limits = data.sql_limits()
st.title(t("sql"))
st.caption(t("sql_intro", timeout=limits.timeout_s, display=limits.display_rows,
             cap=limits.row_cap))

editor, side = st.columns([3, 2], gap="large")
with side:
    with st.expander(t("sql_saved"), expanded=True, icon=":material/bookmarks:"):
        saved_library(data.saved_queries(), pick_saved)
    with st.expander(t("sql_schema"), icon=":material/schema:"):
        schema_browser(data.schema())

with editor:
    text = url_text_area(t("sql_editor"), "sql", height=280,
                         placeholder=t("sql_placeholder"))
    clicked = st.button(t("sql_run"), type="primary", icon=":material/play_arrow:",
                        key="sql_run", disabled=not text.strip())
    from_link = st.session_state.pop("sql_from_link", False)
    if (clicked or from_link or st.session_state.pop(RUN_NEXT, False)) and text.strip():
        with st.spinner():
            st.session_state[RESULT] = data.run_sql(text)
    outcome = st.session_state.get(RESULT)
    if outcome is not None:
        if outcome.sql != text:
            st.caption(t("sql_result_of_earlier"))
        result(outcome, limits)
