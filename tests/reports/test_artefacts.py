"""The reports are what the ministry prints and hands out: A4 PDFs, offline HTML, Excel.

Checked on the tiny program's 2025-Q2 snapshot: the PDF has a cover, contents and page numbers,
Korean text that extracts (pdftotext), embedded fonts, vector charts and a long table whose
header repeats on every page it spans; the HTML opens without a network; the workbook has one
sheet per KPI. Every KPI of the catalogue appears with its definition.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import polars as pl
import pytest

from reports.excel import sheet_names
from reports.snapshots import Snapshot
from warehouse.catalogue import kpis


def pdf_pages(path: Path) -> list[str]:
    """The text of each page (pdftotext separates pages with form feeds)."""
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")[:-1]


def pdf_info(path: Path, tool: str = "pdfinfo") -> str:
    return subprocess.run([tool, str(path)], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def snapshot(published: dict) -> Snapshot:
    return published["newer"]


def test_the_pdf_is_a4_with_a_cover_contents_and_page_numbers(snapshot: Snapshot) -> None:
    path = snapshot.file("internal/report-ko.pdf")
    assert "595.276 x 841.89 pts (A4)" in pdf_info(path)
    pages = pdf_pages(path)
    assert len(pages) >= 6
    assert "생성AI 선도인재 양성사업 성과 보고서" in pages[0]
    assert "2025년 2분기" in pages[0] and "내부용" in pages[0]
    assert not re.search(r"\b1 / \d+", pages[0]), "the cover has no page number"
    assert "목차" in pages[1]
    assert re.search(r"사업 전체 요약 \.+\s*3", pages[1]), "contents give page numbers"
    for number, text in enumerate(pages[1:], start=2):
        assert f"{number} / {len(pages)}" in text


def test_the_pdf_carries_every_kpi_with_its_definition_in_korean(snapshot: Snapshot) -> None:
    text = " ".join(" ".join(pdf_pages(snapshot.file("internal/report-ko.pdf"))).split())
    for entry in kpis():
        assert entry.name_ko in text
        assert entry.definition_ko[:20] in text
    assert "바이브컴퍼니 컨소시엄" in text and "사업 전체" in text


def test_the_english_pdf_is_in_english(snapshot: Snapshot) -> None:
    text = " ".join(" ".join(pdf_pages(snapshot.file("internal/report-en.pdf"))).split())
    assert "Contents" in text and "Program summary" in text
    assert all(entry.name_en in text for entry in kpis())


def test_the_pdf_embeds_its_korean_font(snapshot: Snapshot) -> None:
    fonts = pdf_info(snapshot.file("public/report-ko.pdf"), "pdffonts").splitlines()[2:]
    assert fonts
    assert any("CJK" in line for line in fonts)
    assert all(line.split()[-5] == "yes" for line in fonts), "every font is embedded"


def test_pdf_charts_are_vector_graphics(snapshot: Snapshot) -> None:
    path = snapshot.file("internal/report-ko.pdf")
    images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True,
                            check=True).stdout.splitlines()[2:]
    assert images == [], "no raster images"
    talent = next(p for p in pdf_pages(path) if p.lstrip().startswith("인재양성"))
    assert talent.count("포티투마루 컨소시엄") >= 2, "the chart's legend is text, not pixels"


def test_a_long_table_repeats_its_header_on_every_page(snapshot: Snapshot) -> None:
    pages = pdf_pages(snapshot.file("internal/report-ko.pdf"))
    with_header = [i for i, p in enumerate(pages)
                   if re.search(r"성과지표\s+컨소시엄\s+분기\s+실적\s+분자", p)]
    assert len(with_header) >= 2, "the appendix spans pages"
    assert with_header == list(range(with_header[0], with_header[0] + len(with_header)))


def test_the_html_opens_offline_with_interactive_charts(snapshot: Snapshot) -> None:
    for edition in ("internal", "public"):
        page = snapshot.file(f"{edition}/report-ko.html").read_text("utf-8")
        assert '<html lang="ko">' in page
        assert not re.search(r"""<(script|link|img)[^>]+(src|href)=["']?(https?:)?//""", page)
        assert "Plotly.newPlot" in page and len(page) > 1_000_000, "plotly.js is inlined"
        assert 'href="report-en.html"' in page
    english = snapshot.file("internal/report-en.html").read_text("utf-8")
    assert '<html lang="en">' in english and "Program summary" in english


def test_the_html_gives_every_kpi_its_definition_and_n(snapshot: Snapshot) -> None:
    page = snapshot.file("internal/report-en.html").read_text("utf-8")
    for entry in kpis():
        assert f'id="kpi-{entry.id}"' in page
        assert entry.definition_en.replace("'", "&#39;") in page
    assert page.count("The rate&#39;s denominator (n) is") == sum(k.is_rate for k in kpis())


def test_the_workbook_has_one_sheet_per_kpi(snapshot: Snapshot) -> None:
    sheets = pl.read_excel(snapshot.file("internal/kpis-ko.xlsx"), sheet_id=0,
                           has_header=False, infer_schema_length=0)
    names = sheet_names([k.id for k in kpis()])
    assert list(sheets) == ["목차", *names.values(), "산학협력", "읽는 법"]
    students = sheets[names["active_students"]]
    assert students.item(0, 0) == "참여 학생 수"
    header = next(i for i in range(students.height) if students.item(i, 0) == "컨소시엄")
    assert students.row(header)[:4] == ("컨소시엄", "consortium_id", "분기", "실적")
    assert students.height - header - 1 == 3 * 4, "program and two consortia, four quarters"
