"""A load reads, checks and writes one submission before the next, yet publishes once.

So its memory follows the largest submission rather than the whole load: after a submission is
written only its counts and rejected values are kept. Publishing stays all or nothing: a load
stopped after some submissions were written leaves the live warehouse byte for byte as it was.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from tiny_program import write_tiny_program

from etl.load import LoadStopped, load
from warehouse import store


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny program's submission folders."""
    return write_tiny_program(tmp_path_factory.mktemp("one-at-a-time") / "submissions")


def test_each_submission_is_written_before_the_next_is_read(program: Path,
                                                             tmp_path: Path) -> None:
    steps: list[tuple[int, int, str]] = []
    report = load(program, loaded_by="test", directory=tmp_path / "warehouse",
                  progress=lambda done, total, label: steps.append((done, total, label)))
    assert report.ok and len(report.results) > 1
    kinds = [label.split()[0] for _, _, label in steps]
    assert kinds == ["checked", "loaded"] * len(report.results)
    assert [done for done, _, _ in steps] == list(range(1, 2 * len(report.results) + 1))
    assert all(result.checked == [] for result in report.results), "rows are let go"
    for result in report.results:
        assert result.rows_in == sum(counts[0] for counts in result.file_counts.values())
        assert result.rows_in > 0 and result.rows_in >= result.rows_rejected


def test_rejected_values_are_still_reported_after_the_rows_are_released(
        program: Path, tmp_path: Path) -> None:
    report = load(program, dry_run=True)
    rejected = sum(result.rows_rejected for result in report.results)
    assert rejected > 0
    assert sum(r.rejections["row_number"].n_unique() for r in report.results) <= rejected
    assert all(r.rejections.height for r in report.results if r.rows_rejected)


def test_a_load_stopped_after_writing_some_submissions_publishes_nothing(
        program: Path, tmp_path: Path) -> None:
    submissions = tmp_path / "submissions"
    shutil.copytree(program, submissions)
    directory = tmp_path / "warehouse"
    assert load(submissions, loaded_by="test", directory=directory).ok
    live = store.current_file(directory)
    before = hashlib.sha256(live.read_bytes()).hexdigest()
    for bib in submissions.rglob("publications.bib"):
        bib.write_text(bib.read_text() + "\n% corrected\n", encoding="utf-8")

    def stop_after_the_first_write(done: int, total: int, label: str) -> None:
        if label.startswith("loaded"):
            raise RuntimeError("the page was closed")

    with pytest.raises(LoadStopped) as stopped:
        load(submissions, loaded_by="test", directory=directory,
             progress=stop_after_the_first_write)
    assert store.current_file(directory) == live
    assert hashlib.sha256(live.read_bytes()).hexdigest() == before
    outcomes = {result.outcome for result in stopped.value.report.results}
    assert outcomes == {"not loaded"}
    assert len(stopped.value.report.results) == len(list(submissions.rglob("submission.toml")))
    assert [p for p in directory.glob("warehouse-*.duckdb")] == [live]
