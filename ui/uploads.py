"""Loading an uploaded submission from the app: unpack safely, check, then load.

The page hands over the uploaded zip's bytes; everything else (checks, the all-or-nothing
publish, the journal) is the ETL's own code, the same as `python -m etl load`.

Zips made by Windows Explorer on a Korean PC store file names in CP949 without the UTF-8 flag,
so a name is taken as UTF-8 when its flag says so, else as CP949 when its bytes decode strictly
as CP949, else the archive is refused: a guessed name would no longer match the manifest's
`[files]` map. Every message names paths as they are inside the upload (under the upload's own
name), never the server's temporary folder.
"""

from __future__ import annotations

import io
import re
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from etl.load import LoadReport, LoadStopped, load, stopped_by
from etl.problems import FileProblem
from etl.report import write_journal

MAX_MEMBERS = 2_000
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
UTF8_FLAG = 0x800
CHUNK = 1024 * 1024


class UploadRefused(ValueError):
    """The upload is not a safe submission archive; the reason in English and Korean."""

    def __init__(self, message_en: str, message_ko: str) -> None:
        super().__init__(message_en)
        self.message_en = message_en
        self.message_ko = message_ko

    def message(self, language: str) -> str:
        """The reason in `language` ("ko" or "en")."""
        return self.message_ko if language == "ko" else self.message_en

    def __str__(self) -> str:
        return f"{self.message_ko} / {self.message_en}"


def member_name(member: zipfile.ZipInfo) -> str:
    """The member's name: UTF-8 when flagged, else CP949 if it decodes strictly, else refused."""
    if member.flag_bits & UTF8_FLAG:
        return member.filename
    raw = member.filename.encode("cp437")  # zipfile decoded the unflagged bytes as CP437
    try:
        name = raw.decode("cp949")
    except UnicodeDecodeError:
        shown = raw.decode("cp949", errors="replace")
        raise UploadRefused(
            f"the file name {shown!r} in the archive is neither UTF-8 nor CP949; zip the folder "
            "again (Windows: Send to > Compressed folder, or 7-Zip with UTF-8 names)",
            f"압축 파일 안의 파일 이름 {shown!r}이(가) UTF-8도 CP949도 아닙니다. 폴더를 다시 "
            "압축해 주세요 (윈도우: 보내기 > 압축(ZIP) 폴더, 또는 7-Zip에서 UTF-8 이름)") from None
    return name.replace("\\", "/")  # a backslash left after CP949 decoding is a separator


def _safe_parts(name: str) -> tuple[str, ...]:
    """The path's parts, refusing absolute paths, drive letters and `..`."""
    path = PurePosixPath(name)
    parts = tuple(p for p in path.parts if p not in ("", "."))
    if path.is_absolute() or ".." in parts or (parts and ":" in parts[0]):
        raise UploadRefused(f"unsafe path in archive: {name}",
                            f"압축 파일에 안전하지 않은 경로가 있습니다: {name}")
    return parts


def _damaged(name: str) -> UploadRefused:
    return UploadRefused(
        f"damaged archive: {name} does not match its stored size or checksum (a cut-off "
        "download?); zip the folder again",
        f"손상된 압축 파일입니다: {name}의 크기나 체크섬이 저장된 값과 다릅니다 (내려받기가 "
        "중간에 끊겼나요?). 폴더를 다시 압축해 주세요")


def _extract(bundle: zipfile.ZipFile, member: zipfile.ZipInfo, name: str,
             destination: Path, budget: int) -> int:
    """Copy one member, checking its size and CRC; returns the bytes written."""
    written = 0
    try:
        with bundle.open(member) as source, destination.open("wb") as sink:
            while chunk := source.read(CHUNK):
                written += len(chunk)
                if written > min(member.file_size, budget):
                    break
                sink.write(chunk)
    except (zipfile.BadZipFile, EOFError, zlib.error, OSError, ValueError):
        raise _damaged(name) from None
    except (NotImplementedError, RuntimeError):  # unsupported compression, encryption
        raise UploadRefused(f"{name} is encrypted or compressed in a way that is not supported",
                            f"{name}은(는) 암호가 걸렸거나 지원하지 않는 방식으로 압축되었습니다"
                            ) from None
    if written != member.file_size:
        raise _damaged(name)
    return written


def unpack(archive: bytes, target: Path) -> Path:
    """Extract a zip of submission folders into `target`, refusing unsafe or damaged archives."""
    try:
        bundle = zipfile.ZipFile(io.BytesIO(archive))
        members = bundle.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError) as error:
        raise UploadRefused(f"not a zip archive ({error})",
                            f"zip 압축 파일이 아닙니다 ({error})") from None
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
        raise UploadRefused("the archive is too large", "압축 파일이 너무 큽니다")
    planned = [(member, member_name(member)) for member in members]
    paths = [(member, name, _safe_parts(name)) for member, name in planned]
    budget = MAX_UNPACKED_BYTES
    for member, name, parts in paths:
        if not parts:
            continue
        destination = target.joinpath(*parts)
        if member.is_dir() or name.endswith("/"):
            destination.mkdir(parents=True, exist_ok=True)
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        budget -= _extract(bundle, member, name, destination, budget)
    return target


def _folder_name(file_name: str | None) -> str:
    """The upload's own name (without `.zip`), safe as one folder name."""
    stem = Path(file_name or "upload.zip").stem
    return re.sub(r"[^\w.-]+", "_", stem).strip("._") or "upload"


def check_or_load(archive: bytes, *, dry_run: bool, loaded_by: str,
                  progress: Callable[[int, int, str], None] | None = None,
                  file_name: str | None = None) -> tuple[LoadReport, Path]:
    """Check (dry run) or load the submissions in a zip; returns the report and its journal.

    A load that stops (no submission in the zip, a failed publish) comes back as a report with
    `stopped` set, never as an exception.
    """
    with tempfile.TemporaryDirectory(prefix="upload-") as folder:
        root = unpack(archive, Path(folder) / _folder_name(file_name))
        try:
            report = load(root, dry_run=dry_run, loaded_by=loaded_by, progress=progress)
        except LoadStopped as stopped:
            report = stopped.report
        except FileProblem as problem:
            report = LoadReport([], None, dry_run, stopped=(
                f"{root.name}: {problem.message_en}", f"{root.name}: {problem.message_ko}"))
        except Exception as error:  # noqa: BLE001 - a sentence on the page, not a traceback
            report = LoadReport([], None, dry_run, stopped=stopped_by(
                error, f"reading {root.name}", f"{root.name}을(를) 읽는"))
        if report.stopped:  # a library's error text may hold the temporary path
            report.stopped = (report.stopped[0].replace(f"{folder}/", ""),
                              report.stopped[1].replace(f"{folder}/", ""))
        return report, write_journal(report)
