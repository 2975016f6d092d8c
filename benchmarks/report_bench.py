"""Snapshot publishing: the time to freeze a quarter into every artefact, and its memory.

Publishes the latest quarter (`python -m reports publish --period ...`) from a given warehouse
into a scratch snapshot folder, in a child process per run: frozen Parquet tables, manifest,
internal and public editions as HTML, PDF and Excel, charts included.
"""

from __future__ import annotations

import shutil
import statistics
from dataclasses import dataclass
from pathlib import Path

from benchmarks.measure import folder_bytes, run_child
from warehouse import queries
from warehouse.connection import Reader


@dataclass(frozen=True)
class PublishFigures:
    """Snapshot publishing at one scale."""

    period: str
    seconds: float
    peak_mb: float
    snapshot_mb: float


def measure_publish(data_dir: Path, work: Path, runs: int) -> PublishFigures:
    """Median wall time of `runs` publications of the latest quarter, each into a fresh folder."""
    reader = Reader(data_dir / "warehouse")
    period = queries.periods(reader)[-1]
    reader.close()
    seconds, peaks = [], []
    snapshots = work / "snapshots"
    for _ in range(runs):
        shutil.rmtree(snapshots, ignore_errors=True)
        child = run_child("reports", "publish", "--period", period, "--quiet",
                          env={"OUTCOMES_DATA_DIR": str(data_dir),
                               "OUTCOMES_SNAPSHOT_DIR": str(snapshots)})
        seconds.append(child.seconds)
        peaks.append(child.peak_mb)
    return PublishFigures(period, statistics.median(seconds), max(peaks),
                          folder_bytes(snapshots) / 1e6)
