"""The app's door to published snapshots: their list, files and frozen figures, cached.

Figures shown "as of" a snapshot come from the snapshot's own Parquet files, never from the live
warehouse. A snapshot's version folder never changes once written, so results are cached by
that folder's path: a republished snapshot is a new folder and is read afresh.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import streamlit as st

from reports import feed, restatements, snapshots
from reports.restatements import Restatement
from reports.snapshots import Snapshot
from ui import data

#: (edition, file name, label key, language) of each downloadable artefact
ARTEFACTS = [(edition, f"{kind}-{lang}.{ext}", label, lang)
             for edition in ("internal", "public")
             for kind, ext, label in (("report", "pdf", "PDF"), ("report", "html", "HTML"),
                                      ("kpis", "xlsx", "Excel"))
             for lang in ("ko", "en")]


def listed() -> list[Snapshot]:
    """Every published snapshot, newest quarter first."""
    return snapshots.list_snapshots()


@st.cache_data(show_spinner=False, max_entries=64)
def _as_of(folder: str, snapshot_id: str, manifest: dict) -> pl.DataFrame:
    return snapshots.as_of(Snapshot(snapshot_id, Path(folder), manifest))


@st.cache_data(show_spinner=False, max_entries=64)
def _consortia(folder: str) -> pl.DataFrame:
    return pl.read_parquet(Path(folder) / "internal" / "data" / "dim_consortium.parquet")


@st.cache_data(show_spinner=False, max_entries=64)
def _compare(first: tuple[str, str, dict], second: tuple[str, str, dict]) -> pl.DataFrame:
    def snapshot(key: tuple[str, str, dict]) -> Snapshot:
        return Snapshot(key[1], Path(key[0]), key[2])

    return snapshots.compare(snapshot(first), snapshot(second))


def _key(snapshot: Snapshot) -> tuple[str, str, dict]:
    return str(snapshot.path), snapshot.id, snapshot.manifest


def as_of(snapshot: Snapshot) -> pl.DataFrame:
    """The KPIs of the snapshot's quarter as it published them."""
    return _as_of(*_key(snapshot))


def consortia(snapshot: Snapshot) -> pl.DataFrame:
    """The consortia as the snapshot froze them (names for labels)."""
    return _consortia(str(snapshot.path))


def compare(first: Snapshot, second: Snapshot) -> pl.DataFrame:
    """KPI deltas between two snapshots, restated values flagged."""
    return _compare(_key(first), _key(second))


@st.cache_data(show_spinner=False, max_entries=256)
def _restatement(folder: str, snapshot_id: str, manifest: dict,
                 warehouse_version: str) -> Restatement | None:
    snapshot = Snapshot(snapshot_id, Path(folder), manifest)
    return restatements.against(snapshot, data.scorecard(snapshot.period, None))


def out_of_date(listed: list[Snapshot]) -> list[Restatement]:
    """The listed snapshots whose quarter the warehouse version of this run now holds
    differently (a late or corrected load after publication); none before the first load."""
    try:
        current = data.version()
    except data.WarehouseMissing:
        return []
    found = (_restatement(*_key(s), current) for s in listed)
    return [r for r in found if r is not None]


def feed_entries() -> list[feed.Entry]:
    """The internal release feed's entries, newest first (read afresh: it is a small file)."""
    return feed.read(snapshots.root() / feed.FEEDS["internal"])
