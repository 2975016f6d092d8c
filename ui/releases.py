"""The reports page's two notices: what is new since this browser's last visit, and which
published editions a later load has put out of date.

The last visit is remembered in the page's own address: `?seen=<update time of the newest
feed entry shown>`. The page reads it when a session opens and writes the newest time back, so
the address the browser keeps (a bookmark, its history, a pinned tab) carries the last edition
that browser was shown. Why not something else: Streamlit cannot set a cookie from the server
without a custom component, and a cookie here would be one more piece of personal data to
declare; `st.session_state` forgets at every reload; a per-user record on the server would make
the app write to disk (today it only reads) and would not exist in local mode. The address
needs none of that, works signed in or not, and is tested like every other URL filter. Its
limits are said on the page: a shared link carries the sender's mark, and a browser that opens
the bare address starts afresh.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import streamlit as st

from reports.feed import Entry
from reports.restatements import Restatement
from ui.i18n import language, t

SEEN = "seen"
_SINCE = "reports_seen_since"
_STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def last_visit() -> str | None:
    """The newest edition this browser had been shown when the session opened (None: never)."""
    if _SINCE not in st.session_state:
        seen = st.query_params.get(SEEN)
        st.session_state[_SINCE] = seen if seen and _STAMP.match(seen) else None
    return st.session_state[_SINCE]


def _summary(entry: Entry) -> str:
    """The entry's summary in the page's language (its first line is Korean, its second English),
    with any notes that follow."""
    lines = entry.summary.splitlines()
    head = lines[0 if language() == "ko" else 1] if len(lines) > 1 else entry.summary
    return " · ".join([head, *lines[2:]])


def whats_new(entries: list[Entry], label: Callable[[str], str]) -> None:
    """Editions published or republished since the last visit; then remember this visit."""
    since = last_visit()
    if entries:
        st.query_params[SEEN] = max(e.updated for e in entries)
    if since is None:
        st.caption(t("first_visit"))
        return
    new = [e for e in entries if e.updated > since]
    shown = since.replace("T", " ").removesuffix("Z")
    if not new:
        st.caption(t("nothing_new", since=shown))
        return
    with st.container(border=True, key="new-since-visit"):
        st.markdown(f"**{t('new_since_visit', since=shown)}**")
        for entry in new:
            st.markdown(f"- **{label(entry.snapshot_id)}** "
                        f"({entry.updated.replace('T', ' ').removesuffix('Z')} UTC): "
                        f"{_summary(entry)}")


def out_of_date_notice(found: list[Restatement]) -> None:
    """Which published editions no longer match the warehouse, and by how much."""
    if not found:
        return
    lines = "\n".join(f"- {r.line(language())}" for r in found)
    st.warning(f"{t('out_of_date', n=len(found))}\n\n{lines}\n\n{t('republish_hint')}",
               icon=":material/update:")
