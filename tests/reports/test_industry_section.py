"""Snapshots carry the industry section; won values and fees stay in the internal edition.

The tiny program's 2025-Q2 snapshot (tests/tiny_program.py): vaiv's support is worth 2,500,000
won in kind, 42maru's 1,000,000; vaiv's one transfer has a 10,000,000-won fixed fee with
5,000,000 received. Both editions show the flow (records, not people) and the native units.
"""

from __future__ import annotations

import re

import polars as pl
import pytest

from reports.snapshots import Snapshot
from reports.text import domain_name, label

WON = ("2,500,000", "10,000,000", "5,000,000")  # 1,000,000 is also a count of API tokens


@pytest.fixture(scope="module")
def snapshot(published: dict) -> Snapshot:
    return published["newer"]


@pytest.mark.parametrize(("language", "section", "link"), [
    ("ko", "산학협력", "특허 → 기술이전"), ("en", "Industry collaboration",
                                    "Patents → Technology transfers")])
def test_both_editions_show_the_flow_and_only_the_internal_one_shows_won(
        snapshot: Snapshot, language: str, section: str, link: str) -> None:
    internal = snapshot.file(f"internal/report-{language}.html").read_text(encoding="utf-8")
    public = snapshot.file(f"public/report-{language}.html").read_text(encoding="utf-8")
    for html in (internal, public):
        assert 'id="industry"' in html and section in html and link in html
        assert ">400<" in html, "vaiv's 400 GPU-hours, a native unit, are in both editions"
    assert all(value in internal for value in WON)
    assert not any(value in public for value in WON)


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_contents_list_names_each_section_once(snapshot: Snapshot, language: str) -> None:
    html = snapshot.file(f"internal/report-{language}.html").read_text(encoding="utf-8")
    contents = html.split('id="contents"', 1)[1].split("</nav>", 1)[0]
    titles = re.findall(r'<a href="#[^"]+">([^<]+)</a>', contents)
    domain, detail = domain_name("industry", language), label("industry_detail", language)
    assert domain in titles and detail in titles, titles
    assert len(titles) == len(set(titles)), titles


def test_the_internal_workbook_has_an_industry_sheet_with_fees_and_the_public_one_none(
        snapshot: Snapshot) -> None:
    def cells(edition: str) -> str:
        sheet = pl.read_excel(snapshot.file(f"{edition}/kpis-en.xlsx"),
                              sheet_name="Industry collaboration", has_header=False,
                              infer_schema_length=0)
        return " ".join(str(v) for row in sheet.rows() for v in row if v is not None)

    internal, public = cells("internal"), cells("public")
    assert "Fixed fees (KRW)" in internal and "10000000" in internal.replace(",", "")
    assert "Fixed fees (KRW)" not in public and "In-kind (KRW)" not in public
    assert "GPU-hours" in public


def test_kpis_in_won_are_in_the_internal_edition_only(snapshot: Snapshot) -> None:
    internal = snapshot.file("internal/report-en.html").read_text(encoding="utf-8")
    public = snapshot.file("public/report-en.html").read_text(encoding="utf-8")
    for kpi_id in ("support_value_krw", "transfer_fees_krw"):
        assert f'id="kpi-{kpi_id}"' in internal and f'id="kpi-{kpi_id}"' not in public
    assert 'id="kpi-patents_filed"' in public
    values = pl.read_parquet(snapshot.file("public/data/kpi_values.parquet"))
    assert not set(values["kpi_id"]) & {"support_value_krw", "transfer_fees_krw"}
