"""The screens shown instead of the dashboard: sign in, no access, or unsafe local mode.

They are registered as the only page of the navigation, so a visitor who may not see the
dashboard cannot reach any page file by its URL: Streamlit routes only to registered pages.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ui.i18n import t
from ui.session import Viewer, served_on_loopback


def _sign_in() -> None:
    st.title(t("app_title"))
    st.info(t("sign_in_needed"), icon=":material/login:")
    st.button(t("sign_in"), on_click=st.login, type="primary", key="sign-in")


def _no_access(email: str | None) -> Callable[[], None]:
    def screen() -> None:
        st.title(t("app_title"))
        st.warning(t("no_access", email=email), icon=":material/block:")
        st.button(t("sign_out"), on_click=st.logout, key="sign-out")
    return screen


def _exposed() -> None:
    st.title(t("app_title"))
    st.error(t("local_mode_exposed"), icon=":material/lock:")


def gate_for(viewer: Viewer) -> Callable[[], None] | None:
    """The screen that replaces the dashboard for this viewer, or None if they may enter."""
    if viewer.local_mode:
        return None if served_on_loopback() else _exposed
    if not viewer.signed_in:
        return _sign_in
    if viewer.role is None:
        return _no_access(viewer.email)
    return None
