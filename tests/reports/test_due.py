"""The scheduled run publishes what is due once, holds the locks, and flags restatements.

Deciding is tested without rendering in test_schedule.py; here the run meets a real warehouse
(the tiny program) and real snapshot folders (copies of the session's published ones, so that
only one quarter is rendered here): an edition forced out at its final deadline names the
missing consortia in its manifest, its report and the feed, and a second run publishes nothing;
a run finding the publish lock or the load lock taken does nothing and says so; a late
resubmission after publication is reported as a restatement and republished only on request.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from tiny_program import write_late_resubmission

import config
from etl.load import load
from reports import feed, snapshots
from reports.__main__ import main
from reports.due import BUSY, OK, run_due
from reports.restatements import out_of_date
from warehouse.connection import Reader

FROM_Q1 = config.PublishSchedule(grace_days=30, deadline_days=60, since="2025-Q1",
                                 lock_wait_s=0)


@pytest.fixture
def root(published: dict, tmp_path: Path) -> Path:
    """A private copy of the published snapshots (2024 and 2025-Q2)."""
    copy = tmp_path / "snapshots"
    shutil.copytree(published["root"], copy, symlinks=True)
    return copy


@pytest.fixture(scope="module")
def late_warehouse(published: dict, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The published program's warehouse after 42maru resent 2025-Q2 with one more student."""
    warehouse = tmp_path_factory.mktemp("late") / "warehouse"
    shutil.copytree(published["warehouse"], warehouse)
    folder = write_late_resubmission(tmp_path_factory.mktemp("late-submission"))
    assert load(folder, loaded_by="test", directory=warehouse).ok
    return warehouse


def versions(root: Path, snapshot_id: str) -> list[str]:
    folder = root / snapshots.VERSIONS / snapshot_id
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_an_edition_forced_out_at_its_deadline_names_the_missing_and_is_published_once(
        published: dict, root: Path) -> None:
    lines: list[str] = []
    # 2025-Q1 ended on 31 March; neither consortium sent it; the final deadline is 30 May
    code = run_due(date(2025, 5, 30), directory=root, warehouse=published["warehouse"],
                   settings=FROM_Q1, log=lines.append)
    assert code == OK, lines
    assert ("2025-Q1 (quarter): publish: final deadline 2025-05-30 passed; missing "
            "42maru (2025-Q1), vaiv (2025-Q1)") in lines
    edition = snapshots.open_snapshot("2025-Q1", root)
    assert edition is not None
    assert edition.manifest["consortia_missing"] == {"42maru": ["2025-Q1"],
                                                     "vaiv": ["2025-Q1"]}
    report = edition.file("internal/report-en.html").read_text("utf-8")
    assert "had not submitted by the final deadline" in report
    assert "42Maru consortium (2025-Q1)" in report
    entries = feed.read(root / "feed.xml")
    assert entries[0].snapshot_id == "2025-Q1", "the newest edition leads the feed"
    assert "42maru (2025-Q1)" in entries[0].summary

    again: list[str] = []
    assert run_due(date(2025, 5, 30), directory=root, warehouse=published["warehouse"],
                   settings=FROM_Q1, log=again.append) == OK
    assert "2025-Q1 (quarter): published: already published" in again
    assert again[-1] == "nothing due"
    assert len(versions(root, "2025-Q1")) == 1, "run twice, published once"
    assert [e.snapshot_id for e in feed.read(root / "feed.xml")].count("2025-Q1") == 1


@pytest.fixture
def held_lock(request: pytest.FixtureRequest, published: dict, root: Path) -> Iterator[Path]:
    """Another process holding the publish lock or the warehouse's load lock."""
    path = (root / snapshots.LOCK if request.param == "publish"
            else published["warehouse"] / "load.lock")
    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, sys; handle = open(sys.argv[1], 'a'); "
         "fcntl.flock(handle, fcntl.LOCK_EX); print('held', flush=True); sys.stdin.read()",
         str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    yield path
    assert holder.stdin is not None
    holder.stdin.close()
    holder.wait(timeout=30)


@pytest.mark.parametrize("held_lock", ["publish", "load"], indirect=True)
def test_a_run_that_finds_a_publish_or_a_load_running_does_nothing(
        published: dict, root: Path, held_lock: Path) -> None:
    lines: list[str] = []
    code = run_due(date(2025, 5, 30), directory=root, warehouse=published["warehouse"],
                   settings=FROM_Q1, log=lines.append)
    assert code == BUSY
    assert len(lines) == 1 and lines[0].startswith("busy, nothing decided")
    assert str(held_lock) in lines[0]
    assert versions(root, "2025-Q1") == []


def test_the_publish_lock_is_reentrant_here_and_exclusive_across_processes(
        root: Path) -> None:
    probe = ("import fcntl, sys; handle = open(sys.argv[1], 'a')\n"
             "try:\n    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB); print('free')\n"
             "except BlockingIOError:\n    print('held')")
    with snapshots.publish_lock(root), snapshots.publish_lock(root, wait_s=0):
        taken = subprocess.run([sys.executable, "-c", probe, str(root / snapshots.LOCK)],
                               capture_output=True, text=True, check=True).stdout
    assert taken == "held\n"
    free = subprocess.run([sys.executable, "-c", probe, str(root / snapshots.LOCK)],
                          capture_output=True, text=True, check=True).stdout
    assert free == "free\n"


