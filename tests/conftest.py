"""Shared fixtures: a private data directory per test session and the tiny program loaded.

Every test that touches the warehouse gets a real DuckDB file built by the real loader from the
hand-built tiny program (tests/tiny_program.py); nothing is mocked.
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit import config as streamlit_config

ROOT = Path(__file__).resolve().parents[1]
# The app refuses to serve without sign-in except on the loopback address; AppTest runs it
# "there", and shows full error details, which the shipped configuration hides from viewers.
streamlit_config.set_option("server.address", "localhost")
streamlit_config.set_option("client.showErrorDetails", "full")
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
def published(tiny_program: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """The tiny program published as two snapshots: 'older' (2024, i.e. 2024-Q4), then 'newer'
    (2025-Q2), with the snapshot 'root' (OUTCOMES_SNAPSHOT_DIR points at it) and the 'warehouse'
    folder they were published from.

    Publishing renders charts in Chromium and writes PDFs, so it happens once per test run: the
    first xdist worker to need the snapshots makes them in the run's shared temporary folder,
    under a lock, and the others wait for them.
    """
    from reports.publish import publish
    from reports.snapshots import open_snapshot

    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    base = shared / "published-tiny-program"
    root, warehouse = base / "snapshots", base / "data" / "warehouse"
    with open(shared / "published-tiny-program.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (base / "ready").exists():
            shutil.rmtree(base, ignore_errors=True)
            assert load(tiny_program, loaded_by="test", directory=warehouse).ok
            publish(year=2024, directory=root, warehouse=warehouse)
            publish(period="2025-Q2", directory=root, warehouse=warehouse)
            (base / "ready").touch()
        fcntl.flock(lock, fcntl.LOCK_UN)
    previous = os.environ.get("OUTCOMES_SNAPSHOT_DIR")
    os.environ["OUTCOMES_SNAPSHOT_DIR"] = str(root)
    yield {"older": open_snapshot("2024", root), "newer": open_snapshot("2025-Q2", root),
           "root": root, "warehouse": warehouse}
    if previous is None:
        os.environ.pop("OUTCOMES_SNAPSHOT_DIR", None)
    else:
        os.environ["OUTCOMES_SNAPSHOT_DIR"] = previous


logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(
    logging.ERROR)
