"""The pseudonymised records behind a KPI, for analysts checking a figure row by row.

Which records a KPI counts is its catalogue declaration (mart, filter, numerator, window), and
the SQL comes from the same generator as the KPI's view (warehouse/kpi_sql.py), so a drill-down
can never disagree with the figure it explains. Records come from the marts, which hold people
only as keyed hashes (`*_key`); nothing here can show a name, e-mail or researcher number.
"""

from __future__ import annotations

import polars as pl

from warehouse.catalogue import Figure, kpi
from warehouse.connection import FrameSource, reader
from warehouse.kpi_sql import records_sql


def record_source(kpi_id: str) -> Figure:
    """The declaration of the records a KPI counts."""
    return kpi(kpi_id).figure


def kpi_records(kpi_id: str, period: str, consortium_ids: list[str] | None = None,
                source: FrameSource | None = None) -> pl.DataFrame:
    """The records a KPI counts in one quarter for the chosen consortia.

    `is_counted` says whether a record is in the numerator (always true for a count).
    """
    # The SQL is the catalogue's own text (a KPI id must name an entry); the quarter and the
    # consortia are bound as parameters.
    return (source or reader()).frame(
        records_sql(kpi(kpi_id)), [period, consortium_ids is None, consortium_ids or []])
