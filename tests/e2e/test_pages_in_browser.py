"""Every page works in a real browser: it loads without an error box, its charts render, a
filter change updates both the view and the URL, and downloads deliver the rows shown.
"""

from __future__ import annotations

import csv
import io
import re

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from ui.navigation import PAGES
from warehouse.catalogue import kpis

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("browser")]


def open_page(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("[data-testid='stMain'] h1", timeout=30_000)
    page.wait_for_load_state("networkidle")


def no_error_box(page: Page) -> None:
    expect(page.locator("[data-testid='stException']")).to_have_count(0)


RAW_VALUES = re.compile(r"\bNone\b|\bnan\b|\bNaN\b|00:00:00")


def shown_text(page: Page) -> str:
    """The page's text as a viewer reads it, the cells of its tables included.

    A table is drawn on a canvas once it is in view; its cells are then also in an accessible
    table inside the canvas, which is where they are read from.
    """
    cells = []
    for table in page.locator("[data-testid='stDataFrame']").all():
        if not table.is_visible():
            continue  # in a closed expander: not drawn, not seen
        table.scroll_into_view_if_needed()
        expect(table.locator("[role='gridcell']").first).to_be_attached()
        cells += table.locator("[role='gridcell'], [role='columnheader']").all_text_contents()
    return page.locator("[data-testid='stMain']").inner_text() + "\n" + "\n".join(cells)


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("spec", PAGES, ids=[p.url_path for p in PAGES])
def test_every_page_loads_without_an_error_box_or_a_raw_value(page: Page, app_url: str, spec,
                                                              lang: str) -> None:
    open_page(page, f"{app_url}/{spec.url_path}?lang={lang}")
    no_error_box(page)
    expect(page.locator("[data-testid='stSidebarNav']")).to_contain_text(
        "전체 현황" if lang == "ko" else "Overview")
    raw = RAW_VALUES.findall(shown_text(page))
    assert not raw, f"{spec.url_path} ({lang}) shows {raw}"


def test_overview_shows_cards_and_draws_its_trend_chart(page: Page, app_url: str) -> None:
    open_page(page, app_url)
    expect(page.locator("[data-testid='stMetric']").first).to_be_visible()
    expect(page.locator(".js-plotly-plot .main-svg").first).to_be_visible(timeout=30_000)
    no_error_box(page)


def choose_option(page: Page, box_label: str, option: str) -> None:
    """Open a sidebar selectbox and pick an option; a click landing during a rerun is retried."""
    box = page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").filter(
        has_text=box_label)
    wanted = page.get_by_role("option", name=option)
    for _ in range(3):
        box.click()
        try:
            wanted.wait_for(timeout=5_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    wanted.click()


def program_total(page: Page, label: str) -> str:
    card = page.locator("[data-testid='stMetric']").filter(has_text=label).first
    return card.locator("[data-testid='stMetricValue']").inner_text()


def test_choosing_a_quarter_updates_the_figures_and_the_url(page: Page, app_url: str) -> None:
    open_page(page, app_url)
    assert program_total(page, "학위 취득자 수") == "0명"
    choose_option(page, "기준 분기", "2024-Q4")
    expect(page).to_have_url(re.compile(r"[?&]period=2024-Q4"))
    expect(page.locator("[data-testid='stMetric']").filter(has_text="학위 취득자 수").first
           .locator("[data-testid='stMetricValue']")).to_have_text("2명")
    no_error_box(page)


def test_a_shared_link_opens_the_same_view_in_english(page: Page, app_url: str) -> None:
    open_page(page, f"{app_url}/consortium?lang=en&focus=42maru&period=2025-Q2")
    expect(page.locator("h1").first).to_have_text("42Maru consortium")
    expect(page.locator("[data-testid='stMetric']").filter(has_text="Active students").first
           .locator("[data-testid='stMetricValue']")).to_have_text("1")


def test_the_scorecard_download_holds_the_rows_shown(page: Page, app_url: str) -> None:
    open_page(page, app_url)
    with page.expect_download() as download:
        page.get_by_role("button", name="CSV 내려받기").click()
    content = download.value.path().read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    # every catalogue KPI for vaiv, 42maru and the program total in 2025-Q2
    assert len(rows) == 3 * len(kpis())
    shown = {r["컨소시엄"] for r in rows}
    assert shown == {"바이브컴퍼니 컨소시엄", "포티투마루 컨소시엄", "사업 전체"}


def test_a_kpi_cards_link_opens_its_definition_in_the_glossary(page: Page, app_url: str) -> None:
    open_page(page, app_url)
    page.get_by_role("link", name="정의 보기").first.click()
    expect(page).to_have_url(re.compile(r"/glossary\?.*kpi=active_students"))
    chosen = page.locator("[data-testid='stExpander']").first
    expect(chosen).to_contain_text("참여 학생 수")
    expect(chosen.locator("details")).to_have_attribute("open", "")
    no_error_box(page)


def test_the_sql_editor_completes_a_table_name_and_runs_on_ctrl_enter(page: Page,
                                                                       app_url: str) -> None:
    open_page(page, f"{app_url}/sql")
    editor = page.frame_locator("iframe[title*='code_editor']")
    text = editor.locator(".ace_content").first
    completions = editor.locator(".ace_autocomplete")
    text.click()
    for attempt in range(3):  # on a busy machine a key press can land while the editor redraws
        page.keyboard.press("Control+a")  # start over from an empty editor
        page.keyboard.type("select count(*) as degrees from ", delay=20)
        expect(text).to_contain_text("degrees from")
        page.keyboard.type("fct_degr", delay=60)
        try:
            expect(completions).to_contain_text("fct_degree", timeout=5_000)
            page.keyboard.press("Enter")
            expect(text).to_contain_text("from fct_degree", timeout=5_000)
            break
        except AssertionError:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")
    expect(editor.locator(".ace_keyword").first).to_have_text("select")
    page.keyboard.press("Escape")  # close any completion list still open
    page.keyboard.press("Control+Enter")
    expect(page.get_by_text("1행 · ", exact=False)).to_be_visible(timeout=30_000)
    expect(page).to_have_url(re.compile(r"[?&]sql=select"))
    no_error_box(page)


def test_a_zip_from_a_korean_windows_pc_loads_through_the_upload_page(
        page: Page, app_url: str, tiny_program, tmp_path) -> None:
    from zips import zipped

    archive = tmp_path / "제출자료.zip"
    archive.write_bytes(zipped(tiny_program, "cp949"))
    open_page(page, f"{app_url}/load")
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(archive)
    expect(page.get_by_text("검사만 했습니다", exact=False)).to_be_visible(timeout=60_000)
    expect(page.get_by_text("제출자료/vaiv/2024-Q4", exact=False).first).to_be_visible()
    no_error_box(page)
    expect(page.locator("[data-testid='stAlertContentError']")).to_have_count(0)
    assert "upload-" not in shown_text(page), "no server temporary folder in any message"


def test_the_industry_page_draws_its_flow_drills_down_and_downloads_in_both_languages(
        page: Page, app_url: str) -> None:
    open_page(page, f"{app_url}/industry?lang=en")
    expect(page.locator("h1").first).to_have_text("Industry collaboration")
    flow = page.locator(".js-plotly-plot").filter(has=page.locator(".sankey"))
    expect(flow).to_contain_text("Patents (3)", timeout=30_000)
    records = page.locator("[data-testid='stSelectbox']").filter(
        has=page.get_by_text("Records", exact=True))
    records.locator("input").click()
    page.keyboard.type("Technology")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]records=transfers"))
    # a download serves what the page's last run drew: until the rerun for the new choice has
    # drawn the records again, the button still holds the patents
    for _ in range(10):
        with page.expect_download() as download:
            page.locator(".st-key-records-csv button").click()
        if download.value.suggested_filename.startswith("industry-transfers-"):
            break
        page.wait_for_timeout(1_000)
    assert download.value.suggested_filename.startswith("industry-transfers-")
    content = download.value.path().read_bytes().decode("utf-8-sig")
    assert [r["Contract number"] for r in csv.DictReader(io.StringIO(content))] == \
        ["KU-2025-001"]
    no_error_box(page)
    open_page(page, f"{app_url}/industry?lang=ko")
    expect(page.locator("h1").first).to_have_text("산학협력")
    expect(page.locator(".js-plotly-plot").filter(has=page.locator(".sankey"))) \
        .to_contain_text("특허 (3)", timeout=30_000)
    no_error_box(page)
