"""Start the dashboard server with Streamlit's old pages-directory routing switched off.

Streamlit routes a request straight to a file in pages/ when no session has called
`st.navigation` yet in the server process (its "pages directory" mode). That would let the very
first visitor of a fresh server open any page file, bypassing dashboard.py's sign-in and role
checks. This launcher turns that mode off before the server starts, so only the pages
dashboard.py registers for a viewer are ever routed. `make run` and the browser tests use it:

    python -m ui.launch [streamlit run options...]
"""

from __future__ import annotations

import sys

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

import config


def route_apptest_like_launch() -> None:
    """Make Streamlit's AppTest route pages as this launcher makes the server do.

    AppTest resets the pages-directory flag before every run, and with a pages/ folder beside
    dashboard.py that mode runs a switched-to page file directly, skipping dashboard.py (its
    sidebar, sign-in gate and warehouse pinning). AppTest resets the flag through its own
    module's name, so a subclass there takes the reset and the flag the script runner reads
    stays off. Tests and page benchmarks call this before creating an AppTest.
    """
    from streamlit.testing.v1 import app_test

    PagesManager.uses_pages_directory = False
    if app_test.PagesManager is PagesManager:
        app_test.PagesManager = type("LaunchedPagesManager", (PagesManager,), {})


def main(argv: list[str] | None = None) -> None:
    """Run `streamlit run dashboard.py` with the given options."""
    PagesManager.uses_pages_directory = False
    script = str(config.PROJECT_ROOT / "dashboard.py")
    sys.argv = ["streamlit", "run", script, *(argv if argv is not None else sys.argv[1:])]
    cli.main()


if __name__ == "__main__":
    main()