def test_a_late_resubmission_flags_the_published_quarter_with_what_changed(
        published: dict, late_warehouse: Path) -> None:
    reader = Reader(late_warehouse)
    try:
        found = out_of_date(reader, published["root"])
    finally:
        reader.close()
    assert [r.snapshot_id for r in found] == ["2025-Q2"], "2024 is untouched"
    changes = {(r["kpi_id"], r["consortium_id"]): (r["value_published"], r["value_now"])
               for r in found[0].changes.iter_rows(named=True)}
    # one more PhD student at 42maru, without an ORCID iD: counts, FTE and coverage move
    assert changes[("active_students", "ALL")] == (4, 5)
    assert changes[("active_students", "42maru")] == (1, 2)
    assert changes[("active_phd_students", "42maru")] == (0, 1)
    assert changes[("orcid_coverage", "ALL")] == (25, 20)
    assert set(changes) == {("active_students", "ALL"), ("active_students", "42maru"),
                            ("active_phd_students", "ALL"), ("active_phd_students", "42maru"),
                            ("student_fte", "ALL"), ("student_fte", "42maru"),
                            ("orcid_coverage", "ALL"),
                            # per-student ratios of the program's API tokens and GPU-hours
                            # (42maru's own are zero over any number of students)
                            ("api_tokens_per_active_student", "ALL"),
                            ("gpu_hours_per_student_fte", "ALL")}
    assert "Active students" in found[0].line("en") and "→" in found[0].line("en")


def test_a_restatement_is_reported_daily_and_republished_only_when_asked(
        published: dict, late_warehouse: Path, root: Path) -> None:
    lines: list[str] = []
    since_q2 = config.PublishSchedule(30, 60, since="2025-Q2", lock_wait_s=0)
    assert run_due(date(2025, 10, 1), directory=root, warehouse=late_warehouse,
                   settings=since_q2, log=lines.append) == OK
    flagged = next(line for line in lines if line.startswith("2025-Q2 (quarter)"))
    assert "restated: figures changed after publication; republish with --restate" in flagged
    assert "figure(s) changed" in flagged and "Active students" in flagged
    assert lines[-1] == "nothing due"
    assert len(versions(root, "2025-Q2")) == 1, "never republished silently"

    asked: list[str] = []
    assert run_due(date(2025, 10, 1), restate=True, directory=root, warehouse=late_warehouse,
                   settings=since_q2, log=asked.append) == OK
    assert any(line.startswith("2025-Q2 (quarter): published ") for line in asked), asked
    assert len(versions(root, "2025-Q2")) == 2, "a new version; the old one is kept"
    republished = snapshots.open_snapshot("2025-Q2", root)
    assert republished is not None
    # the 2025 consortia start on 1 October 2025, so nobody owed 2025-Q2 at the deadline
    assert republished.manifest["consortia_missing"] == {}
    reader = Reader(late_warehouse)
    try:
        assert out_of_date(reader, root) == [], "the new version matches the warehouse"
    finally:
        reader.close()
    assert "republished: version 2" in feed.read(root / "feed-public.xml")[0].summary


def test_the_restatements_command_exits_3_while_an_edition_is_out_of_date(
        published: dict, late_warehouse: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setenv("OUTCOMES_DATA_DIR", str(late_warehouse.parent))
    monkeypatch.setenv("OUTCOMES_SNAPSHOT_DIR", str(published["root"]))
    assert main(["restatements"]) == 3
    out = capsys.readouterr().out
    assert "out of date: 2025-Q2" in out and "--due --restate" in out
    monkeypatch.setenv("OUTCOMES_DATA_DIR", str(published["warehouse"].parent))
    assert main(["restatements"]) == 0


def test_due_options_need_due(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["publish", "--period", "2025-Q2", "--restate"])
    assert exited.value.code == 2
    assert "go with --due" in capsys.readouterr().err


def test_the_command_logs_each_decision_with_a_time_and_exits_0_when_nothing_is_due(
        published: dict, root: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setenv("OUTCOMES_DATA_DIR", str(published["warehouse"].parent))
    monkeypatch.setenv("OUTCOMES_SNAPSHOT_DIR", str(root))
    monkeypatch.setenv("OUTCOMES_PUBLISH_SINCE", "2025-Q2")
    assert main(["publish", "--due", "--today", "2025-07-29"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(" ", 2)[1] for line in lines] == ["publish-due"] * 3
    assert lines[1].endswith("publish-due 2025-Q2 (quarter): published: already published")
    assert lines[2].endswith("publish-due nothing due")
    with pytest.raises(SystemExit) as exited:
        main(["publish", "--due", "--since", "2025Q2"])
    assert exited.value.code == 2
