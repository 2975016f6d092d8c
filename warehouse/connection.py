"""Read-only access to the live warehouse, following the pointer as loads publish new versions.

Each query runs on its own cursor of a read-only connection to the file `CURRENT` names. When the
pointer moves, the next query opens the new file; the old connection is closed once no query
still runs on it. So a reader never holds a lock a loader needs and never sees a half-load.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


class Reader:
    """Queries against whichever warehouse version is live when each query starts."""

    def __init__(self, directory: Path | None = None) -> None:
        self._directory = directory
        self._lock = threading.Lock()
        self._live: _Version | None = None

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

    def _acquire(self) -> _Version:
        path = self.directory / self.version()
        with self._lock:
            live = self._live
            if live is None or live.path != path:
                if live is not None:
                    live.retired = True
                    self._close_if_idle(live)
                live = _Version(path, duckdb.connect(str(path), read_only=True))
                self._live = live
            live.users += 1
            return live

    def _release(self, version: _Version) -> None:
        with self._lock:
            version.users -= 1
            self._close_if_idle(version)

    @staticmethod
    def _close_if_idle(version: _Version) -> None:
        if version.retired and version.users == 0:
            version.connection.close()

    def frame(self, sql: str, params: list[Any] | None = None) -> pl.DataFrame:
        """Run one read query and return its result as a polars frame."""
        version = self._acquire()
        try:
            cursor = version.connection.cursor()
            try:
                return cursor.sql(sql, params=params or None).pl()
            finally:
                cursor.close()
        finally:
            self._release(version)

    def close(self) -> None:
        """Close the live connection (tests and shutdown)."""
        with self._lock:
            if self._live is not None:
                self._live.retired = True
                self._close_if_idle(self._live)
                self._live = None


_default_reader: Reader | None = None
_default_lock = threading.Lock()


def reader() -> Reader:
    """The process-wide reader of the configured warehouse directory."""
    global _default_reader
    with _default_lock:
        if _default_reader is None:
            _default_reader = Reader()
        return _default_reader
