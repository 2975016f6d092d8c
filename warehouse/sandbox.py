"""Ad-hoc SQL against the live warehouse, unable to change it or to read anything outside it.

Why a process per query. DuckDB refuses, within one process, a second connection to a file that
is already open with a different configuration, and the app's Reader (warehouse/connection.py)
holds the live file with the default one; attaching the file to a separate in-memory instance
works, but leaves the query inside the server's process. Measured on the 2-core machine: about
0.03 s per query in process, 0.55 s with a freshly started worker (importing DuckDB and Arrow
dominates), 0.1-0.25 s with a worker started ahead of need. A worker of its own costs that
much and buys what the in-process route cannot give:
- a hard stop: DuckDB's own max_execution_time interrupts the query, and a query that ignores
  it is killed with its process a few seconds later;
- a hard memory ceiling (the worker caps its own address space) that cannot take the server down;
- an environment without the pseudonym key or any other setting of the server;
- no DuckDB state shared with the Reader or with other analysts' queries.
So one worker is kept started and waiting (imports done); each query takes it, and a new one is
started behind it. A worker answers one query and exits.

What must stay true:
- every query goes through warehouse/sql_guard.py here (instant refusals) and again inside the
  worker, on a read-only connection with external access off and its configuration locked;
- each query opens the version the page's run pinned (else the file `CURRENT` names when it
  starts), so the workbench follows loads and a screen never mixes two;
- at most `SqlLimits.concurrent` queries run at once; more wait a little, then are turned away;
- results hold at most `row_cap` rows; `truncated` says when the query had more.
"""

from __future__ import annotations

import io
import json
import logging
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.ipc as ipc

import config
from warehouse.sql_guard import Problem, Refused, accepted_statement, timed_out
from warehouse.store import current_file

LOG = logging.getLogger(__name__)

#: after the time limit, how long DuckDB gets to stop the query before its process is killed
KILL_GRACE_S = 5.0
#: how long a query waits for a free slot before it is turned away
BUSY_WAIT_S = 10.0
#: the most result bytes a worker sends back (a few wide rows can be large)
MAX_RESULT_BYTES = 256 * 1024 * 1024
#: the worker's address-space ceiling above DuckDB's own memory limit
ADDRESS_SPACE_HEADROOM_MB = 2048


@dataclass(frozen=True)
class QueryResult:
    """What one ad-hoc query gave: rows, or the problem that stopped it."""

    sql: str
    frame: pl.DataFrame | None
    problem: Problem | None
    #: the query had more rows than the cap (or than the byte limit allowed)
    truncated: bool
    elapsed_s: float
    warehouse_version: str | None

    @property
    def ok(self) -> bool:
        """True when the query ran and returned rows (possibly none)."""
        return self.problem is None


def worker_environment() -> dict[str, str]:
    """The worker's whole environment: nothing of the server's (no keys, no settings)."""
    temp = tempfile.gettempdir()
    return {"PATH": "/usr/bin:/bin", "HOME": temp, "TMPDIR": temp, "LANG": "C.UTF-8",
            "PYTHONDONTWRITEBYTECODE": "1"}


def arrow_to_frame(table: pa.Table) -> pl.DataFrame:
    """A polars frame of any query result; types polars lacks (e.g. INTERVAL) become text."""
    columns = []
    for name in table.column_names:
        column = table.select([name])
        try:
            columns.append(pl.from_arrow(column).to_series())
        except (pl.exceptions.PolarsError, pa.ArrowException, TypeError, ValueError):
            values = column.column(0).to_pylist()
            columns.append(pl.Series(name, [None if v is None else str(v) for v in values],
                                     dtype=pl.String))
    return pl.DataFrame(columns)


