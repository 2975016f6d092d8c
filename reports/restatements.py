"""Restatements: published editions whose quarter the warehouse now holds different figures for.

A late or corrected submission loaded after an edition was published changes that quarter's
figures in the warehouse but never the frozen snapshot. Each snapshot's published KPI values are
set beside the same quarter's values in a warehouse version, with the same test of "changed"
that the snapshot comparison uses (reports.snapshots.changed), so the reports page, the load
page and the scheduled run agree on what is out of date. Nothing here republishes: that takes
`python -m reports publish --due --restate` (or `--replace`), asked for by a person.

Who calls this: reports (the scheduled run, `python -m reports restatements`) and pages (the
reports and load pages). The ETL never does: the data flows files -> etl -> warehouse ->
reports, so the loader cannot know about snapshots; the load page, which sits above both, adds
the note to its report, and the command-line load prints the command to run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from reports import snapshots
from reports.data import PROGRAM, cell_text
from reports.snapshots import Snapshot
from reports.text import label
from warehouse import catalogue, queries
from warehouse.connection import FrameSource

KEYS = ["kpi_id", "consortium_id"]


@dataclass(frozen=True)
class Restatement:
    """One published edition now out of date, and every figure that changed."""

    snapshot_id: str
    kind: str
    period: str
    published_at: str
    #: kpi_id, consortium_id, value_published, value_now, delta (display order)
    changes: pl.DataFrame

    @property
    def program_changes(self) -> pl.DataFrame:
        """The program-wide figures that changed."""
        return self.changes.filter(pl.col("consortium_id") == PROGRAM)

    def line(self, language: str = "en", shown: int = 3) -> str:
        """'2025-Q2 (published ...): 4 figures changed; program: Degrees awarded 0 → 1, ...'."""
        examples = []
        for row in self.program_changes.head(shown).iter_rows(named=True):
            before = cell_text({"kpi_id": row["kpi_id"], "value": row["value_published"]},
                               "value", language)
            after = cell_text({"kpi_id": row["kpi_id"], "value": row["value_now"]},
                              "value", language)
            examples.append(f"{catalogue.kpi(row['kpi_id']).name(language)} {before} → {after}")
        program = f"; {label('program_total', language)}: {', '.join(examples)}" \
            if examples else ""
        if language == "ko":
            return (f"{self.snapshot_id} ({self.published_at} 발행): 수치 "
                    f"{self.changes.height}개가 바뀜{program}")
        return (f"{self.snapshot_id} (published {self.published_at}): "
                f"{self.changes.height} figure(s) changed{program}")


def published_vs_now(published: pl.DataFrame, now: pl.DataFrame) -> pl.DataFrame:
    """The figures of one quarter whose value now differs from the published one.

    A figure published but gone, or present now but not published then (a consortium that
    submitted late), counts as changed.
    """
    order = {k.id: k.display_order for k in catalogue.kpis()}
    then = published.select(*KEYS, pl.col("value").alias("value_published"),
                            pl.lit(True).alias("was_published"))
    current = now.select(*KEYS, pl.col("value").alias("value_now"), pl.lit(True).alias("is_now"))
    joined = then.join(current, on=KEYS, how="full", coalesce=True)
    return (joined.filter(snapshots.changed("value_published", "value_now"))
            .filter(pl.col("kpi_id").is_in(list(order)))
            .with_columns((pl.col("value_now") - pl.col("value_published")).alias("delta"),
                          pl.col("kpi_id").replace_strict(order, return_dtype=pl.Int64)
                          .alias("display_order"))
            .sort("display_order", pl.col("consortium_id") != PROGRAM, "consortium_id")
            .select(*KEYS, "value_published", "value_now", "delta"))


def check(snapshot: Snapshot, source: FrameSource) -> Restatement | None:
    """The snapshot's restatement against a warehouse version, or None if it is current."""
    return against(snapshot, queries.scorecard(snapshot.period, None, source))


def against(snapshot: Snapshot, now: pl.DataFrame) -> Restatement | None:
    """The snapshot's restatement against its quarter's scorecard rows now, or None."""
    changes = published_vs_now(snapshots.as_of(snapshot), now)
    if changes.height == 0:
        return None
    return Restatement(snapshot.id, snapshot.manifest.get("kind", "quarter"), snapshot.period,
                       str(snapshot.manifest.get("created_at", "")), changes)


def out_of_date(source: FrameSource, directory: Path | None = None) -> list[Restatement]:
    """Every published edition whose figures the warehouse version now holds differently."""
    found = (check(s, source) for s in snapshots.list_snapshots(directory))
    return [r for r in found if r is not None]
