"""The real server in a subprocess and Debian's Chromium driven by Playwright.

`make test` installs chromium (no browser download: Playwright is pointed at /usr/bin/chromium).
Each server gets a free port and the tiny program's warehouse; screenshots of failing tests go
to test-results/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from servers import ROOT, start_server, stop_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-dev-shm-usage"]

# Streamlit draws a page's text first and its widgets (metrics, page links, charts) once their
# code has loaded in a fresh browser context; on a busy two-core machine that took over the
# default 5 s for the overview. Waiting longer changes no assertion, only how long a wait may be.
expect.set_options(timeout=20_000)

@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Use the system Chromium with the flags this machine needs."""
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is missing: run `make test` (it installs Debian's chromium)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    """A desktop-sized window that accepts downloads."""
    return {**browser_context_args, "viewport": {"width": 1400, "height": 1000},
            "accept_downloads": True}


@pytest.fixture(scope="session")
def app_url(tiny_warehouse: Path) -> Iterator[str]:
    """The dashboard in local mode over the tiny program."""
    server = start_server(tiny_warehouse.parent)
    yield server.url
    stop_server(server)
    print(server.output()[-3000:])


RESULTS = ROOT / "test-results"


@pytest.fixture(scope="module")
def one_tab(browser: Browser, browser_context_args: dict) -> Iterator[Page]:
    """One browser tab for a module's tests, each test opening its own address in it.

    Every address opens a new Streamlit session, as a link opened by a reader does; what the
    tab keeps is the browser's cache of the app's scripts. A fresh context per test compiled
    them again each time: about twice the processor time per page on a two-core machine.
    """
    context = browser.new_context(**browser_context_args)
    yield context.new_page()
    context.close()


@pytest.fixture
def page(one_tab: Page, request: pytest.FixtureRequest) -> Iterator[Page]:
    """The module's tab; a failing test leaves a screenshot in test-results/, and every test
    ends signed out (no cookie kept) on an empty page."""
    yield one_tab
    outcome = getattr(request.node, "rep_call", None)
    if outcome is not None and outcome.failed:
        RESULTS.mkdir(exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name)
        one_tab.screenshot(path=RESULTS / f"{name}.png", full_page=True)
    one_tab.goto("about:blank")  # the next test starts from no session
    one_tab.context.clear_cookies()
