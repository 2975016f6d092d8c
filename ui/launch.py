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


def main(argv: list[str] | None = None) -> None:
    """Run `streamlit run dashboard.py` with the given options."""
    PagesManager.uses_pages_directory = False
    script = str(config.PROJECT_ROOT / "dashboard.py")
    sys.argv = ["streamlit", "run", script, *(argv if argv is not None else sys.argv[1:])]
    cli.main()


if __name__ == "__main__":
    main()
