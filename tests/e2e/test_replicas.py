"""Two app replicas serve the same published warehouse, and a new version reaches both.

The replicas are separate server processes on different ports (as behind a load balancer) over
one data directory; they hold no state that matters outside a session.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from servers import start_server, stop_server
from tiny_program import write_tiny_program

from etl.load import load
from warehouse.store import current_file

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("replicas")]


def shown(page: Page, url: str, students: str) -> str:
    """Open the overview; wait until the program card shows `students`; the data version."""
    page.goto(f"{url}/?period=2025-Q2")
    card = page.locator("[data-testid='stMetric']").filter(has_text="참여 학생 수").first
    # the figure is polled, not read once: a page still drawing may hold a placeholder
    expect(card.locator("[data-testid='stMetricValue']")).to_have_text(students, timeout=30_000)
    expect(page.locator("[data-testid='stSidebar']")).to_contain_text("자료 버전",
                                                                     timeout=30_000)
    sidebar = page.locator("[data-testid='stSidebar']").inner_text()
    return sidebar.split("자료 버전 ")[1].split(" UTC")[0]


def test_two_replicas_serve_the_same_data_and_both_pick_up_a_new_version(
        page: Page, tmp_path: Path) -> None:
    submissions = write_tiny_program(tmp_path / "submissions")
    data_dir = tmp_path / "data"
    load(submissions, loaded_by="test", directory=data_dir / "warehouse")
    replicas = [start_server(data_dir), start_server(data_dir)]
    try:
        first = [shown(page, r.url, "4명") for r in replicas]
        assert first[0] == first[1]
        folder = submissions / "42maru" / "2025-Q2"
        next(folder.glob("*.xlsx")).unlink()  # 42maru's corrected quarter drops its student
        assert load(folder, loaded_by="test", directory=data_dir / "warehouse").warehouse_file
        assert current_file(data_dir / "warehouse").name
        second = [shown(page, r.url, "3명") for r in replicas]
        assert second[0] == second[1]
        assert second[0] != first[0]
    finally:
        for replica in replicas:
            stop_server(replica)
