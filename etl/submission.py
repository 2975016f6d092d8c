"""What a submission is: one consortium, one reporting period, one folder.

A submission folder holds a `submission.toml` manifest and the files of that period:

    vaiv/2025-Q3/
      submission.toml            consortium_id, period, submitted_by, optional [files] map
      참여인력_2025-Q3.xlsx       sheets named after datasets (참여학생, 졸업생진로, ...)
      파견현황.csv                named in [files] because its name is not a dataset name
      publications.bib           BibTeX / RIS / OpenAlex or Crossref JSON: always publications

Loading a submission replaces everything earlier loaded for the same consortium and period, so a
corrected resubmission is simply the same folder sent again.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from contract import SUBMITTED_DATASETS, dataset_for_source
from etl.problems import FileProblem

MANIFEST_NAME = "submission.toml"
PERIOD_PATTERN = re.compile(r"^(?P<year>20\d\d)-Q(?P<quarter>[1-4])$")


@dataclass(frozen=True)
class Submission:
    """A submission folder and what its manifest says about it."""

    folder: Path
    consortium_id: str
    period: str
    submitted_by: str
    file_datasets: dict[str, str] = field(default_factory=dict)

    @property
    def period_end(self) -> date:
        """Last day of the reporting quarter: no event may be dated after it."""
        return period_end(self.period)

    def data_files(self) -> list[Path]:
        """Every file of the submission except the manifest, in a stable order."""
        return sorted(p for p in self.folder.iterdir()
                      if p.is_file() and p.name != MANIFEST_NAME and not p.name.startswith("."))


def period_end(period: str) -> date:
    """The last day of a period written as `2025-Q3`."""
    match = PERIOD_PATTERN.match(period)
    if not match:
        raise ValueError(f"period {period!r} is not of the form 2025-Q3")
    year, quarter = int(match["year"]), int(match["quarter"])
    if quarter == 4:
        return date(year, 12, 31)
    first_of_next = date(year, quarter * 3 + 1, 1)
    return date.fromordinal(first_of_next.toordinal() - 1)


def read_manifest(folder: Path) -> Submission:
    """Parse and check `submission.toml` in `folder`."""
    path = folder / MANIFEST_NAME
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise FileProblem(path.name, "manifest_unreadable",
                          f"cannot read the manifest: {error}",
                          f"제출 정보 파일을 읽을 수 없습니다: {error}") from None
    missing = [k for k in ("consortium_id", "period", "submitted_by") if not data.get(k)]
    if missing:
        raise FileProblem(path.name, "manifest_incomplete",
                          f"the manifest lacks {', '.join(missing)}",
                          f"제출 정보 파일에 {', '.join(missing)} 항목이 없습니다")
    period = str(data["period"])
    if not PERIOD_PATTERN.match(period):
        raise FileProblem(path.name, "manifest_period",
                          f"period {period!r} is not of the form 2025-Q3",
                          f"보고기간 {period!r}이(가) 2025-Q3 형식이 아닙니다")
    return Submission(folder=folder, consortium_id=str(data["consortium_id"]), period=period,
                      submitted_by=str(data["submitted_by"]),
                      file_datasets=_file_datasets(folder, data.get("files", {})))


def _file_datasets(folder: Path, files: object) -> dict[str, str]:
    """The manifest's [files] table, checked: every file exists, every dataset is known."""
    if not isinstance(files, dict):
        raise FileProblem(MANIFEST_NAME, "manifest_files",
                          "[files] must be a table of \"file name\" = \"dataset\" lines",
                          "[files]는 \"파일 이름\" = \"데이터셋\" 형식이어야 합니다")
    for name, dataset in files.items():
        if not (folder / str(name)).is_file():
            raise FileProblem(MANIFEST_NAME, "manifest_file_missing",
                              f"[files] names {name!r}, which is not in the folder",
                              f"[files]에 적힌 {name!r} 파일이 폴더에 없습니다")
        if dataset_for_source(str(dataset)) is None:
            raise FileProblem(MANIFEST_NAME, "manifest_dataset",
                              f"[files] maps {name!r} to {dataset!r}, which is not a dataset "
                              f"({', '.join(d.name for d in SUBMITTED_DATASETS)})",
                              f"[files]의 {name!r}에 지정한 {dataset!r}은(는) 데이터셋이 "
                              f"아닙니다 ({', '.join(d.korean for d in SUBMITTED_DATASETS)})")
    return {str(k): str(v) for k, v in files.items()}


def find_submissions(root: Path) -> list[Path]:
    """Every submission folder at or below `root`, in consortium and period order."""
    if (root / MANIFEST_NAME).is_file():
        return [root]
    return sorted(p.parent for p in root.rglob(MANIFEST_NAME))
