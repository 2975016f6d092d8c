"""No public artefact contains a small count of people, in any format or language.

The tiny program is all small counts (four students in all), so its internal edition is full of
them; each test first shows that its check finds them in the internal edition, then that the
public edition's Parquet, Excel, HTML and PDF (text via pdftotext) contain none.
"""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import polars as pl
import pytest

from reports.data import internal_only_kpis
from reports.disclosure import hidden_count_cells, protected_columns
from reports.excel import COLUMNS, sheet_names
from reports.snapshots import Snapshot, as_of
from reports.text import label as report_label
from warehouse.catalogue import kpi, kpis

SMALL = {"1", "2", "3", "4"}
PROTECTED_KPIS = [k for k in kpis() if k.counts_people]


@pytest.fixture(scope="module")
def snapshot(published: dict) -> Snapshot:
    return published["newer"]


def test_the_tiny_program_has_small_counts_to_hide(snapshot: Snapshot) -> None:
    assert len(hidden_count_cells(as_of(snapshot))) >= 10


def test_public_parquet_holds_no_small_count(snapshot: Snapshot) -> None:
    frame = pl.read_parquet(snapshot.file("public/data/kpi_values.parquet"))
    # every figure but the KPIs in won, which the internal edition alone carries
    public_rows = as_of(snapshot).filter(~pl.col("kpi_id").is_in(internal_only_kpis()))
    assert frame.height == public_rows.height
    assert hidden_count_cells(frame) == []
    for row in frame.iter_rows(named=True):
        for column in protected_columns(row["kpi_id"]):
            assert row[column] is None or not 1 <= row[column] <= 4, (row, column)


def excel_cells(path: Path) -> list[tuple[str, str, str]]:
    """(KPI id, column, text) of every protected cell in every KPI sheet of a workbook."""
    sheets = pl.read_excel(path, sheet_id=0, has_header=False, infer_schema_length=0)
    found = []
    for kpi_id, name in sheet_names([k.id for k in kpis()]).items():
        if name not in sheets:  # a KPI in won has no sheet in the public workbook
            continue
        sheet = sheets[name]
        header = next(i for i in range(sheet.height) if sheet.item(i, 1) == "consortium_id")
        for column in protected_columns(kpi_id):
            position = COLUMNS.index(column)
            found += [(kpi_id, column, sheet.item(r, position) or "")
                      for r in range(header + 1, sheet.height)]
    return found


@pytest.mark.parametrize("language", ["ko", "en"])
def test_public_workbooks_hold_no_small_count(snapshot: Snapshot, language: str) -> None:
    internal = excel_cells(snapshot.file(f"internal/kpis-{language}.xlsx"))
    assert any(text.removesuffix(".0") in SMALL for _, _, text in internal)
    public = excel_cells(snapshot.file(f"public/kpis-{language}.xlsx"))
    assert public, "the public workbook has protected cells"
    assert not [c for c in public if c[2].removesuffix(".0") in SMALL]
    assert any(text == "<5" for _, _, text in public)


class ProtectedCells(HTMLParser):
    """Collects the text of every table cell marked data-protected."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "td" and any(name == "data-protected" for name, _ in attrs):
            self._inside = True
            self.cells.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.cells[-1] += data.strip()


def html_cells(path: Path) -> list[str]:
    parser = ProtectedCells()
    parser.feed(path.read_text("utf-8"))
    return [cell.removesuffix("명") for cell in parser.cells]


@pytest.mark.parametrize("language", ["ko", "en"])
def test_public_html_holds_no_small_count(snapshot: Snapshot, language: str) -> None:
    assert SMALL & set(html_cells(snapshot.file(f"internal/report-{language}.html")))
    public = html_cells(snapshot.file(f"public/report-{language}.html"))
    assert public and not SMALL & set(public)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def table_cells(text: str, language: str, consortia: list[str]) -> list[tuple[str, str, str]]:
    """(KPI id, column, text) of the value and n cells in the per-KPI tables of a PDF's text.

    Those rows read `<consortium> <value> <target> <projection> <status> <n>`; the KPI is the
    last KPI name seen as a heading above them.
    """
    names = {entry.name(language): entry.id for entry in kpis()}
    # the industry section's tables count records (contracts, GPU-hours), not people
    other_sections = {report_label("industry_detail", language)}
    current, cells = None, []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped in names:
            current = names[stripped]
            continue
        if stripped in other_sections:
            current = None
            continue
        label = next((c for c in consortia if stripped.startswith(c + " ")), None)
        if current is None or label is None:
            continue
        tokens = [t.removesuffix("명") for t in stripped.removeprefix(label).split()]
        cells += [(current, "value", tokens[0]), (current, "denominator", tokens[-1])]
    return cells


@pytest.mark.parametrize("language", ["ko", "en"])
def test_public_pdfs_hold_no_small_count(snapshot: Snapshot, language: str) -> None:
    dim = pl.read_parquet(snapshot.file("internal/data/dim_consortium.parquet"))
    consortia = [*dim[f"name_{language}"], "사업 전체" if language == "ko" else "Program total"]

    def small(path: str) -> list[tuple[str, str, str]]:
        cells = table_cells(pdf_text(snapshot.file(path)), language, consortia)
        assert len(cells) >= 2 * 3 * len(PROTECTED_KPIS)
        return [c for c in cells if c[1] in protected_columns(c[0]) and c[2] in SMALL]

    assert small(f"internal/report-{language}.pdf"), "the check finds small counts"
    assert small(f"public/report-{language}.pdf") == []


def test_public_charts_put_no_small_count_on_a_bar(snapshot: Snapshot) -> None:
    page = snapshot.file("public/report-en.html").read_text("utf-8")
    specs = re.findall(r"\}\)\((\{.*?\})\);</script>", page)
    assert specs
    people = {kpi(k.id).name_en for k in PROTECTED_KPIS if not k.is_rate}
    for spec in specs:
        for bar, label in re.findall(r'"text":\[(.*?)\].*?"x":\[(.*?)\]', spec):
            if any(name in label for name in people):
                assert not re.search(r'"[1-4]"', bar), bar
