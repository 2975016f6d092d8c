"""The real server in a subprocess and Debian's Chromium driven by Playwright.

`make test` installs chromium (no browser download: Playwright is pointed at /usr/bin/chromium).
Each server gets a free port and the tiny program's warehouse; screenshots of failing tests go
to test-results/.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from servers import start_server, stop_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-dev-shm-usage"]

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
