"""The SQL workbench's editor: highlighting, completion of the warehouse's names, Ctrl+Enter.

It is the Ace editor of `streamlit-code-editor`, whose JavaScript ships inside the wheel, so it
works with no network. The editor's text is kept in the session under the same key the URL
uses (`sql=`), as the plain text area before it did: a shared link opens with its query, the
saved-query library writes into it, and the Run button runs it. The editor sends its text back a
moment after typing stops, and at once with Ctrl+Enter (Cmd+Enter on a Mac), which also runs it.
"""

from __future__ import annotations

import polars as pl
import streamlit as st
from code_editor import code_editor

from ui.i18n import t

#: the last editor event handled; the component repeats its last event on every rerun
SEEN = "{key}_event"
#: the text the editor was last given; changing it (a saved query picked) replaces the editor's
SEED = "{key}_seed"


def completions(schema: pl.DataFrame) -> list[dict]:
    """Every table, view and column of the live warehouse, as editor completions."""
    items = [{"caption": name, "value": name, "meta": kind, "name": name, "score": 1000}
             for name, kind in schema.select("relation_name", "relation_kind").unique(
                 maintain_order=True).iter_rows()]
    columns = schema["column_name"].unique(maintain_order=True).to_list()
    items += [{"caption": c, "value": c, "meta": "column", "name": c, "score": 900}
              for c in columns]
    return items


def sql_editor(schema: pl.DataFrame, key: str = "sql") -> tuple[str, bool]:
    """The editor; returns its text and whether Ctrl+Enter asked to run it."""
    if key not in st.session_state:
        shared = st.query_params.get(key, "")
        st.session_state[key] = shared
        st.session_state[f"{key}_from_link"] = bool(shared.strip())
    st.session_state.setdefault(SEED.format(key=key), st.session_state[key])
    st.caption(f"{t('sql_editor')} · {t('sql_editor_keys')}")
    event = code_editor(
        st.session_state[SEED.format(key=key)], lang="sql", height=[12, 24], allow_reset=True,
        completions=completions(schema), response_mode="debounce", ghost_text=t("sql_placeholder"),
        props={"enableBasicAutocompletion": True, "enableLiveAutocompletion": True,
               "enableSnippets": False},
        options={"showLineNumbers": True, "wrap": True, "tabSize": 2},
        key=f"{key}-editor")
    run = False
    seen = SEEN.format(key=key)
    if event and event.get("id") and event["id"] != st.session_state.get(seen):
        st.session_state[seen] = event["id"]
        st.session_state[key] = event["text"]
        run = event.get("type") == "submit"
    text = st.session_state[key]
    if text:
        st.query_params[key] = text
    else:
        st.query_params.pop(key, None)
    return text, run


def set_editor_text(text: str, key: str = "sql") -> None:
    """Put `text` in the editor (a saved query picked), replacing what it holds."""
    st.session_state[key] = text
    st.session_state[SEED.format(key=key)] = text
