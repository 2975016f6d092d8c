"""The files behind each recorded load, for the load history on the command line.

warehouse.queries answers the app's questions, including the load history itself; this module
adds the one thing only the history command shows: which files (by SHA-256) each load read.
"""

from __future__ import annotations

import polars as pl

from warehouse.connection import Reader, reader


def load_files(load_id: str | None = None, source: Reader | None = None) -> pl.DataFrame:
    """Every file of one load (or of all loads) with its hash and row counts."""
    return (source or reader()).frame(
        "select load_id, file_name, file_sha256, rows_in, rows_accepted, rows_rejected "
        "from raw_load_file where (? is null or load_id = ?) order by load_id, file_name",
        [load_id, load_id])
