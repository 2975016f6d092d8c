"""Read-only access to the live warehouse, following the pointer as loads publish new versions.

Each query runs on its own cursor of a read-only connection to the file `CURRENT` names. When the
pointer moves, the next query opens the new file; the old connection is closed once no query
still runs on it. So a reader never holds a lock a loader needs and never sees a half-load.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import duckdb
import polars as pl

import config
from warehouse.store import current_file


class WarehouseMissing(RuntimeError):
    """No warehouse has been published yet."""


@dataclass
class _Version:
    path: Path
    connection: duckdb.DuckDBPyConnection
    users: int = 0
    retired: bool = False


class FrameSource(Protocol):
    """Anything that answers a read query with a polars frame."""

    def frame(self, sql: str, params: list[Any] | None = None) -> pl.DataFrame:
        """Run one read query."""
        ...


class Reader:
    """Queries against the live warehouse version, or a version pinned by the caller."""

    def __init__(self, directory: Path | None = None) -> None:
        self._directory = directory
        self._lock = threading.Lock()
        self._open: dict[Path, _Version] = {}

    @property
    def directory(self) -> Path:
        """The folder holding warehouse versions and the pointer."""
        return self._directory or config.warehouse_dir()

    def version(self) -> str:
        """The live file's name: changes exactly when a load publishes (use it in cache keys)."""
        path = current_file(self.directory)
        if path is None or not path.exists():
            raise WarehouseMissing(
                f"no warehouse in {self.directory}: run `python -m etl load data/sample` first")
        return path.name

    def at(self, version: str) -> PinnedReader:
        """A source that answers every query from this one version (one consistent view)."""
        return PinnedReader(self, version)

    def _acquire(self, version: str | None) -> _Version:
        live_path = self.directory / self.version()
        path = self.directory / version if version else live_path
        if not path.exists():  # a pinned version already cleaned up: answer from the live one
            path = live_path
        with self._lock:
            for other in self._open.values():
                if other.path != live_path and not other.retired:
                    other.retired = True
            entry = self._open.get(path)
            if entry is None:
                entry = _Version(path, duckdb.connect(str(path), read_only=True),
                                 retired=path != live_path)
                self._open[path] = entry
            entry.users += 1
            self._close_idle()
            return entry

    def _release(self, version: _Version) -> None:
        with self._lock:
            version.users -= 1
            self._close_idle()

    def _close_idle(self) -> None:
        for path, entry in list(self._open.items()):
            if entry.retired and entry.users == 0:
                entry.connection.close()
                del self._open[path]

    def frame(self, sql: str, params: list[Any] | None = None,
              version: str | None = None) -> pl.DataFrame:
        """Run one read query (on `version`, else the live one) and return a polars frame."""
        entry = self._acquire(version)
        try:
            cursor = entry.connection.cursor()
            try:
                return cursor.sql(sql, params=params or None).pl()
            finally:
                cursor.close()
        finally:
            self._release(entry)

    def close(self) -> None:
        """Close every connection no query is using (tests and shutdown)."""
        with self._lock:
            for entry in self._open.values():
                entry.retired = True
            self._close_idle()


@dataclass(frozen=True)
class PinnedReader:
    """A reader bound to one warehouse version."""

    reader: Reader
    version: str

    def frame(self, sql: str, params: list[Any] | None = None) -> pl.DataFrame:
        """Run one read query on the pinned version."""
        return self.reader.frame(sql, params, version=self.version)


_default_reader: Reader | None = None
_default_lock = threading.Lock()


def reader() -> Reader:
    """The process-wide reader of the configured warehouse directory."""
    global _default_reader
    with _default_lock:
        if _default_reader is None:
            _default_reader = Reader()
        return _default_reader
