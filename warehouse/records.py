"""The pseudonymised records behind a KPI, for analysts checking a figure row by row.

Which records a KPI counts is read from its own view (warehouse/sql/kpi/kpi_<id>.sql): the mart
it selects from and the filter it applies, and for a rate the flag that puts a record in the
numerator. So a drill-down can never disagree with the figure it explains. Records come from the
marts, which hold people only as keyed hashes (`*_key`); nothing here can show a name, e-mail
or researcher number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import polars as pl

from warehouse.catalogue import kpi
from warehouse.connection import FrameSource, reader

KPI_SQL = Path(__file__).with_name("sql") / "kpi"
_INPUT = re.compile(r"select \* from (fct_\w+)\s+where (.+?)\n\)", re.DOTALL)
_NUMERATOR = re.compile(r"filter \(\s*where \w+\.(\w+)\s*\)")


@dataclass(frozen=True)
class RecordSource:
    """Where a KPI's records live: the mart, the KPI's filter and its numerator flag."""

    mart: str
    condition: str
    numerator_flag: str | None


@cache
def record_source(kpi_id: str) -> RecordSource:
    """The records a KPI counts, as its view selects them."""
    sql = (KPI_SQL / f"{kpi(kpi_id).view}.sql").read_text(encoding="utf-8")
    found = _INPUT.search(sql)
    if found is None:
        raise ValueError(f"{kpi_id}: its view does not select from a fct_* mart with a filter")
    flag = _NUMERATOR.search(sql)
    return RecordSource(found.group(1), " ".join(found.group(2).split()),
                        flag.group(1) if flag else None)


def kpi_records(kpi_id: str, period: str, consortium_ids: list[str] | None = None,
                source: FrameSource | None = None) -> pl.DataFrame:
    """The records a KPI counts in one quarter (year to date) for the chosen consortia.

    `is_counted` says whether a record is in the numerator (always true for a count).
    """
    where = record_source(kpi_id)
    counted = where.numerator_flag or "true"
    # Mart, filter and flag are the project's own SQL text (a KPI id must name a catalogue
    # entry); the quarter and consortia are bound as parameters.
    return (source or reader()).frame(
        f"select consortium_id, period, coalesce({counted}, false) as is_counted, "
        f"* exclude (consortium_id, period) from {where.mart} "
        f"where ({where.condition}) and period = ? "
        "and (? or list_contains(?, consortium_id)) order by all",
        [period, consortium_ids is None, consortium_ids or []])
