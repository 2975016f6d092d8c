"""Uploaded submissions are checked or loaded by the ETL's own code; unsafe archives are refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from ui.uploads import UploadRefused, check_or_load
from warehouse import store


def zipped(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as bundle:
        for path in folder.rglob("*"):
            if path.is_file():
                bundle.write(path, path.relative_to(folder))
    return buffer.getvalue()


def test_a_dry_run_of_an_upload_reports_and_writes_nothing(tiny_program: Path,
                                                           tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("OUTCOMES_DATA_DIR", str(tmp_path))
    report, journal = check_or_load(zipped(tiny_program), dry_run=True, loaded_by="test")
    assert [r.outcome for r in report.results] == ["dry-run"] * 3
    assert sum(r.rows_rejected for r in report.results) == 2
    assert (journal / "report.md").is_file()
    assert store.current_file(tmp_path / "warehouse") is None


def test_an_upload_can_be_loaded_and_published(tiny_program: Path, tmp_path: Path,
                                               monkeypatch) -> None:
    monkeypatch.setenv("OUTCOMES_DATA_DIR", str(tmp_path))
    report, _ = check_or_load(zipped(tiny_program), dry_run=False, loaded_by="admin@x")
    assert report.warehouse_file == store.current_file(tmp_path / "warehouse")


def test_an_archive_escaping_its_folder_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as bundle:
        bundle.writestr("../../evil.txt", "x")
    with pytest.raises(UploadRefused, match="unsafe path"):
        check_or_load(buffer.getvalue(), dry_run=True, loaded_by="test")


def test_something_that_is_not_a_zip_is_refused() -> None:
    with pytest.raises(UploadRefused, match="not a zip"):
        check_or_load(b"%PDF-1.7", dry_run=True, loaded_by="test")
