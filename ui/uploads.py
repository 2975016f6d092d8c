"""Loading an uploaded submission from the app: unpack safely, check, then load.

The page hands over the uploaded zip's bytes; everything else (checks, the all-or-nothing
publish, the journal) is the ETL's own code, the same as `python -m etl load`.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from etl.load import LoadReport, load
from etl.report import write_journal

MAX_MEMBERS = 2_000
MAX_UNPACKED_BYTES = 200 * 1024 * 1024


class UploadRefused(ValueError):
    """The upload is not a safe submission archive."""


def unpack(archive: bytes, target: Path) -> Path:
    """Extract a zip of submission folders into `target`, refusing unsafe archives."""
    try:
        bundle = zipfile.ZipFile(io.BytesIO(archive))
    except zipfile.BadZipFile as error:
        raise UploadRefused(f"not a zip archive ({error})") from None
    members = bundle.infolist()
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
        raise UploadRefused("the archive is too large")
    for member in members:
        destination = (target / member.filename).resolve()
        if not destination.is_relative_to(target.resolve()):
            raise UploadRefused(f"unsafe path in archive: {member.filename}")
    bundle.extractall(target)
    return target


def check_or_load(archive: bytes, *, dry_run: bool, loaded_by: str,
                  progress: Callable[[int, int, str], None] | None = None
                  ) -> tuple[LoadReport, Path]:
    """Check (dry run) or load the submissions in a zip; returns the report and its journal."""
    with tempfile.TemporaryDirectory(prefix="upload-") as folder:
        root = unpack(archive, Path(folder))
        report = load(root, dry_run=dry_run, loaded_by=loaded_by, progress=progress)
        return report, write_journal(report)