class Sandbox:
    """Runs analysts' queries in worker processes against the live warehouse version."""

    def __init__(self, directory: Path | None = None, limits: config.SqlLimits | None = None,
                 spares: int = 1) -> None:
        self._directory = directory
        self.limits = limits or config.sql_limits()
        self._spares_wanted = spares
        self._spares: list[subprocess.Popen] = []
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(self.limits.concurrent)
        self._closed = False

    @property
    def directory(self) -> Path:
        """The folder holding warehouse versions and the pointer."""
        return self._directory or config.warehouse_dir()

    def _start_worker(self) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-E", "-s", "-m", "warehouse.sandbox_worker"],
            cwd=config.PROJECT_ROOT, env=worker_environment(), stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)

    def _take_worker(self) -> subprocess.Popen:
        with self._lock:
            while self._spares:
                worker = self._spares.pop()
                if worker.poll() is None:
                    return worker
            return self._start_worker()

    def _top_up(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._spares = [w for w in self._spares if w.poll() is None]
            while len(self._spares) < self._spares_wanted:
                self._spares.append(self._start_worker())

    def run(self, sql: str, version: str | None = None) -> QueryResult:
        """Run one analyst's query on `version` (a file name), else on the live version.

        Never raises for anything the query itself does. A pinned version already cleaned up
        is answered from the live one, as warehouse.connection.Reader does.
        """
        started = time.perf_counter()

        def result(problem: Problem | None, frame: pl.DataFrame | None = None,
                   truncated: bool = False, version: str | None = None) -> QueryResult:
            return QueryResult(sql, frame, problem, truncated, time.perf_counter() - started,
                               version)

        try:
            with duckdb.connect() as parser:
                accepted_statement(parser, sql)
        except Refused as refusal:
            return result(refusal.problem)
        path = current_file(self.directory)
        if version and Path(version).name == version and (self.directory / version).exists():
            path = self.directory / version
        if path is None or not path.exists():
            return result(Problem("no_warehouse", "아직 적재된 웨어하우스가 없습니다.",
                                  "No warehouse has been published yet."))
        if not self._slots.acquire(timeout=BUSY_WAIT_S):
            return result(Problem("busy", "다른 조회가 실행 중입니다. 잠시 후 다시 실행하세요.",
                                  "Other queries are running; try again in a moment."))
        try:
            problem, table, truncated = self._ask_worker(path, sql)
        finally:
            self._slots.release()
            self._top_up()
        frame = arrow_to_frame(table) if table is not None else None
        return result(problem, frame, truncated, path.name)

    def _ask_worker(self, path: Path, sql: str) -> tuple[Problem | None, pa.Table | None, bool]:
        temp_dir = tempfile.mkdtemp(prefix="sql-query-")
        limits = self.limits
        request = {"path": str(path), "sql": sql, "timeout_s": limits.timeout_s,
                   "memory_mb": limits.memory_mb, "threads": limits.threads,
                   "row_cap": limits.row_cap, "max_bytes": MAX_RESULT_BYTES,
                   "temp_dir": temp_dir,
                   "address_space_mb": 2 * limits.memory_mb + ADDRESS_SPACE_HEADROOM_MB}
        worker = self._take_worker()
        try:
            try:
                output, errors = worker.communicate(
                    (json.dumps(request) + "\n").encode("utf-8"),
                    timeout=limits.timeout_s + KILL_GRACE_S)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.communicate()
                return timed_out(limits.timeout_s), None, False
            return self._read_answer(output, errors, worker.returncode)
        finally:
            shutil.rmtree(temp_dir, ignore_errors=True)

    @staticmethod
    def _read_answer(output: bytes, errors: bytes, returncode: int | None
                     ) -> tuple[Problem | None, pa.Table | None, bool]:
        line, _, body = output.partition(b"\n")
        try:
            header = json.loads(line)
        except ValueError:
            LOG.warning("sql worker exited %s without an answer: %s", returncode,
                        errors.decode("utf-8", "replace")[-2000:])
            return Problem("crashed", "조회 프로세스가 비정상 종료했습니다(메모리 한도일 수 "
                           "있습니다). 조회를 줄여 다시 실행하세요.", "The query's process "
                           "stopped unexpectedly (perhaps at its memory ceiling); make the "
                           "query smaller and try again."), None, False
        if not header.get("ok"):
            return Problem.from_dict(header.get("problem") or {}), None, False
        table = ipc.open_stream(io.BytesIO(body)).read_all()
        return None, table, bool(header.get("truncated"))

    def close(self) -> None:
        """Stop the waiting workers (tests and shutdown)."""
        with self._lock:
            self._closed = True
            spares, self._spares = self._spares, []
        for worker in spares:
            worker.kill()
            worker.communicate()
