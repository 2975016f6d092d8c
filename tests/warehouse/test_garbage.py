"""Version files never pile up: what a killed load leaves is removed, what is in use is kept.

A load killed with SIGKILL leaves its half-built version file; the next load and
`python -m warehouse gc` remove it. They never remove the live version, a version a running load
is building, or an old version a reader still has open.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from tiny_program import write_tiny_program

from etl.load import load
from warehouse import store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny program's submission folders, written once for the module."""
    return write_tiny_program(tmp_path_factory.mktemp("gc") / "submissions")


def loaded_directory(program: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A data folder whose warehouse holds the tiny program, and the submissions to change."""
    submissions = tmp_path / "submissions"
    shutil.copytree(program, submissions)
    directory = tmp_path / "data" / "warehouse"
    assert load(submissions, loaded_by="test", directory=directory).ok
    return submissions, directory


def kill_a_load_while_it_builds(submissions: Path, directory: Path) -> Path:
    """Start a real load process, SIGKILL it as soon as its version file exists; the file."""
    for bib in submissions.rglob("publications.bib"):
        bib.write_text(bib.read_text() + "\n% corrected\n", encoding="utf-8")
    env = {**os.environ, "OUTCOMES_DATA_DIR": str(directory.parent)}
    process = subprocess.Popen([sys.executable, "-m", "etl", "load", str(submissions), "--quiet"],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    live = store.current_file(directory)
    deadline = time.monotonic() + 60
    building: list[Path] = []
    while not building and time.monotonic() < deadline and process.poll() is None:
        building = [p for p in directory.glob("warehouse-*.duckdb") if p != live
                    and Path(f"{p}{store.BUILDING}").exists()]
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert building, "the load finished before it could be killed"
    assert store.current_file(directory) == live
    return building[0]


def test_a_killed_load_leaves_an_orphan_that_warehouse_gc_removes(
        program: Path, tmp_path: Path) -> None:
    submissions, directory = loaded_directory(program, tmp_path)
    live = store.current_file(directory)
    orphan = kill_a_load_while_it_builds(submissions, directory)
    assert orphan.exists(), "the killed load left its half-built file behind"
    env = {**os.environ, "OUTCOMES_DATA_DIR": str(directory.parent)}
    done = subprocess.run([sys.executable, "-m", "warehouse", "gc"], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True)
    assert orphan.name in done.stdout
    assert not orphan.exists()
    assert not Path(f"{orphan}{store.BUILDING}").exists()
    assert store.current_file(directory) == live and live.exists()


def test_the_next_load_removes_the_orphan_of_a_killed_one(program: Path, tmp_path: Path) -> None:
    submissions, directory = loaded_directory(program, tmp_path)
    orphan = kill_a_load_while_it_builds(submissions, directory)
    report = load(submissions, loaded_by="test", directory=directory)
    assert report.ok and report.warehouse_file is not None
    assert not orphan.exists()
    assert not list(directory.glob(f"*{store.BUILDING}"))


@pytest.fixture(scope="module")
def shared(program: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One loaded warehouse folder for the tests that leave its live version as it is."""
    return loaded_directory(program, tmp_path_factory.mktemp("shared"))[1]


def test_a_version_being_built_is_not_removed(shared: Path) -> None:
    with store.new_version(shared) as version:
        assert store.collect_garbage(shared) == []
        assert version.path.exists()


def test_old_versions_go_unless_a_reader_has_them_open(shared: Path) -> None:
    directory = shared
    live = store.current_file(directory)
    old = [directory / f"warehouse-2000010{day}T000000-0000000{day}.duckdb" for day in range(1, 7)]
    for path in old:
        shutil.copyfile(live, path)
    oldest = old[0]
    reader = duckdb.connect(str(oldest), read_only=True)
    try:
        removed = store.collect_garbage(directory)
        assert oldest.exists(), "a version a reader has open is kept"
    finally:
        reader.close()
    kept = set(directory.glob("warehouse-*.duckdb"))
    assert live in kept
    assert len(kept - {live, oldest}) == store.KEEP_VERSIONS - 1
    assert set(removed) == set(old) - kept
    assert oldest in store.collect_garbage(directory), "closed by its reader, it goes"
