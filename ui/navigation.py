"""The page registry: every screen, its title, URL and the least role that may open it.

dashboard.py builds `st.navigation` from `pages_for(role)`, so a page a role may not see is
neither listed nor reachable by its URL (Streamlit only routes to registered pages).
"""

from __future__ import annotations

from dataclasses import dataclass

from ui.access import Role, allows


@dataclass(frozen=True)
class PageSpec:
    """One screen of the app."""

    path: str
    title_key: str
    icon: str
    url_path: str
    least_role: Role
    default: bool = False


PAGES: tuple[PageSpec, ...] = (
    PageSpec("pages/overview.py", "overview", ":material/dashboard:", "overview", "leadership",
             default=True),
    PageSpec("pages/consortium.py", "consortium", ":material/groups:", "consortium",
             "leadership"),
    PageSpec("pages/talent.py", "talent", ":material/school:", "talent", "leadership"),
    PageSpec("pages/research.py", "research", ":material/article:", "research", "leadership"),
    PageSpec("pages/placements.py", "placements", ":material/work:", "placements",
             "leadership"),
    PageSpec("pages/industry.py", "industry", ":material/handshake:", "industry",
             "leadership"),
    PageSpec("pages/quality.py", "quality", ":material/fact_check:", "quality", "leadership"),
    PageSpec("pages/glossary.py", "glossary", ":material/menu_book:", "glossary", "leadership"),
    PageSpec("pages/reports.py", "reports", ":material/description:", "reports",
             "leadership"),
    PageSpec("pages/sql.py", "sql", ":material/terminal:", "sql", "analyst"),
    PageSpec("pages/load.py", "load_data", ":material/upload:", "load", "admin"),
)

#: Where a KPI card's "definition" link goes (with `?kpi=<id>`).
GLOSSARY_PAGE = "pages/glossary.py"


def pages_for(role: Role | None) -> list[PageSpec]:
    """The pages this role may open, in menu order."""
    return [page for page in PAGES if allows(role, page.least_role)]
