"""PDF layout in worker processes gives the bytes that laying out in this process gives.

Publishing lays its four reports out side by side, one fresh interpreter per core
(`reports.render.pdfs`). A report must not depend on where it was laid out, and a worker that
fails must stop the publish with its own error, not leave a missing file behind.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from reports import render

DOCUMENTS = {
    ("internal", "ko"): "<html><body><h1>인재양성</h1><p>석사 12명, 박사 3명</p></body></html>",
    ("internal", "en"): "<html><body><h1>Talent</h1><p>12 Masters, 3 PhDs</p></body></html>",
    ("public", "ko"): "<html><body><h1>연구성과</h1><p>논문 40편</p></body></html>",
}


def pdf_text(document: bytes, tmp_path: Path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(document)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_workers_give_the_same_bytes_as_laying_out_here(tmp_path: Path) -> None:
    in_workers = render.pdfs(DOCUMENTS)
    assert list(in_workers) == list(DOCUMENTS), "each PDF under its own document's key"
    for key, document in DOCUMENTS.items():
        assert in_workers[key] == render._pdf_from_html(document), key
    assert "석사 12명" in pdf_text(in_workers[("internal", "ko")], tmp_path)
    assert "12 Masters" in pdf_text(in_workers[("internal", "en")], tmp_path)


def test_one_core_lays_out_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_worker(*_: object, **__: object) -> None:
        raise AssertionError("no worker process on a single core")

    monkeypatch.setattr(render.os, "cpu_count", lambda: 1)
    monkeypatch.setattr(render.subprocess, "Popen", no_worker)
    laid_out = render.pdfs(DOCUMENTS)
    assert {key: len(pdf) > 0 for key, pdf in laid_out.items()} == dict.fromkeys(DOCUMENTS, True)


def test_a_failing_worker_stops_with_its_error(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    # started outside the project, a worker cannot import reports.render and exits with 1
    monkeypatch.setattr(render, "PROJECT", tmp_path)
    monkeypatch.setattr(render.os, "cpu_count", lambda: 2)
    with pytest.raises(RuntimeError, match=r"laying out a PDF report failed: .*reports"):
        render.pdfs(DOCUMENTS)
