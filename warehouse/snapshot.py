"""Freezing the warehouse into Parquet files for a published snapshot.

A snapshot keeps the relations that define the published figures: the `dim_*` and `kpi_*`
tables and views, cut at the snapshot's quarter where they have a `period` column. Relations
with a pseudonymised person key (a `*_key` column) stay in the warehouse: a snapshot is handed
around, so it holds aggregates and reference data only.

Files must be byte-for-byte reproducible: rows are sorted on every column, and the writer's
settings (compression, row groups, statistics) are fixed here, so publishing the same quarter
twice from the same warehouse gives files with the same SHA-256.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from warehouse.connection import Reader
from warehouse.store import current_file

FROZEN_PREFIXES = ("dim_", "kpi_")
PARQUET_SETTINGS = {"compression": "zstd", "compression_level": 9, "row_group_size": 65536,
                    "write_statistics": True, "use_dictionary": True}


class PinnedReader(Reader):
    """A reader of one warehouse version that ignores later loads (a publish reads one state)."""

    def __init__(self, directory: Path | None = None) -> None:
        super().__init__(directory)
        live = current_file(self.directory)
        self._name = live.name if live is not None and live.exists() else None

    def version(self) -> str:
        """The version pinned when the reader was made."""
        if self._name is None:
            return super().version()  # raises WarehouseMissing with the usual message
        return self._name


def frozen_relations(source: Reader) -> dict[str, bool]:
    """Relation name -> whether it has a `period` column, for every relation a snapshot keeps."""
    frame = source.frame(
        "select table_name, bool_or(column_name = 'period') as has_period, "
        "bool_or(column_name like '%\\_key' escape '\\') as has_person_key "
        "from information_schema.columns where table_schema = 'main' "
        "and (table_name like 'dim\\_%' escape '\\' or table_name like 'kpi\\_%' escape '\\') "
        "group by table_name order by table_name")
    return {row["table_name"]: row["has_period"] for row in frame.iter_rows(named=True)
            if not row["has_person_key"]}


def relation_until(source: Reader, relation: str, period: str) -> pl.DataFrame:
    """One frozen relation's rows up to and including `period`, sorted on every column."""
    relations = frozen_relations(source)
    if relation not in relations:
        raise ValueError(f"{relation} is not a relation a snapshot keeps")
    where = " where period <= ?" if relations[relation] else ""
    return source.frame(f"select * from {relation}{where} order by all",
                        [period] if relations[relation] else None)


def write_parquet(frame: pl.DataFrame, path: Path) -> None:
    """Write a frame as Parquet with the fixed settings that make the bytes reproducible."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(frame.to_arrow(), path, **PARQUET_SETTINGS)
