"""Where snapshots live, how a new one is switched in, and reading them back.

Layout under the snapshot root (OUTCOMES_SNAPSHOT_DIR, default `snapshots/` in the repository):

    <id>                    -> .versions/<id>/<stamp>-<random>   (a symbolic link)
    .versions/<id>/...      every version ever published, never changed once written

A publish writes a new version folder beside the others and only then points `<id>` at it with
an atomic rename of the link, so a reader sees the old snapshot or the new one, never a mix, and a
replaced snapshot is kept. One publisher at a time holds `.publish.lock`; the scheduled run
(reports/due.py) holds it for its whole length, together with the warehouse's `load.lock`, and
`file_lock` is re-entrant so that its publishes can take it again. The root also holds the
release feeds (reports/feed.py), `feed.xml` and `feed-public.xml`.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import polars as pl

import config

MANIFEST = "manifest.json"
VERSIONS = ".versions"
LOCK = ".publish.lock"
SCORECARD = "internal/data/kpi_scorecard.parquet"


class AlreadyPublished(Exception):
    """The snapshot exists and replacing it was not asked for."""


@dataclass(frozen=True)
class Snapshot:
    """One published snapshot: its id, its (immutable) folder and its manifest."""

    id: str
    path: Path
    manifest: dict[str, Any]

    @property
    def period(self) -> str:
        """The quarter whose figures it freezes."""
        return self.manifest["period"]

    def file(self, relative: str) -> Path:
        """A file of the snapshot, by its path in the manifest."""
        return self.path / relative


def root() -> Path:
    """The configured snapshot root."""
    return config.snapshot_dir()


def open_snapshot(snapshot_id: str, directory: Path | None = None) -> Snapshot | None:
    """The snapshot with this id, or None."""
    link = (directory or root()) / snapshot_id
    manifest = link / MANIFEST
    if snapshot_id.startswith(".") or not manifest.is_file():
        return None
    return Snapshot(snapshot_id, link.resolve(), json.loads(manifest.read_text("utf-8")))


def list_snapshots(directory: Path | None = None) -> list[Snapshot]:
    """Every published snapshot, newest quarter first."""
    directory = directory or root()
    if not directory.is_dir():
        return []
    found = [open_snapshot(p.name, directory) for p in directory.iterdir()
             if not p.name.startswith(".")]
    return sorted((s for s in found if s is not None),
                  key=lambda s: (s.period, s.manifest.get("kind") == "year", s.id), reverse=True)


class Busy(Exception):
    """Another process holds a lock a publish needs (a publish or a load is running)."""


_held: dict[str, threading.RLock] = {}
#: how deep the thread holding each path's RLock has entered (only it changes its entry)
_depth: dict[str, int] = {}
_held_guard = threading.Lock()


@contextmanager
def file_lock(path: Path, wait_s: float | None = None) -> Iterator[None]:
    """An exclusive lock on `path` across processes, re-entrant within one thread.

    Re-entrant so that the scheduled run can hold the publish lock around its decisions and
    its publishes, which take the same lock again. `wait_s` None waits as long as it takes;
    otherwise Busy is raised once `wait_s` seconds pass without the lock.
    """
    key = str(path.resolve())
    with _held_guard:
        local = _held.setdefault(key, threading.RLock())
    if not local.acquire(timeout=-1 if wait_s is None else wait_s):
        raise Busy(f"{path} is held by another publish in this process")
    try:
        if _depth.get(key):
            _depth[key] += 1
            try:
                yield
            finally:
                _depth[key] -= 1
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a") as handle:
            _flock(handle, path, wait_s)
            _depth[key] = 1
            try:
                yield
            finally:
                _depth[key] = 0
                fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        local.release()


def _flock(handle: IO[str], path: Path, wait_s: float | None) -> None:
    if wait_s is None:
        fcntl.flock(handle, fcntl.LOCK_EX)
        return
    deadline = time.monotonic() + wait_s
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise Busy(f"{path} is held by another process (a publish or a load is "
                           f"running); gave up after {wait_s:g} s") from None
            time.sleep(min(1.0, max(deadline - time.monotonic(), 0.01)))


def publish_lock(directory: Path | None = None, wait_s: float | None = None
                 ) -> AbstractContextManager[None]:
    """The lock every publish holds while it switches a snapshot in and rewrites the feeds."""
    return file_lock((directory or root()) / LOCK, wait_s)


def refuse_if_published(snapshot_id: str, replace: bool, directory: Path | None = None) -> None:
    """Raise AlreadyPublished unless the id is free or replacing was asked for."""
    existing = open_snapshot(snapshot_id, directory)
    if existing is not None and not replace:
        raise AlreadyPublished(
            f"snapshot {snapshot_id} was already published at "
            f"{existing.manifest.get('created_at')}; add --replace to publish a new version "
            f"(the current one is kept in {VERSIONS}/{snapshot_id}/)")


@contextmanager
def new_version(snapshot_id: str, replace: bool,
                directory: Path | None = None) -> Iterator[Path]:
    """A fresh folder to write the snapshot into; switched in only if the block completes."""
    directory = directory or root()
    versions = directory / VERSIONS / snapshot_id
    versions.mkdir(parents=True, exist_ok=True)
    with publish_lock(directory):
        refuse_if_published(snapshot_id, replace, directory)
        building = versions / f".building-{uuid.uuid4().hex}"
        building.mkdir()
        try:
            yield building
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            final = versions / f"{stamp}-{uuid.uuid4().hex[:8]}"
            building.rename(final)
            link = directory / f".{snapshot_id}.{uuid.uuid4().hex}"
            os.symlink(final.relative_to(directory), link)
            os.replace(link, directory / snapshot_id)
        finally:
            shutil.rmtree(building, ignore_errors=True)


def scorecard(snapshot: Snapshot) -> pl.DataFrame:
    """The snapshot's frozen scorecard: every KPI row up to its quarter."""
    return pl.read_parquet(snapshot.file(SCORECARD))


