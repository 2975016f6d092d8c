"""The ministry's reference data (consortia, institutions, members, top venues, the grant
register) as frames.

Reference files are kept in data/reference/ with English headers and checked against the same
contract machinery as submissions; a reference file with any bad row stops the load, because every
submission is matched against it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import polars as pl

import config
from contract import REFERENCE_DATASETS
from etl.institutions import name_index
from etl.problems import FileProblem
from etl.readers import read_csv
from etl.validate import Context, validate


@dataclass(frozen=True)
class Reference:
    """Reference tables by dataset name, and the institution name index built from them."""

    frames: dict[str, pl.DataFrame]
    #: hash of the reference files, so an unchanged reference is not rewritten
    fingerprint: str

    @property
    def institution_index(self) -> dict[str, str]:
        """Every known institution name -> institution_id."""
        return name_index(self.frames["institutions"])

    @property
    def ror_names(self) -> dict[str, str]:
        """ROR id -> the institution's English name, for readers of ROR-tagged affiliations."""
        institutions = self.frames["institutions"].drop_nulls("ror_id")
        return dict(zip(institutions["ror_id"], institutions["name_en"], strict=True))

    @property
    def consortium_ids(self) -> frozenset[str]:
        """Ids of the consortia in the program."""
        return frozenset(self.frames["consortia"]["consortium_id"].to_list())


def read_reference(folder: Path | None = None) -> Reference:
    """Read and check every reference file."""
    folder = folder or config.REFERENCE_DIR
    context = Context(period_end=date(2100, 12, 31), institution_index={}, kpi_ids=frozenset())
    frames = {}
    digest = hashlib.sha256()
    for dataset in REFERENCE_DATASETS:
        path = folder / f"{dataset.name}.csv"
        if not path.is_file():
            raise FileProblem(path.name, "missing_reference", f"reference file {path} is missing",
                              f"기준 정보 파일 {path}이(가) 없습니다")
        digest.update(path.read_bytes())
        checked = validate(read_csv(path, dataset), context)
        if checked.rejections.height:
            first = checked.rejections.row(0, named=True)
            raise FileProblem(path.name, "bad_reference",
                              f"row {first['row_number']}, column {first['column_name']}: "
                              f"{first['reason_code']}",
                              f"{first['row_number']}행 {first['column_name']} 열: "
                              f"{first['reason_code']}")
        frames[dataset.name] = checked.accepted.select(c.name for c in dataset.columns)
    _check_grant_consortia(frames)
    return Reference(frames, digest.hexdigest())


def _check_grant_consortia(frames: dict[str, pl.DataFrame]) -> None:
    """Every register row names a consortium of the program."""
    known = set(frames["consortia"]["consortium_id"].to_list())
    for row_number, consortium_id in enumerate(frames["grants"]["consortium_id"].to_list(), 2):
        if consortium_id not in known:
            raise FileProblem("grants.csv", "bad_reference",
                              f"row {row_number}, column consortium_id: {consortium_id!r} is not "
                              "in consortia.csv",
                              f"{row_number}행 consortium_id 열: {consortium_id!r}은(는) "
                              "consortia.csv에 없습니다")
