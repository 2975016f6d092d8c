"""Uploaded submissions are checked or loaded by the ETL's own code; unsafe, damaged and
undecodable archives are refused with a sentence naming paths inside the upload.

Zips are built byte-exact as the tools that make them do: Windows Explorer on a Korean PC writes
file names in CP949 without the UTF-8 flag.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

import pytest
from zips import UTF8_FLAG, RawNameInfo, zipped

from ui.uploads import UploadRefused, check_or_load
from warehouse import store


def one_member(raw_name: bytes, data: bytes, utf8_flag: bool = False,
               stored: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as bundle:
        info = RawNameInfo(raw_name, utf8_flag)
        if stored:
            info.compress_type = zipfile.ZIP_STORED
        bundle.writestr(info, data)
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


def test_a_zip_from_a_korean_windows_explorer_loads_like_a_utf8_one(
        tiny_program: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("OUTCOMES_DATA_DIR", str(tmp_path))
    explorer = zipped(tiny_program, "cp949")
    names = zipfile.ZipFile(io.BytesIO(explorer)).infolist()
    assert not any(m.flag_bits & UTF8_FLAG for m in names)
    assert "파견현황.csv".encode("cp949") in explorer
    report, _ = check_or_load(explorer, dry_run=True, loaded_by="test",
                              file_name="제출자료.zip")
    assert [r.outcome for r in report.results] == ["dry-run"] * 3
    assert sorted(report.results[0].file_hashes) == [
        "publications.bib", "공개성과물.csv", "산학지원.csv", "참여인력_2025-Q2.xlsx",
        "특허.csv", "파견현황.csv"]
    assert [r.shown for r in report.results] == [
        "제출자료/42maru/2025-Q2", "제출자료/vaiv/2024-Q4", "제출자료/vaiv/2025-Q2"]


def test_a_name_neither_utf8_flagged_nor_cp949_is_refused_in_both_languages() -> None:
    archive = one_member(b"vaiv/\xff\xfe.csv", b"a,b\n")
    with pytest.raises(UploadRefused) as refused:
        check_or_load(archive, dry_run=True, loaded_by="test")
    assert "neither UTF-8 nor CP949" in refused.value.message("en")
    assert "UTF-8도 CP949도 아닙니다" in refused.value.message("ko")
    assert "vaiv/" in refused.value.message("en")


def test_a_member_whose_crc_does_not_match_its_data_is_refused_as_damaged() -> None:
    data = b"consortium_id = 'vaiv'\n" * 4
    archive = bytearray(one_member("vaiv/2026-Q3/파견현황.csv".encode("cp949"), data,
                                   stored=True))
    at = archive.index(data)
    archive[at] ^= 0xFF
    with pytest.raises(UploadRefused) as refused:
        check_or_load(bytes(archive), dry_run=True, loaded_by="test")
    assert refused.value.message("en").startswith(
        "damaged archive: vaiv/2026-Q3/파견현황.csv does not match")
    assert "손상된 압축 파일" in refused.value.message("ko")


def test_a_member_whose_stored_size_is_wrong_is_refused_as_damaged() -> None:
    data = b"x" * 100
    archive = bytearray(one_member(b"vaiv/a.csv", data, stored=True))
    sizes = (100).to_bytes(4, "little") * 2
    for at in [i for i in range(len(archive)) if archive.startswith(sizes, i)]:
        archive[at:at + 8] = (90).to_bytes(4, "little") * 2
    with pytest.raises(UploadRefused, match=r"damaged archive: vaiv/a\.csv"):
        check_or_load(bytes(archive), dry_run=True, loaded_by="test")


def test_a_cut_off_download_is_refused_not_raised(tiny_program: Path) -> None:
    whole = zipped(tiny_program)
    with pytest.raises(UploadRefused, match="not a zip archive"):
        check_or_load(whole[: len(whole) // 2], dry_run=True, loaded_by="test")


def test_an_upload_without_a_submission_stops_with_a_message_naming_the_upload(
        tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("OUTCOMES_DATA_DIR", str(tmp_path))
    archive = one_member("vaiv/2026-Q3/파견현황.csv".encode("cp949"), b"a,b\n")
    report, _ = check_or_load(archive, dry_run=True, loaded_by="test", file_name="vaiv 3분기.zip")
    assert report.results == [] and report.stopped is not None
    en, ko = report.stopped
    assert en.startswith("vaiv_3분기: no submission.toml")
    assert tempfile.gettempdir() not in en + ko


def test_an_archive_escaping_its_folder_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as bundle:
        bundle.writestr("../../evil.txt", "x")
    with pytest.raises(UploadRefused, match="unsafe path"):
        check_or_load(buffer.getvalue(), dry_run=True, loaded_by="test")


def test_something_that_is_not_a_zip_is_refused() -> None:
    with pytest.raises(UploadRefused, match="not a zip"):
        check_or_load(b"%PDF-1.7", dry_run=True, loaded_by="test")


def test_the_load_page_shows_a_stopped_load_without_an_empty_table(
        tiny_warehouse: Path) -> None:
    from streamlit.testing.v1 import AppTest

    from ui.launch import route_apptest_like_launch

    route_apptest_like_launch()
    app = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "dashboard.py"),
                            default_timeout=60)
    app.query_params["lang"] = "en"
    app.run()
    app.switch_page("pages/load.py").run()
    archive = one_member(b"vaiv/2026-Q3/notes.txt", b"no manifest here")
    app.file_uploader(key="submission-zip").set_value(("vaiv-q3.zip", archive,
                                                        "application/zip")).run()
    assert not app.exception, app.exception
    assert len(app.dataframe) == 0
    assert [e.value for e in app.error] == [
        "vaiv-q3: no submission.toml in this folder or below it"]
