"""Zip archives built byte-exact as the tools that make them do.

Windows Explorer on a Korean PC writes file names in CP949 without the UTF-8 flag; Python's
zipfile would write UTF-8 with the flag, so the name bytes and flag bits are written as given.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

UTF8_FLAG = 0x800


class RawNameInfo(zipfile.ZipInfo):
    """A member whose name is written as the given bytes, with the UTF-8 flag as given."""

    def __init__(self, raw_name: bytes, utf8_flag: bool) -> None:
        super().__init__(raw_name.decode("cp437"))
        self.raw_name, self.utf8_flag = raw_name, utf8_flag
        self.compress_type = zipfile.ZIP_DEFLATED

    def _encodeFilenameFlags(self) -> tuple[bytes, int]:  # noqa: N802 - zipfile's own name
        flags = self.flag_bits | UTF8_FLAG if self.utf8_flag else self.flag_bits & ~UTF8_FLAG
        return self.raw_name, flags


def zipped(folder: Path, encoding: str = "utf-8") -> bytes:
    """The folder zipped with names in `encoding`: UTF-8 flagged, anything else unflagged."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as bundle:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                name = path.relative_to(folder).as_posix().encode(encoding)
                bundle.writestr(RawNameInfo(name, encoding == "utf-8"), path.read_bytes())
    return buffer.getvalue()
