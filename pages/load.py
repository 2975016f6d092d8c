"""Load data (administrators): upload a quarter's submission, check it, then publish it."""

from __future__ import annotations

import polars as pl
import streamlit as st

from etl.report import summary_rows
from ui.i18n import t
from ui.uploads import UploadRefused, check_or_load
from ui.widgets import download_buttons

st.title(t("load_title"))
st.caption(t("load_help"))
upload = st.file_uploader(t("load_upload"), type=["zip"], key="submission-zip")
if upload is None:
    st.info(t("load_empty"), icon=":material/upload_file:")
    st.stop()

who = st.session_state.get("viewer_email") or "local"
bar = st.progress(0.0)


def progress(done: int, total: int, label: str) -> None:
    bar.progress(done / max(total, 1), text=label)


dry_run = not st.toggle(t("load_publish"), key="load-publish")
try:
    report, journal = check_or_load(upload.getvalue(), dry_run=dry_run, loaded_by=who,
                                    progress=progress)
except UploadRefused as error:
    st.error(f"{t('load_refused')}: {error}", icon=":material/block:")
    st.stop()

rows = pl.DataFrame(summary_rows(report))
st.dataframe(rows, hide_index=True)
for result in report.results:
    for problem in result.problems:
        st.error(str(problem), icon=":material/error:")
    if result.rejections.height:
        st.subheader(f"{t('load_rejections')}: {result.folder.name}")
        table = result.rejections.drop("reason_code")
        st.dataframe(table, hide_index=True)
        download_buttons(table, f"rejections-{result.folder.name}", key=f"rej-{result.folder}")
    if result.not_counted is not None and result.not_counted.height:
        st.subheader(f"{t('not_counted')}: {result.folder.name}")
        st.caption(t("not_counted_help"))
        st.dataframe(result.not_counted, hide_index=True)
if report.dry_run:
    st.info(t("load_checked"), icon=":material/fact_check:")
elif report.warehouse_file:
    st.success(t("load_published", name=report.warehouse_file.name), icon=":material/done_all:")
else:
    st.info(t("load_unchanged"), icon=":material/info:")
st.caption(t("load_journal", path=str(journal)))
