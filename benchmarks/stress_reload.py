"""Zero-downtime reloads under load: sessions keep reading while a full load publishes.

Starts the real server over the sample data without its last quarter, opens SESSIONS browser
sessions (headless Chromium) that reload the overview page in a loop, and while they read,
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
from warehouse.store import current_file

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-dev-shm-usage"]
TOTAL_LABEL = "참여 학생 수"


@dataclass
class Observations:
    """What the sessions saw."""

    ready_seconds: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    first_new_at: float | None = None
    views: int = 0
    seen: dict[str, int] = field(default_factory=dict)


def run(command: list[str], env: dict[str, str]) -> None:
    """Run a project command, failing loudly."""
    subprocess.run(command, cwd=config.PROJECT_ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def expected_views(directory: Path) -> dict[str, tuple[str, str]]:
    """Version label -> (latest quarter, program total of active students) for every version."""
    reader, expected = Reader(directory), {}
    for path in sorted(directory.glob("warehouse-*.duckdb")):
        pinned = reader.at(path.name)
        latest = queries.periods(pinned)[-1]
        board = queries.scorecard(latest, None, pinned)
        total = board.filter((board["kpi_id"] == "active_students")
                             & (board["consortium_id"] == "ALL")).item(0, "value")
        stamp = path.name.removeprefix("warehouse-").split("-")[0]
        label = (f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]} "
                 f"{stamp[9:11]}:{stamp[11:13]}:{stamp[13:15]}")
        expected[label] = (latest, f"{total:,.0f}명")
    reader.close()
    return expected


async def session(browser, url: str, stop: asyncio.Event, seen: Observations,
                  published: dict[str, float]) -> list[tuple[str, str, str]]:
    """One reader: reload the overview until told to stop; returns what each view showed."""
    page = await browser.new_page(viewport={"width": 1300, "height": 900})
    shown = []
    while not stop.is_set():
        started = time.monotonic()
        try:
            await page.goto(url, timeout=60_000, wait_until="commit")
            await page.wait_for_selector("[data-testid='stMetric']", timeout=60_000)
            await page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
            seen.ready_seconds.append(time.monotonic() - started)
            if await page.locator("[data-testid='stException']").count():
                seen.errors.append("error box shown")
            sidebar = await page.locator("[data-testid='stSidebar']").inner_text()
            version = sidebar.split("자료 버전 ")[1].split(" UTC")[0]
            caption = await page.locator(
                "[data-testid='stMain'] [data-testid='stCaptionContainer']").first.inner_text()
            card = page.locator("[data-testid='stMetric']").filter(has_text=TOTAL_LABEL).first
            total = await card.locator("[data-testid='stMetricValue']").inner_text()
            shown.append((version, caption.split(" ")[0], total))
            seen.views += 1
            seen.seen[version] = seen.seen.get(version, 0) + 1
            if "new" in published and version == published.get("label") \
                    and seen.first_new_at is None:
                seen.first_new_at = time.monotonic() - published["new"]
        except Exception as error:  # noqa: BLE001 - every failure of a view is a finding
            seen.errors.append(f"{type(error).__name__}: {str(error)[:120]}")
    await page.close()
    return shown


async def stress(url: str, sessions: int, after: float, tail: float, env: dict[str, str],
                 full_sample: Path, directory: Path) -> Observations:
    """Run the readers, publish in the middle, then let them read the new data."""
    seen, published, stop = Observations(), {}, asyncio.Event()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                   args=CHROMIUM_ARGS)
        readers = [asyncio.create_task(session(browser, url, stop, seen, published))
                   for _ in range(sessions)]
        await asyncio.sleep(after)
        started = time.monotonic()
        await asyncio.to_thread(run, [sys.executable, "-m", "etl", "load", str(full_sample),
                                      "--quiet", "--by", "stress"], env)
        published["new"] = time.monotonic()
        print(f"load published after {published['new'] - started:.1f}s", flush=True)
        name = current_file(directory).name.removeprefix("warehouse-").split("-")[0]
        published["label"] = (f"{name[:4]}-{name[4:6]}-{name[6:8]} "
                              f"{name[9:11]}:{name[11:13]}:{name[13:15]}")
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
            if expected.get(version) != (period, total):
                seen.errors.append(f"mixed view: version {version} showed {period} {total}, "
                                   f"expected {expected.get(version)}")
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
        server.wait(timeout=10)
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
    print(f"new data first visible {visible} after the publish")
    for error in seen.errors[:20]:
        print(f"  error: {error}")
    sys.exit(1 if seen.errors else 0)


if __name__ == "__main__":
    main()
