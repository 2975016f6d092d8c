"""ETL throughput: the product's full load beside the raw engine limit and pandas + SQLite.

All three loaders read the same submission folder, each in a fresh process writing to a fresh
output, `runs` times; the figure is the median of the in-process load times and the highest
peak memory seen. See benchmarks/loaders.py for what each loader does.

A resubmission is then measured into the product's full warehouse: the latest quarter of one
consortium sent again with one row fewer (a correction), loaded by a fresh process; what it
costs is what every later quarterly submission costs once the warehouse is large.
"""

from __future__ import annotations

import json
import shutil
import statistics
from dataclasses import dataclass
from pathlib import Path

from benchmarks import loaders
from benchmarks.measure import run_child
from etl.sample_bulk import FILE_NAMES


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


def resubmission(submissions: Path, work: Path) -> Path:
    """A copy of the last consortium-quarter folder whose dispatch file lost its last row."""
    last = sorted(p.parent for p in submissions.rglob("submission.toml"))[-1]
    folder = work / "resubmission" / last.parent.name / last.name
    shutil.rmtree(folder.parent.parent, ignore_errors=True)
    shutil.copytree(last, folder)
    dispatches = folder / FILE_NAMES["dispatches"]
    lines = dispatches.read_text(encoding="utf-8").splitlines(keepends=True)
    dispatches.write_text("".join(lines[:-1]), encoding="utf-8")
    return folder


def measure_resubmission(submissions: Path, warehouse: Path, work: Path,
                         runs: int) -> LoadFigures:
    """Median time and peak memory of resubmitting one consortium-quarter into `warehouse`.

    Every run starts from the full load's version (the pointer is put back), so each one
    really replaces the slice.
    """
    folder = resubmission(submissions, work)
    pointer = warehouse / "CURRENT"
    full = pointer.read_text(encoding="utf-8")
    seconds, peaks, rows = [], [], 0
    for _ in range(runs):
        pointer.write_text(full, encoding="utf-8")
        child = run_child("benchmarks.loaders", "etl", str(folder), str(warehouse))
        result = json.loads(child.output.strip().splitlines()[-1])
        seconds.append(result["seconds"])
        peaks.append(child.peak_mb)
        rows = result["rows"]
    return LoadFigures("resubmission", rows, statistics.median(seconds), max(peaks))


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
