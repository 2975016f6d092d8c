"""The library of saved analyses: one SQL file each under sql/saved/, loadable in the workbench.

Each file starts with four comment lines (`-- title_ko:`, `-- title_en:`, `-- description_ko:`,
`-- description_en:`) and then one read query, which the workbench runs like any other query
(through the sandbox). Every saved query is run against the tiny program in
tests/warehouse/test_saved_queries.py and its result compared with values worked out by hand;
a new file needs such a case.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

SAVED_DIR = Path(__file__).with_name("sql") / "saved"
HEADER_FIELDS = ("title_ko", "title_en", "description_ko", "description_en")


@dataclass(frozen=True)
class SavedQuery:
    """One saved analysis: a stable id (the file name), titles, descriptions and the SQL."""

    id: str
    title_ko: str
    title_en: str
    description_ko: str
    description_en: str
    sql: str

    def title(self, language: str) -> str:
        """The title in 'ko' or 'en'."""
        return self.title_ko if language == "ko" else self.title_en

    def description(self, language: str) -> str:
        """The description in 'ko' or 'en'."""
        return self.description_ko if language == "ko" else self.description_en


def read_saved_query(path: Path) -> SavedQuery:
    """Parse one saved query file; a missing header field is an error."""
    text = path.read_text(encoding="utf-8")
    header: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("-- "):
            break
        field, _, value = line.removeprefix("-- ").partition(":")
        if field in HEADER_FIELDS:
            header[field] = value.strip()
    missing = [f for f in HEADER_FIELDS if not header.get(f)]
    if missing:
        raise ValueError(f"{path.name}: header lacks {', '.join(missing)}")
    return SavedQuery(id=path.stem, sql=text.strip() + "\n", **header)


@cache
def saved_queries() -> tuple[SavedQuery, ...]:
    """Every saved query, in file-name order."""
    return tuple(read_saved_query(p) for p in sorted(SAVED_DIR.glob("*.sql")))


def saved_query(query_id: str) -> SavedQuery:
    """The saved query with this id."""
    return next(q for q in saved_queries() if q.id == query_id)
