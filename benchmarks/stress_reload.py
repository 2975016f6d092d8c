"""Zero-downtime reloads under load: sessions keep reading while a full load publishes.

Starts the real server over the sample data without its last quarter, opens SESSIONS browser
sessions (headless Chromium) that keep switching the overview between two quarters (each switch
re-runs the page on the server), and while they read,
loads the full sample (which adds the last quarter and publishes a new warehouse version) and,
when the reports package is present, publishes a snapshot. Every page view is checked: no error
box, and its data version, quarter and program total all belong to the same warehouse version
(no mix of old and new). Prints errors, p50/p95 page-ready times and when the new data became
visible. Usage: python -m benchmarks.stress_reload [--sessions 20] [--after 10] [--tail 20]
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import async_playwright

import config
from warehouse import queries
from warehouse.connection import Reader
from warehouse.store import current_file, version_label

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-dev-shm-usage"]
TOTAL_LABEL = "참여 학생 수"
#: sessions switch between these quarters; both exist before and after the load
QUARTERS = ("2026-Q1", "2026-Q2")


@dataclass
class Observations:
    """What the sessions saw."""

    ready_seconds: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    first_new_at: float | None = None
    views: int = 0
    opened: int = 0
    failed_to_open: int = 0
    reading: asyncio.Event = field(default_factory=asyncio.Event)
    seen: dict[str, int] = field(default_factory=dict)
    fresh_session_version: str | None = None


def run(command: list[str], env: dict[str, str]) -> None:
    """Run a project command, failing loudly."""
    subprocess.run(command, cwd=config.PROJECT_ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def expected_views(directory: Path) -> dict[tuple[str, str], str]:
    """(version label, quarter) -> the program total of active students that version shows."""
    reader, expected = Reader(directory), {}
    for path in sorted(directory.glob("warehouse-*.duckdb")):
        pinned = reader.at(path.name)
        for period in QUARTERS:
            board = queries.scorecard(period, None, pinned)
            total = board.filter((board["kpi_id"] == "active_students")
                                 & (board["consortium_id"] == "ALL")).item(0, "value")
            expected[(version_label(path.name), period)] = f"{total:,.0f}명"
    reader.close()
    return expected


async def settled(page) -> None:
    """Wait until the script run has finished and no element of the previous run is left.

    Streamlit replaces elements one by one while a run streams in, so the caption may already
    name the new quarter while a card still shows the previous run's figure: reading then would
    report a mix the server never produced.
    """
    await page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']",
                                 timeout=60_000)
    await page.wait_for_function("() => !document.querySelector(\"[data-stale='true']\")",
                                 timeout=60_000)


async def open_overview(page, url: str) -> None:
    """Open the overview on the first quarter and wait for its first cards."""
    await page.goto(f"{url}/?period={QUARTERS[0]}", timeout=180_000, wait_until="commit")
    await page.wait_for_selector("[data-testid='stMetric']", timeout=180_000)


async def read_view(page) -> tuple[str, str, str]:
    """The data version, quarter and program total a session shows now."""
    sidebar = await page.locator("[data-testid='stSidebar']").inner_text()
    version = sidebar.split("자료 버전 ")[1].split(" UTC")[0]
    caption = await page.locator(
        "[data-testid='stMain'] [data-testid='stCaptionContainer']").first.inner_text()
    card = page.locator("[data-testid='stMetric']").filter(has_text=TOTAL_LABEL).first
    total = await card.locator("[data-testid='stMetricValue']").inner_text()
    return version, caption.split(" ")[0], total


async def session(browser, url: str, stop: asyncio.Event, seen: Observations,
                  published: dict[str, float], opening: asyncio.Semaphore
                  ) -> list[tuple[str, str, str]]:
    """One reader: open the overview, then switch quarter back and forth until told to stop.

    Each switch is a rerun of the page on the server with whatever version is live; the time
    from the click to the updated figures is the page-ready time.
    """
    page = await browser.new_page(viewport={"width": 1300, "height": 900})
    async with opening:  # open sessions two at a time: a cold page load is the costliest step
        try:
            await open_overview(page, url)
        except Exception as error:  # noqa: BLE001 - a session that cannot open is a finding
            seen.errors.append(f"could not open: {type(error).__name__}")
            seen.failed_to_open += 1
            await page.close()
            return []
    seen.opened += 1
    print(f"session {seen.opened} open", flush=True)
    await seen.reading.wait()  # idle tabs are cheap: everyone starts reading together
    shown, turn = [], 1
    while not stop.is_set():
        quarter = QUARTERS[turn % 2]
        started = time.monotonic()
        try:
            await page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").filter(
                has_text="기준 분기").click()
            await page.get_by_role("option", name=quarter, exact=True).click()
            await page.locator("[data-testid='stMain'] [data-testid='stCaptionContainer']") \
                .filter(has_text=quarter).first.wait_for(timeout=60_000)
            await page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
            await settled(page)
            seen.ready_seconds.append(time.monotonic() - started)
            if await page.locator("[data-testid='stException']").count():
                seen.errors.append("error box shown")
            view = await read_view(page)
            shown.append(view)
            seen.views += 1
            seen.seen[view[0]] = seen.seen.get(view[0], 0) + 1
            if view[0] == published.get("label") and seen.first_new_at is None:
                seen.first_new_at = time.monotonic() - published["new"]
        except Exception as error:  # noqa: BLE001 - every failure of a view is a finding
            seen.errors.append(f"{type(error).__name__}: {str(error)[:120]}")
        turn += 1
    await page.close()
    return shown


async def fresh_session_sees(browser, url: str, label: str, seen: Observations) -> None:
    """A session opened right after the publish must show the new version straight away."""
    page = await browser.new_page(viewport={"width": 1300, "height": 900})
    try:
        await open_overview(page, url)
        await settled(page)
        version = (await read_view(page))[0]
        seen.fresh_session_version = version
        if version != label:
            seen.errors.append(f"a new session opened after the publish showed {version}, "
                               f"not {label}")
    except Exception as error:  # noqa: BLE001 - a session that cannot open is a finding
        seen.errors.append(f"new session after the publish: {type(error).__name__}")
    finally:
        await page.close()


async def stress(url: str, sessions: int, after: float, tail: float, env: dict[str, str],
                 full_sample: Path, directory: Path) -> Observations:
    """Run the readers, publish in the middle, then let them read the new data."""
    seen, published, stop, opening = Observations(), {}, asyncio.Event(), asyncio.Semaphore(2)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                   args=CHROMIUM_ARGS)
        readers = [asyncio.create_task(session(browser, url, stop, seen, published, opening))
                   for _ in range(sessions)]
        while seen.opened + seen.failed_to_open < sessions:
            await asyncio.sleep(0.5)
        print(f"{seen.opened} sessions open", flush=True)
        seen.reading.set()
        await asyncio.sleep(after)
        started = time.monotonic()
        await asyncio.to_thread(run, [sys.executable, "-m", "etl", "load", str(full_sample),
                                      "--quiet", "--by", "stress"], env)
        published["label"] = version_label(current_file(directory).name)
        published["new"] = time.monotonic()
        print(f"load published after {published['new'] - started:.1f}s", flush=True)
        await fresh_session_sees(browser, url, published["label"], seen)
        if importlib.util.find_spec("reports") is not None:
            await asyncio.to_thread(run, [sys.executable, "-m", "reports", "publish",
                                          "--period", "2026-Q3", "--replace"], env)
            print("snapshot published", flush=True)
        await asyncio.sleep(tail)
        stop.set()
        views = await asyncio.gather(*readers)
        await browser.close()
    expected = expected_views(directory)
    for shown in views:
        for version, period, total in shown:
            if expected.get((version, period)) != total:
                seen.errors.append(f"mixed view: version {version} showed {period} {total}, "
                                   f"expected {expected.get((version, period))}")
    return seen


def main() -> None:
    """Set up, stress, report."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--after", type=float, default=10.0, help="seconds before the load")
    parser.add_argument("--tail", type=float, default=20.0, help="seconds after the publish")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="stress-"))
    older = work / "older"
    shutil.copytree(config.SAMPLE_DIR, older)
    for last_quarter in older.glob("*/2026-Q3"):
        shutil.rmtree(last_quarter)
    env = {**os.environ, "OUTCOMES_DATA_DIR": str(work / "data")}
    run([sys.executable, "-m", "etl", "load", str(older), "--quiet", "--by", "stress"], env)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "ui.launch", "--server.headless", "true", "--server.port",
         str(port), "--server.address", "127.0.0.1"], cwd=config.PROJECT_ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        seen = asyncio.run(stress(url, args.sessions, args.after, args.tail, env,
                                  config.SAMPLE_DIR, work / "data" / "warehouse"))
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:  # open websocket sessions can delay a clean exit
            server.kill()
        shutil.rmtree(work, ignore_errors=True)
    ready = sorted(seen.ready_seconds)
    p95 = ready[int(0.95 * (len(ready) - 1))] if ready else float("nan")
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    print(f"sessions {args.sessions}, page views {seen.views}, errors {len(seen.errors)}")
    print(f"page ready p50 {statistics.median(ready):.2f}s, p95 {p95:.2f}s" if ready else
          "no page became ready")
    print(f"views per data version: {seen.seen}")
    visible = f"{seen.first_new_at:.2f}s" if seen.first_new_at is not None else "never"
    print(f"new data first visible {visible} after the publish; a session opened right after "
          f"the publish showed version {seen.fresh_session_version}")
    for error in seen.errors[:20]:
        print(f"  error: {error}")
    sys.exit(1 if seen.errors else 0)


if __name__ == "__main__":
    main()
