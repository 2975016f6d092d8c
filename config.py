"""Where things live, in one place.

Every path is derived from this file's location and can be overridden by an environment
variable, so tests and deployments point the whole product elsewhere without code changes.
Nothing here opens files or connections; it only answers questions about locations, keys and
limits.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent

#: Shipped inputs: the sample submissions and the ministry's reference data.
SAMPLE_DIR = PROJECT_ROOT / "data" / "sample"
REFERENCE_DIR = PROJECT_ROOT / "data" / "reference"

#: The demo key is public on purpose: it makes the shipped sample reproducible. A deployment
#: must set OUTCOMES_PSEUDONYM_KEY or write secrets/pseudonym.key (ignored by git).
DEMO_PSEUDONYM_KEY = "demo-only-not-secret"


def data_dir() -> Path:
    """Root for everything the product builds at run time (warehouse files, load reports)."""
    return Path(os.environ.get("OUTCOMES_DATA_DIR", PROJECT_ROOT / "var")).resolve()


def warehouse_dir() -> Path:
    """Folder holding the published warehouse files and the pointer to the live one."""
    return data_dir() / "warehouse"


def kpi_catalogue_file() -> Path:
    """The KPI catalogue every view, page and report is built from."""
    default = PROJECT_ROOT / "warehouse" / "catalogue.toml"
    return Path(os.environ.get("OUTCOMES_KPI_CATALOGUE", default)).resolve()


def snapshot_dir() -> Path:
    """Root of the published snapshots (kept out of var/, which `make clean` removes)."""
    return Path(os.environ.get("OUTCOMES_SNAPSHOT_DIR", PROJECT_ROOT / "snapshots")).resolve()


def pseudonym_key() -> tuple[bytes, bool]:
    """The secret for keyed hashes of personal identifiers, and whether it is the demo key."""
    from_env = os.environ.get("OUTCOMES_PSEUDONYM_KEY")
    if from_env:
        return from_env.encode("utf-8"), False
    secrets = Path(os.environ.get("OUTCOMES_SECRETS_DIR", PROJECT_ROOT / "secrets"))
    key_file = secrets / "pseudonym.key"
    if key_file.is_file():
        return key_file.read_bytes().strip(), False
    return DEMO_PSEUDONYM_KEY.encode("utf-8"), True


@dataclass(frozen=True)
class SqlLimits:
    """What one ad-hoc query of the SQL workbench may use (see warehouse/sandbox.py)."""

    #: wall-clock limit; the query is stopped by DuckDB, and its process killed soon after
    timeout_s: float
    #: DuckDB's memory_limit for the query's process (it spills to a private temp folder)
    memory_mb: int
    threads: int
    #: rows a query may return at most (what the downloads hold)
    row_cap: int
    #: rows shown on screen
    display_rows: int
    #: queries running at once in one server; more wait briefly, then are turned away
    concurrent: int


def sql_limits() -> SqlLimits:
    """The workbench's limits, each overridable by an OUTCOMES_SQL_* environment variable."""
    env = os.environ.get
    return SqlLimits(timeout_s=float(env("OUTCOMES_SQL_TIMEOUT_S", "30")),
                     memory_mb=int(env("OUTCOMES_SQL_MEMORY_MB", "1024")),
                     threads=int(env("OUTCOMES_SQL_THREADS", "1")),
                     row_cap=int(env("OUTCOMES_SQL_ROW_CAP", "100000")),
                     display_rows=int(env("OUTCOMES_SQL_DISPLAY_ROWS", "1000")),
                     concurrent=int(env("OUTCOMES_SQL_CONCURRENT", "2")))


def load_memory_limit() -> str:
    """DuckDB's memory limit while a load builds a new warehouse version (it spills beyond it).

    The default keeps a scale-100 load under 2 GB in all (docs/performance.md); a larger
    machine may raise it with OUTCOMES_LOAD_MEMORY (e.g. "4GB") for a somewhat faster build.
    """
    return os.environ.get("OUTCOMES_LOAD_MEMORY", "1200MB")


@dataclass(frozen=True)
class PublishSchedule:
    """When a scheduled run (`python -m reports publish --due`) publishes an edition.

    A quarter (or year) is due `grace_days` after its last day if every consortium active in it
    has submitted, and `deadline_days` after its last day in any case, naming those missing.
    """

    grace_days: int
    deadline_days: int
    #: the first quarter the schedule publishes (None: every quarter since the program began),
    #: so switching the schedule on does not backfill years of history
    since: str | None
    #: seconds a scheduled run waits for a load or another publish before giving up this time
    lock_wait_s: float


def publish_schedule() -> PublishSchedule:
    """The schedule's settings, each overridable by an OUTCOMES_PUBLISH_* environment variable."""
    env = os.environ.get
    return PublishSchedule(grace_days=int(env("OUTCOMES_PUBLISH_GRACE_DAYS", "30")),
                           deadline_days=int(env("OUTCOMES_PUBLISH_DEADLINE_DAYS", "60")),
                           since=env("OUTCOMES_PUBLISH_SINCE") or None,
                           lock_wait_s=float(env("OUTCOMES_PUBLISH_LOCK_WAIT_S", "600")))


def feed_base_urls() -> tuple[str | None, str | None]:
    """Where the internal and the public feed's links point (None: relative to the feed)."""
    return (os.environ.get("OUTCOMES_FEED_BASE_URL") or None,
            os.environ.get("OUTCOMES_PUBLIC_FEED_BASE_URL") or None)
