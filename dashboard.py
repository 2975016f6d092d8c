"""Entry point of the outcomes dashboard: who is looking, which pages they get, the sidebar.

Run with `make run` (or `streamlit run dashboard.py`). The sidebar's language, quarter and
consortium choices live in the URL; each page reads them through `ui.filters.current()`. Only the
pages a viewer's role allows are registered, so others are neither listed nor reachable by URL;
`st.navigation` is called on every run, even for the sign-in screen, for that reason.
"""

from __future__ import annotations

import streamlit as st

from ui import data
from ui.filters import language_switch, sidebar_filters
from ui.gate import gate_for
from ui.i18n import t
from ui.navigation import pages_for
from ui.session import current_viewer

st.set_page_config(page_title="GenAI Talent Outcomes", page_icon=":material/school:",
                   layout="wide")
language_switch()
viewer = current_viewer()

gate = gate_for(viewer)
if gate is not None:
    st.navigation([st.Page(gate, title=t("app_title"), url_path="welcome", default=True)],
                  position="hidden").run()
    st.stop()

navigation = st.navigation([
    st.Page(spec.path, title=t(spec.title_key), icon=spec.icon, url_path=spec.url_path,
            default=spec.default)
    for spec in pages_for(viewer.role)])

try:
    data.pin_version()
    consortia, periods = data.consortia(), data.periods()
except data.WarehouseMissing:
    st.error(t("no_warehouse"), icon=":material/database:")
    st.stop()
if not periods:
    st.info(t("no_warehouse"), icon=":material/database:")
    st.stop()

st.session_state["filters"] = sidebar_filters(consortia, periods)
st.session_state["viewer_email"] = viewer.email
st.session_state["viewer_role"] = viewer.role
st.sidebar.caption(t("data_version", version=data.version_label()))
if viewer.local_mode:
    st.sidebar.caption(f":material/computer: {t('local_mode')}")
else:
    st.sidebar.caption(t("signed_in_as", email=viewer.email, role=t(f"role_{viewer.role}")))
    st.sidebar.button(t("sign_out"), on_click=st.logout, key="sign-out")
navigation.run()
