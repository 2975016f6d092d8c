"""Who is looking: the signed-in person and their role, or the local mode without sign-in.

With an `[auth]` section in the secrets file the app uses Streamlit's OpenID Connect sign-in
(`st.login`) and the access file decides the role. Without one it runs in local mode: every page
is open, the sidebar says so, and the server must listen on the loopback address only.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from ui.access import Role, load_rules

LOOPBACK = {"localhost", "127.0.0.1", "::1"}


@dataclass(frozen=True)
class Viewer:
    """The person using this session."""

    email: str | None
    role: Role | None
    local_mode: bool
    signed_in: bool


def sign_in_configured() -> bool:
    """Whether an identity provider is configured in the secrets file."""
    try:
        return "auth" in st.secrets
    except (FileNotFoundError, StreamlitSecretNotFoundError):
        return False


def served_on_loopback() -> bool:
    """Whether the server listens on the loopback address only."""
    address = st.get_option("server.address")
    return address in LOOPBACK


def current_viewer() -> Viewer:
    """The viewer of this session (local mode is an administrator on this machine)."""
    if not sign_in_configured():
        return Viewer(email=None, role="admin", local_mode=True, signed_in=False)
    if not st.user.is_logged_in:
        return Viewer(email=None, role=None, local_mode=False, signed_in=False)
    email = st.user.get("email")
    groups = st.user.get("groups") or []
    role = load_rules().role_for(email, list(groups) if isinstance(groups, list) else [groups])
    return Viewer(email=email, role=role, local_mode=False, signed_in=True)


def session_allows(needed: Role) -> bool:
    """Whether this session's viewer may see something meant for `needed` and above."""
    from ui.access import allows

    return allows(st.session_state.get("viewer_role"), needed)
