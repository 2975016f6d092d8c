"""Timing and memory primitives shared by every benchmark: medians, percentiles, child runs.

Each figure of the suite is the median of several runs. Work whose memory matters (a load, a
baseline loader) runs in a child process, so its peak resident memory is its own and is read
from the kernel's accounting for exactly that child (`os.wait4`), not estimated.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import config


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (0..1): always a value that was observed, so with few runs the
    p95 is the slowest run rather than an interpolation below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def timings(action: Callable[[], object], runs: int, warmup: int = 0) -> list[float]:
    """Seconds of each of `runs` calls, after `warmup` calls that are not counted."""
    for _ in range(warmup):
        action()
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        seconds.append(time.perf_counter() - started)
    return seconds


@dataclass(frozen=True)
class ChildRun:
    """One child process: wall-clock seconds and peak resident memory."""

    seconds: float
    peak_mb: float
    output: str


def run_child(module: str, *args: str, env: dict[str, str] | None = None) -> ChildRun:
    """Run `python -m module args...` from the project root; fail loudly on a non-zero exit."""
    command = [sys.executable, "-m", module, *args]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=config.PROJECT_ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, env={**os.environ, **(env or {})},
                               text=True)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}):\n{output[-3000:]}")
    return ChildRun(seconds, usage.ru_maxrss / 1024, output)


def folder_bytes(root: Path) -> int:
    """Total size of the files under `root`."""
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
