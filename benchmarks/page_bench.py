"""How long each page takes to render, on the server and in a browser, and what the server holds.

Two views of the same pages, both over an already-built data folder (what OUTCOMES_DATA_DIR
points at):

- `measure_pages`: the page script alone, run by Streamlit's AppTest on dashboard.py. The cold
  render runs in a fresh child process, so no import, connection or `st.cache_data` entry is
  left from an earlier page; the warm renders rerun the same page in that same AppTest, which is
  what a viewer's second visit or a filter change costs once the caches hold the page's frames.
- `measure_browser_and_memory`: the real server started through `ui.launch`, and Debian's
  Chromium opening each leadership page by its URL until the run has finished, nothing stale is
  left and a chart is drawn; then the server's resident and peak memory.

Both measure local mode (no sign-in, every page open, served on loopback): any secrets file of
the checkout is ignored, so a configured identity provider cannot turn a page into a sign-in
screen. Nothing here asserts a time; a page that shows an error box raises.

    python -m benchmarks.page_bench --data-dir DIR [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.measure import percentile

ROOT = Path(__file__).resolve().parents[1]
DASHBOARD = ROOT / "dashboard.py"
#: seconds one AppTest run may take (the cold run imports plotly, polars and opens DuckDB)
RUN_TIMEOUT_S = 120
#: a secrets file that never exists: local mode whatever the checkout holds
NO_SECRETS = str(ROOT / ".streamlit" / "no-such-secrets-page-bench.toml")
READY_TIMEOUT_MS = 120_000
#: true once no element waits for its code and every plotly chart has drawn its SVG
DRAWN = """() => !document.querySelector("[data-testid='stSkeleton']")
    && [...document.querySelectorAll("[data-testid='stPlotlyChart']")]
        .every((chart) => chart.querySelector(".main-svg"))"""


def render_in_this_process(page_path: str, runs: int) -> dict[str, object]:
    """Render one page cold, then `runs` times warm, in one AppTest; raise on an error box.

    Called in a child process: its first run is the only one that finds empty caches.
    """
    from streamlit import config as streamlit_config
    from streamlit.testing.v1 import AppTest

    from ui.launch import route_apptest_like_launch

    # The app serves without sign-in only on loopback; AppTest runs it "there".
    streamlit_config.set_option("server.address", "localhost")
    streamlit_config.set_option("client.showErrorDetails", "full")
    streamlit_config.set_option("secrets.files", [NO_SECRETS])
    route_apptest_like_launch()
    app = AppTest.from_file(str(DASHBOARD), default_timeout=RUN_TIMEOUT_S)
    # Before the first run nothing is registered, so this resolves to the hash of the file
    # name, which equals every page's url_path: the very first run opens the page by its URL.
    app.switch_page(page_path)
    timings = []
    for _ in range(runs + 1):
        started = time.perf_counter()
        app.run()
        timings.append((time.perf_counter() - started) * 1000)
        if app.exception:
            raise RuntimeError(f"{page_path} shows an exception: {app.exception[0].value}\n"
                               f"{''.join(app.exception[0].stack_trace)}")
        # Falling back to the default page would time the wrong page without any error.
        if app._finished_page_script_hash != app._page_hash:
            raise RuntimeError(f"{page_path} did not open (sign-in gate or unknown page?)")
    return {"cold_ms": timings[0], "warm_ms": timings[1:]}


def render_in_child(data_dir: Path, page_path: str, runs: int) -> dict[str, object]:
    """Run `render_in_this_process` in a fresh interpreter over `data_dir` and read its JSON."""
    child = subprocess.run(
        [sys.executable, "-m", "benchmarks.page_bench", "--child", page_path,
         "--runs", str(runs)],
        cwd=ROOT, env={**os.environ, "OUTCOMES_DATA_DIR": str(data_dir)},
        capture_output=True, text=True, check=False)
    if child.returncode != 0:
        raise RuntimeError(f"rendering {page_path} failed:\n{child.stderr[-4000:]}")
    return json.loads(child.stdout.strip().splitlines()[-1])


def measure_pages(data_dir: Path | str, runs: int = 3) -> list[dict[str, object]]:
    """Server-side render time of every registered page: cold (fresh process) and warm."""
    from ui.navigation import PAGES

    rows = []
    for spec in PAGES:
        timings = render_in_child(Path(data_dir).resolve(), spec.path, runs)
        warm = timings["warm_ms"]
        rows.append({"page": spec.url_path, "cold_ms": round(timings["cold_ms"], 1),
                     "warm_ms_p50": round(statistics.median(warm), 1),
                     "warm_ms_p95": round(percentile(warm, 0.95), 1)})
    return rows


def process_tree(pid: int) -> list[int]:
    """`pid` and every process below it, from /proc (children of every thread)."""
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                pending += [int(c) for c in (task / "children").read_text().split()]
            except OSError:  # the process or thread ended while being read
                continue
    return found


def memory_mb(pid: int) -> tuple[float, float]:
    """Current and peak resident memory (VmRSS, VmHWM) of a process and its live children, MB.

    The peak is the sum of each process's own peak, so an upper bound when children peak at
    different moments; children that already exited are not counted.
    """
    rss = peak = 0
    for member in process_tree(pid):
        try:
            status = Path(f"/proc/{member}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        rss += int(fields.get("VmRSS", "0 kB").split()[0])
        peak += int(fields.get("VmHWM", "0 kB").split()[0])
    return round(rss / 1024, 1), round(peak / 1024, 1)


async def visit(browser, url: str) -> float:
    """Open one URL in a fresh context; milliseconds until the page is fully drawn.

    Fully drawn: the page title is shown, the script run has finished with nothing stale left
    (stress_reload.settled), and every lazily loaded element is in place: no skeleton, and each
    plotly chart has its SVG. Streamlit loads the plotly code on demand and shows a skeleton
    in the chart's place meanwhile, so "run finished" alone comes seconds before a chart.
    """
    from benchmarks.stress_reload import settled

    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    try:
        started = time.perf_counter()
        await page.goto(url, timeout=READY_TIMEOUT_MS, wait_until="commit")
        await page.wait_for_selector("[data-testid='stMain'] h1", timeout=READY_TIMEOUT_MS)
        await settled(page)
        await page.wait_for_function(DRAWN, timeout=READY_TIMEOUT_MS)
        elapsed = (time.perf_counter() - started) * 1000
        if await page.locator("[data-testid='stException']").count():
            raise RuntimeError(f"{url} shows an error box")
        return elapsed
    finally:
        await context.close()


async def visit_pages(base_url: str, runs: int) -> list[dict[str, object]]:
    """`runs` visits of each leadership page, one fresh browser context per visit."""
    from playwright.async_api import async_playwright

    from benchmarks.stress_reload import CHROMIUM_ARGS
    from ui.navigation import pages_for

    rows = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                   args=CHROMIUM_ARGS)
        try:
            for spec in pages_for("leadership"):
                times = [await visit(browser, f"{base_url}/{spec.url_path}")
                         for _ in range(runs)]
                rows.append({"page": spec.url_path,
                             "ready_ms_p50": round(statistics.median(times), 1),
                             "ready_ms_p95": round(percentile(times, 0.95), 1)})
        finally:
            await browser.close()
    return rows


def measure_browser_and_memory(data_dir: Path | str, runs: int = 3) -> dict[str, object]:
    """Page-ready times in Chromium against the real server, then the server's memory."""
    from tests.e2e.servers import start_server, stop_server  # tests/: a namespace package

    with tempfile.TemporaryDirectory(prefix="page-bench-") as logs:
        # start_server writes its log into the folder it is given: keep it out of data_dir by
        # pointing OUTCOMES_DATA_DIR back at data_dir through env (which wins over its default).
        server = start_server(Path(logs), extra_args=["--secrets.files", NO_SECRETS],
                              env={"OUTCOMES_DATA_DIR": str(Path(data_dir).resolve())})
        try:
            pages = asyncio.run(visit_pages(server.url, runs))
            rss, peak = memory_mb(server.process.pid)
        except Exception:
            print(server.output()[-3000:], file=sys.stderr)
            raise
        finally:
            stop_server(server)
            server.process.wait()
    return {"pages": pages, "app_rss_mb": rss, "app_peak_rss_mb": peak}


def table(rows: list[dict[str, object]]) -> str:
    """Rows of equal keys as aligned text columns."""
    keys = list(rows[0])
    cells = [[str(row[key]) for key in keys] for row in rows]
    widths = [max(len(key), *(len(c[i]) for c in cells)) for i, key in enumerate(keys)]
    lines = ["  ".join(k.ljust(w) for k, w in zip(keys, widths, strict=True))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    return "\n".join(lines)


def main() -> None:
    """Measure both views over --data-dir and print them as tables."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, help="folder usable as OUTCOMES_DATA_DIR")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", metavar="PAGE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(render_in_this_process(args.child, args.runs)))
        return
    if args.data_dir is None:
        parser.error("--data-dir is required")
    print("server-side render (AppTest)")
    print(table(measure_pages(args.data_dir, args.runs)))
    browser = measure_browser_and_memory(args.data_dir, args.runs)
    print("\npage ready in Chromium (real server)")
    print(table(browser["pages"]))
    print(f"\nserver memory: rss {browser['app_rss_mb']} MB, "
          f"peak {browser['app_peak_rss_mb']} MB")


if __name__ == "__main__":
    main()
