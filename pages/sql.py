"""SQL workbench: analysts' own read-only queries on the warehouse, with the saved-query library
and the schema browser beside the editor.

The query text lives in the URL (`sql=`), so a link shares it, and a link opened with a query
runs it at once. The editor (ui/sql_editor.py) completes the live warehouse's tables and
columns and runs the query on Ctrl+Enter. Queries run in the sandbox (warehouse/sandbox.py)
through ui/data.py; the page holds no SQL of its own and never opens a connection.
"""

from __future__ import annotations

import streamlit as st

from ui import data
from ui.i18n import t
from ui.sql_editor import set_editor_text, sql_editor
from ui.workbench import result, saved_library, schema_browser
from warehouse.saved_queries import SavedQuery

RESULT = "sql_result"
RUN_NEXT = "sql_run_next"


def pick_saved(query: SavedQuery) -> None:
    """Load a saved query into the editor and run it on this rerun."""
    set_editor_text(query.sql)
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
    text, submitted = sql_editor(data.schema())
    clicked = st.button(t("sql_run"), type="primary", icon=":material/play_arrow:",
                        key="sql_run", disabled=not text.strip())
    if submitted:  # kept until the run finishes: the editor's next event may interrupt it
        st.session_state[RUN_NEXT] = True
    from_link = st.session_state.pop("sql_from_link", False)
    if (clicked or from_link or st.session_state.get(RUN_NEXT)) and text.strip():
        with st.spinner():
            st.session_state[RESULT] = data.run_sql(text)
        st.session_state.pop(RUN_NEXT, None)
    outcome = st.session_state.get(RESULT)
    if outcome is not None:
        if outcome.sql != text:
            st.caption(t("sql_result_of_earlier"))
        result(outcome, limits)
