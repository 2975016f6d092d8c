"""Where things live, in one place.

Every path is derived from this file's location and can be overridden by an environment
variable, so tests and deployments point the whole product elsewhere without code changes.
Nothing here opens files or connections; it only answers questions about locations and keys.
"""

from __future__ import annotations

import os
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
