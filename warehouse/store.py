"""Publishing warehouse versions: the only code that writes a warehouse file.

A load never touches the live file. It copies the live file to a new, uniquely named one, applies
the whole load there, rebuilds and checks the views, checkpoints and closes it, and only then
switches the `CURRENT` pointer with an atomic rename. The pointer, not a database transaction,
makes the load all or nothing: no reader opens the new file before the switch, and a load that
fails or is killed leaves a file nobody points to. So the new file commits as it goes, and
DuckDB can write each submission and each rebuilt table to disk instead of holding the whole
load as one transaction in memory (at scale 1000 that transaction made a 3.9 GB peak). Readers
therefore never wait on a lock and never see half a load. One loader at a time holds
`load.lock`.

While a version is built, its `<file>.building` marker exists and the builder holds an flock on
it; the kernel drops that lock when the builder dies, even by `kill -9`. So a marker nobody holds
names an orphan, and `collect_garbage` (run by every load and by `python -m warehouse gc`) removes
it, together with old published versions no reader has open (seen in `/proc/locks`, where DuckDB
keeps a read lock for every open connection).
"""

from __future__ import annotations

import fcntl
import os
import re
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
BUILDING = ".building"
#: published versions kept even when no reader has them open: a page pins the version it
#: started with and may open it again between two queries
KEEP_VERSIONS = 3
#: one lock in /proc/locks names its file as "major:minor:inode" (major and minor in hex)
LOCKED_FILE = re.compile(r"^([0-9a-f]+):([0-9a-f]+):(\d+)$")
#: Linux ioctl that makes a file share another's blocks (copy on write: btrfs, XFS, ZFS)
FICLONE = 0x40049409

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
        #: raw tables whose content the load changed: what the rebuild starts from
        self.changed_tables: set[str] = set()
        #: for each of them, the consortia whose rows changed (None: possibly all)
        self.changed_consortia: dict[str, set[str] | None] = {}
        #: the tables the rebuild rebuilt (None: all, a full build)
        self.rebuilt: list[str] | None = None

    def _mark(self, table: str, consortium_ids: list[str] | None) -> None:
        """Record that `table` changed, for these consortia (None: for any)."""
        self.changed_tables.add(table)
        known = self.changed_consortia.get(table, set())
        if consortium_ids is None or known is None:
            self.changed_consortia[table] = None
        else:
            self.changed_consortia[table] = known | set(consortium_ids)

    def _insert(self, table: str, frame: pl.DataFrame) -> None:
        if frame.height == 0:
            return
        self.changed = True
        consortia = frame["consortium_id"].unique().to_list() \
            if "consortium_id" in frame.columns else None
        self._mark(table, consortia)
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
        for table in [*REFERENCE_TABLES.values(), "raw_reference_version"]:
            self._mark(table, None)
        self._con.execute("delete from raw_reference_version")
        self._con.execute("insert into raw_reference_version values (?, current_timestamp)",
                          [fingerprint])

    def replace_slice(self, consortium_id: str, period: str,
                      frames: dict[str, pl.DataFrame]) -> None:
        """Delete everything earlier loaded for this consortium and period, then insert."""
        self.changed = True
        before = {table: self._slice_digest(table, consortium_id, period)
                  for table in SUBMITTED_TABLES.values()}
        for table in SUBMITTED_TABLES.values():
            self._con.execute(f"delete from {table} where consortium_id = ? and period = ?",
                              [consortium_id, period])
        self._con.execute("delete from raw_rejected_row where consortium_id = ? and period = ?",
                          [consortium_id, period])
        self._mark("raw_rejected_row", [consortium_id])
        earlier = dict(self.changed_consortia)
        for dataset, frame in frames.items():
            self._insert(SUBMITTED_TABLES[dataset], frame)
        # a table whose slice holds the same rows as before (but for their load id) is unchanged
        # for everything built from it: a correction of one file rebuilds only what reads it
        for table, digest in before.items():
            if self._slice_digest(table, consortium_id, period) != digest:
                self._mark(table, [consortium_id])
            elif table in earlier:
                self.changed_consortia[table] = earlier[table]
            else:
                self.changed_tables.discard(table)
                self.changed_consortia.pop(table, None)

    def _slice_digest(self, table: str, consortium_id: str, period: str) -> tuple:
        """Row count and an order-free hash of a slice's rows, leaving out their load id."""
        row = self._con.execute(
            f"select count(*), sum(hash(slice)::hugeint) from (select * exclude (load_id) "
            f"from {table} where consortium_id = ? and period = ?) slice",
            [consortium_id, period]).fetchall()
        return tuple(row[0])

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


