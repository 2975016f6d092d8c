"""Entry point of the outcomes dashboard: page registry and the shared sidebar.

Run with `make run` (or `streamlit run dashboard.py`). The sidebar's language, quarter and
consortium choices live in the URL; each page reads them through `ui.filters.current()`.
"""

from __future__ import annotations

import streamlit as st

from ui import data
from ui.filters import language_switch, sidebar_filters
from ui.i18n import t

st.set_page_config(page_title="GenAI Talent Outcomes", page_icon=":material/school:",
                   layout="wide")
language_switch()

pages = [
    st.Page("pages/overview.py", title=t("overview"), icon=":material/dashboard:",
            url_path="overview", default=True),
    st.Page("pages/consortium.py", title=t("consortium"), icon=":material/groups:",
            url_path="consortium"),
    st.Page("pages/sql.py", title=t("sql"), icon=":material/terminal:", url_path="sql"),
]
navigation = st.navigation(pages)

try:
    consortia, periods = data.consortia(), data.periods()
except data.WarehouseMissing:
    st.error(t("no_warehouse"), icon=":material/database:")
    st.stop()
if not periods:
    st.info(t("no_warehouse"), icon=":material/database:")
    st.stop()

st.session_state["filters"] = sidebar_filters(consortia, periods)
st.sidebar.caption(t("app_title"))
navigation.run()
