"""Shared fixtures: a private data directory per test session and the tiny program loaded.

Every test that touches the warehouse gets a real DuckDB file built by the real loader from the
hand-built tiny program (tests/tiny_program.py); nothing is mocked.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from tiny_program import write_tiny_program  # noqa: E402

from etl.load import load  # noqa: E402
from etl.report import write_journal  # noqa: E402


@pytest.fixture(scope="session")
def tiny_program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny program's submission folders."""
    return write_tiny_program(tmp_path_factory.mktemp("submissions"))


@pytest.fixture(scope="session")
def tiny_warehouse(tiny_program: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A data directory whose warehouse holds the tiny program; OUTCOMES_DATA_DIR points at it."""
    data_dir = tmp_path_factory.mktemp("data")
    previous = os.environ.get("OUTCOMES_DATA_DIR")
    os.environ["OUTCOMES_DATA_DIR"] = str(data_dir)
    report = load(tiny_program, loaded_by="test")
    assert report.ok, [p for r in report.results for p in r.problems]
    write_journal(report, data_dir / "loads")
    yield data_dir / "warehouse"
    if previous is None:
        os.environ.pop("OUTCOMES_DATA_DIR", None)
    else:
        os.environ["OUTCOMES_DATA_DIR"] = previous


@pytest.fixture(scope="session")
def snapshot_root(tiny_warehouse: Path,
                  tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """An empty snapshot root for the tiny program; OUTCOMES_SNAPSHOT_DIR points at it."""
    root = tmp_path_factory.mktemp("snapshots")
    previous = os.environ.get("OUTCOMES_SNAPSHOT_DIR")
    os.environ["OUTCOMES_SNAPSHOT_DIR"] = str(root)
    yield root
    if previous is None:
        os.environ.pop("OUTCOMES_SNAPSHOT_DIR", None)
    else:
        os.environ["OUTCOMES_SNAPSHOT_DIR"] = previous


@pytest.fixture(scope="session")
def published(snapshot_root: Path) -> dict:
    """The tiny program published as two snapshots: 'older' (2024-Q4), then 'newer' (2025-Q2).

    Publishing renders charts in Chromium and PDFs, so the two are made once per session (the
    tests that use them share the xdist group "snapshots", so one worker makes them).
    """
    from reports.publish import publish

    return {"older": publish(period="2024-Q4", directory=snapshot_root),
            "newer": publish(period="2025-Q2", directory=snapshot_root)}


logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(
    logging.ERROR)