def _marker(path: Path) -> Path:
    return Path(f"{path}{BUILDING}")


def _open_files() -> set[tuple[int, int, int]] | None:
    """(major, minor, inode) of every file some process holds a lock on; None if unknown."""
    try:
        text = Path("/proc/locks").read_text(encoding="ascii")
    except OSError:
        return None
    found = set()
    for field_ in text.split():
        match = LOCKED_FILE.match(field_)
        if match:
            found.add((int(match[1], 16), int(match[2], 16), int(match[3])))
    return found


def _is_open(path: Path, open_files: set[tuple[int, int, int]]) -> bool:
    """Whether some process (a reader, a builder) has a DuckDB connection to the file."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return False
    return (os.major(stat.st_dev), os.minor(stat.st_dev), stat.st_ino) in open_files


def _being_built(marker: Path) -> bool:
    """Whether a running load holds the marker's lock (flock: per open file, not per process)."""
    try:
        handle = open(marker, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        handle.close()
    return False


def _remove(path: Path) -> None:
    path.unlink(missing_ok=True)
    Path(f"{path}.wal").unlink(missing_ok=True)
    _marker(path).unlink(missing_ok=True)


def collect_garbage(directory: Path | None = None) -> list[Path]:
    """Remove version files that are not live, not open by a reader and not being built.

    A version whose marker is left with no load holding it is an orphan of a killed load and
    goes at once; a published version goes once it is not among the newest few.
    """
    directory = directory or config.warehouse_dir()
    live = current_file(directory)
    open_files = _open_files()
    versions = sorted(directory.glob("warehouse-*.duckdb"), key=lambda p: p.name, reverse=True)
    published = [p for p in versions if not _marker(p).exists()]
    removed = []
    for path in versions:
        marker = _marker(path)
        if path == live or _being_built(marker):
            continue
        orphan = marker.exists()
        if not orphan and path in published[:KEEP_VERSIONS]:
            continue
        # without /proc/locks only orphans can be told apart: no reader opens an unpublished file
        if _is_open(path, open_files) if open_files is not None else not orphan:
            continue
        _remove(path)
        removed.append(path)
    for marker in directory.glob(f"warehouse-*.duckdb{BUILDING}"):
        if not Path(str(marker).removesuffix(BUILDING)).exists() and not _being_built(marker):
            marker.unlink(missing_ok=True)
    return removed


@contextmanager
def _building(path: Path) -> Iterator[None]:
    """Mark `path` as being built for as long as the block runs (and the process lives)."""
    marker = _marker(path)
    with open(marker, "wb") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            marker.unlink(missing_ok=True)


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
        collect_garbage(directory)
        live = current_file(directory)
        path = _new_path(directory)
        with _building(path):
            yield from _build_version(directory, live, path)
        collect_garbage(directory)


def start_from(live: Path, path: Path) -> str:
    """Make `path` a copy of the live file to build on; how it was made: 'clone' or 'copy'.

    Where the file system shares blocks, the clone costs the same at any size and only the
    blocks the load changes are written. Elsewhere the kernel copies the file (sendfile), which
    measured far faster than having DuckDB copy tables from the attached live file: 0.13 s
    against 8 s (raw tables only) and 19 s (COPY FROM DATABASE) for the 99 MB file of scale 100
    (docs/performance.md).
    """
    with open(live, "rb") as source, open(path, "wb") as target:
        try:
            fcntl.ioctl(target.fileno(), FICLONE, source.fileno())
            return "clone"
        except OSError:
            pass
    shutil.copyfile(live, path)
    return "copy"


def _build_version(directory: Path, live: Path | None,
                   path: Path) -> Iterator[WarehouseVersion]:
    if live is not None and live.exists():
        start_from(live, path)
    try:
        con = duckdb.connect(str(path), config={"memory_limit": config.load_memory_limit()})
    except Exception:
        path.unlink(missing_ok=True)  # e.g. a damaged live file: leave no orphan copy
        raise
    published = False
    try:
        build.create_schema(con)
        version = WarehouseVersion(con, path)
        yield version
        same_code = live is not None and build.built_fingerprint(con) == build.code_fingerprint()
        if version.changed or not same_code:
            version.rebuilt = build.build(con, version.changed_tables if same_code else None,
                                          version.changed_consortia)
            con.execute("checkpoint")
            con.close()
            _publish(directory, path)
            published = True
    finally:
        if not published:
            con.close()
            path.unlink(missing_ok=True)
            Path(f"{path}.wal").unlink(missing_ok=True)
