"""Load data (administrators): upload a quarter's submission, check it, then publish it."""

from __future__ import annotations

import polars as pl
import streamlit as st

from etl.report import summary_rows
from ui import data, snapshots
from ui.i18n import language, t
from ui.releases import out_of_date_notice
from ui.tables import table
from ui.uploads import UploadRefused, check_or_load

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
                                    progress=progress, file_name=upload.name)
except UploadRefused as error:
    st.error(f"{t('load_refused')}: {error.message(language())}", icon=":material/block:")
    st.stop()

if report.results:  # a load that stopped before any submission has no rows to show
    table(pl.DataFrame(summary_rows(report)), key="load-summary")
for result in report.results:
    for problem in result.problems:
        st.error(str(problem), icon=":material/error:")
    if result.rejections.height:
        st.subheader(f"{t('load_rejections')}: {result.shown}")
        table(result.rejections.drop("reason_code"), name=f"rejections-{result.folder.name}",
              key=f"rej-{result.shown}")
    if result.not_counted is not None and result.not_counted.height:
        st.subheader(f"{t('not_counted')}: {result.shown}")
        st.caption(t("not_counted_help"))
        table(result.not_counted, name=f"not-counted-{result.folder.name}",
              key=f"nc-{result.shown}")
if report.stopped:
    st.error(report.stopped[0 if language() == "en" else 1], icon=":material/block:")
elif report.dry_run:
    st.info(t("load_checked"), icon=":material/fact_check:")
elif report.warehouse_file:
    st.success(t("load_published", name=report.warehouse_file.name), icon=":material/done_all:")
else:
    st.info(t("load_unchanged"), icon=":material/info:")
if not report.dry_run:
    data.pin_version()  # the rest of this run reads the version the load left live
    out_of_date_notice(snapshots.out_of_date(snapshots.listed()))
st.caption(t("load_journal", path=str(journal)))
