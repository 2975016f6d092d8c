"""The shipped sample submissions are reproducible and shaped as the readers expect.

These tests guarantee that the generator in etl.sample writes byte-identical files for the same
seed and scale, that the seed matters, that every consortium in the reference list gets one
folder per quarter (the 2025 consortia from their first quarter) with a complete manifest and
its industry records, that workbook headers come from the input contract, that the 42Maru
dispatch and patent files are CP949 text, and that the scale option scales the intake.
"""

from __future__ import annotations

import csv
import hashlib
import tomllib
from datetime import date
from pathlib import Path

import fastexcel
import pytest

import config
from contract import ARTEFACTS, DESTINATIONS, PROJECTS, STUDENTS, SUPPORT, TRANSFERS
from etl.sample import generate

LAST_PERIOD = (2026, 3)
SHEETS = {STUDENTS.korean: STUDENTS, DESTINATIONS.korean: DESTINATIONS,
          PROJECTS.korean: PROJECTS}
INDUSTRY_SHEETS = {SUPPORT.korean: SUPPORT, TRANSFERS.korean: TRANSFERS,
                   ARTEFACTS.korean: ARTEFACTS}


def file_hashes(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def consortia() -> list[dict[str, str]]:
    with (config.REFERENCE_DIR / "consortia.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def expected_periods(start: date) -> list[str]:
    year, quarter = start.year, (start.month - 1) // 3 + 1
    found = []
    while (year, quarter) <= LAST_PERIOD:
        found.append(f"{year}-Q{quarter}")
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return found


def student_numbers(root: Path) -> set[str]:
    numbers: set[str] = set()
    for path in root.rglob("참여인력_*.xlsx"):
        grid = fastexcel.read_excel(path).load_sheet(STUDENTS.korean, header_row=None,
                                                     dtypes="string").to_polars()
        numbers.update(v for v in grid.to_series(0).to_list()[3:] if v)
    return numbers


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sample")
    generate(out, seed=7, scale=1)
    return out


def test_the_same_seed_and_scale_write_byte_identical_files(sample: Path,
                                                            tmp_path: Path) -> None:
    generate(tmp_path, seed=7, scale=1)
    assert file_hashes(tmp_path) == file_hashes(sample)


def test_a_different_seed_writes_different_content(sample: Path, tmp_path: Path) -> None:
    generate(tmp_path, seed=8, scale=1)
    first, second = file_hashes(sample), file_hashes(tmp_path)
    differing = [name for name in first if first[name] != second.get(name)]
    assert len(differing) > len(first) // 2


def test_every_consortium_has_one_folder_per_quarter_with_a_complete_manifest(
        sample: Path) -> None:
    for consortium in consortia():
        folder = sample / consortium["consortium_id"]
        periods = expected_periods(date.fromisoformat(consortium["start_date"]))
        assert sorted(p.name for p in folder.iterdir()) == periods
        for period in periods:
            names = {p.name for p in (folder / period).iterdir()} - {"특허.csv"}
            starts_year = period == periods[0] or period.endswith("-Q1")
            assert ("성과목표.csv" in names) == starts_year, "targets open each program year"
            assert names - {"성과목표.csv"} == {
                "submission.toml", f"참여인력_{period}.xlsx", "파견현황.csv", "publications.bib",
                f"산학협력_{period}.xlsx"}
            manifest = tomllib.loads((folder / period / "submission.toml").read_text("utf-8"))
            assert manifest["consortium_id"] == consortium["consortium_id"]
            assert manifest["period"] == period
            assert manifest["submitted_by"].strip()
            assert manifest["files"] == {"파견현황.csv": "dispatches"}


def test_workbook_headers_are_the_contracts_korean_headers(sample: Path) -> None:
    workbooks = sorted(sample.rglob("*.xlsx"))
    assert workbooks
    for path in workbooks:
        workbook = fastexcel.read_excel(path)
        sheets = INDUSTRY_SHEETS if path.name.startswith("산학협력_") else SHEETS
        assert workbook.sheet_names == list(sheets)
        for name, dataset in sheets.items():
            grid = workbook.load_sheet(name, header_row=None, dtypes="string").to_polars()
            assert list(grid.row(2)) == [c.korean for c in dataset.columns]


def test_the_42maru_dispatch_file_is_cp949_and_not_utf8(sample: Path) -> None:
    data = (sample / "42maru" / "2025-Q3" / "파견현황.csv").read_bytes()
    assert data.decode("cp949").startswith("국가연구자번호,")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")


def test_the_42maru_patent_files_are_cp949_and_every_consortium_files_patents(
        sample: Path) -> None:
    for consortium in consortia():
        patents = sorted((sample / consortium["consortium_id"]).rglob("특허.csv"))
        assert patents, consortium["consortium_id"]
        if consortium["consortium_id"] == "42maru":
            assert patents[0].read_bytes().decode("cp949").startswith("출원국,")


def test_the_vaiv_dispatch_file_starts_with_a_utf8_byte_order_mark(sample: Path) -> None:
    data = (sample / "vaiv" / "2025-Q3" / "파견현황.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")


def test_scale_two_produces_more_students_than_scale_one(sample: Path, tmp_path: Path) -> None:
    generate(tmp_path, seed=7, scale=2)
    assert len(student_numbers(tmp_path)) > len(student_numbers(sample))


def test_regenerating_leaves_unrelated_files_in_the_output_folder(tmp_path: Path) -> None:
    keep = tmp_path / "README.txt"
    keep.write_text("kept", encoding="utf-8")
    stale = tmp_path / "vaiv" / "2099-Q1"
    stale.mkdir(parents=True)
    generate(tmp_path, seed=7, scale=1)
    assert keep.read_text(encoding="utf-8") == "kept"
    assert not stale.exists()
