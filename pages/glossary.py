"""Glossary: every KPI as the catalogue defines it, so any figure on any page can be looked up.

A KPI card links here with `?kpi=<id>`: that KPI comes first, expanded and marked. The domain
filter lives in the URL like the other filters; the search box does not (it is a passing aid).
"""

from __future__ import annotations

import streamlit as st

from ui.filters import url_selectbox
from ui.glossary import domains, fields, shown
from ui.i18n import language, t, text_in
from ui.widgets import empty_state
from warehouse.catalogue import kpi_ids, status_rule

lang = language()
st.title(t("glossary"))
st.caption(t("glossary_intro"))
rule = status_rule().description_ko if lang == "ko" else status_rule().description_en
st.markdown(f"**{t('status_rule')}**: {rule}")

chosen = st.query_params.get("kpi")
chosen = chosen if chosen in kpi_ids() else None
left, right = st.columns([1, 2])
domain = url_selectbox(t("domain"), domains(), "domain",
                       format_func=lambda d: text_in(lang, f"domain_{d}"), container=left)
query = right.text_input(t("search"), key="glossary-search", placeholder=t("search_hint"))

entries = shown(domain, query or "", chosen)
if not entries:
    empty_state("no_kpi_matches")
for entry in entries:
    is_chosen = entry.id == chosen
    label = f"{entry.name(lang)} · {t(f'domain_{entry.domain}')}"
    if is_chosen:
        label = f"{label} · {t('selected_kpi')}"
    icon = ":material/bookmark:" if is_chosen else ":material/menu_book:"
    with st.expander(label, expanded=is_chosen, icon=icon):
        st.markdown("\n".join(f"- **{name}**: {text}" for name, text in fields(entry, lang)))
