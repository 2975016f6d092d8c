"""The manifest of a snapshot: what was frozen, from which code and data, and every file's hash.

Everything in it but `created_at` depends only on the warehouse version and the code, so two
publishes of the same quarter from the same warehouse give the same row counts, KPI values and
file hashes. The public edition gets its own manifest (public figures only, no creation time)
so that its folder can be handed out on its own.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import polars as pl

import config

KPI_FIELDS = ("kpi_id", "consortium_id", "value", "numerator", "denominator", "target_value",
              "projected_value", "status")


def sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_hashes(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, dict[str, Any]]:
    """Relative path -> {sha256, bytes} for every file below `folder`, in name order."""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return {p.relative_to(folder).as_posix(): {"sha256": sha256(p), "bytes": p.stat().st_size}
            for p in files if p.relative_to(folder).as_posix() not in skip}


def code_version() -> str:
    """The git commit of the code (with -dirty for uncommitted changes), else its version."""
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=config.PROJECT_ROOT,
                                capture_output=True, text=True, check=True).stdout.strip()
        changes = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                                 cwd=config.PROJECT_ROOT, capture_output=True, text=True,
                                 check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        project = tomllib.loads((config.PROJECT_ROOT / "pyproject.toml").read_text("utf-8"))
        return project["project"]["version"]
    return f"{commit}-dirty" if changes else commit


def kpi_values(rows: pl.DataFrame) -> list[dict[str, Any]]:
    """The quarter's KPI rows as plain records (flags included when the rows carry them)."""
    fields = [f for f in rows.columns if f in KPI_FIELDS or f.endswith("_flag")]
    ordered = rows.sort("display_order", "consortium_id") if "display_order" in rows.columns \
        else rows
    return ordered.select(fields).to_dicts()


def write(path: Path, manifest: dict[str, Any]) -> None:
    """Write a manifest as stable, readable JSON."""
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True,
                               default=str) + "\n", encoding="utf-8")
