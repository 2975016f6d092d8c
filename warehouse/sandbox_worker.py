"""One ad-hoc query in a process of its own: the inside of the SQL workbench's sandbox.

Started by warehouse/sandbox.py as `python -m warehouse.sandbox_worker` with a scrubbed
environment (no pseudonym key, no project settings). It imports DuckDB and waits; when one JSON
request line arrives on stdin it caps its own address space, opens the named warehouse file
read-only with external access off, autoloading off, memory, thread and time limits and the
configuration locked, checks the statement (warehouse/sql_guard.py), fetches at most the row cap
plus one row, writes one JSON header line and the rows as an Arrow IPC stream to its output, and
exits. It serves exactly one query, so nothing a query does outlives it.

The header and rows travel on a duplicate of the original stdout; file descriptor 1 itself is
pointed at stderr first, so nothing DuckDB prints (a progress bar, a warning) can corrupt them.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from typing import Any, BinaryIO

import duckdb
import pyarrow as pa
import pyarrow.ipc as ipc

from warehouse.sql_guard import Problem, Refused, accepted_statement, explain


def sandbox_config(request: dict[str, Any]) -> dict[str, Any]:
    """DuckDB settings of the analyst's connection; lock_configuration freezes them all."""
    return {
        "enable_external_access": False,
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
        "allow_community_extensions": False,
        "max_execution_time": int(request["timeout_s"] * 1000),
        "memory_limit": f"{request['memory_mb']}MB",
        "threads": int(request["threads"]),
        "temp_directory": request["temp_dir"],
        "max_temp_directory_size": f"{2 * request['memory_mb']}MB",
        "lock_configuration": True,
    }


def limit_address_space(megabytes: int) -> None:
    """A hard ceiling on this process's memory, whatever DuckDB or Arrow allocate."""
    ceiling = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))


def fetch(con: duckdb.DuckDBPyConnection, statement: duckdb.Statement, row_cap: int,
          max_bytes: int) -> tuple[pa.Table, bool]:
    """At most `row_cap` rows (and `max_bytes`), and whether the query had more."""
    table = con.sql(statement).limit(row_cap + 1).to_arrow_table()
    truncated = table.num_rows > row_cap
    table = table.slice(0, row_cap)
    if table.num_rows and table.nbytes > max_bytes:
        keep = max(1, int(table.num_rows * max_bytes / table.nbytes))
        table, truncated = table.slice(0, keep), True
    return table, truncated


def answer(output: BinaryIO, header: dict[str, Any], table: pa.Table | None = None) -> None:
    """Write the header line and, after a success, the rows."""
    output.write((json.dumps(header, ensure_ascii=False) + "\n").encode("utf-8"))
    if table is not None:
        with ipc.new_stream(output, table.schema) as writer:
            writer.write_table(table)
    output.flush()


def run(request: dict[str, Any], output: BinaryIO) -> None:
    """Answer one request."""
    limit_address_space(int(request["address_space_mb"]))
    started = time.perf_counter()
    try:
        con = duckdb.connect(request["path"], read_only=True, config=sandbox_config(request))
    except duckdb.Error as error:
        problem = Problem("failed", "웨어하우스를 열지 못했습니다.",
                          "The warehouse could not be opened.", str(error).strip())
        answer(output, {"ok": False, "problem": problem.to_dict()})
        return
    try:
        statement = accepted_statement(con, request["sql"])
        table, truncated = fetch(con, statement, int(request["row_cap"]),
                                 int(request["max_bytes"]))
    except Refused as refusal:
        answer(output, {"ok": False, "problem": refusal.problem.to_dict()})
        return
    except duckdb.Error as error:
        problem = explain(error, float(request["timeout_s"]))
        answer(output, {"ok": False, "problem": problem.to_dict()})
        return
    except (MemoryError, pa.ArrowMemoryError) as error:
        problem = explain(duckdb.OutOfMemoryException(str(error)), float(request["timeout_s"]))
        answer(output, {"ok": False, "problem": problem.to_dict()})
        return
    finally:
        con.close()
    answer(output, {"ok": True, "truncated": truncated, "rows": table.num_rows,
                    "elapsed_s": time.perf_counter() - started}, table)


def main() -> int:
    """Wait for one request; an empty stdin (the server went away) ends the process quietly."""
    output = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    line = sys.stdin.readline()
    if not line.strip():
        return 0
    run(json.loads(line), output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
