"""Which reader reads a submitted file: chosen by its extension (and a .txt's content).

The spreadsheet and CSV readers (etl/readers.py) and the publication readers
(etl/publication_readers.py, which share the readers' row numbers and text decoding) are
chosen here, so imports run one way: files -> publication_readers -> readers.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from contract import PUBLICATIONS, dataset_for_source
from etl.problems import FileProblem
from etl.publication_readers import (
    PUBLICATION_SUFFIXES,
    is_publication_text,
    read_publication_file,
)
from etl.readers import RawTable, read_csv, read_xlsx


def read_file(path: Path, declared_dataset: str | None,
              ror_names: Mapping[str, str] | None = None) -> list[RawTable]:
    """Read one submitted file, choosing the reader by its extension (and a .txt's content).

    `ror_names` (ROR id -> reference name) lets publication readers name ROR-identified
    affiliations the way the institution matcher knows them.
    """
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return read_xlsx(path)
    if suffix in PUBLICATION_SUFFIXES or (suffix == ".txt" and is_publication_text(path)):
        frame = read_publication_file(path, ror_names)
        return [RawTable(PUBLICATIONS, path.name, None, frame)]
    if suffix in {".xls", ".xlsm", ".xlsb", ".ods"}:
        raise FileProblem(path.name, "unknown_format",
                          f"'{suffix}' workbooks are not accepted: save the file as an Excel "
                          "Workbook (.xlsx)",
                          f"'{suffix}' 파일은 받을 수 없습니다. 'Excel 통합 문서(.xlsx)'로 "
                          "저장하세요")
    if suffix in {".csv", ".txt"}:
        dataset = dataset_for_source(declared_dataset or path.stem)
        if dataset is None:
            raise FileProblem(path.name, "unknown_dataset",
                              "unknown dataset: name the file after a dataset or map it in "
                              "submission.toml [files]",
                              "데이터셋을 알 수 없습니다. 파일 이름을 데이터셋 이름으로 하거나 "
                              "submission.toml의 [files]에 지정하세요")
        return [read_csv(path, dataset)]
    raise FileProblem(path.name, "unknown_format",
                      f"files of type '{suffix or path.name}' are not accepted "
                      "(xlsx, csv, bib, ris, json, Web of Science txt)",
                      f"'{suffix or path.name}' 형식은 받을 수 없습니다 "
                      "(xlsx, csv, bib, ris, json, Web of Science txt)")