def as_of(snapshot: Snapshot) -> pl.DataFrame:
    """The KPIs of the snapshot's own quarter, as published."""
    return scorecard(snapshot).filter(pl.col("period") == snapshot.period)


def changed(before: str, after: str) -> pl.Expr:
    """True where a figure differs beyond float noise; a figure and a missing one differ."""
    same = ((pl.col(after) - pl.col(before)).abs() < 1e-9) | (
        pl.col(after).is_null() & pl.col(before).is_null())
    return (~same).fill_null(True)


def compare(first: Snapshot, second: Snapshot) -> pl.DataFrame:
    """KPI deltas from the older snapshot to the newer, with restated values flagged.

    `restated` is true where the newer snapshot holds a different figure for the older
    snapshot's own quarter than the one published then (data changed after publication).
    """
    older, newer = sorted((first, second), key=lambda s: (s.period, s.manifest["created_at"]))
    keys = ["kpi_id", "consortium_id"]
    then = as_of(older).select(*keys, "display_order", pl.col("value").alias("value_older"),
                               pl.lit(True).alias("in_older"))
    now = as_of(newer).select(*keys, "display_order", pl.col("value").alias("value_newer"))
    revised = (scorecard(newer).filter(pl.col("period") == older.period)
               .select(*keys, pl.col("value").alias("older_period_now")))
    joined = (then.join(now, on=keys, how="full", coalesce=True)
              .join(revised, on=keys, how="left")
              .with_columns(pl.coalesce("display_order", "display_order_right")
                            .alias("display_order"))
              .drop("display_order_right"))
    return (joined.with_columns(
        (pl.col("value_newer") - pl.col("value_older")).alias("delta"),
        (pl.col("in_older").fill_null(False) & changed("value_older", "older_period_now"))
        .alias("restated"),
        pl.lit(older.period).alias("older_period"), pl.lit(newer.period).alias("newer_period"))
        .drop("in_older").sort("display_order", "consortium_id"))
