"""Publishing is all or nothing, repeatable, correctable, and never blocks readers.

Loads write a new file and switch a pointer; these tests check the guarantees that follow: a
failed or killed load leaves the live warehouse byte for byte as it was, loading the same files
again publishes nothing, a resubmission replaces only its own slice, and readers keep reading
while a load publishes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tiny_program import write_tiny_program

from etl.load import load
from warehouse import queries, store
from warehouse.connection import Reader

ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def loaded(tmp_path: Path) -> tuple[Path, Path]:
    """A fresh copy of the tiny program and a warehouse directory holding it."""
    submissions = write_tiny_program(tmp_path / "submissions")
    directory = tmp_path / "warehouse"
    assert load(submissions, loaded_by="test", directory=directory).ok
    return submissions, directory


def test_an_exception_during_a_load_leaves_the_live_warehouse_as_it_was(
        loaded: tuple[Path, Path]) -> None:
    _, directory = loaded
    live = store.current_file(directory)
    before = digest(live)
    with pytest.raises(RuntimeError), store.new_version(directory) as version:
        version.replace_slice("vaiv", "2024-Q4", {})
        raise RuntimeError("disk full")
    assert store.current_file(directory) == live
    assert digest(live) == before
    assert sorted(p.name for p in directory.glob("*.duckdb")) == [live.name]


def test_reloading_the_same_files_changes_nothing(loaded: tuple[Path, Path]) -> None:
    submissions, directory = loaded
    live = store.current_file(directory)
    before = digest(live)
    report = load(submissions, loaded_by="test", directory=directory)
    assert {r.outcome for r in report.results} == {"unchanged"}
    assert report.warehouse_file is None
    assert store.current_file(directory) == live and digest(live) == before


def test_a_corrected_resubmission_replaces_its_slice_only(loaded: tuple[Path, Path]) -> None:
    submissions, directory = loaded
    reader = Reader(directory)
    try:
        before = queries.trend("active_students", None, reader)
        slice_folder = submissions / "vaiv" / "2025-Q2"
        xlsx = next(slice_folder.glob("*.xlsx"))
        xlsx.unlink()  # the corrected slice no longer reports S6 (nor destinations, projects)
        shutil.copyfile(next((submissions / "42maru" / "2025-Q2").glob("*.xlsx")), xlsx)
        report = load(slice_folder, loaded_by="test", directory=directory)
        assert [r.outcome for r in report.results] == ["replaced"]
        after = queries.trend("active_students", None, reader)
    finally:
        reader.close()

    def at(frame, consortium_id: str, period: str) -> float:
        rows = frame.filter((frame["consortium_id"] == consortium_id)
                            & (frame["period"] == period))
        return rows.item(0, "value")

    # the resent slice now carries 42maru's student M1 instead of S6
    assert at(before, "vaiv", "2025-Q2") == 3 and at(after, "vaiv", "2025-Q2") == 3
    assert at(before, "vaiv", "2024-Q4") == at(after, "vaiv", "2024-Q4") == 4
    assert at(after, "42maru", "2025-Q2") == at(before, "42maru", "2025-Q2") == 1


def test_readers_keep_answering_while_a_load_publishes(loaded: tuple[Path, Path],
                                                       tmp_path: Path) -> None:
    submissions, directory = loaded
    reader = Reader(directory)
    first = reader.version()
    (submissions / "vaiv" / "2025-Q2" / "note.csv").write_text("", encoding="utf-8")
    # a changed file set makes the slice load again and publish a new version
    (submissions / "vaiv" / "2025-Q2" / "note.csv").unlink()
    (submissions / "vaiv" / "2025-Q2" / "publications.bib").write_text(
        (submissions / "vaiv" / "2025-Q2" / "publications.bib").read_text() + "\n",
        encoding="utf-8")
    before = queries.periods(reader)
    assert load(submissions, loaded_by="test", directory=directory).warehouse_file
    assert reader.version() != first
    assert queries.periods(reader) == before
    reader.close()


def test_a_load_killed_at_any_moment_leaves_a_complete_warehouse(tmp_path: Path) -> None:
    submissions = write_tiny_program(tmp_path / "submissions")
    data_dir = tmp_path / "data"
    directory = data_dir / "warehouse"
    env = {**os.environ, "OUTCOMES_DATA_DIR": str(data_dir)}
    command = [sys.executable, "-m", "etl", "load", str(submissions), "--quiet"]
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
    live = store.current_file(directory)
    before = digest(live)
    # change every slice so each attempt has real work to publish, then kill it part-way
    for bib in submissions.rglob("publications.bib"):
        bib.write_text(bib.read_text() + "\n% corrected\n", encoding="utf-8")
    published = None
    for delay in (0.3, 0.8, 1.2, 1.6, 2.0, 2.5):
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        current = store.current_file(directory)
        if current == live:
            assert digest(live) == before, f"live file changed by a load killed at {delay}s"
        else:
            published = current
            break
    reader = Reader(directory)
    try:
        assert queries.periods(reader), "the live warehouse answers after the kills"
        assert "2025-Q2" in queries.periods(reader)
    finally:
        reader.close()
    if published is not None:
        import duckdb

        from warehouse import build

        con = duckdb.connect(str(published), read_only=True)
        try:
            assert build.run_checks(con) == []
        finally:
            con.close()


def test_a_pinned_reader_answers_from_its_version_after_a_publish(
        loaded: tuple[Path, Path]) -> None:
    submissions, directory = loaded
    reader = Reader(directory)
    try:
        pinned = reader.at(reader.version())
        before = queries.scorecard("2025-Q2", ["vaiv"], pinned)
        folder = submissions / "vaiv" / "2025-Q2"
        next(folder.glob("*.xlsx")).unlink()  # the corrected quarter drops S6 and the rest
        assert load(folder, loaded_by="test", directory=directory).warehouse_file
        assert reader.version() != pinned.version
        assert queries.scorecard("2025-Q2", ["vaiv"], pinned).equals(before)
        live = queries.scorecard("2025-Q2", ["vaiv"], reader)
        assert not live.equals(before)
    finally:
        reader.close()
