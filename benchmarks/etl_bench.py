"""ETL throughput: the product's full load beside the raw engine limit and pandas + SQLite.

All three loaders read the same submission folder, each in a fresh process writing to a fresh
output, `runs` times; the figure is the median of the in-process load times and the highest
peak memory seen. See benchmarks/loaders.py for what each loader does.
"""

from __future__ import annotations

import json
import shutil
import statistics
from dataclasses import dataclass
from pathlib import Path

from benchmarks import loaders
from benchmarks.measure import run_child


@dataclass(frozen=True)
class LoadFigures:
    """One loader at one scale."""

    loader: str
    rows: int
    seconds: float
    peak_mb: float

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds


def measure_loader(loader: str, submissions: Path, out: Path, runs: int) -> LoadFigures:
    """Median load time and peak memory of one loader over `runs` fresh loads."""
    seconds, peaks, rows = [], [], 0
    for _ in range(runs):
        if out.is_file():
            out.unlink()
        shutil.rmtree(out, ignore_errors=True)
        child = run_child("benchmarks.loaders", loader, str(submissions), str(out))
        result = json.loads(child.output.strip().splitlines()[-1])
        seconds.append(result["seconds"])
        peaks.append(child.peak_mb)
        rows = result["rows"]
    return LoadFigures(loader, rows, statistics.median(seconds), max(peaks))


def measure_etl(submissions: Path, outputs: dict[str, Path], runs: int) -> dict[str, LoadFigures]:
    """Every loader over the same files into its output; the last runs' outputs are kept (the
    product's warehouse folder is what the query, page and report benchmarks read)."""
    figures = {}
    for loader in loaders.LOADERS:
        figures[loader] = measure_loader(loader, submissions, outputs[loader], runs)
    rows = {f.rows for f in figures.values()}
    if len(rows) != 1:
        raise RuntimeError(f"the loaders read different numbers of rows: {figures}")
    return figures
