"""Publishing warehouse versions: the only code that writes a warehouse file.

A load never touches the live file. It copies the live file to a new, uniquely named one, applies
the whole load there in one transaction, rebuilds and checks the views, checkpoints and closes it,
and only then switches the `CURRENT` pointer with an atomic rename. Readers therefore never wait
on a lock and never see half a load; a load that fails or is killed leaves an orphan file that is
never pointed to (and is cleaned up by the next load). One loader at a time holds `load.lock`.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl

import config
from warehouse import build

POINTER = "CURRENT"
LOCK = "load.lock"
KEEP_VERSIONS = 3

#: dataset name -> the raw table it is loaded into
SUBMITTED_TABLES = {
    "students": "raw_student",
    "publications": "raw_publication",
    "dispatches": "raw_dispatch",
    "destinations": "raw_destination",
    "projects": "raw_project",
    "targets": "raw_target",
    "support": "raw_support",
    "patents": "raw_patent",
    "transfers": "raw_transfer",
    "artefacts": "raw_artefact",
}
REFERENCE_TABLES = {
    "consortia": "raw_consortium",
    "institutions": "raw_institution",
    "consortium_members": "raw_consortium_member",
    "top_venues": "raw_top_venue",
    "ai_industry_ksic": "raw_ai_industry_ksic",
    "grants": "raw_grant",
}
LOG_TABLES = ("raw_load", "raw_load_file", "raw_rejected_row")


def current_file(directory: Path | None = None) -> Path | None:
    """The live warehouse file, or None if nothing was ever published."""
    directory = directory or config.warehouse_dir()
    try:
        name = (directory / POINTER).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return directory / name if name else None


class WarehouseVersion:
    """A warehouse version being built: writable, invisible to readers until published."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path) -> None:
        self._con = con
        self.path = path
        #: nothing is published unless something was written
        self.changed = False

    def _insert(self, table: str, frame: pl.DataFrame) -> None:
        if frame.height == 0:
            return
        self.changed = True
        self._con.register("incoming_rows", frame)
        try:
            self._con.execute(f"insert into {table} by name select * from incoming_rows")
        finally:
            self._con.unregister("incoming_rows")

    def replace_reference(self, frames: dict[str, pl.DataFrame], fingerprint: str) -> None:
        """Replace the reference tables as a whole, unless they are unchanged."""
        row = self._con.execute("select fingerprint from raw_reference_version").fetchone()
        if row and row[0] == fingerprint:
            return
        for dataset, table in REFERENCE_TABLES.items():
            self._con.execute(f"delete from {table}")
            self._insert(table, frames[dataset])
        self._con.execute("delete from raw_reference_version")
        self._con.execute("insert into raw_reference_version values (?, current_timestamp)",
                          [fingerprint])

    def replace_slice(self, consortium_id: str, period: str,
                      frames: dict[str, pl.DataFrame]) -> None:
        """Delete everything earlier loaded for this consortium and period, then insert."""
        self.changed = True
        for table in SUBMITTED_TABLES.values():
            self._con.execute(f"delete from {table} where consortium_id = ? and period = ?",
                              [consortium_id, period])
        self._con.execute("delete from raw_rejected_row where consortium_id = ? and period = ?",
                          [consortium_id, period])
        for dataset, frame in frames.items():
            self._insert(SUBMITTED_TABLES[dataset], frame)

    def append_log(self, table: str, frame: pl.DataFrame) -> None:
        """Add rows to the load log or the quarantine."""
        if table not in LOG_TABLES:
            raise ValueError(f"{table} is not a log table")
        self._insert(table, frame)

    def latest_fingerprint(self, consortium_id: str, period: str) -> str | None:
        """The fingerprint of the files last loaded for this slice, if any."""
        row = self._con.execute(
            "select fingerprint from raw_load where consortium_id = ? and period = ? "
            "order by loaded_at desc limit 1", [consortium_id, period]).fetchone()
        return row[0] if row else None


def version_label(file_name: str) -> str:
    """A version's file name as people read it: when it was published (UTC)."""
    stamp = file_name.removeprefix("warehouse-").split("-")[0]
    return f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]} {stamp[9:11]}:{stamp[11:13]}:{stamp[13:15]}"


def _new_path(directory: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    return directory / f"warehouse-{stamp}-{uuid.uuid4().hex[:8]}.duckdb"


def _publish(directory: Path, path: Path) -> None:
    pointer_tmp = directory / f".{POINTER}.{uuid.uuid4().hex}"
    pointer_tmp.write_text(path.name, encoding="utf-8")
    os.replace(pointer_tmp, directory / POINTER)


def _remove_old_versions(directory: Path) -> None:
    """Keep the live file and the newest few; readers holding an old file keep their handle."""
    live = current_file(directory)
    versions = sorted(directory.glob("warehouse-*.duckdb"), key=lambda p: p.name, reverse=True)
    for path in versions[KEEP_VERSIONS:]:
        if path != live:
            path.unlink(missing_ok=True)
            Path(f"{path}.wal").unlink(missing_ok=True)


@contextmanager
def _exclusive_lock(directory: Path) -> Iterator[None]:
    with open(directory / LOCK, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def new_version(directory: Path | None = None) -> Iterator[WarehouseVersion]:
    """A writable copy of the live warehouse, published only if the block completes.

    On leaving the block the views are rebuilt and checked; a failed check, or any exception
    in the block, discards the copy and leaves the live warehouse exactly as it was.
    """
    directory = directory or config.warehouse_dir()
    directory.mkdir(parents=True, exist_ok=True)
    with _exclusive_lock(directory):
        live = current_file(directory)
        path = _new_path(directory)
        if live is not None and live.exists():
            shutil.copyfile(live, path)
        try:
            con = duckdb.connect(str(path), config={"memory_limit": config.load_memory_limit()})
        except Exception:
            path.unlink(missing_ok=True)  # e.g. a damaged live file: leave no orphan copy
            raise
        published = False
        try:
            build.create_schema(con)
            con.execute("begin transaction")
            version = WarehouseVersion(con, path)
            yield version
            if version.changed or live is None or \
                    build.built_fingerprint(con) != build.code_fingerprint():
                build.build(con)
                con.execute("commit")
                con.execute("checkpoint")
                con.close()
                _publish(directory, path)
                published = True
        finally:
            if not published:
                con.close()
                path.unlink(missing_ok=True)
                Path(f"{path}.wal").unlink(missing_ok=True)
        _remove_old_versions(directory)
