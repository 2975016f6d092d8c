"""The command line never shows a traceback: broken input ends in one clear sentence per file.

`python -m etl load` is run as a real process on a folder of broken submissions (unknown
dataset, missing columns, undecodable bytes, a truncated workbook, a cut-off JSON download, a
malformed RIS file, and manifests that are incomplete, unparsable, name an unknown consortium
or a missing file). It must exit with status 1, name each file with its problem in Korean and
English, write the journal, and leave the live warehouse byte for byte as it was. A load that
stops for a reason nobody foresaw (here a corrupted live warehouse file) ends the same way.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import xlsxwriter
from tiny_program import write_tiny_program

from contract import DISPATCHES
from etl import load as load_module
from etl.__main__ import main
from etl.load import load
from warehouse import queries, store
from warehouse.connection import Reader

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).with_name("fixtures") / "publications"
DISPATCH_HEADER = ",".join(c.korean for c in DISPATCHES.columns)


def manifest(period: str, consortium: str = "vaiv", extra: str = "") -> str:
    return (f'consortium_id = "{consortium}"\nperiod = "{period}"\n'
            f'submitted_by = "사업관리팀"\n{extra}')


def truncated_xlsx(path: Path) -> bytes:
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("참여학생").write_row(0, 0, ["국가연구자번호", "소속기관"])
    book.close()
    return path.read_bytes()[:300]


#: case -> (period in its manifest, file with the problem, problem code)
CASES = {
    "unknown-dataset": ("2023-Q1", "misc.csv", "unknown_dataset"),
    "missing-columns": ("2023-Q2", "dispatches.csv", "missing_columns"),
    "undecodable": ("2023-Q3", "dispatches.csv", "undecodable"),
    "corrupt-xlsx": ("2023-Q4", "참여인력.xlsx", "corrupt_xlsx"),
    "truncated-json": ("2024-Q1", "works.json", "corrupt_json"),
    "malformed-ris": ("2024-Q2", "papers.ris", "corrupt_ris"),
    "manifest-incomplete": (None, "submission.toml", "manifest_incomplete"),
    "manifest-unparsable": (None, "submission.toml", "manifest_unreadable"),
    "manifest-consortium": (None, "submission.toml", "unknown_consortium"),
    "manifest-file": (None, "submission.toml", "manifest_file_missing"),
}


def broken_submissions(root: Path) -> dict[str, str]:
    """Write one broken submission per case; return case -> how the report names it."""
    files = {
        "unknown-dataset": {"misc.csv": f"{DISPATCH_HEADER}\n".encode()},
        "missing-columns": {"dispatches.csv": "국가연구자번호,파견기관\n1,네이버\n".encode()},
        "undecodable": {"dispatches.csv": b"\xff\xff\xff\x81\x00"},
        "corrupt-xlsx": {"참여인력.xlsx": truncated_xlsx(root / "scratch.xlsx")},
        "truncated-json": {"works.json": (FIXTURES / "openalex_truncated.json").read_bytes()},
        "malformed-ris": {"papers.ris": (FIXTURES / "truncated.ris").read_bytes()},
    }
    manifests = {
        "manifest-incomplete": 'consortium_id = "vaiv"\nsubmitted_by = "x"\n',
        "manifest-unparsable": 'consortium_id = "vaiv\nperiod = 2025-Q1\n',
        "manifest-consortium": manifest("2024-Q3", consortium="nobody"),
        "manifest-file": manifest("2024-Q4", extra='[files]\n"파견.csv" = "dispatches"\n'),
    }
    names = {}
    for case, (period, _, _) in CASES.items():
        folder = root / case
        folder.mkdir()
        text = manifests.get(case) or manifest(str(period))
        (folder / "submission.toml").write_text(text, encoding="utf-8")
        for file_name, content in files.get(case, {}).items():
            (folder / file_name).write_bytes(content)
        names[case] = f"vaiv {period}" if period else f"{root.name}/{case}"
    (root / "scratch.xlsx").unlink()
    return names


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "OUTCOMES_DATA_DIR": str(data_dir)}
    return subprocess.run([sys.executable, "-m", "etl", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def broken_run(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """One CLI load of every broken submission on top of a loaded warehouse."""
    base = tmp_path_factory.mktemp("cli")
    data_dir = base / "data"
    assert load(write_tiny_program(base / "tiny"), loaded_by="test",
                directory=data_dir / "warehouse").ok
    live = store.current_file(data_dir / "warehouse")
    before = digest(live)
    (base / "broken").mkdir()
    names = broken_submissions(base / "broken")
    process = run_cli(data_dir, "load", str(base / "broken"), "--quiet")
    [journal] = sorted((data_dir / "loads").iterdir())
    return {"process": process, "names": names, "live": live, "before": before,
            "data_dir": data_dir,
            "summary": json.loads((journal / "summary.json").read_text(encoding="utf-8"))}


def test_broken_submissions_exit_with_status_1_and_no_traceback(broken_run: dict) -> None:
    process = broken_run["process"]
    assert process.returncode == 1, process.stderr
    assert "Traceback" not in process.stderr + process.stdout


def test_broken_submissions_leave_the_live_warehouse_as_it_was(broken_run: dict) -> None:
    directory = broken_run["data_dir"] / "warehouse"
    assert store.current_file(directory) == broken_run["live"]
    assert digest(broken_run["live"]) == broken_run["before"]
    assert "nothing changed" in broken_run["process"].stdout


@pytest.mark.parametrize("case", list(CASES))
def test_each_broken_file_is_named_with_its_problem_in_both_languages(
        broken_run: dict, case: str) -> None:
    _, file_name, code = CASES[case]
    problems = [p for p in broken_run["summary"]["file_problems"]
                if p["submission"] == broken_run["names"][case]]
    assert [(p["file"], p["code"]) for p in problems] == [(file_name, code)]
    [problem] = problems
    lines = [line for line in broken_run["process"].stderr.splitlines()
             if problem["message_en"] in line]
    assert lines and problem["message_ko"] in lines[0] and file_name in lines[0]


def test_a_load_that_fails_unforeseen_stops_cleanly_and_keeps_its_journal(
        tmp_path: Path) -> None:
    directory = tmp_path / "data" / "warehouse"
    directory.mkdir(parents=True)
    damaged = directory / "warehouse-20250101T000000-damaged.duckdb"
    damaged.write_bytes(b"this is not a database file" * 100)
    (directory / "CURRENT").write_text(damaged.name, encoding="utf-8")
    submissions = write_tiny_program(tmp_path / "tiny")
    process = run_cli(tmp_path / "data", "load", str(submissions / "vaiv" / "2024-Q4"),
                      "--quiet")
    assert process.returncode == 1
    assert "Traceback" not in process.stderr
    assert "LOAD STOPPED" in process.stderr and "warehouse is unchanged" in process.stderr
    assert store.current_file(directory) == damaged
    assert sorted(p.name for p in directory.glob("*.duckdb")) == [damaged.name]
    [journal] = (tmp_path / "data" / "loads").iterdir()
    summary = json.loads((journal / "summary.json").read_text(encoding="utf-8"))
    assert summary["stopped"]["message_ko"] and summary["ok"] is False


def test_a_folder_without_any_submission_is_one_clear_message(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    process = run_cli(tmp_path / "data", "load", str(tmp_path / "empty"))
    assert process.returncode == 1 and "Traceback" not in process.stderr
    assert "submission.toml" in process.stderr


def test_a_bug_while_reading_one_file_names_that_file_and_loads_nothing_of_its_submission(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    # fault injection: no real input is known to crash a reader, so one is made to
    submissions = write_tiny_program(tmp_path / "tiny")
    real_read_file = load_module.read_file

    def failing_read_file(path: Path, *args: object):
        if path.suffix == ".bib":
            raise RuntimeError("parser bug")
        return real_read_file(path, *args)

    monkeypatch.setattr(load_module, "read_file", failing_read_file)
    monkeypatch.setenv("OUTCOMES_DATA_DIR", str(tmp_path / "data"))
    status = main(["load", str(submissions / "vaiv" / "2024-Q4"), "--quiet"])
    err = capsys.readouterr().err
    assert status == 1
    assert "publications.bib" in err and "RuntimeError: parser bug" in err
    reader = Reader(tmp_path / "data" / "warehouse")
    try:
        assert queries.load_history(reader).height == 0, "the submission was not loaded"
    finally:
        reader.close()


def test_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["load", str(tmp_path / "nowhere")]) == 2


def test_the_shipped_sample_still_checks_cleanly_through_the_command_line(
        tmp_path: Path) -> None:
    sample = tmp_path / "sample"
    shutil.copytree(ROOT / "data" / "sample" / "vaiv" / "2025-Q1", sample)
    process = run_cli(tmp_path / "data", "load", str(sample), "--dry-run", "--quiet")
    assert process.returncode == 0, process.stderr
    assert "dry run" in process.stdout
