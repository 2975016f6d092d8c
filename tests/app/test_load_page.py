"""The load page's report names the published editions a load has just put out of date.

AppTest runs the real dashboard (local mode: an administrator) on a private copy of the
warehouse the session's snapshots were published from, uploads 42maru's 2025-Q2 resent with one
more student, and publishes it: the page lists 2025-Q2 as no longer matching, with what changed,
leaves the year 2024 alone, and still lists it when the same upload is run again.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from tiny_program import write_late_resubmission

DASHBOARD = str(Path(__file__).resolve().parents[2] / "dashboard.py")


def zipped(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as bundle:
        for path in folder.rglob("*"):
            if path.is_file():
                bundle.write(path, path.relative_to(folder))
    return buffer.getvalue()


def test_publishing_a_late_resubmission_names_the_editions_now_out_of_date(
        published: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(published["warehouse"], tmp_path / "data" / "warehouse")
    monkeypatch.setenv("OUTCOMES_DATA_DIR", str(tmp_path / "data"))
    archive = zipped(write_late_resubmission(tmp_path / "late"))
    app = AppTest.from_file(DASHBOARD, default_timeout=60)
    app.run()
    app.switch_page("pages/load.py").run()
    app.file_uploader(key="submission-zip").set_value(("late.zip", archive, "application/zip"))
    app.run()
    assert not app.warning, "a dry run changes nothing, so nothing is out of date"
    app.toggle(key="load-publish").set_value(True).run()
    assert not app.exception, app.exception
    assert app.success, "the load was published"
    notice = next(w.value for w in app.warning if "수치가 바뀐 보고서 1개" in w.value)
    assert "- 2025-Q2 (" in notice and "수치 9개가 바뀜" in notice, notice
    assert "참여 학생 수 4명 → 5명" in notice, notice
    assert "- 2024" not in notice
    assert "--due --restate" in notice
    app.run()  # the same upload again: nothing to load, the editions are still out of date
    assert any("바뀐 내용이 없어" in i.value for i in app.info)
    assert any("수치가 바뀐 보고서 1개" in w.value for w in app.warning)
