"""Readers: one file in, raw text frames out, nothing more.

Every reader returns `RawTable`s whose columns are the contract's column names, all values as
text (or null), plus `_row`, the row number a submitter sees in the file. Typing and checking is
the validator's job, so a reader never rejects a row; it only raises a `FileProblem` when the file
as a whole cannot be read (unreadable bytes, unknown dataset, required columns missing).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import fastexcel
import polars as pl

from contract import Dataset, dataset_for_source
from etl.problems import FileProblem, first_line

ROW = "_row"
HEADER_SEARCH_ROWS = 20


@dataclass(frozen=True)
class RawTable:
    """Text values of one dataset from one file (and sheet), before validation."""

    dataset: Dataset
    file_name: str
    sheet: str | None
    frame: pl.DataFrame


def _header_token(text: str) -> str:
    """Compare headers loosely: case, spaces, underscores and brackets do not matter."""
    return re.sub(r"[\s_()\[\]·.-]+", "", text).casefold()


def _header_map(dataset: Dataset) -> dict[str, str]:
    return {_header_token(h): c.name for c in dataset.columns for h in c.headers}


def decode_text(data: bytes, file_name: str) -> str:
    """Decode CSV bytes as UTF-8 (with or without BOM), UTF-16 with BOM, or CP949/EUC-KR."""
    encodings = ("utf-16",) if data.startswith((b"\xff\xfe", b"\xfe\xff")) else \
        ("utf-8-sig", "cp949")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileProblem(file_name, "undecodable",
                      "the file is neither UTF-8 nor CP949/EUC-KR text; save it as CSV UTF-8",
                      "UTF-8 또는 CP949(EUC-KR) 텍스트가 아닙니다. 'CSV UTF-8' 형식으로 저장하세요")


def frame_from_grid(grid: pl.DataFrame, dataset: Dataset, file_name: str,
                    sheet: str | None) -> RawTable:
    """Find the header row in a grid of text cells and name the columns by the contract."""
    known = _header_map(dataset)
    cells = grid.head(HEADER_SEARCH_ROWS).rows()
    header_index = None
    for index, row in enumerate(cells):
        hits = sum(1 for cell in row if cell is not None and _header_token(str(cell)) in known)
        if hits >= 2 or (hits >= 1 and len(dataset.columns) == 1):
            header_index = index
            break
    where = f"{file_name}" + (f" [{sheet}]" if sheet else "")
    if header_index is None:
        raise FileProblem(where, "no_header",
                          f"no header row with the {dataset.name} columns in the first "
                          f"{HEADER_SEARCH_ROWS} rows",
                          f"처음 {HEADER_SEARCH_ROWS}행 안에 '{dataset.korean}' "
                          "머리글 행이 없습니다")
    renames: dict[str, str] = {}
    for grid_column, cell in zip(grid.columns, cells[header_index], strict=True):
        name = known.get(_header_token(str(cell))) if cell is not None else None
        if name and name not in renames.values():
            renames[grid_column] = name
    missing = [c for c in dataset.columns if c.required and c.name not in renames.values()]
    if missing:
        names = ", ".join(f"{c.korean} ({c.name})" for c in missing)
        raise FileProblem(where, "missing_columns", f"required columns are missing: {names}",
                          f"필수 열이 없습니다: {names}")
    body = (grid.with_row_index(ROW, offset=1)
            .slice(header_index + 1)
            .select(pl.col(ROW).cast(pl.Int64), *[pl.col(g).alias(n) for g, n in renames.items()]))
    body = body.with_columns(pl.col(n).str.strip_chars() for n in renames.values())
    not_blank = pl.any_horizontal(pl.col(n).is_not_null() & (pl.col(n) != "")
                                  for n in renames.values())
    body = body.filter(not_blank)
    absent = [pl.lit(None, dtype=pl.String).alias(c.name) for c in dataset.columns
              if c.name not in renames.values()]
    frame = body.with_columns(absent).select(ROW, *[c.name for c in dataset.columns])
    return RawTable(dataset, file_name, sheet, frame)


def read_xlsx(path: Path) -> list[RawTable]:
    """Every sheet of a workbook whose name is a dataset name; other sheets are ignored."""
    try:
        workbook = fastexcel.read_excel(path)
    except Exception as error:  # noqa: BLE001 - fastexcel raises several unrelated types
        detail = first_line(error).removeprefix("calamine error: ")
        raise FileProblem(path.name, "corrupt_xlsx",
                          f"not a readable .xlsx workbook: damaged, cut off, or not saved as "
                          f"an Excel Workbook ({detail})",
                          f"읽을 수 있는 .xlsx 파일이 아닙니다. 손상되었거나 일부만 전송되었거나 "
                          f"'Excel 통합 문서'로 저장되지 않았습니다 ({detail})") from None
    tables = []
    for sheet in workbook.sheet_names:
        dataset = dataset_for_source(sheet)
        if dataset is None:
            continue
        try:
            grid = workbook.load_sheet(sheet, header_row=None, dtypes="string").to_polars()
        except Exception as error:  # noqa: BLE001
            raise FileProblem(f"{path.name} [{sheet}]", "corrupt_xlsx",
                              f"the sheet cannot be read ({first_line(error)})",
                              f"시트를 읽을 수 없습니다 ({first_line(error)})") from None
        if grid.height == 0:
            continue
        tables.append(frame_from_grid(grid, dataset, path.name, sheet))
    if not tables:
        raise FileProblem(path.name, "unknown_dataset",
                          "no sheet is named after a dataset "
                          "(e.g. 참여학생, 졸업생진로, 공동연구과제)",
                          "데이터셋 이름(예: 참여학생, 졸업생진로, 공동연구과제)의 "
                          "시트가 없습니다")
    return tables


def read_csv(path: Path, dataset: Dataset) -> RawTable:
    """A CSV file in any of the encodings Korean spreadsheets save."""
    text = decode_text(path.read_bytes(), path.name)
    if not text.strip():
        raise FileProblem(path.name, "empty_file", "the file is empty", "파일이 비어 있습니다")
    # Excel's "Unicode text" is tab-separated UTF-16; its CSV is comma-separated
    head = "\n".join(text.splitlines()[:HEADER_SEARCH_ROWS])
    separator = "\t" if head.count("\t") > head.count(",") else ","
    try:
        grid = pl.read_csv(io.BytesIO(text.encode("utf-8")), has_header=False,
                           separator=separator, infer_schema=False,
                           truncate_ragged_lines=True)
    except pl.exceptions.PolarsError as error:
        raise FileProblem(path.name, "corrupt_csv",
                          f"not a readable CSV file ({first_line(error)})",
                          f"읽을 수 있는 CSV 파일이 아닙니다 ({first_line(error)})") from None
    return frame_from_grid(grid, dataset, path.name, None)
