"""From a KPI to the pseudonymised records it counts, for analysts and administrators only.

Leadership sees a note instead: record-level rows are for checking figures, not for reading
about individuals, and ui.data refuses them to a lower role even if a page forgot to ask.
"""

from __future__ import annotations

import streamlit as st

from ui import data
from ui.filters import current, url_selectbox
from ui.i18n import language, t
from ui.session import session_allows
from ui.tables import table
from ui.widgets import empty_state
from warehouse.catalogue import kpi


def kpi_drilldown(kpi_ids: tuple[str, ...], key: str) -> None:
    """A KPI chooser and the records behind it, with CSV and Excel downloads."""
    st.subheader(t("drilldown"))
    if not session_allows("analyst"):
        st.caption(f":material/lock: {t('drilldown_analysts_only')}")
        return
    filters, lang = current(), language()
    names = {k: kpi(k).name(lang) for k in kpi_ids}
    chosen = url_selectbox(t("choose_kpi"), list(kpi_ids), f"{key}_kpi",
                           format_func=names.__getitem__)
    records = data.kpi_records(chosen, filters.period, filters.consortium_ids)
    if records.height == 0:
        empty_state()
        return
    st.caption(t("drilldown_help", n=f"{records.height:,}"))
    table(records, name=f"{chosen}-{filters.period}-records", key=f"{key}-records")
