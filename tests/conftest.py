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
from streamlit import config as streamlit_config

ROOT = Path(__file__).resolve().parents[1]
# The app refuses to serve without sign-in except on the loopback address; AppTest runs it
# "there", and shows full error details, which the shipped configuration hides from viewers.
streamlit_config.set_option("server.address", "localhost")
streamlit_config.set_option("client.showErrorDetails", "full")
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from tiny_program import write_later_quarter, write_tiny_program  # noqa: E402

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
def later_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse folder with the tiny program one quarter later (vaiv's 2025-Q3 added).

    Kept apart from `tiny_warehouse`, which the app tests read, so the quarter the app opens on
    there stays 2025-Q2; this one holds the 12-month destinations and the boundary targets.
    """
    root = write_later_quarter(write_tiny_program(tmp_path_factory.mktemp("later")))
    directory = tmp_path_factory.mktemp("later-data") / "warehouse"
    report = load(root, loaded_by="test", directory=directory)
    assert report.ok, [p for r in report.results for p in r.problems]
    return directory


logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(
    logging.ERROR)
