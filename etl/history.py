"""Showing what the warehouse recorded about past loads: `etl history` and `etl rejections`.

Both read the live warehouse through a read-only Reader, so they work while the dashboard runs
and while a load is writing its next version. They print what the load log holds: who sent and
who loaded each slice and when, the hashes of its files, its counts and outcome, and the values
kept in quarantine with their reasons.
"""

from __future__ import annotations

import sys
from typing import TextIO

import polars as pl

from warehouse import queries
from warehouse.connection import Reader
from warehouse.load_log import load_files

HASH_SHOWN = 16


def print_history(source: Reader, limit: int | None, consortium_id: str | None,
                  out: TextIO = sys.stdout) -> int:
    """The most recent loads, newest first, each with its files; returns loads printed."""
    history = queries.load_history(source)
    if consortium_id:
        history = history.filter(pl.col("consortium_id") == consortium_id)
    if limit:
        history = history.head(limit)
    files = load_files(None, source)
    if history.height == 0:
        print("no load recorded yet / 적재 기록이 없습니다", file=out)
    for load in history.iter_rows(named=True):
        print(f"{load['loaded_at']:%Y-%m-%d %H:%M:%S}  {load['consortium_id']} "
              f"{load['period']}  {load['outcome']}  rows in {load['rows_in']} = accepted "
              f"{load['rows_accepted']} + rejected {load['rows_rejected']}", file=out)
        print(f"    load {load['load_id']}, sent by {load['submitted_by']}, loaded by "
              f"{load['loaded_by']}", file=out)
        for file in files.filter(pl.col("load_id") == load["load_id"]).iter_rows(named=True):
            print(f"    {file['file_sha256'][:HASH_SHOWN]}  {file['file_name']}  rows in "
                  f"{file['rows_in']} = {file['rows_accepted']} + {file['rows_rejected']}",
                  file=out)
    return history.height


def print_rejections(source: Reader, load_id: str | None, as_csv: bool,
                     out: TextIO = sys.stdout) -> int:
    """Quarantined values (of one load, or all), as lines or CSV; returns values printed."""
    rows = queries.rejected_rows(load_id, source)
    if as_csv:
        out.write(rows.write_csv())
        return rows.height
    if rows.height == 0:
        print("no rejected value / 반려된 값이 없습니다", file=out)
    for row in rows.iter_rows(named=True):
        where = f"{row['file_name']}" + (f" [{row['sheet']}]" if row["sheet"] else "")
        print(f"{row['consortium_id']} {row['period']}  {where} row {row['row_number']}  "
              f"{row['header']} ({row['column_name']}) = {row['value_shown'] or ''!r}: "
              f"{row['reason_ko']} / {row['reason_en']}", file=out)
    return rows.height
