"""The app's door to published snapshots: their list, files and frozen figures, cached.

Figures shown "as of" a snapshot come from the snapshot's own Parquet files, never from the live
warehouse. A snapshot's version folder never changes once written, so results are cached by
that folder's path: a republished snapshot is a new folder and is read afresh.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import streamlit as st

from reports import snapshots
from reports.snapshots import Snapshot

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
