"""Every load is viewable afterwards, from the command line, while the dashboard reads on.

`python -m etl history` lists each recorded load (slice, outcome, who sent and who loaded it,
when, counts in = accepted + rejected, and the SHA-256 of each file), and `python -m etl
rejections` lists quarantined values with their reasons. Both run as separate processes while
this process holds a read-only connection to the same warehouse file, as the dashboard does.
"""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest
from tiny_program import write_tiny_program

from etl.load import load
from warehouse import queries
from warehouse.connection import Reader

ROOT = Path(__file__).resolve().parents[2]


def run_cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "OUTCOMES_DATA_DIR": str(data_dir)}
    return subprocess.run([sys.executable, "-m", "etl", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, Reader]]:
    """Submissions, a data directory holding them, and a reader kept open like the app's."""
    base = tmp_path_factory.mktemp("history")
    submissions = write_tiny_program(base / "submissions")
    data_dir = base / "data"
    assert load(submissions, loaded_by="ops", directory=data_dir / "warehouse").ok
    reader = Reader(data_dir / "warehouse")
    assert queries.periods(reader), "the reader holds the live file open"
    yield submissions, data_dir, reader
    reader.close()


def test_history_lists_every_load_with_counts_people_and_file_hashes(loaded) -> None:
    submissions, data_dir, reader = loaded
    process = run_cli(data_dir, "history")
    assert process.returncode == 0, process.stderr
    history = queries.load_history(reader)
    assert history.height == 3
    for load_row in history.iter_rows(named=True):
        assert (f"{load_row['consortium_id']} {load_row['period']}  {load_row['outcome']}  "
                f"rows in {load_row['rows_in']} = accepted {load_row['rows_accepted']} + "
                f"rejected {load_row['rows_rejected']}") in process.stdout
        assert load_row["load_id"] in process.stdout
    assert "sent by 사업관리팀, loaded by ops" in process.stdout
    xlsx = next((submissions / "vaiv" / "2024-Q4").glob("*.xlsx"))
    assert hashlib.sha256(xlsx.read_bytes()).hexdigest()[:16] in process.stdout


def test_history_can_be_limited_to_one_consortium(loaded) -> None:
    _, data_dir, _ = loaded
    process = run_cli(data_dir, "history", "--consortium", "42maru", "--limit", "1")
    assert process.returncode == 0 and "42maru 2025-Q2" in process.stdout
    assert "vaiv" not in process.stdout


def test_rejections_of_one_load_show_where_what_and_why(loaded) -> None:
    _, data_dir, reader = loaded
    history = queries.load_history(reader)
    load_id = history.filter(pl.col("period") == "2024-Q4").item(0, "load_id")
    process = run_cli(data_dir, "rejections", "--load-id", load_id)
    assert process.returncode == 0, process.stderr
    lines = process.stdout.strip().splitlines()
    assert len(lines) == queries.rejected_rows(load_id, reader).height == 2
    assert any("기준 기관 목록에 없는 기관" in line and "Unknown University" in line
               for line in lines)
    assert any("형식이 올바르지 않습니다" in line and "98Q7" not in line for line in lines)


def test_rejections_as_csv_match_the_quarantine_table(loaded) -> None:
    _, data_dir, reader = loaded
    process = run_cli(data_dir, "rejections", "--csv")
    printed = pl.read_csv(io.StringIO(process.stdout), infer_schema=False)
    stored = queries.rejected_rows(None, reader)
    assert printed.height == stored.height == 2
    assert set(printed["reason_code"]) == set(stored["reason_code"])


def test_history_without_a_warehouse_says_so_and_fails(tmp_path: Path) -> None:
    process = run_cli(tmp_path / "nothing", "history")
    assert process.returncode == 1 and "Traceback" not in process.stderr
    assert "no warehouse yet" in process.stderr
